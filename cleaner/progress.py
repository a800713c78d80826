"""The progress bar of a batch: files/s, characters/s, ETA, and changed/unchanged/failed counts.

Drawn with rich on standard error, and only when standard error is a terminal; rich is imported
only then, so scripted runs start fast.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any

from cleaner.summary import Tally, human_rate
from cleaner.worker import Status


class ProgressDisplay:
    """A context manager; `update(tally)` after each file. Does nothing when disabled."""

    def __init__(self, *, enabled: bool, total_files: int, total_bytes: int) -> None:
        self.enabled = enabled
        self.total_files = total_files
        self.total_bytes = max(total_bytes, 1)
        self.started = time.monotonic()
        self._progress: Any = None
        self._task: Any = None

    @staticmethod
    def wanted(quiet: bool) -> bool:
        """Draw a bar unless asked to be quiet or standard error is not a terminal."""
        return not quiet and sys.stderr.isatty()

    def __enter__(self) -> ProgressDisplay:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            SpinnerColumn(),
            BarColumn(),
            TextColumn("{task.fields[files]}"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[stats]}"),
            console=Console(stderr=True),
            transient=True,
            refresh_per_second=4,
        )
        self._progress.start()
        self._task = self._progress.add_task(
            "cleaning", total=self.total_bytes, files=self._files(0), stats="",
        )
        return self

    def update(self, tally: Tally) -> None:
        if self._progress is None:
            return
        elapsed = max(time.monotonic() - self.started, 1e-6)
        counts = tally.counts
        stats = (
            f"{tally.files / elapsed:.1f} files/s · {human_rate(tally.chars / elapsed)} chars/s · "
            f"[green]{counts[Status.CHANGED]} changed[/] · {counts[Status.UNCHANGED]} unchanged · "
            f"[red]{counts[Status.FAILED]} failed[/]"
        )
        if counts[Status.SKIPPED]:
            stats += f" · {counts[Status.SKIPPED]} already done"
        self._progress.update(self._task, completed=tally.bytes, files=self._files(tally.files), stats=stats)

    def message(self, text: str) -> None:
        """A line on standard error, drawn above the bar while it is shown."""
        if self._progress is not None:
            self._progress.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            print(text, file=sys.stderr)

    def _files(self, done: int) -> str:
        return f"{done}/{self.total_files} files"

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
