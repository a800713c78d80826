from collections import Counter

from cleaner.detect_terms import AUTOMATON_COST, frequent_quadgrams, hanzi_ngram_counts
from cleaner.detect_vocabulary import amended_counts


def test_amended_counts_equal_a_fresh_count_of_the_changed_text() -> None:
    before = "人民攻府工作报告人民政府工作人氏政府"
    after = "人民政府工作报告人民政府工作人民政府"
    changed = [index for index, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    assert amended_counts(hanzi_ngram_counts(before, 3), before, after, changed, 3) == hanzi_ngram_counts(after, 3)


def test_hanzi_ngram_counts_count_overlapping_hanzi_ngrams_only_in_order_of_first_occurrence() -> None:
    assert list(hanzi_ngram_counts("人民政府，人民政府工作2024人民政", 3).items()) == [
        ("人民政", 3), ("民政府", 2), ("政府工", 1), ("府工作", 1)]


def test_amended_counts_leave_out_ngrams_that_are_not_all_hanzi() -> None:
    assert amended_counts(hanzi_ngram_counts("人民攻府", 3), "人民攻府", "人民。府", [2], 3) == {}


def test_amended_counts_drop_ngrams_that_no_longer_occur() -> None:
    assert "攻府工" not in amended_counts(hanzi_ngram_counts("人攻府工", 3), "人攻府工", "人政府工", [1], 3)


def brute_force_quadgrams(text: str) -> dict[str, int]:
    counts = Counter(text[start:start + 4] for start in range(len(text) - 3))
    return {gram: count for gram, count in counts.items() if count >= 3 and all("一" <= char <= "鿿" for char in gram)}


def test_frequent_quadgrams_of_a_short_text_are_counted_in_order_of_first_occurrence() -> None:
    text = "技能人才队伍，技能人才。" * 3 + "人才队伍"
    terms = {gram: count for gram, count in hanzi_ngram_counts(text, 3).items() if count >= 3}
    counted_whole = len(terms) * AUTOMATON_COST >= len(text)
    assert (counted_whole, list(frequent_quadgrams(text, terms).items())) == (
        True, list(brute_force_quadgrams(text).items()))


def test_frequent_quadgrams_of_a_long_text_are_found_from_its_terms_alone() -> None:
    text = "技能人才队伍建设。" * 3 + "发展职业教育，" * 4 + "人民" * 200
    terms = {gram: count for gram, count in hanzi_ngram_counts(text, 3).items() if count >= 3 and "。" not in gram}
    counted_whole = len(terms) * AUTOMATON_COST >= len(text)
    assert (counted_whole, list(frequent_quadgrams(text, terms).items())) == (
        False, list(brute_force_quadgrams(text).items()))
