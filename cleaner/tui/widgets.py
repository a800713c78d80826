"""The review screen's widgets: the virtual proposal list, the detail view and the counters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Click
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from cleaner.review import Decision, ReviewSession, Row, Status
from cleaner.tui.alignment import Chunk, Kind, Piece, align, describe_characters, visible, wrap

STATUS_MARKS: dict[Status | None, tuple[str, str]] = {
    Status.PENDING: ("●", "bold yellow"),
    Status.ACCEPTED: ("✓", "bold green"),
    Status.REJECTED: ("✗", "bold red"),
    Status.EDITED: ("✎", "bold magenta"),
    Status.AUTO: ("•", "cyan"),
    None: ("◐", "bold white"),  # a paragraph whose joins were decided differently
}
DELETED = Style(color="#ffd7d7", bgcolor="#8b1a1a")
INSERTED = Style(color="#d7ffd7", bgcolor="#1f6b2a")
# Other changes the output makes in view: the same hues, quieter, so the proposal stands out.
NEARBY_DELETED = Style(color="#d7a0a0", bgcolor="#3d1f1f")
NEARBY_INSERTED = Style(color="#a0d7a0", bgcolor="#1f3d24")
PREVIEW_CONTEXT = 4
DETAIL_RADIUS = 60
PARAGRAPH_RADIUS = 1200


def status_label(status: Status | None) -> str:
    return "mixed" if status is None else status.value


def fit(text: str, width: int) -> str:
    """`text` padded to `width` cells, or cut with `…` when it is wider."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def mark(status: Status | None) -> Text:
    symbol, style = STATUS_MARKS[status]
    return Text(f"{symbol} {status_label(status):<9}", style=style)


