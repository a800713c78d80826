"""Per-character flags computed in C, for the detector's first look at a whole text.

A flag vector is an `int` whose byte `i` (little-endian) is 1 when position `i` has the property,
so vectors combine with `&`, `|`, `^` and shift by whole positions with `<< 8` (the value at
`i - 1` seen at `i`) and `>> 8` (the value at `i + 1`). Python then visits only the few
positions that survive, which keeps clean text cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Set
from operator import add

ONE = re.compile(b"\x01")
NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")
HAN = re.compile(r"[\u4e00-\u9fff]")


class Flags:
    """Flag vectors over one text of `length` positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.length = len(text)
        self.ones = int.from_bytes(b"\x01" * self.length, "little")
        marked = HAN.sub("\x01", NOT_HAN.sub("\x00", text))
        self.han = int.from_bytes(marked.encode("latin-1"), "little")

    def of(self, flags: Iterable[bool]) -> int:
        """A vector from per-position truth values (shorter input leaves the tail unset)."""
        return int.from_bytes(bytes(flags), "little") & self.ones

    def negate(self, vector: int) -> int:
        return self.ones ^ vector

    def positions(self, vector: int) -> list[int]:
        """The positions whose flag is set, in order."""
        return [match.start() for match in ONE.finditer((vector & self.ones).to_bytes(self.length, "little"))]

    def ngrams(self, size: int) -> Iterator[str]:
        """Every substring of length `size`, by start (joined in C, never stored)."""
        return ngrams(self.text, size)

    def bigrams_in(self, known: Set[str]) -> int:
        """Positions `i` whose bigram text[i:i+2] is in `known`."""
        return self.of(map(known.__contains__, map(add, self.text, self.text[1:])))


def ngrams(text: str, size: int) -> Iterator[str]:
    """Every substring of `text` of length `size`, by start: zipped shifted copies joined in C
    (faster than slicing), produced lazily so a long text is never held as a list of n-grams."""
    if size == 2:
        return map(add, text, text[1:])
    return map("".join, zip(*(text[offset:] for offset in range(size)), strict=False))


def unknown_bigrams(flags: Flags, known: Set[str]) -> int:
    """Positions whose bigram (with the next character) is no part of any known word."""
    return flags.negate(flags.bigrams_in(known))


def isolated(flags: Flags, unknown: int) -> int:
    """Hanzi whose bigrams on both sides are unknown (a text edge counts as unknown)."""
    left_unknown = (unknown << 8) | 1
    return flags.han & left_unknown & unknown


class Survey:
    """What both detector strategies start from, computed once per text: unknown bigrams, and the
    hanzi near a suspect (an isolated hanzi that is no common word by itself), within runs of 2+."""

    def __init__(self, flags: Flags, known: frozenset[str], standalone: frozenset[str]) -> None:
        self.flags = flags
        self.known = known  # bigrams inside lexicon words
        self.unknown = unknown_bigrams(flags, known)
        text = flags.text
        # Isolated hanzi are few (about 1 in 10): the rest is cheaper per position than per text.
        suspects = [position for position in flags.positions(isolated(flags, self.unknown))
                    if text[position] not in standalone]
        near = {position + shift for position in suspects for shift in (-1, 0, 1)}
        self.near = [position for position in sorted(near) if _in_run(text, position)]

    @classmethod
    def of(cls, text: str, known: frozenset[str], standalone: frozenset[str]) -> Survey:
        return cls(Flags(text), known, standalone)


def _in_run(text: str, position: int) -> bool:
    """A hanzi with a hanzi beside it (a lone hanzi has no context to judge)."""
    if not 0 <= position < len(text) or not "\u4e00" <= text[position] <= "\u9fff":
        return False
    return (position > 0 and "\u4e00" <= text[position - 1] <= "\u9fff") or (
        position + 1 < len(text) and "\u4e00" <= text[position + 1] <= "\u9fff"
    )
