"""One document's state for the audit commands, kept in columns: of each edit only what applying,
selecting and counting need (id, span, before, after, pass, rule, the last decision's status, text,
author and time, and where its lines are in the log). The rest of a record (reason, evidence,
context, place in the text, note) is read again from the log by offset when a command shows it.

A document of a million edits then costs about 120 bytes per edit, not the 2 KB of its records.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import compress, count, islice
from operator import eq, le

from cleaner.audit.idtable import IdTable
from cleaner.errors import LogError
from cleaner.logread import (
    APPLIED_STATUSES,
    STATUSES,
    DecisionRecord,
    DocumentRecord,
    EditRecord,
    LineReader,
)

_UNDECIDED = 255
_CODES = {status: code for code, status in enumerate(STATUSES)}
_APPLIED_CODES = frozenset(_CODES[status] for status in APPLIED_STATUSES)
_EDITED = _CODES["edited"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One edit as it stands: what it changes, who proposed it, and its last decision (if any).

    `line` is the log line of its edit record, `decision_line` that of its last decision.
    """

    id: str
    start: int
    end: int
    before: str
    after: str
    pass_name: str
    rule_id: str
    line: int
    status: str
    final_text: str
    decided_by: str | None
    decided_at: str | None
    decision_line: int | None


class Ledger:
    """The edits of one document (by content) and the last decision on each, as the log has them so far.

    Entries are listed in the order their ids were first proposed; a later record of the same id
    replaces the earlier one in place (its decision stays), as in `cleaner.logread.DocumentState`.
    """

    __slots__ = (
        "_afters", "_befores", "_decided_at", "_decided_by", "_decision_lines", "_decision_offsets",
        "_edited", "_ends", "_ids", "_lines", "_offsets", "_passes", "_rules", "_starts",
        "_statuses", "_strings", "document", "reader", "sha256",
    )

    def __init__(self, sha256: str, document: DocumentRecord, reader: LineReader) -> None:
        self.sha256 = sha256
        self.document = document
        self.reader = reader
        self._ids = IdTable()  # slot numbers by edit id
        self._starts = array("q")
        self._ends = array("q")
        self._befores: list[str] = []
        self._afters: list[str] = []
        self._passes: list[str] = []
        self._rules: list[str] = []
        self._lines = array("q")
        self._offsets = array("q")
        self._statuses = bytearray()
        self._edited: dict[int, str] = {}
        self._decided_by: list[str | None] = []
        self._decided_at: list[str | None] = []
        self._decision_lines = array("q")
        self._decision_offsets = array("q")
        # The same few changes, passes, rules, reviewers and batch times recur on every line: one
        # copy of each.
        self._strings: dict[str, str] = {}

    def _shared(self, text: str) -> str:
        return self._strings.setdefault(text, text)

    # --- the fold (cleaner.logread.FoldState) ------------------------------------------------------

    def propose(self, record: EditRecord, offset: int) -> None:
        shared = self._shared
        slot, new = self._ids.number(record.id)
        if new:
            self._starts.append(record.start)
            self._ends.append(record.end)
            self._befores.append(shared(record.before))
            self._afters.append(shared(record.after))
            self._passes.append(shared(record.pass_name))
            self._rules.append(shared(record.rule_id))
            self._lines.append(record.line)
            self._offsets.append(offset)
            self._statuses.append(_UNDECIDED)
            self._decided_by.append(None)
            self._decided_at.append(None)
            self._decision_lines.append(0)
            self._decision_offsets.append(0)
            return
        self._starts[slot] = record.start
        self._ends[slot] = record.end
        self._befores[slot] = shared(record.before)
        self._afters[slot] = shared(record.after)
        self._passes[slot] = shared(record.pass_name)
        self._rules[slot] = shared(record.rule_id)
        self._lines[slot] = record.line
        self._offsets[slot] = offset

    def decide(self, record: DecisionRecord, offset: int) -> bool:
        slot = self._ids.find(record.edit_id)
        if slot is None:
            return False
        code = _CODES[record.status]
        self._statuses[slot] = code
        if code == _EDITED and record.text is not None:
            self._edited[slot] = record.text
        else:
            self._edited.pop(slot, None)
        self._decided_by[slot] = self._shared(record.by)
        self._decided_at[slot] = self._shared(record.at)
        self._decision_lines[slot] = record.line
        self._decision_offsets[slot] = offset
        return True

    # --- reading it ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._ids)

    def entries(self) -> Iterator[Entry]:
        """Every edit, in the order first proposed."""
        return map(self._entry, range(len(self._ids)))

    def in_text_order(self) -> Iterator[Entry]:
        """Every edit by (start, end); edits at the same span in the order first proposed."""
        return map(self._entry, self._in_text_order(range(len(self._ids))))

    def applied(self, exclude: Callable[[Entry], bool] | None = None) -> Iterator[Entry]:
        """The edits the output contains (auto, accepted, edited) in text order, minus `exclude`d ones."""
        statuses = self._statuses
        chosen = (slot for slot in range(len(self._ids)) if statuses[slot] in _APPLIED_CODES)
        for slot in self._in_text_order(chosen):
            entry = self._entry(slot)
            if exclude is None or not exclude(entry):
                yield entry

    def applied_count(self) -> int:
        return sum(self._statuses.count(code) for code in _APPLIED_CODES)

    def counts(self) -> dict[str, int]:
        """Edits per current status (`pending` when undecided), statuses in order of first occurrence."""
        counts: dict[str, int] = {}
        for code in self._statuses:
            status = "pending" if code == _UNDECIDED else STATUSES[code]
            counts[status] = counts.get(status, 0) + 1
        return counts

    def edit_record(self, entry: Entry) -> EditRecord:
        """The whole edit record of an entry, read again from the log."""
        record = self.reader.record(self._offsets[self._slot(entry)], entry.line)
        if not isinstance(record, EditRecord) or record.id != entry.id:
            raise self._changed(entry.line)
        return record

    def decision_record(self, entry: Entry) -> DecisionRecord | None:
        """The last decision on an entry, read again from the log (None when it has none)."""
        if entry.decision_line is None:
            return None
        record = self.reader.record(self._decision_offsets[self._slot(entry)], entry.decision_line)
        if not isinstance(record, DecisionRecord) or record.edit_id != entry.id:
            raise self._changed(entry.decision_line)
        return record

    def _slot(self, entry: Entry) -> int:
        slot = self._ids.find(entry.id)
        if slot is None:
            raise KeyError(f"edit {entry.id} is not in this ledger")
        return slot

    def _changed(self, line: int) -> LogError:
        return LogError(f"{self.reader.path}:{line}: not the record read there before "
                        "(the log changed while it was being read)")

    def _in_text_order(self, slots: Iterable[int]) -> Iterable[int]:
        """`slots` (ascending) by (start, end), stable. A batch run logs a document's edits in text
        order already: then they are taken as they come, with no list of them, let alone sorted."""
        if self._proposed_in_text_order():
            return slots
        # Two stable sorts on one integer key each: no (start, end) tuple per edit.
        ordered = sorted(slots, key=self._ends.__getitem__)
        ordered.sort(key=self._starts.__getitem__)
        return ordered

    def _proposed_in_text_order(self) -> bool:
        starts, ends = self._starts, self._ends
        if not all(map(le, starts, islice(starts, 1, None))):
            return False
        ties = compress(count(), map(eq, starts, islice(starts, 1, None)))  # slots whose next starts there too
        return all(ends[slot] <= ends[slot + 1] for slot in ties)

    def _entry(self, slot: int) -> Entry:
        code = self._statuses[slot]
        decided = code != _UNDECIDED
        after = self._afters[slot]
        return Entry(
            self._ids.id(slot), self._starts[slot], self._ends[slot], self._befores[slot], after,
            self._passes[slot], self._rules[slot], self._lines[slot],
            STATUSES[code] if decided else "pending", self._edited.get(slot, after),
            self._decided_by[slot], self._decided_at[slot],
            self._decision_lines[slot] if decided else None,
        )
