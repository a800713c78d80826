"""`audit export`: a SQLite database any SQL client opens, and CSV that spreadsheets read."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from cleaner.audit.export import CSV_COLUMNS, export_csv, export_sqlite

from .helpers import Scenario, clean_samples, reviewed_scenario, run_cli


def database(scenario: Scenario, folder: Path) -> sqlite3.Connection:
    target = folder / "audit.db"
    export_sqlite(scenario.log, target)
    return sqlite3.connect(target)


def records(log: Path, kind: str) -> list[dict[str, object]]:
    return [record for line in log.read_text("utf-8").splitlines() if (record := json.loads(line))["type"] == kind]


def test_the_database_has_the_four_tables(tmp_path: Path) -> None:
    connection = database(reviewed_scenario(tmp_path), tmp_path)
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"runs", "documents", "edits", "decisions"}


def test_the_database_indexes_rules_statuses_and_documents(tmp_path: Path) -> None:
    connection = database(reviewed_scenario(tmp_path), tmp_path)
    indexed = {
        (table, column)
        for (name, table) in connection.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' "
                                                "AND sql IS NOT NULL")
        for (_, _, column) in connection.execute(f"PRAGMA index_info({name})")
    }
    assert {("edits", "rule"), ("edits", "pass"), ("edits", "status"), ("edits", "edit_id"),
            ("documents", "sha256"), ("documents", "path"), ("decisions", "by"),
            ("decisions", "edit_id")} <= indexed


def test_every_record_becomes_one_row(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    connection = database(scenario, tmp_path)
    counts = {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("runs", "documents", "edits", "decisions")}
    assert counts == {"runs": 3, "documents": 3, "edits": 5, "decisions": 7}


def test_runs_keep_mode_agent_and_end(tmp_path: Path) -> None:
    connection = database(reviewed_scenario(tmp_path), tmp_path)
    rows = connection.execute("SELECT mode, agent, finished IS NOT NULL FROM runs ORDER BY line").fetchall()
    assert rows == [("batch", "tester", 1), ("batch", "tester", 1), ("review", "张三", 1)]


def test_documents_carry_their_result(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    connection = database(scenario, tmp_path)
    rows = connection.execute("SELECT path, output, output_sha256, counts FROM documents ORDER BY line").fetchall()
    results = records(scenario.log, "result")
    assert rows == [
        (str(scenario.first), str(scenario.first_output), results[0]["output_sha256"], "{}"),
        (str(scenario.second), str(scenario.second_output), results[1]["output_sha256"], "{}"),
        (str(scenario.first), str(scenario.first_output), results[2]["output_sha256"],
         json.dumps(results[2]["counts"], ensure_ascii=False, separators=(",", ":"))),
    ]


def test_edits_carry_their_final_status_and_decider(tmp_path: Path) -> None:
    connection = database(reviewed_scenario(tmp_path), tmp_path)
    rows = connection.execute(
        "SELECT documents.path LIKE '%first.txt', before, final_text, status, decided_by "
        "FROM edits JOIN documents USING (run_id, doc) ORDER BY edits.line"
    ).fetchall()
    assert rows == [
        (1, "动", "记", "rejected", "张三"), (1, "殿", "殷", "accepted", "张三"), (1, "平合", "平台", "auto", "tester"),
        (0, "动", "记", "auto", "tester"), (0, ",", "，", "auto", "tester"),
    ]


def test_decisions_keep_the_whole_history(tmp_path: Path) -> None:
    connection = database(reviewed_scenario(tmp_path), tmp_path)
    rows = connection.execute(
        "SELECT status, by FROM decisions WHERE edit_id = (SELECT edit_id FROM edits WHERE before = '殿') ORDER BY line"
    ).fetchall()
    assert rows == [("pending", "tester"), ("accepted", "张三")]


def test_a_rule_can_be_queried_across_documents(tmp_path: Path) -> None:
    connection = database(reviewed_scenario(tmp_path), tmp_path)
    rows = connection.execute(
        "SELECT status, count(*) FROM current_edits WHERE rule = ? GROUP BY status ORDER BY status", ("总书记.动",)
    ).fetchall()
    assert rows == [("auto", 1), ("rejected", 1)]


def test_a_sample_batch_exports_every_edit(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    target = tmp_path / "audit.db"
    exported = export_sqlite(cleaned.log, target)
    connection = sqlite3.connect(target)
    assert exported == connection.execute("SELECT count(*) FROM edits").fetchone()[0] == len(
        records(cleaned.log, "edit")
    )
    assert connection.execute("SELECT count(*) FROM edits WHERE status IS NULL").fetchone()[0] == 0


def test_an_existing_database_is_kept_without_force(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    target = tmp_path / "audit.db"
    target.write_bytes(b"keep")
    result = run_cli("audit", "export", scenario.log, "--sqlite", target)
    assert (result.exit_code, result.stderr, target.read_bytes()) == (
        2, f"cleaner: {target}: already exists (use --force to replace it)\n", b"keep",
    )


def test_force_replaces_an_existing_database(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    target = tmp_path / "audit.db"
    target.write_bytes(b"old")
    result = run_cli("audit", "export", scenario.log, "--sqlite", target, "--force")
    assert (result.exit_code, result.stderr) == (0, f"{target}: 5 edit(s)\n")
    assert sqlite3.connect(target).execute("SELECT count(*) FROM edits").fetchone()[0] == 5


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_has_one_row_per_edit_with_named_columns(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    target = tmp_path / "edits.csv"
    assert export_csv(scenario.log, target) == 5
    rows = read_csv(target)
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert sorted((Path(row["path"]).name, row["before"], row["final_text"], row["status"], row["decided_by"])
                  for row in rows) == [
        ("first.txt", "动", "记", "rejected", "张三"),
        ("first.txt", "平合", "平台", "auto", "tester"),
        ("first.txt", "殿", "殷", "accepted", "张三"),
        ("second.txt", ",", "，", "auto", "tester"),
        ("second.txt", "动", "记", "auto", "tester"),
    ]


def test_csv_starts_with_a_byte_order_mark_for_spreadsheets(tmp_path: Path) -> None:
    target = tmp_path / "edits.csv"
    export_csv(reviewed_scenario(tmp_path).log, target)
    assert target.read_bytes().startswith("\ufeffpath,".encode())


def test_csv_keeps_line_breaks_inside_quoted_fields(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    target = tmp_path / "edits.csv"
    export_csv(cleaned.log, target)
    rows = read_csv(target)
    assert len(rows) == len(records(cleaned.log, "edit"))
    assert any("\n" in row["before"] for row in rows)


def test_export_needs_a_target(tmp_path: Path) -> None:
    result = run_cli("audit", "export", reviewed_scenario(tmp_path).log)
    assert (result.exit_code, result.stderr) == (2, "cleaner: say where to export: --sqlite DB and/or --csv FILE\n")


def test_both_targets_can_be_written_at_once(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    result = run_cli("audit", "export", scenario.log, "--sqlite", tmp_path / "a.db", "--csv", tmp_path / "a.csv")
    assert (result.exit_code, result.stderr.splitlines()) == (
        0, [f"{tmp_path / 'a.db'}: 5 edit(s)", f"{tmp_path / 'a.csv'}: 5 edit(s)"],
    )
