"""The detector's model: how plausible a string is (lexicon, character context) and how likely OCR
misread one character as another (learned confusions, glyph similarity). Pure functions over
loaded tables.

Scores are log10 probabilities. A string's plausibility is its best segmentation into lexicon
words under a unigram model (jieba-style): log10 P(word) = zipf - 9; a character that is no word
on its own costs `UNKNOWN_CHARACTER`. The context model (cleaner/detect_context.py) scores each
character given the two before it. The two are estimates of the same thing, how probable the
text reads, and a correction's language gain is their weighted sum (`language_gain`); a candidate
correction gains that plus log10 P(original character | corrected one).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import IntEnum
from functools import cached_property, lru_cache, partial
from typing import TypeVar

from cleaner.detect_context import CONTEXT_FILE, ContextModel
from cleaner.detect_tables import (
    LEARNED_FILE,
    MIN_GLYPH_SCORE,
    MIN_LEARNED_COUNT,
    NUMERALS,
    DerivedTables,
    derive,
    is_numeral,
)
from cleaner.errors import DictionaryError
from cleaner.glyphs import GLYPH_TABLE, GlyphTable
from cleaner.learn import ConfusionTable
from cleaner.lexicon import LEXICON_FILE, Lexicon

__all__ = ["MIN_GLYPH_SCORE", "MIN_LEARNED_COUNT", "NUMERALS", "DetectorModel", "Proposal", "is_numeral"]

UNKNOWN_CHARACTER = -10.0
ZIPF_TO_LOG10 = 9.0
MAX_WORD = 5
# A glyph pair with similarity s is misread with log10 probability about this (1.0 -> -1, 0.62 -> -3.3).
GLYPH_SLOPE = 6.0
GLYPH_AT_ONE = -1.0
# A learned pair seen once says little about how often: 1 of a rare character's 3 occurrences is no
# log10 P of -0.5, and such a pair was learned from one sentence. Its channel is at most this.
# Chosen on FASPell's held-out fifth and its clean truths (the learning split cannot judge pairs it
# was learned from): uncapped, automatic char precision 0.933 and recall 0.151, and 6 more
# automatic edits on the truths (哎呦 -> 哎哟 three times, the name 金磊 -> 金属); -1.5: 0.930,
# 0.143, 3 more (金磊 -> 金属, 包话 -> 包括, 热闲 -> 热闹); -2.0: 0.924, 0.133, 1 more (金磊).
SINGLE_OBSERVATION_LOG_P = -1.5
# Weights of the lexicon's and the context model's log-odds in the language gain. Both overstate
# their odds (overlapping windows, a unigram segmentation, correlated evidence), so they are damped
# against the channel; chosen on the learning split, where this mix ranks right corrections above
# wrong ones better than the lexicon alone at any weight (docs/detector.md).
LEXICON_WEIGHT = 0.4
CONTEXT_WEIGHT = 0.2
Table = TypeVar("Table", Lexicon, GlyphTable, ConfusionTable, ContextModel)


class DetectorModel:
    """The detector's tables: the small derived ones (`tables`) at once, the lexicon, glyph table,
    learned confusions and context model on first use (clean text may never need them). Compared
    and hashed by identity, so caches can key on it."""

    def __init__(
        self,
        tables: DerivedTables,
        load_lexicon: Callable[[], Lexicon],
        load_glyphs: Callable[[], GlyphTable],
        load_learned: Callable[[], ConfusionTable],
        load_context: Callable[[], ContextModel],
    ) -> None:
        self.tables = tables
        self._load_lexicon = load_lexicon
        self._load_glyphs = load_glyphs
        self._load_learned = load_learned
        self._load_context = load_context
        # log10 P(OCR read `seen` | the text has `meant`), None when nothing suggests the pair: the
        # cache itself, so that the many look-ups of the strategies' loops cost no Python call.
        self.channel: Callable[[str, str], float | None] = partial(_channel, self)

    @classmethod
    def of(cls, lexicon: Lexicon, glyphs: GlyphTable, learned: ConfusionTable, context: ContextModel) -> DetectorModel:
        """A model of loaded tables, its derived tables computed from them."""
        return cls(derive(lexicon, glyphs, learned, context), lambda: lexicon, lambda: glyphs, lambda: learned,
                   lambda: context)

    @property
    def sources(self) -> dict[str, str]:
        """Table file name -> content hash (known without reading the big tables)."""
        return dict(self.tables.sources)

    @cached_property
    def lexicon(self) -> Lexicon:
        return self._checked(LEXICON_FILE, self._load_lexicon())

    @cached_property
    def glyphs(self) -> GlyphTable:
        return self._checked(GLYPH_TABLE, self._load_glyphs())

    @cached_property
    def learned(self) -> ConfusionTable:
        return self._checked(LEARNED_FILE, self._load_learned())

    @cached_property
    def context(self) -> ContextModel:
        return self._checked(CONTEXT_FILE, self._load_context())

    def _checked(self, name: str, table: Table) -> Table:
        if table.source_hash != self.tables.sources.get(name):
            raise DictionaryError(
                f"{name} differs from the one the detector tables were built from "
                "(rebuild them: python scripts/build_detector_tables.py)"
            )
        return table

    def plausibility(self, text: str) -> float:
        """log10 probability of the best segmentation of `text` into lexicon words."""
        return _prefix_scores(self, text)[-1]

    def plausibility_of_change(self, window: str, offset: int, changed: str) -> float:
        """`plausibility(changed)` where `changed` is `window` changed at `offset` (one character
        replaced or inserted there): the best segmentations of the first `offset` characters are
        the window's, so only the rest is worked out (the same figure, about half the work)."""
        return _plausibility_of_change(self, window, offset, changed)

    def context_gain(self, left: str, seen: str, meant: str, right: str) -> float:
        """log10 odds of `meant` over `seen` by the context model, in the hanzi run `left` + · + `right`."""
        return _context_gain(self, left[-2:], seen, meant, right[:2])

    @staticmethod
    def language_gain(lexicon_gain: float, context_gain: float) -> float:
        """How much more probable the text reads with the correction, log10: the lexicon's and the
        context model's gains, weighted."""
        return LEXICON_WEIGHT * lexicon_gain + CONTEXT_WEIGHT * context_gain

    def _uncached_channel(self, seen: str, meant: str) -> float | None:
        glyph = self.glyphs.similarity(seen, meant)
        glyph_log = GLYPH_AT_ONE - GLYPH_SLOPE * (1.0 - glyph) if glyph >= MIN_GLYPH_SCORE else None
        count, learned_log = self.learned.pair(seen, meant) or (0, None)
        if count < MIN_LEARNED_COUNT:
            learned_log = None
        if learned_log is not None and count == 1:
            learned_log = min(learned_log, SINGLE_OBSERVATION_LOG_P)
        options = [value for value in (glyph_log, learned_log) if value is not None]
        return max(options) if options else None

    def candidates(self, seen: str) -> str:
        """Characters OCR may have misread as `seen`: its glyph neighbours and learned confusions."""
        return self.tables.candidates.get(seen, "")


