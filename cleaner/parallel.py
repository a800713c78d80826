"""An ordered, bounded process pool: results come back in input order, memory stays bounded.

Tasks are handed out in groups (many small files make one group), at most a few groups per worker
are in flight, and never more than a budget of input bytes, so a slow huge file at the head of the
queue cannot make the parent hold every later result.
"""

from __future__ import annotations

import gc
import itertools
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

Task = TypeVar("Task")
Output = TypeVar("Output")

GROUP_BYTES = 256 << 10
GROUP_TASKS = 64
GROUPS_PER_WORKER = 4
IN_FLIGHT_BYTES = 256 << 20
STOP_SECONDS = 10  # how long a stopped worker may take to clean up before it is killed


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def group(tasks: Iterable[Task], weigh: Callable[[Task], int], limit_bytes: int = GROUP_BYTES,
          limit_tasks: int = GROUP_TASKS) -> Iterator[list[Task]]:
    """Consecutive runs of tasks, each up to `limit_bytes` (a bigger task stands alone)."""
    current: list[Task] = []
    weight = 0
    for task in tasks:
        cost = weigh(task)
        if current and (weight + cost > limit_bytes or len(current) >= limit_tasks):
            yield current
            current, weight = [], 0
        current.append(task)
        weight += cost
    if current:
        yield current


def ordered_map(
    work: Callable[[list[Task]], list[Output]],
    tasks: Iterable[Task],
    *,
    jobs: int,
    weigh: Callable[[Task], int],
    initializer: Callable[..., None],
    initargs: tuple[Any, ...] = (),
    before_fork: Callable[[], None] | None = None,
) -> Iterator[Output]:
    """`work` over groups of `tasks` in `jobs` worker processes; outputs in task order.

    `initializer(*initargs)` runs in this process first, then in each worker (where it may find its
    work already done by a fork). `before_fork()` runs in this process only when workers are about
    to start (what it loads, forked workers share). The workers start before this returns (so a
    progress display's thread started afterwards does not stop them from being forked). With one
    job, or one group, everything runs in this process.
    Tasks are taken from `tasks` only as the window has room for them.
    """
    initializer(*initargs)  # here too: forked workers inherit what it built
    groups = group(tasks, weigh)
    first = list(itertools.islice(groups, 2))
    waiting = itertools.chain(first, groups)
    if jobs <= 1 or len(first) <= 1:
        return _in_process(work, waiting)
    frozen = False
    if before_fork is not None and _context().get_start_method() == "fork":
        before_fork()
        gc.freeze()  # what is loaded now stays out of the workers' collectors' sight: its pages stay shared
        frozen = True
    window: _Window[Task, Output] = _Window(work, weigh, jobs=jobs, initializer=initializer, initargs=initargs)
    window.fill(waiting)  # (forks every worker)
    if frozen:
        gc.unfreeze()  # this process goes on as before (a caller's own objects stay collectable)
    return window.drain(waiting)


def _in_process(work: Callable[[list[Task]], list[Output]], groups: Iterable[list[Task]]) -> Iterator[Output]:
    for part in groups:
        yield from work(part)


class _Window(Generic[Task, Output]):
    """Groups submitted to the pool and not yet handed back, oldest first."""

    def __init__(
        self,
        work: Callable[[list[Task]], list[Output]],
        weigh: Callable[[Task], int],
        *,
        jobs: int,
        initializer: Callable[..., None],
        initargs: tuple[Any, ...],
    ) -> None:
        from concurrent.futures import ProcessPoolExecutor  # only when there is a pool to run

        self.work = work
        self.weigh = weigh
        self.capacity = jobs * GROUPS_PER_WORKER
        self.executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=_context(),
            initializer=_ignore_interrupts_then, initargs=(initializer, initargs),
        )
        self.pending: deque[tuple[Future[list[Output]], int]] = deque()
        self.in_flight = 0

    def fill(self, waiting: Iterator[list[Task]]) -> None:
        """Submit groups while there is room (at least one is always in flight)."""
        while len(self.pending) < self.capacity and (not self.pending or self.in_flight < IN_FLIGHT_BYTES):
            part = next(waiting, None)
            if part is None:
                return
            cost = sum(self.weigh(task) for task in part)
            self.pending.append((self.executor.submit(_stoppable, self.work, part), cost))
            self.in_flight += cost

    def drain(self, waiting: Iterator[list[Task]]) -> Iterator[Output]:
        try:
            while self.pending:
                future, cost = self.pending[0]  # stays pending while waited for, so Ctrl-C stops its worker
                outputs = future.result()
                self.pending.popleft()
                self.in_flight -= cost
                self.fill(waiting)
                yield from outputs
        finally:
            if self.pending:  # stopped early (Ctrl-C, or the consumer gave up): stop the workers now
                self._terminate()
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _terminate(self) -> None:
        # Outputs are written atomically and a stopped worker removes its temporary file, so an
        # interruption leaves no half-written file behind.
        processes = list(getattr(self.executor, "_processes", {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:  # each removes the file it was writing, then ends
            process.join(timeout=STOP_SECONDS)
            if process.is_alive():
                process.kill()


def _context() -> Any:
    """fork where it is safe (one thread: workers inherit the loaded pipeline), else spawn."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _ignore_interrupts_then(initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    # Ctrl-C goes to the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_terminate)
    initializer(*initargs)


class _Stopped(BaseException):
    """Raised in a worker told to stop in the middle of its work, so that files being written are
    cleaned up (their `finally` and `with` blocks run) before the process ends."""


_working = False


def _on_terminate(signum: int, frame: object) -> None:
    if _working:
        raise _Stopped
    os._exit(128 + signum)


def _stoppable(work: Callable[[list[Task]], list[Output]], part: list[Task]) -> list[Output]:
    """`work(part)` in a worker; stopped by SIGTERM, it unwinds, then ends the process."""
    global _working
    _working = True
    try:
        return work(part)
    except _Stopped:
        os._exit(128 + signal.SIGTERM)
    finally:
        _working = False
