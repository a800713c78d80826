"""The widths pass: full-width digits and Latin letters become ordinary ones; punctuation stays."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.config import Config
from cleaner.edit import Safety, apply
from cleaner.passes.widths import WidthsPass

WIDTHS = WidthsPass()


def cleaned(text: str) -> str:
    return apply(text, WIDTHS.propose(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("２０２０年１２月１０日", "2020年12月10日"),
    ("ＷＴＯ规则和Ａ股", "WTO规则和A股"),
    ("增长３．５％", "增长3.5%"),
    ("〔２０１７〕１４４号", "〔2017〕144号"),
    ("第１条", "第1条"),
])
def test_full_width_digits_and_letters_become_ordinary(text: str, expected: str) -> None:
    assert cleaned(text) == expected


def test_full_width_punctuation_stays() -> None:
    assert [edit.before for edit in WIDTHS.propose("通知如下：一、（一）“要求”；完成。１０％！")] == ["１０％"]


def test_a_full_width_point_or_percent_without_digits_stays() -> None:
    assert (cleaned("甲．乙"), cleaned("约％")) == ("甲．乙", "约％")


def test_one_automatic_edit_per_run() -> None:
    (edit,) = WIDTHS.propose("于２０２０年")
    assert (edit.start, edit.before, edit.after, edit.rule_id, edit.safety) == (
        1, "２０２０", "2020", "widths.half_width", Safety.AUTO,
    )


def test_spaces_beside_converted_digits_are_removed_by_the_pipeline() -> None:
    assert clean("２０２０ 年 １２ 月", Config()).text == "2020年12月"
