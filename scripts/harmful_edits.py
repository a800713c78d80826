"""List the edits a cleaning run made that the truth does not want, with context, to find their cause.

    python scripts/harmful_edits.py SET.jsonl OUTPUT.jsonl      # SET has {id, ocr, truth}, OUTPUT {id, text}

An edit is a single-character Levenshtein operation on whitespace-free text (as the eval scorer
counts them); it is harmful when the operations from the OCR to the truth do not include it.
Each is also judged on its own: applied alone to the OCR, does it bring the text closer to the
truth (`closer`: the scorer's alignment differs, not the edit), leave the distance as it was
(`neutral`: a wrong character or mark became another wrong one) or take it further (`worse`)?
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from rapidfuzz.distance import Levenshtein

_WHITESPACE = re.compile(r"\s+")


def _operations(source: str, target: str) -> dict[tuple[str, int, str], int]:
    """Single-character operations turning source into target, keyed as the scorer keys them."""
    found = {}
    for operation in Levenshtein.editops(source, target):
        char = target[operation.dest_pos] if operation.tag != "delete" else ""
        found[(operation.tag, operation.src_pos, char)] = operation.dest_pos
    return found


def harmful(ocr: str, output: str, truth: str) -> list[str]:
    """One description per harmful operation: the source character, what it became, the context."""
    source, cleaned, wanted = (_WHITESPACE.sub("", text) for text in (ocr, output, truth))
    needed = _operations(source, wanted)
    lines = []
    distance = Levenshtein.distance(source, wanted)
    for key in sorted(set(_operations(source, cleaned)) - set(needed)):
        tag, position, char = key
        before = source[position] if tag != "insert" and position < len(source) else ""
        context = source[max(0, position - 8):position] + "[" + before + "]" + source[position + 1:position + 9]
        alone = source[:position] + char + source[position + (tag != "insert"):]
        change = Levenshtein.distance(alone, wanted) - distance
        verdict = "closer" if change < 0 else "neutral" if change == 0 else "worse"
        lines.append(f"{tag:7} {before or '∅'}→{char or '∅'}  {verdict:7} {context}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set", type=Path)
    parser.add_argument("output", type=Path)
    arguments = parser.parse_args()
    records = {}
    for line in arguments.set.read_text("utf-8").splitlines():
        record = json.loads(line)
        records[record["id"]] = record
    pairs: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    for line in arguments.output.read_text("utf-8").splitlines():
        output = json.loads(line)
        record = records[output["id"]]
        for description in harmful(record["ocr"], output["text"], record["truth"]):
            print(f"{output['id']}\t{description}")
            pairs[description.split()[1]] += 1
            verdicts[description.split()[2]] += 1
    print("\nmost frequent:", ", ".join(f"{pair} ×{count}" for pair, count in pairs.most_common(15)))
    print("each alone:", ", ".join(f"{verdict} {verdicts[verdict]}" for verdict in ("closer", "neutral", "worse")))


if __name__ == "__main__":
    main()
