"""The audit commands' document state: a few columns per edit, the rest read again from the log."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from cleaner.audit.ledger import Ledger
from cleaner.errors import LogError
from cleaner.log import LogWriter
from cleaner.logread import DecisionRecord, DocumentRecord, EditRecord, Fold, LineReader, read_lines

from .helpers import FIRST_TEXT, edit, log_document, reviewed_scenario


@contextmanager
def ledgers(log: Path) -> Iterator[dict[str, Ledger]]:
    """The state of each document at the end of the log, by file name, while its reader is open."""
    reader = LineReader(log)
    try:
        fold = Fold(log, lambda sha256, document: Ledger(sha256, document, reader))
        for line in read_lines(log):
            fold.feed(line.record, line.offset)
        yield {Path(state.document.path).name: state for state in fold.states.values()}
    finally:
        reader.close()


def test_entries_carry_the_last_decision_and_who_made_it(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    with ledgers(scenario.log) as states:
        entries = [(entry.before, entry.status, entry.final_text, entry.decided_by)
                   for entry in states["first.txt"].entries()]
    assert entries == [
        ("动", "rejected", "记", "张三"), ("殿", "accepted", "殷", "张三"), ("平合", "auto", "平台", "tester"),
    ]


def test_applied_entries_are_those_auto_accepted_or_edited_in_text_order(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    with ledgers(scenario.log) as states:
        state = states["first.txt"]
        assert ([entry.before for entry in state.applied()], state.applied_count()) == (["殿", "平合"], 2)


def test_counts_are_per_current_status(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    with ledgers(scenario.log) as states:
        assert states["first.txt"].counts() == {"rejected": 1, "accepted": 1, "auto": 1}


def test_the_whole_edit_record_is_read_again_from_the_log(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    with ledgers(scenario.log) as states:
        state = states["first.txt"]
        entry = next(state.entries())
        record = state.edit_record(entry)
    assert (record.line, record.id, record.reason, record.context_after) == (
        entry.line, entry.id, "总书记.动 fires", "的殿切关怀，平合建设",
    )


def test_the_last_decision_is_read_again_from_the_log(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    with ledgers(scenario.log) as states:
        state = states["first.txt"]
        entry = next(state.entries())
        decision = state.decision_record(entry)
    assert decision is not None
    assert (decision.line, decision.status, decision.by) == (entry.decision_line, "rejected", "张三")


def test_an_undecided_edit_has_no_decision_record(tmp_path: Path) -> None:
    source, log = tmp_path / "notice.txt", tmp_path / "log.jsonl"
    source.write_text(FIRST_TEXT, "utf-8")
    document = log_document(log, source, [], tmp_path / "out.txt")
    with LogWriter(log, mode="review", agent="张三", config={}, sources={}) as writer:
        writer.edits(writer.document(document), FIRST_TEXT, [edit(FIRST_TEXT, 2, 3, "记")])
    with ledgers(log) as states:
        state = states["notice.txt"]
        entry = next(state.entries())
        assert (entry.status, entry.decided_by, entry.decision_line, state.decision_record(entry)) == (
            "pending", None, None, None,
        )


def test_a_later_record_of_an_edit_replaces_it_in_place_and_keeps_its_decision(tmp_path: Path) -> None:
    source, log = tmp_path / "notice.txt", tmp_path / "log.jsonl"
    source.write_text(FIRST_TEXT, "utf-8")
    verb, platform = edit(FIRST_TEXT, 2, 3, "记"), edit(FIRST_TEXT, 9, 11, "平台")
    document = log_document(log, source, [(verb, "accepted", None), (platform, "auto", None)], tmp_path / "out.txt")
    with LogWriter(log, mode="review", agent="张三", config={}, sources={}) as writer:
        writer.edits(writer.document(document), FIRST_TEXT, [verb])
    with ledgers(log) as states:
        entries = [(entry.id, entry.line, entry.status) for entry in states["notice.txt"].entries()]
    assert entries == [(verb.id, 11, "accepted"), (platform.id, 4, "auto")]


def test_entries_in_text_order_keep_the_proposed_order_at_one_place(tmp_path: Path) -> None:
    source, log = tmp_path / "notice.txt", tmp_path / "log.jsonl"
    source.write_text(FIRST_TEXT, "utf-8")
    late, replacement, insertion, other = (
        edit(FIRST_TEXT, 9, 11, "平台"), edit(FIRST_TEXT, 2, 3, "记"), edit(FIRST_TEXT, 2, 2, "·"),
        edit(FIRST_TEXT, 2, 2, "、", rule="other.rule"),
    )
    log_document(log, source, [(late, "auto", None), (replacement, "pending", None), (insertion, "pending", None),
                               (other, "pending", None)], tmp_path / "out.txt")
    with ledgers(log) as states:
        ordered = [entry.id for entry in states["notice.txt"].in_text_order()]
    assert ordered == [insertion.id, other.id, replacement.id, late.id]


def test_edits_proposed_in_text_order_stay_in_that_order(tmp_path: Path) -> None:
    source, log = tmp_path / "notice.txt", tmp_path / "log.jsonl"
    source.write_text(FIRST_TEXT, "utf-8")
    proposed = [
        edit(FIRST_TEXT, 2, 2, "·"), edit(FIRST_TEXT, 2, 2, "、", rule="other.rule"), edit(FIRST_TEXT, 2, 3, "记"),
        edit(FIRST_TEXT, 9, 11, "平台"),
    ]
    log_document(log, source, [(change, "pending", None) for change in proposed], tmp_path / "out.txt")
    with ledgers(log) as states:
        ordered = [entry.id for entry in states["notice.txt"].in_text_order()]
    assert ordered == [change.id for change in proposed]


def test_a_replacement_proposed_before_an_insertion_at_its_start_comes_after_it(tmp_path: Path) -> None:
    source, log = tmp_path / "notice.txt", tmp_path / "log.jsonl"
    source.write_text(FIRST_TEXT, "utf-8")
    replacement, insertion = edit(FIRST_TEXT, 2, 3, "记"), edit(FIRST_TEXT, 2, 2, "·")
    late = edit(FIRST_TEXT, 9, 11, "平台")
    log_document(log, source, [(replacement, "auto", None), (insertion, "auto", None), (late, "auto", None)],
                 tmp_path / "out.txt")
    with ledgers(log) as states:
        ordered = [entry.id for entry in states["notice.txt"].applied()]
    assert ordered == [insertion.id, replacement.id, late.id]


def test_a_record_changed_since_it_was_read_is_an_error_naming_its_line(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    with ledgers(scenario.log) as states:
        state = states["first.txt"]
        entry = next(state.entries())
        lines = scenario.log.read_bytes().splitlines(keepends=True)
        lines[entry.line - 1], lines[entry.line] = lines[entry.line], lines[entry.line - 1]
        scenario.log.write_bytes(b"".join(lines))
        with pytest.raises(LogError, match=rf"^{scenario.log}:{entry.line}: not the record read there before "
                                           r"\(the log changed while it was being read\)$"):
            state.edit_record(entry)


def test_log_lines_know_where_they_start_in_the_file(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    data = scenario.log.read_bytes()
    ends = [index + 1 for index, byte in enumerate(data) if byte == ord("\n")]
    starts = [0, *ends[:-1]]
    assert [line.offset for line in read_lines(scenario.log)] == starts


def test_a_line_is_read_again_by_its_offset(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    lines = list(read_lines(scenario.log))
    reader = LineReader(scenario.log)
    try:
        assert reader.record(lines[5].offset, lines[5].number) == lines[5].record
    finally:
        reader.close()


@pytest.mark.parametrize("edit_id", ["2944a06711fac3d2", "2944A06711FAC3D2", "+944a06711fac3d2", "edit-1"])
def test_an_id_is_given_back_as_the_log_wrote_it(tmp_path: Path, edit_id: str) -> None:
    document = DocumentRecord(2, "run", 1, "a.txt", "0" * 64, "utf-8", "\n", 4)
    state = Ledger("0" * 64, document, LineReader(tmp_path / "log.jsonl"))
    state.propose(EditRecord(3, "run", 1, edit_id, 2, 3, "动", "记", "test", "test.rule", 0.9, "", "auto", "", (),
                             1, 3, "总书", ""), 0)
    assert state.decide(DecisionRecord(4, "run", 1, edit_id, "accepted", None, "张三", "now", None), 0)
    assert [(entry.id, entry.status) for entry in state.entries()] == [(edit_id, "accepted")]