@lru_cache(maxsize=65536)
def _prefix_scores(model: DetectorModel, text: str) -> tuple[float, ...]:
    # Windows recur (a document repeats its phrases; candidates share their original window).
    return _best_segmentations(text, model.lexicon.centizipf_by_word, (0.0,))


@lru_cache(maxsize=65536)
def _plausibility_of_change(model: DetectorModel, window: str, offset: int, changed: str) -> float:
    known = _prefix_scores(model, window)[:offset + 1]
    return _best_segmentations(changed, model.lexicon.centizipf_by_word, known)[-1]


@lru_cache(maxsize=16384)  # (a worker's memory: each entry holds five strings)
def _context_gain(model: DetectorModel, left: str, seen: str, meant: str, right: str) -> float:
    return model.context.change(left, seen, meant, right)


@lru_cache(maxsize=65536)
def _channel(model: DetectorModel, seen: str, meant: str) -> float | None:
    return model._uncached_channel(seen, meant)


def _best_segmentations(text: str, centizipf: object, known: tuple[float, ...]) -> tuple[float, ...]:
    """log10 P of the best segmentation of each prefix of `text` (index = its length), given those
    of the first len(known) - 1 characters (`known`, starting with the empty prefix's 0.0)."""
    lookup = centizipf.get  # type: ignore[attr-defined]
    length = len(text)
    best = [*known] + [-math.inf] * (length + 1 - len(known))
    for end in range(len(known), length + 1):
        # The last character is a word or an unknown one; a longer string only counts as a word.
        value = lookup(text[end - 1:end])
        previous = best[end - 1]
        top = previous + UNKNOWN_CHARACTER if value is None else previous + value / 100 - ZIPF_TO_LOG10
        for start in range(end - MAX_WORD if end > MAX_WORD else 0, end - 1):
            value = lookup(text[start:end])
            if value is not None:
                score = best[start] + value / 100 - ZIPF_TO_LOG10
                if score > top:
                    top = score
        best[end] = top
    return tuple(best)


