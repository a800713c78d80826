"""`audit show`: the edits of a log that pass a filter, each with its document and final decision."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cleaner.audit.fold import Closed, events
from cleaner.audit.ledger import Ledger
from cleaner.audit.paths import absolute
from cleaner.audit.scan import scan
from cleaner.audit.select import Filter
from cleaner.logread import DecisionRecord, EditRecord, LogLine, RunRecord


@dataclass(frozen=True, slots=True)
class Shown:
    """One edit as it stands: where, what, by which rule, and the last decision on it."""

    path: str
    sha256: str
    edit: EditRecord
    status: str
    final_text: str
    decision: DecisionRecord | None


def shown_edits(logs: list[Path], chosen: Filter) -> Iterator[Shown]:
    """The chosen edits of every document state, document by document, in text order."""
    for log in logs:
        cwd: str | None = None
        for event in events(scan(log)):
            if isinstance(event, LogLine) and isinstance(event.record, RunRecord):
                cwd = event.record.cwd
            elif isinstance(event, Closed):
                yield from _state_edits(event.state, chosen, cwd)


def _state_edits(state: Ledger, chosen: Filter, cwd: str | None) -> Iterator[Shown]:
    document = state.document
    if not chosen.wants_file(document.path, absolute(document.path, cwd)):
        return
    for entry in state.in_text_order():
        if chosen.wants(entry, entry.status):
            yield Shown(document.path, state.sha256, state.edit_record(entry), entry.status, entry.final_text,
                        state.decision_record(entry))
