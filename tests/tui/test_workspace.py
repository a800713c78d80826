"""Opening a review, resuming it from the log, and saving its output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.batch import BatchOptions, run_batch
from cleaner.config import Config
from cleaner.errors import ConfigError, LogError, OutputError
from cleaner.log import LogWriter
from cleaner.review import Decision, Status
from cleaner.tui.app import ReviewApp
from cleaner.tui.widgets import ProposalList
from cleaner.tui.workspace import default_log, default_output, open_file, open_log

from .conftest import synchronous

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"
DICTIONARY = (
    "t.殿\t殿切\t殷切\tsafety=review\t殿/殷 glyph confusion\n"
    "t.动\t总书动\t总书记\tsafety=review\t记/动 glyph confusion\n"
    "t.合\t平合\t平台\t\t台/合 glyph confusion\n"
)
TEXT = "总书动对青年寄予殿切期望，搭建平合。\n总书动说。\n"


def config(folder: Path) -> Config:
    dictionary = folder / "test.tsv"
    dictionary.write_text(DICTIONARY, encoding="utf-8")
    return Config(passes=("confusions",), dictionaries=(dictionary,), builtin_data=False)


def source(folder: Path, name: str = "a.txt", text: str = TEXT) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_output_is_beside_the_input() -> None:
    assert default_output(Path("in/notice.txt")) == Path("in/notice.clean.txt")


def test_default_log_is_beside_the_output() -> None:
    assert default_log(Path("out/notice.clean.txt")) == Path("out/notice.clean.log.jsonl")


def test_opening_a_file_proposes_what_the_pipeline_proposes(tmp_path: Path) -> None:
    workspace = open_file(source(tmp_path), config=config(tmp_path), reviewer="ann")
    assert [(p.edit.after, p.proposed) for p in workspace.session.proposals] == [
        ("记", Status.PENDING), ("殷", Status.PENDING), ("台", Status.AUTO), ("记", Status.PENDING),
    ]


def test_output_may_not_be_the_input(tmp_path: Path) -> None:
    path = source(tmp_path)
    with pytest.raises(OutputError, match="would overwrite the input"):
        open_file(path, config=config(tmp_path), reviewer="ann", output=path)


def test_reopening_the_file_resumes_the_decisions(tmp_path: Path) -> None:
    path = source(tmp_path)
    first = open_file(path, config=config(tmp_path), reviewer="ann")
    first.record(first.session.accept([0]))
    first.record(first.session.edit(1, "殷殷"))
    first.close()
    second = open_file(path, config=config(tmp_path), reviewer="bob")
    assert [second.session.decision(i) for i in range(2)] == [
        Decision(Status.ACCEPTED), Decision(Status.EDITED, "殷殷"),
    ]
    assert second.resumed == 2


def test_an_undone_decision_stays_undone_after_reopening(tmp_path: Path) -> None:
    path = source(tmp_path)
    first = open_file(path, config=config(tmp_path), reviewer="ann")
    first.record(first.session.reject([2]))
    first.record(first.session.undo())
    first.close()
    second = open_file(path, config=config(tmp_path), reviewer="ann")
    assert second.session.decision(2) == Decision(Status.AUTO)


@synchronous
async def test_resumed_review_opens_on_the_next_pending_proposal(tmp_path: Path) -> None:
    path = source(tmp_path)
    first = open_file(path, config=config(tmp_path), reviewer="ann")
    first.record(first.session.accept([0]))
    first.close()
    app = ReviewApp(open_file(path, config=config(tmp_path), reviewer="ann"))
    async with app.run_test(size=(120, 40)):
        assert app.review.query_one(ProposalList).cursor == 1


def test_in_place_save_keeps_a_backup_of_the_original(tmp_path: Path) -> None:
    path = source(tmp_path)
    workspace = open_file(path, config=config(tmp_path), reviewer="ann", in_place=True)
    workspace.session.accept([0])
    report = workspace.save()
    workspace.close()
    assert (report.path, path.read_text("utf-8")) == (path, "总书记对青年寄予殿切期望，搭建平台。\n总书动说。\n")
    assert (tmp_path / "a.txt.orig").read_text("utf-8") == TEXT


def test_in_place_save_refuses_to_replace_a_different_backup(tmp_path: Path) -> None:
    path = source(tmp_path)
    (tmp_path / "a.txt.orig").write_text("something else", encoding="utf-8")
    workspace = open_file(path, config=config(tmp_path), reviewer="ann", in_place=True)
    with pytest.raises(OutputError, match="different backup"):
        workspace.save()
    workspace.close()
    assert path.read_text("utf-8") == TEXT


def batch(folder: Path, *names: str) -> Path:
    inputs = folder / "in"
    inputs.mkdir()
    for number, name in enumerate(names):
        source(inputs, name, TEXT + "。" * number)
    log = folder / "batch.jsonl"
    options = BatchOptions(output=folder / "out", log_path=log, quiet=True, jobs=1, progress=False)
    run_batch([str(inputs)], config(folder), options)
    return log


def test_a_batch_log_opens_with_its_pending_proposals(tmp_path: Path) -> None:
    workspace = open_log(batch(tmp_path, "a.txt"), reviewer="ann")
    assert [workspace.session.decision(i).status for i in range(4)] == [
        Status.PENDING, Status.PENDING, Status.AUTO, Status.PENDING,
    ]


def test_a_batch_log_review_saves_over_the_batch_output(tmp_path: Path) -> None:
    workspace = open_log(batch(tmp_path, "a.txt"), reviewer="ann")
    workspace.session.accept([1])
    workspace.save()
    workspace.close()
    assert (tmp_path / "out" / "a.txt").read_text("utf-8") == "总书动对青年寄予殷切期望，搭建平台。\n总书动说。\n"


def test_a_logged_output_that_is_no_longer_that_output_is_never_written_over(tmp_path: Path) -> None:
    log = batch(tmp_path, "a.txt")
    other = tmp_path / "out" / "a.txt"
    other.write_text("someone else's file\n", "utf-8")  # or a log from elsewhere naming any file
    workspace = open_log(log, reviewer="ann")
    assert workspace.output == default_output(tmp_path / "in" / "a.txt")
    workspace.close()


def test_a_file_reviewed_with_its_batch_log_saves_over_the_batch_output(tmp_path: Path) -> None:
    log = batch(tmp_path, "a.txt", "b.txt")
    workspace = open_file(tmp_path / "in" / "b.txt", config=config(tmp_path), reviewer="ann", log=log)
    assert workspace.output == tmp_path / "out" / "b.txt"


def test_a_log_naming_several_pending_documents_needs_a_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="2 documents have pending proposals"):
        open_log(batch(tmp_path, "a.txt", "b.txt"), reviewer="ann")


def test_a_file_the_log_does_not_know_is_refused(tmp_path: Path) -> None:
    log = batch(tmp_path, "a.txt")
    other = source(tmp_path, "other.txt", "别的文字\n")
    with pytest.raises(LogError, match="has no record of"):
        open_log(log, reviewer="ann", source=other)


def test_reviewing_a_log_resumes_the_last_review(tmp_path: Path) -> None:
    log = batch(tmp_path, "a.txt")
    first = open_log(log, reviewer="ann")
    first.record(first.session.reject([0]))
    first.close()
    second = open_log(log, reviewer="ann")
    assert second.session.decision(0) == Decision(Status.REJECTED)


def test_review_without_decisions_saves_what_cleaner_clean_writes(tmp_path: Path) -> None:
    seed = sorted((SAMPLES / "seeds").glob("*.txt"))[0]
    options = BatchOptions(output=tmp_path / "clean.txt", quiet=True, jobs=1, progress=False)
    run_batch([str(seed)], Config(), options)
    workspace = open_file(seed, config=Config(), reviewer="ann", output=tmp_path / "review.txt")
    workspace.save()
    workspace.close()
    assert (tmp_path / "review.txt").read_bytes() == (tmp_path / "clean.txt").read_bytes()


def test_in_place_save_keeps_the_permissions_of_the_input(tmp_path: Path) -> None:
    path = source(tmp_path)
    path.chmod(0o640)
    workspace = open_file(path, config=config(tmp_path), reviewer="ann", in_place=True)
    workspace.save()
    workspace.close()
    assert path.stat().st_mode & 0o777 == 0o640


def test_decisions_taken_while_another_program_held_the_log_are_written_once_it_is_free(tmp_path: Path) -> None:
    workspace = open_file(source(tmp_path), config=config(tmp_path), reviewer="ann")
    holder = LogWriter(workspace.log, mode="batch", agent="other", config={}, sources={})
    workspace.record(workspace.session.accept([0]))
    workspace.recorder.flush()
    assert workspace.log_failure is not None
    holder.close()
    workspace.record(workspace.session.reject([1]))
    workspace.close()
    assert decisions_in(workspace.log) == [
        (workspace.session.proposals[0].id, "accepted"), (workspace.session.proposals[1].id, "rejected"),
    ]


def decisions_in(log: Path) -> list[tuple[str, str]]:
    records = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    return [(record["edit"], record["status"]) for record in records if record["type"] == "decision"]
