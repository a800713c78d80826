#!/usr/bin/env python3
"""How fast `cleaner review` opens a large document and answers a key.

Builds a reproducible document of about --megabytes MB from the seed samples (lines shuffled
with a fixed seed), lets the library propose its Edits (cleaner.pipeline.Pipeline), keeps the
first --proposals of them, then times, headless:

  - building the review session (proposals with line/column, paragraph groups, decisions);
  - opening the app until the first screen is drawn;
  - each key (median and worst of --presses): accept, reject, toggle, undo, redo, j, k, n, G/g;
  - a filter and a search over every proposal;
  - reading the same proposals back from a correction log (`cleaner review --log`).

    python benchmarks/bench_review.py [--megabytes 1] [--proposals 10000] [--presses 30]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from cleaner.config import Config
from cleaner.document import decode
from cleaner.edit import Edit
from cleaner.log import LogWriter
from cleaner.pipeline import Pipeline
from cleaner.review import Filter, ReviewSession, Status, build_proposals
from cleaner.tui.app import ReviewApp
from cleaner.tui.workspace import open_log, read_source, workspace_for

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def document(megabytes: float, seed: int = 11) -> str:
    """Seed lines (OCR text, as it comes) in a shuffled order until the size is reached."""
    lines = [
        line for path in sorted((SAMPLES / "seeds").glob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
    ]
    generator = random.Random(seed)
    chosen: list[str] = []
    size, target = 0, int(megabytes * 1_000_000)
    while size < target:
        line = generator.choice(lines)
        chosen.append(line)
        size += len(line.encode("utf-8")) + 1
    return "\n".join(chosen) + "\n"


def timed(label: str, seconds: float, extra: str = "", cpu: float | None = None) -> None:
    used = "" if cpu is None else f"  (CPU {cpu * 1000:7.1f} ms)"
    print(f"  {label:<44} {seconds * 1000:9.1f} ms{used} {extra}")


async def drive(app: ReviewApp, presses: int) -> dict[str, list[float]]:
    """Seconds from each key reaching the app until the screen has been painted with its effect.

    The pilot's own waits (it sleeps until the process looks idle) are not counted: a paint
    hook notes when the last frame after the key was drawn. The figure includes Textual's frame
    pacing (screens are redrawn at most 60 times a second), as a person would see it.
    """
    timings: dict[str, list[float]] = {}
    started, started_cpu = time.perf_counter(), time.process_time()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        timed("open the app (first screen drawn)", time.perf_counter() - started,
              cpu=time.process_time() - started_cpu)
        screen = app.screen
        painted: list[float] = []
        paint = screen._compositor_refresh

        def noted_paint() -> None:
            paint()
            painted.append(time.perf_counter())

        screen._compositor_refresh = noted_paint  # type: ignore[method-assign]

        async def press(key: str) -> tuple[float, float]:
            painted.clear()
            begin, begin_cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            await pilot.pause()
            return (painted[-1] if painted else begin) - begin, time.process_time() - begin_cpu

        keys = ["a", "r", "space", "u", "ctrl+r", "j", "k", "n", "G", "g"]
        for _ in range(presses):
            for key in keys:
                wall, cpu = await press(key)
                timings.setdefault(key, []).append(wall)
                timings.setdefault(f"{key} cpu", []).append(cpu)
        review = app.review
        for label, chosen in (("filter pending", Filter(statuses=frozenset({Status.PENDING}))),
                              ("search", Filter(query="总书记")), ("clear filter", Filter())):
            painted.clear()
            begin = time.perf_counter()
            review.set_filter(chosen)
            await pilot.pause()
            timings[label] = [painted[-1] - begin if painted else time.perf_counter() - begin]
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--proposals", type=int, default=10_000)
    parser.add_argument("--presses", type=int, default=30)
    arguments = parser.parse_args()

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall times grow with it; CPU times less)")
    text = document(arguments.megabytes)
    print(f"document: {len(text.encode('utf-8')) / 1e6:.2f} MB, {len(text):,} characters, "
          f"{text.count(chr(10)):,} lines")
    begin = time.perf_counter()
    result = Pipeline(Config()).run(text)
    pipeline_seconds = time.perf_counter() - begin
    edits: list[Edit] = list(result.edits[:arguments.proposals])
    print(f"proposals: {len(edits):,} (of {len(result.edits):,} the pipeline made; "
          f"{sum(1 for e in edits if not e.is_auto):,} need review)")
    timed("pipeline (library, not the TUI)", pipeline_seconds)

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "large.txt"
        source.write_text(text, encoding="utf-8")
        begin, begin_cpu = time.perf_counter(), time.process_time()
        session = ReviewSession(text, build_proposals(text, edits))
        timed("build the review session", time.perf_counter() - begin,
              f"({len(session.items):,} list items)", cpu=time.process_time() - begin_cpu)

        data, decoded = read_source(source)
        begin, begin_cpu = time.perf_counter(), time.process_time()
        workspace = workspace_for(
            decoded, data, edits, None, output=Path(folder) / "large.clean.txt",
            log=Path(folder) / "review.jsonl", reviewer="bench",
        )
        timed("workspace (session + decisions)", time.perf_counter() - begin, cpu=time.process_time() - begin_cpu)
        timings = asyncio.run(drive(ReviewApp(workspace), arguments.presses))
        print(f"  key to screen painted ({arguments.presses} presses each; median / worst; median CPU time):")
        medians = []
        for key, values in timings.items():
            if key.endswith(" cpu"):
                continue
            cpu = timings.get(f"{key} cpu", [])
            medians.append(statistics.median(values))
            cpu_text = f"   CPU {statistics.median(cpu) * 1000:6.1f} ms" if cpu else ""
            print(f"    {key:<18} {statistics.median(values) * 1000:7.1f} ms / {max(values) * 1000:7.1f} ms{cpu_text}")
        print(f"  slowest median: {max(medians) * 1000:.1f} ms")

        log = Path(folder) / "batch.jsonl"
        with LogWriter(log, mode="batch", agent="bench", config={}, sources={}) as writer:
            doc = writer.document(decode(data, str(source)))
            writer.edits(doc, text, edits)
            for edit in edits:
                writer.decision(doc, edit.id, "auto" if edit.is_auto else "pending", "bench")
        begin, begin_cpu = time.perf_counter(), time.process_time()
        from_log = open_log(log, reviewer="bench", source=source)
        timed("open from a batch log (--log)", time.perf_counter() - begin,
              f"({len(from_log.session.proposals):,} proposals)", cpu=time.process_time() - begin_cpu)
        from_log.close()


if __name__ == "__main__":
    main()
