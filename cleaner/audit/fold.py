"""The second pass over a log: every line, the state of its document at each result, and each state
once nothing later in the log refers to it (so it can be dropped from memory). States are ledgers
(cleaner.audit.ledger): what a command needs of each edit, the rest read again from the log."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cleaner.audit.ledger import Ledger
from cleaner.audit.scan import LogIndex, output_key
from cleaner.errors import LogError
from cleaner.logread import (
    DocumentRecord,
    Fold,
    LineReader,
    LogLine,
    ResultRecord,
    RunRecord,
    read_lines,
)


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A result line with the state of its document as of that line (valid during the event only).

    `latest_for_output`: no later result in the log writes the same output file.
    """

    run: RunRecord
    document: DocumentRecord
    result: ResultRecord
    state: Ledger
    latest_for_output: bool


@dataclass(frozen=True, slots=True)
class Closed:
    """A document state nothing later refers to. `last`: no later state for the same content."""

    state: Ledger
    last: bool


Event = LogLine | Checkpoint | Closed


def events(index: LogIndex) -> Iterator[Event]:
    """Stream the log as scanned by `scan` (up to its size then: lines appended since are ignored)."""
    reader = LineReader(index.path)
    try:
        yield from _events(index, reader)
    finally:
        reader.close()


def _events(index: LogIndex, reader: LineReader) -> Iterator[Event]:
    fold = Fold(index.path, lambda sha256, document: Ledger(sha256, document, reader))
    for entry in read_lines(index.path, index.size):
        yield entry
        record = entry.record
        step = fold.feed(record, entry.offset)
        if step.replaced is not None:
            yield Closed(step.replaced, last=False)
        state = step.state
        if state is None:
            if step.document is not None:  # released: the scan saw no later reference to it
                raise LogError(f"{index.path}:{record.line}: refers to a document the first reading of the log "
                               "saw no more of (the log changed while it was being read)")
            continue
        if isinstance(record, ResultRecord) and fold.run is not None and step.document is not None:
            key = output_key(record.output, fold.run.cwd)
            latest = key is not None and index.last_result_for_output.get(key) == record.line
            yield Checkpoint(fold.run, step.document, record, state, latest)
        if index.last_reference.get(state.sha256) == record.line and fold.states.get(state.sha256) is state:
            fold.release(state.sha256, getattr(record, "doc", None))
            yield Closed(state, last=True)
    for state in list(fold.states.values()):
        yield Closed(state, last=True)
