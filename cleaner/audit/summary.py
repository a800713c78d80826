"""`audit summary`: how many edits per pass, rule, status, document and reviewer, and the most
frequent changes; built in one streaming fold, bounded in memory by the number of distinct rules
and changes, not by the size of the log."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.audit.fold import Closed, events
from cleaner.audit.ledger import Ledger
from cleaner.audit.scan import scan
from cleaner.logread import APPLIED_STATUSES, STATUSES, DecisionRecord, LogLine, RunRecord

DEFAULT_TOP = 10


@dataclass(frozen=True, slots=True)
class DocumentCount:
    path: str
    sha256: str
    edits: int
    applied: int


@dataclass(frozen=True, slots=True)
class Change:
    before: str
    after: str
    count: int
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over one or more logs. Edits are counted once per document state, by final status."""

    logs: tuple[str, ...]
    lines: int
    runs: dict[str, int]
    documents: int
    edits: int
    decisions: int
    statuses: dict[str, int]
    passes: dict[str, dict[str, int]]
    rules: dict[str, dict[str, int]]
    reviewers: dict[str, dict[str, int]]
    top_documents: tuple[DocumentCount, ...]
    top_changes: tuple[Change, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "logs": list(self.logs), "lines": self.lines, "runs": self.runs, "documents": self.documents,
            "edits": self.edits, "decisions": self.decisions, "statuses": self.statuses,
            "passes": self.passes, "rules": self.rules, "reviewers": self.reviewers,
            "top_documents": [
                {"path": d.path, "sha256": d.sha256, "edits": d.edits, "applied": d.applied}
                for d in self.top_documents
            ],
            "top_changes": [
                {"before": c.before, "after": c.after, "count": c.count, "rules": list(c.rules)}
                for c in self.top_changes
            ],
        }


@dataclass(slots=True)
class _Tally:
    top: int
    lines: int = 0
    documents: int = 0
    edits: int = 0
    decisions: int = 0
    runs: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)
    passes: dict[str, Counter[str]] = field(default_factory=dict)
    rules: dict[str, Counter[str]] = field(default_factory=dict)
    reviewers: dict[str, Counter[str]] = field(default_factory=dict)
    changes: Counter[tuple[str, str]] = field(default_factory=Counter)
    change_rules: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    heap: list[tuple[int, int, DocumentCount]] = field(default_factory=list)

    def add_state(self, state: Ledger) -> None:
        self.documents += 1
        applied = 0
        for edit in state.entries():
            status = edit.status
            applied += status in APPLIED_STATUSES
            self.edits += 1
            self.statuses[status] += 1
            self.passes.setdefault(edit.pass_name, Counter())[status] += 1
            self.rules.setdefault(edit.rule_id, Counter())[status] += 1
            if edit.decided_by is not None:
                self.reviewers.setdefault(edit.decided_by, Counter())[status] += 1
            pair = (edit.before, edit.after)
            self.changes[pair] += 1
            self.change_rules.setdefault(pair, set()).add(edit.rule_id)
        if len(state):
            count = DocumentCount(state.document.path, state.sha256, len(state), applied)
            item = (count.edits, -self.documents, count)
            if len(self.heap) < self.top:
                heapq.heappush(self.heap, item)
            elif item[:2] > self.heap[0][:2]:
                heapq.heapreplace(self.heap, item)


def summarise(logs: list[Path], top: int = DEFAULT_TOP) -> Summary:
    """Summarise the logs (each streamed twice: scan, then fold)."""
    tally = _Tally(top)
    for log in logs:
        index = scan(log)
        for event in events(index):
            if isinstance(event, LogLine):
                tally.lines += 1
                record = event.record
                if isinstance(record, RunRecord):
                    tally.runs[record.mode] += 1
                elif isinstance(record, DecisionRecord):
                    tally.decisions += 1
            elif isinstance(event, Closed):
                tally.add_state(event.state)
    top_documents = tuple(item[2] for item in sorted(tally.heap, key=lambda item: item[:2], reverse=True))
    frequent = heapq.nsmallest(top, tally.changes.items(), key=lambda item: (-item[1], item[0]))
    top_changes = tuple(
        Change(before, after, count, tuple(sorted(tally.change_rules[(before, after)])))
        for (before, after), count in frequent
    )
    return Summary(
        tuple(str(log) for log in logs), tally.lines, dict(tally.runs), tally.documents, tally.edits,
        tally.decisions, _ordered_statuses(tally.statuses), _nested(tally.passes), _nested(tally.rules),
        _nested(tally.reviewers), top_documents, top_changes,
    )


def _ordered_statuses(counts: Counter[str]) -> dict[str, int]:
    return {status: counts[status] for status in STATUSES if counts[status]}


def _nested(table: dict[str, Counter[str]]) -> dict[str, dict[str, int]]:
    """Rows by total, largest first; each row's statuses in the canonical order."""
    rows = sorted(table.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return {name: _ordered_statuses(counts) for name, counts in rows}
