"""A 9 OCR read into a document's percentages (`%` seen as `9%`) goes when the document's figures
show it: every two-decimal percentage ends in 9, and there are at least two, or the document states
another to one decimal."""

from __future__ import annotations

import pytest

from cleaner.config import Config
from cleaner.edit import Safety, apply
from cleaner.percent_nines import RULE, percent_nines
from cleaner.pipeline import Pipeline


def test_every_two_decimal_percentage_ending_in_nine_loses_the_nine() -> None:
    text = "地区生产总值同比增长8.39%，其中第一产业增长1.39%，城镇化率达到61.2%。"
    edits = percent_nines(text, "rules")
    assert apply(text, edits) == "地区生产总值同比增长8.3%，其中第一产业增长1.3%，城镇化率达到61.2%。"
    assert {(edit.before, edit.after, edit.safety, edit.rule_id) for edit in edits} == {("9", "", Safety.AUTO, RULE)}


def test_a_single_one_beside_a_percentage_to_one_decimal_loses_the_nine() -> None:
    text = "村集体经营性收入增长68.59%，收入10万元以上的村占49.5%。"
    assert apply(text, percent_nines(text, "rules")) == text.replace("68.59%", "68.5%")


@pytest.mark.parametrize("text", [
    "财政收入比上年增长25.69%，税收收入稳步增长。",  # one such figure alone could be true
    "黄金纯度99.99%，合格率99.5%。",  # a figure all of nines is stated so on purpose
    "净利润增长25.69%，营业收入增长12.34%，毛利率18.29%。",  # two decimals that end otherwise too
    "比例为19%，增长29%。",  # whole percentages
    "增长8.39，增长1.39。",  # no percentage at all
])
def test_figures_that_may_be_true_stay(text: str) -> None:
    assert percent_nines(text, "rules") == []


def test_the_full_pipeline_deletes_them_once() -> None:
    pipeline = Pipeline(Config())
    once = pipeline.run("同比增长8.39%，比上年提高1.39%。\n").text
    assert once == "同比增长8.3%，比上年提高1.3%。\n"
    assert pipeline.run(once).text == once
