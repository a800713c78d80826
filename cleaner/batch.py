"""Cleaning many files: read, decode, run the pipeline, write atomically, log. I/O lives here."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from cleaner.config import Config
from cleaner.document import Document, decode, sha256_hex
from cleaner.errors import CleanerError, OutputError
from cleaner.inputs import Job, check_combination, collect, output_for
from cleaner.log import LogWriter
from cleaner.outputs import same_file, write_atomic
from cleaner.pipeline import Pipeline, Result


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


@dataclass(slots=True)
class BatchSummary:
    files: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    applied: int = 0
    pending: int = 0


def encode_output(text: str) -> bytes:
    """Outputs are UTF-8 with LF line ends, whatever the input was."""
    return text.encode("utf-8")


def read_job(job: Job) -> Document:
    """Read and decode one input; standard input is read whole."""
    from cleaner.errors import InputError

    if job.source is None:
        return decode(sys.stdin.buffer.read(), "-")
    try:
        data = job.source.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{job.source}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{job.source}: is a directory") from None
    except OSError as error:
        raise InputError(f"{job.source}: cannot read ({error.strerror})") from None
    return decode(data, str(job.source))


def run_batch(paths: list[str], config: Config, options: BatchOptions) -> BatchSummary:
    """Clean every input; a failing file is reported on stderr and the rest still processed."""
    from cleaner.cli import unified_diff

    report_only = options.diff or options.check
    jobs = collect(paths, options.glob, exclude=options.output)
    single_file_output = check_combination(jobs, options.output, options.in_place, report_only)
    pipeline = Pipeline(config)
    pipeline.passes  # noqa: B018 - load dictionaries once, failing before any file is touched
    summary = BatchSummary()
    writer = None
    if options.log_path is not None and not report_only:
        writer = LogWriter(
            options.log_path, mode="batch", agent=options.agent,
            config=config.describe(), sources=pipeline.sources,
        )
    try:
        for job in jobs:
            summary.files += 1
            try:
                document = read_job(job)
                result = pipeline.run(document.text)
                summary.applied += len(result.applied)
                summary.pending += len(result.pending)
                if result.changed:
                    summary.changed += 1
                else:
                    summary.unchanged += 1
                if options.diff:
                    sys.stdout.write(unified_diff(document.text, result.text, job.relative.as_posix()))
                    continue
                if options.check:
                    if result.changed and not options.quiet:
                        print(f"would change: {job.label}", file=sys.stderr)
                    continue
                target = _write_output(job, document, result, options, single_file_output)
                if writer is not None:
                    data = encode_output(result.text)
                    writer.batch_document(document, result, str(target) if target else "-", sha256_hex(data))
            except CleanerError as error:
                summary.failed += 1
                print(f"cleaner: {error}", file=sys.stderr)
    finally:
        if writer is not None:
            writer.close()
    if not options.quiet and not report_only and (options.output is not None or options.in_place):
        print(
            f"cleaned {summary.files} file(s): {summary.changed} changed, {summary.unchanged} unchanged, "
            f"{summary.failed} failed; {summary.applied} edits applied, {summary.pending} pending review",
            file=sys.stderr,
        )
    return summary


def _write_output(
    job: Job, document: Document, result: Result, options: BatchOptions, single_file_output: bool
) -> Path | None:
    data = encode_output(result.text)
    if options.in_place:
        assert job.source is not None
        backup = job.source.with_name(job.source.name + options.backup_suffix)
        if backup.exists():
            raise OutputError(f"{job.source}: backup {backup} already exists; not overwriting it")
        write_atomic(backup, job.source.read_bytes())
        write_atomic(job.source, data)
        return job.source
    target = output_for(job, options.output, single_file_output)
    if target is None:
        sys.stdout.write(result.text)
        sys.stdout.flush()
        return None
    if job.source is not None and same_file(job.source, target):
        raise OutputError(f"{job.source}: output would overwrite the input (use --in-place)")
    write_atomic(target, data)
    return target
