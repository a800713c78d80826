#!/usr/bin/env python3
"""Time and peak memory of `cleaner audit summary` and `cleaner audit verify` on the log of a large
corpus (issue 4: a 1 GB corpus summarises and verifies in time proportional to its size, streaming).

How the corpus and its log are made (honest about what is measured):

1. `cleaner clean samples/seeds --log` really cleans the five sample documents (the base log).
2. The corpus is many copies of those documents, each made distinct: one or two Han characters that
   no logged edit or edit context touches are replaced by characters numbering the copy, so every
   copy has its own SHA-256 (as a real corpus would) while the base log's edits still fit it. Each
   copy's output is its text with those edits applied; inputs and outputs are written to disk.
3. The log is one batch run over every copy: the base log's records for that document with the
   copy's path, number, input and output SHA-256, and the hash chain recomputed line by line. So the
   log has the records, sizes and structure a real batch run over that corpus would write; the
   passes are not re-run on every copy (that is cleaning, not auditing, and bench_batch measures it).

Then each command runs in a fresh process; wall time, CPU time (user + system, from wait4) and peak
RSS (the process's own VmHWM) are printed per corpus size, with throughput in MB of log per CPU
second, so proportionality can be read off (CPU time is the steadier figure on a shared machine).

`--document-mb N` measures the other extreme: ONE document of N MB (the samples concatenated until
it is that long), really cleaned by `cleaner clean --skip detector` (a few seconds per MB), so its
log has one document with hundreds of thousands of edits. Summary, verify and a CSV export then run
on that log. Memory per edit (the command's peak RSS minus its peak on the log of the samples once,
over the difference in edits) shows what a command keeps of each edit of a document until its
result line; verify's also counts the input and its decoded text (about 110 bytes per edit here).

    python benchmarks/bench_audit.py [--corpus-mb 50 200 1000] [--work DIR] [--keep]
    python benchmarks/bench_audit.py --document-mb 20 [100]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.cli import cli
from cleaner.document import decode
from cleaner.edit import Edit, apply

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "seeds"
CONTEXT = 10
FIRST_HAN, HAN_COUNT = 0x4E00, 0x51A5  # the CJK Unified Ideographs block (U+4E00..U+9FA4)
DOC_MARK = 987654321987  # stands for the document number in a record template


@dataclass(frozen=True)
class Template:
    """One base document: its text, its edits, its log lines as templates, and where copies differ."""

    name: str
    text: str
    edits: list[Edit]
    lines: list[tuple[str, dict[str, Any]]]  # (record type, record without prev)
    free: tuple[int, int]  # two positions no edit or context touches
    templates: dict[int, tuple[bytes, bytes]]  # id(record) -> line bytes before and after the doc number


def clean_base(folder: Path) -> Path:
    log = folder / "base.jsonl"
    inputs = folder / "seeds"
    shutil.copytree(SEEDS, inputs)
    cli.main(["clean", str(inputs), "-o", str(folder / "base-out"), "--log", str(log), "-q", "--jobs", "1"],
             standalone_mode=False)
    return log


def templates(log: Path) -> tuple[dict[str, Any], list[Template]]:
    records = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    header = records[0]
    by_doc: dict[int, list[dict[str, Any]]] = {}
    for record in records[1:-1]:
        by_doc.setdefault(record["doc"], []).append(record)
    result = []
    for doc in sorted(by_doc):
        group = by_doc[doc]
        path = Path(group[0]["path"])
        text = decode(path.read_bytes()).text
        edits = [
            Edit(r["start"], r["end"], r["before"], r["after"], r["pass"], r["rule"], r["confidence"], r["reason"])
            for r in group if r["type"] == "edit"
        ]
        applied_ids = {r["edit"] for r in group if r["type"] == "decision" and r["status"] == "auto"}
        applied = [edit for edit in edits if edit.id in applied_ids]
        lines = [(r["type"], {key: value for key, value in r.items() if key != "prev"}) for r in group]
        result.append(Template(path.name, text, applied, lines, free_positions(text, edits), {
            id(record): line_template(record) for kind, record in lines if kind in ("edit", "decision")
        }))
    return header, result


def line_template(record: dict[str, Any]) -> tuple[bytes, bytes]:
    """The serialised record split around its document number, ending where `prev`'s value goes."""
    line = json.dumps({**record, "doc": DOC_MARK, "prev": None}, ensure_ascii=False, separators=(",", ":"))
    head, tail = line.encode("utf-8").split(str(DOC_MARK).encode(), 1)
    assert tail.endswith(b"null}")
    return head, tail[:-len(b"null}")]


