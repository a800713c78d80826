#!/usr/bin/env python3
"""Throughput of the character passes (variants, confusions, rules) on one core.

Builds a reproducible corpus of documents from samples/ (seeds and gold, lines shuffled with a
fixed seed) of at least --megabytes MB, then times each pass's `propose` and the whole
variants+confusions+rules pipeline over every document. Prints characters per second (median of
--repeat runs). Also times the confusions pass with a 10,000-entry dictionary.

    python benchmarks/bench_character_passes.py [--megabytes 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cleaner.config import Config
from cleaner.dictionary import load_dictionaries
from cleaner.passes.confusions import ConfusionsPass, dictionary_paths
from cleaner.pipeline import Pipeline

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PASSES = ("variants", "confusions", "rules")


def corpus(megabytes: float, seed: int = 7) -> list[str]:
    """Documents of 5-10 KB built by shuffling the samples' lines, until the size is reached."""
    lines = [
        line
        for path in sorted(SAMPLES.glob("*/*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    generator = random.Random(seed)
    documents, total, target = [], 0, int(megabytes * 1_000_000)
    while total < target:
        document = "\n".join(generator.sample(lines, 40))
        documents.append(document)
        total += len(document)
    return documents


def rate(documents: list[str], work: Callable[[str], object], repeat: int) -> float:
    chars = sum(len(document) for document in documents)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        for document in documents:
            work(document)
        timings.append(time.perf_counter() - started)
    return chars / statistics.median(timings)


def big_dictionary(folder: Path, size: int) -> Path:
    """A synthetic dictionary of `size` three-character keys that never occur in the corpus."""
    path = folder / "big.tsv"
    lines = []
    for n in range(size):
        first, second = chr(0x4E00 + n % 9000), chr(0x4E00 + n // 9000)
        lines.append(f"syn{n}\t{first}{second}龘\t{first}龍")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    documents = corpus(args.megabytes)
    chars = sum(len(d) for d in documents)
    print(f"corpus: {len(documents)} documents, {chars:,} characters")
    pipeline = Pipeline(Config(passes=PASSES))
    for built in pipeline.passes:
        print(f"{built.name:>12}: {rate(documents, built.propose, args.repeat) / 1e6:6.2f} M chars/s")
    print(f"{'pipeline':>12}: {rate(documents, pipeline.run, args.repeat) / 1e6:6.2f} M chars/s "
          f"({'+'.join(PASSES)})")
    with tempfile.TemporaryDirectory() as folder:
        paths = [*dictionary_paths(Config()), big_dictionary(Path(folder), 10_000)]
        loaded = load_dictionaries(paths)
        large = ConfusionsPass(loaded.entries, loaded.sources)
        print(f"{'confusions':>12}: {rate(documents, large.propose, args.repeat) / 1e6:6.2f} M chars/s "
              f"with {len(loaded.entries):,} entries")


if __name__ == "__main__":
    main()
