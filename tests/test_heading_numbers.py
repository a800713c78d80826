"""Headings whose number OCR lost (`、完善政策体系`) or misread (`（三）` between `（一）` and `（三）`) get it
back from the document's other headings."""

from __future__ import annotations

import pytest

from cleaner.edit import Safety, apply
from cleaner.heading_numbers import (
    MISREAD_RULE,
    RULE,
    lost_heading_numbers,
    misread_heading_numbers,
    numeral_text,
    numeral_value,
)


def numbered(text: str) -> tuple[str, list[Safety]]:
    edits = lost_heading_numbers(text, "punctuation")
    return apply(text, [edit for edit in edits if edit.is_auto]), [edit.safety for edit in edits]


def test_a_heading_between_two_others_takes_the_number_between_them() -> None:
    text = "一、总体要求\n正文。\n、主要任务\n正文。\n三、保障措施\n"
    assert numbered(text) == (text.replace("\n、主要", "\n二、主要"), [Safety.AUTO])


def test_a_heading_before_the_second_with_none_earlier_is_the_first() -> None:
    text = "现将有关事项通知如下：\n、完善政策体系\n正文。\n二、加强引导\n"
    assert numbered(text) == (text.replace("\n、完善", "\n一、完善"), [Safety.AUTO])


def test_a_heading_after_the_last_numbered_one_is_only_a_guess() -> None:
    edits = lost_heading_numbers("六、加强领导\n正文。\n、加强宣传引导\n", "punctuation")
    assert [(edit.after, edit.safety, edit.rule_id) for edit in edits] == [("七", Safety.REVIEW, RULE)]


@pytest.mark.parametrize("text", [
    "一、总体要求\n正文。\n、主要任务\n正文。\n四、保障措施\n",  # a gap of three: which is lost is unclear
    "正文。\n、主要任务\n正文。\n",  # no other heading
    "正文、主要任务。\n",  # a 、 inside a line
])
def test_nothing_is_guessed_without_the_other_headings_to_go_by(text: str) -> None:
    assert lost_heading_numbers(text, "punctuation") == []


def test_numerals_convert_both_ways() -> None:
    assert [numeral_text(number) for number in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]
    assert [numeral_value(numeral_text(number)) for number in range(1, 100)] == list(range(1, 100))
    assert numeral_value("十十") is None


def test_a_heading_between_two_numbered_two_apart_gets_the_number_between() -> None:
    text = "（一）抢修。\n（三）实施工程。\n（三）其他。\n第二十五条　甲。\n第三十六条　乙。\n第二十七条　丙。\n"
    edits = misread_heading_numbers(text, "rules")
    assert apply(text, edits) == text.replace("（三）实施", "（二）实施").replace("第三十六条", "第二十六条")
    assert {(edit.rule_id, edit.safety) for edit in edits} == {(MISREAD_RULE, Safety.AUTO)}


def test_the_first_of_a_list_numbered_two_and_three_after_it_is_one() -> None:
    text = "（三）加强领导。\n（二）强化保障。\n（三）抓好落实。\n"
    assert apply(text, misread_heading_numbers(text, "rules")).startswith("（一）")


def test_a_list_that_starts_again_under_a_new_section_is_left_alone() -> None:
    text = "（四）加强保障。\n三、工作要求\n（二）强化资金保障。\n（三）注重宣传。\n"
    assert misread_heading_numbers(text, "rules") == []


def test_a_number_no_misreading_explains_goes_to_review() -> None:
    # (四 for 三 is no misreading: a heading may have been lost or joined to a line above)
    text = "（二）强化保障。\n（四）注重宣传。\n（四）抓好落实。\n"
    [edit] = misread_heading_numbers(text, "rules")
    assert (edit.before, edit.after, edit.safety) == ("四", "三", Safety.REVIEW)


def test_a_heading_whose_bracket_and_numeral_ocr_read_as_one_character_takes_its_number() -> None:
    # (Tesseract reads （二 as 全 or 伍; no line of text starts with a hanzi and a closing bracket)
    text = "（一）抢修。\n全）强化部门协作。\n（三）实施工程。\n"
    assert apply(text, misread_heading_numbers(text, "rules")) == text.replace("全）", "（二）")
    first = "全）强化部门协作。\n（二）实施工程。\n（三）加强宣传。\n《)其他。\n（五）附则。\n"
    assert apply(first, misread_heading_numbers(first, "rules")) == (
        "（一）强化部门协作。\n（二）实施工程。\n（三）加强宣传。\n（四）其他。\n（五）附则。\n")


