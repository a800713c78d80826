"""Lexicon strategy: characters that fit no known word with their neighbours, and the similar
character (glyph neighbour or learned confusion) that would make them one.

Finding suspects is a few C-level passes over the text (cleaner/detect_flags.py): a hanzi is
isolated when neither bigram it belongs to occurs inside a lexicon word. Around isolated hanzi, a
position is scored only when some candidate would join a neighbour into a word (a set look-up per
character, cached), so clean text costs little.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from cleaner.detect_flags import Survey
from cleaner.detect_model import DetectorModel, Proposal
from cleaner.detect_tables import CANDIDATE_WORD_CENTIZIPF

CONTEXT = 4  # characters each side of a candidate scored with it
# Below this a candidate is not worth proposing at all (on the learning split, about as many right
# proposals as the lexicon alone gave from 1.0, with a third fewer wrong ones).
MIN_GAIN = -0.25
SEPARATION = 2  # proposals this close explain the same anomaly; the stronger wins


def survey_of(text: str, model: DetectorModel) -> Survey:
    """The flags both strategies start from."""
    beside = _beside_by_character(model)

    def joins(text: str, position: int) -> bool:
        """Whether a candidate for the hanzi at `position` would join a neighbour into a word."""
        return any(_joining(text, position, beside, model))

    return Survey.of(text, model.tables.known, model.tables.standalone, joins)


def _joining(
    text: str, position: int, beside: dict[str, Beside], model: DetectorModel
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The candidates for the hanzi at `position` that form a word bigram with the character before
    it, and those that form one with the character after it (`beside` caches them by character
    and neighbour)."""
    seen = text[position]
    pair = beside.get(seen)
    if pair is None:
        pair = beside[seen] = ({}, {})
    after_left: tuple[str, ...] = ()
    if position:
        before = text[position - 1]
        found = pair[0].get(before)
        after_left = found if found is not None else _joined(pair[0], model, seen, before, model.tables.firsts)
    before_right: tuple[str, ...] = ()
    if position + 1 < len(text):
        after = text[position + 1]
        found = pair[1].get(after)
        before_right = found if found is not None else _joined(pair[1], model, seen, after, model.tables.seconds)
    return after_left, before_right


def _joined(cache: dict[str, tuple[str, ...]], model: DetectorModel, seen: str, neighbour: str,
            neighbours: Mapping[str, str]) -> tuple[str, ...]:
    """The candidates of `seen` (in their order) that `neighbour` forms a word bigram with, by
    `neighbours` (firsts or seconds), kept in `cache`. Only the neighbours met are kept: a table of
    every neighbour of every candidate held about 700 entries a character, 28 MB a worker."""
    found = cache[neighbour] = tuple(
        meant for meant in model.candidates(seen) if neighbour in neighbours.get(meant, "")
    )
    return found


def propose(
    text: str, model: DetectorModel, survey: Survey | None = None, positions: list[int] | None = None
) -> list[Proposal]:
    """Corrections of isolated hanzi (and their neighbours) into frequent words; at `positions`
    only, when given (a subset of the survey's)."""
    survey = survey or survey_of(text, model)
    candidates: list[Proposal] = []
    beside = _beside_by_character(model)
    for position in survey.near if positions is None else positions:
        after_left, before_right = _joining(text, position, beside, model)
        if not after_left and not before_right:
            continue  # no candidate joins a neighbour into a word: nothing to score
        if not after_left or not before_right:
            meants = after_left or before_right
        else:
            either = {*after_left, *before_right}
            meants = tuple(meant for meant in model.candidates(text[position]) if meant in either)
        first = max(0, position - CONTEXT)
        best = _best_in(text[first:position + CONTEXT + 1], position - first, meants, model)
        if best is not None:
            candidates.append(replace(best, start=best.start + first, end=best.end + first))
    return _separated(candidates)


# By neighbour before and by neighbour after: the candidates that form a word bigram with it.
Beside = tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]


