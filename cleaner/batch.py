"""Cleaning many files: in parallel, in input order, resumable, with progress and a summary.

Workers clean files and write their outputs; the parent hands out the work, then takes the
outcomes back in input order to print diffs and messages and to write the correction log, so a
run with many jobs writes the same bytes and the same log as a run with one.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cleaner import __version__
from cleaner.config import Config
from cleaner.errors import CleanerError, ConfigError
from cleaner.inputs import Job, check_combination, collect, empty_folders, output_for
from cleaner.log import LogWriter
from cleaner.logspool import remove_stale_spools, spool_prefix
from cleaner.outputs import same_file
from cleaner.parallel import default_jobs, ordered_map
from cleaner.pipeline import Pipeline
from cleaner.progress import ProgressDisplay
from cleaner.streaming import CHUNK_CHARS
from cleaner.summary import BatchSummary, Tally
from cleaner.worker import (
    STREAM_BYTES,
    FileOutcome,
    FileTask,
    Mode,
    Status,
    WorkSettings,
    clean_files,
    load_for_log,
    share_tables,
    start_worker,
)

__all__ = ["BatchOptions", "BatchSummary", "run_batch"]


@dataclass(frozen=True, slots=True)
class BatchOptions:
    output: Path | None = None
    in_place: bool = False
    backup_suffix: str = ".orig"
    diff: bool = False
    check: bool = False
    glob: str = "*.txt"
    log_path: Path | None = None
    quiet: bool = False
    agent: str = "cleaner"
    jobs: int | None = None  # None: every core
    resume: bool = True
    json_summary: bool = False
    progress: bool | None = None  # None: when standard error is a terminal and not quiet
    stream_bytes: int = STREAM_BYTES  # larger files are cleaned in chunks of chunk_chars
    chunk_chars: int = CHUNK_CHARS


# Runs the cleaning of the tasks (anywhere) and gives back their outcomes in input order.
Executor = Callable[[Sequence[FileTask], Config, WorkSettings, int], Iterable[FileOutcome]]


def local_executor(
    tasks: Sequence[FileTask], config: Config, settings: WorkSettings, jobs: int
) -> Iterator[FileOutcome]:
    """Clean on this machine, in `jobs` processes; outcomes in input order."""
    return ordered_map(
        clean_files, tasks, jobs=min(jobs, len(tasks)), weigh=_weight,
        initializer=start_worker, initargs=(config, settings), before_fork=share_tables,
    )


def run_batch(
    paths: list[str], config: Config, options: BatchOptions, *, executor: Executor = local_executor
) -> BatchSummary:
    """Clean every input; a failing file is reported on stderr and the rest still processed.

    `executor` runs the cleaning (see cleaner.dask_jobs for a cluster); this function writes the
    log, prints and counts, in input order.
    """
    started = time.monotonic()
    mode = _mode(options)
    if options.json_summary and mode in (Mode.STDOUT, Mode.DIFF):
        raise ConfigError("--json prints to standard output: use it with -o, --in-place or --check")
    jobs = collect(paths, options.glob, exclude=options.output)
    if not options.quiet:
        for folder in empty_folders(paths, jobs):
            print(f"cleaner: {folder}: no files matching {options.glob}", file=sys.stderr)
    report_only = mode in (Mode.DIFF, Mode.CHECK)
    single_file_output = check_combination(jobs, options.output, options.in_place, report_only)
    pipeline = Pipeline(config)
    pipeline.passes  # noqa: B018 - load dictionaries once, failing before any file is touched
    logging = options.log_path is not None and mode in (Mode.WRITE, Mode.STDOUT)
    settings = WorkSettings(
        mode=mode, in_place=options.in_place, backup_suffix=options.backup_suffix,
        stream_bytes=options.stream_bytes, chunk_chars=options.chunk_chars, logging=logging,
        spool_prefix=spool_prefix(options.log_path) if logging and options.log_path else None,
    )
    tasks = _tasks(jobs, options, mode, single_file_output)
    if logging and options.resume and mode is Mode.WRITE:
        tasks = _with_finished(tasks, options, config, pipeline)
    worker_count = max(1, options.jobs or default_jobs())
    writer = None
    if logging:
        from cleaner.resume import drop_partial_line

        assert options.log_path is not None
        if drop_partial_line(options.log_path) and not options.quiet:
            print(f"cleaner: {options.log_path}: removed the incomplete last line an interrupted run left",
                  file=sys.stderr)
        writer = LogWriter(
            options.log_path, mode="batch", agent=options.agent,
            config=config.describe(), sources=pipeline.sources,
        )
        remove_stale_spools(options.log_path)  # the writer holds the log's lock: no other run is on
    tally = Tally()
    try:
        outcomes = executor(tasks, config, settings, worker_count)
        show = options.progress if options.progress is not None else ProgressDisplay.wanted(options.quiet)
        total_bytes = sum(task.size for task in tasks)
        with ProgressDisplay(enabled=show, total_files=len(tasks), total_bytes=total_bytes) as display:
            for outcome in outcomes:
                task = tasks[outcome.index]
                tally.add(outcome, task.size)
                try:
                    _report(outcome, task, options, settings, writer, tally, display)
                finally:
                    if outcome.spool is not None:
                        outcome.spool.unlink(missing_ok=True)
                display.update(tally)
    finally:
        if writer is not None:
            writer.close()
    summary = tally.summary(time.monotonic() - started, min(worker_count, max(1, len(tasks))))
    if not options.quiet and mode in (Mode.WRITE, Mode.CHECK):
        print(summary.line("checked" if mode is Mode.CHECK else "cleaned"), file=sys.stderr)
    if options.json_summary:
        sys.stdout.write(json.dumps(summary.as_json()) + "\n")
    return summary


def _mode(options: BatchOptions) -> Mode:
    if options.diff:
        return Mode.DIFF
    if options.check:
        return Mode.CHECK
    if options.output is None and not options.in_place:
        return Mode.STDOUT
    return Mode.WRITE


def _tasks(jobs: list[Job], options: BatchOptions, mode: Mode, single_file_output: bool) -> list[FileTask]:
    """One task per input, with its output path; inputs whose output is unusable fail up front."""
    tasks = []
    claimed: dict[Path, Job] = {}
    for index, job in enumerate(jobs):
        target: Path | None = None
        problem = ""
        if mode is Mode.WRITE:
            target = job.source if options.in_place else output_for(job, options.output, single_file_output)
            assert target is not None
            key = Path(os.path.abspath(target))
            if not options.in_place and job.source is not None and same_file(job.source, target):
                problem = f"{job.label}: output would overwrite the input (use --in-place)"
            elif key in claimed:
                problem = f"{job.label}: output {target} is also the output of {claimed[key].label}"
            else:
                claimed[key] = job
        tasks.append(FileTask(index, job, target, _size(job), problem=problem))
    return tasks


def _size(job: Job) -> int:
    if job.source is None:
        return 0
    try:
        return job.source.stat().st_size
    except OSError:
        return 0


def _weight(task: FileTask) -> int:
    return max(task.size, 1024)


def _with_finished(tasks: list[FileTask], options: BatchOptions, config: Config, pipeline: Pipeline) -> list[FileTask]:
    """Mark the tasks an earlier run with the same set-up finished (checked by hash in the worker)."""
    from cleaner.resume import finished_documents

    assert options.log_path is not None
    finished = finished_documents(
        options.log_path, version=__version__, config=config.describe(), sources=pipeline.sources,
    )
    if not finished:
        return tasks
    return [
        replace(task, done=finished.get((task.job.label, str(task.target))))
        if task.target is not None and not task.problem else task
        for task in tasks
    ]


def _report(
    outcome: FileOutcome,
    task: FileTask,
    options: BatchOptions,
    settings: WorkSettings,
    writer: LogWriter | None,
    tally: Tally,
    display: ProgressDisplay,
) -> None:
    """Everything the parent does with one outcome, in input order."""
    if outcome.status is Status.FAILED:
        display.message(f"cleaner: {outcome.error}")
        return
    if outcome.status is Status.SKIPPED:
        return
    if settings.mode is Mode.DIFF:
        sys.stdout.write(outcome.diff)
        return
    if settings.mode is Mode.CHECK:
        if outcome.status is Status.CHANGED and not options.quiet:
            display.message(f"would change: {outcome.label}")
        return
    if writer is not None:
        try:
            if outcome.spool is not None:
                assert outcome.info is not None
                writer.spooled_document(outcome.info, outcome.spool, outcome.output, outcome.output_sha256)
            else:
                document, result = load_for_log(task, outcome, settings)
                writer.batch_document(document, result, outcome.output, outcome.output_sha256)
        except CleanerError as error:
            tally.fail(outcome)
            display.message(f"cleaner: {error}")
