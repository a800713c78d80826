"""Reading the correction log: typed records, the hash chain, and the fold of decisions.

A log is a sequence of runs (see docs/log.md). The state of a document is keyed by the
SHA-256 of its input bytes: its proposed Edits (a later record of the same edit id replaces an
earlier one) and the last decision on each. A `batch` run starts the state of every document it
logs afresh (once per run: copies of one file in a run share a state); every other mode (review,
replay, revert) continues it. `Fold` streams records into states of a kind its caller chooses:
`DocumentState` keeps every record; the audit commands keep less (cleaner.audit.ledger) and read
a record again by its offset (`LineReader`). `document_state` and `current_decisions` are that
fold, for resuming a review or undoing a decision.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Generic, Protocol, TypeVar

from cleaner.edit import Edit, Safety
from cleaner.errors import LogError

SCHEMA_VERSION = 1
STATUSES = ("auto", "pending", "accepted", "rejected", "edited")
APPLIED_STATUSES = frozenset({"auto", "accepted", "edited"})
RECORD_TYPES = ("run", "document", "edit", "decision", "result", "end")
_TAIL_CHUNK = 65536


@dataclass(frozen=True, slots=True)
class RunRecord:
    """A run header: who ran what, with which data files, on which configuration."""

    line: int
    run_id: str
    schema: int
    version: str
    started: str
    mode: str
    agent: str
    config: dict[str, Any]
    sources: dict[str, str]
    parent_run: str | None
    cwd: str | None


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """An input document a run worked on (`doc` numbers it within the run)."""

    line: int
    run_id: str
    doc: int
    path: str
    sha256: str
    encoding: str
    newline: str
    chars: int


@dataclass(frozen=True, slots=True)
class EditRecord:
    """A proposed Edit against the document's decoded input, with its place and context."""

    line: int
    run_id: str
    doc: int
    id: str
    start: int
    end: int
    before: str
    after: str
    pass_name: str
    rule_id: str
    confidence: float
    reason: str
    safety: str
    evidence: str
    alternatives: tuple[str, ...]
    text_line: int
    column: int
    context_before: str
    context_after: str

    def to_edit(self, after: str | None = None) -> Edit:
        """The Edit this record describes, optionally with another replacement (an edited decision)."""
        return Edit(
            self.start, self.end, self.before, self.after if after is None else after,
            self.pass_name, self.rule_id, self.confidence, self.reason, Safety(self.safety),
            self.alternatives, self.evidence,
        )


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """A decision on an Edit; `text` replaces the Edit's `after` when the status is `edited`."""

    line: int
    run_id: str
    doc: int
    edit_id: str
    status: str
    text: str | None
    by: str
    at: str
    note: str | None


@dataclass(frozen=True, slots=True)
class ResultRecord:
    """Where a document's output went, its SHA-256 and the count of edits per status."""

    line: int
    run_id: str
    doc: int
    output: str | None
    output_sha256: str | None
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class EndRecord:
    """The last line of a run closed normally."""

    line: int
    run_id: str
    finished: str
    lines: int


Record = RunRecord | DocumentRecord | EditRecord | DecisionRecord | ResultRecord | EndRecord


@dataclass(frozen=True, slots=True)
class LogLine:
    """One line as read: its number, its hash, the hash it says its predecessor has, the record,
    and the byte offset where the line starts in the file."""

    number: int
    sha256: str
    prev: str | None
    record: Record
    offset: int = 0


# --- raw lines and the chain -------------------------------------------------------------------


def line_hash(raw: bytes) -> str:
    """The chain hash of a line: SHA-256 of its bytes without the newline."""
    return hashlib.sha256(raw).hexdigest()


def iter_raw_lines(path: Path, limit: int | None = None) -> Iterator[tuple[int, bytes]]:
    """(1-based number, bytes with the newline) of each line, reading at most `limit` bytes.

    A last line without its newline is yielded as is; `parse_line` reports it as incomplete.
    """
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, the generator may be abandoned
    except FileNotFoundError:
        raise LogError(f"{path}: no such log") from None
    except OSError as error:
        raise LogError(f"{path}: cannot read log ({error.strerror})") from None
    with stream:
        remaining = limit
        for number, raw in enumerate(stream, 1):
            if remaining is not None:
                if remaining <= 0:
                    return
                remaining -= len(raw)
            yield number, raw


