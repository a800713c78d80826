"""Numbered items whose point OCR lost: `3身体健康，能够…` in a document whose other items read `2.`.

A line that starts with a number run straight into hanzi is a numbered item that lost its point
when the document numbers its other items so (`1.` … `4.`), and is no chapter heading of a
document numbered by decimals (`7 附则` above `7.1 …`, whose space OCR lost). The evidence is the
document's, so the rule weighs the whole text (a part of it may not hold another item). On the OCR
sets (pages and whole documents, 2026-12-07) each of the 85 points it puts back brings the text
closer. Before counts (`1小时内书面报告`), a bracket read as a digit and a line's stray remains
were told apart, 26 of 111 took it further. Nor is a row of a table under a `序号` header
(`1数控加工（数控车工）三年…`, the gap after the row's number lost) an item: on held_out_22 every
point put there took the text further. Nor is a line whose number is near no item's (`7无人机…` in a
document whose items go to 3): a lost point's item stands beside its siblings, or one further off
when OCR lost a line (`2.…`, `4投标…`).
"""

from __future__ import annotations

import re

from cleaner.edit import Edit, Safety, fast_edit
from cleaner.typography import COUNT_UNITS

RULE = "number.lost-point-in-list-number"
CONFIDENCE = 0.9
_ITEM = re.compile("(?m)^[ \t\u3000]*([0-9]{1,2})[.．][ \t]*[\u4e00-\u9fff]")
_DECIMAL_HEADING = re.compile("(?m)^[ \t\u3000]*[0-9]{1,2}[.．][0-9]")
# A number run into two hanzi or more at the start of a line of some length: not a count (36个调研村中…,
# 1小时内书面报告), nor a bracketed heading number whose opening OCR read as a digit (1五）强化…, 1可)
# 深化…), nor a line's stray remains (3一, 1风远).
_POINTLESS = re.compile(
    "(?m)^[ \t\u3000]*([0-9]{1,2})(?=[\u4e00-\u9fff]{2}[^\n]{2})(?![^\n]{1,3}[)）])"
    f"(?![{COUNT_UNITS}时分秒岁]|小时)"
)
_CLOSING = re.compile("[)）]")
_OPENING = re.compile("[(（【〔［\\[{《〈]")  # (as OCR may read a round bracket's opening: 【街道)
# A table's header line (序号　专业名称　学制…), and what ends a table: a line holding a full stop (a
# row may hold OCR's commas and colons: 0.32mg/kg　≤0.05mg/kg read as 0.32mgkE 三0.05mg/kg，).
_TABLE_HEADER = re.compile("[ \t\u3000]*序号")
_FULL_STOP = re.compile("。")
MAX_TABLE_ROWS = 30


def lost_item_points(text: str, pass_name: str, evidence: str | None = None) -> list[Edit]:
    """The `.` to put back after the number of each numbered item of `text` that lost it, for
    `pass_name`; how the document numbers its items is read from `evidence` (the text as other
    rules leave it, `2 .落实` made `2.落实`), by default `text` itself."""
    evidence = text if evidence is None else evidence
    numbers = {int(match.group(1)) for match in _ITEM.finditer(evidence)}
    if not numbers or _DECIMAL_HEADING.search(evidence) is not None:
        return []
    candidates = [
        match for match in _POINTLESS.finditer(text)
        if not _bracket_read_as_number(text, match.end()) and not _table_row(text, match.start())
    ]
    return [
        fast_edit(match.end(), match.end(), "", ".", pass_name, RULE, CONFIDENCE,
                  "this document numbers its items 1. 2. …: a line starting with a number run into hanzi is "
                  "one whose point OCR lost", Safety.AUTO)
        for match in _beside_items(candidates, numbers)
    ]


# How far an item's number may be from its nearest sibling's (OCR may lose an item's line: `2.`, `4投标…`).
MAX_NUMBER_GAP = 2


def _beside_items(candidates: list[re.Match[str]], numbers: set[int]) -> list[re.Match[str]]:
    """The `candidates` whose number is near an item's (one of `numbers`, or of a candidate taken; at
    most MAX_NUMBER_GAP apart), or the first, 1: `3身体…` beside `2.` and `4.`, not `7无人机…` in a
    document whose items go to 3."""
    by_number: dict[int, list[re.Match[str]]] = {}
    for match in candidates:
        by_number.setdefault(int(match.group(1)), []).append(match)
    taken = by_number.pop(1, [])  # (a list's first item needs no sibling)
    reached = numbers | {1} if taken else set(numbers)
    waiting = list(reached)
    while waiting:
        number = waiting.pop()
        for neighbour in range(number - MAX_NUMBER_GAP, number + MAX_NUMBER_GAP + 1):
            if neighbour in by_number:
                taken += by_number.pop(neighbour)
                if neighbour not in reached:
                    reached.add(neighbour)
                    waiting.append(neighbour)
    return sorted(taken, key=lambda match: match.start())


def _bracket_read_as_number(text: str, end: int) -> bool:
    """Whether the line's number is an opening bracket OCR read as a digit, which the line closes
    (1联系人：周建明，电话：…)）."""
    line_end = text.find("\n", end)
    line = text[end:len(text) if line_end < 0 else line_end]
    return len(_CLOSING.findall(line)) > len(_OPENING.findall(line))


def _table_row(text: str, position: int) -> bool:
    """Whether the line at `position` is a row of a table whose header (序号…) stands above it, no line
    between them (nor itself) holding a full stop: `序号专业名称学制…⏎1数控加工三年…`."""
    if "序号" not in text:
        return False
    end = text.find("\n", position)
    end = len(text) if end < 0 else end
    for _ in range(MAX_TABLE_ROWS):
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if _TABLE_HEADER.match(line.lstrip("\f")):
            return True
        if _FULL_STOP.search(line) or start == 0:
            return False
        end = start - 1
    return False
