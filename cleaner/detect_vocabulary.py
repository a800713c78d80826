"""Document-vocabulary strategy: a string one edit away from a term the document uses many times.

`总书动` beside forty `总书记`, `能人才` beside `技能人才` everywhere else: the document itself is the
evidence. Terms are the frequent 3- and 4-grams of hanzi (counted with C-level slicing); a near-miss
is an occurrence that differs from a term by one substituted character (3-grams) or one dropped
character (4-grams). A near-miss is proposed only when the correction also reads better against the
lexicon, so a frequent term never overwrites a different real word.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from cleaner.detect_flags import Survey
from cleaner.detect_model import DetectorModel, Guard, Proposal, is_numeral
from cleaner.detect_tables import DIVISIONS, PLACE_SUFFIXES, is_han
from cleaner.detect_terms import (
    HAN3,
    MIN_TERM_COUNT,
    FirstOccurrence,
    Terms,
    amended_terms,
    grams_through,
    hanzi_ngram_counts,
    is_hanzi_run,
    masked,
    occurrences,
    quadgrams_of_variant,
    starts_through,
    terms_of,
    variants,
)

__all__ = ["MIN_TERM_COUNT", "Vocabulary", "amended_counts", "amended_vocabulary", "propose", "vocabulary_of"]

MAX_VARIANT_SHARE = 0.25  # a near-miss must be this rare relative to the term (or occur once)
CONTEXT = 4
MIN_LEXICON_GAIN = 1.0  # the correction must read at least this much better by the lexicon alone
# A restored character must join a word clearly: a 4-gram that merely extends a word the text has
# (平总书记 beside 总书记 gains about 1.3, 保障部系统 beside 保障系统 2.6) is no evidence of a drop.
MIN_DROP_LEXICON_GAIN = 3.0
# ... and much better when neither glyph similarity nor learned confusions explain the misreading.
MIN_UNEXPLAINED_GAIN = 4.5
# Characters that end many words after a stem (采石业, 采石场, 加工区, 加工厂): one swapped, with nothing to
# explain it, after the term's first character is as likely another word of the document as a
# misreading (held_out_6, a news report with 6 x 采石场 and one 采石业; held_out_11's 县农业农村局作…报告
# beside 5 x 农村工作, where 局 ends the bureau's name). Widened to any such swap (not only one for
# another suffix), it took 6 worse edits off held_out_11's documents (5 more in Kai) and the one
# automatic detector edit of its truths, and made a few right corrections proposals (CER reduction
# down by at most 0.0007 on any OCR set); People's Daily has one automatic edit fewer.
SUFFIXES = frozenset("业场厂区园站所点室院馆局部处队组会团家员者界率量费法化性式型类品物器机")
# A rare character (below Zipf 3) that the document itself uses this often, or that starts a place's
# name (a usual last character of names and a suffix after it: 崟阳县), swapped for a term's character
# with nothing to explain it, is as likely a name's own character as a misreading (拟任崟阳县委副书记
# beside 3 x 拟任职; 崟 costs the lexicon an unknown character, which makes any correction of it read
# far better).
RARE_CENTIZIPF = 300
MIN_OWN_CHARACTER_COUNT = 3
UNKNOWN_SUBSTITUTION = -2.5  # log10 P of a misreading neither glyphs nor learning explain
DROPPED_CHARACTER = -2.0  # log10 P that OCR dropped a character
# What a near-miss at a position depends on: the text this far each side of it (the scored window)
# for a substitution; from this far before to this far after a variant's start for a drop.
SUBSTITUTION_REACH = CONTEXT
DROP_REACH_BEFORE, DROP_REACH_AFTER = 1 + CONTEXT, 3 + CONTEXT


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The document strategy's findings on one text, kept so that a later round (the same text with a
    few characters corrected) redoes only the search those corrections can change."""

    text: str
    terms: Terms
    # 3-gram -> the quadgram terms it is rare enough to be with a character dropped, as (term, index)
    variants: dict[str, list[tuple[str, int]]]
    substituted: dict[int, Proposal]  # near position -> the best substitution found there (first on ties)
    dropped: dict[int, list[Proposal]]  # start of a quadgram term's variant -> proposals found there, in order
    proposals: list[Proposal]  # the best per place and kind, in text order


