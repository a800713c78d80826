#!/usr/bin/env python3
"""Join an OCR page set (benchmarks/ocr_set/make_ocr_set.py output) into whole documents, as a
user would feed them: one record per document, engine and level, its pages' OCR each ended by a
form feed (how Tesseract and pdftotext end a page), its truth the pages' truths with a paragraph a
page break cut joined again.

    python scripts/pages_to_documents.py PAGES.jsonl DOCUMENTS.jsonl
"""

from __future__ import annotations

import argparse
import json
from itertools import pairwise
from pathlib import Path
from typing import Any


def documents(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for page in pages:
        groups.setdefault((page["doc"], page["degradation"], page["engine"]), []).append(page)
    joined = []
    for (doc, level, engine), group in groups.items():
        group.sort(key=lambda page: page["page"])
        truth = group[0]["truth"]
        for previous, page in pairwise(group):
            truth += ("" if previous["ends_mid_paragraph"] else "\n") + page["truth"]
        joined.append({
            "id": f"{doc}/{level}/{engine.split()[0].split('-')[0]}", "engine": engine, "degradation": level,
            "layout": group[0]["layout"], "pages": len(group),
            "ocr": "".join(page["ocr"].rstrip("\n") + "\n\f" for page in group), "truth": truth,
        })
    return joined


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", type=Path)
    parser.add_argument("out", type=Path)
    arguments = parser.parse_args()
    with arguments.pages.open(encoding="utf-8") as stream:
        pages = [json.loads(line) for line in stream if line.strip()]
    with arguments.out.open("w", encoding="utf-8") as out:
        for record in documents(pages):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
