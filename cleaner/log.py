"""The correction log writer: appends one run (header, documents, edits, decisions, results) to JSONL.

The schema is documented in docs/log.md and read back by cleaner.logread. Every line carries
`prev`, the SHA-256 of the line before it in the file (null on the first line), so that a changed,
inserted or removed line breaks the chain; a run ends with an `end` line written by `close()`.
"""

from __future__ import annotations

import datetime as _datetime
import hashlib
import json
import os
import uuid
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Protocol

from cleaner import __version__
from cleaner.document import Document
from cleaner.edit import Edit
from cleaner.errors import LogError, OutputError
from cleaner.logread import SCHEMA_VERSION, STATUSES, last_line_hash
from cleaner.logspool import CONTEXT_CHARS, read_spool
from cleaner.pipeline import Result

try:  # advisory lock: two writers appending at once would interleave lines and break the chain
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


# One encoder for every line (json.dumps with options builds a new one per call).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

__all__ = ["CONTEXT_CHARS", "SCHEMA_VERSION", "LogWriter", "edit_record", "line_and_column", "now"]


def now() -> str:
    return _datetime.datetime.now(_datetime.UTC).isoformat(timespec="milliseconds")


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a code-point offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


class _Lines:
    """Line and column of offsets in one text, counting only the newlines between two calls
    (line_and_column on every Edit of a huge document would take quadratic time)."""

    def __init__(self, text: str) -> None:
        self.text, self.offset, self.line = text, 0, 1

    def at(self, offset: int) -> tuple[int, int]:
        if offset >= self.offset:
            self.line += self.text.count("\n", self.offset, offset)
        else:
            self.line -= self.text.count("\n", offset, self.offset)
        self.offset = offset
        return self.line, offset - self.text.rfind("\n", 0, offset)


def edit_record(
    run_id: str, doc: int, text: str, edit: Edit, position: tuple[int, int] | None = None,
    edit_id: str | None = None,
) -> dict[str, Any]:
    """The log record of `edit` against `text` (its `position` and `edit_id` when already known)."""
    line, column = position or line_and_column(text, edit.start)
    return _edit_record(
        run_id, doc, edit, edit_id or edit.id, line, column,
        text[max(0, edit.start - CONTEXT_CHARS):edit.start], text[edit.end:edit.end + CONTEXT_CHARS],
    )


def _edit_record(
    run_id: str, doc: int, edit: Edit, edit_id: str, line: int, column: int, context_before: str,
    context_after: str,
) -> dict[str, Any]:
    return {
        "type": "edit", "run_id": run_id, "doc": doc, "id": edit_id,
        "start": edit.start, "end": edit.end, "before": edit.before, "after": edit.after,
        "pass": edit.pass_name, "rule": edit.rule_id, "confidence": edit.confidence,
        "reason": edit.reason, "safety": str(edit.safety), "evidence": edit.evidence,
        "alternatives": list(edit.alternatives),
        "line": line, "column": column,
        "context_before": context_before,
        "context_after": context_after,
    }


class DocumentFacts(Protocol):
    """What a document record holds: a Document, or what a worker reported about one."""

    @property
    def path(self) -> str: ...
    @property
    def sha256(self) -> str: ...
    @property
    def encoding(self) -> str: ...
    @property
    def newline(self) -> str: ...
    @property
    def chars(self) -> int: ...


