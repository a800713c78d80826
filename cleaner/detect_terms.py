"""The document's terms, indexed for the near-miss search, and amended when a few characters change.

Terms are the 3-grams of hanzi a document uses at least MIN_TERM_COUNT times; quadgram terms the
4-grams likewise. The near-miss search looks terms up by their characters other than one (a
3-gram with one place masked) and quadgram terms by the 3-gram left when one character is removed.
Every list of terms is in order of first occurrence in the text, because the search breaks ties
between equally good proposals by the order it finds them in.

Correcting a few characters changes only the n-grams through them: `amended_terms` updates the
index for those alone, with the same result as indexing the corrected text afresh.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import TypeVar

import ahocorasick_rs

MIN_TERM_COUNT = 3  # a term must occur at least this often
# Building an automaton costs about as much per pattern as counting this many characters' n-grams.
AUTOMATON_COST = 22
HAN3 = re.compile(r"[\u4e00-\u9fff]{3}")
HAN4 = re.compile(r"[\u4e00-\u9fff]{4}")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
# At each start of 3 hanzi: those and the next character when it is a hanzi too (a 4-gram).
HANZI_GRAMS = re.compile("(?=([\u4e00-\u9fff]{3}[\u4e00-\u9fff]?))")
FIRST_THREE = itemgetter(slice(0, 3))
START = itemgetter(1)  # of a match (pattern index, start, end)
Item = TypeVar("Item")
Masked = tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]]]


@dataclass(frozen=True, slots=True)
class Terms:
    """A text's terms and their indexes (lists in order of first occurrence in the text)."""

    counts: dict[str, int]  # 3-gram term -> occurrences
    # Terms by their other two characters, for each place of a differing one: the two after it
    # (index 0), around it (index 1), before it (index 2).
    by_masked: Masked
    quadgrams: dict[str, int]  # 4-gram term -> occurrences (in order of first occurrence, unless amended)


def masked(term: str) -> tuple[str, str, str]:
    """A 3-gram's other two characters for each place of a differing one (see Terms.by_masked)."""
    return term[1:], term[::2], term[:2]



def variants(quadgram: str) -> list[str]:
    """The 3-grams a 4-gram becomes with one character removed, by the index removed."""
    return [quadgram[:index] + quadgram[index + 1:] for index in range(4)]


def hanzi_ngram_counts(text: str, size: int) -> Counter[str]:
    """Counts of every (overlapping) substring of `size` hanzi, in order of first occurrence: the
    only n-grams a term or a near-miss can be, found in C (a regular expression's look-ahead)."""
    return Counter(_hanzi_ngram(size).findall(text))


def hanzi_grams(text: str) -> list[str]:
    """At each start of 3 hanzi in `text`, in order, the 4-gram of hanzi there or else the 3-gram
    (a run's last): both counts come from one pass in C (`trigram_counts`, `frequent_quadgrams`)."""
    return HANZI_GRAMS.findall(text)


def trigram_counts(grams: list[str]) -> Counter[str]:
    """`hanzi_ngram_counts(text, 3)` from `hanzi_grams(text)`."""
    return Counter(map(FIRST_THREE, grams))


@lru_cache(maxsize=8)
def _hanzi_ngram(size: int) -> re.Pattern[str]:
    return re.compile(f"(?=([\u4e00-\u9fff]{{{size}}}))")


def is_hanzi_run(gram: str) -> bool:
    """Whether `gram` is hanzi only (and not empty)."""
    return HAN_RUN.fullmatch(gram) is not None


def occurrences(text: str, patterns: Collection[str]) -> list[int]:
    """Start offsets of every (overlapping) occurrence of any of `patterns` (Aho-Corasick, in Rust);
    in text order when the patterns have one length."""
    automaton = ahocorasick_rs.AhoCorasick(list(patterns), matchkind=ahocorasick_rs.MATCHKIND_STANDARD)
    return list(map(START, automaton.find_matches_as_indexes(text, overlapping=True)))


