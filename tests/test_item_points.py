"""A numbered item whose point OCR lost (`3身体健康`) gets it back when the document numbers its
other items `1.` `2.`, and is no decimal-numbered chapter heading (`7 附则` above `7.1`)."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.edit import Safety, apply
from cleaner.item_points import RULE, lost_item_points

ITEMS = "报名条件如下：\n1.年满18周岁。\n2.热爱志愿服务。\n3身体健康，能够适应户外工作。\n"


def test_an_item_that_lost_its_point_among_items_with_theirs_gets_it_back() -> None:
    edits = lost_item_points(ITEMS, "rules")
    assert apply(ITEMS, edits) == ITEMS.replace("3身体", "3.身体")
    assert [(edit.after, edit.safety, edit.rule_id) for edit in edits] == [(".", Safety.AUTO, RULE)]


@pytest.mark.parametrize("text", [
    "1 总则\n1.1编制目的\n7附则\n7.1本预案由县政府负责解释。\n",  # chapters of a decimal-numbered plan
    "3身体健康，能够适应户外工作。\n",  # no other item says how the document numbers them
    "1.调研情况。\n36个调研村中，有村卫生室的28个。\n",  # a count
    "1.总体要求。\n1五）强化关爱帮扶机制\n1可) 深化预算管理改革\n",  # a bracketed heading's misread opening
    "1.报告时限。\n事发后要在30分钟内电话报告、\n1小时内书面报告县政府。\n",  # a count of hours
    "1.联系方式。\n2026年5月6日\n1联系人：周建明，电话：0794-6213357）\n",  # a bracket read as a digit
    "1.工作进展。\n3一\n",  # a line's stray remains
    "1.网上报名。\n2.现场报名。\n7无人机应用技术三年60人\n",  # next to no item's number
    # rows of a table under its header, the gap after each row's number lost
    "1.网上报名。\n计划如下：\n序号专业名称学制计划人数\n1数控加工三年150人\n2工业机器人应用三年\n120人\n",
    # (a row may hold OCR's commas for its gaps)
    "1.抽检情况。\n序号样品名称被抽样单位检验结果\n1 .韭菜 农贸市场0.32mg/kg，\n2菠菜 生鲜超市0.86mg/kg\n",
])
def test_lines_starting_with_a_number_that_are_no_such_item_stay(text: str) -> None:
    assert lost_item_points(text, "rules") == []


def test_the_pipeline_restores_the_point() -> None:
    assert clean(ITEMS).text == ITEMS.replace("3身体", "3.身体")


def test_below_a_table_an_item_that_lost_its_point_gets_it_back() -> None:
    text = "1.网上报名。\n序号专业名称学制计划人数\n1数控加工三年150人\n注意事项：\n2身体健康，能够适应户外工作。\n"
    assert apply(text, lost_item_points(text, "rules")) == text.replace("2身体", "2.身体")


def test_a_lists_first_item_gets_its_point_back_whatever_the_other_items_numbers() -> None:
    text = "4.应急保障。\n1本级响应由县指挥部决定。\n"
    assert apply(text, lost_item_points(text, "rules")) == text.replace("1本级", "1.本级")
