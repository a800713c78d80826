"""Opening a review and keeping its work: the input, its proposals, the log, the output.

The I/O edge of `cleaner review`. Decisions go to the correction log as they are made (on a
background thread, so a keypress never waits for the disk); `save` writes the output atomically
and closes the log run with a result record. Reopening the same input with the same log
resumes: the last decision per edit wins.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.config import Config
from cleaner.document import Document, decode, sha256_hex
from cleaner.edit import Edit, overlaps
from cleaner.errors import CleanerError, ConfigError, InputError, LogError, OutputError
from cleaner.log import LogWriter
from cleaner.outputs import file_sha256, same_file, write_atomic
from cleaner.review import (
    STATUS_ORDER,
    Decision,
    LoggedDocument,
    ReviewSession,
    Status,
    Step,
    build_proposals,
    read_log,
)

BACKUP_SUFFIX = ".orig"


def default_output(source: Path) -> Path:
    """`NAME.clean.txt` beside the input."""
    stem = source.stem if source.suffix else source.name
    return source.with_name(f"{stem}.clean{source.suffix or '.txt'}")


def default_log(output: Path) -> Path:
    """`NAME.clean.log.jsonl` beside the output."""
    return output.with_name(f"{output.stem}.log.jsonl")


def read_source(path: Path) -> tuple[bytes, Document]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    return data, decode(data, str(path))


def read_log_file(path: Path) -> list[LoggedDocument]:
    try:
        with path.open(encoding="utf-8") as stream:
            return read_log(stream, str(path))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        raise LogError(f"{path}: cannot read log ({error})") from None


class Recorder:
    """Appends one review run to the log: created on the first decision, written off the UI thread."""

    def __init__(
        self,
        path: Path,
        document: Document,
        session: ReviewSession,
        reviewer: str,
        config: dict[str, Any],
        sources: dict[str, str],
        deciders: dict[str, str],
        inherited: list[Decision],
    ) -> None:
        self.path = path
        self._document = document
        self._session = session
        self._reviewer = reviewer
        self._config = config
        self._sources = sources
        self._deciders = deciders  # who made the decisions inherited from earlier runs
        self._inherited = inherited  # the decisions the review opened with, by proposal index
        self._opened = False  # set by the writer thread once the log is open
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cleaner-log")
        self._writer: LogWriter | None = None
        self._doc = 0
        self._recorded: dict[str, Decision] = {}  # what this run has written, on the UI thread
        self._started = False
        self._closed = False
        self._lock = threading.Lock()
        self._failure: CleanerError | None = None

    @property
    def failure(self) -> CleanerError | None:
        """The first error the background writer met (the disk filled up, the folder vanished)."""
        with self._lock:
            return self._failure

    def record(self, step: Step) -> None:
        """Write the decisions a step (or its undo) made."""
        self._start()
        for change in step.changes:
            proposal = self._session.proposals[change.index]
            if self._recorded.get(proposal.id) == change.new:
                continue  # written already (a reopened log gets every decision at once)
            self._recorded[proposal.id] = change.new
            self._submit(self._write_decision, proposal.id, change.new, self._reviewer)

    def finish(self, output: str, output_sha256: str) -> None:
        """Complete the run (every proposal's decision) and add a result record; waits for the disk."""
        self._start()
        for proposal, decision in self._session.decisions():
            if self._recorded.get(proposal.id) != decision:
                self._recorded[proposal.id] = decision
                by = self._deciders.get(proposal.id, self._reviewer)
                self._submit(self._write_decision, proposal.id, decision, by)
        counts = {status.value: self._session.counts[status] for status in STATUS_ORDER}
        self._submit(self._write_result, output, output_sha256, counts).result()
        if self.failure is not None:
            raise self.failure

    def flush(self) -> None:
        """Wait until everything submitted so far has been written (or skipped after a failure)."""
        self._submit(_nothing).result()

    def close(self) -> None:
        """Wait for pending writes and close the log (a second call does nothing)."""
        if self._closed:
            return
        self._closed = True
        if self._started:
            self._submit(self._close_writer)
        self._executor.shutdown(wait=True)

    def _start(self) -> None:
        """Open the run on the writer thread; again if the log could not be opened last time."""
        if self._started and self._could_not_open():
            self._retry()
            return
        if not self._started:
            self._started = True
            self._submit(self._open_writer, [p.edit for p in self._session.proposals])

    def _could_not_open(self) -> bool:
        with self._lock:
            return self._failure is not None and not self._opened

    def _retry(self) -> None:
        """Open the log again (another program held it) and write every decision taken so far."""
        self.flush()  # what was queued behind the failed opening is skipped by now
        with self._lock:
            self._failure = None
        self._recorded.clear()
        self._submit(self._open_writer, [p.edit for p in self._session.proposals])
        for index, (proposal, decision) in enumerate(self._session.decisions()):
            if decision != self._inherited[index]:
                self._recorded[proposal.id] = decision
                self._submit(self._write_decision, proposal.id, decision, self._reviewer)

    def _submit(self, function: Callable[..., None], *arguments: Any) -> Future[None]:
        return self._executor.submit(self._guarded, function, *arguments)

    def _guarded(self, function: Callable[..., None], *arguments: Any) -> None:
        if self.failure is not None:
            return
        try:
            function(*arguments)
        except CleanerError as error:
            self._fail(error)
        except OSError as error:
            self._fail(OutputError(f"{self.path}: cannot write log ({error.strerror})"))

    def _fail(self, error: CleanerError) -> None:
        with self._lock:
            self._failure = error

    # The methods below run on the writer thread only.

    def _open_writer(self, edits: list[Edit]) -> None:
        self._writer = LogWriter(
            self.path, mode="review", agent=self._reviewer, config=self._config, sources=self._sources,
        )
        self._doc = self._writer.document(self._document)
        self._writer.edits(self._doc, self._document.text, edits)
        with self._lock:
            self._opened = True

    def _write_decision(self, edit_id: str, decision: Decision, by: str) -> None:
        assert self._writer is not None
        self._writer.decision(self._doc, edit_id, decision.status.value, by, decision.text)

    def _write_result(self, output: str, output_sha256: str, counts: dict[str, int]) -> None:
        assert self._writer is not None
        self._writer.result(self._doc, output, output_sha256, counts)

    def _close_writer(self) -> None:
        if self._writer is not None:
            self._writer.close()


def _nothing() -> None:
    pass


@dataclass
class SaveReport:
    path: Path
    changes: int
    backup: Path | None = None


@dataclass
class Workspace:
    """One document under review: its session and where its output and log go."""

    document: Document
    data: bytes
    session: ReviewSession
    output: Path
    log: Path
    reviewer: str
    in_place: bool = False
    config: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    deciders: dict[str, str] = field(default_factory=dict)
    resumed: int = 0  # decisions taken over from the log
    _recorder: Recorder | None = None
    _saved: list[Decision] = field(default_factory=list)
    _saved_revision: int = 0
    _opened_with: tuple[Decision, ...] = ()

    def __post_init__(self) -> None:
        self._saved = self._snapshot()
        self._opened_with = tuple(self._saved)

    @property
    def name(self) -> str:
        return Path(self.document.path).name

    @property
    def recorder(self) -> Recorder:
        if self._recorder is None:
            self._recorder = Recorder(
                self.log, self.document, self.session, self.reviewer, self.config, self.sources, self.deciders,
                list(self._opened_with),
            )
        return self._recorder

    def record(self, step: Step | None) -> None:
        """Autosave: append a step's decisions to the log."""
        if step is not None:
            self.recorder.record(step)

    @property
    def log_failure(self) -> CleanerError | None:
        return None if self._recorder is None else self._recorder.failure

    def is_unsaved_hint(self) -> bool:
        """Cheap: whether anything was decided (or undone) since the last save."""
        return self.session.revision != self._saved_revision

    def is_unsaved(self) -> bool:
        """Whether the decisions differ from those the output was last written with (or opened with)."""
        return self._snapshot() != self._saved

    def save(self) -> SaveReport:
        """Write the output atomically and record the result in the log."""
        text = self.session.output_text()
        data = text.encode("utf-8")
        source = Path(self.document.path)
        backup = None
        if self.in_place:
            backup = source.with_name(source.name + BACKUP_SUFFIX)
            self._keep_backup(backup)
            target = source
        else:
            if same_file(source, self.output):
                raise OutputError(f"{source}: output would overwrite the input (use --in-place)")
            target = self.output
        write_atomic(target, data)
        self.recorder.finish(str(target), sha256_hex(data))
        self._saved = self._snapshot()
        self._saved_revision = self.session.revision
        return SaveReport(target, len(self.session.output_edits()), backup)

    def _keep_backup(self, backup: Path) -> None:
        if backup.exists():
            try:
                if backup.read_bytes() == self.data:
                    return
            except OSError as error:
                raise OutputError(f"{backup}: cannot read backup ({error.strerror})") from None
            raise OutputError(f"{backup}: a different backup already exists; not overwriting it")
        write_atomic(backup, self.data)

    def close(self) -> None:
        if self._recorder is not None:
            self._recorder.close()

    def _snapshot(self) -> list[Decision]:
        return [decision for _, decision in self.session.decisions()]


def open_file(
    source: Path,
    *,
    config: Config,
    reviewer: str,
    output: Path | None = None,
    log: Path | None = None,
    in_place: bool = False,
) -> Workspace:
    """Review a file: the pipeline's proposals, with the decisions the log already holds for it.

    Without -o, the output goes where the log last wrote this input's output (a batch's output
    folder), else beside the input.
    """
    from cleaner.pipeline import Pipeline

    data, document = read_source(source)
    logged = None if log is None else _find(read_log_file(log), document.sha256)
    if in_place:
        output = source
    elif output is None:
        output = _recorded_output(source, logged) or default_output(source)
    if not in_place and same_file(source, output):
        raise OutputError(f"{source}: output would overwrite the input (use --in-place)")
    if log is None:
        log = default_log(default_output(source) if in_place else output)
        logged = _find(read_log_file(log), document.sha256)
    pipeline = Pipeline(config)
    result = pipeline.run(document.text)
    edits = list(result.edits)
    if logged is not None:
        edits = merge_edits(document.text, edits, logged.edits)
    return workspace_for(
        document, data, edits, logged, output=output, log=log, reviewer=reviewer, in_place=in_place,
        config=config.describe(), sources=pipeline.sources,
    )


def open_log(
    log: Path,
    *,
    reviewer: str,
    source: Path | None = None,
    output: Path | None = None,
    in_place: bool = False,
) -> Workspace:
    """Review a document a log names: its recorded proposals and decisions (a batch's pending ones)."""
    documents = log_documents(log)
    if source is not None:
        data, document = read_source(source)
        logged = _find(documents, document.sha256)
        if logged is None:
            raise LogError(f"{log}: has no record of {source} as it is now (sha256 {document.sha256[:12]}…)")
    else:
        logged = _choose(log, documents)
        source = Path(logged.path)
        data, document = read_source(source)
        if document.sha256 != logged.sha256:
            raise LogError(f"{source}: changed since {log} was written (sha256 differs)")
    if in_place:
        output = source
    elif output is None:
        output = _recorded_output(source, logged) or default_output(source)
    if not in_place and same_file(source, output):
        raise OutputError(f"{source}: output would overwrite the input (use --in-place)")
    return workspace_for(
        document, data, list(logged.edits), logged, output=output, log=log, reviewer=reviewer,
        in_place=in_place, config=dict(logged.config), sources=dict(logged.sources),
    )


def log_documents(log: Path) -> list[LoggedDocument]:
    """The documents a log holds (an error when it holds none)."""
    documents = read_log_file(log)
    if not documents:
        raise LogError(f"{log}: no documents in this log" if log.exists() else f"{log}: no such log")
    return documents


def needs_choice(documents: list[LoggedDocument]) -> bool:
    """Whether a person must choose which document to review: several, and not exactly one pending."""
    return len(documents) > 1 and sum(1 for document in documents if document.count(Status.PENDING)) != 1


def _recorded_output(source: Path, logged: LoggedDocument | None) -> Path | None:
    """Where the log says this input's output was last written, if the file there is still that
    output: a log from elsewhere cannot direct a save at any other file (never the input itself)."""
    if logged is None or logged.output in (None, "-") or logged.output_sha256 is None:
        return None
    recorded = Path(str(logged.output))
    if same_file(source, recorded) or file_sha256(recorded) != logged.output_sha256:
        return None
    return recorded


def _choose(log: Path, documents: list[LoggedDocument]) -> LoggedDocument:
    """The one document of a log to review: the only one, or the only one with pending proposals."""
    if len(documents) == 1:
        return documents[0]
    waiting = [document for document in documents if document.count(Status.PENDING)]
    if len(waiting) == 1:
        return waiting[0]
    if not waiting:
        raise ConfigError(
            f"{log}: nothing is pending in its {len(documents)} documents; name one: cleaner review FILE --log {log}"
        )
    names = ", ".join(document.path for document in waiting[:5]) + (" …" if len(waiting) > 5 else "")
    raise ConfigError(
        f"{log}: {len(waiting)} documents have pending proposals ({names}); name one: cleaner review FILE --log {log}"
    )


def _find(documents: list[LoggedDocument], sha256: str) -> LoggedDocument | None:
    return next((document for document in documents if document.sha256 == sha256), None)


def workspace_for(
    document: Document,
    data: bytes,
    edits: list[Edit],
    logged: LoggedDocument | None,
    **options: Any,
) -> Workspace:
    """A workspace over some Edits of a document, with the decisions a log holds for them."""
    proposals = build_proposals(document.text, edits)
    decisions: dict[str, Decision] = {}
    deciders: dict[str, str] = {}
    if logged is not None:
        for proposal in proposals:
            found = logged.decisions.get(proposal.id)
            if found is not None:
                decisions[proposal.id] = found.decision
                deciders[proposal.id] = found.by
    session = ReviewSession(document.text, proposals, decisions)
    resumed = sum(
        1 for proposal in proposals
        if proposal.id in decisions and decisions[proposal.id].status is not proposal.proposed
    )
    return Workspace(document, data, session, deciders=deciders, resumed=resumed, **options)


def merge_edits(text: str, fresh: Sequence[Edit], logged: Sequence[Edit]) -> list[Edit]:
    """The pipeline's edits plus logged ones it no longer proposes, when they still fit the text.

    Keeps a reviewer's earlier decisions after a dictionary changed; a logged edit that would
    overlap a fresh one is left out (the fresh proposal wins).
    """
    chosen = sorted(fresh, key=lambda edit: (edit.start, edit.end))
    known = {edit.id for edit in chosen}
    for edit in sorted(logged, key=lambda edit: (edit.start, edit.end)):
        if edit.id in known or text[edit.start:edit.end] != edit.before:
            continue
        starts = [other.start for other in chosen]
        position = bisect.bisect_left(starts, edit.start)
        if _collides(edit, chosen, position):
            continue
        chosen.insert(position, edit)
        known.add(edit.id)
    return chosen


def _collides(edit: Edit, chosen: list[Edit], position: int) -> bool:
    """Whether `edit`, inserted at `position` of the sorted disjoint `chosen`, overlaps any of them."""
    if position and overlaps(edit.start, edit.end, chosen[position - 1].start, chosen[position - 1].end):
        return True
    for other in chosen[position:]:
        if other.start > edit.end:
            return False
        if overlaps(edit.start, edit.end, other.start, other.end):
            return True
    return False
