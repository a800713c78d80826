"""`audit summary`: counts per pass, rule, status, document and reviewer, and the frequent changes."""

from __future__ import annotations

import json
from pathlib import Path

from rich.cells import cell_len

from cleaner.audit.summary import summarise

from .helpers import Scenario, clean_samples, edit, log_document, reviewed_scenario, run_cli


def test_statuses_are_counted_by_the_last_decision_on_each_edit(tmp_path: Path) -> None:
    summary = summarise([reviewed_scenario(tmp_path).log])
    assert (summary.edits, summary.decisions, summary.statuses) == (
        5, 7, {"auto": 3, "accepted": 1, "rejected": 1},
    )


def test_passes_are_counted_per_status(tmp_path: Path) -> None:
    summary = summarise([reviewed_scenario(tmp_path).log])
    assert summary.passes == {
        "confusions": {"auto": 2, "accepted": 1, "rejected": 1}, "punctuation": {"auto": 1},
    }


def test_rules_are_listed_by_total_then_name(tmp_path: Path) -> None:
    summary = summarise([reviewed_scenario(tmp_path).log])
    assert list(summary.rules.items()) == [
        ("总书记.动", {"auto": 1, "rejected": 1}),
        ("full-width.mark", {"auto": 1}),
        ("平台.合", {"auto": 1}),
        ("殷切.殿", {"accepted": 1}),
    ]


def test_reviewers_are_who_made_the_last_decision(tmp_path: Path) -> None:
    summary = summarise([reviewed_scenario(tmp_path).log])
    assert summary.reviewers == {"tester": {"auto": 3}, "张三": {"accepted": 1, "rejected": 1}}


def test_runs_are_counted_per_mode(tmp_path: Path) -> None:
    summary = summarise([reviewed_scenario(tmp_path).log])
    assert (summary.runs, summary.documents, summary.lines) == ({"batch": 2, "review": 1}, 2, 24)


