"""How the layout pass measures and reads a line (cleaner.layout_lines)."""

from __future__ import annotations

from cleaner.layout_lines import line_width, split_lines


def test_an_ideograph_is_one_em_a_chinese_mark_three_quarters_a_latin_letter_half() -> None:
    assert line_width("技能人才，") == 4.75
    assert line_width("ab") == 1.0


def test_spaces_between_chinese_characters_count_nothing() -> None:
    assert line_width("电 话\u3000号\u00a0\t码") == line_width("电话号码") == 4.0


def test_a_space_between_chinese_and_a_number_counts_nothing() -> None:
    assert line_width("2020 年 12 月") == line_width("2020年12月") == 5.0


def test_a_space_beside_a_mark_counts_nothing() -> None:
    assert line_width("技能 , 人才") == line_width("技能,人才")


def test_a_space_between_latin_words_or_digits_counts_a_quarter_em() -> None:
    assert line_width("Research and Development") == 11.5
    assert line_width("1 000") == 2.25


def test_half_width_marks_measure_as_the_full_width_marks_they_become() -> None:
    for half, full in ((",", "，"), (":", "："), (";", "；"), ("?", "？"), ("!", "！"), ("(", "（"), (")", "）"),
                       ('"', "“")):
        assert line_width(f"技能{half}") == line_width(f"技能{full}"), half


def test_a_line_holding_an_ideographic_space_is_measured_without_it() -> None:
    assert [line.width for line in split_lines("总书记\u3000的\n技能人才\n")] == [4.0, 4.0]


def test_a_number_set_apart_by_spaces_after_chinese_is_no_contents_entry() -> None:
    # The spacing pass closes the gap (意义2): a second run must read the line as the first did.
    assert [line.standalone for line in split_lines("加强技能人才队伍建设的重大意义          2\n")] == [False]


def test_a_contents_entry_with_leaders_or_a_gap_after_latin_text_stands_alone() -> None:
    text = "第一章　总则……………………1\n1.1 Background      3\n"
    assert [line.standalone for line in split_lines(text)] == [True, True]


def test_a_line_of_marks_is_a_fragment_by_the_marks_it_holds_once_runs_are_read_once() -> None:
    # ":，，，:::" is ":，，，：" once the punctuation pass has read the colons: both are three marks.
    assert [line.fragment for line in split_lines(":，，，:::\n:，，，：\n——————————\n")] == [True, True, False]


def test_a_repeated_half_width_mark_counts_once_as_the_punctuation_pass_reads_it() -> None:
    assert line_width("技能，,") == line_width("技能, ,") == line_width("技能，") == 2.75
    assert line_width("技能，，") == 3.5  # two full-width commas stay two


def test_a_half_width_bracket_beside_its_full_width_form_counts_nothing() -> None:
    assert line_width("技能0)）") == line_width("技能0）") == 3.25
    assert line_width("((1))") == 3.5  # nested pairs: every bracket stays


def test_a_half_width_point_after_chinese_ends_a_sentence_but_not_after_a_digit() -> None:
    endings = [line.ending.name for line in split_lines("达到35%.\n继续实施.\n共有3.\n")]
    assert endings == ["TERMINAL", "TERMINAL", "OPEN"]
