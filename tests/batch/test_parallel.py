"""The ordered process pool: order kept, and an interruption stops the workers at once."""

from __future__ import annotations

import multiprocessing
import signal
import time
from pathlib import Path
from types import FrameType

import pytest

from cleaner import parallel
from cleaner.parallel import ordered_map


def double_slowly_at_the_end(numbers: list[int]) -> list[int]:
    if numbers[-1] == 99:
        time.sleep(60)
    return [number * 2 for number in numbers]


def nothing() -> None:
    pass


def weigh(number: int) -> int:
    return 1 << 20  # one task per group


def test_outputs_come_back_in_input_order() -> None:
    outputs = ordered_map(double_slowly_at_the_end, range(10), jobs=2, weigh=weigh, initializer=nothing)
    assert list(outputs) == [number * 2 for number in range(10)]


def interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def test_an_interruption_while_waiting_for_the_last_group_stops_its_worker() -> None:
    previous = signal.signal(signal.SIGALRM, interrupt)
    started = time.monotonic()
    try:
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        with pytest.raises(KeyboardInterrupt):
            list(ordered_map(double_slowly_at_the_end, [1, 99], jobs=2, weigh=weigh, initializer=nothing))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - started < 30  # not the 60 s the worker would have slept


def hold_a_file_for_a_minute(paths: list[str]) -> list[str]:
    held = Path(paths[-1])
    try:  # (a stop may come while the file is being created: on a busy machine, the moment it is)
        held.write_text("half-written", encoding="utf-8")
        time.sleep(60)
    finally:
        held.unlink(missing_ok=True)
    return paths


def weigh_path(path: str) -> int:
    return 1 << 20


def test_a_stopped_worker_cleans_up_the_file_it_was_writing(tmp_path: Path) -> None:
    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        with pytest.raises(KeyboardInterrupt):
            list(ordered_map(hold_a_file_for_a_minute, [str(tmp_path / "first"), str(tmp_path / "second")],
                             jobs=2, weigh=weigh_path, initializer=nothing))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert sorted(tmp_path.iterdir()) == []


LOADED: list[str] = []


def load_for_workers() -> None:
    LOADED.append("loaded")


def was_loaded_before_the_fork(numbers: list[int]) -> list[str]:
    return [LOADED[-1] if LOADED else "not loaded" for _number in numbers]


def test_what_before_fork_loads_is_inherited_by_forked_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    # (fork is chosen only while this process runs one thread, which a test run may not)
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("fork"))
    LOADED.clear()
    outputs = ordered_map(was_loaded_before_the_fork, range(4), jobs=2, weigh=weigh, initializer=nothing,
                          before_fork=load_for_workers)
    assert (list(outputs), LOADED) == (["loaded"] * 4, ["loaded"])


def test_before_fork_is_not_run_when_everything_runs_in_this_process() -> None:
    LOADED.clear()
    outputs = ordered_map(was_loaded_before_the_fork, range(4), jobs=1, weigh=weigh, initializer=nothing,
                          before_fork=load_for_workers)
    assert (list(outputs), LOADED) == (["not loaded"] * 4, [])
