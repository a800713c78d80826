"""`audit replay`: apply a log's decisions to a fresh copy of an input, found in the log by content."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cleaner.audit.ledger import Ledger
from cleaner.audit.rebuild import output_bytes, rebuild
from cleaner.document import Document, decode, sha256_hex
from cleaner.errors import InputError, LogError
from cleaner.log import LogWriter
from cleaner.logread import DocumentRecord, Fold, LineReader, ResultRecord, read_lines


@dataclass(frozen=True, slots=True)
class Replayed:
    """The rebuilt output, the state it came from, and the last logged result of that state."""

    document: Document
    state: Ledger
    data: bytes
    last_result: ResultRecord | None

    @property
    def matches_last_result(self) -> bool:
        return self.last_result is not None and self.last_result.output_sha256 == sha256_hex(self.data)

    @property
    def applied(self) -> int:
        return self.state.applied_count()


def replay(log: Path, source: Path) -> Replayed:
    """Rebuild the output of `source` from the log's current state for its content."""
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except OSError as error:
        raise InputError(f"{source}: cannot read ({error.strerror})") from None
    document = decode(data, str(source))
    reader = LineReader(log)  # a replay reads no record twice: never opened
    fold = Fold(log, lambda sha256, record: Ledger(sha256, record, reader), keep=lambda sha: sha == document.sha256)
    last_result: ResultRecord | None = None
    namesake: DocumentRecord | None = None
    for entry in read_lines(log):
        record = entry.record
        step = fold.feed(record, entry.offset)
        if isinstance(record, DocumentRecord) and os.path.basename(record.path) == source.name:
            namesake = record
        if isinstance(record, ResultRecord) and step.state is not None:
            last_result = record
        if step.replaced is not None:
            last_result = None
    state = fold.states.get(document.sha256)
    if state is None:
        hint = ""
        if namesake is not None:
            hint = (f"; it logged {namesake.path} (line {namesake.line}) with sha256 {namesake.sha256}, "
                    "so the input differs from the one that was cleaned")
        raise LogError(f"{source}: {log} has no document with this content (sha256 {document.sha256}){hint}")
    text = rebuild(state, document.text)
    return Replayed(document, state, output_bytes(text), last_result)


def record_replay(log: Path, replayed: Replayed, output: Path, agent: str) -> str:
    """Append a `replay` run naming the input and the output written; returns its run id."""
    with LogWriter(
        log, mode="replay", agent=agent, config={"replay": True}, sources={},
        parent_run=None if replayed.last_result is None else replayed.last_result.run_id,
    ) as writer:
        document = replayed.document
        doc = writer.document(Document(
            document.text, document.sha256, document.encoding, document.newline, os.path.abspath(document.path),
        ))
        writer.result(doc, os.path.abspath(output), sha256_hex(replayed.data), replayed.state.counts())
        return writer.run_id