class ProposalList(ScrollView, can_focus=True):
    """Every proposal as one line, drawn on demand (Line API): 20,000 rows cost what 40 do."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"proposal-list--cursor"}
    DEFAULT_CSS = """
    ProposalList {
        height: 3fr;
        overflow-x: hidden;
        border: round $primary-background;
        border-title-color: $text-muted;
        & > .proposal-list--cursor { background: $block-cursor-background; }
        &:focus { border: round $primary; border-title-color: $text; }
    }
    """

    def __init__(self, session: ReviewSession, on_move: Callable[[], None], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self._on_move = on_move  # called at once, not by message, so a key costs one frame
        self.rows: list[Row] = []
        self.cursor = 0
        self._cache: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)

    def set_rows(self, rows: list[Row], cursor: int) -> None:
        self.rows = rows
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(rows))
        self.move_to(cursor, force=True)
        self.refresh()

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if self.rows else None

    def move_to(self, row: int, *, force: bool = False) -> bool:
        """Put the cursor on a row, scrolling it into view, and tell the screen; False if it was there."""
        row = max(0, min(row, len(self.rows) - 1)) if self.rows else 0
        if row == self.cursor and not force:
            return False
        previous, self.cursor = self.cursor, row
        self.refresh_line(previous)
        self.refresh_line(row)
        self._scroll_to_cursor()
        self._on_move()
        return True

    def refresh_rows(self, proposals: Sequence[int]) -> None:
        """Redraw the visible rows standing for some proposals after their decisions changed."""
        changed = set(proposals)
        items = {self.session.item_of(index) for index in changed}
        top = round(self.scroll_y)
        for row_index in range(top, min(len(self.rows), top + self.scrollable_content_region.height)):
            row = self.rows[row_index]
            if row.item in items and (row.member is None or row.member in changed):
                self.refresh_line(row_index)

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height or 1
        top = round(self.scroll_y)
        margin = min(2, height // 4)
        if self.cursor < top + margin:
            self.scroll_to(y=max(0, self.cursor - margin), animate=False, immediate=True)
        elif self.cursor >= top + height - margin:
            self.scroll_to(y=self.cursor - height + margin + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        self.move_to(self.cursor + step)

    def action_page(self, step: int) -> None:
        self.move_to(self.cursor + step * max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.rows) - 1)

    def on_click(self, event: Click) -> None:
        row = event.y + round(self.scroll_y)
        if 0 <= row < len(self.rows):
            self.move_to(row)

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self.rows))

    def render_line(self, y: int) -> Strip:
        row_index = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if row_index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[row_index]
        members = self.session.members(row)
        state = tuple(self.session.decision(member) for member in members)
        selected = row_index == self.cursor
        key = (row_index, width, selected, state)
        strip = self._cache.get(key)
        if strip is None:
            text = self._row_text(row, members, width)
            if selected:
                cursor = self.get_component_rich_style("proposal-list--cursor")
                text.stylize_before(Style(bgcolor=cursor.bgcolor, bold=True))
            strip = Strip(text.render(self.app.console)).crop_extend(0, width, None).apply_style(self.rich_style)
            self._cache[key] = strip
        return strip.apply_offsets(0, row_index)

    def _row_text(self, row: Row, members: tuple[int, ...], width: int) -> Text:
        session = self.session
        first = session.proposals[members[0]]
        text = Text(no_wrap=True, overflow="crop", end="")
        text.append("  " if row.member is None else "   └ ", style="dim")
        text.append_text(mark(session.status_of(members)))
        if len(members) > 1:
            last = session.proposals[members[-1]]
            text.append(fit(f"L{first.line}–{last.line}", 9) + " ")
            text.append(fit(first.edit.pass_name, 11) + " ", style="cyan")
            text.append(fit(f"¶ {len(members)} line joins", 17) + " ", style="bold")
            confidence = min(session.proposals[member].edit.confidence for member in members)
            text.append(f"{confidence:4.2f}  ", style=_confidence_style(confidence))
            text.append_text(self._paragraph_preview(members, width))
            return text
        edit = first.edit
        text.append(fit(f"L{first.line}:{first.column}", 9) + " ")
        text.append(fit(edit.pass_name, 11) + " ", style="cyan")
        text.append(fit(edit.rule_id, 17) + " ", style="dim")
        text.append(f"{edit.confidence:4.2f}  ", style=_confidence_style(edit.confidence))
        text.append_text(change_preview(session, members[0]))
        return text

    def _paragraph_preview(self, members: tuple[int, ...], width: int) -> Text:
        start, end = self.session.context(members, PARAGRAPH_RADIUS)
        chunks = align(self.session.text, start, min(end, start + width), [
            change for change in self.session.changes(members) if change[1] <= start + width
        ])
        preview = Text(no_wrap=True, overflow="crop", end="")
        for chunk in chunks:
            preview.append(visible(chunk.after, changed=False), style="dim" if chunk.kind is Kind.EQUAL else "")
        return preview


def change_preview(session: ReviewSession, index: int) -> Text:
    """`寄予殿→殷切期望`: a little context, what goes, what comes."""
    edit = session.proposals[index].edit
    ((_, _, replacement),) = session.changes([index])
    text = session.text
    before_context = visible(text[max(0, edit.start - PREVIEW_CONTEXT):edit.start], changed=False)
    after_context = visible(text[edit.end:edit.end + PREVIEW_CONTEXT], changed=False)
    preview = Text(no_wrap=True, overflow="crop", end="")
    preview.append(before_context, style="dim")
    # (∅ for nothing: a deletion must not read as a change of the context after it, 习和→∅近平)
    if edit.before:
        preview.append(visible(edit.before, changed=True), style=DELETED)
    else:
        preview.append("∅", style="dim")
    preview.append("→", style="dim")
    if replacement:
        preview.append(visible(replacement, changed=True), style=INSERTED)
    else:
        preview.append("∅", style="dim")
    preview.append(after_context, style="dim")
    return preview


def _confidence_style(confidence: float) -> str:
    if confidence >= 0.95:
        return "green"
    if confidence >= 0.8:
        return ""
    if confidence >= 0.5:
        return "yellow"
    return "red"


class AlignedDiff:
    """Rich renderable: the text before (−) and after (+), character-aligned, wrapped to the width.

    A wrapped line the changes do not touch is drawn once; `…` marks a window cut inside a line.
    """

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        changes: Sequence[tuple[int, int, str]],
        nearby: Sequence[tuple[int, int, str]] = (),
    ) -> None:
        self.chunks = align(text, start, end, changes, nearby)
        if start > 0 and text[start - 1] != "\n":
            self.chunks.insert(0, Chunk("…", "…"))
        if end < len(text) and text[end] != "\n":
            self.chunks.append(Chunk("…", "…"))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in wrap(self.chunks, max(options.max_width - 3, 10)):
            if all(piece.kind in (Kind.EQUAL, Kind.PAD) for piece in (*line.before, *line.after)):
                yield Text("  " + "".join(piece.text for piece in line.before), no_wrap=True, end="\n")
                continue
            for sign, pieces, sign_style in (("−", line.before, "red"), ("+", line.after, "green")):
                row = Text(no_wrap=True, end="\n")
                row.append(f"{sign} ", style=f"bold {sign_style}")
                for piece in pieces:
                    row.append(piece.text, style=_piece_style(piece, sign))
                yield row


def _piece_style(piece: Piece, sign: str) -> Style:
    if piece.kind in (Kind.EQUAL, Kind.PAD):
        return Style()
    removed = piece.kind is Kind.DELETE or (piece.kind is Kind.REPLACE and sign == "−")
    if piece.focus:
        return DELETED if removed else INSERTED
    return NEARBY_DELETED if removed else NEARBY_INSERTED


class ProposalDetail(Widget):
    """The selected proposal: where it is, the paragraph before and after, why, and the choices.

    A pane of fixed height below the list (the list never jumps as the cursor moves), drawn
    line by line from strips rendered once per selection: a move repaints this pane only.
    """

    DEFAULT_CSS = """
    ProposalDetail {
        height: 2fr;
        min-height: 8;
        border: round $primary-background;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._renderable: RenderableType = Text("")
        self._strips: list[Strip] = []

    def show(self, session: ReviewSession, row: Row | None) -> None:
        if row is None:
            self._renderable = Text("Nothing to show: no proposal matches the filter.", style="dim italic")
        else:
            self._renderable = Group(*detail_parts(session, session.members(row)))
        self._render_strips()
        self.refresh()

    def _render_strips(self) -> None:
        width, height = self.content_region.width, self.content_region.height
        if width <= 0 or height <= 0:
            self._strips = []
            return
        console = self.app.console
        lines = console.render_lines(self._renderable, console.options.update(width=width, height=None), pad=False)
        if len(lines) > height:
            hidden = len(lines) - height + 1
            lines = [*lines[:height - 1], list(Text(f"… {hidden} more line(s)", style="dim italic").render(console))]
        base = self.rich_style
        self._strips = [Strip(line).crop_extend(0, width, None).apply_style(base) for line in lines]

    def on_resize(self) -> None:
        self._render_strips()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        if y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.content_region.width, self.rich_style)