def amended_counts(counts: Counter[str], before: str, after: str, changed: Collection[int], size: int) -> Counter[str]:
    """The hanzi n-gram counts of `after` (`hanzi_ngram_counts`), from those of `before` (`counts`),
    when the two texts differ only in single characters at the `changed` positions: only the n-grams
    through those are counted again."""
    starts = sorted(starts_through(changed, size, len(before)))
    gone = [gram for gram in (before[start:start + size] for start in starts) if is_hanzi_run(gram)]
    amended = counts.copy()
    amended.subtract(gone)
    amended.update(gram for gram in (after[start:start + size] for start in starts) if is_hanzi_run(gram))
    for gram in gone:
        if amended.get(gram, 1) <= 0:
            del amended[gram]
    return amended


def propose(text: str, model: DetectorModel, survey: Survey | None = None) -> list[Proposal]:
    """Near-misses of the document's frequent 3-grams (one substitution) and 4-grams (one drop)."""
    if survey is None:
        from cleaner.detect_lexicon import survey_of

        survey = survey_of(text, model)
    return vocabulary_of(text, model, survey, hanzi_ngram_counts(text, 3)).proposals


def vocabulary_of(
    text: str, model: DetectorModel, survey: Survey, trigrams: Counter[str], grams: list[str] | None = None
) -> Vocabulary:
    """The document strategy on `text`, whose survey is `survey` and 3-gram counts `trigrams`
    (`hanzi_ngram_counts(text, 3)`: in order of first occurrence); `grams`: its `hanzi_grams`, if at hand."""
    terms = terms_of(text, trigrams, grams)
    if not terms.counts:
        return Vocabulary(text, terms, {}, {}, {}, [])
    substituted = _substitutions(text, survey.near, terms, trigrams, model, survey.known)
    variants_found = _all_variants(terms.quadgrams, trigrams)
    dropped = _drops(text, occurrences(text, variants_found), terms, variants_found, model) if variants_found else {}
    return Vocabulary(text, terms, variants_found, substituted, dropped, _best(substituted, dropped))


def amended_vocabulary(
    previous: Vocabulary, text: str, model: DetectorModel, survey: Survey, trigrams: Counter[str],
    changed: Collection[int],
) -> Vocabulary:
    """The document strategy on `text`, which differs from `previous.text` only in single characters
    at the `changed` positions; `survey` and `trigrams` are those of `text`. Equal to
    `vocabulary_of(text, ...)`: the search is redone only where the corrections reach, at positions
    where a term or 3-gram whose occurrences changed could match, and for quadgram terms likewise."""
    before = previous.text
    changed3 = grams_through(before, text, changed, 3)
    amended = amended_terms(previous.terms, before, text, changed, trigrams, changed3)
    terms = amended.terms

    # Substitutions: positions the corrections reach, or where a changed term or 3-gram matches.
    reached = {position + shift for position in changed
               for shift in range(-SUBSTITUTION_REACH, SUBSTITUTION_REACH + 1)}
    after_keys: set[str] = set()
    around_keys: set[str] = set()
    before_keys: set[str] = set()
    for term in amended.changed_terms:
        for keys, key in zip((after_keys, around_keys, before_keys), masked(term), strict=True):
            keys.add(key)
    again = [
        position for position in survey.near
        if position in reached or text[position + 1:position + 3] in after_keys
        or text[position - 1:position + 2:2] in around_keys or text[position - 2:position] in before_keys
        or text[position - 2:position + 1] in changed3 or text[position - 1:position + 2] in changed3
        or text[position:position + 3] in changed3
    ]
    again_set = set(again)
    substituted = {
        position: proposal for position, proposal in previous.substituted.items()
        if position not in reached and position not in again_set
    }
    if terms.counts:
        substituted.update(_substitutions(text, again, terms, trigrams, model, survey.known))

    # Drops: variant starts the corrections reach, occurrences of variants whose terms or count
    # changed, and starts beside a 4-gram that became or stopped being a term.
    first_occurrence = FirstOccurrence(text)
    variants_found = dict(previous.variants)
    differing = set()  # variants whose terms differ
    for variant in changed3 | {variant for gram in amended.changed_quadgrams for variant in variants(gram)}:
        if not HAN3.fullmatch(variant) or (variant not in trigrams and variant not in variants_found):
            continue  # no term's variant (a variant must occur), before or now
        # (One that no longer occurs is no term's variant now.)
        entries = _variant_entries(terms, trigrams[variant], quadgrams_of_variant(terms, variant, first_occurrence)
                                   ) if variant in trigrams else []
        if _counted(entries, terms) != _counted(variants_found.get(variant, []), previous.terms):
            differing.add(variant)
            if entries:
                variants_found[variant] = entries
            else:
                del variants_found[variant]
    redone = {start + shift for start in changed for shift in range(-DROP_REACH_AFTER, DROP_REACH_BEFORE + 1)}
    if differing:
        redone.update(occurrences(text, differing))
    if amended.joined_or_left:
        redone.update(start + shift for start in occurrences(text, amended.joined_or_left) for shift in (0, 1))
    dropped = {start: found for start, found in previous.dropped.items() if start not in redone}
    starts = sorted(start for start in redone if start >= 0 and text[start:start + 3] in variants_found)
    dropped.update(_drops(text, starts, terms, variants_found, model))
    return Vocabulary(text, terms, variants_found, substituted, dropped, _best(substituted, dropped))


