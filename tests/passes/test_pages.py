"""The pages pass: page-number lines out, so a paragraph cut by a page break can be rejoined."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.config import Config
from cleaner.edit import Safety, apply
from cleaner.passes.pages import PagesPass

PAGES = PagesPass()


def cleaned(text: str) -> str:
    return apply(text, [edit for edit in PAGES.propose(text) if edit.is_auto])


@pytest.mark.parametrize("mark", ["— 2 —", "—2—", "- 12 -", "－3－", "一 4 一", "~5~", "——6——", "第 7 页",
                                  "第8页 共9页", "第8页/共9页", "共9页 第8页", "　— 2 —　"])
def test_page_number_line_becomes_one_line_break(mark: str) -> None:
    assert cleaned(f"前一页的末行\n{mark}\n后一页的首行") == "前一页的末行\n后一页的首行"


def test_blank_lines_around_a_page_number_go_with_it() -> None:
    assert cleaned("末行\n\n\n                — 2 —\n\n\n首行") == "末行\n首行"


def test_the_next_line_keeps_its_indentation() -> None:
    assert cleaned("末行。\n\n— 2 —\n\n    新段落") == "末行。\n    新段落"


def test_page_number_at_the_start_or_end_of_the_text_is_removed_with_its_line() -> None:
    ends = (cleaned("— 1 —\n正文\n"), cleaned("正文\n\n— 3 —\n"), cleaned("正文\n— 3 —"))
    assert ends == ("正文\n", "正文\n", "正文")


def test_page_number_edit_is_automatic_and_names_its_rule() -> None:
    (edit,) = PAGES.propose("末行\n— 2 —\n首行")
    assert (edit.before, edit.after, edit.rule_id, edit.safety) == ("— 2 —\n", "", "pages.page_number", Safety.AUTO)


@pytest.mark.parametrize("folio", ["2", "  12  ", "３", "1一", "一2一", "RE", "ＲＥ", "3全", "Ms 全", "0 人", "人",
                                   "二"])
def test_what_ocr_read_of_a_page_number_as_the_last_line_after_a_blank_one_goes(folio: str) -> None:
    assert cleaned(f"正文。\n\n{folio}\n") == "正文。\n"


def test_a_folio_read_as_two_lines_goes_whole_and_the_result_is_stable() -> None:
    once = cleaned("正文。\n\n3\n\n人\n")
    assert (once, PAGES.propose(once)) == ("正文。\n", [])


def test_page_lines_before_and_after_a_form_feed_go_in_text_order() -> None:
    assert cleaned("第一页末行。\n\n人\n\f第二页\n— 3 —\n后文\n") == "第一页末行。\n第二页\n后文\n"


def test_a_pages_last_line_before_a_form_feed_is_one_too() -> None:
    text = "第一页末行，接着\n\n人\n\f第二页首行。\n\n3全\n\f第三页。\n\n2\n"
    assert cleaned(text) == "第一页末行，接着\n第二页首行。\n第三页。\n"


def test_a_form_feed_at_a_line_start_is_a_page_break_for_layout_to_judge() -> None:
    assert (cleaned("组织开\n\f展“技能南川”"), cleaned("末行。\n\n\f\n\n    新段落\n"), cleaned("abc\fdef")) == (
        "组织开\n展“技能南川”", "末行。\n    新段落\n", "abc\fdef")


@pytest.mark.parametrize(("text", "cleaned_text"), [
    ("正文。\n\n3 —\f下一页", "正文。\n下一页"),  # a folio right before the form feed (no line break)
    ("末行，\n\f\f \f下一页", "末行，\n下一页"),  # empty pages
    ("末行。\n\f— 3 —\n下一页", "末行。\n下一页"),  # a marked folio right after the form feed
    ("正文。\n\n2\n — 3 — \n", "正文。\n"),  # a misread folio before a marked one
])
def test_form_feeds_next_to_folios_and_each_other_go_and_the_result_is_stable(text: str, cleaned_text: str) -> None:
    assert (cleaned(text), PAGES.propose(cleaned(text))) == (cleaned_text, [])


@pytest.mark.parametrize("text", [
    "正文。\n2\n",  # no blank line before it: a misread character, or a list's or a table's last cell
    "正文。\n\n2\n正文",  # inside the text
    "正文。\n\n2024\n",  # a year
    "正文。\n\n附件2\n",
    "正文。\n\n市财政局\n",  # a signature, a name, a closing
    "正文。\n\n张三\n",
    "此致\n\n敬礼\n",
    "正文。\n\n二、\n",
])
def test_short_last_lines_like_text_stay(text: str) -> None:
    assert PAGES.propose(text) == []


@pytest.mark.parametrize("text", [
    "一、总体要求\n二、主要任务",
    "2020年12月10日\n正文",
    "（一）加强领导\n正文",
    "共有 3 页附件\n正文",
    "第2条 本办法\n正文",
    "- 2 - 3 -\n正文",
    "电话：027-51828284\n正文",
    "第2页的内容如下\n正文",
    "技能人\n2\n正文",  # a lone number may be a misread character, or a table's or a list's
])
def test_lines_with_more_than_a_page_number_stay(text: str) -> None:
    assert PAGES.propose(text) == []


@pytest.mark.parametrize("page_break", [
    "\n                                — 2 —\n\n",  # a page number line
    "\n人\n\f",  # a form feed after the folio as OCR misread it
])
def test_paragraph_cut_by_a_page_break_is_rejoined_by_layout(page_break: str) -> None:
    text = (
        "    坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，\n"
        "围绕高质量发展需求，大力开展职业技能培训，着力提升劳动者就业创业能力和职\n"
        f"{page_break}"
        "业素质，为经济社会发展提供有力的技能人才支撑。\n"
        "二、主要任务\n"
    )
    result = clean(text, Config(passes=("pages", "layout")))
    assert result.text == (
        "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，围绕高质量发展需求，"
        "大力开展职业技能培训，着力提升劳动者就业创业能力和职业素质，为经济社会发展提供有力的技能人才支撑。\n"
        "二、主要任务\n"
    )


def test_page_lines_only_blank_lines_apart_go_together() -> None:
    assert (cleaned("\n— 2 —\n\n— 3 —\n"), cleaned("末行\n— 2 —\n\n第3页\n首行")) == ("", "末行\n首行")


def test_page_number_goes_even_where_layout_leaves_the_join_for_review() -> None:
    # A heading's short last line before the page break: layout keeps the break and proposes the
    # join for review on the line break the removal leaves; the removal itself stays automatic.
    text = (
        "　　坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，围绕高\n"
        "质量发展需求，大力开展职业技能培训，着力提升劳动者就业创业能力和职业素质，为\n"
        "经济社会发展提供有力的技能人才支撑，以贯彻落实的实际行动推动各项工作。\n"
        "　　二、以重要指示精神为强大动力，切实做好当前和今后一个时期的技能人才工\n"
        "作的要点\n\n— 1 —\n\n"
        "　　当前和今后一个时期，重点做好以下五个方面工作，全面贯彻党的二十大精神，围\n"
        "绕高质量发展需求，大力开展职业技能培训，着力提升劳动者就业创业能力和职业素\n"
        "质，为经济社会发展提供有力的技能人才支撑。\n"
    )
    result = clean(text, Config(passes=("pages", "layout")))
    assert "— 1 —" not in result.text
    assert [(edit.rule_id, edit.before) for edit in result.pending] == [("join.short-line", "\n")]


def test_a_page_number_with_the_form_feed_ending_its_page_on_the_same_line_goes() -> None:
    # (found by fuzzing: the space went first, and only a second clean took the page number out)
    text = "正文。\n第3页 共5页\f\n正文"
    once = clean(text)
    assert (once.text, clean(once.text).applied) == ("正文。\n正文\n", ())
