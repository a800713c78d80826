"""Table rows: lines whose cells stand apart by wide gaps keep them."""

from __future__ import annotations

from cleaner import Config, clean
from cleaner.table_rows import TableRows

HEADER = "年份        新增就业(万人)      增长率(%)"


def test_a_line_with_two_wide_gaps_is_a_table_row() -> None:
    assert TableRows(f"前言\n{HEADER}\n正文").holds(5) is True


def test_a_line_with_one_wide_gap_is_not() -> None:
    assert TableRows("项目    金额\n").holds(0) is False


def test_single_spaces_make_no_table_row() -> None:
    assert TableRows("电 话 号 码").holds(0) is False


def test_spacing_keeps_the_gaps_between_a_table_rows_cells() -> None:
    assert clean("姓名    张三    性别    男", Config(passes=("spacing",))).text == "姓名    张三    性别    男"


def test_spacing_still_closes_single_spaces_inside_a_cell() -> None:
    assert clean("姓 名    张三    性别    男", Config(passes=("spacing",))).text == "姓名    张三    性别    男"


def test_punctuation_makes_a_cells_brackets_full_width_and_keeps_the_gaps() -> None:
    cleaned = clean(HEADER, Config(passes=("spacing", "punctuation"))).text
    assert cleaned == "年份        新增就业（万人）      增长率（%）"


def test_the_full_pipeline_keeps_a_table_header_apart() -> None:
    text = f"城镇新增就业人数\n{HEADER}\n2016        11.2                3.1\n"
    assert clean(text).text == (
        "城镇新增就业人数\n年份        新增就业（万人）      增长率（%）\n2016        11.2                3.1\n"
    )


def test_a_typeset_tables_rows_stay_lines_with_their_ideographic_gaps() -> None:
    rows = ("日期\u3000带班领导\u3000职务\u3000联系电话\n"
            "10月1日（星期三）\u3000李向东\u3000县委常委、常务副县长\u300013907396158\n"
            "10月2日（星期四）\u3000杨丽华\u3000副县长\u300013574210367\n")
    assert clean(rows).text == rows


def test_a_typeset_tables_rows_are_no_column_the_headings_around_them_wrap_in() -> None:
    # (rows alike in width, ending in figures, read as a narrow hard-wrapped column: the headings
    # beside them, as short, would be joined to the paragraphs after them)
    paragraph = "全年开展各类职业技能培训7248人次，其中企业职工岗位技能提升培训3126人次，新增高技能人才860人。" * 2
    text = (f"（二）高校毕业生就业工作扎实推进\n{paragraph}\n（三）社会保障覆盖面持续扩大\n{paragraph}\n"
            "主要指标完成情况如下：\n指标\u3000目标任务\u3000完成情况\u3000完成率\n"
            "城镇新增就业\u30005000人\u30005836人\u3000116.7%\n失业人员再就业\u30001200人\u30001427人\u3000118.9%\n"
            "农村劳动力转移就业\u30003500人\u30003915人\u3000111.9%\n职业技能培训\u30006000人次\u30007248人次\u3000120.8%\n"
            f"（四）技能人才队伍建设成效明显\n{paragraph}\n（五）劳动关系总体和谐稳定\n{paragraph}\n")
    assert clean(text).text == text