def detail_parts(session: ReviewSession, members: tuple[int, ...]) -> list[Text | AlignedDiff]:
    """What the detail view shows for some proposals (one, or a paragraph's joins)."""
    first = session.proposals[members[0]]
    edit = first.edit
    status = session.status_of(members)
    header = Text(no_wrap=True, overflow="ellipsis")
    symbol, style = STATUS_MARKS[status]
    header.append(f"{symbol} {status_label(status)}", style=style)
    parts: list[Text | AlignedDiff] = [header]
    if len(members) > 1:
        last = session.proposals[members[-1]]
        header.append(f"   ¶ paragraph, lines {first.line}–{last.line}: {len(members)} line joins", style="bold")
        header.append(f"   pass {edit.pass_name}", style="cyan")
        rules = sorted({session.proposals[member].edit.rule_id for member in members})
        reasons = sorted({session.proposals[member].edit.reason for member in members})
        parts.extend(in_context(session, members, PARAGRAPH_RADIUS))
        parts.append(_labelled("rules", ", ".join(rules)))
        parts.append(_labelled("reason", "; ".join(reasons)))
        parts.append(Text("enter: show the joins one by one", style="dim italic"))
        return parts
    header.append(f"   line {first.line}, column {first.column}", style="bold")
    header.append(f"   pass {edit.pass_name}", style="cyan")
    header.append(f"   rule {edit.rule_id}")
    header.append(f"   confidence {edit.confidence:.2f}", style=_confidence_style(edit.confidence))
    header.append(f"   proposed {edit.safety.value}", style="dim")
    parts.extend(in_context(session, members, DETAIL_RADIUS))
    decision: Decision = session.decision(members[0])
    if decision.status is Status.EDITED:
        parts.append(_labelled("proposed", f"{visible(edit.before, True)} → {visible(edit.after, True)}"))
    for note in describe_characters(edit.before, decision.text or edit.after):
        parts.append(_labelled("characters", note))
    parts.append(_labelled("reason", edit.reason))
    if edit.evidence:
        parts.append(_labelled("evidence", edit.evidence))
    if edit.alternatives:
        choices = Text("alternatives ", style="bold")
        for number, alternative in enumerate(edit.alternatives[:9], 1):
            choices.append(f" {number} ", style="reverse")
            choices.append(f" {visible(alternative, True)}  ")
        choices.append("(press the number to choose)", style="dim")
        parts.append(choices)
    return parts


def in_context(session: ReviewSession, members: tuple[int, ...], radius: int) -> list[Text | AlignedDiff]:
    """The proposals' change in its lines, with the other changes the output makes there (quieter)."""
    start, end = session.context(members, radius)
    nearby = session.applied_around(members, start, end)
    parts: list[Text | AlignedDiff] = [AlignedDiff(session.text, start, end, session.changes(members), nearby)]
    if nearby:
        parts.append(Text(
            f"  in quieter colours: {len(nearby)} other change(s) the output makes here", style="dim italic",
        ))
    return parts


def _labelled(label: str, value: str) -> Text:
    text = Text()
    text.append(f"{label} ", style="bold")
    text.append(value)
    return text


class Counters(Static):
    """`pending 12 · accepted 40 · rejected 3 · … · 55/340`, the filter, and whether work is unsaved."""

    DEFAULT_CSS = """
    Counters { height: 1; padding: 0 1; background: $panel; }
    """

    def show(
        self, session: ReviewSession, position: int, shown: int, filter_text: str, unsaved: bool
    ) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        counts = session.counts
        for index, status in enumerate((Status.PENDING, Status.ACCEPTED, Status.REJECTED, Status.EDITED, Status.AUTO)):
            if index:
                text.append(" · ", style="dim")
            _, style = STATUS_MARKS[status]
            text.append(f"{status.value} ", style=style)
            text.append(str(counts[status]), style="bold")
        text.append(" · ", style="dim")
        text.append(f"{position + 1 if shown else 0}/{shown}", style="bold")
        total = len(session.items)
        if shown != total:
            text.append(f" of {total}", style="dim")
        if filter_text:
            text.append(f"   filter: {filter_text}", style="italic")
        if unsaved:
            text.append("   ● unsaved", style="bold yellow")
        self.update(text, layout=False)
