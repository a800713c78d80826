#!/usr/bin/env python3
"""Throughput of the layout, spacing and punctuation passes, in characters per second on one core.

The text is the sample inputs (samples/seeds) repeated to at least `--megabytes` MB of UTF-8, cut
into documents of the samples' own sizes (the passes run per document, as the batch does). Each
pass proposes on the text the previous one left (its auto Edits applied), as in the pipeline.

With --corpus, the same figures also for the batch benchmark's corpus (benchmarks/batch_corpus.py:
the samples' and the seed_ocr pages' lines in shuffled runs, blank lines between some, files of
long-tailed sizes; built in memory, same seed), which has OCR's line breaks and fewer repeats.

    python benchmarks/bench_typography.py [--megabytes 10] [--repeat 3] [--corpus]

Target: layout + spacing + punctuation together ≥ 3 million characters per second per core.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from cleaner.config import Config
from cleaner.edit import apply
from cleaner.passes import layout, punctuation, spacing
from cleaner.passes.base import Pass

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch_corpus import DEFAULT_OCR, document, file_size, paragraphs, source_texts

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "seeds"


def documents(megabytes: float) -> list[str]:
    """The samples, repeated until their UTF-8 size reaches `megabytes` MB."""
    samples = [path.read_text("utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    wanted = megabytes * 1_000_000
    built: list[str] = []
    size = 0
    while size < wanted:
        for sample in samples:
            built.append(sample)
            size += len(sample.encode("utf-8"))
    return built


def corpus_documents(megabytes: float, seed: int = 7) -> list[str]:
    """The documents batch_corpus.build writes for `megabytes` MB (same sources and seed), in memory."""
    generator = random.Random(seed)
    sources = [source for source in paragraphs(source_texts(DEFAULT_OCR)) if source]
    built: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        built.append(document(sources, generator, file_size(generator)))
        size += len(built[-1].encode("utf-8"))
    return built


def run(passes: list[Pass], texts: list[str]) -> dict[str, float]:
    """CPU seconds each pass spends proposing, over all the texts (applying its Edits not counted).

    CPU time of this process, not wall time: the figure is per core, and other processes on a
    busy machine do not count against it."""
    seconds = {built.name: 0.0 for built in passes}
    for text in texts:
        for built in passes:
            started = time.process_time()
            edits = built.propose(text)
            seconds[built.name] += time.process_time() - started
            text = apply(text, [edit for edit in edits if edit.is_auto])
    return seconds


def report(title: str, passes: list[Pass], texts: list[str], repeat: int) -> None:
    """Print each pass's rate and the three together, from the fastest of `repeat` runs."""
    characters = sum(len(text) for text in texts)
    best: dict[str, float] = {}
    for _ in range(repeat):
        seconds = run(passes, texts)
        if not best or sum(seconds.values()) < sum(best.values()):
            best = seconds
    print(f"{title}: {len(texts)} documents, {characters:,} characters")
    for name, spent in best.items():
        print(f"{name:>12}  {spent:6.2f} s  {characters / spent / 1e6:6.2f} M chars/s")
    total = sum(best.values())
    print(f"{'together':>12}  {total:6.2f} s  {characters / total / 1e6:6.2f} M chars/s  (target ≥ 3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the fastest is reported")
    parser.add_argument("--corpus", action="store_true", help="also the batch benchmark's corpus")
    args = parser.parse_args()
    config = Config()
    passes: list[Pass] = [layout.build(config), spacing.build(config), punctuation.build(config)]
    report(f"samples ({args.megabytes:g} MB of UTF-8)", passes, documents(args.megabytes), args.repeat)
    if args.corpus:
        ocr = "samples and seed_ocr pages" if DEFAULT_OCR.is_file() else "samples only: no seed_ocr set"
        report(f"batch corpus ({args.megabytes:g} MB, {ocr})", passes, corpus_documents(args.megabytes), args.repeat)


if __name__ == "__main__":
    main()
