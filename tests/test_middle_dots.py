"""Several · between hanzi in one text are marks OCR misread: a dot whose neighbours are a comma's
becomes ， at once, the others are proposed for review as the likeliest mark, a name's dot stays."""

from __future__ import annotations

from cleaner.edit import Safety
from cleaner.middle_dots import RULE, middle_dots

PAGE = "会议强调·要坚持稳中求进·加快推进产业升级·全力做好民生保障。"


def decided(text: str) -> dict[str, tuple[str, Safety, tuple[str, ...]]]:
    """The text around each proposal -> (its mark, safety, alternatives)."""
    return {text[edit.start - 2:edit.start + 3]: (edit.after, edit.safety, edit.alternatives)
            for edit in middle_dots(text, "punctuation")}


def test_a_dot_where_the_characters_around_it_take_a_comma_becomes_a_comma_at_once() -> None:
    proposals = decided(PAGE)
    assert proposals["强调·要坚"] == ("，", Safety.AUTO, ())
    assert proposals["求进·加快"] == ("，", Safety.AUTO, ())


def test_a_dot_whose_mark_is_unclear_goes_to_review_as_the_likeliest_mark_with_the_others_as_alternatives() -> None:
    mark, safety, alternatives = decided(PAGE)["升级·全力"]
    assert safety is Safety.REVIEW
    assert sorted((mark, *alternatives)) == sorted("，。、")


def test_every_proposal_names_its_rule() -> None:
    assert {edit.rule_id for edit in middle_dots(PAGE, "punctuation")} == {RULE}


def test_a_dot_the_characters_around_show_to_be_a_names_is_left_alone() -> None:
    assert "马尔·哈桑" not in decided("苏丹总统奥马尔·哈桑·艾哈迈德·巴希尔日前发表谈话。")


def test_a_dot_or_two_in_a_name_are_left_alone() -> None:
    assert middle_dots("开展“国聘行动·走进人力资源服务产业”活动，学习卡尔·马克思的著作。", "punctuation") == []


def test_two_dots_are_enough_for_the_commas_the_characters_around_make_sure() -> None:
    assert {edit.after for edit in middle_dots("会议强调·要坚持稳中求进·加快推进产业升级。", "punctuation")
            if edit.safety is Safety.AUTO} == {"，"}


def test_of_two_dots_only_the_sure_commas_are_proposed() -> None:
    edits = middle_dots("会议强调·要坚持稳中求进·加快推进产业升级。", "punctuation")
    assert all(edit.safety is Safety.AUTO for edit in edits)


def test_a_lone_dot_is_left_alone() -> None:
    assert middle_dots("会议强调·要坚持稳中求进，加快推进产业升级。", "punctuation") == []


def test_dots_beside_figures_or_latin_do_not_count() -> None:
    assert middle_dots("“7·15”世界青年技能日，A·B·C。", "punctuation") == []


def test_a_text_with_a_names_dot_gets_no_automatic_comma() -> None:
    # (a page with foreign names is one whose dots are right as they are: none is certain)
    text = "苏丹总统奥马尔·哈桑日前表示·要坚持稳中求进·加快推进和平进程。"
    assert all(edit.safety is Safety.REVIEW for edit in middle_dots(text, "punctuation"))
    assert middle_dots(text, "punctuation")
