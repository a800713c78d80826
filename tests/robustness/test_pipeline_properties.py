"""Invariants of the whole pipeline over generated OCR-like text (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings

from cleaner import clean
from cleaner.edit import Safety, apply
from cleaner.passes.variants import traditional_share
from tests.strategies import ocr_text

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(ocr_text(triggers=True))
def test_every_edit_matches_the_input_at_its_span(text: str) -> None:
    result = clean(text)
    for edit in result.edits:
        assert 0 <= edit.start <= edit.end <= len(text)
        assert text[edit.start:edit.end] == edit.before


@SETTINGS
@given(ocr_text(triggers=True))
def test_the_output_is_the_input_with_the_applied_edits(text: str) -> None:
    result = clean(text)
    assert apply(text, result.applied) == result.text
    apply(text, result.edits)  # applied and pending never overlap


@SETTINGS
@given(ocr_text())
def test_cleaning_the_output_again_applies_nothing(text: str) -> None:
    # A text whose script is a toss-up (as many traditional as simplified forms) may be reclassified
    # once a correction adds a simplified character; idempotence is promised for text in one script.
    assume(not 0.25 < traditional_share(text) < 0.75)
    once = clean(text).text
    assert clean(once).text == once


def test_a_context_pass_looks_again_at_what_its_own_edits_changed() -> None:
    # `:` is dropped as a doubled colon and `〈三）` becomes `（三）` in one run of the punctuation
    # pass; only then does the colon stand before a later list item, which the next clean would fix.
    once = clean("公平合理：:〈三）")
    assert once.text == "公平合理；（三）"
    assert clean(once.text).applied == ()


def test_a_context_pass_looking_again_sees_the_line_after_the_changed_ones() -> None:
    # The Latin commas are noise where a full stop may have been lost; once they are `，`, the
    # paragraph before the heading is plainly one of sentences, which the heading line shows.
    once = clean("为推动工作落实, 结合我市实际, 制定本方案\n一、总体要求\n")
    assert once.text == "为推动工作落实，结合我市实际，制定本方案。\n一、总体要求\n"
    assert clean(once.text).applied == ()


def test_a_mark_put_in_after_a_quote_this_clean_put_in_is_one_edit_that_applies() -> None:
    # (the quote the document sets elsewhere, then the paragraph's lost full stop: one insertion)
    text = ("推进“双品牌”工作，打造“双品牌”院校。\n以就业为导向，服务发展为导向，积极开展技工院校“双品牌\n"
            "(三) 对标世赛目标大力开展职业技能竞赛。\n")
    result = clean(text)
    assert "院校“双品牌”。\n（三）" in result.text
    assert apply(text, result.applied) == result.text


def test_a_pass_looking_again_decides_what_it_had_left_for_review() -> None:
    # `)` after `(三) ` is a stray bracket for review until the space goes; then it plainly doubles `）`
    once = clean("院校(三) )甘振兴")
    assert (once.text, once.pending) == ("院校（三）甘振兴", ())
    assert clean(once.text).applied == ()


def test_a_second_look_at_some_lines_never_overrules_a_rule_that_weighs_the_whole_text() -> None:
    # A name's dot on the first line leaves every dot of the page for review; the confusion fixed on
    # the last line makes punctuation look again at it, where it sees no name.
    text = ("苏丹总统奥马尔·哈桑·巴希尔日前发表谈话。\n会议听取了有关情况的汇报。\n会议研究了下一步工作。\n"
            "会议强调·要坚持稳中求进·加快推进产业升级·殿切希望做好民生保障。\n")
    result = clean(text)
    assert {edit.safety for edit in result.edits if edit.rule_id == "mark.middle-dot-for-comma"} == {Safety.REVIEW}


def test_the_rules_pass_looks_again_at_what_its_own_edits_changed() -> None:
    # `○` -> `〇` makes seven hanzi of the line; only then is its `*` the `。` of a line of text.
    once = clean("关于二○二○年*")
    assert once.text == "关于二〇二〇年。"
    assert clean(once.text).applied == ()


def test_a_second_look_at_some_lines_never_applies_a_rule_that_weighs_the_whole_text() -> None:
    # The detector's correction on the last line makes the rules pass look again at it, where every
    # two-decimal percentage ends in 9; the document's first line says its percentages are true.
    text = ("全年增长8.35%。\n各地要加强基础建设。\n会议听取了汇报。\n"
            "以高质量发展为导向，如强基础建设，一季度增长2.39%，二季度增长1.49%。\n")
    result = clean(text)
    assert "加强基础建设，一季度增长2.39%，二季度增长1.49%" in result.text
    assert "figure.percent-nine" not in {edit.rule_id for edit in result.edits}
