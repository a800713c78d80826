"""Several · between hanzi in one text are commas OCR misread: each is proposed as ， for review."""

from __future__ import annotations

from cleaner.edit import Safety, apply
from cleaner.middle_dots import RULE, middle_dots

PAGE = "今年以来·全县安全生产形势稳定·各单位认真落实责任·隐患排查治理扎实推进。"


def test_a_text_with_several_dots_between_hanzi_gets_each_proposed_as_a_comma_for_review() -> None:
    edits = middle_dots(PAGE, "punctuation")
    assert apply(PAGE, edits) == PAGE.replace("·", "，")
    assert {(edit.rule_id, edit.safety, edit.alternatives) for edit in edits} == {
        (RULE, Safety.REVIEW, ("。", "、"))
    }


def test_a_dot_or_two_in_a_name_are_left_alone() -> None:
    assert middle_dots("开展“国聘行动·走进人力资源服务产业”活动，学习卡尔·马克思的著作。", "punctuation") == []


def test_dots_beside_figures_or_latin_do_not_count() -> None:
    assert middle_dots("“7·15”世界青年技能日，A·B·C。", "punctuation") == []
