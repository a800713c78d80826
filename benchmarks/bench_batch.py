#!/usr/bin/env python3
"""Batch throughput: characters/s per pass and end to end, files/s, speed-up with jobs, peak memory.

Builds a reproducible corpus (benchmarks/batch_corpus.py) of --megabytes MB in a temporary
folder, then:
  1. times each pass of the pipeline on a slice of the corpus, in this process;
  2. runs `cleaner clean CORPUS -o OUT --jobs N --json` for each N of --jobs (--repeat times,
     medians reported), and prints wall time, characters/s, files/s, the speed-up over the first
     N, the CPU time of the whole process tree (so a busy machine shows as wall >> CPU / jobs),
     and the peak memory of the process tree (sum of PSS, sampled every 50 ms) and of its
     largest process;
  3. with --ceiling, measures what the machine itself allows: N processes each cleaning the same
     texts in memory (no files, no coordination) against one, so the speed-up of step 2 can be
     read against the best this machine gives (a VM's cores may share a physical core's time);
  4. with --huge MB, cleans one file of that size (streamed) and reports its peak memory;
  5. times start-up: `cleaner --version` and `cleaner clean` of one small file.

The passes are the default ones unless --skip names some (passed on to `cleaner clean --skip`).

    python benchmarks/bench_batch.py [--megabytes 100] [--jobs 1,2] [--repeat 3] [--huge 200]
                                     [--skip PASS ...] [--keep DIR] [--ceiling]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch_corpus import DEFAULT_OCR, build

from cleaner.compose import Proposals
from cleaner.config import Config
from cleaner.lexicon import builtin_lexicon
from cleaner.pipeline import Pipeline

CLEANER = [sys.executable, "-m", "cleaner.cli"]


class MemoryWatch:
    """Samples the memory of a process and all its descendants until stopped (Linux /proc)."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_total = 0
        self.peak_single = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            sizes = [_memory(pid) for pid in _tree(self.pid)]
            if sizes:
                self.peak_total = max(self.peak_total, sum(pss for pss, _ in sizes))
                self.peak_single = max(self.peak_single, max(rss for _, rss in sizes))
            self._stop.wait(self.interval)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as stream:
                    fields = stream.read().rsplit(b")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    found, waiting = [], [root]
    while waiting:
        pid = waiting.pop()
        found.append(pid)
        waiting.extend(children.get(pid, []))
    return found


def _memory(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in bytes; PSS shares copy-on-write pages fairly between forked workers."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as stream:
            for line in stream:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
    except OSError:
        pass
    return pss, rss


def corpus_texts(corpus: Path, megabytes: float) -> list[str]:
    """The first `megabytes` of the corpus's files (in name order), as text."""
    texts: list[str] = []
    size = 0
    for path in sorted(corpus.rglob("*.txt")):
        if path.parent.name == "huge":
            continue
        texts.append(path.read_text("utf-8"))
        size += len(texts[-1].encode("utf-8"))
        if size >= megabytes * 1e6:
            break
    return texts


def pass_rates(corpus: Path, megabytes: float, skip: list[str]) -> None:
    """Characters/s of each pass's propose() and of composing its edits, on a slice of the corpus."""
    texts = corpus_texts(corpus, megabytes)
    chars = sum(len(text) for text in texts)
    pipeline = Pipeline(Config(passes=tuple(name for name in Config().passes if name not in skip)))
    started = time.perf_counter()
    pipeline.passes  # noqa: B018
    # The lexicon is read on first use by whichever pass asks first (layout, for split words, or the
    # detector): read it here, so that no pass's figure carries the one-time load.
    builtin_lexicon()
    print(f"pipeline build (dictionaries loaded, lexicon included): {time.perf_counter() - started:.2f} s")
    timings = {built.name: 0.0 for built in pipeline.passes}
    compose = 0.0
    for text in texts:
        proposals = Proposals(text)
        current = text
        for built in pipeline.passes:
            started = time.perf_counter()
            edits = built.propose(current)
            timings[built.name] += time.perf_counter() - started
            if edits:
                started = time.perf_counter()
                proposals.add(current, edits)
                current = proposals.current_text()
                compose += time.perf_counter() - started
    print(f"per pass, one core, {chars:,} characters in {len(texts)} documents:")
    for name, seconds in [*timings.items(), ("(composing edits)", compose)]:
        print(f"  {name:<20} {chars / seconds / 1e6:8.2f} M chars/s  ({seconds:.2f} s)")
    total = sum(timings.values()) + compose
    print(f"  {'all passes':<20} {chars / total / 1e6:8.2f} M chars/s  ({total:.2f} s)")


@dataclass(frozen=True)
class Run:
    """One `cleaner clean` run: its JSON summary, wall and CPU seconds, peak memory in bytes."""

    summary: dict[str, Any]
    wall: float
    cpu: float
    peak_total: int
    peak_single: int


def run_clean(arguments: list[str]) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen([*CLEANER, "clean", *arguments, "--json", "--quiet"], stdout=subprocess.PIPE)
    with MemoryWatch(process.pid) as watch:
        stdout, _ = process.communicate()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # includes the workers the child waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 2):
        raise SystemExit(f"cleaner clean failed with exit status {process.returncode}")
    return Run(json.loads(stdout), wall, cpu, watch.peak_total, watch.peak_single)


def median_run(runs: list[Run]) -> Run:
    """Medians of each figure over repeated runs (the summary of the first)."""
    return Run(
        runs[0].summary,
        statistics.median(run.wall for run in runs),
        statistics.median(run.cpu for run in runs),
        int(statistics.median(run.peak_total for run in runs)),
        int(statistics.median(run.peak_single for run in runs)),
    )


def end_to_end(corpus: Path, jobs: list[int], scratch: Path, repeat: int, skip: list[str]) -> None:
    passes = "default passes" + (f" without {', '.join(skip)}" if skip else "")
    print(f"end to end (cleaner clean CORPUS -o OUT --jobs N), {passes}, median of {repeat}:")
    first = None
    for count in jobs:
        output = scratch / f"out{count}"
        runs = []
        for _ in range(repeat):
            shutil.rmtree(output, ignore_errors=True)
            runs.append(run_clean([str(corpus), "-o", str(output), "--jobs", str(count), *_skips(skip)]))
        run = median_run(runs)
        summary = run.summary
        first = first or run.wall
        print(
            f"  --jobs {count}: {run.wall:6.1f} s  {summary['chars'] / run.wall / 1e6:5.2f} M chars/s  "
            f"{summary['bytes'] / run.wall / 1e6:5.2f} MB/s  {summary['files'] / run.wall:7.1f} files/s  "
            f"speed-up {first / run.wall:4.2f}×  CPU {run.cpu:6.1f} s "
            f"({summary['chars'] / run.cpu / 1e6:4.2f} M chars per CPU-second)  "
            f"peak memory {run.peak_total / 2**20:5.0f} MiB (largest process {run.peak_single / 2**20:4.0f} MiB)  "
            f"[{summary['files']} files, {summary['chars']:,} chars, {summary['failed']} failed]"
        )
        shutil.rmtree(output, ignore_errors=True)


def parallel_ceiling(corpus: Path, jobs: list[int], megabytes: float, skip: list[str]) -> None:
    """The speed-up the machine allows: `count` forked processes each clean the same texts in memory
    at once, against one process alone (the same work per process, so the ratio of wall times is
    what the cores give, with no files read or written and nothing handed between processes)."""
    texts = corpus_texts(corpus, megabytes)
    chars = sum(map(len, texts))
    pipeline = Pipeline(Config(passes=tuple(name for name in Config().passes if name not in skip)))
    pipeline.load_all()
    for text in texts[:20]:
        pipeline.run(text)  # (caches warm before the fork, as in a batch run)
    context = multiprocessing.get_context("fork")
    print(f"parallel ceiling ({chars:,} characters cleaned in memory by each process, no I/O):")
    first = None
    for count in jobs:
        start = context.Barrier(count + 1)
        processes = [context.Process(target=_clean_all, args=(pipeline, texts, start)) for _ in range(count)]
        for process in processes:
            process.start()
        start.wait()
        started = time.perf_counter()
        for process in processes:
            process.join()
        wall = time.perf_counter() - started
        first = first or wall
        print(f"  {count} process(es) at once: {wall:6.1f} s  {count * chars / wall / 1e6:5.2f} M chars/s  "
              f"speed-up {count * first / wall:4.2f}× (ideal {count}×)")


def _clean_all(pipeline: Pipeline, texts: list[str], start: Any) -> None:
    start.wait()
    for text in texts:
        pipeline.run(text)


def _skips(skip: list[str]) -> list[str]:
    return [argument for name in skip for argument in ("--skip", name)]


def huge_file(scratch: Path, megabytes: float, skip: list[str]) -> None:
    folder = scratch / "huge-corpus"
    size = build(folder, 0, DEFAULT_OCR, huge=megabytes, seed=11)
    (path,) = folder.rglob("archive.txt")
    run = run_clean([str(path), "-o", str(scratch / "huge-out.txt"), "--jobs", "1", *_skips(skip)])
    print(
        f"one {size / 1e6:.0f} MB file (streamed): {run.wall:.1f} s  "
        f"{run.summary['chars'] / run.wall / 1e6:.2f} M chars/s  "
        f"peak memory {run.peak_total / 2**20:.0f} MiB = {run.peak_total / size:.2f}× the file"
    )
    logged = run_clean([str(path), "-o", str(scratch / "huge-out.txt"), "--jobs", "1", *_skips(skip),
                        "--log", str(scratch / "huge.jsonl"), "--no-resume"])
    print(
        f"  the same with --log: {logged.wall:.1f} s  peak memory {logged.peak_total / 2**20:.0f} MiB = "
        f"{logged.peak_total / size:.2f}× the file ({logged.summary['applied']} edits logged)"
    )
    shutil.rmtree(folder)


def start_up(corpus: Path) -> None:
    small = min((path for path in corpus.rglob("*.txt")), key=lambda path: path.stat().st_size)
    for label, arguments in (("cleaner --version", ["--version"]), ("cleaner clean SMALL_FILE", ["clean", str(small)])):
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run([*CLEANER, *arguments], stdout=subprocess.DEVNULL, check=True)
            timings.append(time.perf_counter() - started)
        print(f"start-up, {label}: {statistics.median(timings):.3f} s (median of 5)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=100, help="corpus size (default 100)")
    parser.add_argument("--jobs", default=f"1,{os.cpu_count() or 1}", help="comma-separated job counts ('': none)")
    parser.add_argument("--pass-megabytes", type=float, default=5, help="slice timed pass by pass")
    parser.add_argument("--huge", type=float, default=0, help="also clean one file of this many MB")
    parser.add_argument("--repeat", type=int, default=1, help="runs per job count; medians are printed")
    parser.add_argument("--skip", action="append", default=[], metavar="PASS", help="leave this pass out")
    parser.add_argument("--no-passes", action="store_true", help="do not time the passes one by one")
    parser.add_argument("--ceiling", action="store_true",
                        help="also measure the speed-up the machine allows (in-memory work, no I/O)")
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it (reused if present)")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="cleaner-bench-"))
    corpus = args.keep or scratch / "corpus"
    try:
        if not corpus.exists():
            started = time.perf_counter()
            size = build(corpus, args.megabytes)
            print(f"corpus: {size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s under {corpus}")
        if not args.no_passes:
            pass_rates(corpus, args.pass_megabytes, args.skip)
        if args.jobs:
            end_to_end(corpus, [int(count) for count in args.jobs.split(",")], scratch, args.repeat, args.skip)
        if args.ceiling:
            parallel_ceiling(corpus, [int(count) for count in (args.jobs or "1").split(",")], args.pass_megabytes,
                             args.skip)
        if args.huge:
            huge_file(scratch, args.huge, args.skip)
        start_up(corpus)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
