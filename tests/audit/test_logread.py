"""Reading the log back: typed records, malformed lines named, and the fold of decisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.document import decode
from cleaner.edit import Edit
from cleaner.errors import LogError
from cleaner.log import LogWriter
from cleaner.logread import current_decisions, document_state, read_lines

from .helpers import edit, log_document

TEXT = "总书动致贺信，殿切期望。"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text(TEXT, "utf-8")
    return path


def proposals() -> tuple[Edit, Edit]:
    first = edit(TEXT, 2, 3, "记", rule="总书记.动")
    second = edit(TEXT, 7, 8, "殷", rule="殷切.殿")
    return first, second


def decide(log: Path, source: Path, decisions: list[tuple[str, str, str | None]], mode: str = "review") -> None:
    """Append a run that records decisions (edit id, status, text) on the document `source`."""
    document = decode(source.read_bytes(), str(source))
    with LogWriter(log, mode=mode, agent="审核员", config={}, sources={}) as writer:
        doc = writer.document(document)
        for edit_id, status, text in decisions:
            writer.decision(doc, edit_id, status, "审核员", text)


def test_the_last_decision_on_an_edit_wins(tmp_path: Path, source: Path) -> None:
    log = tmp_path / "log.jsonl"
    first, second = proposals()
    log_document(log, source, [(first, "auto", None), (second, "pending", None)], tmp_path / "out.txt")
    decide(log, source, [(second.id, "accepted", None), (second.id, "rejected", None)])
    decisions = current_decisions(log, path=source)
    assert {edit_id: decision.status for edit_id, decision in decisions.items()} == {
        first.id: "auto", second.id: "rejected",
    }


def test_undo_is_a_later_decision_restoring_the_earlier_status(tmp_path: Path, source: Path) -> None:
    log = tmp_path / "log.jsonl"
    first, second = proposals()
    log_document(log, source, [(first, "auto", None), (second, "pending", None)], tmp_path / "out.txt")
    decide(log, source, [(second.id, "accepted", None), (second.id, "pending", None)])
    assert current_decisions(log, path=source)[second.id].status == "pending"


def test_a_review_run_continues_the_state_of_the_batch_run(tmp_path: Path, source: Path) -> None:
    log = tmp_path / "log.jsonl"
    first, second = proposals()
    sha = log_document(log, source, [(first, "auto", None), (second, "pending", None)], tmp_path / "out.txt").sha256
    decide(log, source, [(second.id, "edited", "殷")])
    state = document_state(log, sha256=sha)
    assert state is not None
    applied = [(record.id, state.final_text(record)) for record in state.applied()]
    assert applied == [(first.id, "记"), (second.id, "殷")]


def test_a_new_batch_run_starts_the_document_afresh(tmp_path: Path, source: Path) -> None:
    log = tmp_path / "log.jsonl"
    first, second = proposals()
    log_document(log, source, [(first, "auto", None), (second, "auto", None)], tmp_path / "out.txt")
    log_document(log, source, [(first, "auto", None)], tmp_path / "out2.txt")
    state = document_state(log, path=source)
    assert state is not None
    assert list(state.edits) == [first.id]


def test_a_document_is_found_by_its_path_as_logged_or_on_disk(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "log.jsonl"
    first, _ = proposals()
    monkeypatch.chdir(tmp_path)
    log_document(log, Path("notice.txt"), [(first, "auto", None)], tmp_path / "out.txt")
    assert current_decisions(log, path="notice.txt").keys() == {first.id}
    assert current_decisions(log, path=source).keys() == {first.id}


def test_an_unknown_document_has_no_decisions(tmp_path: Path, source: Path) -> None:
    log = tmp_path / "log.jsonl"
    first, _ = proposals()
    log_document(log, source, [(first, "auto", None)], tmp_path / "out.txt")
    assert current_decisions(log, sha256="0" * 64) == {}


def test_a_line_that_is_not_json_is_named(tmp_path: Path, source: Path) -> None:
    log = tmp_path / "log.jsonl"
    first, _ = proposals()
    log_document(log, source, [(first, "auto", None)], tmp_path / "out.txt")
    lines = log.read_text("utf-8").splitlines(keepends=True)
    lines[2] = "{oops\n"
    log.write_text("".join(lines), "utf-8")
    with pytest.raises(LogError, match=rf"^{log}:3: not a JSON log record$"):
        list(read_lines(log))


def test_a_record_missing_a_field_is_named(tmp_path: Path, source: Path) -> None:
    log = tmp_path / "log.jsonl"
    first, _ = proposals()
    log_document(log, source, [(first, "auto", None)], tmp_path / "out.txt")
    log.write_text(log.read_text("utf-8").replace('"before":"动",', ""), "utf-8")
    with pytest.raises(LogError, match=rf"^{log}:3: edit record has no valid 'before' \(a string expected\)$"):
        list(read_lines(log))


def test_a_log_from_a_newer_schema_is_refused(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    log.write_text('{"type":"run","schema":99,"prev":null}\n', "utf-8")
    with pytest.raises(LogError, match="log schema 99 is newer than this cleaner reads"):
        list(read_lines(log))


def test_an_incomplete_last_line_is_reported(tmp_path: Path, source: Path) -> None:
    log = tmp_path / "log.jsonl"
    first, _ = proposals()
    log_document(log, source, [(first, "auto", None)], tmp_path / "out.txt")
    with log.open("ab") as stream:
        stream.write(b'{"type":"run"')
    count = len(log.read_bytes().splitlines())
    with pytest.raises(LogError, match=rf"{log}:{count}: incomplete line"):
        list(read_lines(log))


def test_a_decision_on_an_edit_never_proposed_is_an_error(tmp_path: Path, source: Path) -> None:
    log = tmp_path / "log.jsonl"
    first, _ = proposals()
    log_document(log, source, [(first, "auto", None)], tmp_path / "out.txt")
    decide(log, source, [("0123456789abcdef", "accepted", None)])
    with pytest.raises(LogError, match="decision on edit 0123456789abcdef, which has no edit record"):
        document_state(log, path=source)
