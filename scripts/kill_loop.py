#!/usr/bin/env python3
"""Crash-safety stress: SIGKILL a batch at random moments, check nothing is lost, then finish the job.

    python scripts/kill_loop.py [--runs 50] [--files 300] [--jobs 2] [--seed 1] [--big-mb 20] [--skip PASS]

Builds a corpus (shuffled copies of samples/seeds, plus one file large enough to be streamed),
cleans it once to get the expected outputs, then for every run: starts `cleaner clean IN -o OUT
--log LOG` in a fresh folder, kills the whole process group at a random moment (sometimes twice,
the second time during the resumed run), and checks

- no file under its final name in OUT differs from the expected output (partial files may only
  exist as hidden temporary siblings),
- every input is byte-identical to what it was,
- the log is valid JSONL up to its last complete line,

then reruns the same command to completion and checks that every output is as expected and that
`cleaner audit verify LOG` passes. Prints one line per run and a summary; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "seeds"


def build_corpus(folder: Path, files: int, big_mb: int, rng: random.Random) -> None:
    """`files` shuffled variants of the seed documents in nested folders, plus one big file."""
    paragraphs = [
        line for seed in sorted(SEEDS.glob("*.txt")) for line in seed.read_text("utf-8").split("\n") if line.strip()
    ]
    for number in range(files):
        chosen = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(5, 60)))
        path = folder / f"part{number % 7}" / f"doc{number:05}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(chosen) + "\n", "utf-8")
    if big_mb:
        block = "\n".join(paragraphs) + "\n"
        copies = max(1, (big_mb << 20) // len(block.encode()))
        (folder / "big.txt").write_text(block * copies, "utf-8")


def digests(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by relative path."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def command(inputs: Path, outputs: Path, log: Path, jobs: int, skip: list[str]) -> list[str]:
    skipped = [argument for name in skip for argument in ("--skip", name)]
    return [sys.executable, "-m", "cleaner", "clean", str(inputs), "-o", str(outputs), "--log", str(log),
            "--jobs", str(jobs), "-q", *skipped]


def run_and_kill(arguments: list[str], delay: float) -> bool:
    """Start the command in its own process group and SIGKILL the group after `delay` s; True if killed."""
    process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return True


def check_after_kill(outputs: Path, expected: dict[str, str], inputs: Path, input_digests: dict[str, str],
                     log: Path) -> list[str]:
    problems = []
    if outputs.exists():
        for name, digest in digests(outputs).items():
            if Path(name).name.startswith("."):
                continue  # a temporary sibling: never under a final name
            if name not in expected:
                problems.append(f"unexpected file under a final name: {name}")
            elif digest != expected[name]:
                problems.append(f"partial or corrupt output under its final name: {name}")
    if digests(inputs) != input_digests:
        problems.append("an input changed")
    if log.exists():
        data = log.read_bytes()
        complete = data[:data.rfind(b"\n") + 1]
        for number, line in enumerate(complete.decode("utf-8").splitlines(), 1):
            try:
                json.loads(line)
            except json.JSONDecodeError:
                problems.append(f"log line {number} is not valid JSON")
                break
    return problems


def finish(arguments: list[str], outputs: Path, expected: dict[str, str], log: Path) -> list[str]:
    problems = []
    done = subprocess.run(arguments, capture_output=True, text=True)
    if done.returncode != 0:
        problems.append(f"rerun exited {done.returncode}: {done.stderr.strip()[-300:]}")
    final = {name: digest for name, digest in digests(outputs).items() if not Path(name).name.startswith(".")}
    if final != expected:
        problems.append(f"after the rerun {len(set(final.items()) ^ set(expected.items()))} outputs differ")
    verify = subprocess.run([sys.executable, "-m", "cleaner", "audit", "verify", str(log)],
                            capture_output=True, text=True)
    if verify.returncode != 0:
        problems.append(f"audit verify failed: {(verify.stdout + verify.stderr).strip()[-300:]}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--big-mb", type=int, default=20, help="size of the streamed file (0: none)")
    parser.add_argument("--skip", action="append", default=[], metavar="PASS", help="passes to skip (repeatable)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="kill-loop-") as temporary:
        root = Path(temporary)
        inputs = root / "in"
        build_corpus(inputs, args.files, args.big_mb, rng)
        input_digests = digests(inputs)
        started = time.perf_counter()
        reference = subprocess.run(command(inputs, root / "reference", root / "reference.jsonl", args.jobs, args.skip),
                                   capture_output=True, text=True)
        full_run = time.perf_counter() - started
        if reference.returncode != 0:
            print(f"reference run failed: {reference.stderr}", file=sys.stderr)
            return 1
        expected = digests(root / "reference")
        print(f"corpus: {len(input_digests)} files, {sum(p.stat().st_size for p in inputs.rglob('*.txt')) >> 20} MB;"
              f" a full run takes {full_run:.1f} s")
        failures = killed = 0
        for run in range(1, args.runs + 1):
            outputs, log = root / f"out{run}", root / f"log{run}.jsonl"
            arguments = command(inputs, outputs, log, args.jobs, args.skip)
            kills = 2 if run % 3 == 0 else 1
            problems: list[str] = []
            for _ in range(kills):
                killed += run_and_kill(arguments, rng.uniform(0.05, full_run * 1.1))
                problems += check_after_kill(outputs, expected, inputs, input_digests, log)
            problems += finish(arguments, outputs, expected, log)
            leftovers = sum(1 for path in outputs.rglob(".*.tmp")) if outputs.exists() else 0
            status = "ok" if not problems else "FAILED: " + "; ".join(problems)
            print(f"run {run:3}: {kills} kill(s), {leftovers} temporary leftovers, {status}", flush=True)
            failures += bool(problems)
            shutil.rmtree(outputs, ignore_errors=True)
        print(f"{args.runs} runs, {killed} processes killed mid-run, {failures} failed")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
