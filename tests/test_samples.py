"""The listed confusions in the samples are fixed, and text that was right stays right."""

from __future__ import annotations

import re

import pytest

from cleaner import Config, clean

CHARACTER_PASSES = Config(passes=("variants", "confusions", "rules"))


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("殿切", "殷切"),
        ("平合。", "平台。"),
        ("人才风来", "人才风采"),
        ("总书动", "总书记"),
        ("宣传能人才", "宣传技能人才"),
        ("地位 and 作用", "地位和作用"),
        ("摘自（人民日报）", "摘自《人民日报》"),
    ],
)
def test_every_listed_confusion_in_the_samples_is_fixed(
    seeds: dict[str, str], wrong: str, right: str
) -> None:
    flat = {name: re.sub(r"\s*\n\s*", "", text) for name, text in seeds.items()}
    found = [name for name, text in flat.items() if wrong in text]
    assert found, f"{wrong} should occur in a sample"
    for name in found:
        assert wrong not in clean(flat[name], CHARACTER_PASSES).text
        assert right in clean(flat[name], CHARACTER_PASSES).text


def test_character_passes_make_no_change_to_the_expected_outputs(golds: dict[str, str]) -> None:
    for name, gold in golds.items():
        result = clean(gold, CHARACTER_PASSES)
        assert result.applied == (), name
        assert result.text == gold


def test_cleaning_the_output_again_changes_nothing(seeds: dict[str, str]) -> None:
    for text in seeds.values():
        once = clean(text).text
        assert clean(once).applied == ()


def test_keeps_phrases_that_contain_a_confusion_key() -> None:
    text = ("坚持公平合理、和平合作，不宜传播，不能自已。门店自己经营；这支特技飞行表演队；那部著名的电影；"
            "年度物资采购；多年未全市通报。")
    assert clean(text, CHARACTER_PASSES).text == text
