"""The review App: one workspace, the review screen, and review commands in the command palette."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from cleaner.review import Filter, Status
from cleaner.tui.screens import ReviewScreen
from cleaner.tui.workspace import Workspace


class ReviewApp(App[None]):
    """`cleaner review`: decide on every proposed correction of one document."""

    TITLE = "cleaner review"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit_review", "Quit", show=False, priority=True)]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.review = ReviewScreen(workspace)

    def on_mount(self) -> None:
        self.push_screen(self.review)

    def on_unmount(self) -> None:
        self.workspace.close()

    def action_quit_review(self) -> None:
        self.review.action_quit_review()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        review = self.review
        yield SystemCommand("Save output", "Write the output file now (s)", review.action_save)
        yield SystemCommand("Undo", "Undo the last decision (u)", review.action_undo)
        yield SystemCommand("Redo", "Redo what was undone (ctrl+r)", review.action_redo)
        yield SystemCommand("Next pending", "Go to the next pending proposal (n)", lambda: review.action_pending(1))
        yield SystemCommand(
            "Accept every proposal of this rule…", "Bulk accept, with confirmation (A)",
            lambda: review.action_bulk("accepted"),
        )
        yield SystemCommand(
            "Reject every proposal of this rule…", "Bulk reject, with confirmation (R)",
            lambda: review.action_bulk("rejected"),
        )
        yield SystemCommand("Filter…", "Filter by status, pass, rule, confidence (f)", review.action_filter)
        yield SystemCommand("Clear filter", "Show every proposal (escape)", lambda: review.set_filter(Filter()))
        for status in (Status.PENDING, Status.ACCEPTED, Status.REJECTED, Status.EDITED, Status.AUTO):
            yield SystemCommand(
                f"Show only {status.value}", f"Filter the list to {status.value} proposals",
                lambda status=status: review.set_filter(Filter(statuses=frozenset({status}))),
            )
        for name in self.workspace.session.passes():
            yield SystemCommand(
                f"Show only pass {name}", f"Filter the list to proposals of the {name} pass",
                lambda name=name: review.set_filter(Filter(pass_name=name)),
            )
        yield SystemCommand("Keys", "Show every key (?)", review.action_help)
