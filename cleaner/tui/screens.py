"""Screens of the review app: the main review screen and its dialogs (help, confirm, edit, filter)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from cleaner.errors import CleanerError
from cleaner.review import (
    CONFIDENCE_BANDS,
    Filter,
    ReviewSession,
    Row,
    Status,
    Step,
    find_pending,
    rows_for,
)
from cleaner.tui.alignment import visible
from cleaner.tui.widgets import AlignedDiff, Counters, ProposalDetail, ProposalList

if TYPE_CHECKING:
    from cleaner.tui.workspace import Workspace

DECIDED = frozenset({Status.ACCEPTED, Status.REJECTED, Status.EDITED})
STATUS_CHOICES: dict[str, frozenset[Status]] = {
    "pending": frozenset({Status.PENDING}),
    "decided (accepted, rejected, edited)": DECIDED,
    "accepted": frozenset({Status.ACCEPTED}),
    "rejected": frozenset({Status.REJECTED}),
    "edited": frozenset({Status.EDITED}),
    "auto": frozenset({Status.AUTO}),
}

KEYS = (
    ("Deciding", (
        ("a", "accept, go to the next pending"),
        ("r", "reject, go to the next pending"),
        ("e", "edit the replacement"),
        ("space", "toggle: applied ↔ not applied"),
        ("1…9", "choose an alternative"),
        ("A / R", "accept / reject all like this…"),
        ("u / ctrl+r", "undo / redo (bulk: one step)"),
    )),
    ("Moving", (
        ("n / p", "next / previous pending"),
        ("j k ↓ ↑", "next / previous proposal"),
        ("g / G", "first / last proposal"),
        ("enter", "unfold a paragraph's joins"),
    )),
    ("Finding", (
        ("/", "search text, rule, reason"),
        ("f", "filter: status/pass/rule/confidence"),
        ("escape", "clear search and filter"),
    )),
    ("Keeping", (
        ("s", "save the output"),
        ("q", "quit (asks if not saved)"),
        ("ctrl+p", "command palette"),
        ("?", "this help"),
    )),
)
STATUS_LEGEND = (
    ("● pending", "yellow"), ("✓ accepted", "green"), ("✗ rejected", "red"),
    ("✎ edited", "magenta"), ("• auto", "cyan"), ("◐ mixed", "white"),
)


class ReviewScreen(Screen[None]):
    """The list of proposals above, the selected one in context below, counters and keys at the foot."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # The footer shows them in this order, most needed first (a narrow terminal cuts the end).
        Binding("question_mark", "help", "Help"),
        Binding("a", "accept", "Accept"),
        Binding("r", "reject", "Reject"),
        Binding("e", "edit", "Edit"),
        Binding("n", "pending(1)", "Next pending"),
        Binding("u", "undo", "Undo"),
        Binding("s", "save", "Save"),
        Binding("q", "quit_review", "Quit"),
        Binding("slash", "search", "Search"),
        Binding("f", "filter", "Filter"),
        Binding("A", "bulk('accepted')", "Accept all…"),
        Binding("R", "bulk('rejected')", "Reject all…"),
        Binding("space", "toggle_decision", "Toggle", show=False),
        Binding("p", "pending(-1)", "Prev pending", show=False),
        Binding("ctrl+r", "redo", "Redo", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("enter", "expand", "Expand", show=False),
        *(Binding(str(number), f"alternative({number})", show=False) for number in range(1, 10)),
    ]
    DEFAULT_CSS = """
    ReviewScreen { layout: vertical; }
    ReviewScreen #search { dock: bottom; display: none; border: tall $accent; }
    ReviewScreen #search.visible { display: block; }
    """

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.session: ReviewSession = workspace.session
        self.filter = Filter()
        self.expanded: frozenset[int] = frozenset()
        self._log_failed = False  # told the person that decisions are not being saved

    def compose(self) -> ComposeResult:
        yield Header()
        proposals = ProposalList(self.session, self._show, id="proposals")
        proposals.border_title = "Proposals"
        yield proposals
        detail = ProposalDetail(id="detail")
        detail.border_title = "In context"
        yield detail
        yield Counters(id="counters")
        yield Input(placeholder="search text, rule, reason — enter applies, escape cancels", id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "cleaner review"
        self.sub_title = f"{self.workspace.name} · {self.workspace.reviewer}"
        self._rebuild(cursor_item=None)
        first = find_pending(self.session, self.list.rows, -1, 1) if self.list.rows else None
        if first is not None:
            self.list.move_to(first)
        self.list.focus()
        if self.workspace.resumed:
            self.notify(f"Resumed {self.workspace.resumed} decision(s) from {self.workspace.log.name}")

    @property
    def list(self) -> ProposalList:
        return self.query_one(ProposalList)

    # -- refreshing --------------------------------------------------------------------------

    def _rebuild(self, cursor_item: int | None) -> None:
        """Recompute the rows after the filter or the expansion changed; keep the cursor's item."""
        rows = rows_for(self.session, self.session.visible_items(self.filter), self.expanded)
        cursor = 0
        if cursor_item is not None:
            cursor = next(
                (index for index, row in enumerate(rows) if row.item >= cursor_item and row.member is None), 0
            )
        self.list.set_rows(rows, cursor)  # redraws the detail and the counters

    def _show(self) -> None:
        proposals = self.list
        self.query_one(ProposalDetail).show(self.session, proposals.current)
        self._count()

    def _count(self) -> None:
        proposals = self.list
        self.query_one(Counters).show(
            self.session, proposals.cursor, len(proposals.rows), self.filter.describe(),
            self.workspace.is_unsaved_hint(),
        )

    # -- deciding ----------------------------------------------------------------------------

    def _members(self) -> tuple[int, ...] | None:
        row = self.list.current
        return None if row is None else self.session.members(row)

    def _done(self, step: Step | None, advance: bool) -> None:
        """After a decision: log it, redraw, and move on to the next pending proposal."""
        if step is not None:
            self.workspace.record(step)
            self._check_log()
            self.list.refresh_rows(step.indexes)
        moved = False  # a move redraws the detail itself
        if advance:
            following = find_pending(self.session, self.list.rows, self.list.cursor, 1)
            if following is None:
                self.notify("No pending proposals left. Press s to save the output.", timeout=4)
            else:
                moved = self.list.move_to(following)
        if not moved:
            self._show()

    def _check_log(self) -> None:
        failure = self.workspace.log_failure
        if failure is not None:
            self._log_failed = True
            self.notify(f"Decisions are not being saved: {failure}", severity="error", timeout=10)
        elif self._log_failed:
            self._log_failed = False
            self.notify("Writing to the log again: every decision so far goes in.", timeout=4)

    def action_accept(self) -> None:
        members = self._members()
        if members is not None:
            self._done(self.session.accept(members), advance=True)

    def action_reject(self) -> None:
        members = self._members()
        if members is not None:
            self._done(self.session.reject(members), advance=True)

    def action_toggle_decision(self) -> None:
        members = self._members()
        if members is not None:
            self._done(self.session.toggle(members), advance=False)

    def action_alternative(self, number: int) -> None:
        members = self._members()
        if members is None or len(members) != 1:
            return
        alternatives = self.session.proposals[members[0]].edit.alternatives
        if number > len(alternatives):
            self.notify(f"This proposal has {len(alternatives) or 'no'} alternative(s).", severity="warning")
            return
        self._done(self.session.edit(members[0], alternatives[number - 1]), advance=True)

    def action_edit(self) -> None:
        members = self._members()
        if members is None:
            return
        if len(members) != 1:
            self.notify("A paragraph's joins are edited one by one: press enter to show them.", severity="warning")
            return
        index = members[0]
        decision = self.session.decision(index)
        edit = self.session.proposals[index].edit
        current = decision.text if decision.status is Status.EDITED and decision.text is not None else edit.after

        def edited(text: str | None) -> None:
            if text is not None:
                self._done(self.session.edit(index, text), advance=True)

        self.app.push_screen(EditScreen(self.session, index, current), edited)

    def action_bulk(self, status_name: str) -> None:
        members = self._members()
        if members is None:
            return
        status = Status(status_name)
        index = members[0]
        edit = self.session.proposals[index].edit
        by_rule = self.session.same_rule(index, status)
        by_pair = self.session.same_pair(index, status)
        verb = "Accept" if status is Status.ACCEPTED else "Reject"
        if not by_rule and not by_pair:
            self.notify(f"Nothing to {verb.lower()}: every proposal of this rule already is.", severity="warning")
            return
        pair = f"{visible(edit.before, True) or '∅'} → {visible(edit.after, True) or '∅'}"
        choices = {
            "y": f"{verb} {len(by_rule)} proposal(s) of rule {edit.rule_id}",
            "p": f"{verb} the {len(by_pair)} proposal(s) of any rule changing {pair}",
            "n": "Cancel",
        }
        if len(by_pair) == len(by_rule):
            del choices["p"]

        def chosen(key: str | None) -> None:
            targets = {"y": by_rule, "p": by_pair}.get(key or "")
            if targets:
                self._done(self.session.bulk(status, targets), advance=False)
                self.notify(f"{verb}ed {len(targets)} proposal(s). u undoes it.")

        self.app.push_screen(ConfirmScreen(f"{verb} in the whole document?", choices), chosen)

    def action_undo(self) -> None:
        step = self.session.undo()
        if step is None:
            self.notify("Nothing to undo.")
            return
        self._after_history(step, "Undid")

    def action_redo(self) -> None:
        step = self.session.redo()
        if step is None:
            self.notify("Nothing to redo.")
            return
        self._after_history(step, "Redid")

    def _after_history(self, step: Step, verb: str) -> None:
        self.workspace.record(step)
        self._check_log()
        self.list.refresh_rows(step.indexes)
        target = self.session.item_of(step.changes[0].index)
        row = next((i for i, row in enumerate(self.list.rows) if row.item == target), None)
        if row is None or not self.list.move_to(row):
            self._show()
        self.notify(f"{verb} {step.label} ({len(step.changes)} change(s)).", timeout=2)

    # -- moving and finding -------------------------------------------------------------------

    def action_pending(self, step: int) -> None:
        if not self.list.rows:
            return
        found = find_pending(self.session, self.list.rows, self.list.cursor, step)
        if found is None:
            self.notify("No pending proposals here.")
        else:
            self.list.move_to(found)

    def action_expand(self) -> None:
        row = self.list.current
        if row is None or not self.session.items[row.item].is_paragraph:
            return
        self.expanded = self.expanded ^ {row.item}
        rows = rows_for(self.session, self.session.visible_items(self.filter), self.expanded)
        head = next(index for index, candidate in enumerate(rows) if candidate == Row(row.item))
        self.list.set_rows(rows, head)

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = self.filter.query
        search.add_class("visible")
        search.focus()

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        self._hide_search()
        self.set_filter(Filter(
            self.filter.statuses, self.filter.pass_name, self.filter.rule_id, self.filter.band, event.value.strip(),
        ))

    def _hide_search(self) -> None:
        search = self.query_one("#search", Input)
        search.remove_class("visible")
        self.list.focus()

    def action_clear_filter(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_class("visible"):
            self._hide_search()
            return
        if not self.filter.is_empty:
            self.set_filter(Filter())

    def action_filter(self) -> None:
        self.app.push_screen(FilterScreen(self.session, self.filter, self.set_filter))

    def set_filter(self, chosen: Filter) -> None:
        current = self.list.current
        self.filter = chosen
        self._rebuild(cursor_item=current.item if current is not None else None)
        if not self.list.rows:
            self.notify("No proposal matches; escape clears the filter.", severity="warning")

    # -- keeping -------------------------------------------------------------------------------

    def action_save(self) -> None:
        try:
            report = self.workspace.save()
        except CleanerError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        backup = f" (original kept as {report.backup.name})" if report.backup else ""
        self.notify(f"Saved {report.path} with {report.changes} change(s){backup}.")
        self._count()

    def action_quit_review(self) -> None:
        if not self.workspace.is_unsaved():
            self.app.exit()
            return

        def chosen(key: str | None) -> None:
            if key == "y":
                self.app.exit()
            elif key == "s":
                self.action_save()
                if not self.workspace.is_unsaved():
                    self.app.exit()

        self.app.push_screen(ConfirmScreen(
            "The output is not saved. Quit anyway? (Decisions are kept in the log.)",
            {"y": "Quit without saving the output", "s": "Save, then quit", "n": "Keep reviewing"},
        ), chosen)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by what it is for, in two columns."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "dismiss", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 104; height: auto; max-height: 90%; border: thick $primary; background: $surface; padding: 0 2;
    }
    HelpScreen Horizontal { height: auto; }
    HelpScreen .column { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text("cleaner review — keys", style="bold"))
            with Horizontal():
                yield Static(_key_groups(KEYS[:2]), classes="column")
                legend = _key_groups(KEYS[2:])
                legend.append("\nStatus\n", style="bold underline")
                for index, (label, style) in enumerate(STATUS_LEGEND):
                    legend.append(f"  {label:<12}", style=style)
                    if index % 3 == 2:
                        legend.append("\n")
                yield Static(legend, classes="column")
            yield Static(Text("escape or ? closes this help · every action is also in the palette (ctrl+p)",
                              style="dim"))


def _key_groups(groups: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]) -> Text:
    text = Text()
    for heading, keys in groups:
        text.append(f"\n{heading}\n", style="bold underline")
        for key, meaning in keys:
            text.append(f"  {key:<11}", style="bold cyan")
            text.append(f"{meaning}\n")
    return text


