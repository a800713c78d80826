"""Per-character flags computed in C, for the detector's first look at a whole text.

A flag vector is an `int` whose byte `i` (little-endian) is 1 when position `i` has the property,
so vectors combine with `&`, `|`, `^` and shift by whole positions with `<< 8` (the value at
`i - 1` seen at `i`) and `>> 8` (the value at `i + 1`). Python then visits only the few
positions that survive, which keeps clean text cheap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Set
from functools import lru_cache
from operator import add

ONE = re.compile(b"\x01")
# Building the numbers for the known bigrams costs about what looking up this many characters' bigrams
# as numbers instead of strings saves.
NUMBERS_AFTER = 200_000
HAN_MIDDLE_BYTE = bytes(int(0x4E <= value <= 0x9F) for value in range(256))  # bytes.translate tables
ZERO_BYTE = bytes(int(value == 0) for value in range(256))


class Flags:
    """Flag vectors over one text of `length` positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.length = len(text)
        self.ones = int.from_bytes(b"\x01" * self.length, "little")
        # A code point U+4E00-U+9FFF is 4 little-endian bytes: any, 0x4E-0x9F, 0x00, 0x00.
        data = text.encode("utf-32-le")
        middle = int.from_bytes(data[1::4].translate(HAN_MIDDLE_BYTE), "little")
        self.han = middle & int.from_bytes(data[2::4].translate(ZERO_BYTE), "little")

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
        codes = _bigram_numbers(known).numbers(self.length) if isinstance(known, frozenset) else None
        data = self.text.encode("utf-16-le")
        if codes is None or len(data) != 2 * self.length:
            return self.of(map(known.__contains__, map(add, self.text, self.text[1:])))
        # Without making a string per position: in UTF-16 (no surrogates here) the 4 bytes at an even
        # offset are a bigram as one 32-bit number; the bigrams at even and at odd positions are
        # looked up separately (as numbers) and interleaved.
        flags = bytearray(self.length)
        for first in (0, 1):
            view = memoryview(data)[2 * first:]
            numbers = view[:len(view) & ~3].cast("I")
            flags[first:first + 2 * len(numbers):2] = bytes(map(codes.__contains__, numbers))
        return int.from_bytes(flags, "little")


class _BigramNumbers:
    """A set of bigrams as the numbers `Flags.bigrams_in` reads from UTF-16, built once the texts
    looked up are long enough to pay for it (about NUMBERS_AFTER characters: a short text costs no
    more than before)."""

    def __init__(self, known: frozenset[str]) -> None:
        self.known = known
        self.pending = NUMBERS_AFTER
        self.built: frozenset[int] | None = None

    def numbers(self, length: int) -> frozenset[int] | None:
        """The numbers, if built (a text of `length` characters counts towards building them)."""
        if self.built is None and self.pending > 0:
            self.pending -= length
            if self.pending <= 0:
                self.built = _numbers(self.known)
        return self.built


def prepare_bigram_numbers(known: frozenset[str]) -> None:
    """Build the numbers of `known` now (before worker processes fork, so that they share them)."""
    _bigram_numbers(known).numbers(NUMBERS_AFTER)


@lru_cache(maxsize=4)
def _bigram_numbers(known: frozenset[str]) -> _BigramNumbers:
    return _BigramNumbers(known)


def _numbers(known: frozenset[str]) -> frozenset[int] | None:
    """`known` as UTF-16 numbers (None if one is not two characters of the Basic Multilingual Plane)."""
    joined = "".join(known)
    data = joined.encode("utf-16-le")
    if set(map(len, known)) - {2} or len(data) != 2 * len(joined):
        return None
    return frozenset(memoryview(data).cast("I"))


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


# Whether a look-alike of the common hanzi at a position would join a neighbour into a word.
Joins = Callable[[str, int], bool] | None


class Survey:
    """What both detector strategies start from, computed once per text: unknown bigrams, and the
    hanzi near a suspect (an isolated hanzi that is no common word by itself), within runs of 2+."""

    def __init__(
        self, text: str, known: frozenset[str], standalone: frozenset[str], near: list[int], joins: Joins = None
    ) -> None:
        self.text = text
        self.known = known  # bigrams inside lexicon words
        # Hanzi that are common words by themselves: suspects only where `joins` says a look-alike of
        # theirs would join a neighbour into a word (大民 → 人民), else never.
        self.standalone = standalone
        self.joins = joins
        self.near = near  # sorted

    @classmethod
    def of(cls, text: str, known: frozenset[str], standalone: frozenset[str], joins: Joins = None) -> Survey:
        flags = Flags(text)
        # Isolated hanzi are few (about 1 in 10): the rest is cheaper per position than per text.
        marked = bytearray(flags.length)
        for position in flags.positions(isolated(flags, unknown_bigrams(flags, known))):
            if _may_be_misread(text, position, standalone, joins):
                marked[position] = 1
        suspects = int.from_bytes(marked, "little")
        beside = suspects | (suspects << 8) | (suspects >> 8)
        in_run = flags.han & ((flags.han << 8) | (flags.han >> 8))  # a hanzi with a hanzi beside it
        return cls(text, known, standalone, flags.positions(beside & in_run), joins)

    def amended(self, text: str, changed: Iterable[int]) -> Survey:
        """The survey of `text`, which differs from this survey's text only in one character at each
        of the `changed` positions: a position's flags depend on its two neighbours each side at
        most, so only those are looked at again (the same result as a fresh survey, far cheaper)."""
        touched = sorted({position + shift for position in changed for shift in range(-2, 3)})
        touched_set = set(touched)
        kept = [position for position in self.near if position not in touched_set]
        fresh = [position for position in touched if self._is_near(text, position)]
        return Survey(text, self.known, self.standalone, sorted(kept + fresh), self.joins)

    def _is_near(self, text: str, position: int) -> bool:
        return _in_run(text, position) and any(
            self._is_suspect(text, other) for other in (position - 1, position, position + 1)
        )

    def _is_suspect(self, text: str, position: int) -> bool:
        """An isolated hanzi (neither bigram it belongs to is known; a text edge counts as unknown)
        that is no common word by itself, or one a look-alike of which would join a neighbour into a
        word."""
        if not 0 <= position < len(text) or not "\u4e00" <= text[position] <= "\u9fff":
            return False
        if position > 0 and text[position - 1:position + 1] in self.known:
            return False
        return text[position:position + 2] not in self.known and _may_be_misread(
            text, position, self.standalone, self.joins
        )


def _may_be_misread(text: str, position: int, standalone: frozenset[str], joins: Joins) -> bool:
    """Whether the isolated hanzi at `position` is a suspect: no common word by itself, or one a
    look-alike of which would join a neighbour into a word."""
    return text[position] not in standalone or (joins is not None and joins(text, position))


def _in_run(text: str, position: int) -> bool:
    """A hanzi with a hanzi beside it (a lone hanzi has no context to judge)."""
    if not 0 <= position < len(text) or not "\u4e00" <= text[position] <= "\u9fff":
        return False
    return (position > 0 and "\u4e00" <= text[position - 1] <= "\u9fff") or (
        position + 1 < len(text) and "\u4e00" <= text[position + 1] <= "\u9fff"
    )
