#!/usr/bin/env python3
"""Build dictionaries/detector_tables.txt: the detector's small tables, derived from the big ones.

Known bigrams, standalone hanzi, who may stand beside a character inside a word, and each
character's candidates come from dictionaries/lexicon.tsv, glyph_neighbours.tsv and
learned_confusions.tsv (cleaner/detect_tables.py `derive`); the sources line records their content
hashes and that of char_ngrams.txt (the context model), which the detector checks when it reads
them. Shipping them precomputed lets the detector start in milliseconds. Rerun after changing any
of the four tables or the thresholds in cleaner/detect_tables.py (tests/detector/test_tables.py
fails until then). Deterministic.

    python scripts/build_detector_tables.py [-o dictionaries/detector_tables.txt]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cleaner.data import data_file
from cleaner.detect_context import CONTEXT_FILE, load_model
from cleaner.detect_tables import LEARNED_FILE, TABLES_FILE, derive, format_tables
from cleaner.glyphs import GLYPH_TABLE, load_glyph_table
from cleaner.learn import load_confusion_table
from cleaner.lexicon import LEXICON_FILE, load_lexicon


def build() -> str:
    tables = derive(
        load_lexicon(data_file(LEXICON_FILE)),
        load_glyph_table(data_file(GLYPH_TABLE)),
        load_confusion_table(data_file(LEARNED_FILE)),
        load_model(data_file(CONTEXT_FILE)),
    )
    return format_tables(tables)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output", type=Path, default=data_file(TABLES_FILE))
    arguments = parser.parse_args()
    arguments.output.write_text(build(), "utf-8")
    print(f"wrote {arguments.output}")


if __name__ == "__main__":
    main()