class LogWriter:
    """Appends one run to a JSONL correction log; flushed line by line so a crash loses at most one.

    The log is locked for the writer's lifetime: a second writer on the same log fails at once.
    """

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
        self._lines = 0
        self._closed = False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._stream: IO[bytes] = open(path, "ab")  # noqa: SIM115 - closed in close()
        except OSError as error:
            raise OutputError(f"{path}: cannot open log ({error.strerror})") from None
        try:
            _lock(self._stream, path)
            self._previous = last_line_hash(path)
        except BaseException:
            self._stream.close()
            raise
        self._write({
            "type": "run", "schema": SCHEMA_VERSION, "run_id": self.run_id, "tool": "cleaner",
            "version": __version__, "started": now(), "mode": mode, "agent": agent,
            "config": config, "sources": sources, "parent_run": parent_run, "cwd": os.getcwd(),
        })

    def _write(self, record: dict[str, Any]) -> None:
        record["prev"] = self._previous
        line = _ENCODER.encode(record).encode("utf-8")
        self._stream.write(line + b"\n")
        self._previous = hashlib.sha256(line).hexdigest()
        self._lines += 1

    def document(self, document: DocumentFacts) -> int:
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
        lines = _Lines(text)
        for edit in edits:
            self._write(edit_record(self.run_id, doc, text, edit, lines.at(edit.start)))

    def decision(
        self, doc: int, edit_id: str, status: str, by: str, text: str | None = None, note: str | None = None,
        *, flush: bool = True, at: str | None = None,
    ) -> None:
        """Record a decision on an Edit: auto, pending, accepted, rejected or edited (with `text`).

        `note` says why, when the status alone does not (e.g. which revert removed the Edit).
        A person's decision is flushed at once; a batch's (`flush=False`) with the document's result.
        `at` is the time of the decision (now, unless given).
        """
        if status not in STATUSES:
            raise ValueError(f"unknown decision status {status!r} (known: {', '.join(STATUSES)})")
        if status == "edited" and text is None:
            raise ValueError("an 'edited' decision needs the final text")
        record: dict[str, Any] = {
            "type": "decision", "run_id": self.run_id, "doc": doc, "edit": edit_id,
            "status": status, "by": by, "at": at or now(),
        }
        if text is not None:
            record["text"] = text
        if note is not None:
            record["note"] = note
        self._write(record)
        if flush:
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
        text = document.text
        lines = _Lines(text)
        applied = set(map(id, result.applied))  # result.edits holds the same objects
        decisions = []
        for edit in result.edits:
            edit_id = edit.id
            self._write(edit_record(self.run_id, doc, text, edit, lines.at(edit.start), edit_id))
            decisions.append((edit_id, id(edit) in applied))
        self._unattended_decisions(doc, decisions, output, output_sha256)
        return doc

    def spooled_document(
        self, document: DocumentFacts, spool: Path, output: str | None, output_sha256: str | None
    ) -> int:
        """batch_document() for a streamed document whose Edits a worker spooled (cleaner.logspool):
        the same records, read from the spool twice instead of held."""
        doc = self.document(document)
        for spooled in read_spool(spool):
            self._write(_edit_record(
                self.run_id, doc, spooled.edit, spooled.edit_id, spooled.line, spooled.column,
                spooled.context_before, spooled.context_after,
            ))
        decisions = ((spooled.edit_id, spooled.applied) for spooled in read_spool(spool))
        self._unattended_decisions(doc, decisions, output, output_sha256)
        return doc

    def _unattended_decisions(
        self, doc: int, decisions: Iterable[tuple[str, bool]], output: str | None, output_sha256: str | None
    ) -> None:
        """The auto (applied) and pending decisions of a batch on a document's Edits, made together
        (one time for all), and the document's result."""
        at = now()
        counts: Counter[str] = Counter()
        for edit_id, applied in decisions:
            status = "auto" if applied else "pending"
            counts[status] += 1
            self.decision(doc, edit_id, status, self.agent, flush=False, at=at)
        self.result(doc, output, output_sha256, dict(counts))

    def close(self) -> None:
        """End the run with an `end` line (so a cut-off log is evident), sync and unlock."""
        if self._closed:
            return
        self._closed = True
        try:
            self._write({
                "type": "end", "run_id": self.run_id, "finished": now(), "lines": self._lines + 1,
            })
            self._stream.flush()
            os.fsync(self._stream.fileno())
        finally:
            self._stream.close()

    def __enter__(self) -> LogWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _lock(stream: IO[bytes], path: Path) -> None:
    if fcntl is None:  # pragma: no cover - Windows
        return
    try:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise LogError(f"{path}: another process is writing this log") from None
    except OSError:
        return  # a file system without locks (some network mounts): carry on unlocked
