"""A later round of the document strategy (the text with a few characters corrected) redoes only
what the corrections can change, and finds exactly what a fresh search of the corrected text finds."""

from __future__ import annotations

import pytest

from cleaner.detect_lexicon import survey_of
from cleaner.detect_model import DetectorModel, Proposal
from cleaner.detect_terms import ngram_counts
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
    first = vocabulary_of(BEFORE, model, survey_of(BEFORE, model), ngram_counts(BEFORE, 3))
    trigrams = amended_counts(ngram_counts(BEFORE, 3), BEFORE, after, changed, 3)
    amended = amended_vocabulary(first, after, model, survey_of(after, model), trigrams, changed)
    fresh = vocabulary_of(after, model, survey_of(after, model), ngram_counts(after, 3))
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
    assert (amended == fresh, described(amended)) == (True, [(32, "敦", "教", "vocabulary", 6.02),
                                                             (73, "", "能", "dropped", 1.91)])
