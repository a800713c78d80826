from cleaner.detect_vocabulary import amended_counts, ngram_counts


def test_amended_counts_equal_a_fresh_count_of_the_changed_text() -> None:
    before = "人民攻府工作报告人民政府工作人氏政府"
    after = "人民政府工作报告人民政府工作人民政府"
    changed = [index for index, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    assert amended_counts(ngram_counts(before, 3), before, after, changed, 3) == ngram_counts(after, 3)


def test_amended_counts_drop_ngrams_that_no_longer_occur() -> None:
    assert "攻府工" not in amended_counts(ngram_counts("人攻府工", 3), "人攻府工", "人政府工", [1], 3)
