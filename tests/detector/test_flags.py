from cleaner.detect_flags import NUMBERS_AFTER, Flags, Survey, _bigram_numbers

KNOWN = frozenset({"人民", "民政", "政府", "工作", "报告"})
STANDALONE = frozenset({"的"})


def test_amended_survey_equals_a_fresh_survey_of_the_changed_text() -> None:
    before = "人民攻府工作报告。的人氏政府\n工作"
    after = "人民政府工作报告。的人民政府\n工作"
    changed = [index for index, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    amended = Survey.of(before, KNOWN, STANDALONE).amended(after, changed)
    assert amended.near == Survey.of(after, KNOWN, STANDALONE).near


def test_amended_survey_at_the_text_edges_equals_a_fresh_survey() -> None:
    before = "攻府工作人氏"
    after = "政府工作人民"
    amended = Survey.of(before, KNOWN, STANDALONE).amended(after, [0, 5])
    assert amended.near == Survey.of(after, KNOWN, STANDALONE).near


def test_han_flags_mark_unified_ideographs_only() -> None:
    text = "一a龥\u4dff\ua000𠀀\U00014e00\n\u9fff"
    assert Flags(text).positions(Flags(text).han) == [0, 2, 8]


def test_near_positions_are_suspects_and_their_neighbours_inside_runs_of_hanzi() -> None:
    assert Survey.of("攻府工作。氏", KNOWN, STANDALONE).near == [0, 1, 2]


def test_known_bigrams_looked_up_as_numbers_are_those_looked_up_as_strings() -> None:
    known = frozenset({"人民", "民政", "政府", "工作", "报告", "a中"})
    text = "人民政府工作报告。a中人民\U00020000政府工作x"  # (an astral character: looked up as strings)
    parts = (text, text[:12], text[:11], text[:1], "")
    by_strings = [Flags(part).bigrams_in(known) for part in parts]
    _bigram_numbers(known).numbers(NUMBERS_AFTER)
    assert _bigram_numbers(known).built is not None
    assert [Flags(part).bigrams_in(known) for part in parts] == by_strings