def frequent_quadgrams(text: str, terms3: dict[str, int], grams: list[str] | None = None) -> dict[str, int]:
    """The 4-grams of hanzi occurring at least MIN_TERM_COUNT times, in order of first occurrence:
    counted from `hanzi_grams(text)` when given. Else, as such a 4-gram starts with a frequent
    3-gram, when the text is long for its number of terms only the occurrences of those are counted
    (an automaton over the terms), else every 4-gram."""
    if grams is not None:
        return {gram: count for gram, count in _frequent(Counter(grams)).items() if len(gram) == 4}
    if len(terms3) * AUTOMATON_COST < len(text):
        counts = _quadgrams_at(text, occurrences(text, terms3))
    else:
        counts = hanzi_ngram_counts(text, 4)
    return {gram: count for gram, count in _frequent(counts).items() if HAN4.fullmatch(gram)}


def _quadgrams_at(text: str, starts: list[int]) -> Counter[str]:
    """Counts of the 4-grams of `text` at `starts` (sliced in C)."""
    return Counter(map(text.__getitem__, map(slice, starts, [start + 4 for start in starts])))


def _frequent(counts: Counter[str]) -> dict[str, int]:
    """The n-grams counted at least MIN_TERM_COUNT times, in the same order (filtered in C)."""
    return dict(compress(counts.items(), map((MIN_TERM_COUNT - 1).__lt__, counts.values())))


def terms_of(text: str, trigrams: Counter[str], grams: list[str] | None = None) -> Terms:
    """The terms of `text`, whose 3-gram counts `trigrams` are in order of first occurrence
    (`hanzi_ngram_counts(text, 3)`); `grams`: its `hanzi_grams`, if at hand."""
    counts = {gram: count for gram, count in _frequent(trigrams).items() if HAN3.fullmatch(gram)}
    after: dict[str, list[str]] = {}
    around: dict[str, list[str]] = {}
    before: dict[str, list[str]] = {}
    for term in counts:  # `masked`, unrolled
        after.setdefault(term[1:], []).append(term)
        around.setdefault(term[::2], []).append(term)
        before.setdefault(term[:2], []).append(term)
    by_masked: Masked = (after, around, before)
    quadgrams = frequent_quadgrams(text, counts, grams) if counts else {}
    return Terms(counts, by_masked, quadgrams)


def quadgrams_of_variant(terms: Terms, variant: str, first_occurrence: FirstOccurrence) -> list[tuple[str, int]]:
    """The quadgram terms that are `variant` with one character added, as (term, index of that
    character), in order of the terms' first occurrence and then of the index. A quadgram term's
    first and last three characters are 3-gram terms, so its candidates come from the masked index."""
    after, _around, before = terms.by_masked
    quadgrams = terms.quadgrams
    found: list[tuple[str, int]] = []
    for term in after.get(variant[:2], ()):  # x + variant: x + variant[:2] a term
        if term + variant[2] in quadgrams:
            found.append((term + variant[2], 0))
    for term in after.get(variant[1:], ()):  # variant[0] + x + variant[1:]
        if variant[0] + term in quadgrams:
            found.append((variant[0] + term, 1))
    for term in before.get(variant[:2], ()):  # variant[:2] + x + variant[2]
        if term + variant[2] in quadgrams:
            found.append((term + variant[2], 2))
    for term in before.get(variant[1:], ()):  # variant + x: variant[1:] + x a term
        if variant[0] + term in quadgrams:
            found.append((variant[0] + term, 3))
    if len(found) > 1:
        found.sort(key=lambda entry: (first_occurrence(entry[0]), entry[1]))
    return found


@dataclass(frozen=True, slots=True)
class Amended:
    """The terms of a corrected text and what changed from those of the text before."""

    terms: Terms
    changed_terms: frozenset[str]  # 3-grams that are terms before or after, with other occurrences
    changed_quadgrams: frozenset[str]  # likewise 4-grams
    joined_or_left: frozenset[str]  # 4-grams that became or stopped being quadgram terms


def starts_through(changed: Iterable[int], size: int, length: int) -> set[int]:
    """The starts of the n-grams of a text of `length` characters that contain a changed position."""
    return {start for position in changed for start in range(position - size + 1, position + 1)
            if 0 <= start <= length - size}


def grams_through(before: str, after: str, changed: Iterable[int], size: int) -> set[str]:
    """The n-grams of either text that contain a changed position (the two texts have one length):
    the only n-grams whose occurrences differ between the two."""
    starts = starts_through(changed, size, len(before))
    return {before[start:start + size] for start in starts} | {after[start:start + size] for start in starts}