def test_a_line_a_wrap_left_opening_with_a_bracket_is_no_heading_without_headings_around_it() -> None:
    text = "联系电话：13907935216（手\n机）\n（二）实施工程。\n"
    assert misread_heading_numbers(text, "rules") == []


def test_a_point_of_a_paragraphs_enumeration_between_two_others_takes_the_number_between() -> None:
    text = "重点抓好三方面工作：一是抓好项目建设。三是抓好金融支持，深化合作。三是抓好要素保障。\n"
    assert apply(text, misread_heading_numbers(text, "rules")) == text.replace("三是抓好金融", "二是抓好金融")


def test_points_are_counted_within_a_paragraph() -> None:
    # (一是 in one paragraph and 三是 … 三是 in the next make no sequence: a paragraph starts them again)
    text = "主要措施：一是加强领导。\n另有说明：三是强化考核；三是资金不足。\n"
    assert misread_heading_numbers(text, "rules") == []


@pytest.mark.parametrize(("text", "meant"), [
    ("（三）加强监督检查。\n（三）强化宣传引导。\n（四）严格考核问责。\n", "（二）加强"),  # (二 read as 三)
    ("（三）加强监督检查。\n（三）强化宣传引导。\n", "（二）加强"),  # (a page's two: 四 is never read as 三)
    ("（一）加强监督检查。\n（一）强化宣传引导。\n", "（二）强化"),
    ("（二）加强监督检查。\n（二）强化宣传引导。\n（四）严格考核问责。\n", "（三）强化"),
])
def test_one_of_two_headings_in_a_row_with_one_number_is_set_right_when_one_reading_fits(text: str, meant: str) -> None:
    assert meant in apply(text, misread_heading_numbers(text, "rules"))


@pytest.mark.parametrize("text", [
    "（二）加强监督检查。\n（二）强化宣传引导。\n",  # (一 or 三 misread: either fits)
    "（三）加强监督检查。\n二、保障措施\n（三）强化宣传引导。\n",  # (a heading above between)
])
def test_two_headings_in_a_row_with_one_number_stay_when_no_single_reading_fits(text: str) -> None:
    assert misread_heading_numbers(text, "rules") == []


@pytest.mark.parametrize(("text", "numbered"), [
    ("三、保障措施\n（）加强组织领导。\n（二）强化资金保障。\n", "（一）加强组织领导"),  # (before 二: one)
    ("（一）加强领导。\n（）强化保障。\n（三）严格考核。\n", "（二）强化保障"),  # (between one and three)
])
def test_a_bracketed_heading_that_lost_its_numeral_takes_it_from_its_neighbours(text: str, numbered: str) -> None:
    edits = lost_heading_numbers(text, "punctuation")
    assert numbered in apply(text, edits) and [edit.safety for edit in edits] == [Safety.AUTO]


def test_a_bracketed_headings_neighbours_count_within_the_heading_above_only() -> None:
    # (under 二、 the numbering starts again: the （一） of 一、 says nothing about this one)
    text = "一、总体要求\n（一）加强领导。\n二、重点任务\n（）强化保障。\n（三）严格考核。\n"
    assert lost_heading_numbers(text, "punctuation") == []


@pytest.mark.parametrize(("text", "numbered"), [
    ("现将有关事项通知如下：\n、深刻认识贺信精神\n", "一、深刻认识"),  # (after a line that introduces a list)
    ("三、保障措施\n（）加强组织领导。\n", "（一）加强组织领导"),  # (right under a heading above it)
])
def test_a_lost_number_with_no_heading_of_its_kind_around_is_one_where_a_list_begins(text: str, numbered: str) -> None:
    assert numbered in apply(text, lost_heading_numbers(text, "punctuation"))


def test_a_lost_number_with_no_heading_of_its_kind_around_stays_lost_elsewhere() -> None:
    text = "各单位要高度重视。\n、深刻认识贺信精神\n"
    assert lost_heading_numbers(text, "punctuation") == []