def _counted(entries: list[tuple[str, int]], terms: Terms) -> list[tuple[str, int, int]]:
    return [(term, index, terms.quadgrams[term]) for term, index in entries]


def _best(substituted: dict[int, Proposal], dropped: dict[int, list[Proposal]]) -> list[Proposal]:
    """The best proposal per place and kind (the first found on ties: substitutions by position,
    then drops by variant start), in text order."""
    found = {(proposal.start, proposal.end, proposal.kind): proposal
             for _position, proposal in sorted(substituted.items())}
    for _start, proposals in sorted(dropped.items()):
        for proposal in proposals:
            _keep_best(found, proposal)
    return sorted(found.values(), key=lambda item: (item.start, item.end))


def _keep_best(found: dict[tuple[int, int, str], Proposal], proposal: Proposal) -> None:
    key = (proposal.start, proposal.end, proposal.kind)
    if key not in found or proposal.gain > found[key].gain:
        found[key] = proposal


def _substitutions(
    text: str, positions: Iterable[int], terms: Terms, trigrams: Counter[str], model: DetectorModel,
    known: frozenset[str],
) -> dict[int, Proposal]:
    """3-grams that agree with a term but at one place, a suspect hanzi at one of `positions`
    (survey.near) whose bigram with the term's neighbour is no part of any word: the best
    substitution per position (the first found on ties). `trigrams`: the text's hanzi 3-gram counts."""
    after, around, before = terms.by_masked
    counts = terms.counts
    best: dict[int, Proposal] = {}
    for position in positions:
        # The text's two characters in the same places as a term's other two, for the differing one
        # at index 0, 1 and 2 of the 3-gram: one slice and one look-up each.
        matching0 = after.get(text[position + 1:position + 3])
        matching1 = around.get(text[position - 1:position + 2:2])
        matching2 = before.get(text[position - 2:position])
        if matching0 is None and matching1 is None and matching2 is None:
            continue  # no term agrees with the text around this position but at it
        # Whether the character seen forms a word with its left or right neighbour.
        left_word = position > 0 and text[position - 1:position + 1] in known
        right_word = text[position:position + 2] in known
        # (A variant where it does, on the side of the term's neighbour, is no near-miss.)
        # A variant that is a term itself, or not all hanzi (the counts are of hanzi 3-grams alone),
        # is no near-miss; nor one where the character seen forms a word with the term's neighbour.
        if matching0 is not None and not right_word:
            variant = text[position:position + 3]
            if variant not in counts and variant in trigrams:
                _try(best, text, position, 0, matching0, variant, counts, trigrams, model, known, left_word)
        if matching1 is not None and position >= 1 and not (left_word and right_word):
            variant = text[position - 1:position + 2]
            if variant not in counts and variant in trigrams:
                _try(best, text, position, 1, matching1, variant, counts, trigrams, model, known,
                     left_word or right_word)
        if matching2 is not None and position >= 2 and not left_word:
            variant = text[position - 2:position + 1]
            if variant not in counts and variant in trigrams:
                _try(best, text, position, 2, matching2, variant, counts, trigrams, model, known, right_word)
    return best