def amended_terms(
    terms: Terms, before: str, text: str, changed: Collection[int], trigrams: Counter[str], changed3: Collection[str]
) -> Amended:
    """The terms of `text`, which differs from `before` (whose terms are `terms`) only in single
    characters at the `changed` positions, whose 3-gram counts are `trigrams` and where the 3-grams
    through the changed characters are `changed3` (`grams_through`): equal to `terms_of(text, ...)`."""
    counts = dict(terms.counts)
    changed_terms = set()
    for gram in changed3:
        count = trigrams.get(gram, 0)
        if count >= MIN_TERM_COUNT and HAN3.fullmatch(gram):
            counts[gram] = count
            changed_terms.add(gram)
        elif gram in counts:
            del counts[gram]
            changed_terms.add(gram)
    first_occurrence = FirstOccurrence(text)
    by_masked: Masked = (dict(terms.by_masked[0]), dict(terms.by_masked[1]), dict(terms.by_masked[2]))
    keys = [(term, masked(term), term in counts) for term in changed_terms]
    for index, index_by_key in enumerate(by_masked):
        arriving: dict[str, list[str]] = {}  # key -> changed terms that are terms of `text`
        for term, term_keys, is_term in keys:
            arriving.setdefault(term_keys[index], []).extend((term,) if is_term else ())
        for key, terms_arriving in arriving.items():
            # (The other terms' occurrences are unchanged: they stay in order.)
            members = [term for term in index_by_key.get(key, ()) if term not in changed_terms]
            if terms_arriving:
                members = sorted(members + terms_arriving, key=first_occurrence)
            _set_list(index_by_key, key, members)

    # The 4-grams through a changed character: those at these starts, before and now.
    starts = starts_through(changed, 4, len(text))
    gone = Counter(before[start:start + 4] for start in starts)
    came = Counter(text[start:start + 4] for start in starts)
    changed4 = gone.keys() | came.keys()
    fresh = {gram: _count_now(gram, terms.quadgrams, gone, came, text) for gram in changed4 if HAN4.fullmatch(gram)
             # (A 4-gram occurring MIN_TERM_COUNT times begins and ends with a 3-gram term.)
             and trigrams.get(gram[:3], 0) >= MIN_TERM_COUNT and trigrams.get(gram[1:], 0) >= MIN_TERM_COUNT}
    quadgrams = dict(terms.quadgrams)
    changed_quadgrams = set()
    joined_or_left = set()
    for gram in changed4:
        count = fresh.get(gram, 0)
        was = gram in quadgrams
        if count >= MIN_TERM_COUNT:
            quadgrams[gram] = count
            changed_quadgrams.add(gram)
            if not was:
                joined_or_left.add(gram)
        elif was:
            del quadgrams[gram]
            changed_quadgrams.add(gram)
            joined_or_left.add(gram)
    return Amended(
        Terms(counts, by_masked, quadgrams),
        frozenset(changed_terms), frozenset(changed_quadgrams), frozenset(joined_or_left),
    )


def _count_now(gram: str, quadgrams: dict[str, int], gone: Counter[str], came: Counter[str], text: str) -> int:
    """The occurrences of the 4-gram `gram` in `text` when that is MIN_TERM_COUNT or more (else any
    smaller number): a quadgram term's count before (`quadgrams`) amended by the occurrences at the
    changed starts (`gone` before, `came` now); another 4-gram occurred fewer than MIN_TERM_COUNT
    times before, so it is counted only when it gained an occurrence."""
    if gram in quadgrams:
        return quadgrams[gram] - gone[gram] + came[gram]
    if came[gram] > gone[gram]:
        return _count(text, gram)
    return 0


def _count(text: str, gram: str) -> int:
    """The (overlapping) occurrences of `gram` in `text`: counted in C unless two can overlap."""
    if all(gram[shift:] != gram[:-shift] for shift in range(1, len(gram))):
        return text.count(gram)
    return len(occurrences(text, [gram]))


def _set_list(index: dict[str, list[Item]], key: str, members: list[Item]) -> None:
    if members:
        index[key] = members
    else:
        index.pop(key, None)


class FirstOccurrence:
    """Offset of a string's first occurrence in one text (each looked for once)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, int] = {}

    def __call__(self, gram: str) -> int:
        offset = self.found.get(gram)
        if offset is None:
            offset = self.found[gram] = self.text.find(gram)
        return offset
