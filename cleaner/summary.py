"""Counting what a batch did, and saying it: one summary line for people, a JSON object for scripts."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from cleaner.worker import FileOutcome, Status


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a batch did; `seconds` is wall-clock time."""

    files: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    applied: int = 0
    pending: int = 0
    chars: int = 0
    bytes: int = 0
    seconds: float = 0.0
    jobs: int = 1

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds > 0 else 0.0

    @property
    def files_per_second(self) -> float:
        return self.files / self.seconds if self.seconds > 0 else 0.0

    def line(self, verb: str = "cleaned") -> str:
        """The one line printed at the end of a batch."""
        skipped = f", {self.skipped} already done" if self.skipped else ""
        return (
            f"{verb} {self.files} file(s): {self.changed} changed, {self.unchanged} unchanged, "
            f"{self.failed} failed{skipped}; {self.applied} edits applied, {self.pending} pending review; "
            f"{self.chars:,} characters in {self.seconds:.1f} s ({human_rate(self.chars_per_second)} chars/s, "
            f"{self.files_per_second:.1f} files/s, {self.jobs} job(s))"
        )

    def as_json(self) -> dict[str, Any]:
        record: dict[str, Any] = asdict(self)
        record["seconds"] = round(self.seconds, 3)
        record["chars_per_second"] = round(self.chars_per_second, 1)
        record["files_per_second"] = round(self.files_per_second, 2)
        return record


class Tally:
    """A running count, fed one outcome at a time in input order."""

    def __init__(self) -> None:
        self.counts = {status: 0 for status in Status}
        self.files = 0
        self.applied = 0
        self.pending = 0
        self.chars = 0
        self.bytes = 0

    def add(self, outcome: FileOutcome, size: int) -> None:
        self.files += 1
        self.counts[outcome.status] += 1
        self.applied += outcome.applied_count
        self.pending += outcome.pending_count
        self.chars += outcome.chars
        self.bytes += size

    def fail(self, outcome: FileOutcome) -> None:
        """A file that had been counted as done failed afterwards (e.g. writing its log entry)."""
        self.counts[outcome.status] -= 1
        self.counts[Status.FAILED] += 1

    def summary(self, seconds: float, jobs: int) -> BatchSummary:
        return BatchSummary(
            files=self.files, changed=self.counts[Status.CHANGED], unchanged=self.counts[Status.UNCHANGED],
            failed=self.counts[Status.FAILED], skipped=self.counts[Status.SKIPPED], applied=self.applied,
            pending=self.pending, chars=self.chars, bytes=self.bytes, seconds=seconds, jobs=jobs,
        )


def human_rate(value: float) -> str:
    """1234567 → '1.23 M'; small values stay plain."""
    for factor, unit in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if value >= factor:
            return f"{value / factor:.2f} {unit}"
    return f"{value:.0f}"
