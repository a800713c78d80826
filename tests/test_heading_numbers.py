"""Headings whose number OCR lost (`、完善政策体系`) get it back from the document's other headings."""

from __future__ import annotations

import pytest

from cleaner.edit import Safety, apply
from cleaner.heading_numbers import RULE, lost_heading_numbers, numeral_text, numeral_value


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
