"""The detector's model: how plausible a string is (lexicon) and how likely OCR misread one character
as another (learned confusions, glyph similarity). Pure functions over loaded tables.

Scores are log10 probabilities. A string's plausibility is its best segmentation into lexicon
words under a unigram model (jieba-style): log10 P(word) = zipf - 9; a character that is no word
on its own costs `UNKNOWN_CHARACTER`. A candidate correction gains
`plausibility(corrected) - plausibility(original) + log10 P(original character | corrected one)`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from cleaner.glyphs import GlyphTable
from cleaner.learn import ConfusionTable
from cleaner.lexicon import Lexicon

UNKNOWN_CHARACTER = -10.0
ZIPF_TO_LOG10 = 9.0
MAX_WORD = 5
# Candidates among glyph neighbours: only pairs at least this similar.
MIN_GLYPH_SCORE = 0.62
# A glyph pair with similarity s is misread with log10 probability about this (1.0 -> -1, 0.62 -> -3.3).
GLYPH_SLOPE = 6.0
GLYPH_AT_ONE = -1.0
# Learned pairs seen this rarely are treated as no better than their glyph similarity.
MIN_LEARNED_COUNT = 2


@dataclass(frozen=True, slots=True, eq=False)
class DetectorModel:
    """The loaded tables; compared and hashed by identity, so caches can key on it."""

    lexicon: Lexicon
    glyphs: GlyphTable
    learned: ConfusionTable

    def plausibility(self, text: str) -> float:
        """log10 probability of the best segmentation of `text` into lexicon words."""
        return _plausibility(self, text)

    def channel(self, seen: str, meant: str) -> float | None:
        """log10 P(OCR read `seen` | the text has `meant`), None when nothing suggests the pair."""
        return _channel(self, seen, meant)

    def _uncached_channel(self, seen: str, meant: str) -> float | None:
        glyph = self.glyphs.similarity(seen, meant)
        glyph_log = GLYPH_AT_ONE - GLYPH_SLOPE * (1.0 - glyph) if glyph >= MIN_GLYPH_SCORE else None
        count = self.learned.counts.get((seen, meant), 0)
        learned_log = self.learned.log_probability[(seen, meant)] if count >= MIN_LEARNED_COUNT else None
        options = [value for value in (glyph_log, learned_log) if value is not None]
        return max(options) if options else None

    def candidates(self, seen: str) -> tuple[str, ...]:
        """Characters OCR may have misread as `seen`: its glyph neighbours and learned confusions."""
        return _candidates(self, seen)


@lru_cache(maxsize=65536)
def _plausibility(model: DetectorModel, text: str) -> float:
    # Windows recur (a document repeats its phrases; candidates share their original window).
    return _best_segmentation(text, model.lexicon.centizipf_by_word)


@lru_cache(maxsize=65536)
def _channel(model: DetectorModel, seen: str, meant: str) -> float | None:
    return model._uncached_channel(seen, meant)


@lru_cache(maxsize=8192)
def _candidates(model: DetectorModel, seen: str) -> tuple[str, ...]:
    chosen: list[str] = []
    numeral = is_numeral(seen)
    for neighbour, score in model.glyphs.of(seen):
        if score >= MIN_GLYPH_SCORE and _is_han(neighbour) and not (numeral and is_numeral(neighbour)):
            chosen.append(neighbour)
    for meant in model.learned.rights_by_wrong.get(seen, ()):
        if numeral and is_numeral(meant):
            continue
        learned_often = model.learned.counts.get((seen, meant), 0) >= MIN_LEARNED_COUNT
        if len(meant) == 1 and _is_han(meant) and meant not in chosen and learned_often:
            chosen.append(meant)
    return tuple(chosen)


NUMERALS = frozenset("〇零一二两三四五六七八九十百千万亿")


def is_numeral(char: str) -> bool:
    """Numbers carry meaning a lexicon cannot judge: 十三五 must never become 十二五 by frequency."""
    return char in NUMERALS


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _best_segmentation(text: str, centizipf: object) -> float:
    lookup = centizipf.get  # type: ignore[attr-defined]
    length = len(text)
    best = [0.0] + [-math.inf] * length
    for end in range(1, length + 1):
        top = -math.inf
        for start in range(max(0, end - MAX_WORD), end):
            previous = best[start]
            value = lookup(text[start:end])
            if value is None:
                if end - start == 1:
                    score = previous + UNKNOWN_CHARACTER
                else:
                    continue
            else:
                score = previous + value / 100 - ZIPF_TO_LOG10
            if score > top:
                top = score
        best[end] = top
    return best[length]


@dataclass(frozen=True, slots=True)
class Proposal:
    """A candidate correction found by a detector strategy, against the text the pass was given."""

    start: int
    end: int
    before: str
    after: str
    gain: float  # log10 odds of the correction over the text as it stands
    # "glyph" (lexicon + glyph/learned confusion), "vocabulary" (a near-miss of the document's own
    # terms) or "dropped" (a term's character the OCR lost)
    kind: str
    evidence: str
