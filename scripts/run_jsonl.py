#!/usr/bin/env python3
"""Clean the `ocr` field of every record of an evaluation JSONL set; write {id, text} records.

    python scripts/run_jsonl.py ../shared/eval/seed_ocr.jsonl /tmp/out.jsonl [--skip detector]
    python ../shared/eval/score.py jsonl ../shared/eval/seed_ocr.jsonl /tmp/out.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from cleaner.config import Config, select_passes
from cleaner.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--skip", action="append", default=[])
    parser.add_argument("--auto-only", action="store_true", default=True)
    args = parser.parse_args()
    pipeline = Pipeline(Config(passes=select_passes(args.only, args.skip)))
    with args.set.open(encoding="utf-8") as source, args.output.open("w", encoding="utf-8") as sink:
        for line in source:
            if not line.strip():
                continue
            record = json.loads(line)
            text = pipeline.run(record["ocr"]).text
            sink.write(json.dumps({"id": record["id"], "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
