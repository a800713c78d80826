"""The correction log: JSONL, one run header, then per document its edits, decisions and result.

Schema version 1. Every line is a JSON object with a `type`:
  run       schema, run_id, tool, version, started, mode, agent, config, sources, parent_run
  document  run_id, doc, path, sha256, encoding, newline, chars
  edit      run_id, doc, id, start, end, before, after, pass, rule, confidence, reason, safety,
            evidence, line, column, context_before, context_after
  decision  run_id, doc, edit, status (auto|pending|accepted|rejected|edited), text, by, at
  result    run_id, doc, output, output_sha256, counts
"""

from __future__ import annotations

import datetime as _datetime
import json
import os
import uuid
from collections import Counter
from pathlib import Path
from collections.abc import Iterable
from typing import IO, Any

from cleaner import __version__
from cleaner.document import Document
from cleaner.edit import Edit
from cleaner.errors import OutputError
from cleaner.pipeline import Result

SCHEMA_VERSION = 1
CONTEXT_CHARS = 10


def now() -> str:
    return _datetime.datetime.now(_datetime.UTC).isoformat(timespec="milliseconds")


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a code-point offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def edit_record(run_id: str, doc: int, text: str, edit: Edit) -> dict[str, Any]:
    line, column = line_and_column(text, edit.start)
    return {
        "type": "edit", "run_id": run_id, "doc": doc, "id": edit.id,
        "start": edit.start, "end": edit.end, "before": edit.before, "after": edit.after,
        "pass": edit.pass_name, "rule": edit.rule_id, "confidence": edit.confidence,
        "reason": edit.reason, "safety": str(edit.safety), "evidence": edit.evidence,
        "alternatives": list(edit.alternatives),
        "line": line, "column": column,
        "context_before": text[max(0, edit.start - CONTEXT_CHARS):edit.start],
        "context_after": text[edit.end:edit.end + CONTEXT_CHARS],
    }


class LogWriter:
    """Appends one run to a JSONL correction log; flushed line by line so a crash loses at most one."""

    def __init__(
        self,
        path: Path,
        *,
        mode: str,
        agent: str,
        config: dict[str, Any],
        sources: dict[str, str],
        parent_run: str | None = None,
    ) -> None:
        self.path = path
        self.run_id = uuid.uuid4().hex
        self.agent = agent
        self._documents = 0
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._stream: IO[str] = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()
        except OSError as error:
            raise OutputError(f"{path}: cannot open log ({error.strerror})") from None
        self._write({
            "type": "run", "schema": SCHEMA_VERSION, "run_id": self.run_id, "tool": "cleaner",
            "version": __version__, "started": now(), "mode": mode, "agent": agent,
            "config": config, "sources": sources, "parent_run": parent_run,
        })

    def _write(self, record: dict[str, Any]) -> None:
        self._stream.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")

    def document(self, document: Document) -> int:
        """Record a document this run works on; returns its number within the run."""
        self._documents += 1
        doc = self._documents
        self._write({
            "type": "document", "run_id": self.run_id, "doc": doc, "path": document.path,
            "sha256": document.sha256, "encoding": document.encoding, "newline": document.newline,
            "chars": document.chars,
        })
        return doc

    def edits(self, doc: int, text: str, edits: Iterable[Edit]) -> None:
        """Record proposed Edits (against `text`, the document's decoded input)."""
        for edit in edits:
            self._write(edit_record(self.run_id, doc, text, edit))

    def decision(self, doc: int, edit_id: str, status: str, by: str, text: str | None = None) -> None:
        """Record a decision on an Edit: auto, pending, accepted, rejected or edited (with `text`)."""
        record: dict[str, Any] = {
            "type": "decision", "run_id": self.run_id, "doc": doc, "edit": edit_id,
            "status": status, "by": by, "at": now(),
        }
        if text is not None:
            record["text"] = text
        self._write(record)
        self._stream.flush()

    def result(self, doc: int, output: str | None, output_sha256: str | None, counts: dict[str, int]) -> None:
        """Record where a document's output went and what it holds."""
        self._write({
            "type": "result", "run_id": self.run_id, "doc": doc, "output": output,
            "output_sha256": output_sha256, "counts": counts,
        })
        self._stream.flush()

    def batch_document(
        self, document: Document, result: Result, output: str | None, output_sha256: str | None
    ) -> int:
        """Record one document cleaned unattended: its edits, auto/pending decisions, the result."""
        doc = self.document(document)
        self.edits(doc, document.text, result.edits)
        applied_ids = {edit.id for edit in result.applied}
        counts: Counter[str] = Counter()
        for edit in result.edits:
            status = "auto" if edit.id in applied_ids else "pending"
            counts[status] += 1
            self.decision(doc, edit.id, status, self.agent)
        self.result(doc, output, output_sha256, dict(counts))
        return doc

    def close(self) -> None:
        self._stream.flush()
        os.fsync(self._stream.fileno())
        self._stream.close()

    def __enter__(self) -> LogWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
