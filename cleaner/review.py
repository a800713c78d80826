"""A review session: proposals, a person's decisions on them, undo/redo, filters and the output.

Pure: no terminal, no files, no clock. The TUI drives a `ReviewSession`; `cleaner.tui.workspace`
persists its decisions in the correction log and writes the output.

A proposal starts as `auto` (the cleaner would apply it unattended) or `pending` (it needs a
person). A person accepts, rejects or edits it. The output is the input with every `auto`,
`accepted` and `edited` proposal applied (edited ones with the person's text).
"""

from __future__ import annotations

import bisect
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from cleaner.edit import Edit, Safety, apply, fast_edit
from cleaner.errors import LogError

LAYOUT_PASS = "layout"
SEARCH_CONTEXT_CHARS = 4  # as much as the list shows either side of a change


class Status(StrEnum):
    """Where a proposal stands; the values are the correction log's decision statuses."""

    AUTO = "auto"
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EDITED = "edited"


APPLIED_STATUSES = frozenset({Status.AUTO, Status.ACCEPTED, Status.EDITED})
STATUS_ORDER = (Status.PENDING, Status.ACCEPTED, Status.REJECTED, Status.EDITED, Status.AUTO)

# Confidence bands a reviewer filters by: name -> [low, high).
CONFIDENCE_BANDS: dict[str, tuple[float, float]] = {
    "low": (0.0, 0.5),
    "medium": (0.5, 0.8),
    "high": (0.8, 0.95),
    "certain": (0.95, 1.01),
}


@dataclass(frozen=True, slots=True)
class Decision:
    """A status, and for `edited` the text the person typed instead of the proposal's `after`."""

    status: Status
    text: str | None = None

    @property
    def is_applied(self) -> bool:
        return self.status in APPLIED_STATUSES


@dataclass(frozen=True, slots=True)
class Proposal:
    """An Edit offered for review, with its 1-based line and column in the input."""

    edit: Edit
    line: int
    column: int
    id: str = ""  # the edit's id, computed once (build_proposals fills it in)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", self.edit.id)

    @property
    def proposed(self) -> Status:
        """What the cleaner said before anybody looked: auto or pending."""
        return Status.AUTO if self.edit.safety is Safety.AUTO else Status.PENDING


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of the review list: a proposal, or all layout edits reflowing one paragraph."""

    members: tuple[int, ...]

    @property
    def is_paragraph(self) -> bool:
        return len(self.members) > 1


@dataclass(frozen=True, slots=True)
class Row:
    """A line of the review list: an item, or one member of an expanded paragraph."""

    item: int
    member: int | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """One proposal's decision going from `old` to `new`."""

    index: int
    old: Decision
    new: Decision


@dataclass(frozen=True, slots=True)
class Step:
    """What one keystroke did (a bulk action is one step); undo reverts it as a whole."""

    label: str
    changes: tuple[Change, ...]

    def inverted(self) -> Step:
        return Step(self.label, tuple(Change(c.index, c.new, c.old) for c in reversed(self.changes)))

    @property
    def indexes(self) -> tuple[int, ...]:
        return tuple(change.index for change in self.changes)


@dataclass(frozen=True, slots=True)
class Filter:
    """Which items the list shows; an empty filter shows everything."""

    statuses: frozenset[Status] = frozenset()
    pass_name: str | None = None
    rule_id: str | None = None
    band: str | None = None
    query: str = ""

    @property
    def is_empty(self) -> bool:
        return self == Filter()

    def describe(self) -> str:
        parts = []
        if self.statuses:
            parts.append("status " + "|".join(s.value for s in STATUS_ORDER if s in self.statuses))
        if self.pass_name:
            parts.append(f"pass {self.pass_name}")
        if self.rule_id:
            parts.append(f"rule {self.rule_id}")
        if self.band:
            low, high = CONFIDENCE_BANDS[self.band]
            parts.append(f"confidence {self.band} ({low:g}–{min(high, 1.0):g})")
        if self.query:
            parts.append(f"search “{self.query}”")
        return " · ".join(parts)


