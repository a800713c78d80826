#!/usr/bin/env python3
"""Build a reproducible corpus for batch benchmarks: many OCR-like documents in a folder tree.

Documents are made from the sample inputs (samples/seeds) and, when given, the `ocr` fields of an
evaluation JSONL set: each document takes the paragraphs of a few sources, shuffled with a fixed
seed, so the corpus is the same on every machine for the same arguments. Sizes follow a
long-tailed spread (most files a few KB, some hundreds of KB); `--huge` adds one file of that
many MB, to exercise streaming.

    python benchmarks/batch_corpus.py OUT_DIR [--megabytes 100] [--ocr PATH.jsonl] [--huge 0] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "seeds"
DEFAULT_OCR = Path("/work/shared/eval/seed_ocr.jsonl")
FILES_PER_FOLDER = 200


def source_texts(ocr: Path | None) -> list[str]:
    """The sample inputs, plus the OCR pages of an evaluation set when one is given."""
    texts = [path.read_text("utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    if ocr is not None and ocr.is_file():
        with ocr.open(encoding="utf-8") as stream:
            texts.extend(json.loads(line)["ocr"] for line in stream if line.strip())
    return texts


def paragraphs(texts: list[str]) -> list[list[str]]:
    """Each source as a list of its lines (the unit that gets shuffled)."""
    return [[line for line in text.split("\n") if line.strip()] for text in texts]


def document(sources: list[list[str]], generator: random.Random, target_bytes: int) -> str:
    """Lines of a few sources, in shuffled runs, until about `target_bytes` of UTF-8."""
    lines: list[str] = []
    size = 0
    while size < target_bytes:
        source = generator.choice(sources)
        start = generator.randrange(len(source))
        run = source[start:start + generator.randint(3, 30)]
        if generator.random() < 0.3:
            generator.shuffle(run)
        lines.extend(run)
        if generator.random() < 0.2:
            lines.append("")  # a blank line between paragraphs, as OCR output often has
        size += sum(len(line.encode("utf-8")) + 1 for line in run)
    return "\n".join(lines) + "\n"


def file_size(generator: random.Random) -> int:
    """A long-tailed spread of sizes: median about 8 KB, a few files of a few hundred KB."""
    return int(min(max(generator.lognormvariate(9.0, 1.0), 500), 600_000))


def build(folder: Path, megabytes: float, ocr: Path | None = DEFAULT_OCR, huge: float = 0, seed: int = 7) -> int:
    """Write the corpus under `folder`; returns its size in bytes."""
    generator = random.Random(seed)
    sources = [source for source in paragraphs(source_texts(ocr)) if source]
    total = 0
    number = 0
    target = int(megabytes * 1_000_000)
    while total < target:
        text = document(sources, generator, file_size(generator))
        path = folder / f"batch{number // FILES_PER_FOLDER:04d}" / f"doc{number:07d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
        number += 1
    if huge:
        path = folder / "huge" / "archive.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as stream:
            written = 0
            while written < huge * 1_000_000:
                data = document(sources, generator, 1_000_000).encode("utf-8")
                stream.write(data)
                written += len(data)
        total += written
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--megabytes", type=float, default=100)
    parser.add_argument("--ocr", type=Path, default=DEFAULT_OCR, help="evaluation JSONL with `ocr` fields")
    parser.add_argument("--huge", type=float, default=0, help="also one file of this many MB")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    size = build(args.folder, args.megabytes, args.ocr, args.huge, args.seed)
    print(f"{size / 1e6:.1f} MB in {sum(1 for _ in args.folder.rglob('*.txt'))} files under {args.folder}")


if __name__ == "__main__":
    main()