def last_line_hash(path: Path) -> str | None:
    """Hash of the log's last line (None for a new or empty log), after checking it is one of ours."""
    try:
        with open(path, "rb") as stream:
            stream.seek(0, os.SEEK_END)
            size = stream.tell()
            if size == 0:
                return None
            tail = b""
            position = size
            while position > 0 and tail.count(b"\n") < 2:
                step = min(_TAIL_CHUNK, position)
                position -= step
                stream.seek(position)
                tail = stream.read(step) + tail
    except FileNotFoundError:
        return None
    except OSError as error:
        raise LogError(f"{path}: cannot read log ({error.strerror})") from None
    if not tail.endswith(b"\n"):
        raise LogError(
            f"{path}: the last line is incomplete (a writer was interrupted); "
            "remove that partial line before appending to this log"
        )
    last = tail[:-1].rsplit(b"\n", 1)[-1]
    try:
        record = json.loads(last)
    except ValueError:
        record = None
    if not isinstance(record, dict) or record.get("type") not in RECORD_TYPES:
        raise LogError(f"{path}: not a cleaner correction log (its last line is not a log record)")
    return line_hash(last)


# --- parsing ------------------------------------------------------------------------------------


class _Fields:
    """Typed access to the fields of one JSON record; a wrong or missing field is a LogError."""

    __slots__ = ("data", "where")

    def __init__(self, data: dict[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def _fail(self, key: str, expected: str) -> LogError:
        kind = self.data.get("type")
        return LogError(f"{self.where}: {kind} record has no valid {key!r} ({expected} expected)")

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str):
            raise self._fail(key, "a string")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, str):
            raise self._fail(key, "a string or null")
        return value

    def integer(self, key: str) -> int:
        value = self.data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self._fail(key, "a non-negative integer")
        return value

    def number(self, key: str) -> float:
        value = self.data.get(key)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self._fail(key, "a number")
        return float(value)

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        if not isinstance(value, dict):
            raise self._fail(key, "an object")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self._fail(key, "a list of strings")
        return tuple(value)


_DECODER = json.JSONDecoder()


def split_line(raw: bytes, number: int, path: Path | str) -> tuple[str, str | None, dict[str, Any]]:
    """The chain hash, the `prev` hash and the JSON object of one raw line (not yet validated)."""
    data = _json_object(raw, number, path)
    prev = data.get("prev")
    if prev is not None and type(prev) is not str:
        raise LogError(f"{path}:{number}: 'prev' must be a hash or null")
    return line_hash(raw[:-1]), prev, data


