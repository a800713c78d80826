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
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator

import ahocorasick_rs

from cleaner.detect_flags import Survey, ngrams
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
# Building an automaton costs about as much per pattern as counting this many characters' n-grams.
AUTOMATON_COST = 22
HAN3 = re.compile(r"[\u4e00-\u9fff]{3}")
HAN4 = re.compile(r"[\u4e00-\u9fff]{4}")


def ngram_counts(text: str, size: int) -> Counter[str]:
    """Counts of every substring of length `size` (all in C)."""
    return Counter(ngrams(text, size))


def amended_counts(counts: Counter[str], before: str, after: str, changed: Collection[int], size: int) -> Counter[str]:
    """The n-gram counts of `after`, from those of `before` (`counts`), when the two texts differ only
    in single characters at the `changed` positions: only the n-grams through those are counted again."""
    starts = sorted({start for position in changed for start in range(position - size + 1, position + 1)
                     if 0 <= start <= len(before) - size})
    amended = counts.copy()
    amended.subtract(before[start:start + size] for start in starts)
    amended.update(after[start:start + size] for start in starts)
    for start in starts:
        gram = before[start:start + size]
        if amended.get(gram, 1) <= 0:
            del amended[gram]
    return amended


def propose(
    text: str, model: DetectorModel, survey: Survey | None = None, trigrams: Counter[str] | None = None,
    in_text_order: bool = True,
) -> list[Proposal]:
    """Near-misses of the document's frequent 3-grams (one substitution) and 4-grams (one drop).
    `trigrams`, when given, are the text's 3-gram counts: `ngram_counts(text, 3)`, or counts
    amended from another text's (`amended_counts`), which are not `in_text_order`."""
    if survey is None:
        from cleaner.detect_lexicon import survey_of

        survey = survey_of(text, model)
    if trigrams is None:
        trigrams = ngram_counts(text, 3)
    terms3 = {gram: count for gram, count in trigrams.items() if count >= MIN_TERM_COUNT and HAN3.fullmatch(gram)}
    if not in_text_order:
        # Ties between proposals go to the first found, so terms go in order of first occurrence.
        terms3 = dict(sorted(terms3.items(), key=lambda item: text.find(item[0])))
    if not terms3:
        return []
    found: dict[tuple[int, int, str], Proposal] = {}
    for proposal in _substitutions(text, terms3, trigrams, model, survey):
        _keep_best(found, proposal)
    terms4 = frequent_quadgrams(text, terms3)
    if terms4:
        for proposal in _drops(text, terms4, trigrams, model, survey):
            _keep_best(found, proposal)
    return sorted(found.values(), key=lambda item: (item.start, item.end))


def occurrences(text: str, patterns: Collection[str]) -> list[int]:
    """Start offsets of every (overlapping) occurrence of any of `patterns` (Aho-Corasick, in Rust)."""
    automaton = ahocorasick_rs.AhoCorasick(list(patterns), matchkind=ahocorasick_rs.MATCHKIND_STANDARD)
    return [start for _index, start, _end in automaton.find_matches_as_indexes(text, overlapping=True)]


def frequent_quadgrams(text: str, terms3: dict[str, int]) -> dict[str, int]:
    """The 4-grams of hanzi occurring at least MIN_TERM_COUNT times, in order of first occurrence.
    Such a 4-gram starts with a frequent 3-gram, so when the text is long for its number of terms
    only the occurrences of those are counted (an automaton over the terms), else every 4-gram."""
    if len(terms3) * AUTOMATON_COST < len(text):
        counts = Counter(text[start:start + 4] for start in occurrences(text, terms3))
    else:
        counts = Counter(ngrams(text, 4))
    return {gram: count for gram, count in counts.items() if count >= MIN_TERM_COUNT and HAN4.fullmatch(gram)}


def _keep_best(found: dict[tuple[int, int, str], Proposal], proposal: Proposal) -> None:
    key = (proposal.start, proposal.end, proposal.kind)
    if key not in found or proposal.gain > found[key].gain:
        found[key] = proposal


def _substitutions(
    text: str, terms: dict[str, int], trigrams: Counter[str], model: DetectorModel, survey: Survey
) -> Iterator[Proposal]:
    """3-grams that agree with a term but at one place, a suspect hanzi (survey.near) whose bigram
    with the term's neighbour is no part of any word."""
    known = survey.known
    # Terms by their other two characters, for each place of the differing one: the two after it
    # (index 0), around it (index 1), before it (index 2).
    by_masked: tuple[dict[str, list[str]], ...] = ({}, {}, {})
    for term in terms:
        for index, masked_term in enumerate((term[1:], term[::2], term[:2])):
            by_masked[index].setdefault(masked_term, []).append(term)
    after, around, before = by_masked
    for position in survey.near:
        # The text's two characters in the same places: one slice and one look-up each.
        found = (
            after.get(text[position + 1:position + 3]),
            around.get(text[position - 1:position + 2:2]),
            before.get(text[position - 2:position]),
        )
        if found == (None, None, None):
            continue  # no term agrees with the text around this position but at it
        seen = text[position]
        for index, masked in enumerate(found):
            start = position - index
            if masked is None or start < 0:
                continue
            variant = text[start:start + 3]
            if variant in terms or not HAN3.fullmatch(variant):
                continue
            inner = variant[index - 1:index + 1] if index else variant[:2]
            outer = variant[index:index + 2] if index < 2 else variant[1:]
            if (index == 2 and inner in known) or (index == 0 and outer in known) or (
                index == 1 and inner in known and outer in known
            ):
                continue  # the character seen forms a word with the term's neighbour: not a near-miss
            for term in masked:
                count = terms[term]
                if trigrams[variant] > max(1, int(count * MAX_VARIANT_SHARE)):
                    continue
                if model.channel(seen, term[index]) is None and not _fits(text, position, index, term[index], known):
                    continue  # nothing explains the misreading, and the text gives no sign of one
                proposal = _score(text, position, seen, term[index], term, count, model)
                if proposal is not None:
                    yield proposal


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


def _fits(text: str, position: int, index: int, meant: str, known: frozenset[str]) -> bool:
    """For a misreading nothing explains: the character seen fits no word on either side, and the
    term's character forms a word with the term's neighbour(s)."""
    left, right = text[position - 1:position], text[position + 1:position + 2]
    if left + text[position] in known or text[position] + right in known:
        return False
    joins_left, joins_right = left + meant in known, meant + right in known
    return joins_left if index == 2 else joins_right if index == 0 else joins_left or joins_right


def _drops(
    text: str, terms: dict[str, int], trigrams: Counter[str], model: DetectorModel, survey: Survey
) -> Iterator[Proposal]:
    """3-grams that are a term with one character missing, outside the term's own occurrences."""
    variants: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for term, count in terms.items():
        for index in range(4):
            variant = term[:index] + term[index + 1:]
            inside = count if index in (0, 3) else 0  # occurrences of the variant that are the term's own
            if inside < trigrams.get(variant, 0) <= inside + max(1, int(count * MAX_VARIANT_SHARE)):
                variants[variant].append((term, index))
    if not variants:
        return
    for position in occurrences(text, variants):
        if text[position:position + 4] in terms or text[position - 1:position + 3] in terms:
            continue  # the variant is part of an occurrence of a term
        for term, index in variants[text[position:position + 3]]:
            count = terms[term]
            if not _inside_term(text, position, term, index):
                proposal = _drop_or_substitution(text, position, index, term, count, model)
                if proposal is not None:
                    yield proposal


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

