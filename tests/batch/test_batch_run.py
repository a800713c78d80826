"""run_batch: parallel runs equal serial ones, large files stream, interrupted runs resume."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from cleaner import clean
from cleaner.batch import BatchOptions, run_batch
from cleaner.config import Config
from cleaner.document import decode
from cleaner.edit import Edit, Safety, apply

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "seeds"
VOLATILE = {"run_id", "started", "at", "prev", "finished", "cwd"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Twenty sample files in nested folders, some with CRLF line ends."""
    root = tmp_path / "in"
    for copy in range(4):
        for number, sample in enumerate(sorted(SAMPLES.glob("*.txt"))):
            target = root / f"part{copy}" / f"doc{number}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            data = sample.read_bytes()
            target.write_bytes(data.replace(b"\n", b"\r\n") if copy == 1 else data)
    return root


def run(corpus: Path, output: Path, **options: Any) -> Any:
    settings = {"quiet": True, "progress": False, "output": output, **options}
    return run_batch([str(corpus)], Config(), BatchOptions(**settings))


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*")) if path.is_file() and path.suffix == ".txt"
    }


def log_records(path: Path) -> list[dict[str, Any]]:
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    return [{key: value for key, value in record.items() if key not in VOLATILE} for record in records]


def test_two_jobs_write_the_same_outputs_as_one(corpus: Path, tmp_path: Path) -> None:
    run(corpus, tmp_path / "serial", jobs=1)
    run(corpus, tmp_path / "parallel", jobs=2)
    assert tree(tmp_path / "parallel") == tree(tmp_path / "serial")
    assert len(tree(tmp_path / "serial")) == 20


def test_two_jobs_write_the_same_log_in_input_order_as_one(corpus: Path, tmp_path: Path) -> None:
    run(corpus, tmp_path / "serial", jobs=1, log_path=tmp_path / "serial.jsonl")
    run(corpus, tmp_path / "parallel", jobs=2, log_path=tmp_path / "parallel.jsonl")
    serial = [{k: v for k, v in r.items() if k != "output"} for r in log_records(tmp_path / "serial.jsonl")]
    parallel = [{k: v for k, v in r.items() if k != "output"} for r in log_records(tmp_path / "parallel.jsonl")]
    assert parallel == serial
    paths = [record["path"] for record in serial if record["type"] == "document"]
    assert paths == sorted(paths)


def test_summary_counts_every_file(corpus: Path, tmp_path: Path) -> None:
    summary = run(corpus, tmp_path / "out", jobs=2)
    assert (summary.files, summary.changed + summary.unchanged, summary.failed) == (20, 20, 0)
    texts = [decode(path.read_bytes()).text for path in corpus.rglob("*.txt")]
    assert summary.changed == sum(clean(text).changed for text in texts)
    assert summary.chars == sum(len(text) for text in texts)


def test_a_broken_file_fails_alone(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "part0" / "doc2.txt").write_bytes(b"%PDF-1.4 binary")
    summary = run(corpus, tmp_path / "out", jobs=2)
    assert (summary.files, summary.failed) == (20, 1)
    assert capsys.readouterr().err == (
        f"cleaner: {corpus}/part0/doc2.txt: not a text file (looks like a PDF file)\n"
    )
    assert len(tree(tmp_path / "out")) == 19