def _json_object(raw: bytes, number: int, path: Path | str) -> dict[str, Any]:
    if not raw.endswith(b"\n"):
        raise LogError(f"{path}:{number}: incomplete line (the writer was interrupted, or the log was cut)")
    try:
        data = _DECODER.decode(raw[:-1].decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise LogError(f"{path}:{number}: not a JSON log record") from None
    if type(data) is not dict:
        raise LogError(f"{path}:{number}: not a JSON log record")
    return data


def parse_line(raw: bytes, number: int, path: Path | str, offset: int = 0) -> LogLine:
    """Parse and validate one raw line (with its newline) found at byte `offset` of the log."""
    sha256, prev, data = split_line(raw, number, path)
    return LogLine(number, sha256, prev, to_record(data, number, path), offset)


def to_record(data: dict[str, Any], number: int, path: Path | str) -> Record:
    """The typed record of one line's JSON object; a wrong or missing field is a LogError naming it."""
    kind = data.get("type")
    if kind == "edit":
        record = _fast_edit(data, number)
        return record if record is not None else _edit(_Fields(data, f"{path}:{number}"), number)
    if kind == "decision":
        decision = _fast_decision(data, number)
        return decision if decision is not None else _record(data, number, f"{path}:{number}")
    return _record(data, number, f"{path}:{number}")


def _fast_edit(data: dict[str, Any], number: int) -> EditRecord | None:
    """The edit record when every field is present and well typed (the common case), else None."""
    get = data.get
    run_id, doc, edit_id, start, end = get("run_id"), get("doc"), get("id"), get("start"), get("end")
    before, after, pass_name, rule = get("before"), get("after"), get("pass"), get("rule")
    confidence, reason, safety, evidence = get("confidence"), get("reason"), get("safety"), get("evidence")
    alternatives, line, column = get("alternatives", []), get("line"), get("column")
    context_before, context_after = get("context_before"), get("context_after")
    if not (
        type(run_id) is str and type(edit_id) is str and type(before) is str and type(after) is str
        and type(pass_name) is str and type(rule) is str and type(reason) is str and type(evidence) is str
        and type(context_before) is str and type(context_after) is str
        and type(doc) is int and type(start) is int and type(end) is int and type(line) is int
        and type(column) is int and doc >= 0 and start >= 0 and line >= 0 and column >= 0
        and (type(confidence) is float or type(confidence) is int)
        and end - start == len(before) and before != after and type(safety) is str and safety in _SAFETIES
        and type(alternatives) is list and all(type(item) is str for item in alternatives)
    ):
        return None
    return EditRecord(
        number, run_id, doc, edit_id, start, end, before, after, pass_name, rule, float(confidence), reason,
        safety, evidence, tuple(alternatives), line, column, context_before, context_after,
    )


def _fast_decision(data: dict[str, Any], number: int) -> DecisionRecord | None:
    get = data.get
    run_id, doc, edit_id, status, text = get("run_id"), get("doc"), get("edit"), get("status"), get("text")
    by, at, note = get("by"), get("at"), get("note")
    if not (
        type(run_id) is str and type(doc) is int and doc >= 0 and type(edit_id) is str and type(by) is str
        and type(at) is str and type(status) is str and status in _FAST_STATUSES and text is None and note is None
    ):
        return None
    return DecisionRecord(number, run_id, doc, edit_id, status, None, by, at, None)


_SAFETIES = frozenset({str(Safety.AUTO), str(Safety.REVIEW)})
_FAST_STATUSES = frozenset(STATUSES) - {"edited"}


def _record(data: dict[str, Any], number: int, where: str) -> Record:
    fields = _Fields(data, where)
    kind = data.get("type")
    if kind == "edit":
        return _edit(fields, number)
    if kind == "decision":
        status = fields.text("status")
        if status not in STATUSES:
            raise LogError(f"{where}: unknown decision status {status!r}")
        text = fields.optional_text("text")
        if status == "edited" and text is None:
            raise LogError(f"{where}: an 'edited' decision has no final 'text'")
        return DecisionRecord(
            number, fields.text("run_id"), fields.integer("doc"), fields.text("edit"), status, text,
            fields.text("by"), fields.text("at"), fields.optional_text("note"),
        )
    if kind == "document":
        return DocumentRecord(
            number, fields.text("run_id"), fields.integer("doc"), fields.text("path"),
            fields.text("sha256"), fields.text("encoding"), fields.text("newline"), fields.integer("chars"),
        )
    if kind == "result":
        counts = fields.mapping("counts")
        if not all(isinstance(value, int) for value in counts.values()):
            raise LogError(f"{where}: result counts must be integers")
        return ResultRecord(
            number, fields.text("run_id"), fields.integer("doc"), fields.optional_text("output"),
            fields.optional_text("output_sha256"), counts,
        )
    if kind == "run":
        schema = fields.integer("schema")
        if schema > SCHEMA_VERSION:
            raise LogError(f"{where}: log schema {schema} is newer than this cleaner reads ({SCHEMA_VERSION})")
        return RunRecord(
            number, fields.text("run_id"), schema, fields.text("version"), fields.text("started"),
            fields.text("mode"), fields.text("agent"), fields.mapping("config"), fields.mapping("sources"),
            fields.optional_text("parent_run"), fields.optional_text("cwd"),
        )
    if kind == "end":
        return EndRecord(number, fields.text("run_id"), fields.text("finished"), fields.integer("lines"))
    raise LogError(f"{where}: unknown record type {kind!r}")


def _edit(fields: _Fields, number: int) -> EditRecord:
    where = fields.where
    start, end = fields.integer("start"), fields.integer("end")
    before, after = fields.text("before"), fields.text("after")
    if end < start or end - start != len(before):
        raise LogError(f"{where}: edit span {start}..{end} does not fit its 'before' text")
    if before == after:
        raise LogError(f"{where}: edit changes nothing")
    safety = fields.text("safety")
    if safety not in (Safety.AUTO, Safety.REVIEW):
        raise LogError(f"{where}: unknown safety {safety!r}")
    return EditRecord(
        number, fields.text("run_id"), fields.integer("doc"), fields.text("id"), start, end, before, after,
        fields.text("pass"), fields.text("rule"), fields.number("confidence"), fields.text("reason"), safety,
        fields.text("evidence"), fields.strings("alternatives"), fields.integer("line"),
        fields.integer("column"), fields.text("context_before"), fields.text("context_after"),
    )


def read_lines(path: Path, limit: int | None = None) -> Iterator[LogLine]:
    """Every line of a log, parsed; the first malformed line raises LogError naming it."""
    offset = 0
    for number, raw in iter_raw_lines(path, limit):
        yield parse_line(raw, number, path, offset)
        offset += len(raw)


class LineReader:
    """Reads lines of a log again, one at a time, by the offsets `read_lines` gave them (the file is
    opened on first use, and stays open until `close`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream: IO[bytes] | None = None

    def record(self, offset: int, number: int) -> Record:
        """The record of line `number`, which starts at byte `offset` (its chain hash is not computed:
        the first reading checked the chain)."""
        try:
            if self._stream is None:
                self._stream = open(self.path, "rb")  # noqa: SIM115 - closed in close()
            self._stream.seek(offset)
            raw = self._stream.readline()
        except OSError as error:
            raise LogError(f"{self.path}: cannot read log ({error.strerror})") from None
        return to_record(_json_object(raw, number, self.path), number, self.path)

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None


# --- the fold -----------------------------------------------------------------------------------


class FoldState(Protocol):
    """One document's state in a fold: it takes the document's edit and decision records."""

    sha256: str
    document: DocumentRecord

    def propose(self, record: EditRecord, offset: int) -> None:
        """Add the edit (found at byte `offset` of the log), or replace the record of the same id."""

    def decide(self, record: DecisionRecord, offset: int) -> bool:
        """Make the decision the last on its edit; False when the state has no such edit."""


State = TypeVar("State", bound=FoldState)


@dataclass(slots=True)
class DocumentState:
    """What the log says about one input (by content): its Edits and the last decision on each."""

    sha256: str
    document: DocumentRecord
    edits: dict[str, EditRecord] = field(default_factory=dict)
    decisions: dict[str, DecisionRecord] = field(default_factory=dict)

    def propose(self, record: EditRecord, offset: int) -> None:
        self.edits[record.id] = record

    def decide(self, record: DecisionRecord, offset: int) -> bool:
        if record.edit_id not in self.edits:
            return False
        self.decisions[record.edit_id] = record
        return True

    def status(self, edit_id: str) -> str:
        """The current status of an Edit: its last decision, or `pending` when it has none."""
        decision = self.decisions.get(edit_id)
        return "pending" if decision is None else decision.status

    def final_text(self, edit: EditRecord) -> str:
        """What the Edit puts in place of `before`: `after`, or the person's text when edited."""
        decision = self.decisions.get(edit.id)
        if decision is not None and decision.status == "edited" and decision.text is not None:
            return decision.text
        return edit.after

    def applied(self) -> list[EditRecord]:
        """The Edits the output contains (auto, accepted, edited), in text order."""
        chosen = [edit for edit in self.edits.values() if self.status(edit.id) in APPLIED_STATUSES]
        chosen.sort(key=lambda edit: (edit.start, edit.end))
        return chosen

    def applied_edits(self, exclude: Callable[[EditRecord], bool] | None = None) -> list[Edit]:
        """The applied Edits as `Edit` objects (edited text in place), minus those `exclude` picks."""
        edits = []
        for record in self.applied():
            if exclude is not None and exclude(record):
                continue
            text = self.final_text(record)
            if text != record.before:  # a person may edit a proposal back to the original
                edits.append(record.to_edit(text))
        return edits

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for edit_id in self.edits:
            status = self.status(edit_id)
            counts[status] = counts.get(status, 0) + 1
        return counts


@dataclass(frozen=True, slots=True)
class FoldStep(Generic[State]):
    """What one record did to the fold: the state it touched and a state it replaced, if any."""

    state: State | None
    document: DocumentRecord | None
    replaced: State | None = None


class Fold(Generic[State]):
    """Streams records into document states made by `new_state(sha256, document record)`.
    `keep(sha256)` limits which documents are tracked.

    Memory: the states still tracked, and the document records of the current run. `release` drops
    a state once nothing later refers to it (the audit commands know where that is from a scan).
    """

    def __init__(
        self, path: Path | str, new_state: Callable[[str, DocumentRecord], State],
        keep: Callable[[str], bool] | None = None,
    ) -> None:
        self.path = path
        self.new_state = new_state
        self.keep = keep
        self.run: RunRecord | None = None
        self.states: dict[str, State] = {}
        self._documents: dict[int, DocumentRecord] = {}
        self._run_ids: set[str] = set()

    def feed(self, record: Record, offset: int = 0) -> FoldStep[State]:
        """Fold in one record (its line starting at byte `offset` of the log)."""
        if isinstance(record, EditRecord | DecisionRecord):
            document = self.document_of(record.run_id, record.doc, record.line)
            state = self.states.get(document.sha256)
            if state is None:
                return FoldStep(None, document)
            if isinstance(record, EditRecord):
                state.propose(record, offset)
            elif not state.decide(record, offset):
                raise LogError(
                    f"{self.path}:{record.line}: decision on edit {record.edit_id}, which has no edit record"
                )
            return FoldStep(state, document)
        if isinstance(record, RunRecord):
            if record.run_id in self._run_ids:
                raise LogError(f"{self.path}:{record.line}: run {record.run_id} appears twice")
            self._run_ids.add(record.run_id)
            self.run = record
            self._documents = {}
            return FoldStep(None, None)
        run = self._current_run(record.run_id, record.line)
        if isinstance(record, EndRecord):
            self.run = None
            self._documents = {}
            return FoldStep(None, None)
        if isinstance(record, DocumentRecord):
            return self._document(run, record)
        document = self.document_of(record.run_id, record.doc, record.line)
        return FoldStep(self.states.get(document.sha256), document)

    def document_of(self, run_id: str, doc: int, line: int) -> DocumentRecord:
        """The document record a line of run `run_id` refers to as `doc` (checks it is declared); for a
        document not tracked (or released) only its line, number, hash and length are kept."""
        self._current_run(run_id, line)
        document = self._documents.get(doc)
        if document is None:
            raise LogError(f"{self.path}:{line}: refers to document {doc}, not declared in its run")
        return document

    def release(self, sha256: str, doc: int | None = None) -> None:
        """Forget a document's state (nothing later in the log refers to it), and the details of its
        record `doc` in the current run."""
        self.states.pop(sha256, None)
        document = self._documents.get(doc) if doc is not None else None
        if document is not None and document.sha256 == sha256:
            self._documents[document.doc] = _stub(document)

    def _current_run(self, run_id: str, line: int) -> RunRecord:
        run = self.run
        if run is None or run_id != run.run_id:
            current = "no run header" if run is None else f"the header of run {run.run_id}"
            raise LogError(f"{self.path}:{line}: record of run {run_id} follows {current}")
        return run

    def _document(self, run: RunRecord, record: DocumentRecord) -> FoldStep[State]:
        if record.doc in self._documents:
            raise LogError(f"{self.path}:{record.line}: document {record.doc} declared twice in its run")
        if self.keep is not None and not self.keep(record.sha256):
            self._documents[record.doc] = _stub(record)
            return FoldStep(None, record)
        self._documents[record.doc] = record
        replaced = None
        state = self.states.get(record.sha256)
        if state is not None and run.mode == "batch" and state.document.run_id != run.run_id:
            replaced = self.states.pop(record.sha256)
            state = None
        if state is None:
            state = self.states[record.sha256] = self.new_state(record.sha256, record)
        else:
            state.document = record
        return FoldStep(state, record, replaced)


def _stub(record: DocumentRecord) -> DocumentRecord:
    """What a run needs to remember of a document it no longer tracks: where it was declared, its
    number and its content hash (so a long batch run costs little memory per document)."""
    return DocumentRecord(record.line, "", record.doc, "", record.sha256, "", "", record.chars)


def document_state(log: Path, *, sha256: str | None = None, path: str | Path | None = None) -> DocumentState | None:
    """The current state of one document in a log, by input SHA-256 or by the path it was logged under.

    With a path only, the content logged last under that path is meant (resolved against each run's
    working directory, so `a.txt` and `/abs/a.txt` name the same file). None when the log has no such
    document.
    """
    if sha256 is None and path is None:
        raise ValueError("give the document's sha256 or its path")
    if sha256 is None:
        sha256 = _latest_sha_for_path(log, Path(path))  # type: ignore[arg-type]
        if sha256 is None:
            return None
    target = sha256
    fold = Fold(log, DocumentState, keep=lambda candidate: candidate == target)
    for entry in read_lines(log):
        fold.feed(entry.record)
    return fold.states.get(target)


def current_decisions(
    log: Path, *, sha256: str | None = None, path: str | Path | None = None
) -> dict[str, DecisionRecord]:
    """The last decision per edit id for one document (the fold that undo and resume rest on)."""
    state = document_state(log, sha256=sha256, path=path)
    return {} if state is None else dict(state.decisions)


def _latest_sha_for_path(log: Path, path: Path) -> str | None:
    wanted = os.path.abspath(path)
    found = None
    cwd: str | None = None
    for entry in read_lines(log):
        record = entry.record
        if isinstance(record, RunRecord):
            cwd = record.cwd
        elif isinstance(record, DocumentRecord) and (
            record.path == str(path) or os.path.abspath(os.path.join(cwd or ".", record.path)) == wanted
        ):
            found = record.sha256
    return found