def test_documents_are_ranked_by_their_number_of_edits(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    summary = summarise([scenario.log])
    assert [(d.path, d.edits, d.applied) for d in summary.top_documents] == [
        (str(scenario.first), 3, 2), (str(scenario.second), 2, 2),
    ]


def test_frequent_changes_are_ranked_by_count_then_text(tmp_path: Path) -> None:
    summary = summarise([reviewed_scenario(tmp_path).log])
    assert [(c.before, c.after, c.count, c.rules) for c in summary.top_changes] == [
        ("动", "记", 2, ("总书记.动",)),
        (",", "，", 1, ("full-width.mark",)),
        ("平合", "平台", 1, ("平台.合",)),
        ("殿", "殷", 1, ("殷切.殿",)),
    ]


def test_top_limits_the_ranked_lists(tmp_path: Path) -> None:
    summary = summarise([reviewed_scenario(tmp_path).log], top=1)
    assert ([d.edits for d in summary.top_documents], [c.count for c in summary.top_changes]) == ([3], [2])


def test_several_logs_are_summed(tmp_path: Path) -> None:
    first, second = reviewed_scenario(tmp_path / "a"), reviewed_scenario(tmp_path / "b")
    summary = summarise([first.log, second.log])
    assert (summary.logs, summary.documents, summary.edits, summary.statuses) == (
        (str(first.log), str(second.log)), 4, 10, {"auto": 6, "accepted": 2, "rejected": 2},
    )


def test_json_output_holds_every_count(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    result = run_cli("audit", "summary", scenario.log, "--json", "--top", "2")
    assert result.exit_code == 0
    first_sha = json.loads(scenario.log.read_text("utf-8").splitlines()[1])["sha256"]
    second_sha = json.loads(scenario.log.read_text("utf-8").splitlines()[11])["sha256"]
    assert json.loads(result.stdout) == {
        "logs": [str(scenario.log)], "lines": 24, "runs": {"batch": 2, "review": 1}, "documents": 2,
        "edits": 5, "decisions": 7, "statuses": {"auto": 3, "accepted": 1, "rejected": 1},
        "passes": {"confusions": {"auto": 2, "accepted": 1, "rejected": 1}, "punctuation": {"auto": 1}},
        "rules": {
            "总书记.动": {"auto": 1, "rejected": 1}, "full-width.mark": {"auto": 1},
            "平台.合": {"auto": 1}, "殷切.殿": {"accepted": 1},
        },
        "reviewers": {"tester": {"auto": 3}, "张三": {"accepted": 1, "rejected": 1}},
        "top_documents": [
            {"path": str(scenario.first), "sha256": first_sha, "edits": 3, "applied": 2},
            {"path": str(scenario.second), "sha256": second_sha, "edits": 2, "applied": 2},
        ],
        "top_changes": [
            {"before": "动", "after": "记", "count": 2, "rules": ["总书记.动"]},
            {"before": ",", "after": "，", "count": 1, "rules": ["full-width.mark"]},
        ],
    }


def test_json_output_keeps_chinese_unescaped(tmp_path: Path) -> None:
    result = run_cli("audit", "summary", reviewed_scenario(tmp_path).log, "--json")
    assert "张三" in result.stdout


def table_rows(output: str, title: str) -> list[list[str]]:
    """The body rows of the table with this title, as stripped cells."""
    lines = output.splitlines()
    start = next(number for number, line in enumerate(lines) if line.strip() == title)
    rows = []
    for line in lines[start + 4:]:
        if not line.startswith("│"):
            break
        rows.append([cell.strip() for cell in line.strip("│").split("│")])
    return rows


def test_the_table_lists_each_rule_with_its_counts(tmp_path: Path) -> None:
    result = run_cli("audit", "summary", reviewed_scenario(tmp_path).log)
    assert table_rows(result.stdout, "by rule") == [
        ["总书记.动", "1", "0", "1", "2"],
        ["full-width.mark", "1", "0", "0", "1"],
        ["平台.合", "1", "0", "0", "1"],
        ["殷切.殿", "0", "1", "0", "1"],
    ]


def test_the_table_shows_changes_with_visible_line_breaks(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    result = run_cli("audit", "summary", cleaned.log, "--top", "3")
    changes = table_rows(result.stdout, "most frequent changes")
    assert changes[0][:2] == ["⏎", "∅"]


def test_table_columns_line_up_with_chinese_text(tmp_path: Path) -> None:
    scenario: Scenario = reviewed_scenario(tmp_path)
    output = run_cli("audit", "summary", scenario.log).stdout
    boxed = [line for line in output.splitlines() if line[:1] in "┏┃┡│└"]
    tables: list[list[str]] = []
    for line in boxed:
        if line.startswith("┏"):
            tables.append([])
        tables[-1].append(line.rstrip())
    assert len(tables) == 6
    for table in tables:
        assert len({separator_columns(line) for line in table}) == 1, table


def separator_columns(line: str) -> tuple[int, ...]:
    """The terminal columns of a table line's vertical separators (wide characters take two)."""
    columns = []
    column = 0
    for character in line:
        if character in "┏┳┓┃┡╇┩│└┴┘":
            columns.append(column)
        column += cell_len(character)
    return tuple(columns)



def test_the_table_shows_white_space_changes_visibly(tmp_path: Path) -> None:
    source, log = tmp_path / "a.txt", tmp_path / "log.jsonl"
    text = "通知 发布\u3000附件"
    source.write_text(text, "utf-8")
    log_document(log, source, [
        (edit(text, 2, 3, "", rule="space.cjk"), "auto", None),
        (edit(text, 5, 6, "", rule="space.ideographic"), "auto", None),
    ], tmp_path / "out.txt")
    rows = table_rows(run_cli("audit", "summary", log).stdout, "most frequent changes")
    assert sorted(row[:3] for row in rows) == [["⎵", "∅", "1"], ["␣", "∅", "1"]]
