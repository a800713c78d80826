"""A streamed document's Edits spooled for the log carry what a log record of the whole text would."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.config import Config
from cleaner.log import edit_record
from cleaner.logspool import EditSpool, read_spool, remove_stale_spools, spool_prefix
from cleaner.pipeline import Pipeline
from cleaner.streaming import clean_chunks

TEXT = "关于做好总书动讲话学习的通知\n各单位：\n\n  为贯彻落实2020 年工作部署 ,现将有关事项通知如下。\n" * 12


def spooled(tmp_path: Path, pieces: list[str], chunk_chars: int) -> list[tuple[object, ...]]:
    spool = EditSpool(tmp_path / ".log.jsonl.spool-")
    for piece in clean_chunks(pieces, Pipeline(Config()).run, chunk_chars=chunk_chars, margin=8):
        spool.add(piece)
    path = spool.close()
    records = [(item.applied, item.edit, item.line, item.column, item.context_before, item.context_after)
               for item in read_spool(path)]
    assert [item.edit_id for item in read_spool(path)] == [record[1].id for record in records]  # type: ignore[attr-defined]
    path.unlink()
    return records


@pytest.mark.parametrize("chunk_chars", [5, 64, 300, 100_000])
def test_spooled_edits_have_the_line_column_and_context_of_the_whole_text(tmp_path: Path, chunk_chars: int) -> None:
    whole = Pipeline(Config()).run(TEXT)
    records = spooled(tmp_path, [TEXT[index:index + 50] for index in range(0, len(TEXT), 50)], chunk_chars)
    assert len(records) > 20
    for _applied, edit, line, column, context_before, context_after in records:
        expected = edit_record("run", 1, TEXT, edit)  # type: ignore[arg-type]
        assert (line, column, context_before, context_after) == (
            expected["line"], expected["column"], expected["context_before"], expected["context_after"],
        )
    if chunk_chars == 100_000:  # one piece: the Edits of the whole text, applied ones marked so
        assert [record[1] for record in records] == list(whole.edits)
        assert [record[0] for record in records] == [edit in whole.applied for edit in whole.edits]


def test_a_discarded_spool_leaves_no_file(tmp_path: Path) -> None:
    spool = EditSpool(tmp_path / ".log.jsonl.spool-")
    spool.discard()
    assert list(tmp_path.iterdir()) == []


def test_a_run_removes_the_spools_an_interrupted_run_left_on_its_log_only(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    stale = EditSpool(spool_prefix(log))
    stale._stream.close()  # as a killed worker leaves it
    other = EditSpool(spool_prefix(tmp_path / "other.jsonl"))
    remove_stale_spools(log)
    assert (stale.path.exists(), other.path.exists()) == (False, True)
    other.discard()
