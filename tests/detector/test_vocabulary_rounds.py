"""A later round of the document strategy (the text with a few characters corrected) redoes only
what the corrections can change, and finds exactly what a fresh search of the corrected text finds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.detect_lexicon import survey_of
from cleaner.detect_model import DetectorModel, Proposal
from cleaner.detect_terms import hanzi_ngram_counts
from cleaner.detect_vocabulary import amended_counts, amended_vocabulary, vocabulary_of
from cleaner.passes.detector import builtin_model

# 职业教育 occurs twice, 职业教青 and 职业敦育 once each; 技能人才 three times, and twice without a
# character (at 62: 能人才评价, at 73: 技人才).
BEFORE = ("要办好职业教育。发展职业教育。落实职业教青大会精神，纳入各地职业敦育总体规划。"
          "培养技能人才，技能人才队伍，加强技能人才建设，能人才评价，职业教青技人才。")


@pytest.fixture(scope="module")
def model() -> DetectorModel:
    return builtin_model()


def rounds(model: DetectorModel, corrections: dict[int, str]) -> tuple[list[Proposal], list[Proposal]]:
    """The proposals of the corrected BEFORE, by amending the first round's search and afresh."""
    after = "".join(corrections.get(index, char) for index, char in enumerate(BEFORE))
    changed = sorted(corrections)
    first = vocabulary_of(BEFORE, model, survey_of(BEFORE, model), hanzi_ngram_counts(BEFORE, 3))
    trigrams = amended_counts(hanzi_ngram_counts(BEFORE, 3), BEFORE, after, changed, 3)
    amended = amended_vocabulary(first, after, model, survey_of(after, model), trigrams, changed)
    fresh = vocabulary_of(after, model, survey_of(after, model), hanzi_ngram_counts(after, 3))
    return amended.proposals, fresh.proposals


def described(proposals: list[Proposal]) -> list[tuple[int, str, str, str, float]]:
    return [(proposal.start, proposal.before, proposal.after, proposal.kind, round(proposal.gain, 2))
            for proposal in proposals]


def test_an_amended_search_finds_what_a_fresh_search_of_the_corrected_text_finds(model: DetectorModel) -> None:
    amended, fresh = rounds(model, {BEFORE.index("教青"): "教", BEFORE.index("敦育"): "教"})
    assert (amended == fresh, described(amended)) == (True, [(62, "", "技", "dropped", 1.79),
                                                             (73, "", "能", "dropped", 1.79)])


def test_an_amended_search_rescores_a_distant_proposal_whose_term_became_more_frequent(model: DetectorModel) -> None:
    amended, fresh = rounds(model, {BEFORE.index("能人才评价") - 1: "技"})
    assert (amended == fresh, described(amended)) == (True, [(32, "敦", "教", "vocabulary", 6.06),
                                                             (73, "", "能", "dropped", 1.91)])


PHRASES = ["职业教育", "技能人才", "人才培养", "队伍建设", "总书记", "重要指示", "精神", "人力资源", "服务", "职业技能",
           "发展", "加强", "，", "。", "\n"]
CHARACTERS = sorted(set("".join(PHRASES)) | set("青敦吕妥员动材"))


@st.composite
def corrected_texts(draw: st.DrawFn) -> tuple[str, str, list[int]]:
    """A text of repeated terms with a few misread characters, and the same text with a few
    characters changed (`changed`: their positions)."""
    text = list("".join(draw(st.lists(st.sampled_from(PHRASES), min_size=25, max_size=60))))
    for position in draw(st.lists(st.integers(0, len(text) - 1), min_size=1, max_size=6)):
        text[position] = draw(st.sampled_from(CHARACTERS))
    after = text.copy()
    changed = sorted(draw(st.sets(st.integers(0, len(text) - 1), min_size=1, max_size=4)))
    for position in changed:
        after[position] = draw(st.sampled_from(CHARACTERS))
    return "".join(text), "".join(after), changed


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corrected_texts())
def test_an_amended_search_always_equals_a_fresh_search(model: DetectorModel, case: tuple[str, str, list[int]]) -> None:
    before, after, changed = case
    first = vocabulary_of(before, model, survey_of(before, model), hanzi_ngram_counts(before, 3))
    trigrams = amended_counts(hanzi_ngram_counts(before, 3), before, after, changed, 3)
    amended = amended_vocabulary(first, after, model, survey_of(after, model), trigrams, changed)
    fresh = vocabulary_of(after, model, survey_of(after, model), hanzi_ngram_counts(after, 3))
    assert (amended.proposals, amended.terms) == (fresh.proposals, fresh.terms)
