"""`audit show`: the logged edits in context, filtered by rule, pass, status and file."""

from __future__ import annotations

import re
from pathlib import Path

from cleaner.audit.select import Filter
from cleaner.audit.show import shown_edits

from .helpers import clean_samples, reviewed_scenario, run_cli


def shown(log: Path, chosen: Filter) -> list[tuple[str, str, str, str]]:
    return [
        (Path(item.path).name, item.edit.before, item.final_text, item.status)
        for item in shown_edits([log], chosen)
    ]


def test_every_edit_is_shown_with_its_current_status(tmp_path: Path) -> None:
    assert sorted(shown(reviewed_scenario(tmp_path).log, Filter())) == [
        ("first.txt", "动", "记", "rejected"),
        ("first.txt", "平合", "平台", "auto"),
        ("first.txt", "殿", "殷", "accepted"),
        ("second.txt", ",", "，", "auto"),
        ("second.txt", "动", "记", "auto"),
    ]


def test_rule_filter_keeps_only_that_rule(tmp_path: Path) -> None:
    chosen = Filter(rules=frozenset({"总书记.动"}))
    assert sorted(shown(reviewed_scenario(tmp_path).log, chosen)) == [
        ("first.txt", "动", "记", "rejected"), ("second.txt", "动", "记", "auto"),
    ]


def test_status_filter_uses_the_last_decision(tmp_path: Path) -> None:
    chosen = Filter(statuses=frozenset({"accepted", "rejected"}))
    assert sorted(shown(reviewed_scenario(tmp_path).log, chosen)) == [
        ("first.txt", "动", "记", "rejected"), ("first.txt", "殿", "殷", "accepted"),
    ]


def test_file_filter_matches_a_trailing_part_of_the_logged_path(tmp_path: Path) -> None:
    chosen = Filter(files=("second.txt",))
    assert shown(reviewed_scenario(tmp_path).log, chosen) == [
        ("second.txt", "动", "记", "auto"), ("second.txt", ",", "，", "auto"),
    ]


def test_file_filter_takes_a_glob(tmp_path: Path) -> None:
    chosen = Filter(files=("*/fir*.txt",))
    assert {name for name, *_ in shown(reviewed_scenario(tmp_path).log, chosen)} == {"first.txt"}


def test_filters_of_different_kinds_must_all_hold(tmp_path: Path) -> None:
    chosen = Filter(rules=frozenset({"总书记.动"}), statuses=frozenset({"auto"}), files=("first.txt",))
    assert shown(reviewed_scenario(tmp_path).log, chosen) == []


def test_pass_filter_matches_one_part_of_a_merged_pass(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    merged = [item for item in shown_edits([cleaned.log], Filter(passes=frozenset({"spacing"})))
              if "+" in item.edit.pass_name]
    alone = list(shown_edits([cleaned.log], Filter(passes=frozenset({"spacing"}))))
    assert all("spacing" in item.edit.pass_name.split("+") for item in alone)
    assert len(alone) > len(merged)


def test_the_command_prints_each_edit_as_a_marked_diff_in_context(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    result = run_cli("audit", "show", scenario.log, "--status", "accepted")
    assert result.exit_code == 0
    header, change, reason = result.stdout.splitlines()
    assert header.startswith(f"{scenario.first}:1:5  confusions · 殷切.殿 · accepted by 张三 · 0.90 · ")
    assert (change, reason, result.stderr) == (
        "    总书动的[-殿-]{+殷+}切关怀，平合建设", "    殷切.殿 fires", "1 edit(s)\n",
    )


def test_the_command_combines_rule_and_file_options(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    result = run_cli("audit", "show", scenario.log, "--rule", "总书记.动", "--file", "second.txt")
    assert (result.exit_code, result.stdout.splitlines()[1], result.stderr) == (
        0, "    总书[-动-]{+记+},平合", "1 edit(s)\n",
    )


def test_limit_stops_after_that_many_edits(tmp_path: Path) -> None:
    result = run_cli("audit", "show", reviewed_scenario(tmp_path).log, "--limit", "2")
    assert result.stderr == "2 edit(s)\n"


def test_an_unknown_status_is_one_line_error(tmp_path: Path) -> None:
    result = run_cli("audit", "show", reviewed_scenario(tmp_path).log, "--status", "done")
    assert (result.exit_code, result.stderr) == (
        2, "cleaner: unknown status 'done' (known: auto, pending, accepted, rejected, edited)\n",
    )


def test_line_breaks_in_a_change_are_made_visible(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    result = run_cli("audit", "show", cleaned.log, "--rule", "join.wrapped", "--limit", "1")
    assert re.search(r"\[-⏎+-\]", result.stdout.splitlines()[1])