class Guard(IntEnum):
    """Why a proposal that reads better is still only a guess, never applied unattended; where two
    apply, the lower value is the one named."""

    # It changes one usual last character of a place name into another before the name's suffix
    # (梧川市 -> 梧州市): which of two names is meant is a guess. Or it makes a name's last character the
    # word that scopes a division (青岚市 -> 青全市 beside 全市消防…), which never follows a name's first.
    NAME_GUESS = 1
    # It swaps, with nothing to explain it, a word-forming last character after a term's stem
    # (采石业 -> 采石场 beside 6 x 采石场; 农村局 of 农业农村局 -> 农村工作 beside 5 x 农村工作): as likely
    # another word of the document.
    OTHER_COMPOUND = 2
    # It swaps, with nothing to explain it, a rare character the document uses often (崟 of a place
    # name 崟阳县 the notice names throughout), or the last of a place's name before its division
    # (青岚市 beside 24 x 城市公园): as likely the name's own character.
    OWN_CHARACTER = 3
    # It changes the last hanzi of a paragraph of sentences that ends with no mark: the paragraph was
    # cut (a page break), so the word may go on beyond it (遵守听证纪 of 纪律).
    CUT_OFF = 4
    # A misreading nothing explains (no glyph neighbour, no learned confusion) that the document
    # repeats (依法治监 twice beside 依法治国): as likely a term of its own.
    REPEATED_UNEXPLAINED = 5
    # It swaps, with nothing to explain it, a word by itself before a term's stem that is a word by
    # itself too and follows other words in the document, or names a division (经市绿化主管部门 ->
    # 城市 beside 20 x 城市绿化, where 由市绿化 and 向市绿化 say that 市绿化 is the city's greening).
    STEM_AFTER_OTHERS = 6
    # It changes the word between the two 越 of 越…越… (越打越顺 -> 越来越顺): the construction takes any
    # verb or adjective there, so the frequent 越来越 is no evidence of a misreading.
    CORRELATIVE = 7
    # A near-miss whose misreading nothing explains (or explains only as unlikely), in a text where
    # the detector finds no other misreading to correct at once: a clean text's own word (依法治税
    # beside 9 x 依法治国, 科教兴农 beside 科教兴国), not OCR's.
    NO_OTHER_MISREADING = 8


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
    # How much better the text reads, apart from the misreading's likelihood (None: not separated)
    language_gain: float | None = None
    # ... and of that, the character context model's part alone (None: not separated)
    context_gain: float | None = None
    # The gain of the strongest other correction of the same anomaly (a character beside this one)
    # that this one won over (None: none): a close rival makes the choice uncertain.
    rival_gain: float | None = None
    # Why, though the text reads better, it is never automatic (None: nothing stands against it).
    guard: Guard | None = None
    # Three hanzi the correction makes here that the text has elsewhere ("" if none): the document's
    # own reading of the phrase (教村建设 -> 教材建设 in a text that says 加强教材建设).
    echo: str = ""
    # Whether nothing explains the misreading, or explains it only as no likelier than an unknown one
    # (a near-miss of the document's term with the floor misreading likelihood).
    unexplained: bool = False

    @property
    def lexicon_gain(self) -> float | None:
        """The lexicon's part of the language gain (None: not separated)."""
        if self.language_gain is None or self.context_gain is None:
            return None
        return (self.language_gain - CONTEXT_WEIGHT * self.context_gain) / LEXICON_WEIGHT

    def guarded(self, guard: Guard) -> Proposal:
        """This proposal, never automatic for `guard` (or for the guard it has already, if that one
        is named first)."""
        return replace(self, guard=guard if self.guard is None else min(self.guard, guard))
