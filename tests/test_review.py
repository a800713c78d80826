from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.edit import Edit, Safety, make_edit
from cleaner.errors import LogError
from cleaner.review import (
    Decision,
    Filter,
    Item,
    LoggedDecision,
    ReviewSession,
    Row,
    Status,
    build_proposals,
    context_window,
    find_pending,
    group_items,
    read_log,
    rows_for,
)

TEXT = "对青年寄予殿切期望,\n搭建平合。\n总书动说"


def edit(
    text: str, start: int, end: int, after: str, *, rule: str = "r", pass_name: str = "confusions",
    safety: Safety = Safety.REVIEW, confidence: float = 0.9, alternatives: tuple[str, ...] = (),
) -> Edit:
    return make_edit(
        text, start, end, after, pass_name=pass_name, rule_id=rule, confidence=confidence,
        reason="test", safety=safety, alternatives=alternatives,
    )


def sample_edits() -> list[Edit]:
    return [
        edit(TEXT, 5, 6, "殷", rule="殷切.殿"),
        edit(TEXT, 9, 10, "，", rule="comma", pass_name="punctuation", safety=Safety.AUTO, confidence=0.99),
        edit(TEXT, 14, 15, "台", rule="平台.合"),
        edit(TEXT, 19, 20, "记", rule="总书记.动", confidence=0.4),
    ]


def session(decisions: dict[str, Decision] | None = None) -> ReviewSession:
    return ReviewSession(TEXT, build_proposals(TEXT, sample_edits()), decisions)


# -- proposals and items ------------------------------------------------------------------


def test_proposals_carry_one_based_line_and_column() -> None:
    proposals = build_proposals(TEXT, sample_edits())
    assert [(p.line, p.column) for p in proposals] == [(1, 6), (1, 10), (2, 4), (3, 3)]


def test_proposals_are_sorted_by_position() -> None:
    proposals = build_proposals(TEXT, reversed(sample_edits()))
    assert [p.edit.start for p in proposals] == [5, 9, 14, 19]


def test_new_session_takes_auto_and_pending_from_each_edits_safety() -> None:
    review = session()
    assert [review.decision(i).status for i in range(4)] == [
        Status.PENDING, Status.AUTO, Status.PENDING, Status.PENDING,
    ]


def test_layout_edits_of_one_paragraph_form_one_item() -> None:
    text = "第一行\n第二行\n第三行\n\n另一段\n末行"
    edits = [
        edit(text, 3, 4, "", pass_name="layout"),
        edit(text, 7, 8, "", pass_name="layout"),
        edit(text, 11, 12, "", pass_name="layout"),  # blank line dropped: paragraph ends after it
        edit(text, 16, 17, "", pass_name="layout"),
    ]
    assert group_items(text, build_proposals(text, edits)) == (Item((0, 1, 2)), Item((3,)))


def test_a_layout_edit_keeping_a_line_break_stands_alone_and_ends_the_paragraph() -> None:
    text = "第一行\n第二行\n\n第三行\n第四行"
    edits = [
        edit(text, 3, 4, "", pass_name="layout"),
        edit(text, 7, 9, "\n", pass_name="layout"),
        edit(text, 12, 13, "", pass_name="layout"),
    ]
    assert group_items(text, build_proposals(text, edits)) == (Item((0,)), Item((1,)), Item((2,)))


def test_joins_needing_review_are_grouped_apart_from_auto_joins_of_the_paragraph() -> None:
    text = "第一行\n第二行\n第三行\n第四行"
    edits = [
        edit(text, 3, 4, "", pass_name="layout", safety=Safety.AUTO),
        edit(text, 7, 8, "", pass_name="layout"),
        edit(text, 11, 12, "", pass_name="layout", safety=Safety.AUTO),
    ]
    assert group_items(text, build_proposals(text, edits)) == (Item((0, 2)), Item((1,)))


def test_other_passes_inside_a_paragraph_stay_separate_items() -> None:
    text = "第一行\n殿切\n第三行"
    edits = [
        edit(text, 3, 4, "", pass_name="layout"),
        edit(text, 4, 5, "殷"),
        edit(text, 6, 7, "", pass_name="layout"),
    ]
    assert group_items(text, build_proposals(text, edits)) == (Item((0, 2)), Item((1,)))


def test_expanded_paragraph_lists_its_members_after_it() -> None:
    text = "一\n二\n三"
    edits = [edit(text, 1, 2, "", pass_name="layout"), edit(text, 3, 4, "", pass_name="layout")]
    review = ReviewSession(text, build_proposals(text, edits))
    assert rows_for(review, [0], frozenset({0})) == [Row(0), Row(0, 0), Row(0, 1)]


# -- decisions ----------------------------------------------------------------------------


def test_accept_marks_proposal_accepted_and_updates_counts() -> None:
    review = session()
    review.accept([0])
    assert review.decision(0) == Decision(Status.ACCEPTED)
    assert dict(review.counts) == {Status.PENDING: 2, Status.AUTO: 1, Status.ACCEPTED: 1}


