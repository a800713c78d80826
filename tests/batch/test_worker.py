"""One file in a worker: what its outcome hands back to the parent."""

from __future__ import annotations

from pathlib import Path

from cleaner.config import Config
from cleaner.inputs import Job
from cleaner.pipeline import Pipeline
from cleaner.worker import FileTask, Mode, WorkSettings, clean_file


def task_for(tmp_path: Path, text: str) -> FileTask:
    source = tmp_path / "in.txt"
    source.write_text(text, encoding="utf-8")
    return FileTask(0, Job(source, Path("in.txt")), tmp_path / "out.txt", source.stat().st_size)


def test_a_small_file_hands_back_its_text_when_the_parent_writes_a_log(tmp_path: Path) -> None:
    task = task_for(tmp_path, "通知\n各单位：\n")
    outcome = clean_file(task, Pipeline(Config()), WorkSettings(Mode.WRITE, logging=True))
    assert outcome.document is not None and outcome.document.text == "通知\n各单位：\n"


def test_a_file_keeps_its_text_to_itself_without_a_log(tmp_path: Path) -> None:
    task = task_for(tmp_path, "通知\n各单位：\n")
    outcome = clean_file(task, Pipeline(Config()), WorkSettings(Mode.WRITE))
    assert outcome.document is None


def test_a_streamed_file_without_a_log_counts_its_edits_without_keeping_them(tmp_path: Path) -> None:
    task = task_for(tmp_path, "总书动讲话。\n\n" * 50)
    pipeline = Pipeline(Config())
    whole = clean_file(task, pipeline, WorkSettings(Mode.WRITE))
    streamed = clean_file(task, pipeline, WorkSettings(Mode.WRITE, stream_bytes=100, chunk_chars=64, margin=16))
    assert (streamed.streamed, streamed.applied, streamed.applied_count, streamed.pending_count) == (
        True, (), whole.applied_count, whole.pending_count,
    )


def test_a_streamed_file_keeps_its_edits_for_the_log(tmp_path: Path) -> None:
    task = task_for(tmp_path, "总书动讲话。\n\n" * 50)
    settings = WorkSettings(Mode.WRITE, stream_bytes=100, chunk_chars=64, margin=16, logging=True)
    outcome = clean_file(task, Pipeline(Config()), settings)
    assert len(outcome.applied) == outcome.applied_count > 0


def test_a_streamed_file_spools_its_edits_for_the_log_when_given_a_folder(tmp_path: Path) -> None:
    task = task_for(tmp_path, "总书动讲话。\n\n" * 50)
    settings = WorkSettings(Mode.WRITE, stream_bytes=100, chunk_chars=64, margin=16, logging=True,
                            spool_prefix=tmp_path / ".log.jsonl.spool-")
    outcome = clean_file(task, Pipeline(Config()), settings)
    assert outcome.spool is not None and outcome.applied == ()
    assert len(outcome.spool.read_text("utf-8").splitlines()) == outcome.applied_count + outcome.pending_count > 0