def _try(
    best: dict[int, Proposal], text: str, position: int, index: int, matching: list[str], variant: str,
    counts: dict[str, int], trigrams: Counter[str], model: DetectorModel, known: frozenset[str], joins_a_word: bool,
) -> None:
    """Score the `matching` terms at `index` of the `variant` 3-gram through `position` into `best`
    (see `_substitutions`); `joins_a_word`: whether the character seen forms a word with either neighbour."""
    occurring = trigrams[variant]
    seen = text[position]
    channel = model.channel
    for term in matching:
        count = counts[term]
        if occurring > 1 and occurring > max(1, int(count * MAX_VARIANT_SHARE)):
            continue
        meant = term[index]
        misreading = channel(seen, meant)
        if misreading is None and (joins_a_word or not _joins(text, position, index, meant, known)):
            continue  # nothing explains the misreading, and the text gives no sign of one
        proposal = _score(text, position, seen, meant, term, count, model, misreading)
        if proposal is not None and misreading is None and occurring > 1:
            proposal = proposal.guarded(Guard.REPEATED_UNEXPLAINED)
        if proposal is not None and misreading is None and index >= 1 and seen in SUFFIXES:
            proposal = proposal.guarded(Guard.OTHER_COMPOUND)
        if proposal is not None and (
            (misreading is None and (
                _own_character(text, position, model) or (index == 0 and _ends_a_name(text, position, term, model))))
            # (a rare character the text repeats is its own even where a misreading would explain it:
            # 泷水镇埝头村, 3 x 埝头, beside 3 x 泷水镇人民政府)
            or (misreading is not None and _repeated_rare_character(text, position, model))
        ):
            proposal = proposal.guarded(Guard.OWN_CHARACTER)
        if proposal is not None and misreading is None and index == 0 and _stem_after_others(text, term, seen, model):
            proposal = proposal.guarded(Guard.STEM_AFTER_OTHERS)
        if proposal is not None and index == 0 and _renames_a_place(text, position, term, model):
            proposal = proposal.guarded(Guard.NAME_GUESS)
        if proposal is not None and (position not in best or proposal.gain > best[position].gain):
            best[position] = proposal


# Words that scope a division (全市, 本县, 该区, 各乡, 我省).
_DIVISION_SCOPES = frozenset("全本该各我")
# A character this frequent as a word by itself (zipf) stands before any word: 由, 经, 向 (not 疗 of 医疗).
MIN_WORD_BY_ITSELF = 5.0


def _stem_after_others(text: str, term: str, seen: str, model: DetectorModel) -> bool:
    """Whether `term` is a word by itself (市) and a stem (市绿化) that the text also has after
    another word by itself (由市绿化), or one that names a division (市, 县 …), and `seen` is a word
    by itself (经)."""
    zipf = model.lexicon.zipf
    stem, first = term[1:], term[0]
    if zipf(term[1]) < MIN_WORD_BY_ITSELF or zipf(seen) < MIN_WORD_BY_ITSELF:
        return False
    if term[1] in DIVISIONS:
        return True  # (a body of the city, the county …: 经市绿化主管部门审批, 由县政府负责)
    start = text.find(stem, 1)
    while start > 0:
        before = text[start - 1]
        if before not in (first, seen) and zipf(before) >= MIN_WORD_BY_ITSELF:
            return True
        start = text.find(stem, start + 1)
    return False


