"""Cleaning one file: read it (whole, or streamed when large), run the pipeline, write the output.

This is what runs inside a worker process. It returns a small `FileOutcome` (the Edits and hashes,
never the text), so the parent can write the correction log in input order.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from cleaner.config import Config
from cleaner.document import Document, decode
from cleaner.edit import Edit, apply
from cleaner.errors import CleanerError, EditMismatchError, InputError, OutputError
from cleaner.inputs import Job
from cleaner.logspool import EditSpool
from cleaner.outputs import AtomicFile, Discard, Sink, StandardOutput, copy_atomic, file_sha256, write_atomic
from cleaner.pipeline import Pipeline, Result
from cleaner.streaming import CHUNK_CHARS, MARGIN_CHARS, DecodedFile, clean_chunks

# Files larger than this are cleaned in chunks with bounded memory instead of whole.
STREAM_BYTES = 16 << 20
# With a correction log, a worker hands back the decoded text of files up to this size, so the
# parent (which writes the log alone) need not read and decode them again.
HAND_BACK_BYTES = 1 << 20


class Mode(StrEnum):
    """What happens to a cleaned document."""

    WRITE = "write"  # to a file (-o, or the input itself with --in-place)
    STDOUT = "stdout"
    DIFF = "diff"
    CHECK = "check"


class Status(StrEnum):
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    FAILED = "failed"
    SKIPPED = "skipped"  # already done by an earlier run (resume)


@dataclass(frozen=True, slots=True)
class WorkSettings:
    """How every file of a batch is handled (the same in every worker)."""

    mode: Mode
    in_place: bool = False
    backup_suffix: str = ".orig"
    stream_bytes: int = STREAM_BYTES
    chunk_chars: int = CHUNK_CHARS
    margin: int = MARGIN_CHARS
    logging: bool = False  # the parent writes a correction log, which needs every Edit and input
    hand_back_bytes: int = HAND_BACK_BYTES  # with a log, inputs up to this size come back decoded
    # With a log, a streamed file's Edits are spooled to a file whose path starts with this rather
    # than sent back whole (cleaner.logspool); None: they come back in the outcome (memory grows
    # with the file).
    spool_prefix: Path | None = None


@dataclass(frozen=True, slots=True)
class Done:
    """A document finished by an earlier run, from the log: input hash and output hash."""

    input_sha256: str
    output_sha256: str


@dataclass(frozen=True, slots=True)
class FileTask:
    """One file to clean, and where its output goes (None: standard output or nowhere)."""

    index: int
    job: Job
    target: Path | None
    size: int
    done: Done | None = None
    problem: str = ""  # found before cleaning (e.g. the output would overwrite an input)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the correction log records about an input, without its text."""

    path: str
    sha256: str
    encoding: str
    newline: str
    chars: int


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What cleaning one file did; `document` is kept only when the input cannot be read again."""

    index: int
    label: str
    status: Status
    error: str = ""
    info: DocumentInfo | None = None
    applied: tuple[Edit, ...] = ()
    pending: tuple[Edit, ...] = ()
    output: str | None = None
    output_sha256: str | None = None
    diff: str = ""
    streamed: bool = False
    document: Document | None = None
    counts: tuple[int, int] | None = None  # (applied, pending) when the Edits were not kept
    spool: Path | None = None  # a streamed file's Edits for the log (the receiver removes it)

    @property
    def chars(self) -> int:
        return self.info.chars if self.info is not None else 0

    @property
    def applied_count(self) -> int:
        return self.counts[0] if self.counts is not None else len(self.applied)

    @property
    def pending_count(self) -> int:
        return self.counts[1] if self.counts is not None else len(self.pending)


_state: tuple[Pipeline, WorkSettings] | None = None


def start_worker(config: Config, settings: WorkSettings) -> None:
    """Build the pipeline once per process (a forked worker inherits the parent's, already built)."""
    global _state
    if _state is not None and _state[0].config == config and _state[1] == settings:
        return
    pipeline = Pipeline(config)
    pipeline.passes  # noqa: B018 - load the dictionaries now, not in the first file
    _state = (pipeline, settings)


def share_tables() -> None:
    """Before workers are forked: load every table the passes load lazily (the detector's lexicon
    is 70 MB as a dict), so that the forked workers share it instead of each building its own."""
    assert _state is not None, "start_worker() first"
    _state[0].load_all()


def clean_files(tasks: list[FileTask]) -> list[FileOutcome]:
    """The work of one worker call: a group of files, cleaned in order."""
    assert _state is not None, "start_worker() first"
    pipeline, settings = _state
    return [clean_file(task, pipeline, settings) for task in tasks]


def backup_path(source: Path, suffix: str) -> Path:
    return source.with_name(source.name + suffix)


def clean_file(task: FileTask, pipeline: Pipeline, settings: WorkSettings) -> FileOutcome:
    """Clean one file; a failure becomes a FAILED outcome with a one-line message, never an exception."""
    job = task.job
    if task.problem:
        return FileOutcome(task.index, job.label, Status.FAILED, error=task.problem)
    try:
        if task.done is not None and is_done(task, settings):
            return FileOutcome(task.index, job.label, Status.SKIPPED)
        if job.source is not None and settings.mode is not Mode.DIFF and task.size > settings.stream_bytes:
            return _clean_streamed(task, job.source, pipeline, settings)
        return _clean_whole(task, pipeline, settings)
    except EditMismatchError as error:  # (an Edit that does not fit the text: a bug, on this file)
        return FileOutcome(task.index, job.label, Status.FAILED, error=f"{job.label}: {error}")
    except CleanerError as error:  # (they name the file: the input, the output or a dictionary)
        return FileOutcome(task.index, job.label, Status.FAILED, error=str(error))
    except Exception as error:  # a bug on one odd file must not stop an overnight batch
        return FileOutcome(
            task.index, job.label, Status.FAILED,
            error=f"{job.label}: internal error ({type(error).__name__}: {error})",
        )


def is_done(task: FileTask, settings: WorkSettings) -> bool:
    """Whether an earlier run already produced this file's output from this very input."""
    assert task.done is not None and task.job.source is not None
    source = task.job.source
    if settings.in_place:
        backup = backup_path(source, settings.backup_suffix)
        return (
            file_sha256(source) == task.done.output_sha256
            and file_sha256(backup) == task.done.input_sha256
        )
    return (
        task.target is not None
        and file_sha256(source) == task.done.input_sha256
        and file_sha256(task.target) == task.done.output_sha256
    )


def read_document(job: Job) -> Document:
    """Read and decode one whole input; standard input is read whole."""
    if job.source is None:
        return decode(sys.stdin.buffer.read(), "-")
    try:
        data = job.source.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{job.source}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{job.source}: is a directory") from None
    except OSError as error:
        raise InputError(f"{job.source}: cannot read ({error.strerror})") from None
    return decode(data, str(job.source))


def _info(document: Document) -> DocumentInfo:
    return DocumentInfo(document.path, document.sha256, document.encoding, document.newline, document.chars)


def _clean_whole(task: FileTask, pipeline: Pipeline, settings: WorkSettings) -> FileOutcome:
    job = task.job
    document = read_document(job)
    result = pipeline.run(document.text)
    outcome = FileOutcome(
        task.index, job.label, Status.CHANGED if result.changed else Status.UNCHANGED,
        info=_info(document),
        # Edits go back to the parent only for the log: sending them costs more than counting
        applied=result.applied if settings.logging else (),
        pending=result.pending if settings.logging else (),
        counts=None if settings.logging else (len(result.applied), len(result.pending)),
        document=document if _hand_back(task, settings) else None,
    )
    if settings.mode is Mode.DIFF:
        from cleaner.cli import unified_diff

        return replace(outcome, diff=unified_diff(document.text, result.text, job.relative.as_posix()))
    if settings.mode is Mode.CHECK:
        return outcome
    data = result.text.encode("utf-8")
    if settings.mode is Mode.STDOUT:
        sink = StandardOutput()
        sink.write(data)
        return replace(outcome, output="-", output_sha256=sink.commit())
    target = _prepare_target(task, settings)
    return replace(outcome, output=str(target), output_sha256=write_atomic(target, data))


def _hand_back(task: FileTask, settings: WorkSettings) -> bool:
    """Whether the outcome keeps the decoded input: standard input cannot be read twice, and a
    small file is cheaper to hand back than for the parent to read and decode again."""
    return task.job.source is None or (settings.logging and task.size <= settings.hand_back_bytes)


def _prepare_target(task: FileTask, settings: WorkSettings) -> Path:
    """The file to write; with --in-place, back the input up first (refusing to lose a backup)."""
    if not settings.in_place:
        assert task.target is not None
        return task.target
    source = task.job.source
    assert source is not None
    backup = backup_path(source, settings.backup_suffix)
    if backup.exists():
        # An identical backup is what an interrupted run left behind: keeping it loses nothing.
        if file_sha256(backup) != file_sha256(source):
            raise OutputError(f"{source}: backup {backup} already exists; not overwriting it")
    else:
        copy_atomic(source, backup)
    return source


def _clean_streamed(task: FileTask, source: Path, pipeline: Pipeline, settings: WorkSettings) -> FileOutcome:
    job = task.job
    decoded = DecodedFile(source, job.label)
    sink: Sink
    output: str | None = None
    if settings.mode is Mode.CHECK:
        sink = Discard()
    elif settings.mode is Mode.STDOUT:
        sink, output = StandardOutput(), "-"
    else:
        target = _prepare_target(task, settings)
        sink, output = AtomicFile(target), str(target)
    applied: list[Edit] = []
    pending: list[Edit] = []
    applied_count = pending_count = 0
    changed = False
    # Without a log the Edits are only counted: a huge file's Edits would outgrow the file.
    keep = settings.logging and settings.spool_prefix is None
    spool = EditSpool(settings.spool_prefix) if settings.logging and settings.spool_prefix else None
    try:
        for piece in clean_chunks(
            decoded.pieces(), pipeline.run, chunk_chars=settings.chunk_chars, margin=settings.margin
        ):
            sink.write(piece.text.encode("utf-8"))
            applied_count += len(piece.applied)
            pending_count += len(piece.pending)
            if spool is not None:
                spool.add(piece)
            elif keep:
                applied.extend(piece.applied)
                pending.extend(piece.pending)
            changed = changed or piece.text != piece.original
        spooled = spool.close() if spool is not None else None
        digest = sink.commit()
    except BaseException:
        sink.abort()
        if spool is not None:
            spool.discard()
        raise
    info = decoded.info
    return FileOutcome(
        task.index, job.label, Status.CHANGED if changed else Status.UNCHANGED,
        info=DocumentInfo(job.label, info.sha256, info.encoding, info.newline, info.chars),
        applied=tuple(applied), pending=tuple(pending),
        output=output, output_sha256=None if output is None else digest, streamed=True,
        counts=None if keep else (applied_count, pending_count), spool=spooled,
    )


def load_for_log(task: FileTask, outcome: FileOutcome, settings: WorkSettings) -> tuple[Document, Result]:
    """The document and result the correction log needs: handed back by the worker, or read again
    (and checked against the hash the worker saw)."""
    assert outcome.info is not None
    if outcome.document is not None:
        document = outcome.document
    elif outcome.streamed:
        assert task.job.source is not None
        source = _log_source(task, settings)
        decoded = DecodedFile(source, task.job.label)
        text = decoded.read_all()
        info = decoded.info
        document = Document(text, info.sha256, info.encoding, info.newline, task.job.label)
    else:
        source = _log_source(task, settings)
        document = read_document(Job(source, task.job.relative))
        document = Document(document.text, document.sha256, document.encoding, document.newline, task.job.label)
    if document.sha256 != outcome.info.sha256:
        raise InputError(f"{task.job.label}: changed while it was being cleaned; not logged")
    cleaned = apply(document.text, outcome.applied)
    return document, Result(document.text, cleaned, outcome.applied, outcome.pending)


def _log_source(task: FileTask, settings: WorkSettings) -> Path:
    """Where the input's original bytes are now: the backup, after --in-place."""
    assert task.job.source is not None
    if settings.in_place and settings.mode is Mode.WRITE:
        return backup_path(task.job.source, settings.backup_suffix)
    return task.job.source
