"""The log writer: one run per writer, every line chained to the one before, Chinese unescaped."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from pathlib import Path

import pytest

from cleaner import __version__
from cleaner.document import decode
from cleaner.errors import LogError
from cleaner.log import LogWriter
from cleaner.pipeline import Pipeline

from .helpers import edit


def records(log: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in log.read_text("utf-8").splitlines()]


def write_run(log: Path, text: str = "总书动致贺信") -> None:
    document = decode(text.encode("utf-8"), "a.txt")
    with LogWriter(log, mode="batch", agent="tester", config={"passes": ["confusions"]}, sources={"x": "1"}) as writer:
        doc = writer.document(document)
        start = document.text.index("动")
        proposal = edit(document.text, start, start + 1, "记")
        writer.edits(doc, document.text, [proposal])
        writer.decision(doc, proposal.id, "auto", "tester")
        writer.result(doc, "out.txt", "0" * 64, {"auto": 1})


def test_each_line_carries_the_hash_of_the_line_before(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    write_run(log)
    lines = log.read_bytes().splitlines()
    for previous, line in itertools.pairwise(lines):
        assert json.loads(line)["prev"] == hashlib.sha256(previous).hexdigest()


def test_the_first_line_has_no_predecessor(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    write_run(log)
    assert records(log)[0]["prev"] is None


def test_a_second_run_continues_the_chain_of_the_existing_log(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    write_run(log)
    last = log.read_bytes().splitlines()[-1]
    write_run(log)
    run_headers = [record for record in records(log) if record["type"] == "run"]
    assert len(run_headers) == 2
    assert run_headers[1]["prev"] == hashlib.sha256(last).hexdigest()


def test_chinese_is_written_unescaped(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    write_run(log)
    assert '"before":"动","after":"记"' in log.read_text("utf-8")


def test_the_run_header_records_what_produced_the_run(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    write_run(log)
    header = records(log)[0]
    assert (header["type"], header["schema"], header["version"], header["mode"], header["agent"]) == (
        "run", 1, __version__, "batch", "tester",
    )
    assert header["config"] == {"passes": ["confusions"]}
    assert header["sources"] == {"x": "1"}
    assert header["cwd"] == os.getcwd()


def test_an_edit_line_records_place_and_context(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    write_run(log, "第一行\n总书动致贺信")
    (line,) = [record for record in records(log) if record["type"] == "edit"]
    place = (line["line"], line["column"], line["context_before"], line["context_after"])
    assert place == (2, 3, "第一行\n总书", "致贺信")


def test_closing_ends_the_run_with_its_line_count(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    write_run(log)
    last = records(log)[-1]
    assert (last["type"], last["lines"]) == ("end", len(records(log)))


def test_batch_document_logs_auto_and_pending_decisions(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    document = decode("总书动致贺信。地位 or 作用".encode(), "a.txt")
    pipeline = Pipeline()
    result = pipeline.run(document.text)
    with LogWriter(log, mode="batch", agent="tester", config={}, sources={}) as writer:
        writer.batch_document(document, result, "out.txt", "0" * 64)
    statuses = {record["edit"]: record["status"] for record in records(log) if record["type"] == "decision"}
    assert statuses == {
        **{applied.id: "auto" for applied in result.applied},
        **{pending.id: "pending" for pending in result.pending},
    }


def test_refuses_to_append_to_a_file_that_is_not_a_log(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("会议纪要\n", "utf-8")
    with pytest.raises(LogError, match="not a cleaner correction log"):
        LogWriter(notes, mode="batch", agent="tester", config={}, sources={})
    assert notes.read_text("utf-8") == "会议纪要\n"


def test_refuses_to_append_after_an_incomplete_line(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    write_run(log)
    with log.open("ab") as stream:
        stream.write(b'{"type":"decis')
    with pytest.raises(LogError, match="last line is incomplete"):
        LogWriter(log, mode="review", agent="tester", config={}, sources={})


def test_a_second_writer_on_the_same_log_is_refused(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    with (
        LogWriter(log, mode="batch", agent="first", config={}, sources={}),
        pytest.raises(LogError, match="another process is writing this log"),
    ):
        LogWriter(log, mode="review", agent="second", config={}, sources={})


def test_an_edited_decision_needs_its_text(tmp_path: Path) -> None:
    with (
        LogWriter(tmp_path / "log.jsonl", mode="review", agent="tester", config={}, sources={}) as writer,
        pytest.raises(ValueError, match="needs the final text"),
    ):
        writer.decision(1, "abc", "edited", "tester")


def test_an_unknown_status_is_refused(tmp_path: Path) -> None:
    with (
        LogWriter(tmp_path / "log.jsonl", mode="review", agent="tester", config={}, sources={}) as writer,
        pytest.raises(ValueError, match="unknown decision status 'maybe'"),
    ):
        writer.decision(1, "abc", "maybe", "tester")
