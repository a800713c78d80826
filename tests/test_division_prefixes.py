from __future__ import annotations

from cleaner import Config, clean
from cleaner.division_prefixes import misread_prefixes
from cleaner.lexicon import builtin_lexicon

RULES = Config(passes=("rules",))


def zipf(word: str) -> float:
    return builtin_lexicon().zipf(word)


def test_a_prefix_misread_before_a_body_the_document_names_with_it_twice_is_restored() -> None:
    text = "县应急管理局负责组织实施。县应急管理局要加强值守。由其应急管理局统一调度，基应急队伍集结。"
    assert clean(text, RULES).text == text.replace("由其", "由县").replace("基应急", "县应急")


def test_a_misreading_that_makes_a_word_with_its_neighbour_is_the_texts_own() -> None:
    # (尤其, 其中: words; 其中医院 beside 县中医院 twice is a count of hospitals)
    text = "县中医院和县中医院分院都已建成。其中医院3家。县应急管理局、县应急管理局。尤其应急管理要加强。"
    assert misread_prefixes(text, "rules", zipf) == []


def test_once_elsewhere_is_no_evidence() -> None:
    assert misread_prefixes("县应急管理局负责组织实施。由其应急管理局统一调度。", "rules", zipf) == []
