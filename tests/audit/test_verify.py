"""`audit verify`: the chain holds and every output is what replaying the log gives, byte for byte."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from cleaner.audit.paths import PathMap
from cleaner.audit.verify import Comparison, compare, verify

from .helpers import Cleaned, clean_samples, edit, log_document, run_cli

NAME = "000_76a2a25ce75795fc.txt"


def messages(cleaned: Cleaned, paths: PathMap | None = None) -> list[str]:
    return [str(failure) for failure in verify(cleaned.log, paths).failures]


def rewrite_line(log: Path, number: int, change: str, replacement: str) -> None:
    lines = log.read_text("utf-8").splitlines(keepends=True)
    assert change in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(change, replacement, 1)
    log.write_text("".join(lines), "utf-8")


def edit_line_number(cleaned: Cleaned) -> int:
    """The number of the first edit line that changes a character (not only a line break)."""
    for number, line in enumerate(cleaned.lines(), 1):
        record = json.loads(line)
        if record["type"] == "edit" and record["before"].strip() and record["after"].strip():
            return number
    raise AssertionError("the samples should have a character edit")


def test_a_fresh_batch_log_verifies(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    report = verify(cleaned.log)
    assert (report.ok, report.results, report.outputs) == (True, 5, 5)


def test_one_changed_byte_of_an_output_fails_naming_the_file(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    output = cleaned.output(NAME)
    data = bytearray(output.read_bytes())
    data[10] ^= 0x01
    output.write_bytes(bytes(data))
    assert messages(cleaned) == [
        f"{output}: differs from the replayed log at byte 10 (line 1); {len(data)} bytes on disk, {len(data)} expected"
    ]


def test_one_changed_log_line_fails_naming_the_line(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    number = edit_line_number(cleaned)
    rewrite_line(cleaned.log, number, '"confidence":', '"confidence":0.5,"was":')
    assert messages(cleaned) == [
        f"{cleaned.log}:{number}: hash chain broken: line {number + 1} records a different hash for this line "
        f"(it was changed, or lines were removed or inserted before line {number + 1})"
    ]


def test_a_changed_replacement_breaks_the_chain_and_the_replay(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    number = edit_line_number(cleaned)
    after = json.loads(cleaned.lines()[number - 1])["after"]
    rewrite_line(cleaned.log, number, f'"after":{json.dumps(after, ensure_ascii=False)}', '"after":"X"')
    found = messages(cleaned)
    assert found[0].startswith(f"{cleaned.log}:{number}: hash chain broken")
    assert any("replaying the decisions on" in message for message in found[1:])


def test_a_removed_log_line_fails(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    lines = cleaned.log.read_text("utf-8").splitlines(keepends=True)
    del lines[3]
    cleaned.log.write_text("".join(lines), "utf-8")
    assert messages(cleaned)[0].startswith(f"{cleaned.log}:3: hash chain broken")


def test_lines_cut_off_the_end_of_the_log_fail(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    lines = cleaned.log.read_text("utf-8").splitlines(keepends=True)
    cleaned.log.write_text("".join(lines[:-3]), "utf-8")
    (message,) = messages(cleaned)
    assert message.startswith(f"{cleaned.log}:{len(lines) - 3}: the last run (")
    assert message.endswith("has no end record: it was interrupted or is still running, "
                            "or lines were cut off the end of the log")


def test_a_changed_input_fails_naming_the_input(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    source = cleaned.inputs / NAME
    source.write_bytes(source.read_bytes() + b"\n")
    (message,) = messages(cleaned)
    assert message.startswith(f"{source}: input changed since it was logged (sha256 ")


def test_a_missing_output_fails(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    cleaned.output(NAME).unlink()
    assert messages(cleaned) == [f"{cleaned.output(NAME)}: output not found (if it moved, map it with --root)"]


def test_moved_files_are_found_with_root(tmp_path: Path) -> None:
    clean_samples(tmp_path / "then")
    shutil.move(tmp_path / "then", tmp_path / "now")
    moved = PathMap.parse([f"{tmp_path / 'then'}={tmp_path / 'now'}"])
    assert not verify(tmp_path / "now" / "log.jsonl").ok
    assert verify(tmp_path / "now" / "log.jsonl", moved).ok


def test_only_the_last_result_for_an_output_is_compared_with_the_file(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("总书动致贺信", "utf-8")
    log, output = tmp_path / "log.jsonl", tmp_path / "out.txt"
    proposal = edit("总书动致贺信", 2, 3, "记")
    log_document(log, source, [(proposal, "pending", None)], output)
    log_document(log, source, [(proposal, "accepted", None)], output, mode="review")
    report = verify(log)
    assert (report.ok, report.results, report.outputs) == (True, 2, 1)


def test_a_review_with_an_edited_decision_verifies(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("总书动致贺信", "utf-8")
    log, output = tmp_path / "log.jsonl", tmp_path / "out.txt"
    proposal = edit("总书动致贺信", 2, 3, "记")
    log_document(log, source, [(proposal, "edited", "纪")], output, mode="review")
    assert output.read_text("utf-8") == "总书纪致贺信"
    assert verify(log).ok


def test_the_command_prints_one_line_per_failure_and_exits_1(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    cleaned.output(NAME).write_bytes(b"")
    (tmp_path / "out" / "001_8da6d51714c2e5f0.txt").unlink()
    result = run_cli("audit", "verify", cleaned.log)
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == f"{cleaned.log}: 2 failure(s)\n"


def test_the_command_exits_0_when_everything_holds(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    result = run_cli("audit", "verify", cleaned.log)
    assert (result.exit_code, result.stdout) == (0, "")
    assert "5 result(s), 5 output file(s); chain head " in result.stderr


def test_a_replayed_output_in_pieces_equal_to_the_file_passes_with_its_hash(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes("第一行\n第二行\n".encode())
    comparison = compare(["第一行\n".encode(), "第二行\n".encode()], target)
    assert comparison == Comparison(hashlib.sha256(target.read_bytes()).hexdigest(), None)


def test_a_difference_in_a_later_piece_is_placed_by_byte_and_line_of_the_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"one\ntwo\nthree\nfour\n")
    comparison = compare([b"one\ntwo\n", b"three\nfive\n"], target)
    assert comparison.problem == "differs from the replayed log at byte 15 (line 4); 19 bytes on disk, 19 expected"


def test_a_file_longer_than_the_replayed_output_differs_where_the_output_ends(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"one\ntwo\nextra")
    comparison = compare([b"one\n", b"two\n"], target)
    assert comparison.problem == "differs from the replayed log at byte 8 (line 3); 13 bytes on disk, 8 expected"


def test_a_file_shorter_than_the_replayed_output_differs_where_the_file_ends(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"one\ntw")
    comparison = compare([b"one\n", b"two\n", b"three\n"], target)
    assert comparison.problem == "differs from the replayed log at byte 6 (line 2); 6 bytes on disk, 14 expected"


def test_a_missing_file_still_gives_the_replayed_hash(tmp_path: Path) -> None:
    comparison = compare([b"one\n", b"two\n"], tmp_path / "gone.txt")
    assert comparison == Comparison(
        hashlib.sha256(b"one\ntwo\n").hexdigest(), "output not found (if it moved, map it with --root)"
    )
