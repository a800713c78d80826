"""Lexicon strategy: characters that fit no known word with their neighbours, and the similar
character (glyph neighbour or learned confusion) that would make them one.

Finding suspects is a few C-level passes over the text (cleaner/detect_flags.py): a hanzi is
isolated when neither bigram it belongs to occurs inside a lexicon word. Around isolated hanzi, a
position is scored only when some candidate would join a neighbour into a word (a set look-up per
character, cached), so clean text costs little.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
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
    return Survey.of(text, model.tables.known, model.tables.standalone)


@lru_cache(maxsize=16384)
def _candidates_beside(
    model: DetectorModel, seen: str
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The candidates of `seen` that form a word bigram with a character before them, by that
    character; and with a character after them. Each tuple keeps the candidates' order."""
    by_before: dict[str, list[str]] = {}
    by_after: dict[str, list[str]] = {}
    for meant in model.candidates(seen):
        for char in model.tables.firsts.get(meant, ""):
            by_before.setdefault(char, []).append(meant)
        for char in model.tables.seconds.get(meant, ""):
            by_after.setdefault(char, []).append(meant)
    return ({char: tuple(meants) for char, meants in by_before.items()},
            {char: tuple(meants) for char, meants in by_after.items()})


def propose(
    text: str, model: DetectorModel, survey: Survey | None = None, positions: list[int] | None = None
) -> list[Proposal]:
    """Corrections of isolated hanzi (and their neighbours) into frequent words; at `positions`
    only, when given (a subset of the survey's)."""
    survey = survey or survey_of(text, model)
    candidates: list[Proposal] = []
    length = len(text)
    for position in survey.near if positions is None else positions:
        by_before, by_after = _candidates_beside(model, text[position])
        after_left = by_before.get(text[position - 1], ()) if position else ()
        before_right = by_after.get(text[position + 1], ()) if position + 1 < length else ()
        if not after_left and not before_right:
            continue  # no candidate joins a neighbour into a word: nothing to score
        if not after_left or not before_right:
            meants = after_left or before_right
        else:
            either = {*after_left, *before_right}
            meants = tuple(meant for meant in model.candidates(text[position]) if meant in either)
        start = position
        while start > position - CONTEXT and _is_han(text[start - 1]) and start > 0:
            start -= 1
        end = position + 1
        while end < min(length, position + CONTEXT + 1) and _is_han(text[end]):
            end += 1
        best = _best_at(text[start:end], position - start, meants, model)
        if best is not None:
            candidates.extend(_shift([best], start))
    return _separated(candidates)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _best_at(run: str, position: int, meants: tuple[str, ...], model: DetectorModel) -> Proposal | None:
    """The best of the candidates `meants` (those forming a word bigram with a neighbour) at `position`."""
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
                            language_gain)
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


def _shift(proposals: list[Proposal], offset: int) -> Iterator[Proposal]:
    for proposal in proposals:
        yield replace(proposal, start=proposal.start + offset, end=proposal.end + offset)
