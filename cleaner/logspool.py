"""A streamed document's Edits, spooled to a temporary file for the correction log.

The log records every Edit with its line, column and the text around it. A file too large to hold
is cleaned piece by piece (cleaner.streaming); the worker works out those details as the pieces
come, keeping only a little text on each side, and writes one JSON line per Edit to a spool file.
The parent, which alone writes the log, then copies the spool in (`LogWriter.spooled_document`)
without ever holding the document or all of its Edits.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from cleaner.edit import Edit, Safety, fast_edit, sort_key

if TYPE_CHECKING:
    from cleaner.streaming import Piece

CONTEXT_CHARS = 10  # characters of text each side of an Edit in its log record


@dataclass(frozen=True, slots=True)
class SpooledEdit:
    """One Edit as the log records it: whether it was applied, and where it stands in the text."""

    applied: bool
    edit: Edit
    edit_id: str  # worked out by the worker, once
    line: int
    column: int
    context_before: str
    context_after: str


def spool_prefix(log: Path) -> Path:
    """Where the spools of a run writing `log` go: hidden files beside it, named after it."""
    return log.resolve().parent / f".{log.name}.spool-"


def remove_stale_spools(log: Path) -> None:
    """Remove the spools an interrupted run on `log` left behind. Only a run holding the log's lock
    may call this: every spool of `log` then belongs to a run that is over."""
    prefix = spool_prefix(log)
    for stale in prefix.parent.glob(f"{prefix.name}*.jsonl"):
        stale.unlink(missing_ok=True)


class EditSpool:
    """Writes the Edits of one streamed document, piece by piece, to a spool file whose path starts
    with `prefix` (see spool_prefix)."""

    def __init__(self, prefix: Path) -> None:
        handle, name = tempfile.mkstemp(prefix=prefix.name, suffix=".jsonl", dir=prefix.parent)
        self.path = Path(name)
        self._stream: IO[bytes] = os.fdopen(handle, "wb")
        self._held: deque[Piece] = deque()  # pieces whose Edits still wait for the text after them
        self._following = 0  # characters of the held pieces after the first
        self._before = ""  # the CONTEXT_CHARS characters before the first held piece
        self._line = 1  # line number at the first held piece's start
        self._line_start = 0  # offset of the start of that line

    def add(self, piece: Piece) -> None:
        """Take the next piece (in text order); write the Edits whose context is now known."""
        self._held.append(piece)
        if len(self._held) > 1:
            self._following += len(piece.original)
        while len(self._held) > 1 and self._following >= CONTEXT_CHARS:
            self._write_first()

    def close(self) -> Path:
        """Write what is held and close the spool; returns its path (the caller removes it)."""
        while self._held:
            self._write_first()
        self._stream.close()
        return self.path

    def discard(self) -> None:
        """Close and remove the spool (the document failed)."""
        self._stream.close()
        self.path.unlink(missing_ok=True)

    def _write_first(self) -> None:
        piece = self._held.popleft()
        if self._held:
            self._following -= len(self._held[0].original)
        after = "".join(held.original for held in self._held)[:CONTEXT_CHARS]
        window = self._before + piece.original + after
        base = piece.start - len(self._before)  # the offset of window[0] in the whole text
        marked = [(True, edit) for edit in piece.applied] + [(False, edit) for edit in piece.pending]
        counted = piece.start  # newlines are counted up to here
        for applied, edit in sorted(marked, key=lambda item: sort_key(item[1])):
            local = edit.start - piece.start
            self._line += piece.original.count("\n", counted - piece.start, local)
            counted = edit.start
            newline = piece.original.rfind("\n", 0, local)
            line_start = self._line_start if newline < 0 else piece.start + newline + 1
            record = [
                applied, edit.id, edit.start, edit.end, edit.before, edit.after, edit.pass_name, edit.rule_id,
                edit.confidence, edit.reason, str(edit.safety), list(edit.alternatives), edit.evidence,
                self._line, edit.start - line_start + 1,
                window[max(0, edit.start - base - CONTEXT_CHARS):edit.start - base],
                window[edit.end - base:edit.end - base + CONTEXT_CHARS],
            ]
            self._stream.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        self._line += piece.original.count("\n", counted - piece.start)
        newline = piece.original.rfind("\n")
        if newline >= 0:
            self._line_start = piece.start + newline + 1
        self._before = (self._before + piece.original)[-CONTEXT_CHARS:]


def read_spool(path: Path) -> Iterator[SpooledEdit]:
    """The spooled Edits, in text order."""
    with path.open("rb") as stream:
        for line in stream:
            (applied, edit_id, start, end, before, after, pass_name, rule_id, confidence, reason, safety,
             alternatives, evidence, number, column, context_before, context_after) = json.loads(line)
            edit = fast_edit(start, end, before, after, pass_name, rule_id, confidence, reason,
                             Safety(safety), tuple(alternatives), evidence)
            yield SpooledEdit(applied, edit, edit_id, number, column, context_before, context_after)
