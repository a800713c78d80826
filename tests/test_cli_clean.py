"""`cleaner clean` on the command line: where outputs go, what it refuses, how it reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner import outputs
from cleaner.cli import cli
from cleaner.errors import EditMismatchError
from cleaner.pipeline import Pipeline

WRONG = "习近平总书动致贺信。\n"
RIGHT = "习近平总书记致贺信。\n"
SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "seeds"


def invoke(*arguments: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["clean", *arguments], input=stdin, catch_exceptions=False)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """in/a.txt (needs a fix), in/sub/b.txt (already clean), in/sub/notes.md (not matched)."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(WRONG, "utf-8")
    (root / "sub" / "b.txt").write_text(RIGHT, "utf-8")
    (root / "sub" / "notes.md").write_text(WRONG, "utf-8")
    return root


def files(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text("utf-8")
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def test_dash_reads_standard_input_and_writes_standard_output() -> None:
    result = invoke("-", stdin=WRONG)
    assert (result.exit_code, result.stdout) == (0, RIGHT)


def test_standard_input_can_be_logged(tmp_path: Path) -> None:
    result = invoke("-", "--log", str(tmp_path / "log.jsonl"), stdin=WRONG)
    records = [json.loads(line) for line in (tmp_path / "log.jsonl").read_text("utf-8").splitlines()]
    assert result.stdout == RIGHT
    assert [record["output"] for record in records if record["type"] == "result"] == ["-"]


def test_a_single_input_without_output_goes_to_standard_output(tree: Path) -> None:
    result = invoke(str(tree / "a.txt"))
    assert (result.exit_code, result.stdout, result.stderr) == (0, RIGHT, "")


def test_output_dash_is_standard_output_not_a_file_named_dash(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(str(tree / "a.txt"), "-o", "-")
    assert (result.exit_code, result.stdout, (tmp_path / "-").exists()) == (0, RIGHT, False)


def test_a_single_input_with_an_output_file_name_writes_that_file(tree: Path, tmp_path: Path) -> None:
    result = invoke(str(tree / "a.txt"), "-o", str(tmp_path / "clean.txt"), "-q")
    assert result.exit_code == 0
    assert (tmp_path / "clean.txt").read_text("utf-8") == RIGHT


def test_an_output_folder_mirrors_the_input_tree(tree: Path, tmp_path: Path) -> None:
    result = invoke(str(tree), "-o", str(tmp_path / "out"), "-q")
    assert result.exit_code == 0
    assert files(tmp_path / "out") == {"a.txt": RIGHT, "sub/b.txt": RIGHT}


def test_glob_chooses_the_files_taken_from_folders(tree: Path, tmp_path: Path) -> None:
    invoke(str(tree), "-o", str(tmp_path / "out"), "--glob", "*.md", "-q")
    assert files(tmp_path / "out") == {"sub/notes.md": RIGHT}


def test_several_inputs_need_an_output_folder(tree: Path) -> None:
    result = invoke(str(tree / "a.txt"), str(tree / "sub" / "b.txt"))
    assert result.exit_code == 2
    assert result.stderr == (
        "cleaner: several inputs: name an output folder with -o DIR (or use --in-place, --diff, --check)\n"
    )


def test_in_place_overwrites_the_input_and_keeps_a_backup(tree: Path) -> None:
    result = invoke(str(tree / "a.txt"), "--in-place", "-q")
    assert result.exit_code == 0
    assert (tree / "a.txt").read_text("utf-8") == RIGHT
    assert (tree / "a.txt.orig").read_text("utf-8") == WRONG


def test_in_place_uses_the_backup_suffix(tree: Path) -> None:
    invoke(str(tree / "a.txt"), "--in-place", "--backup-suffix", ".bak", "-q")
    assert (tree / "a.txt.bak").read_text("utf-8") == WRONG


def test_in_place_refuses_to_replace_a_different_backup(tree: Path) -> None:
    (tree / "a.txt.orig").write_text("older backup\n", "utf-8")
    result = invoke(str(tree / "a.txt"), "--in-place", "-q")
    assert result.exit_code == 2
    assert result.stderr == (
        f"cleaner: {tree}/a.txt: backup {tree}/a.txt.orig already exists; not overwriting it\n"
    )
    assert (tree / "a.txt").read_text("utf-8") == WRONG
    assert (tree / "a.txt.orig").read_text("utf-8") == "older backup\n"


def test_in_place_cannot_read_standard_input() -> None:
    result = invoke("-", "--in-place", stdin=WRONG)
    assert (result.exit_code, result.stderr) == (2, "cleaner: --in-place cannot be used with standard input\n")


def test_in_place_and_output_exclude_each_other(tree: Path, tmp_path: Path) -> None:
    result = invoke(str(tree / "a.txt"), "--in-place", "-o", str(tmp_path / "out"))
    assert (result.exit_code, result.stderr) == (2, "cleaner: use either -o/--output or --in-place, not both\n")


def test_diff_prints_a_unified_diff_and_writes_nothing(tree: Path) -> None:
    before = files(tree)
    result = invoke(str(tree), "--diff")
    assert result.exit_code == 0
    assert result.stdout == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-习近平总书动致贺信。\n+习近平总书记致贺信。\n"
    )
    assert files(tree) == before


def test_check_exits_1_when_a_file_would_change(tree: Path) -> None:
    before = files(tree)
    result = invoke(str(tree), "--check")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"would change: {tree}/a.txt"
    assert files(tree) == before


def test_check_exits_0_when_nothing_would_change(tree: Path) -> None:
    result = invoke(str(tree / "sub" / "b.txt"), "--check", "-q")
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_failing_file_is_one_line_exit_2_and_the_others_are_still_cleaned(tree: Path, tmp_path: Path) -> None:
    (tree / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = invoke(str(tree), "-o", str(tmp_path / "out"), "-q")
    assert result.exit_code == 2
    assert result.stderr == f"cleaner: {tree}/broken.txt: not a text file (looks like a PNG image)\n"
    assert files(tmp_path / "out") == {"a.txt": RIGHT, "sub/b.txt": RIGHT}


def test_a_missing_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "nowhere.txt"))
    assert (result.exit_code, result.stderr) == (2, f"cleaner: {tmp_path}/nowhere.txt: no such file\n")


