"""Character-level alignment of a text before and after some changes, for a two-row diff.

Pure. The before row and the after row are cut into chunks that occupy the same number of
terminal cells in both rows, so the characters a change touches sit one above the other even
when a half-width character becomes a full-width one (`,` is one cell, `，` two).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from itertools import zip_longest

from rich.cells import cell_len

# Characters a reviewer must see even though they draw nothing.
_VISIBLE = {" ": "␣", "\n": "↵", "\t": "⇥", "\r": "␍", "\u00a0": "⍽", "\u200b": "∅"}
_CONTROL_NAMES = {"\n": "LINE FEED", "\t": "CHARACTER TABULATION", "\r": "CARRIAGE RETURN"}


class Kind(StrEnum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"
    REPLACE = "replace"
    PAD = "pad"


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of the before text and the piece of the after text that takes its place.

    `focus` is False for a change drawn only as context (another proposal the output applies).
    """

    before: str
    after: str
    focus: bool = True

    @property
    def kind(self) -> Kind:
        if self.before == self.after:
            return Kind.EQUAL
        if not self.after:
            return Kind.DELETE
        if not self.before:
            return Kind.INSERT
        return Kind.REPLACE


@dataclass(frozen=True, slots=True)
class Piece:
    """Text drawn in one style on one row."""

    text: str
    kind: Kind
    focus: bool = True


@dataclass(frozen=True, slots=True)
class AlignedLine:
    """One wrapped line of the diff: the before row and the after row, equally wide."""

    before: tuple[Piece, ...]
    after: tuple[Piece, ...]


def align(
    text: str,
    start: int,
    end: int,
    changes: Sequence[tuple[int, int, str]],
    context: Sequence[tuple[int, int, str]] = (),
) -> list[Chunk]:
    """Chunks covering text[start:end], each change (start, end, replacement) diffed by character.

    `changes` are the ones in focus; `context` ones (other changes in the window) come out with
    `focus=False`. Together they must be disjoint and inside the window.
    """
    chunks: list[Chunk] = []
    position = start
    marked = [(*change, True) for change in changes] + [(*change, False) for change in context]
    for change_start, change_end, replacement, focus in sorted(marked, key=lambda change: (change[0], change[1])):
        if change_start > position:
            chunks.append(Chunk(text[position:change_start], text[position:change_start]))
        diff = character_diff(text[change_start:change_end], replacement)
        chunks.extend(diff if focus else [Chunk(chunk.before, chunk.after, focus=False) for chunk in diff])
        position = change_end
    if position < end:
        chunks.append(Chunk(text[position:end], text[position:end]))
    return chunks


def character_diff(before: str, after: str) -> list[Chunk]:
    """The smallest chunks turning `before` into `after` (unchanged characters as equal chunks)."""
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    return [
        Chunk(before[i1:i2], after[j1:j2]) for _, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def visible(text: str, changed: bool) -> str:
    """Line breaks always drawn as a symbol; spaces and invisible marks too inside a change."""
    if changed:
        return "".join(_VISIBLE.get(char, char) for char in text)
    return text.replace("\n", "↵").replace("\t", "⇥")


def wrap(chunks: Sequence[Chunk], width: int) -> list[AlignedLine]:
    """Lay the chunks out in lines of at most `width` cells, before and after rows kept aligned."""
    width = max(width, 2)
    lines: list[AlignedLine] = []
    before: list[Piece] = []
    after: list[Piece] = []
    used = 0
    for unit_before, unit_after, kind, focus in _units(chunks, width):
        if kind is Kind.EQUAL and unit_before == "\n":  # an unchanged line break ends the line
            _add(before, "↵", kind, 1, focus)
            _add(after, "↵", kind, 1, focus)
            lines.append(AlignedLine(tuple(before), tuple(after)))
            before, after, used = [], [], 0
            continue
        unit_width = max(cell_len(unit_before), cell_len(unit_after))
        if used + unit_width > width and used:
            lines.append(AlignedLine(tuple(before), tuple(after)))
            before, after, used = [], [], 0
        _add(before, unit_before, kind, unit_width, focus)
        _add(after, unit_after, kind, unit_width, focus)
        used += unit_width
    if before or after or not lines:
        lines.append(AlignedLine(tuple(before), tuple(after)))
    return lines


def _units(chunks: Sequence[Chunk], width: int) -> list[tuple[str, str, Kind, bool]]:
    """Pieces that may not be split across lines: single equal characters, or whole changes."""
    units: list[tuple[str, str, Kind, bool]] = []
    for chunk in chunks:
        kind = chunk.kind
        if kind is Kind.EQUAL:
            units.extend((char, char, kind, True) for char in chunk.before.replace("\t", "⇥"))
            continue
        before, after = visible(chunk.before, changed=True), visible(chunk.after, changed=True)
        if max(cell_len(before), cell_len(after)) <= width:
            units.append((before, after, kind, chunk.focus))
        else:  # a change wider than the screen: pair it up character by character
            units.extend((b or "", a or "", kind, chunk.focus) for b, a in zip_longest(before, after))
    return units


def _add(pieces: list[Piece], text: str, kind: Kind, unit_width: int, focus: bool) -> None:
    padding = unit_width - cell_len(text)
    if text:
        if pieces and pieces[-1].kind is kind and pieces[-1].focus is focus:
            pieces[-1] = Piece(pieces[-1].text + text, kind, focus)
        else:
            pieces.append(Piece(text, kind, focus))
    if padding:
        if pieces and pieces[-1].kind is Kind.PAD:
            pieces[-1] = Piece(pieces[-1].text + " " * padding, Kind.PAD)
        else:
            pieces.append(Piece(" " * padding, Kind.PAD))


def width_class(char: str) -> str:
    """`full-width` for characters drawn two cells wide, `ambiguous width` for those whose width
    depends on the text around them (“ ” ‘ ’ …: full-width in Chinese, a terminal draws them in one
    cell), `half-width` otherwise."""
    width = unicodedata.east_asian_width(char)
    return "full-width" if width in ("F", "W") else "ambiguous width" if width == "A" else "half-width"


def describe_characters(before: str, after: str, limit: int = 4) -> list[str]:
    """Code points of a short change that involves characters other than hanzi.

    Half-width and full-width forms look alike; naming them makes a `,`→`，` change unmistakable.
    """
    changed = [chunk for chunk in character_diff(before, after) if chunk.kind is not Kind.EQUAL]
    removed = "".join(chunk.before for chunk in changed)
    added = "".join(chunk.after for chunk in changed)
    if not changed or len(removed) > limit or len(added) > limit:
        return []
    if all(_is_hanzi(char) for char in removed + added) or not (removed + added).strip("\n"):
        return []
    return [_describe(removed) + " → " + _describe(added)]


def _describe(text: str) -> str:
    if not text:
        return "nothing"
    return ", ".join(
        f"{visible(char, changed=True)} U+{ord(char):04X} {_name(char)} ({width_class(char)})"
        for char in text
    )


def _name(char: str) -> str:
    return _CONTROL_NAMES.get(char, "") or unicodedata.name(char, "unnamed")


def _is_hanzi(char: str) -> bool:
    return unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH")