def test_two_inputs_with_one_output_path_fail_the_second(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(sorted(SAMPLES.glob("*.txt"))[0], tmp_path / folder / "same.txt")
    options = BatchOptions(output=tmp_path / "out", quiet=True, progress=False)
    summary = run_batch([str(tmp_path / "a" / "same.txt"), str(tmp_path / "b" / "same.txt")], Config(), options)
    assert summary.failed == 1
    assert capsys.readouterr().err == (
        f"cleaner: {tmp_path}/b/same.txt: output {tmp_path}/out/same.txt is also the output of "
        f"{tmp_path}/a/same.txt\n"
    )


def logged_documents(log: Path) -> list[tuple[dict[str, Any], list[Edit], dict[str, Any]]]:
    """Each logged document with its auto Edits and its result record."""
    documents = []
    edits: dict[str, Edit] = {}
    auto: list[Edit] = []
    document: dict[str, Any] = {}
    for record in log_records(log):
        if record["type"] == "document":
            document, edits, auto = record, {}, []
        elif record["type"] == "edit":
            edits[record["id"]] = Edit(
                record["start"], record["end"], record["before"], record["after"], record["pass"],
                record["rule"], record["confidence"], record["reason"], Safety(record["safety"]),
            )
        elif record["type"] == "decision" and record["status"] == "auto":
            auto.append(edits[record["edit"]])
        elif record["type"] == "result":
            documents.append((document, auto, record))
    return documents


def test_a_streamed_file_log_replays_against_the_whole_input(tmp_path: Path) -> None:
    source = tmp_path / "big.txt"
    source.write_bytes(b"\r\n\r\n".join(path.read_bytes() for path in sorted(SAMPLES.glob("*.txt"))) * 3)
    options = BatchOptions(output=tmp_path / "out.txt", log_path=tmp_path / "log.jsonl", quiet=True,
                           progress=False, stream_bytes=0, chunk_chars=1000)
    run_batch([str(source)], Config(), options)
    (document, auto, result), = logged_documents(tmp_path / "log.jsonl")
    text = decode(source.read_bytes()).text
    output = (tmp_path / "out.txt").read_bytes()
    assert document["chars"] == len(text)
    assert result["output_sha256"] == hashlib.sha256(output).hexdigest()
    assert apply(text, auto).encode() == output
    assert len(auto) > 10


def test_a_streamed_file_logs_the_same_records_as_a_whole_one_and_leaves_no_spool(tmp_path: Path) -> None:
    source = tmp_path / "in" / "big.txt"
    source.parent.mkdir()
    source.write_bytes(b"\n\n".join(path.read_bytes() for path in sorted(SAMPLES.glob("*.txt"))))
    config = Config(passes=("confusions", "rules", "spacing"))
    logs = {}
    for name, stream_bytes in (("whole", 1 << 30), ("streamed", 0)):
        options = BatchOptions(output=tmp_path / name / "out.txt", log_path=tmp_path / name / "log.jsonl",
                               quiet=True, progress=False, stream_bytes=stream_bytes, chunk_chars=700)
        run_batch([str(source)], config, options)
        logs[name] = [
            {key: value for key, value in json.loads(line).items() if key not in ("run_id", "prev", "at")}
            for line in (tmp_path / name / "log.jsonl").read_text("utf-8").splitlines()
            if json.loads(line)["type"] in ("edit", "decision", "document")
        ]
        assert sorted(path.name for path in (tmp_path / name).iterdir()) == ["log.jsonl", "out.txt"]
    assert logs["streamed"] == logs["whole"]


def test_a_streamed_file_gives_the_same_output_as_a_whole_one(tmp_path: Path) -> None:
    source = tmp_path / "big.txt"
    source.write_bytes(b"\n\n".join(path.read_bytes() for path in sorted(SAMPLES.glob("*.txt"))) * 3)
    config = Config(passes=("confusions", "rules"))
    for name, stream_bytes in (("whole.txt", 1 << 30), ("streamed.txt", 0)):
        options = BatchOptions(output=tmp_path / name, quiet=True, progress=False, stream_bytes=stream_bytes,
                               chunk_chars=700)
        run_batch([str(source)], config, options)
    assert (tmp_path / "streamed.txt").read_bytes() == (tmp_path / "whole.txt").read_bytes()


def test_rerun_skips_files_already_done(corpus: Path, tmp_path: Path) -> None:
    run(corpus, tmp_path / "out", jobs=2, log_path=tmp_path / "log.jsonl")
    summary = run(corpus, tmp_path / "out", jobs=2, log_path=tmp_path / "log.jsonl")
    assert (summary.skipped, summary.changed + summary.unchanged) == (20, 0)


def test_rerun_redoes_a_file_whose_output_was_damaged(corpus: Path, tmp_path: Path) -> None:
    run(corpus, tmp_path / "out", log_path=tmp_path / "log.jsonl")
    expected = tree(tmp_path / "out")
    (tmp_path / "out" / "part3" / "doc4.txt").write_bytes(b"half a fi")
    summary = run(corpus, tmp_path / "out", log_path=tmp_path / "log.jsonl")
    assert (summary.skipped, summary.changed + summary.unchanged) == (19, 1)
    assert tree(tmp_path / "out") == expected


def test_rerun_redoes_a_file_whose_input_changed(corpus: Path, tmp_path: Path) -> None:
    run(corpus, tmp_path / "out", log_path=tmp_path / "log.jsonl")
    (corpus / "part1" / "doc0.txt").write_text("总书动\n", "utf-8")
    summary = run(corpus, tmp_path / "out", log_path=tmp_path / "log.jsonl")
    assert (summary.skipped, summary.changed) == (19, 1)
    assert (tmp_path / "out" / "part1" / "doc0.txt").read_text("utf-8") == "总书记\n"


def test_rerun_after_an_interruption_redoes_the_unfinished_files(corpus: Path, tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    run(corpus, tmp_path / "out", log_path=log)
    lines = log.read_bytes().splitlines(keepends=True)
    last_result = max(i for i, line in enumerate(lines) if b'"type":"result"' in line)
    log.write_bytes(b"".join(lines[:last_result]) + lines[last_result][:20])  # killed mid-line
    summary = run(corpus, tmp_path / "out", log_path=log)
    assert (summary.skipped, summary.changed + summary.unchanged) == (19, 1)
    assert all(line.endswith(b"}\n") for line in log.read_bytes().splitlines(keepends=True))


def test_rerun_with_another_configuration_redoes_everything(corpus: Path, tmp_path: Path) -> None:
    run(corpus, tmp_path / "out", log_path=tmp_path / "log.jsonl")
    options = BatchOptions(output=tmp_path / "out", log_path=tmp_path / "log.jsonl", quiet=True, progress=False)
    summary = run_batch([str(corpus)], Config(passes=("confusions",)), options)
    assert summary.skipped == 0


def test_no_resume_redoes_everything(corpus: Path, tmp_path: Path) -> None:
    run(corpus, tmp_path / "out", log_path=tmp_path / "log.jsonl")
    summary = run(corpus, tmp_path / "out", log_path=tmp_path / "log.jsonl", resume=False)
    assert summary.skipped == 0
