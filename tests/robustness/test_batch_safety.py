"""A batch over broken files, a full disk or a read-only folder loses nothing and names each problem."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner.cli import cli

SEEDS = Path(__file__).resolve().parents[2] / "samples" / "seeds"
GOOD = "关于开展职业技能大赛的通知\n各市人力资源和社会保障局：\n"


def run(*arguments: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(argument) for argument in arguments], catch_exceptions=False)


def digests(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("cleaner:")]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of good documents and every kind of broken one."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, "utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "d_pdf.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (folder / "e_zip.txt").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00")
    (folder / "f_nul.txt").write_bytes(GOOD.encode() + b"\x00\x00\x00" + GOOD.encode())
    (folder / "g_damaged.txt").write_bytes(GOOD.encode() + b"\xc3\x28" + GOOD.encode())
    (folder / "h_gbk.txt").write_bytes(GOOD.encode("gbk"))
    (folder / "i_utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (folder / "j_mixed_endings.txt").write_bytes(GOOD.replace("\n", "\r\n").encode() + "第二段\r第三段\n".encode())
    (folder / "k_good.txt").write_text(GOOD, "utf-8")
    return folder


BROKEN = {
    "c_image.txt": "looks like a PNG image",
    "d_pdf.txt": "looks like a PDF file",
    "e_zip.txt": "looks like a ZIP archive",
    "f_nul.txt": "contains NUL bytes",
    "g_damaged.txt": "invalid UTF-8 at byte",
}


def test_each_broken_file_gets_one_error_line_naming_it_and_the_rest_are_cleaned(mixed: Path, tmp_path: Path) -> None:
    before = digests(mixed)
    result = run("clean", mixed, "-o", tmp_path / "out", "-q", "--jobs", "1")
    assert result.exit_code == 2  # a file failed; the others were processed
    errors = error_lines(result)
    assert len(errors) == len(BROKEN)
    for name, problem in BROKEN.items():
        assert sum(name in line and problem in line for line in errors) == 1, (name, errors)
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == sorted(name for name in before if name not in BROKEN)
    assert digests(mixed) == before


def test_the_same_batch_in_parallel_reports_the_same(mixed: Path, tmp_path: Path) -> None:
    serial = run("clean", mixed, "-o", tmp_path / "serial", "-q", "--jobs", "1")
    parallel = run("clean", mixed, "-o", tmp_path / "parallel", "-q", "--jobs", "2")
    assert parallel.exit_code == serial.exit_code == 2
    assert error_lines(parallel) == [line.replace("serial", "parallel") for line in error_lines(serial)]
    assert digests(tmp_path / "parallel") == digests(tmp_path / "serial")


def test_an_empty_file_gives_an_empty_output(mixed: Path, tmp_path: Path) -> None:
    run("clean", mixed, "-o", tmp_path / "out", "-q")
    assert (tmp_path / "out" / "b_empty.txt").read_bytes() == b""


def test_legacy_encodings_and_line_endings_come_out_as_utf8_with_newlines(mixed: Path, tmp_path: Path) -> None:
    run("clean", mixed, "-o", tmp_path / "out", "-q")
    for name in ("a_good.txt", "h_gbk.txt", "i_utf16.txt"):
        assert (tmp_path / "out" / name).read_bytes() == GOOD.encode(), name
    assert b"\r" not in (tmp_path / "out" / "j_mixed_endings.txt").read_bytes()


def _fail_second_fsync(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    calls = {"count": 0}
    real = os.fsync

    def fsync(descriptor: int) -> None:
        calls["count"] += 1
        if calls["count"] == 2:
            raise OSError(code, os.strerror(code))
        real(descriptor)

    monkeypatch.setattr("cleaner.outputs.os.fsync", fsync)


def test_a_full_disk_fails_that_file_and_keeps_its_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    outputs = tmp_path / "out"
    first = run("clean", inputs, "-o", outputs, "-q", "--jobs", "1", "--no-resume")
    assert first.exit_code == 0
    previous = digests(outputs)
    _fail_second_fsync(monkeypatch, errno.ENOSPC)
    for path in inputs.iterdir():
        path.write_bytes(path.read_bytes() + "补充一段。\n".encode())
    before = digests(inputs)
    result = run("clean", inputs, "-o", outputs, "-q", "--jobs", "1", "--no-resume")
    assert result.exit_code == 2  # a file failed; the others were processed
    [error] = error_lines(result)
    second = sorted(path.name for path in inputs.iterdir())[1]
    assert second in error and "No space left on device" in error
    assert digests(outputs)[second] == previous[second]  # the old output, whole
    assert sum(digests(outputs)[name] != previous[name] for name in previous) == len(previous) - 1
    assert not [path for path in outputs.iterdir() if path.name.startswith(".")]  # no temporary left
    assert digests(inputs) == before


def test_a_folder_that_cannot_be_written_is_one_error_per_file_and_nothing_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    before = digests(inputs)

    def refuse(*arguments: object, **keywords: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("cleaner.outputs.tempfile.mkstemp", refuse)
    result = run("clean", inputs, "-o", tmp_path / "out", "-q", "--jobs", "1")
    assert result.exit_code == 2  # a file failed; the others were processed
    errors = error_lines(result)
    assert len(errors) == len(before)
    assert all("Permission denied" in line for line in errors)
    assert digests(inputs) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_output_folder_is_reported_for_real(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    outputs = tmp_path / "out"
    outputs.mkdir()
    outputs.chmod(0o500)
    try:
        result = run("clean", inputs, "-o", outputs, "-q", "--jobs", "1")
    finally:
        outputs.chmod(0o700)
    assert result.exit_code == 2  # a file failed; the others were processed
    assert all("Permission denied" in line for line in error_lines(result))
    assert not list(outputs.iterdir())


def test_a_symlink_out_of_the_input_tree_is_not_followed(tmp_path: Path) -> None:
    inputs, outside = tmp_path / "in", tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    inputs.mkdir()
    (outside / "sub" / "secret.txt").write_text(GOOD, "utf-8")
    (inputs / "own.txt").write_text(GOOD, "utf-8")
    (inputs / "linked.txt").symlink_to(outside / "sub" / "secret.txt")
    (inputs / "linked_folder").symlink_to(outside / "sub", target_is_directory=True)
    result = run("clean", inputs, "-o", tmp_path / "out", "-q")
    assert result.exit_code == 0
    assert sorted(str(path.relative_to(tmp_path / "out")) for path in (tmp_path / "out").rglob("*")) == ["own.txt"]


def test_a_symlink_inside_the_input_tree_is_cleaned(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "own.txt").write_text(GOOD, "utf-8")
    (inputs / "alias.txt").symlink_to(inputs / "own.txt")
    result = run("clean", inputs, "-o", tmp_path / "out", "-q")
    assert result.exit_code == 0
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["alias.txt", "own.txt"]
