"""Terminal rendering for audit: summary tables and edits as coloured inline diffs (rich)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cleaner.audit.show import Shown
from cleaner.audit.summary import Summary
from cleaner.logread import STATUSES

_STATUS_STYLES = {
    "auto": "cyan", "accepted": "green", "edited": "yellow", "rejected": "red", "pending": "magenta",
}


_BREAKS = str.maketrans({"\n": "⏎", "\t": "→"})
_VISIBLE = str.maketrans({"\n": "⏎", "\t": "→", " ": "␣", "\u3000": "⎵", "\u00a0": "⍽"})


def visible(text: str) -> str:
    """A changed snippet on one line with its white space visible (space ␣, ideographic ⎵, no-break ⍽)."""
    return text.translate(_VISIBLE)


def on_one_line(text: str) -> str:
    """Context on one line: line breaks and tabs made visible, spaces kept."""
    return text.translate(_BREAKS)


def edit_view(shown: Shown, markers: bool) -> Text:
    """Header (place, pass, rule, status), the change inline in its context, and the reason.

    With `markers` (no colour available) the change is written `[-before-]{+after+}` as in git.
    """
    edit = shown.edit
    view = Text()
    view.append(f"{shown.path}:{edit.text_line}:{edit.column}", style="bold")
    view.append(f"  {edit.pass_name} · {edit.rule_id} · ")
    view.append(shown.status, style=_STATUS_STYLES.get(shown.status, ""))
    if shown.decision is not None:
        view.append(f" by {shown.decision.by}")
    view.append(f" · {edit.confidence:.2f} · {edit.id}\n", style="dim")
    view.append("    ")
    view.append(on_one_line(edit.context_before), style="dim")
    removed, added = visible(edit.before), visible(shown.final_text)
    if markers:
        view.append(f"[-{removed}-]" if removed else "")
        view.append(f"{{+{added}+}}" if added else "")
    else:
        view.append(removed, style="red strike")
        view.append(added, style="bold green")
    view.append(on_one_line(edit.context_after), style="dim")
    view.append(f"\n    {edit.reason}")
    if shown.decision is not None and shown.decision.note:
        view.append(f" — {shown.decision.note}", style="italic")
    return view


def summary_view(summary: Summary) -> RenderableType:
    overview = Table.grid(padding=(0, 2))
    overview.add_row("logs", ", ".join(summary.logs))
    runs = ", ".join(f"{count} {mode}" for mode, count in sorted(summary.runs.items()))
    overview.add_row("runs", f"{sum(summary.runs.values())} ({runs})" if runs else "0")
    overview.add_row("documents", str(summary.documents))
    overview.add_row("edits", str(summary.edits))
    overview.add_row("decisions", str(summary.decisions))
    overview.add_row("lines", str(summary.lines))
    parts: list[RenderableType] = [overview]
    statuses = [status for status in STATUSES if status in summary.statuses]
    parts.append(_status_table("status", {"all": summary.statuses}, statuses))
    parts.append(_status_table("pass", summary.passes, statuses))
    parts.append(_status_table("rule", summary.rules, statuses))
    parts.append(_status_table("reviewer", summary.reviewers, statuses))
    documents = Table(title="documents with most edits", title_justify="left")
    for column in ("document", "edits", "applied"):
        documents.add_column(column, justify="left" if column == "document" else "right")
    for document in summary.top_documents:
        documents.add_row(document.path, str(document.edits), str(document.applied))
    parts.append(documents)
    changes = Table(title="most frequent changes", title_justify="left")
    for column in ("before", "after", "count", "rules"):
        changes.add_column(column, justify="right" if column == "count" else "left")
    for change in summary.top_changes:
        changes.add_row(
            Text(visible(change.before) or "∅", style="red"), Text(visible(change.after) or "∅", style="green"),
            str(change.count), ", ".join(change.rules),
        )
    parts.append(changes)
    return Group(*parts)


def _status_table(name: str, rows: dict[str, dict[str, int]], statuses: list[str]) -> Table:
    table = Table(title=f"by {name}", title_justify="left")
    table.add_column(name)
    for status in statuses:
        table.add_column(status, justify="right", style=_STATUS_STYLES.get(status, ""))
    table.add_column("total", justify="right", style="bold")
    for label, counts in rows.items():
        table.add_row(
            Text(label), *(str(counts.get(status, 0)) for status in statuses), str(sum(counts.values()))
        )
    return table
