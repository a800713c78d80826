"""`audit replay`: the logged decisions applied to a fresh copy of an input give the logged output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cleaner.audit.replay import replay
from cleaner.audit.verify import verify
from cleaner.document import decode
from cleaner.errors import InputError, LogError
from cleaner.log import LogWriter

from .helpers import FIRST_TEXT, clean_samples, reviewed_scenario, run_cli


def test_replaying_each_sample_gives_its_output_byte_for_byte(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    for source in sorted(cleaned.inputs.glob("*.txt")):
        fresh = tmp_path / "fresh" / source.name
        fresh.parent.mkdir(exist_ok=True)
        shutil.copyfile(source, fresh)
        replayed = replay(cleaned.log, fresh)
        assert replayed.data == cleaned.output(source.name).read_bytes(), source.name
        assert replayed.matches_last_result


def test_replay_follows_the_last_decision_of_a_review(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    replayed = replay(scenario.log, scenario.first)
    assert (replayed.data.decode("utf-8"), replayed.applied) == ("总书动的殷切关怀，平台建设", 2)


def test_a_changed_input_is_refused_naming_the_logged_file_of_that_name(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    changed = tmp_path / "elsewhere" / "first.txt"
    changed.parent.mkdir()
    changed.write_text(FIRST_TEXT.replace("，", ","), "utf-8")
    with pytest.raises(LogError) as raised:
        replay(scenario.log, changed)
    logged = json.loads(scenario.log.read_text("utf-8").splitlines()[1])
    assert str(raised.value) == (
        f"{changed}: {scenario.log} has no document with this content (sha256 {decode(changed.read_bytes()).sha256}); "
        f"it logged {scenario.first} (line 20) with sha256 {logged['sha256']}, "
        "so the input differs from the one that was cleaned"
    )


def test_an_input_the_log_never_saw_is_refused(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    stranger = tmp_path / "stranger.txt"
    stranger.write_text("通知", "utf-8")
    with pytest.raises(LogError, match=r"has no document with this content \(sha256 [0-9a-f]{64}\)$"):
        replay(scenario.log, stranger)


def test_a_missing_input_is_an_input_error(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        replay(scenario.log, tmp_path / "gone.txt")


def test_decisions_after_the_last_result_make_the_replay_differ_from_it(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    replayed = replay(scenario.log, scenario.first)
    state = replayed.state
    platform = next(edit for edit in state.entries() if edit.before == "平合")
    with LogWriter(scenario.log, mode="review", agent="李四", config={}, sources={}) as writer:
        writer.decision(writer.document(replayed.document), platform.id, "rejected", "李四")
    again = replay(scenario.log, scenario.first)
    assert (again.data.decode("utf-8"), again.matches_last_result) == ("总书动的殷切关怀，平合建设", False)


def test_the_command_writes_the_output_to_standard_output(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    result = run_cli("audit", "replay", scenario.log, scenario.first)
    assert (result.exit_code, result.stdout) == (0, "总书动的殷切关怀，平台建设")
    assert result.stderr == (
        f"replayed 2 edit(s) on {scenario.first}: same as the output logged at line 23 ({scenario.first_output})\n"
    )


def test_the_command_records_a_replay_run_that_verifies(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    target = tmp_path / "replayed.txt"
    result = run_cli("audit", "replay", scenario.log, scenario.first, "-o", target)
    assert result.exit_code == 0
    assert target.read_bytes() == scenario.first_output.read_bytes()
    records = [json.loads(line) for line in scenario.log.read_text("utf-8").splitlines()[-4:]]
    assert [(r["type"], r.get("mode"), r.get("output")) for r in records] == [
        ("run", "replay", None), ("document", None, None), ("result", None, str(target)), ("end", None, None),
    ]
    assert verify(scenario.log).failures == ()


def test_no_record_leaves_the_log_alone(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    before = scenario.log.read_bytes()
    run_cli("audit", "replay", scenario.log, scenario.first, "-o", tmp_path / "replayed.txt", "--no-record")
    assert scenario.log.read_bytes() == before


def test_the_command_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    result = run_cli("audit", "replay", scenario.log, scenario.first, "-o", scenario.first)
    assert (result.exit_code, result.stderr) == (2, f"cleaner: {scenario.first}: would overwrite the input\n")


def test_the_command_reports_a_changed_input_in_one_line(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    scenario.first.write_text(FIRST_TEXT + "\n", "utf-8")
    result = run_cli("audit", "replay", scenario.log, scenario.first)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.endswith("so the input differs from the one that was cleaned\n")
