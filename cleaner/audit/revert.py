"""`audit revert`: rewrite outputs without chosen edits, and log the reversal as a new run.

Reverting removes exactly the logged edits that match (by rule, pass or id; see `select`): it does
not re-run the passes. The new run (mode `revert`, parent = the log's last run) records, per
rewritten output, its input, a `rejected` decision with a note for each removed edit, and the result.
Only outputs whose document state is the log's latest for that input are rewritten; an output from
an older batch run of the same input is reported as superseded.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.audit.fold import Checkpoint, Closed, events
from cleaner.audit.ledger import Entry, Ledger
from cleaner.audit.paths import PathMap, absolute
from cleaner.audit.rebuild import output_bytes, read_input, rebuilt_pieces
from cleaner.audit.scan import LogIndex, scan
from cleaner.audit.select import Selection, parts, path_matches
from cleaner.audit.verify import Failure
from cleaner.document import Document
from cleaner.errors import CleanerError, ConfigError
from cleaner.log import LogWriter
from cleaner.outputs import AtomicFile, file_sha256, same_file


@dataclass(frozen=True, slots=True)
class Reverted:
    input: Path
    output: Path
    edits: int


@dataclass(frozen=True, slots=True)
class RevertReport:
    run_id: str | None
    reverted: tuple[Reverted, ...]
    unchanged: int
    failures: tuple[Failure, ...]


@dataclass(slots=True)
class _Targets:
    """Where rewritten outputs go: back where they were, or under `-o` (a file for a single output)."""

    index: LogIndex
    output: Path | None
    common: str = ""
    single_file: bool = False

    def __post_init__(self) -> None:
        keys = list(self.index.last_result_for_output)
        if self.output is None or not keys:
            return
        self.single_file = len(keys) == 1 and not self.output.is_dir()
        self.common = os.path.commonpath(keys) if len(keys) > 1 else os.path.dirname(keys[0])

    def target(self, current: Path, logged_key: str) -> Path:
        if self.output is None:
            return current
        if self.single_file:
            return self.output
        return self.output / os.path.relpath(logged_key, self.common)


@dataclass(slots=True)
class _Run:
    """The revert run in the log, opened when the first output is rewritten."""

    log: Path
    selection: Selection
    index: LogIndex
    agent: str
    output: Path | None
    writer: LogWriter | None = None

    def open(self) -> LogWriter:
        if self.writer is None:
            parent = None if self.index.last_run is None else self.index.last_run.run_id
            output = None if self.output is None else str(self.output)
            self.writer = LogWriter(
                self.log, mode="revert", agent=self.agent,
                config={"revert": self.selection.describe(), "output": output}, sources={}, parent_run=parent,
            )
        return self.writer


@dataclass(slots=True)
class _Progress:
    reverted: list[Reverted] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    unchanged: int = 0
    seen: set[str] = field(default_factory=set)


def revert(
    log: Path,
    selection: Selection,
    *,
    agent: str,
    output: Path | None = None,
    paths: PathMap | None = None,
    files: tuple[str, ...] = (),
) -> RevertReport:
    """Rewrite every current output of the log without the selected applied edits."""
    if selection.empty:
        raise ConfigError("say what to revert: --rule, --pass or --id")
    paths = paths or PathMap()
    index = scan(log)
    targets = _Targets(index, output)
    run = _Run(log, selection, index, agent, output)
    progress = _Progress()
    waiting: dict[str, list[Checkpoint]] = {}
    try:
        for event in events(index):
            if isinstance(event, Checkpoint):
                if event.latest_for_output and _wanted(event, files):
                    waiting.setdefault(event.state.sha256, []).append(event)
            elif isinstance(event, Closed):
                _note_seen(event.state, selection, progress.seen)
                for checkpoint in waiting.pop(event.state.sha256, []):
                    if event.last:
                        _revert_one(checkpoint, event.state, run, targets, paths, progress)
                    else:
                        progress.failures.append(Failure(
                            str(checkpoint.result.output),
                            "superseded: its input was cleaned again by a later batch run; not reverted",
                        ))
    finally:
        if run.writer is not None:
            run.writer.close()
    progress.failures.extend(_unknown(selection, progress.seen))
    run_id = None if run.writer is None else run.writer.run_id
    return RevertReport(run_id, tuple(progress.reverted), progress.unchanged, tuple(progress.failures))


def _wanted(checkpoint: Checkpoint, files: tuple[str, ...]) -> bool:
    if not files:
        return True
    path = checkpoint.document.path
    return path_matches(path, absolute(path, checkpoint.run.cwd), files)


def _revert_one(
    checkpoint: Checkpoint, state: Ledger, run: _Run, targets: _Targets, paths: PathMap,
    progress: _Progress,
) -> None:
    matches: Callable[[Entry], bool] = run.selection.matches
    removed = [edit for edit in state.applied() if matches(edit)]
    if not removed:
        progress.unchanged += 1
        return
    cwd = checkpoint.run.cwd
    source = paths.resolve(checkpoint.document.path, cwd)
    output = checkpoint.result.output
    assert output is not None
    current = paths.resolve(output, cwd)
    target = targets.target(current, absolute(output, cwd))
    try:
        document = read_input(source, state.sha256)
        if same_file(source, target):
            raise ConfigError("the output would overwrite the input")
        if targets.output is None and file_sha256(target) != checkpoint.result.output_sha256:
            # Only the file this log wrote is rewritten in place: a changed file, or a log from
            # elsewhere naming some other file, is never overwritten.
            raise ConfigError(f"{target} is not the output this log recorded; not overwritten (use -o)")
        with AtomicFile(target) as sink:  # written as rebuilt, never held whole
            for piece in rebuilt_pieces(state, document.text, exclude=matches):
                sink.write(output_bytes(piece))
            digest = sink.commit()
    except CleanerError as error:
        progress.failures.append(Failure(str(source), str(error)))
        return
    writer = run.open()
    doc = writer.document(Document(
        document.text, document.sha256, document.encoding, document.newline, os.path.abspath(source),
    ))
    for edit in removed:
        writer.decision(doc, edit.id, "rejected", writer.agent, note=f"reverted: {_why(edit, run.selection)}")
    counts = state.counts()
    for edit in removed:
        counts[edit.status] -= 1
        counts["rejected"] = counts.get("rejected", 0) + 1
    writer.result(doc, os.path.abspath(target), digest, {k: v for k, v in counts.items() if v})
    progress.reverted.append(Reverted(source, target, len(removed)))


def _why(edit: Entry, selection: Selection) -> str:
    reasons = []
    if edit.id in selection.ids:
        reasons.append(f"id {edit.id}")
    reasons.extend(f"rule {rule}" for rule in sorted(parts(edit.rule_id) & selection.rules))
    reasons.extend(f"pass {name}" for name in sorted(parts(edit.pass_name) & selection.passes))
    return ", ".join(reasons)


def _note_seen(state: Ledger, selection: Selection, seen: set[str]) -> None:
    """Remember which requested rules, passes and ids occur at all (to catch typos)."""
    for edit in state.entries():
        if edit.id in selection.ids:
            seen.add(f"id {edit.id}")
        seen.update(f"rule {rule}" for rule in parts(edit.rule_id) & selection.rules)
        seen.update(f"pass {name}" for name in parts(edit.pass_name) & selection.passes)


def _unknown(selection: Selection, seen: set[str]) -> list[Failure]:
    wanted = (
        [f"rule {rule}" for rule in sorted(selection.rules)]
        + [f"pass {name}" for name in sorted(selection.passes)]
        + [f"id {edit_id}" for edit_id in sorted(selection.ids)]
    )
    return [Failure(item, "no edit in the log has it") for item in wanted if item not in seen]
