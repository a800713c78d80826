"""Table rows in OCR text: the gaps between a flattened table's columns are kept.

OCR reads a table as lines whose cells stand apart by gaps of two spaces or more. A line with
two such gaps is a table row (or a form's: `姓名  张三  性别  男`); the spacing and punctuation
passes leave its wide gaps alone, which they would otherwise close up (`年份新增就业增长率`). A
typeset table sets its cells apart by one ideographic space; a line with two such gaps is a row the
layout keeps a line of its own. The line alone decides, because the pipeline runs those passes
again on single lines that later passes changed.
"""

from __future__ import annotations

import re

from cleaner.typography import INLINE_SPACE

WIDE_GAP = re.compile(f"[^{INLINE_SPACE}\n][{INLINE_SPACE}]{{2,}}(?=[^{INLINE_SPACE}\n])")
ROW_GAPS = 2  # wide gaps that make a line a table row
WIDE = 2  # spaces in a wide gap


# (An ideographic space alone is a gap a typesetter left: 10月1日（星期三）　李向东　副县长　139…)
_SET_GAP = re.compile(f"[^{INLINE_SPACE}\n]\u3000(?=[^{INLINE_SPACE}\n])")


def is_typeset_row(line: str) -> bool:
    """Whether one line (of text without line breaks) is a typeset table's row: ROW_GAPS ideographic
    spaces or more between its cells. (OCR's double spaces are too often noise to tell a row by.)"""
    return "\u3000" in line and sum(1 for _gap in _SET_GAP.finditer(line)) >= ROW_GAPS


class TableRows:
    """Which lines of one text are table rows, worked out for a line only when asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.rows: dict[int, bool] = {}  # line start -> whether the line is a table row

    def holds(self, position: int) -> bool:
        """Whether the line holding `position` has ROW_GAPS wide gaps or more."""
        start = self.text.rfind("\n", 0, position) + 1
        found = self.rows.get(start)
        if found is None:
            end = self.text.find("\n", start)
            gaps = WIDE_GAP.finditer(self.text, start, len(self.text) if end < 0 else end)
            found = self.rows[start] = sum(1 for _gap in gaps) >= ROW_GAPS
        return found
