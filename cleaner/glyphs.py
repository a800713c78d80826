"""Glyph neighbours: the visually nearest characters of a character, from the generated table.

The table (`dictionaries/glyph_neighbours.tsv`) is built by `scripts/build_glyph_neighbours.py`
from rendered CJK fonts; each line is `char<TAB>neighbour:score ...`, best first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cleaner.data import content_hash, data_file
from cleaner.errors import DictionaryError

GLYPH_TABLE = "glyph_neighbours.tsv"


@dataclass(frozen=True, slots=True)
class GlyphTable:
    """Visual neighbours per character with similarity scores (0-1, 1 = identical glyphs)."""

    neighbours: Mapping[str, tuple[tuple[str, float], ...]]
    source_hash: str
    # char -> its neighbours' scores (the first listed of a repeated one), built on first use
    _scores: dict[str, dict[str, float]] = field(default_factory=dict, compare=False, repr=False)

    def of(self, char: str) -> tuple[tuple[str, float], ...]:
        """The neighbours of `char`, best first (empty for a character the table does not know)."""
        return self.neighbours.get(char, ())

    def similarity(self, first: str, second: str) -> float:
        """The score of the pair in either direction (as `first` lists it, if it does), 0.0 when
        neither lists the other."""
        score = self._scores_of(first).get(second)
        return score if score is not None else self._scores_of(second).get(first, 0.0)

    def _scores_of(self, char: str) -> dict[str, float]:
        scores = self._scores.get(char)
        if scores is None:
            scores = self._scores[char] = {neighbour: score for neighbour, score in reversed(self.of(char))}
        return scores

    def rank(self, char: str, neighbour: str) -> int | None:
        """1-based position of `neighbour` in the list of `char`, or None when it is not listed."""
        for position, (candidate, _score) in enumerate(self.neighbours.get(char, ()), start=1):
            if candidate == neighbour:
                return position
        return None


def parse_glyph_table(text: str, source: str = GLYPH_TABLE, lazy: bool = False) -> GlyphTable:
    """Parse the table's text; a malformed line raises DictionaryError naming file and line. With
    `lazy`, a character's entries are parsed (and checked) when first asked for: a process that
    looks up a few characters does not parse all 80,000 entries."""
    lines: dict[str, tuple[int, str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        char, separator, rest = line.partition("\t")
        if not separator or len(char) != 1:
            raise DictionaryError(f"{source}:{number}: expected char<TAB>neighbour:score ...")
        lines[char] = (number, rest)
    parsed = _LazyNeighbours(lines, source)
    neighbours: Mapping[str, tuple[tuple[str, float], ...]] = parsed if lazy else {char: parsed[char] for char in lines}
    return GlyphTable(neighbours, content_hash(text.encode("utf-8")))


class _LazyNeighbours(Mapping[str, tuple[tuple[str, float], ...]]):
    """Neighbour lists parsed from their line on first access."""

    def __init__(self, lines: dict[str, tuple[int, str]], source: str) -> None:
        self._lines = lines
        self._source = source
        self._parsed: dict[str, tuple[tuple[str, float], ...]] = {}

    def __getitem__(self, char: str) -> tuple[tuple[str, float], ...]:
        entries = self._parsed.get(char)
        if entries is None:
            number, rest = self._lines[char]
            entries = self._parsed[char] = _entries(rest, self._source, number)
        return entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


def _entries(rest: str, source: str, number: int) -> tuple[tuple[str, float], ...]:
    entries = []
    for item in rest.split(" "):
        neighbour, colon, score = item.rpartition(":")
        try:
            value = float(score)
        except ValueError:
            value = -1.0
        if not colon or len(neighbour) != 1 or not 0.0 <= value <= 1.0:
            raise DictionaryError(f"{source}:{number}: bad neighbour entry {item!r}")
        entries.append((neighbour, value))
    return tuple(entries)


def load_glyph_table(path: Path, lazy: bool = False) -> GlyphTable:
    try:
        text = path.read_text("utf-8")
    except OSError as error:
        raise DictionaryError(f"{path}: cannot read glyph table ({error.strerror})") from None
    return parse_glyph_table(text, str(path), lazy)


@lru_cache(maxsize=1)
def builtin_glyph_table() -> GlyphTable:
    """The shipped table, read once per process (each character's entries parsed on first use)."""
    return load_glyph_table(data_file(GLYPH_TABLE), lazy=True)
