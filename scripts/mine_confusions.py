"""Candidate entries for dictionaries/confusions.tsv from what the cleaner left wrong on OCR sets.

    python scripts/mine_confusions.py --clean CLEAN.txt [--clean MORE.txt …] SET.jsonl:OUT.jsonl …

Each SET.jsonl is an OCR set ({id, ocr, truth}; benchmarks/ocr_set/README.md), OUT.jsonl the
cleaner's output for it (scripts/run_jsonl.py). Where the output still has one hanzi the truth does
not, the two or three hanzi around it as the output reads them and as the truth does are a
candidate (`项日` → `项目`). A candidate is printed when it was left in at least --documents
documents, the wrong string is no lexicon word and occurs in none of the --clean texts (People's
Daily, the truths), and the right string is a word.

It prints candidates for a person to judge, most documents first; it writes nothing. An entry is
right only where it is right wherever it fires: look for the texts where the wrong string is a
phrase across a word boundary (项日 in 各项日常, 时间比 in 时间比金钱) and add them as exceptions
(`not_before`, `not_after`, `except`), or leave the candidate out.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from cleaner.lexicon import builtin_lexicon

HANZI = re.compile("[\u4e00-\u9fff]+")
MAX_WRONG_ZIPF = 1.0  # a wrong string at least this frequent is a word
MIN_RIGHT_ZIPF = 2.0  # a right string at least this frequent is one


def candidates(output: str, truth: str) -> list[tuple[str, str]]:
    """(wrong, right) strings around each one-hanzi substitution that turns `output` into `truth`."""
    found = []
    for operation in Levenshtein.opcodes(output, truth):
        if operation.tag != "replace" or operation.src_end - operation.src_start != 1:
            continue
        if operation.dest_end - operation.dest_start != 1:
            continue
        at, to = operation.src_start, operation.dest_start
        for before, after in ((1, 0), (0, 1), (1, 1)):
            wrong = output[at - before:at + 1 + after] if at >= before else ""
            right = truth[to - before:to + 1 + after] if to >= before else ""
            if len(wrong) == len(right) == 1 + before + after and HANZI.fullmatch(wrong) and HANZI.fullmatch(right):
                found.append((wrong, right))
    return found


def _records(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", nargs="+", help="SET.jsonl:OUT.jsonl")
    parser.add_argument("--clean", action="append", default=[], type=Path,
                        help="clean text the wrong strings must not occur in")
    parser.add_argument("--documents", type=int, default=2, help="documents a candidate must be left in (default 2)")
    options = parser.parse_args()
    clean = "\n".join(path.read_text(encoding="utf-8") for path in options.clean)
    lexicon = builtin_lexicon()
    seen: Counter[tuple[str, str]] = Counter()
    documents: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for pair in options.pairs:
        set_path, output_path = pair.split(":", 1)
        truths = {record["id"]: record["truth"] for record in _records(Path(set_path))}
        for record in _records(Path(output_path)):
            output, truth = record["text"].replace("\n", ""), truths[record["id"]].replace("\n", "")
            for candidate in candidates(output, truth):
                seen[candidate] += 1
                documents[candidate].add(f"{set_path}:{record['id'].split('/')[0]}")
    rows = [
        (len(documents[candidate]), count, *candidate)
        for candidate, count in seen.items()
        if len(documents[candidate]) >= options.documents and candidate[0] not in clean
        and lexicon.zipf(candidate[0]) < MAX_WRONG_ZIPF and lexicon.zipf(candidate[1]) >= MIN_RIGHT_ZIPF
    ]
    for document_count, count, wrong, right in sorted(rows, reverse=True):
        print(f"{document_count}\t{count}\t{wrong}\t{right}\t{lexicon.zipf(right):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