def test_reject_of_an_auto_proposal_keeps_it_out_of_the_output() -> None:
    review = session()
    review.reject([1])
    assert review.output_text() == TEXT


def test_output_applies_auto_accepted_and_edited_proposals() -> None:
    review = session()
    review.accept([0])
    review.edit(2, "臺")
    assert review.output_text() == "对青年寄予殷切期望，\n搭建平臺。\n总书动说"


def test_edit_with_the_proposed_text_is_an_acceptance() -> None:
    review = session()
    review.edit(0, "殷")
    assert review.decision(0) == Decision(Status.ACCEPTED)


def test_edit_with_the_original_text_is_a_rejection() -> None:
    review = session()
    review.edit(0, "殿")
    assert review.decision(0) == Decision(Status.REJECTED)


def test_toggle_rejects_an_applied_proposal_and_accepts_an_unapplied_one() -> None:
    review = session()
    review.toggle([1])
    review.toggle([0])
    assert (review.decision(1).status, review.decision(0).status) == (Status.REJECTED, Status.ACCEPTED)


def test_deciding_what_is_already_decided_is_no_step() -> None:
    review = session()
    review.accept([0])
    assert review.accept([0]) is None


def test_undo_restores_the_previous_decision_and_reports_it() -> None:
    review = session()
    review.accept([0])
    inverse = review.undo()
    assert review.decision(0) == Decision(Status.PENDING)
    assert inverse is not None and inverse.changes[0].new == Decision(Status.PENDING)


def test_redo_replays_an_undone_step() -> None:
    review = session()
    review.edit(0, "殷殷")
    review.undo()
    review.redo()
    assert review.decision(0) == Decision(Status.EDITED, "殷殷")


def test_a_new_decision_clears_the_redo_stack() -> None:
    review = session()
    review.accept([0])
    review.undo()
    review.reject([2])
    assert review.redo() is None


def test_bulk_action_is_undone_in_one_step() -> None:
    review = session()
    review.bulk(Status.ACCEPTED, [0, 2, 3])
    review.undo()
    assert [review.decision(i).status for i in (0, 2, 3)] == [Status.PENDING] * 3


def test_same_pair_finds_every_identical_change_not_yet_at_the_status() -> None:
    text = "殿切，殿切，殿堂"
    edits = [edit(text, 0, 1, "殷", rule="a"), edit(text, 3, 4, "殷", rule="b"), edit(text, 6, 7, "宫", rule="a")]
    review = ReviewSession(text, build_proposals(text, edits))
    review.accept([1])
    assert review.same_pair(0, Status.ACCEPTED) == (0,)
    assert review.same_pair(0, Status.REJECTED) == (0, 1)


def test_same_rule_leaves_person_edited_proposals_alone() -> None:
    text = "殿切，殿切，殿堂"
    edits = [edit(text, 0, 1, "殷", rule="a"), edit(text, 3, 4, "殷", rule="b"), edit(text, 6, 7, "宫", rule="a")]
    review = ReviewSession(text, build_proposals(text, edits))
    review.edit(2, "庙")
    assert review.same_rule(0, Status.REJECTED) == (0,)


def test_resumed_decisions_are_applied_by_edit_id() -> None:
    first = sample_edits()[0]
    review = session({first.id: Decision(Status.REJECTED)})
    assert review.decision(0) == Decision(Status.REJECTED)
    assert not review.can_undo


def test_changes_use_the_persons_text_for_edited_proposals() -> None:
    review = session()
    review.edit(0, "殷殷")
    assert review.changes([0, 2]) == [(5, 6, "殷殷"), (14, 15, "台")]


def test_applied_around_lists_the_other_changes_the_output_makes_in_the_window() -> None:
    review = session()
    review.accept([2])
    assert review.applied_around([0], 0, len(TEXT)) == [(9, 10, "，"), (14, 15, "台")]


def test_applied_around_leaves_out_rejected_and_pending_proposals_and_those_past_the_window() -> None:
    review = session()
    review.reject([1])
    review.accept([3])
    assert review.applied_around([0], 0, 16) == []


def test_context_window_is_the_line_around_the_change() -> None:
    assert context_window("第一行\n寄予殿切期望\n末行", 6, 7, 100) == (4, 10)


def test_context_window_is_clipped_to_the_radius() -> None:
    assert context_window("一二三四五六七八", 4, 5, 2) == (2, 7)


def test_context_window_of_a_removed_line_break_spans_both_lines() -> None:
    assert context_window("甲\n乙丙\n丁", 4, 5, 100) == (2, 6)


def test_context_of_a_line_join_shows_the_neighbouring_lines() -> None:
    text = "甲\n乙丙\n\n丁\n戊"
    review = ReviewSession(text, build_proposals(text, [edit(text, 4, 5, "", pass_name="layout")]))
    assert review.context([0], 100) == (0, 7)


