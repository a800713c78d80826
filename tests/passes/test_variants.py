from __future__ import annotations

from cleaner import Config, clean
from cleaner.config import select_passes
from cleaner.edit import Safety

VARIANTS = Config(passes=("variants",))


def test_a_traditional_phrase_in_a_simplified_document_is_simplified() -> None:
    text = "各地要认真学习贯彻，推动國家發展战略落实落地，为实现目标提供人才支撑。"
    assert clean(text, VARIANTS).text == "各地要认真学习贯彻，推动国家发展战略落实落地，为实现目标提供人才支撑。"


def test_a_lone_traditional_character_is_proposed_for_review_not_applied() -> None:
    text = "党课采取视類大会的形式，设一个主会场和二十四个分会场。"
    result = clean(text, VARIANTS)
    assert result.text == text
    assert [(e.before, e.after, e.safety) for e in result.pending] == [("類", "类", Safety.REVIEW)]


def test_a_traditional_document_is_left_alone() -> None:
    text = "關於深入學習貫徹總書記重要指示精神的通知，請各單位認真組織學習。"
    result = clean(text, VARIANTS)
    assert result.edits == ()


def test_words_where_simplified_chinese_keeps_the_character_are_kept() -> None:
    text = "站在乾隆年间的瞭望塔上，我们要深入学习贯彻落实好各项政策措施。"
    assert clean(text, VARIANTS).edits == ()


def test_characters_that_simplified_chinese_also_uses_go_to_review() -> None:
    text = "要深入学习贯彻落实好各项政策措施，做到外圆内方，一乾一坤。"
    result = clean(text, VARIANTS)
    assert result.applied == ()
    assert [e.before for e in result.pending] == ["乾"]


def test_a_confusion_entry_naming_a_traditional_character_fires_before_the_variants_pass() -> None:
    # 東 for 束 is OCR's misreading, not a stray traditional character: the entry 结東 → 结束 wins
    # over the variants pass's lone 東 → 东 for review.
    in_pipeline_order = Config(passes=select_passes(only=("variants", "confusions")))
    result = clean("运送结東后对运送工具进行清洗消毒。", in_pipeline_order)
    assert result.text == "运送结束后对运送工具进行清洗消毒。"
    assert result.pending == ()