def test_the_output_never_overwrites_the_input(tree: Path) -> None:
    result = invoke(str(tree / "a.txt"), "-o", str(tree / "a.txt"), "-q")
    assert result.exit_code == 2
    assert result.stderr == f"cleaner: {tree}/a.txt: output would overwrite the input (use --in-place)\n"
    assert (tree / "a.txt").read_text("utf-8") == WRONG


def test_an_output_folder_inside_the_input_is_not_read_back(tree: Path) -> None:
    invoke(str(tree), "-o", str(tree / "out"), "-q")
    result = invoke(str(tree), "-o", str(tree / "out"), "-q")
    assert result.exit_code == 0
    assert files(tree / "out") == {"a.txt": RIGHT, "sub/b.txt": RIGHT}


def test_an_edit_that_does_not_fit_its_text_fails_that_file_by_name(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def mismatch(self: Pipeline, text: str) -> None:
        raise EditMismatchError("edits 1a (3..3) and 2b (3..3) overlap")

    monkeypatch.setattr(Pipeline, "run", mismatch)
    result = invoke(str(tree / "a.txt"), "-o", str(tmp_path / "a.txt"), "-j", "1", "-q")
    assert result.exit_code == 2
    assert result.stderr == f"cleaner: {tree}/a.txt: edits 1a (3..3) and 2b (3..3) overlap\n"
    assert not (tmp_path / "a.txt").exists()


def test_a_failed_write_leaves_the_old_output_and_no_temporary_file(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt").write_text("old output\n", "utf-8")

    def disk_full(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs.os, "replace", disk_full)
    result = invoke(str(tree / "a.txt"), "-o", str(tmp_path / "out" / "a.txt"), "-j", "1", "-q")
    assert result.exit_code == 2
    assert result.stderr == f"cleaner: {tmp_path}/out/a.txt: cannot write output (No space left on device)\n"
    assert os.listdir(tmp_path / "out") == ["a.txt"]
    assert (tmp_path / "out" / "a.txt").read_text("utf-8") == "old output\n"


def test_outputs_are_utf8_with_unix_line_ends(tmp_path: Path) -> None:
    source = tmp_path / "gbk.txt"
    source.write_bytes(WRONG.replace("\n", "\r\n").encode("gb18030"))
    invoke(str(source), "-o", str(tmp_path / "out.txt"), "-q")
    assert (tmp_path / "out.txt").read_bytes() == RIGHT.encode("utf-8")


def test_two_jobs_write_what_one_job_writes(tmp_path: Path) -> None:
    for copy in range(3):
        for sample in SAMPLES.glob("*.txt"):
            target = tmp_path / "in" / str(copy) / sample.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(sample.read_bytes())
    invoke(str(tmp_path / "in"), "-o", str(tmp_path / "one"), "-j", "1", "-q")
    invoke(str(tmp_path / "in"), "-o", str(tmp_path / "two"), "-j", "2", "-q")
    assert files(tmp_path / "two") == files(tmp_path / "one")


def test_json_prints_a_summary_for_scripts(tree: Path, tmp_path: Path) -> None:
    result = invoke(str(tree), "-o", str(tmp_path / "out"), "--json", "-q")
    summary = json.loads(result.stdout)
    assert {key: summary[key] for key in ("files", "changed", "unchanged", "failed", "skipped", "applied")} == {
        "files": 2, "changed": 1, "unchanged": 1, "failed": 0, "skipped": 0, "applied": 1,
    }
    assert summary["chars"] == 2 * len(WRONG)


def test_json_refuses_to_share_standard_output_with_the_text(tree: Path) -> None:
    result = invoke(str(tree / "a.txt"), "--json")
    assert result.exit_code == 2
    assert result.stderr == "cleaner: --json prints to standard output: use it with -o, --in-place or --check\n"


def test_a_batch_ends_with_one_summary_line_and_no_progress_bar_off_a_terminal(tree: Path, tmp_path: Path) -> None:
    result = invoke(str(tree), "-o", str(tmp_path / "out"))
    (line,) = result.stderr.splitlines()
    assert line.startswith("cleaned 2 file(s): 1 changed, 1 unchanged, 0 failed; 1 edits applied, 0 pending review; ")


def test_quiet_prints_nothing_when_all_goes_well(tree: Path, tmp_path: Path) -> None:
    result = invoke(str(tree), "-o", str(tmp_path / "out"), "--quiet")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_rerunning_with_a_log_skips_what_is_done(tree: Path, tmp_path: Path) -> None:
    arguments = (str(tree), "-o", str(tmp_path / "out"), "--log", str(tmp_path / "log.jsonl"), "--json", "-q")
    invoke(*arguments)
    summary = json.loads(invoke(*arguments).stdout)
    assert (summary["skipped"], summary["changed"], summary["unchanged"]) == (2, 0, 0)


def test_cleaning_one_small_file_loads_no_pool_and_no_progress_bar(tree: Path) -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted(m for m in ('rich', 'concurrent.futures', 'multiprocessing') "
        "if m in sys.modules), file=sys.stderr))\n"
        "from cleaner.cli import main\n"
        f"sys.argv = ['cleaner', 'clean', {str(tree / 'a.txt')!r}]\n"
        "main()\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert (completed.stdout, completed.stderr) == (RIGHT, "[]\n")


def test_ctrl_c_exits_130_with_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import click

    from cleaner import cli as cli_module

    def interrupted(*arguments: object, **keywords: object) -> None:
        raise click.Abort

    monkeypatch.setattr(cli_module.cli, "main", interrupted)
    with pytest.raises(SystemExit) as stopped:
        cli_module.main()
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "cleaner: interrupted\n"


def test_a_folder_with_no_matching_file_is_named_in_a_warning(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = invoke(str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == f"cleaner: {tmp_path / 'empty'}: no files matching *.txt"