# -- filters and navigation ---------------------------------------------------------------


def test_filter_by_status_shows_matching_items() -> None:
    review = session()
    review.accept([2])
    assert review.visible_items(Filter(statuses=frozenset({Status.PENDING}))) == [0, 3]


def test_filter_by_confidence_band() -> None:
    assert session().visible_items(Filter(band="low")) == [3]


def test_filter_by_pass_and_rule() -> None:
    review = session()
    assert review.visible_items(Filter(pass_name="punctuation")) == [1]
    assert review.visible_items(Filter(rule_id="平台.合")) == [2]


def test_search_matches_nearby_text() -> None:
    text = "殿切" + "。" * 20 + "搭建平合"
    edits = [edit(text, 0, 1, "殷"), edit(text, 25, 26, "台")]
    review = ReviewSession(text, build_proposals(text, edits))
    assert review.visible_items(Filter(query="搭建")) == [1]


def test_search_matches_rule_ignoring_case() -> None:
    assert session().visible_items(Filter(query="COMMA")) == [1]


def test_filter_description_names_each_criterion() -> None:
    chosen = Filter(statuses=frozenset({Status.PENDING}), band="high", query="殿")
    assert chosen.describe() == "status pending · confidence high (0.8–0.95) · search “殿”"


def test_next_pending_skips_decided_items_and_wraps() -> None:
    review = session()
    review.accept([2])
    rows = rows_for(review, review.visible_items(Filter()), frozenset())
    assert find_pending(review, rows, 0, 1) == 3
    assert find_pending(review, rows, 3, 1) == 0
    assert find_pending(review, rows, 0, -1) == 3


def test_next_pending_is_none_when_everything_is_decided() -> None:
    review = session()
    review.bulk(Status.ACCEPTED, [0, 2, 3])
    rows = rows_for(review, review.visible_items(Filter()), frozenset())
    assert find_pending(review, rows, 0, 1) is None


# -- reading a log ------------------------------------------------------------------------


def log_lines(text: str, edits: list[Edit], decisions: list[tuple[str, str, str | None]]) -> list[str]:
    from cleaner.log import edit_record

    records: list[dict[str, object]] = [
        {"type": "run", "run_id": "R", "config": {"passes": ["confusions"]}, "sources": {}},
        {"type": "document", "run_id": "R", "doc": 1, "path": "a.txt", "sha256": "S"},
        *(edit_record("R", 1, text, e) for e in edits),
    ]
    for edit_id, status, replacement in decisions:
        record: dict[str, object] = {
            "type": "decision", "run_id": "R", "doc": 1, "edit": edit_id, "status": status, "by": "ann",
        }
        if replacement is not None:
            record["text"] = replacement
        records.append(record)
    return [json.dumps(record, ensure_ascii=False) for record in records]


def test_read_log_rebuilds_edits_and_keeps_the_last_decision() -> None:
    edits = sample_edits()
    lines = log_lines(TEXT, edits, [(edits[0].id, "accepted", None), (edits[0].id, "edited", "殷殷")])
    (document,) = read_log(lines)
    assert document.edits == tuple(edits)
    assert document.decisions[edits[0].id] == LoggedDecision(Decision(Status.EDITED, "殷殷"), "ann")


def test_read_log_counts_pending_edits_without_decisions() -> None:
    edits = sample_edits()
    (document,) = read_log(log_lines(TEXT, edits, [(edits[0].id, "accepted", None)]))
    assert document.count(Status.PENDING) == 2


def test_read_log_reports_the_line_of_a_malformed_record() -> None:
    lines = log_lines(TEXT, sample_edits(), [])
    lines.insert(2, "{not json")
    with pytest.raises(LogError, match=r"^log:3: not JSON"):
        read_log(lines)


def test_read_log_rejects_an_edit_whose_id_does_not_match() -> None:
    lines = log_lines(TEXT, sample_edits()[:1], [])
    record = json.loads(lines[2])
    record["after"] = "X"
    lines[2] = json.dumps(record)
    with pytest.raises(LogError, match=r"^log:3: malformed edit record"):
        read_log(lines)


# -- invariants ---------------------------------------------------------------------------


@given(st.lists(st.sampled_from(["a", "r", "t", "u", "y"]), max_size=30))
def test_undoing_every_step_restores_the_initial_decisions(actions: list[str]) -> None:
    review = session()
    initial = [review.decision(i) for i in range(4)]
    for number, action in enumerate(actions):
        target = [number % 4]
        if action == "a":
            review.accept(target)
        elif action == "r":
            review.reject(target)
        elif action == "t":
            review.toggle(target)
        elif action == "u":
            review.undo()
        else:
            review.redo()
    while review.undo() is not None:
        pass
    assert [review.decision(i) for i in range(4)] == initial
    assert sum(review.counts.values()) == 4