@lru_cache(maxsize=4)
def _beside_by_character(model: DetectorModel) -> dict[str, Beside]:
    """`_joining`'s cache: by character met so far, its candidates beside each neighbour met (a plain
    dict: looked up once per suspect position)."""
    return {}


def hanzi_run(window: str, offset: int) -> tuple[int, int]:
    """The bounds of the run of hanzi in `window` through the hanzi at `offset`."""
    start = offset
    while start > 0 and "\u4e00" <= window[start - 1] <= "\u9fff":
        start -= 1
    end = offset + 1
    while end < len(window) and "\u4e00" <= window[end] <= "\u9fff":
        end += 1
    return start, end


@lru_cache(maxsize=16384)  # (a document repeats its phrases: most windows were scored before)
def _best_in(window: str, offset: int, meants: tuple[str, ...], model: DetectorModel) -> Proposal | None:
    """`_best_at` in the run of hanzi through `offset` of `window` (the text at most CONTEXT characters
    each side of a position), its offsets those of the window."""
    start, end = hanzi_run(window, offset)
    best = _best_at(window[start:end], offset - start, meants, model)
    return replace(best, start=best.start + start, end=best.end + start) if best is not None and start else best


@lru_cache(maxsize=16384)  # (windows that differ outside the run share it)
def _best_at(run: str, position: int, meants: tuple[str, ...], model: DetectorModel) -> Proposal | None:
    """The best of the candidates `meants` (those forming a word bigram with a neighbour) at `position`
    of the hanzi `run`."""
    seen = run[position]
    words = model.lexicon.centizipf_by_word
    left = run[max(0, position - 2):position]
    right = run[position + 1:position + 3]
    start = max(0, position - CONTEXT)
    window = run[start:position + CONTEXT + 1]
    offset = position - start
    original = None
    best: Proposal | None = None
    for meant in meants:
        if not _forms_word(left, meant, right, words):
            continue
        channel = model.channel(seen, meant)
        if channel is None:
            continue
        if original is None:
            original = model.plausibility(window)
        corrected = window[:offset] + meant + window[offset + 1:]
        lexicon_gain = model.plausibility_of_change(window, offset, corrected) - original
        context_gain = model.context_gain(run[:position], seen, meant, run[position + 1:])
        language_gain = model.language_gain(lexicon_gain, context_gain)
        gain = language_gain + channel
        if gain >= MIN_GAIN and (best is None or gain > best.gain):
            best = Proposal(position, position + 1, seen, meant, gain, "glyph",
                            f"{window}→{corrected}: lexicon gain {lexicon_gain:+.1f}, context gain "
                            f"{context_gain:+.1f}, misreading {meant}→{seen} {channel:+.1f}; gain={gain:+.2f} (log10)",
                            language_gain, context_gain=context_gain)
    return best


def _forms_word(left: str, meant: str, right: str, words: object) -> bool:
    lookup = words.get  # type: ignore[attr-defined]
    for candidate in (left[-1:] + meant, meant + right[:1], left + meant, left[-1:] + meant + right[:1],
                      meant + right):
        if len(candidate) >= 2 and lookup(candidate, 0) >= CANDIDATE_WORD_CENTIZIPF:
            return True
    return False


def _separated(proposals: list[Proposal]) -> list[Proposal]:
    """The strongest proposals at least SEPARATION apart, each with the gain of the strongest one it
    won over (its `rival_gain`)."""
    chosen: dict[int, Proposal] = {}  # by start
    starts: list[int] = []  # of the chosen, sorted
    rivals: dict[int, float] = {}  # start of a chosen proposal -> the strongest gain it won over
    for proposal in sorted(proposals, key=lambda item: -item.gain):
        low = bisect_left(starts, proposal.start - SEPARATION)
        high = bisect_right(starts, proposal.start + SEPARATION)
        if low == high:
            chosen[proposal.start] = proposal
            insort(starts, proposal.start)
        else:
            for start in starts[low:high]:
                rivals.setdefault(start, proposal.gain)  # (the first is the strongest: gains fall)
    return [replace(chosen[start], rival_gain=rivals[start]) if start in rivals else chosen[start]
            for start in starts]
