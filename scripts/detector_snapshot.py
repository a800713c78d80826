#!/usr/bin/env python3
"""Check that a speed change leaves the detector's proposals exactly as they were.

Snapshots, for every seed_ocr record, the first 1,000 FASPell OCR records and samples/seeds/*.txt:
the detector's edits alone on the raw text (offsets, before/after, rule, confidence, safety,
evidence, reason) and the full pipeline's output (text, applied and pending edits). `save` writes
the snapshot before a change; `check` compares after it and lists the first differences.

    python scripts/detector_snapshot.py save /tmp/detector_snapshot.json
    python scripts/detector_snapshot.py check /tmp/detector_snapshot.json    # exit 1 on a difference

`--texts FILE.jsonl` (one JSON string per line, e.g. texts as the pipeline hands them to the
detector on the batch benchmark's corpus) adds the detector's edits alone on each of those texts.

The eval sets are read from /work/shared/eval (measuring data; never copied into the repository).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from cleaner import clean
from cleaner.config import Config
from cleaner.edit import Edit
from cleaner.passes import detector

EVAL = Path("/work/shared/eval")
SEEDS = Path(__file__).resolve().parent.parent / "samples" / "seeds"
FASPELL_RECORDS = 1000


def texts() -> Iterator[tuple[str, str]]:
    with (EVAL / "seed_ocr.jsonl").open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                record = json.loads(line)
                yield f"seed_ocr:{record['id']}", record["ocr"]
    with (EVAL / "faspell_ocr_train.jsonl").open(encoding="utf-8") as stream:
        lines = (line for line in stream if line.strip())
        for number, line in enumerate(islice(lines, FASPELL_RECORDS)):
            yield f"faspell:{number}", json.loads(line)["ocr"]
    for path in sorted(SEEDS.glob("*.txt")):
        yield f"seed:{path.name}", path.read_text("utf-8")


def described(edit: Edit) -> list[Any]:
    return [edit.start, edit.end, edit.before, edit.after, edit.rule_id, edit.confidence, edit.safety.value,
            edit.evidence, edit.reason]


def extra_texts(path: Path | None) -> Iterator[tuple[str, str]]:
    if path is None:
        return
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(line for line in stream if line.strip()):
            yield f"{path.name}:{number}", json.loads(line)


def snapshot(extra: Path | None) -> dict[str, dict[str, Any]]:
    alone = detector.build(Config())
    result: dict[str, dict[str, Any]] = {}
    for key, text in extra_texts(extra):
        result[key] = {"alone": [described(edit) for edit in alone.propose(text)]}
    for key, text in texts():
        cleaned = clean(text, Config())
        result[key] = {
            "alone": [described(edit) for edit in alone.propose(text)],
            "text": cleaned.text,
            "applied": [described(edit) for edit in cleaned.applied],
            "pending": [described(edit) for edit in cleaned.pending],
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("save", "check"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--texts", type=Path, help="JSONL of further texts (the detector alone on each)")
    arguments = parser.parse_args()
    started = time.process_time()
    # Through JSON both ways, so tuples and lists compare alike.
    now = json.loads(json.dumps(snapshot(arguments.texts), ensure_ascii=False))
    if arguments.mode == "save":
        arguments.path.write_text(json.dumps(now, ensure_ascii=False), "utf-8")
        edits = sum(len(entry["alone"]) for entry in now.values())
        print(f"saved {len(now)} texts, {edits} detector edits alone ({time.process_time() - started:.1f} s)")
        return
    before = json.loads(arguments.path.read_text("utf-8"))
    differing = [key for key in before if before[key] != now.get(key)]
    print(f"compared {len(before)} texts: {len(differing)} differ ({time.process_time() - started:.1f} s)")
    for key in differing[:10]:
        for field, value in before[key].items():
            other = now.get(key, {}).get(field)
            if value != other:
                print(f"  {key} {field}: " + first_difference(value, other))
    sys.exit(1 if differing else 0)


def first_difference(before: Any, now: Any) -> str:
    """The first differing edit of two edit lists (or a note that two texts differ)."""
    if not isinstance(before, list) or not isinstance(now, list):
        return "the texts differ"
    for index, (old, new) in enumerate(zip(before, now, strict=False)):
        if old != new:
            return f"edit {index}\n    before {old}\n    now    {new}"
    return f"{len(before)} edits before, {len(now)} now"


if __name__ == "__main__":
    main()
