#!/usr/bin/env python3
"""Score a cleaned JSONL evaluation set per OCR engine and degradation level.

The figures are the evaluation scorer's own (`score.py`, loaded from its path at run time, not
copied): records are grouped by engine and level, by engine, by level, and by layout, and each
group's rows are summarised as the scorer summarises a whole set.

    python scripts/run_jsonl.py ../shared/eval/seed_ocr.jsonl /tmp/x.jsonl
    python scripts/score_by_group.py ../shared/eval/seed_ocr.jsonl /tmp/x.jsonl \
        [--scorer ../shared/eval/score.py] [--by engine,degradation] [--json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

DEFAULT_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
# The columns printed, in order; the scorer's summary has more (see --json).
COLUMNS = ("docs", "cer_in", "cer_out", "cer_reduction", "edit_p", "harmful", "break_p", "break_r", "break_f1")
LEVELS = ("mild", "medium", "harsh")

Record = dict[str, Any]


def load_scorer(path: Path) -> ModuleType:
    """The scorer module at `path`, imported under the name `score`."""
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"score_by_group: cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8") as source:
        for line in source:
            if line.strip():
                yield json.loads(line)


def engine_name(record: Record) -> str:
    """The engine's short name: `tesseract 5.3.0 -l chi_sim …` → `tesseract`."""
    return str(record.get("engine", "?")).split()[0].split("-")[0]


KEYS: dict[str, Callable[[Record], str]] = {
    "engine": engine_name,
    "degradation": lambda record: str(record.get("degradation", "?")),
    "layout": lambda record: str(record.get("layout", "?")),
    "doc": lambda record: str(record.get("doc", "?")),
}


def _order(value: str) -> tuple[int, str]:
    return (LEVELS.index(value) if value in LEVELS else len(LEVELS), value)


def grouped_rows(
    scorer: ModuleType, records: list[Record], outputs: dict[str, str], keys: list[str]
) -> dict[tuple[str, ...], list[dict[str, int]]]:
    """The scorer's per-record rows, grouped by the values of `keys`."""
    groups: dict[tuple[str, ...], list[dict[str, int]]] = {}
    for record in records:
        if record["id"] not in outputs:
            raise SystemExit(f"score_by_group: missing output for {record['id']}")
        row = scorer.score_one(record["ocr"], outputs[record["id"]], record["truth"])
        group = tuple(KEYS[key](record) for key in keys)
        groups.setdefault(group, []).append(row)
    return dict(sorted(groups.items(), key=lambda item: [_order(value) for value in item[0]]))


def table(scorer: ModuleType, title: str, groups: dict[tuple[str, ...], list[dict[str, int]]]) -> list[str]:
    """A plain-text table: one line per group, the scorer's figures in COLUMNS."""
    names = {group: " / ".join(group) for group in groups}
    width = max([len(title), *map(len, names.values())])
    lines = [f"{title:<{width}}  " + "  ".join(f"{column:>13}" for column in COLUMNS)]
    for group, rows in groups.items():
        summary = scorer.summarise(rows)
        lines.append(f"{names[group]:<{width}}  " + "  ".join(f"{summary[column]!s:>13}" for column in COLUMNS))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set", type=Path, help="the evaluation set: {id, engine, degradation, ocr, truth, …}")
    parser.add_argument("output", type=Path, help="the cleaner's output: {id, text}")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument(
        "--by", action="append", default=[],
        help=f"comma-separated grouping keys from {', '.join(KEYS)}; repeatable "
             "(default: engine,degradation then engine then degradation then layout, and all)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON line per group with the full summary")
    args = parser.parse_args()
    scorer = load_scorer(args.scorer)
    records = list(read_jsonl(args.set))
    outputs = {str(record["id"]): str(record["text"]) for record in read_jsonl(args.output)}
    groupings = [[key for key in grouping.split(",") if key] for grouping in args.by] or [
        ["engine", "degradation"], ["engine"], ["degradation"], ["layout"], [],
    ]
    for keys in groupings:
        unknown = [key for key in keys if key not in KEYS]
        if unknown:
            print(f"score_by_group: unknown key {unknown[0]!r} (known: {', '.join(KEYS)})", file=sys.stderr)
            return 2
        groups = grouped_rows(scorer, records, outputs, keys)
        if args.json:
            for group, rows in groups.items():
                print(json.dumps({"group": dict(zip(keys, group, strict=True)), **scorer.summarise(rows)}))
            continue
        renamed = {group or ("all",): rows for group, rows in groups.items()}
        print("\n".join(table(scorer, " / ".join(keys) or "all", renamed)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
