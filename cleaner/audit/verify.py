"""`audit verify`: the chain is intact, and replaying each result's decisions on its input gives,
byte for byte, the logged SHA-256 and the output file on disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cleaner.audit.fold import Checkpoint, events
from cleaner.audit.paths import STDIO, PathMap
from cleaner.audit.rebuild import output_bytes, read_input, rebuild
from cleaner.audit.scan import scan
from cleaner.document import sha256_hex
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
    try:
        input_document = read_input(source, document.sha256)
        data = output_bytes(rebuild(checkpoint.state, input_document.text))
    except CleanerError as error:
        return [Failure(str(source), str(error))]
    failures = []
    if input_document.chars != document.chars:
        failures.append(Failure(str(source), f"decodes to {input_document.chars} characters, the log "
                                             f"recorded {document.chars} (edit offsets would not fit)"))
    digest = sha256_hex(data)
    if result.output_sha256 is not None and digest != result.output_sha256:
        failures.append(Failure(
            f"{log}:{result.line}",
            f"replaying the decisions on {source} gives sha256 {digest}, the log recorded {result.output_sha256}",
        ))
    if checkpoint.latest_for_output and result.output not in (None, STDIO):
        assert result.output is not None
        failures.extend(check_output(paths.resolve(result.output, cwd), data))
    return failures


def check_output(target: Path, expected: bytes) -> list[Failure]:
    try:
        actual = target.read_bytes()
    except FileNotFoundError:
        return [Failure(str(target), "output not found (if it moved, map it with --root)")]
    except OSError as error:
        return [Failure(str(target), f"cannot read output ({error.strerror})")]
    if actual == expected:
        return []
    offset = first_difference(actual, expected)
    line = expected[:offset].count(b"\n") + 1
    return [Failure(
        str(target),
        f"differs from the replayed log at byte {offset} (line {line}); "
        f"{len(actual)} bytes on disk, {len(expected)} expected",
    )]


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
