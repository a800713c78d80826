"""`audit verify`: the chain is intact, and replaying each result's decisions on its input gives,
byte for byte, the logged SHA-256 and the output file on disk.

The replayed output is hashed and compared with the file piece by piece, never held whole.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cleaner.audit.fold import Checkpoint, events
from cleaner.audit.paths import STDIO, PathMap
from cleaner.audit.rebuild import output_bytes, read_input, rebuilt_pieces
from cleaner.audit.scan import scan
from cleaner.errors import CleanerError, LogError


@dataclass(frozen=True, slots=True)
class Failure:
    """One thing that does not hold, where it was found (log line or file) and what is wrong."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class VerifyReport:
    log: Path
    lines: int
    runs: int
    results: int
    outputs: int
    head: str | None
    failures: tuple[Failure, ...]

    @property
    def ok(self) -> bool:
        return not self.failures


def verify(log: Path, paths: PathMap | None = None) -> VerifyReport:
    """Check the chain, then every result against its replayed input and its output file."""
    paths = paths or PathMap()
    index = scan(log, strict=False)
    failures = [Failure(f"{log}:{problem.line}", problem.message) for problem in index.problems]
    results = outputs = 0
    if index.malformed:
        failures.append(Failure(str(log), "documents not checked: the log has malformed lines"))
    else:
        try:
            for event in events(index):
                if isinstance(event, Checkpoint):
                    results += 1
                    outputs += event.latest_for_output
                    failures.extend(check_result(log, event, paths))
        except LogError as error:  # e.g. a decision whose edit line was removed: stop replaying here
            where, _, message = str(error).partition(": ")
            failures.append(Failure(where, f"{message}; documents after this line not checked"))
    return VerifyReport(log, index.lines, index.runs, results, outputs, index.head, tuple(failures))


def check_result(log: Path, checkpoint: Checkpoint, paths: PathMap) -> list[Failure]:
    """Replay one result's decisions; compare with the logged hash and (if still current) the file."""
    document, result = checkpoint.document, checkpoint.result
    cwd = checkpoint.run.cwd
    if document.path == STDIO:
        return [Failure(f"{log}:{document.line}", "the input was standard input; it cannot be re-read")]
    source = paths.resolve(document.path, cwd)
    target = None
    if checkpoint.latest_for_output and result.output is not None and result.output != STDIO:
        target = paths.resolve(result.output, cwd)
    try:
        input_document = read_input(source, document.sha256)
        pieces = map(output_bytes, rebuilt_pieces(checkpoint.state, input_document.text))
        comparison = compare(pieces, target)
    except CleanerError as error:
        return [Failure(str(source), str(error))]
    failures = []
    if input_document.chars != document.chars:
        failures.append(Failure(str(source), f"decodes to {input_document.chars} characters, the log "
                                             f"recorded {document.chars} (edit offsets would not fit)"))
    if result.output_sha256 is not None and comparison.sha256 != result.output_sha256:
        failures.append(Failure(
            f"{log}:{result.line}",
            f"replaying the decisions on {source} gives sha256 {comparison.sha256}, "
            f"the log recorded {result.output_sha256}",
        ))
    if target is not None and comparison.problem is not None:
        failures.append(Failure(str(target), comparison.problem))
    return failures


@dataclass(frozen=True, slots=True)
class Comparison:
    """The replayed output's SHA-256, and what is wrong with the file it was compared with (if any)."""

    sha256: str
    problem: str | None


def compare(expected: Iterable[bytes], target: Path | None) -> Comparison:
    """Hash the replayed output, given in pieces, and compare it with the file `target` (if any)."""
    digest = hashlib.sha256()
    pieces = _hashed(expected, digest.update)
    problem = None if target is None else _compare_file(pieces, target)
    deque(pieces, maxlen=0)  # the rest, when the file could not be read
    return Comparison(digest.hexdigest(), problem)


def _hashed(pieces: Iterable[bytes], update: Callable[[bytes], None]) -> Iterator[bytes]:
    for piece in pieces:
        update(piece)
        yield piece


def _compare_file(expected: Iterator[bytes], target: Path) -> str | None:
    """What is wrong with the file `target`, compared with the expected pieces (None: identical)."""
    try:
        stream = open(target, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return "output not found (if it moved, map it with --root)"
    except OSError as error:
        return f"cannot read output ({error.strerror})"
    length = 0
    line = 1
    difference: int | None = None
    with stream:
        try:
            for piece in expected:
                if difference is None:
                    actual = stream.read(len(piece))
                    if actual == piece:
                        line += piece.count(b"\n")
                    else:
                        offset = first_difference(actual, piece)
                        difference = length + offset
                        line += piece.count(b"\n", 0, offset)
                length += len(piece)
            if difference is None and stream.read(1):
                difference = length
            size = os.fstat(stream.fileno()).st_size
        except OSError as error:
            return f"cannot read output ({error.strerror})"
    if difference is None:
        return None
    return (f"differs from the replayed log at byte {difference} (line {line}); "
            f"{size} bytes on disk, {length} expected")


def first_difference(first: bytes, second: bytes) -> int:
    """Offset of the first byte where two byte strings differ (the shorter length if one is a prefix)."""
    low, high = 0, min(len(first), len(second))
    while low < high:  # binary search on equal prefixes: fast even for large files
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low