def _score(
    text: str, position: int, seen: str, meant: str, term: str, count: int, model: DetectorModel,
    channel: float | None,
) -> Proposal | None:
    """The substitution of `meant` for the `seen` at `position`, if it reads better enough; `channel`:
    `model.channel(seen, meant)`."""
    if is_numeral(seen) and is_numeral(meant):
        return None
    start = max(0, position - CONTEXT)
    window = text[start:position + CONTEXT + 1]
    offset = position - start
    corrected = window[:offset] + meant + window[offset + 1:]
    lexicon_gain = model.plausibility_of_change(window, offset, corrected) - model.plausibility(window)
    if lexicon_gain < (MIN_LEXICON_GAIN if channel is not None else MIN_UNEXPLAINED_GAIN):
        return None
    channel = UNKNOWN_SUBSTITUTION if channel is None else max(channel, UNKNOWN_SUBSTITUTION)
    evidence = math.log10(count)
    gain = lexicon_gain + channel + evidence
    return Proposal(
        position, position + 1, seen, meant, gain, "vocabulary",
        f"{term} occurs {count}x in this document; {window}→{corrected}: lexicon gain {lexicon_gain:+.1f}, "
        f"misreading {meant}→{seen} {channel:+.1f}; gain={gain:+.2f} (log10)",
        unexplained=channel <= UNKNOWN_SUBSTITUTION,
    )


def _own_character(text: str, position: int, model: DetectorModel) -> bool:
    """Whether the character at `position` is a rare one that the text uses often, or that starts a
    place's name (崟阳县): one of the document's names (see RARE_CENTIZIPF)."""
    seen = text[position]
    if model.lexicon.centizipf_by_word.get(seen, 0) >= RARE_CENTIZIPF:
        return False
    name_start = text[position + 1:position + 2] in model.tables.place_finals and (
        text[position + 2:position + 3] in PLACE_SUFFIXES)
    return name_start or _repeated_rare_character(text, position, model)


def _repeated_rare_character(text: str, position: int, model: DetectorModel) -> bool:
    """Whether the character at `position` is a rare one that the text uses MIN_OWN_CHARACTER_COUNT
    times or more."""
    seen = text[position]
    return (model.lexicon.centizipf_by_word.get(seen, 0) < RARE_CENTIZIPF
            and text.count(seen) >= MIN_OWN_CHARACTER_COUNT)


def _ends_a_name(text: str, position: int, term: str, model: DetectorModel) -> bool:
    """Whether the character at `position`, before the division `term` names next (市 of 城市公), ends
    a place's name: it and the hanzi before it are no words by themselves, and the text names the
    place again (《青岚市公园管理办法》 beside 24 x 城市公园 is the city 青岚市, which the rules name
    throughout, not 青城市; 在坡市公园 and 住房壤乡建设 are misreadings)."""
    if term[1] not in DIVISIONS or position == 0 or not is_han(text[position - 1]):
        return False
    zipf = model.lexicon.zipf
    return (zipf(text[position]) < MIN_WORD_BY_ITSELF and zipf(text[position - 1]) < MIN_WORD_BY_ITSELF
            and text.count(text[position - 1:position + 2]) >= 2)


def _renames_a_place(text: str, position: int, term: str, model: DetectorModel) -> bool:
    """Whether the correction makes the last character of a place's name, before its division, the
    word that scopes a division (青岚市消防安全委员会 → 青全市 beside 3 x 全市消): 全市, 本县 and the like open
    a phrase, never follow a hanzi that is no word by itself (青 of 青岚市)."""
    if term[1] not in DIVISIONS or term[0] not in _DIVISION_SCOPES or position == 0:
        return False
    before = text[position - 1]
    return is_han(before) and model.lexicon.zipf(before) < MIN_WORD_BY_ITSELF


def _joins(text: str, position: int, index: int, meant: str, known: frozenset[str]) -> bool:
    """Whether the term's character `meant` forms a word with the term's neighbour(s) of `position`
    (for a misreading nothing explains, where the character seen fits no word on either side)."""
    if index == 2:
        return text[position - 1:position] + meant in known
    if index == 0:
        return meant + text[position + 1:position + 2] in known
    return text[position - 1:position] + meant in known or meant + text[position + 1:position + 2] in known


