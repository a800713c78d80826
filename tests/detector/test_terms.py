"""The document's terms and their indexes, and amending them after a few corrections."""

from cleaner.detect_terms import (
    FirstOccurrence,
    amended_terms,
    grams_through,
    hanzi_ngram_counts,
    quadgrams_of_variant,
    terms_of,
)
from cleaner.detect_vocabulary import amended_counts


def corrected(before: str, after: str) -> tuple[list[int], set[str]]:
    changed = [index for index, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    return changed, grams_through(before, after, changed, 3)


def test_terms_are_hanzi_3_grams_occurring_three_times_in_order_of_first_occurrence() -> None:
    text = "发展职业教育，办好职业教育，职业教育。"
    assert terms_of(text, hanzi_ngram_counts(text, 3)).counts == {"职业教": 3, "业教育": 3}


def test_terms_are_indexed_by_their_characters_but_one() -> None:
    text = "职业教育，职业教育，职业教育。"
    after, around, before = terms_of(text, hanzi_ngram_counts(text, 3)).by_masked
    assert (after["教育"], around["职教"], before["职业"]) == (["业教育"], ["职业教"], ["职业教"])


def test_amended_terms_equal_the_terms_of_the_corrected_text() -> None:
    before = "落实职业教青。人才培养，职业教育，人才培养，职业教育。人才培训，职业敦育，人才培养。"
    after = "落实职业教育。人才培养，职业教育，人才培养，职业教育。人才培训，职业教育，人才培养。"
    changed, changed3 = corrected(before, after)
    trigrams = amended_counts(hanzi_ngram_counts(before, 3), before, after, changed, 3)
    amended = amended_terms(terms_of(before, hanzi_ngram_counts(before, 3)), before, after, changed, trigrams, changed3)
    assert amended.terms == terms_of(after, hanzi_ngram_counts(after, 3))


def test_a_term_a_correction_makes_occur_earlier_moves_ahead_in_its_index() -> None:
    before = "人才陪训。人才队伍，人才培养，人才队伍，人才培养，人才队伍，人才培养。"
    after = "人才培训。人才队伍，人才培养，人才队伍，人才培养，人才队伍，人才培养。"
    changed, changed3 = corrected(before, after)
    trigrams = amended_counts(hanzi_ngram_counts(before, 3), before, after, changed, 3)
    terms = terms_of(before, hanzi_ngram_counts(before, 3))
    amended = amended_terms(terms, before, after, changed, trigrams, changed3)
    assert (terms.by_masked[2]["人才"], amended.terms.by_masked[2]["人才"]) == (
        ["人才队", "人才培"], ["人才培", "人才队"])


def test_a_4_gram_reaching_three_occurrences_joins_the_quadgram_terms() -> None:
    before = "技能人才，技能人才，技能人材。"
    after = "技能人才，技能人才，技能人才。"
    changed, changed3 = corrected(before, after)
    trigrams = amended_counts(hanzi_ngram_counts(before, 3), before, after, changed, 3)
    amended = amended_terms(terms_of(before, hanzi_ngram_counts(before, 3)), before, after, changed, trigrams, changed3)
    assert (amended.terms.quadgrams, amended.joined_or_left) == ({"技能人才": 3}, frozenset({"技能人才"}))


def test_quadgram_terms_of_a_variant_name_the_character_removed() -> None:
    text = "技能人才，技能人才，技能人才。职业技能，职业技能，职业技能。"
    terms = terms_of(text, hanzi_ngram_counts(text, 3))
    found = [quadgrams_of_variant(terms, variant, FirstOccurrence(text)) for variant in ("能人才", "技人才", "业技能")]
    assert found == [[("技能人才", 0)], [("技能人才", 1)], [("职业技能", 0)]]
