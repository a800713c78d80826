"""A `%` sign OCR read as digits (`108.396。`) becomes `%` again when the document shows it states
percentages: another such figure, or a `%` sign; not where it states figures of three decimals."""

from __future__ import annotations

import pytest

from cleaner.config import Config
from cleaner.edit import Safety, apply
from cleaner.percent_signs import RULE, percent_signs
from cleaner.pipeline import Pipeline


@pytest.mark.parametrize(("text", "cleaned"), [
    ("完成年度计划的108.396。县域内就诊率提高到91.294，", "完成年度计划的108.3%。县域内就诊率提高到91.2%，"),
    ("分别增长4.996和7.29b。", "分别增长4.9%和7.2%。"),
    ("港澳台商投资企业增长5.185；分门类看，采矿业增长1.896，", "港澳台商投资企业增长5.1%；分门类看，采矿业增长1.8%，"),
    ("护理型床位占比由31.296提高到52.7%。", "护理型床位占比由31.2%提高到52.7%。"),
    ("研发经费投入强度达到2.3194，占比46.3967\n", "研发经费投入强度达到2.31%，占比46.3%\n"),
    ("建筑密度不高于2596，绿地率不低于3596。", "建筑密度不高于25%，绿地率不低于35%。"),  # whole numbers
    ("按投资额的3096给予补助，覆盖率保持10096以上。", "按投资额的30%给予补助，覆盖率保持100%以上。"),
])
def test_a_tail_where_the_document_states_percentages_is_its_sign(text: str, cleaned: str) -> None:
    edits = percent_signs(text, "rules")
    assert apply(text, edits) == cleaned
    assert {(edit.after, edit.safety, edit.rule_id) for edit in edits} == {("%", Safety.AUTO, RULE)}


@pytest.mark.parametrize("text", [
    "完成年度计划的108.396。",  # one such figure and no % sign: no evidence
    "基尼系数为0.465，城镇化率达到61.296，增长7.2%。",  # the document states figures of three decimals
    "系数为0.596，增长7.2%。",  # a word that takes a figure of three decimals itself
    "增长8.394亿元，增长7.2%。",  # a unit follows: a figure
    "增长8.3%，增长7.29%。",  # read right
    "小区建成于1996，增长5%。",  # a year
    "新能源公交车2996\n辆，增长5%。",  # a count whose unit is on the next line
    "邮政编码：314096，增长5%。",  # a longer number
])
def test_figures_that_may_be_true_stay(text: str) -> None:
    assert percent_signs(text, "rules") == []


def test_the_full_pipeline_puts_the_signs_back_once() -> None:
    pipeline = Pipeline(Config())
    once = pipeline.run("完成年度计划的108.396。县域内就诊率提高到91.294。\n").text
    assert once == "完成年度计划的108.3%。县域内就诊率提高到91.2%。\n"
    assert pipeline.run(once).text == once


def test_a_count_after_its_unit_column_is_no_percentage() -> None:
    # (a table row: 出生人口　万人　8.97 with its point lost)
    text = "出生人口 万人 897\n死亡人口万人865\n出生率 ‰ 8.49\n城镇化率达到6296，增长1.396。\n"
    cleaned = apply(text, percent_signs(text, "rules"))
    assert ("897" in cleaned, "865" in cleaned, "62%" in cleaned) == (True, True, True)
