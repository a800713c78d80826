"""Document-vocabulary strategy: a string one edit away from a term the document uses many times.

`总书动` beside forty `总书记`, `能人才` beside `技能人才` everywhere else: the document itself is the
evidence. Terms are the frequent 3- and 4-grams of hanzi (counted with C-level slicing); a near-miss
is an occurrence that differs from a term by one substituted character (3-grams) or one dropped
character (4-grams). A near-miss is proposed only when the correction also reads better against the
lexicon, so a frequent term never overwrites a different real word.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from operator import add

from cleaner.detect_model import DetectorModel, Proposal, is_numeral

MIN_TERM_COUNT = 3  # a term must occur at least this often
MAX_VARIANT_SHARE = 0.25  # a near-miss must be this rare relative to the term (or occur once)
CONTEXT = 4
MIN_LEXICON_GAIN = 1.0  # the correction must read at least this much better by the lexicon alone
# A restored character must join a word clearly: a 4-gram that merely extends a word the text has
# (平总书记 beside 总书记 gains about 1.3, 保障部系统 beside 保障系统 2.6) is no evidence of a drop.
MIN_DROP_LEXICON_GAIN = 3.0
# ... and much better when neither glyph similarity nor learned confusions explain the misreading.
MIN_UNEXPLAINED_GAIN = 4.5
UNKNOWN_SUBSTITUTION = -2.5  # log10 P of a misreading neither glyphs nor learning explain
DROPPED_CHARACTER = -2.0  # log10 P that OCR dropped a character
HAN3 = re.compile(r"[\u4e00-\u9fff]{3}")
HAN4 = re.compile(r"[\u4e00-\u9fff]{4}")


def ngram_counts(text: str, size: int) -> Counter[str]:
    """Counts of every substring of length `size` (all in C: slices mapped over the text)."""
    stop = len(text) - size + 1
    if stop <= 0:
        return Counter()
    return Counter(map(text.__getitem__, map(slice, range(stop), range(size, stop + size))))


def propose(text: str, model: DetectorModel) -> list[Proposal]:
    trigrams = ngram_counts(text, 3)
    terms3 = {gram: count for gram, count in trigrams.items() if count >= MIN_TERM_COUNT and HAN3.fullmatch(gram)}
    if not terms3:
        return []
    found: dict[tuple[int, int, str], Proposal] = {}
    for proposal in _substitutions(text, terms3, trigrams, model):
        _keep_best(found, proposal)
    quadgrams = ngram_counts(text, 4)
    terms4 = {gram: count for gram, count in quadgrams.items() if count >= MIN_TERM_COUNT and HAN4.fullmatch(gram)}
    for proposal in _drops(text, terms4, trigrams, model):
        _keep_best(found, proposal)
    return sorted(found.values(), key=lambda item: (item.start, item.end))


def _keep_best(found: dict[tuple[int, int, str], Proposal], proposal: Proposal) -> None:
    key = (proposal.start, proposal.end, proposal.kind)
    if key not in found or proposal.gain > found[key].gain:
        found[key] = proposal


def _substitutions(
    text: str, terms: dict[str, int], trigrams: Counter[str], model: DetectorModel
) -> Iterator[Proposal]:
    bigrams = ngram_counts(text, 2)
    skips = Counter(map(add, text, text[2:]))
    for term, count in terms.items():
        limit = max(1, int(count * MAX_VARIANT_SHARE))
        for index, key, counter in ((2, term[:2], bigrams), (0, term[1:], bigrams), (1, term[0] + term[2], skips)):
            if counter[key] <= count:
                continue  # every occurrence of the key belongs to the term
            for start in _variant_starts(text, term, index):
                variant = text[start:start + 3]
                if variant == term or trigrams[variant] > limit or not HAN3.fullmatch(variant):
                    continue
                proposal = _score(text, start + index, variant[index], term[index], term, count, model)
                if proposal is not None:
                    yield proposal


def _variant_starts(text: str, term: str, index: int) -> Iterator[int]:
    """Starts of 3-grams agreeing with `term` everywhere except at `index`."""
    if index == 1:
        for match in re.finditer(re.escape(term[0]) + "(?=." + re.escape(term[2]) + ")", text):
            yield match.start()
        return
    key = term[:2] if index == 2 else term[1:]
    shift = 0 if index == 2 else 1
    position = text.find(key)
    while position >= 0:
        start = position - shift
        if start >= 0 and start + 3 <= len(text):
            yield start
        position = text.find(key, position + 1)


def _score(
    text: str, position: int, seen: str, meant: str, term: str, count: int, model: DetectorModel
) -> Proposal | None:
    start = max(0, position - CONTEXT)
    window = text[start:position + CONTEXT + 1]
    offset = position - start
    corrected = window[:offset] + meant + window[offset + 1:]
    lexicon_gain = model.plausibility(corrected) - model.plausibility(window)
    channel = model.channel(seen, meant)
    if lexicon_gain < (MIN_LEXICON_GAIN if channel is not None else MIN_UNEXPLAINED_GAIN):
        return None
    if is_numeral(seen) and is_numeral(meant):
        return None
    channel = UNKNOWN_SUBSTITUTION if channel is None else max(channel, UNKNOWN_SUBSTITUTION)
    evidence = math.log10(count)
    gain = lexicon_gain + channel + evidence
    return Proposal(
        position, position + 1, seen, meant, gain, "vocabulary",
        f"{term} occurs {count}x in this document; {window}→{corrected}: lexicon gain {lexicon_gain:+.1f}, "
        f"misreading {meant}→{seen} {channel:+.1f}; gain={gain:+.2f} (log10)",
    )


def _drops(text: str, terms: dict[str, int], trigrams: Counter[str], model: DetectorModel) -> Iterator[Proposal]:
    for term, count in terms.items():
        limit = max(1, int(count * MAX_VARIANT_SHARE))
        for index in range(4):
            variant = term[:index] + term[index + 1:]
            inside = count if index in (0, 3) else 0  # occurrences of the variant that are the term's own
            if trigrams[variant] <= inside or trigrams[variant] - inside > limit:
                continue
            position = text.find(variant)
            while position >= 0:
                if not _inside_term(text, position, term, index):
                    proposal = _drop_or_substitution(text, position, index, term, count, model)
                    if proposal is not None:
                        yield proposal
                position = text.find(variant, position + 1)


def _drop_or_substitution(
    text: str, position: int, index: int, term: str, count: int, model: DetectorModel
) -> Proposal | None:
    """A term missing its first or last character may instead have it misread (`吕业技能` for
    `职业技能`): the substitution is tried first, and the drop is believed only when the character
    beside the gap belongs to a word on its other side."""
    if index in (0, 3):
        beside = position - 1 if index == 0 else position + 3
        if 0 <= beside < len(text) and text[beside].isspace():
            return None  # a term cut by a line break (技⏎能人才) lacks nothing
        outer = beside - 1 if index == 0 else beside + 1
        if 0 <= beside < len(text) and _is_han(text[beside]):
            substitution = _score(text, beside, text[beside], term[index], term, count, model)
            if substitution is not None:
                return substitution
            if not (0 <= outer < len(text)):
                return None
            pair = text[outer] + text[beside] if index == 0 else text[beside] + text[outer]
            if pair not in model.lexicon:
                return None
    return _score_drop(text, position + index, term[index], term, count, model)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _inside_term(text: str, position: int, term: str, index: int) -> bool:
    if index == 0:
        return position >= 1 and text[position - 1] == term[0]
    if index == 3:
        return text.startswith(term[3], position + 3)
    return False


def _score_drop(
    text: str, position: int, missing: str, term: str, count: int, model: DetectorModel
) -> Proposal | None:
    start = max(0, position - CONTEXT)
    window = text[start:position + CONTEXT]
    offset = position - start
    corrected = window[:offset] + missing + window[offset:]
    # Any insertion makes a text longer and so less probable; what counts is whether the missing
    # character joins a word rather than standing alone.
    lexicon_gain = model.plausibility(corrected) - model.plausibility(window) - model.plausibility(missing)
    if lexicon_gain < MIN_DROP_LEXICON_GAIN:
        return None
    evidence = math.log10(count)
    gain = lexicon_gain + DROPPED_CHARACTER + evidence
    return Proposal(
        position, position, "", missing, gain, "dropped",
        f"{term} occurs {count}x in this document; {window}→{corrected}: lexicon gain {lexicon_gain:+.1f}, "
        f"dropped {missing} {DROPPED_CHARACTER:+.1f}; gain={gain:+.2f} (log10)",
    )

