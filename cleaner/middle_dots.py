"""Middle dots that stand for commas: RapidOCR reads `，` as `·` in a Kai (brush-style) face.

A `·` between hanzi is right in a campaign's or a foreign name (`国聘行动·走进…`, `卡尔·马克思`), which
a page has once or twice; a page of prose with several is a page whose commas OCR read so. Each of
them is proposed as `，` for review, with `。` and `、` as the alternatives: on the OCR sets 207 of
254 such dots were commas, 30 full stops and 17 enumeration commas, which only the sense tells.
"""

from __future__ import annotations

import re

from cleaner.edit import Edit, Safety, fast_edit

RULE = "mark.middle-dot-for-comma"
MIN_DOTS = 3  # between hanzi, in one text
CONFIDENCE = 0.8
_DOT = re.compile("(?<=[\u4e00-\u9fff])·(?=[\u4e00-\u9fff“])")


def middle_dots(text: str, pass_name: str) -> list[Edit]:
    """Review proposals `·` → `，` for a text with at least MIN_DOTS dots between hanzi."""
    if text.count("·") < MIN_DOTS:
        return []
    dots = [match.start() for match in _DOT.finditer(text)]
    if len(dots) < MIN_DOTS:
        return []
    return [
        fast_edit(position, position + 1, "·", "，", pass_name, RULE, CONFIDENCE,
                  "this text has several · between hanzi: OCR reads ， as · in some faces (or 。、: check which)",
                  Safety.REVIEW, alternatives=("。", "、"))
        for position in dots
    ]