class ConfirmScreen(ModalScreen[str | None]):
    """A question answered with one key; dismisses with that key (None on escape)."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: auto; min-width: 50; max-width: 100; height: auto; border: thick $warning;
        background: $surface; padding: 1 2;
    }
    ConfirmScreen .question { text-style: bold; margin-bottom: 1; }
    ConfirmScreen Static { width: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "choose('')", "Cancel")]

    def __init__(self, question: str, choices: dict[str, str]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question, classes="question")
            for key, meaning in self.choices.items():
                line = Text()
                line.append(f" {key} ", style="bold reverse")
                line.append(f"  {meaning}")
                yield Static(line)

    def on_key(self, event: Any) -> None:
        if event.key in self.choices:
            event.stop()
            self.action_choose(event.key)

    def action_choose(self, key: str) -> None:
        self.dismiss(key if key in self.choices and key != "n" else None)


class EditScreen(ModalScreen[str | None]):
    """Type the replacement for one proposal; enter keeps it, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    EditScreen { align: center middle; }
    EditScreen > Vertical {
        width: 90%; max-width: 120; height: auto; border: thick $accent; background: $surface; padding: 1 2;
    }
    EditScreen Input { margin-top: 1; }
    """

    def __init__(self, session: ReviewSession, index: int, current: str) -> None:
        super().__init__()
        self.session = session
        self.index = index
        self.current = current

    def compose(self) -> ComposeResult:
        proposal = self.session.proposals[self.index]
        edit = proposal.edit
        start, end = self.session.context((self.index,), 40)
        with Vertical():
            yield Label(Text(f"Edit line {proposal.line}, column {proposal.column}: replace "
                             f"“{visible(edit.before, True)}” with…", style="bold"))
            yield Static(AlignedDiff(
                self.session.text, start, end, self.session.changes((self.index,)),
                self.session.applied_around((self.index,), start, end),
            ))
            yield Input(value=self.current, id="replacement")
            yield Label(Text("enter keeps it · escape cancels · the original text means reject", style="dim"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class FilterScreen(ModalScreen[None]):
    """Choose status, pass, rule and confidence band; the list follows each choice at once."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close")]
    DEFAULT_CSS = """
    FilterScreen { align: center middle; }
    FilterScreen > Vertical {
        width: 70; height: auto; border: thick $accent; background: $surface; padding: 1 2;
    }
    FilterScreen Label { margin-top: 1; }
    FilterScreen Horizontal { height: auto; margin-top: 1; }
    """

    def __init__(self, session: ReviewSession, current: Filter, on_change: Callable[[Filter], None]) -> None:
        super().__init__()
        self.session = session
        self.current = current
        self.on_change = on_change

    def compose(self) -> ComposeResult:
        status_value = next(
            (label for label, statuses in STATUS_CHOICES.items() if statuses == self.current.statuses), Select.NULL
        )
        with Vertical():
            yield Label(Text("Show only proposals with…", style="bold"))
            yield Label("Status")
            yield Select([(label, label) for label in STATUS_CHOICES], value=status_value,
                         prompt="any status", id="status")
            yield Label("Pass")
            yield Select([(name, name) for name in self.session.passes()],
                         value=self.current.pass_name or Select.NULL, prompt="any pass", id="pass")
            yield Label("Rule")
            yield Select([(name, name) for name in self.session.rules()],
                         value=self.current.rule_id or Select.NULL, prompt="any rule", id="rule")
            yield Label("Confidence")
            yield Select(
                [(f"{name} ({low:g}–{min(high, 1.0):g})", name) for name, (low, high) in CONFIDENCE_BANDS.items()],
                value=self.current.band or Select.NULL, prompt="any confidence", id="band",
            )
            with Horizontal():
                yield Button("Clear", id="clear")
                yield Button("Done", id="done", variant="primary")

    def _value(self, selector: str) -> str | None:
        value = self.query_one(selector, Select).value
        return value if isinstance(value, str) else None

    @on(Select.Changed)
    def _changed(self) -> None:
        status = self._value("#status")
        chosen = Filter(
            statuses=STATUS_CHOICES[status] if status else frozenset(),
            pass_name=self._value("#pass"),
            rule_id=self._value("#rule"),
            band=self._value("#band"),
            query=self.current.query,
        )
        if chosen != self.current:
            self.current = chosen
            self.on_change(chosen)

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        for select in self.query(Select):
            select.clear()

    @on(Button.Pressed, "#done")
    def _done(self) -> None:
        self.dismiss()