def free_positions(text: str, edits: list[Edit]) -> tuple[int, int]:
    touched = bytearray(len(text) + 1)
    for edit in edits:
        for position in range(max(0, edit.start - CONTEXT - 1), min(len(text), edit.end + CONTEXT + 1)):
            touched[position] = 1
    free = [i for i, char in enumerate(text) if not touched[i] and "\u4e00" <= char <= "\u9fa4"]
    if len(free) < 2:
        raise SystemExit("a sample document has no Han character free of edits to vary")
    return free[0], free[len(free) // 2]


def variant(text: str, free: tuple[int, int], copy: int) -> str:
    first, second = divmod(copy, HAN_COUNT)
    characters = list(text)
    characters[free[0]] = chr(FIRST_HAN + second)
    characters[free[1]] = chr(FIRST_HAN + first % HAN_COUNT)
    return "".join(characters)


def build_corpus(folder: Path, header: dict[str, Any], bases: list[Template], megabytes: float) -> dict[str, Any]:
    """Write the copies, their outputs and the batch log of at least `megabytes` MB of input."""
    inputs, outputs = folder / "corpus", folder / "clean"
    log = folder / f"log-{megabytes:g}MB.jsonl"
    run_id = header["run_id"]
    target = int(megabytes * 1_000_000)
    written = copies = documents = 0
    previous: str | None = None
    lines = 0

    def emit(stream: Any, record: dict[str, Any]) -> None:
        nonlocal previous, lines
        record["prev"] = previous
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        stream.write(line + b"\n")
        previous = hashlib.sha256(line).hexdigest()
        lines += 1

    started = time.perf_counter()
    with open(log, "wb", buffering=1 << 20) as stream:
        emit(stream, {**{k: v for k, v in header.items() if k != "prev"}, "cwd": str(folder)})
        while written < target:
            folder_name = f"{copies // 1000:04d}"
            for base in bases:
                documents += 1
                name = f"{folder_name}/{copies:07d}-{base.name}"
                source, output = inputs / name, outputs / name
                text = variant(base.text, base.free, copies)
                data = text.encode("utf-8")
                cleaned = apply(text, base.edits).encode("utf-8")
                if not source.exists():
                    source.parent.mkdir(parents=True, exist_ok=True)
                    output.parent.mkdir(parents=True, exist_ok=True)
                    source.write_bytes(data)
                    output.write_bytes(cleaned)
                written += len(data)
                doc = str(documents).encode()
                for kind, record in base.lines:
                    if kind == "document":
                        emit(stream, {**record, "doc": documents, "path": f"corpus/{name}",
                                      "sha256": hashlib.sha256(data).hexdigest()})
                    elif kind == "result":
                        emit(stream, {**record, "doc": documents, "output": f"clean/{name}",
                                      "output_sha256": hashlib.sha256(cleaned).hexdigest()})
                    else:  # edits and decisions differ between copies only in `doc` and `prev`
                        head, tail = base.templates[id(record)]
                        line = b"".join((head, doc, tail, b'"' + previous.encode() + b'"}' if previous else b"null}"))
                        stream.write(line + b"\n")
                        previous = hashlib.sha256(line).hexdigest()
                        lines += 1
            copies += 1
        emit(stream, {"type": "end", "run_id": run_id, "finished": header["started"], "lines": lines + 1})
    return {
        "log": log, "corpus_bytes": written, "documents": documents, "log_bytes": log.stat().st_size,
        "lines": lines, "build_seconds": time.perf_counter() - started,
    }


# The command reports its own peak RSS (VmHWM of its address space) when it exits: the rusage of a
# child counts the pages it shared with this (large) process between fork and exec.
LAUNCHER = (
    "import atexit, os\n"
    "def report():\n"
    "    status = open('/proc/self/status').read()\n"
    "    peak = status.split('VmHWM:')[1].split()[0]\n"
    "    open(os.environ['BENCH_PEAK_FILE'], 'w').write(peak)\n"
    "atexit.register(report)\n"
    "from cleaner.cli import cli\n"
    "cli()\n"
)


def measure(arguments: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS in MB and exit status of `cleaner ARGUMENTS` in a fresh process."""
    with tempfile.NamedTemporaryFile(suffix=".peak") as peak_file:
        environment = {**os.environ, "BENCH_PEAK_FILE": peak_file.name}
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", LAUNCHER, *arguments], env=environment,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert process.stderr is not None
        error = process.stderr.read().decode("utf-8", "replace").strip()
        process.stderr.close()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        peak_text = Path(peak_file.name).read_text().strip()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(f"    exit {code}: {error[:500]}", file=sys.stderr)
    return elapsed, usage.ru_utime + usage.ru_stime, int(peak_text or 0) / 1024, code


def build_document(folder: Path, megabytes: float) -> dict[str, Any]:
    """One input of at least `megabytes` MB (the samples, concatenated again and again), cleaned with a log."""
    stem = f"document-{megabytes:g}MB"
    source, output, log = folder / f"{stem}.txt", folder / f"{stem}.out.txt", folder / f"{stem}.jsonl"
    block = "\n".join(path.read_text("utf-8") for path in sorted(SEEDS.glob("*.txt"))).encode("utf-8") + b"\n"
    copies = max(1, -(-int(megabytes * 1_000_000) // len(block)))
    source.write_bytes(block * copies)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cleaner", "clean", str(source), "-o", str(output), "--log", str(log),
                    "--skip", "detector", "--jobs", "1", "-q"], check=True)
    with open(log, "rb") as stream:
        edits = sum(1 for line in stream if line.startswith(b'{"type":"edit"'))
    return {"source": source, "log": log, "input_bytes": source.stat().st_size, "edits": edits,
            "log_bytes": log.stat().st_size, "build_seconds": time.perf_counter() - started}


def document_commands(folder: Path, log: Path) -> dict[str, list[str]]:
    return {
        "summary": ["audit", "summary", str(log), "--json"],
        "verify": ["audit", "verify", str(log), "-q"],
        "export": ["audit", "export", str(log), "--csv", str(folder / "export.csv"), "--force"],
    }


def measure_document(folder: Path, megabytes: float, only: str | None) -> None:
    """Each command on the log of one big document, and on that of the samples once (the reference
    for the memory an edit costs)."""
    small, built = build_document(folder, 0), build_document(folder, megabytes)
    input_mb, log_mb = built["input_bytes"] / 1e6, built["log_bytes"] / 1e6
    print(f"  cleaned one {input_mb:.0f} MB document: {built['edits']} edits, {log_mb:.0f} MB of log, "
          f"in {built['build_seconds']:.0f} s", flush=True)
    reference = document_commands(folder, small["log"])
    for name, arguments in document_commands(folder, built["log"]).items():
        if only and name != only:
            continue
        _, _, small_peak, _ = measure(reference[name])
        seconds, cpu, peak, code = measure(arguments)
        per_edit = (peak - small_peak) * 1e6 / max(built["edits"] - small["edits"], 1)
        print(f"{input_mb:8.0f} {built['edits']:9d} {log_mb:8.0f} | {name:<8} {seconds:8.1f} {cpu:8.1f} "
              f"{peak:11.0f} {per_edit:10.0f}" + ("" if code == 0 else f"  FAILED (exit {code})"), flush=True)
    for path in (small["source"], small["log"], built["source"], built["log"], folder / "export.csv"):
        path.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus-mb", type=float, nargs="+", default=[1000.0],
                        help="corpus sizes in MB of input text (default: 1000)")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    parser.add_argument("--document-mb", type=float, nargs="+",
                        help="instead of a corpus: one document of each of these sizes in MB")
    parser.add_argument("--only", choices=("summary", "verify", "export"), help="measure one command only")
    options = parser.parse_args()
    folder = options.work or Path(tempfile.mkdtemp(prefix="bench-audit-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        if options.document_mb:
            print(f"{'input MB':>8} {'edits':>9} {'log MB':>8} | {'command':<8} {'wall s':>8} {'CPU s':>8} "
                  f"{'peak RSS MB':>11} {'B per edit':>10}", flush=True)
            for megabytes in sorted(options.document_mb):
                measure_document(folder, megabytes, options.only)
            return
        header, bases = templates(clean_base(folder))
        print(f"base: {len(bases)} documents cleaned, {sum(len(b.edits) for b in bases)} applied edits")
        print(f"{'corpus MB':>9} {'docs':>8} {'log MB':>8} {'lines':>10} | {'command':<8} {'wall s':>8} "
              f"{'CPU s':>8} {'log MB/CPU s':>12} {'peak RSS MB':>11}", flush=True)
        for megabytes in sorted(options.corpus_mb):
            built = build_corpus(folder, header, bases, megabytes)
            print(f"  built {built['corpus_bytes'] / 1e6:.0f} MB corpus and its {built['log_bytes'] / 1e6:.0f} MB log "
                  f"in {built['build_seconds']:.0f} s", flush=True)
            log_mb = built["log_bytes"] / 1e6
            commands = {
                "summary": ["audit", "summary", str(built["log"]), "--json"],
                "verify": ["audit", "verify", str(built["log"]), "-q"],
            }
            for name, arguments in commands.items():
                if options.only and name != options.only:
                    continue
                seconds, cpu, peak, code = measure(arguments)
                print(f"{built['corpus_bytes'] / 1e6:9.0f} {built['documents']:8d} {log_mb:8.0f} "
                      f"{built['lines']:10d} | {name:<8} {seconds:8.1f} {cpu:8.1f} {log_mb / cpu:12.1f} {peak:11.0f}"
                      + ("" if code == 0 else f"  FAILED (exit {code})"), flush=True)
            if megabytes != max(options.corpus_mb):
                built["log"].unlink()
    finally:
        if not options.keep and options.work is None:
            shutil.rmtree(folder, ignore_errors=True)
        elif options.keep:
            print(f"kept {folder}")


if __name__ == "__main__":
    main()
