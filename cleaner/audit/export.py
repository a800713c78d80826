"""`audit export`: the log as a SQLite database (runs, documents, edits, decisions, with indexes and a
`current_edits` view; opens in Datasette or any SQL client) and as CSV, one row per edit."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from cleaner.audit.fold import Closed, events
from cleaner.audit.ledger import Ledger
from cleaner.audit.scan import scan
from cleaner.errors import OutputError
from cleaner.logread import (
    DecisionRecord,
    DocumentRecord,
    EditRecord,
    EndRecord,
    LogLine,
    ResultRecord,
    RunRecord,
)

SCHEMA = """
CREATE TABLE runs (
    line INTEGER PRIMARY KEY,       -- line of the run header in the log
    run_id TEXT NOT NULL UNIQUE,
    schema INTEGER NOT NULL,
    version TEXT NOT NULL,          -- cleaner version
    mode TEXT NOT NULL,             -- batch, review, replay, revert
    agent TEXT NOT NULL,
    started TEXT NOT NULL,
    finished TEXT,                  -- NULL: the run has no end record
    parent_run TEXT,
    cwd TEXT,
    config TEXT NOT NULL,           -- JSON
    sources TEXT NOT NULL           -- JSON: data file -> content hash
);
CREATE TABLE documents (
    line INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(run_id),
    doc INTEGER NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    encoding TEXT NOT NULL,
    newline TEXT NOT NULL,
    chars INTEGER NOT NULL,
    result_line INTEGER,
    output TEXT,
    output_sha256 TEXT,
    counts TEXT,                    -- JSON: status -> number of edits
    UNIQUE (run_id, doc)
);
CREATE TABLE edits (
    line INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(run_id),
    doc INTEGER NOT NULL,
    edit_id TEXT NOT NULL,
    start INTEGER NOT NULL,         -- code-point offsets into the decoded input
    "end" INTEGER NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    pass TEXT NOT NULL,
    rule TEXT NOT NULL,
    confidence REAL NOT NULL,
    reason TEXT NOT NULL,
    safety TEXT NOT NULL,
    evidence TEXT NOT NULL,
    alternatives TEXT NOT NULL,     -- JSON list
    text_line INTEGER NOT NULL,
    text_column INTEGER NOT NULL,
    context_before TEXT NOT NULL,
    context_after TEXT NOT NULL,
    status TEXT,                    -- final status; NULL when a later record of this edit replaced it
    final_text TEXT,                -- what replaces `before` (the person's text when edited)
    decided_by TEXT,
    decided_at TEXT,
    decision_line INTEGER
);
CREATE TABLE decisions (
    line INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(run_id),
    doc INTEGER NOT NULL,
    edit_id TEXT NOT NULL,
    status TEXT NOT NULL,
    text TEXT,
    by TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT
);
CREATE INDEX documents_sha256 ON documents(sha256);
CREATE INDEX documents_path ON documents(path);
CREATE INDEX documents_output ON documents(output);
CREATE INDEX edits_document ON edits(run_id, doc);
CREATE INDEX edits_edit_id ON edits(edit_id);
CREATE INDEX edits_rule ON edits(rule);
CREATE INDEX edits_pass ON edits(pass);
CREATE INDEX edits_status ON edits(status);
CREATE INDEX decisions_document ON decisions(run_id, doc);
CREATE INDEX decisions_edit_id ON decisions(edit_id);
CREATE INDEX decisions_by ON decisions(by);
CREATE VIEW current_edits AS
    SELECT documents.path, documents.sha256, edits.*
    FROM edits JOIN documents USING (run_id, doc)
    WHERE edits.status IS NOT NULL;
"""

CSV_COLUMNS = (
    "path", "sha256", "edit_id", "line", "column", "pass", "rule", "before", "after", "final_text",
    "status", "decided_by", "decided_at", "confidence", "safety", "reason", "evidence",
    "context_before", "context_after", "run_id", "log_line",
)

_BATCH = 5000


@contextlib.contextmanager
def _replacing(target: Path, force: bool) -> Iterator[Path]:
    """A temporary path beside `target` that replaces it when the block succeeds."""
    if target.exists() and not force:
        raise OutputError(f"{target}: already exists (use --force to replace it)")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise OutputError(f"{target}: cannot write ({error.strerror})") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def export_sqlite(log: Path, target: Path, *, force: bool = False) -> int:
    """Write the log to a new SQLite database; returns the number of edits exported."""
    with _replacing(target, force) as temporary:
        temporary.unlink()
        connection = sqlite3.connect(temporary)
        try:
            connection.executescript(SCHEMA)
            exported = _SqliteSink(connection).fill(log)
            connection.commit()
        finally:
            connection.close()
    return exported


class _SqliteSink:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.pending: dict[str, list[tuple[Any, ...]]] = {}
        self.edits = 0

    def fill(self, log: Path) -> int:
        for event in events(scan(log)):
            if isinstance(event, LogLine):
                self._record(event.record)
            elif isinstance(event, Closed):
                self._final(event.state)
        self._flush()
        return self.edits

    def _add(self, statement: str, row: tuple[Any, ...]) -> None:
        rows = self.pending.setdefault(statement, [])
        rows.append(row)
        if len(rows) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        # Tables first, updates after, in the order statements were first used.
        for statement, rows in self.pending.items():
            if rows:
                self.connection.executemany(statement, rows)
                rows.clear()

    def _record(self, record: Any) -> None:
        if isinstance(record, RunRecord):
            self._add(
                "INSERT INTO runs VALUES (?,?,?,?,?,?,?,NULL,?,?,?,?)",
                (record.line, record.run_id, record.schema, record.version, record.mode, record.agent,
                 record.started, record.parent_run, record.cwd, _json(record.config), _json(record.sources)),
            )
        elif isinstance(record, DocumentRecord):
            self._add(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,NULL,NULL,NULL,NULL)",
                (record.line, record.run_id, record.doc, record.path, record.sha256, record.encoding,
                 record.newline, record.chars),
            )
        elif isinstance(record, EditRecord):
            self.edits += 1
            self._add(
                "INSERT INTO edits VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,NULL,NULL,NULL,NULL)",
                (record.line, record.run_id, record.doc, record.id, record.start, record.end, record.before,
                 record.after, record.pass_name, record.rule_id, record.confidence, record.reason,
                 record.safety, record.evidence, _json(list(record.alternatives)), record.text_line,
                 record.column, record.context_before, record.context_after),
            )
        elif isinstance(record, DecisionRecord):
            self._add(
                "INSERT INTO decisions VALUES (?,?,?,?,?,?,?,?,?)",
                (record.line, record.run_id, record.doc, record.edit_id, record.status, record.text,
                 record.by, record.at, record.note),
            )
        elif isinstance(record, ResultRecord):
            self._add(
                "UPDATE documents SET result_line=?, output=?, output_sha256=?, counts=? WHERE run_id=? AND doc=?",
                (record.line, record.output, record.output_sha256, _json(record.counts), record.run_id, record.doc),
            )
        elif isinstance(record, EndRecord):
            self._add("UPDATE runs SET finished=? WHERE run_id=?", (record.finished, record.run_id))

    def _final(self, state: Ledger) -> None:
        for edit in state.entries():
            self._add(
                "UPDATE edits SET status=?, final_text=?, decided_by=?, decided_at=?, decision_line=? WHERE line=?",
                (edit.status, edit.final_text, edit.decided_by, edit.decided_at, edit.decision_line, edit.line),
            )


def export_csv(log: Path, target: Path, *, force: bool = False) -> int:
    """One row per edit (final status), UTF-8 with a byte-order mark so spreadsheets read Chinese."""
    with _replacing(target, force) as temporary, open(temporary, "w", encoding="utf-8-sig", newline="") as stream:
        return _write_csv(log, stream)


def _write_csv(log: Path, stream: TextIO) -> int:
    writer = csv.writer(stream)
    writer.writerow(CSV_COLUMNS)
    rows = 0
    for event in events(scan(log)):
        if not isinstance(event, Closed):
            continue
        state = event.state
        for entry in state.in_text_order():
            edit = state.edit_record(entry)
            writer.writerow((
                state.document.path, state.sha256, edit.id, edit.text_line, edit.column, edit.pass_name,
                edit.rule_id, edit.before, edit.after, entry.final_text, entry.status,
                entry.decided_by or "", entry.decided_at or "",
                edit.confidence, edit.safety, edit.reason, edit.evidence, edit.context_before,
                edit.context_after, edit.run_id, edit.line,
            ))
            rows += 1
    return rows


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