def _all_variants(quadgrams: dict[str, int], trigrams: Counter[str]) -> dict[str, list[tuple[str, int]]]:
    """`_variant_entries` of every quadgram term's variants, by variant (the same, unrolled: this runs over
    every quadgram term)."""
    found: dict[str, list[tuple[str, int]]] = {}
    seen = trigrams.get
    for term, count in quadgrams.items():
        allowance = max(1, int(count * MAX_VARIANT_SHARE))
        # Dropping the first or last character leaves a 3-gram of the term's own occurrences.
        variant = term[1:]
        if count < seen(variant, 0) <= count + allowance:
            found.setdefault(variant, []).append((term, 0))
        variant = term[0] + term[2:]
        if 0 < seen(variant, 0) <= allowance:
            found.setdefault(variant, []).append((term, 1))
        variant = term[:2] + term[3]
        if 0 < seen(variant, 0) <= allowance:
            found.setdefault(variant, []).append((term, 2))
        variant = term[:3]
        if count < seen(variant, 0) <= count + allowance:
            found.setdefault(variant, []).append((term, 3))
    return found


def _variant_entries(terms: Terms, seen: int, candidates: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Of the `candidates` (quadgram terms a 3-gram occurring `seen` times is, minus one character),
    those it is rare enough to be with a character dropped, counting out the term's own occurrences."""
    found = []
    for term, index in candidates:
        count = terms.quadgrams[term]
        inside = count if index in (0, 3) else 0  # occurrences of the variant that are the term's own
        if inside < seen <= inside + max(1, int(count * MAX_VARIANT_SHARE)):
            found.append((term, index))
    return found


def _drops(
    text: str, starts: Iterable[int], terms: Terms, variants_found: dict[str, list[tuple[str, int]]],
    model: DetectorModel,
) -> dict[int, list[Proposal]]:
    """3-grams that are a term with one character missing, outside the term's own occurrences: the
    proposals at each of `starts` (occurrences of `variants_found`), in the order found."""
    quadgrams = terms.quadgrams
    dropped: dict[int, list[Proposal]] = {}
    for position in starts:
        if text[position:position + 4] in quadgrams or text[position - 1:position + 3] in quadgrams:
            continue  # the variant is part of an occurrence of a term
        for term, index in variants_found[text[position:position + 3]]:
            count = quadgrams[term]
            if not _inside_term(text, position, term, index):
                proposal = _drop_or_substitution(text, position, index, term, count, model)
                if proposal is not None:
                    dropped.setdefault(position, []).append(proposal)
    return dropped


def _drop_or_substitution(
    text: str, position: int, index: int, term: str, count: int, model: DetectorModel
) -> Proposal | None:
    """A term missing its first or last character may instead have it misread (`吕业技能` for
    `职业技能`): the substitution is tried first, and the drop is believed only when the character
    beside the gap belongs to a word on its other side."""
    if index in (0, 3):
        beside = position - 1 if index == 0 else position + 3
        if not 0 <= beside < len(text) or text[beside].isspace():
            return None  # a term cut by a line break (技⏎能人才) or by the page's edge lacks nothing
        outer = beside - 1 if index == 0 else beside + 1
        if 0 <= beside < len(text) and _is_han(text[beside]):
            substitution = _score(text, beside, text[beside], term[index], term, count, model,
                                  model.channel(text[beside], term[index]))
            if substitution is not None:
                if _repeated_rare_character(text, beside, model):  # (泷水镇埝头村 beside 泷水镇人民政府)
                    substitution = substitution.guarded(Guard.OWN_CHARACTER)
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
    lexicon_gain = (model.plausibility_of_change(window, offset, corrected) - model.plausibility(window)
                    - model.plausibility(missing))
    if lexicon_gain < MIN_DROP_LEXICON_GAIN:
        return None
    evidence = math.log10(count)
    gain = lexicon_gain + DROPPED_CHARACTER + evidence
    return Proposal(
        position, position, "", missing, gain, "dropped",
        f"{term} occurs {count}x in this document; {window}→{corrected}: lexicon gain {lexicon_gain:+.1f}, "
        f"dropped {missing} {DROPPED_CHARACTER:+.1f}; gain={gain:+.2f} (log10)",
    )

