"""The extra-character strategy: a character OCR inserted into a word is proposed for deletion."""

from __future__ import annotations

import pytest

from cleaner.config import Config
from cleaner.edit import Edit
from cleaner.passes.detector import DetectorPass, build


@pytest.fixture(scope="module")
def detector() -> DetectorPass:
    return build(Config())


def extras(edits: list[Edit]) -> list[tuple[int, str, str, str]]:
    return [(edit.start, edit.before, edit.after, edit.safety.value)
            for edit in edits if edit.rule_id == "detector.extra"]


def test_a_character_ocr_inserts_inside_a_word_is_proposed_for_deletion(detector: DetectorPass) -> None:
    text = "让优秀技能人才脱颖和而出。"
    assert extras(detector.propose(text)) == [(text.index("和"), "和", "", "review")]


def test_a_conjunction_between_two_words_stays(detector: DetectorPass) -> None:
    assert extras(detector.propose("学习贯彻重要指示和精神，营造良好氛围。")) == []


def test_a_character_ocr_was_never_seen_inserting_stays(detector: DetectorPass) -> None:
    # 副书记 and 南至纬六路 read as phrases without their middle character, but they are right.
    assert extras(detector.propose("市人力资源和社会保障局党组副书记出席会议，南至纬六路。")) == []
