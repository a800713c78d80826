"""The first pass over a log: check the hash chain and note, for the streaming second pass, where
each document's state is last referred to and which result last wrote each output file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.audit.paths import STDIO, absolute
from cleaner.errors import LogError
from cleaner.logread import (
    DocumentState,
    EndRecord,
    Fold,
    ResultRecord,
    RunRecord,
    iter_raw_lines,
    split_line,
    to_record,
)

_REFERENCES = frozenset({"edit", "decision"})


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the log itself, at a line (0: the log as a whole)."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class LogIndex:
    """What the second pass needs to know in advance, and what the first pass found wrong."""

    path: Path
    size: int
    lines: int
    runs: int
    last_run: RunRecord | None
    head: str | None
    last_reference: dict[str, int]
    last_result_for_output: dict[str, int]
    problems: tuple[Problem, ...]
    malformed: bool


def output_key(output: str | None, cwd: str | None) -> str | None:
    """The identity of an output file across runs (None for standard output or no output)."""
    if output is None or output == STDIO:
        return None
    return absolute(output, cwd)


def scan(path: Path, *, strict: bool = True) -> LogIndex:
    """Read the log once. `strict`: the first malformed line raises LogError; else it is a Problem."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise LogError(f"{path}: no such log") from None
    except OSError as error:
        raise LogError(f"{path}: cannot read log ({error.strerror})") from None
    problems: list[Problem] = []
    last_reference: dict[str, int] = {}
    last_result: dict[str, int] = {}
    fold = Fold(path, DocumentState, keep=lambda _sha: False)  # structure only: runs and their documents
    structure_ok = True
    previous: str | None = None
    previous_number = 0
    run: RunRecord | None = None
    run_lines = 0
    runs = 0
    for number, raw in iter_raw_lines(path, size):
        try:
            sha256, prev, data = split_line(raw, number, path)
            reference = _reference(data) if data.get("type") in _REFERENCES else None
            record = None if reference is not None else to_record(data, number, path)
        except LogError as error:
            if strict:
                raise
            problems.append(Problem(number, str(error).removeprefix(f"{path}:{number}: ")))
            structure_ok = False
            previous = None
            previous_number = number
            continue
        if prev != previous and previous_number and previous is not None:
            problems.append(Problem(
                previous_number,
                f"hash chain broken: line {number} records a different hash for this line "
                f"(it was changed, or lines were removed or inserted before line {number})",
            ))
        elif number == 1 and prev is not None:
            problems.append(Problem(1, "hash chain broken: the first line names a predecessor "
                                       "(lines were removed from the start of the log)"))
        previous, previous_number = sha256, number
        run_lines += 1
        if isinstance(record, RunRecord):
            runs += 1
            run, run_lines = record, 1
        elif isinstance(record, EndRecord) and record.lines != run_lines:
            problems.append(Problem(number, f"run {record.run_id} ends after {record.lines} lines, "
                                            f"but {run_lines} lines belong to it"))
        if not structure_ok:
            continue
        try:
            if reference is not None:  # edits and decisions: only where they belong (the fold checks the rest)
                last_reference[fold.document_of(reference[0], reference[1], number).sha256] = number
                continue
            assert record is not None
            step = fold.feed(record)
        except LogError as error:
            if strict:
                raise
            problems.append(Problem(number, str(error).removeprefix(f"{path}:{number}: ")))
            structure_ok = False
            continue
        if step.document is not None and not isinstance(record, EndRecord):
            last_reference[step.document.sha256] = number
        if isinstance(record, ResultRecord) and run is not None:
            key = output_key(record.output, run.cwd)
            if key is not None:
                last_result[key] = number
    if run is not None and fold.run is not None and structure_ok:
        problems.append(Problem(
            previous_number,
            f"the last run ({run.run_id}, line {run.line}) has no end record: "
            "it was interrupted or is still running, or lines were cut off the end of the log",
        ))
    return LogIndex(
        path, size, previous_number, runs, run, previous, last_reference, last_result,
        tuple(problems), not structure_ok,
    )


def _reference(data: dict[str, Any]) -> tuple[str, int] | None:
    """The run and document an edit or decision line refers to, when those fields are well typed."""
    run_id, doc = data.get("run_id"), data.get("doc")
    if type(run_id) is str and type(doc) is int:
        return run_id, doc
    return None