def build_proposals(text: str, edits: Iterable[Edit]) -> tuple[Proposal, ...]:
    """Proposals in text order with line and column, found in one sweep over `text`."""
    ordered = sorted(edits, key=lambda edit: (edit.start, edit.end))
    proposals = []
    line, line_start, position = 1, 0, 0
    for edit in ordered:
        newlines = text.count("\n", position, edit.start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", position, edit.start) + 1
        position = edit.start
        proposals.append(Proposal(edit, line, edit.start - line_start + 1, edit.id))
    return tuple(proposals)


def group_items(text: str, proposals: Sequence[Proposal]) -> tuple[Item, ...]:
    """Items in text order; the layout edits reflowing one paragraph form one item per safety.

    Layout edits belong to one paragraph when no line break survives between them: none in the
    text between them, none in what they put in. An edit that keeps a break (blank lines
    reduced to one) stands alone and ends the paragraph. Within a paragraph the auto joins form
    one item and those needing review another, so a doubtful join is decided on its own.
    """
    paragraphs: list[list[int]] = []
    singles: list[list[int]] = []
    open_paragraph: list[int] | None = None
    for index, proposal in enumerate(proposals):
        edit = proposal.edit
        if edit.pass_name != LAYOUT_PASS:
            singles.append([index])
        elif "\n" in edit.after:
            singles.append([index])
            open_paragraph = None
        elif open_paragraph is not None and text.find(
            "\n", proposals[open_paragraph[-1]].edit.end, edit.start
        ) == -1:
            open_paragraph.append(index)
        else:
            open_paragraph = [index]
            paragraphs.append(open_paragraph)
    groups = list(singles)
    for paragraph in paragraphs:
        by_safety: dict[Safety, list[int]] = {}
        for member in paragraph:
            by_safety.setdefault(proposals[member].edit.safety, []).append(member)
        groups.extend(by_safety.values())
    groups.sort(key=lambda members: members[0])
    return tuple(Item(tuple(members)) for members in groups)


def edited(edit: Edit, decision: Decision) -> Edit | None:
    """The Edit a decision puts into the output, or None when it leaves the input as it is."""
    if not decision.is_applied:
        return None
    if decision.status is Status.EDITED and decision.text is not None:
        return replace(edit, after=decision.text)
    return edit


class ReviewSession:
    """The proposals for one document and the decisions taken on them, with undo and redo."""

    def __init__(
        self,
        text: str,
        proposals: Sequence[Proposal],
        decisions: Mapping[str, Decision] | None = None,
    ) -> None:
        self.text = text
        self.proposals = tuple(proposals)
        self.items = group_items(text, self.proposals)
        self._index_by_id = {proposal.id: index for index, proposal in enumerate(self.proposals)}
        known = decisions or {}
        self._decisions = [known.get(p.id, Decision(p.proposed)) for p in self.proposals]
        self._counts: Counter[Status] = Counter(decision.status for decision in self._decisions)
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._item_of = [0] * len(self.proposals)
        for item_index, item in enumerate(self.items):
            for member in item.members:
                self._item_of[member] = item_index
        self.revision = 0  # grows with every change: callers use it to invalidate caches
        self._starts = [proposal.edit.start for proposal in self.proposals]

    # -- reading ---------------------------------------------------------------------------

    def decision(self, index: int) -> Decision:
        return self._decisions[index]

    def index_of(self, edit_id: str) -> int | None:
        return self._index_by_id.get(edit_id)

    def item_of(self, index: int) -> int:
        """The item (list entry) a proposal belongs to."""
        return self._item_of[index]

    @property
    def counts(self) -> Mapping[Status, int]:
        """How many proposals have each status (kept up to date incrementally)."""
        return self._counts

    def status_of(self, members: Sequence[int]) -> Status | None:
        """The common status of some proposals, or None when they differ."""
        first = self._decisions[members[0]].status
        if all(self._decisions[member].status is first for member in members):
            return first
        return None

    def has_pending(self, members: Sequence[int]) -> bool:
        return any(self._decisions[member].status is Status.PENDING for member in members)

    def members(self, row: Row) -> tuple[int, ...]:
        """The proposals a row stands for."""
        return self.items[row.item].members if row.member is None else (row.member,)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    # -- deciding --------------------------------------------------------------------------

    def accept(self, members: Iterable[int]) -> Step | None:
        return self._apply_step("accept", [(m, Decision(Status.ACCEPTED)) for m in members])

    def reject(self, members: Iterable[int]) -> Step | None:
        return self._apply_step("reject", [(m, Decision(Status.REJECTED)) for m in members])

    def toggle(self, members: Sequence[int]) -> Step | None:
        """Rejected if the proposals are applied now (all of them), accepted otherwise."""
        if all(self._decisions[member].is_applied for member in members):
            return self.reject(members)
        return self.accept(members)

    def edit(self, index: int, text: str) -> Step | None:
        """Replace the proposal's `after` with the person's `text` (== after: accept; == before: reject)."""
        edit = self.proposals[index].edit
        if text == edit.after:
            decision = Decision(Status.ACCEPTED)
        elif text == edit.before:
            decision = Decision(Status.REJECTED)
        else:
            decision = Decision(Status.EDITED, text)
        return self._apply_step("edit", [(index, decision)])

    def bulk(self, status: Status, members: Iterable[int]) -> Step | None:
        """Accept or reject many proposals as one undoable step."""
        chosen = tuple(members)
        label = f"{'accept' if status is Status.ACCEPTED else 'reject'} {len(chosen)}"
        return self._apply_step(label, [(m, Decision(status)) for m in chosen])

    def same_rule(self, index: int, status: Status) -> tuple[int, ...]:
        """Proposals of this proposal's rule that `status` would change (person-edited ones kept)."""
        rule = self.proposals[index].edit.rule_id
        return self._bulk_candidates(lambda edit: edit.rule_id == rule, status)

    def same_pair(self, index: int, status: Status) -> tuple[int, ...]:
        """Proposals making this exact before→after change that `status` would change."""
        edit = self.proposals[index].edit
        return self._bulk_candidates(
            lambda other: other.before == edit.before and other.after == edit.after, status
        )

    def _bulk_candidates(self, matches: Callable[[Edit], bool], status: Status) -> tuple[int, ...]:
        return tuple(
            index for index, proposal in enumerate(self.proposals)
            if matches(proposal.edit)
            and self._decisions[index].status not in (status, Status.EDITED)
        )

    def undo(self) -> Step | None:
        """Revert the last step; returns what changed (for the log), or None if nothing to undo."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(step)
        inverse = step.inverted()
        self._set(inverse.changes)
        return inverse

    def redo(self) -> Step | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(step)
        self._set(step.changes)
        return step

    def _apply_step(self, label: str, wanted: list[tuple[int, Decision]]) -> Step | None:
        changes = tuple(
            Change(index, self._decisions[index], decision)
            for index, decision in wanted
            if self._decisions[index] != decision
        )
        if not changes:
            return None
        step = Step(label, changes)
        self._undo.append(step)
        self._redo.clear()
        self._set(changes)
        return step

    def _set(self, changes: Sequence[Change]) -> None:
        for change in changes:
            self._counts[change.old.status] -= 1
            self._counts[change.new.status] += 1
            self._decisions[change.index] = change.new
        self.revision += 1

    # -- output ----------------------------------------------------------------------------

    def output_edits(self) -> list[Edit]:
        """The Edits the decisions put into the output, in text order."""
        result = []
        for proposal, decision in zip(self.proposals, self._decisions, strict=True):
            chosen = edited(proposal.edit, decision)
            if chosen is not None:
                result.append(chosen)
        return result

    def output_text(self) -> str:
        """The input with auto, accepted and edited proposals applied."""
        return apply(self.text, self.output_edits())

    def decisions(self) -> Iterator[tuple[Proposal, Decision]]:
        return zip(self.proposals, self._decisions, strict=True)

    def changes(self, members: Sequence[int]) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of some proposals, a person's edited text taking precedence."""
        result = []
        for member in members:
            edit = self.proposals[member].edit
            decision = self._decisions[member]
            edited_text = decision.text if decision.status is Status.EDITED else None
            result.append((edit.start, edit.end, edit.after if edited_text is None else edited_text))
        return result

    def applied_around(self, members: Sequence[int], start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of the other proposals inside text[start:end] the output applies now.

        What a reviewer must see next to `members` to know what the text will really read.
        """
        chosen = set(members)
        result = []
        for index in range(bisect.bisect_left(self._starts, start), len(self.proposals)):
            edit = self.proposals[index].edit
            if edit.start > end or (edit.start == end and edit.end > end):
                break
            if index in chosen or edit.end > end:
                continue
            applied = edited(edit, self._decisions[index])
            if applied is not None:
                result.append((applied.start, applied.end, applied.after))
        return result

    def context(self, members: Sequence[int], radius: int) -> tuple[int, int]:
        """The span to show around some proposals: their lines, at most `radius` characters either side.

        A change at a line break also shows the lines on either side of the break.
        """
        edits = [self.proposals[member].edit for member in members]
        start = edits[0].start
        end = max(edit.end for edit in edits)
        text = self.text
        at_break = any("\n" in edit.before or "\n" in edit.after for edit in edits) or (
            text[end:end + 1] == "\n" or text[start - 1:start] == "\n"
        )
        return context_window(text, start, end, radius, neighbours=at_break)

    # -- finding ---------------------------------------------------------------------------

    def passes(self) -> list[str]:
        """Pass names present, each merged name split into its parts."""
        return sorted({part for p in self.proposals for part in p.edit.pass_name.split("+")})

    def rules(self) -> list[str]:
        return sorted({part for p in self.proposals for part in p.edit.rule_id.split("+")})

    def visible_items(self, chosen: Filter) -> list[int]:
        """Indexes of the items the filter lets through (an item matches if any member does)."""
        if chosen.is_empty:
            return list(range(len(self.items)))
        return [
            item_index for item_index, item in enumerate(self.items)
            if any(self._matches(member, chosen) for member in item.members)
        ]

    def _matches(self, index: int, chosen: Filter) -> bool:
        edit = self.proposals[index].edit
        if chosen.statuses and self._decisions[index].status not in chosen.statuses:
            return False
        if chosen.pass_name and chosen.pass_name not in edit.pass_name.split("+"):
            return False
        if chosen.rule_id and chosen.rule_id not in edit.rule_id.split("+"):
            return False
        if chosen.band:
            low, high = CONFIDENCE_BANDS[chosen.band]
            if not low <= edit.confidence < high:
                return False
        if chosen.query:
            return self._matches_query(index, chosen.query.casefold())
        return True

    def _matches_query(self, index: int, query: str) -> bool:
        edit = self.proposals[index].edit
        decision = self._decisions[index]
        context = self.text[max(0, edit.start - SEARCH_CONTEXT_CHARS):edit.end + SEARCH_CONTEXT_CHARS]
        haystacks = (
            context, edit.after, edit.rule_id, edit.pass_name, edit.reason, edit.evidence,
            decision.text or "", *edit.alternatives,
        )
        return any(query in haystack.casefold() for haystack in haystacks)


def context_window(text: str, start: int, end: int, radius: int, *, neighbours: bool = False) -> tuple[int, int]:
    """From the start of the line holding `start` to the end of the line holding `end`, clipped.

    With `neighbours`, the non-blank lines before and after are included too.
    """
    if neighbours:
        line_start, line_end = _previous_line_start(text, start), _next_line_end(text, end)
    else:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        if line_end == -1:
            line_end = len(text)
    return max(line_start, start - radius), min(line_end, end + radius)


def _previous_line_start(text: str, position: int) -> int:
    """Start of the last non-blank line that ends before `position` (or the current line's start)."""
    line_start = text.rfind("\n", 0, position) + 1
    probe = line_start - 1
    while probe > 0 and text[probe - 1] == "\n":
        probe -= 1
    return text.rfind("\n", 0, probe) + 1 if probe > 0 else line_start


def _next_line_end(text: str, position: int) -> int:
    """End of the first non-blank line that starts after `position` (or the current line's end)."""
    line_end = text.find("\n", position)
    if line_end == -1:
        return len(text)
    probe = line_end
    while probe < len(text) and text[probe] == "\n":
        probe += 1
    following = text.find("\n", probe)
    return len(text) if following == -1 else following


def rows_for(session: ReviewSession, items: Sequence[int], expanded: frozenset[int]) -> list[Row]:
    """The list's rows: each visible item, followed by its members when it is an expanded paragraph."""
    rows: list[Row] = []
    for item_index in items:
        rows.append(Row(item_index))
        if item_index in expanded and session.items[item_index].is_paragraph:
            rows.extend(Row(item_index, member) for member in session.items[item_index].members)
    return rows


def find_pending(session: ReviewSession, rows: Sequence[Row], position: int, step: int) -> int | None:
    """The next row (step=1) or previous row (step=-1) after `position` with a pending proposal.

    Searching forward wraps around to the top once; backward wraps to the bottom.
    """
    count = len(rows)
    for offset in range(1, count + 1):
        candidate = (position + step * offset) % count
        if session.has_pending(session.members(rows[candidate])):
            return candidate
    return None


# -- reading a correction log -----------------------------------------------------------------
# cleaner.log writes the log; this is the small fold a review needs to resume from it.


@dataclass(frozen=True, slots=True)
class LoggedDecision:
    decision: Decision
    by: str


@dataclass(frozen=True, slots=True)
class LoggedDocument:
    """What a log holds about one input (every run that named the same sha256, folded in order)."""

    path: str
    sha256: str
    edits: tuple[Edit, ...]
    decisions: Mapping[str, LoggedDecision]
    config: Mapping[str, Any] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)
    last_run: str = ""
    output: str | None = None  # where the last result record says the output went
    output_sha256: str | None = None  # and what that output held

    def count(self, status: Status) -> int:
        """Edits whose last decision has `status` (edits without one count as their safety says)."""
        total = 0
        for edit in self.edits:
            logged = self.decisions.get(edit.id)
            current = logged.decision.status if logged else (
                Status.AUTO if edit.is_auto else Status.PENDING
            )
            total += current is status
        return total


def read_log(lines: Iterable[str], where: str = "log") -> list[LoggedDocument]:
    """Fold JSONL log lines into one LoggedDocument per input sha256, in order of first mention.

    The last decision per edit id wins; an edit recorded again later keeps its first record. A
    batch run starts a document afresh (as `cleaner.logread` does); review runs continue it.
    """
    runs: dict[str, dict[str, Any]] = {}
    documents: dict[tuple[str, int], str] = {}  # (run_id, doc) -> sha256
    paths: dict[str, str] = {}
    edits: dict[str, dict[str, Edit]] = {}
    decisions: dict[str, dict[str, LoggedDecision]] = {}
    last_run: dict[str, str] = {}
    outputs: dict[str, str | None] = {}
    output_hashes: dict[str, str | None] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        record = _parse(line, where, number)
        kind = record.get("type")
        try:
            if kind == "run":
                runs[str(record["run_id"])] = record
            elif kind == "document":
                run_id = str(record["run_id"])
                sha = str(record["sha256"])
                run = runs.get(run_id, {})
                documents[(run_id, int(record["doc"]))] = sha
                paths[sha] = _resolve(str(record["path"]), run.get("cwd"))
                if run.get("mode") == "batch" and last_run.get(sha) != run_id:
                    # A batch run starts the document afresh; reviews continue it.
                    edits[sha], decisions[sha] = {}, {}
                edits.setdefault(sha, {})
                decisions.setdefault(sha, {})
                last_run[sha] = run_id
            elif kind == "edit":
                sha = documents[(str(record["run_id"]), int(record["doc"]))]
                edit = _edit_from_record(record)
                edit_id = edit.id
                if edit_id != record["id"]:
                    raise ValueError(f"id {record['id']} does not match the edit it names")
                edits[sha].setdefault(edit_id, edit)
            elif kind == "decision":
                sha = documents[(str(record["run_id"]), int(record["doc"]))]
                text = record.get("text")
                decision = Decision(_STATUSES[record["status"]], None if text is None else str(text))
                decisions[sha][str(record["edit"])] = LoggedDecision(decision, str(record.get("by", "")))
            elif kind == "result":
                sha = documents[(str(record["run_id"]), int(record["doc"]))]
                output = record.get("output")
                run = runs.get(str(record["run_id"]), {})
                outputs[sha] = None if output is None else _resolve(str(output), run.get("cwd"))
                written = record.get("output_sha256")
                output_hashes[sha] = written if isinstance(written, str) else None
        except (KeyError, ValueError, TypeError) as error:
            raise LogError(f"{where}:{number}: malformed {kind} record ({error})") from None
    result = []
    for sha, path in paths.items():
        run = runs.get(last_run[sha], {})
        result.append(LoggedDocument(
            path=path, sha256=sha, edits=tuple(edits[sha].values()), decisions=decisions[sha],
            config=run.get("config") or {}, sources=run.get("sources") or {}, last_run=last_run[sha],
            output=outputs.get(sha), output_sha256=output_hashes.get(sha),
        ))
    return result


def _resolve(path: str, cwd: object) -> str:
    """A logged path as seen from here: relative paths are relative to the run's working folder."""
    if path == "-" or os.path.isabs(path) or not isinstance(cwd, str) or not cwd:
        return path
    return os.path.join(cwd, path)


def _parse(line: str, where: str, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise LogError(f"{where}:{number}: not JSON ({error.msg})") from None
    if not isinstance(record, dict):
        raise LogError(f"{where}:{number}: a log line must be a JSON object")
    return record


def _edit_from_record(record: Mapping[str, Any]) -> Edit:
    return fast_edit(
        int(record["start"]),
        int(record["end"]),
        str(record["before"]),
        str(record["after"]),
        str(record["pass"]),
        str(record["rule"]),
        float(record["confidence"]),
        str(record.get("reason", "")),
        _SAFETIES[record.get("safety", "review")],
        tuple(str(a) for a in record.get("alternatives", ())),
        str(record.get("evidence", "")),
    )


_SAFETIES = {safety.value: safety for safety in Safety}
_STATUSES = {status.value: status for status in Status}
