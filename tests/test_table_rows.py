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
