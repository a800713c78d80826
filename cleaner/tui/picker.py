"""Choosing which document of a log to review (`cleaner review --log LOG` over a batch)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from cleaner.review import LoggedDocument, Status


def describe(document: LoggedDocument) -> Text:
    """`● 3 pending   scans/b.txt   1 accepted · 2 rejected · 153 auto`."""
    pending = document.count(Status.PENDING)
    line = Text(no_wrap=True, overflow="ellipsis")
    if pending:
        line.append(f"● {pending:>4} pending   ", style="bold yellow")
    else:
        line.append("✓    0 pending   ", style="green")
    line.append(Path(document.path).name, style="bold" if pending else "dim")
    others = [
        f"{document.count(status)} {status.value}"
        for status in (Status.ACCEPTED, Status.REJECTED, Status.EDITED, Status.AUTO)
        if document.count(status)
    ]
    if others:
        line.append("   " + " · ".join(others), style="dim")
    line.append(f"   {Path(document.path).parent}", style="dim italic")
    return line


class DocumentPicker(App[str | None]):
    """The documents a log holds, those with pending proposals first; enter opens one."""

    TITLE = "cleaner review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "exit_picker", "Quit"),
        Binding("j", "cursor('down')", "Down", show=False),
        Binding("k", "cursor('up')", "Up", show=False),
    ]
    DEFAULT_CSS = """
    DocumentPicker #hint { padding: 0 1; color: $text-muted; }
    DocumentPicker OptionList { height: 1fr; border: round $primary; }
    """

    def __init__(self, log: Path, documents: list[LoggedDocument], notice: str | None = None) -> None:
        super().__init__()
        self.log_path = log
        self.notice = notice
        self.documents = sorted(documents, key=lambda document: document.count(Status.PENDING) == 0)

    def compose(self) -> ComposeResult:
        yield Header()
        waiting = sum(1 for document in self.documents if document.count(Status.PENDING))
        yield Static(
            f"{len(self.documents)} documents in {self.log_path.name}, {waiting} with proposals to decide. "
            "enter: review the document · q: quit", id="hint",
        )
        yield OptionList(*(Option(describe(document), id=document.path) for document in self.documents))
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = str(self.log_path)
        self.query_one(OptionList).focus()
        if self.notice:
            self.notify(self.notice, severity="error", timeout=10)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.exit(event.option.id)

    def action_cursor(self, direction: str) -> None:
        options = self.query_one(OptionList)
        if direction == "down":
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_exit_picker(self) -> None:
        self.exit(None)
