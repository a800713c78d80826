"""Headings whose number OCR lost: a paragraph that starts with `、` (`、完善政策体系`) after
RapidOCR dropped the `一` of `一、`.

The number is read off the document's other headings of the same kind: between `一、` and `三、` it
is `二` (automatic); before a `二、` with none earlier it is `一` (automatic: a list starts at one);
after a `六、` with none later, `七` is a guess (the heading after may have been lost too), so it goes
to review. On the OCR sets (pages and whole documents) the two automatic cases were right 5 times in
5; the after-only guess 1 time in 2.
"""

from __future__ import annotations

import re

from cleaner.edit import Edit, Safety, fast_edit
from cleaner.typography import HEADING_NUMERALS

RULE = "heading.lost-number"
_NUMERALS = HEADING_NUMERALS
_HEADING = re.compile(f"(?m)^[ \t\u3000]*([{_NUMERALS}]{{1,3}})、")
_LOST = re.compile("(?m)^[ \t\u3000]*(?=、[\u4e00-\u9fff])")
MAX_NUMBER = 29


def lost_heading_numbers(text: str, pass_name: str) -> list[Edit]:
    """The numbers to put back before each paragraph that starts with `、`, for the pass `pass_name`."""
    if "、" not in text:
        return []
    lost = [match.end() for match in _LOST.finditer(text)]
    if not lost:
        return []
    headings = [(match.start(), number) for match in _HEADING.finditer(text)
                if (number := numeral_value(match.group(1))) is not None]
    edits = []
    for position in lost:
        before = [number for start, number in headings if start < position]
        after = [number for start, number in headings if start > position]
        previous, following = (before[-1] if before else None), (after[0] if after else None)
        if previous is not None and following == previous + 2:
            number, safety, confidence = previous + 1, Safety.AUTO, 0.9
        elif previous is None and following == 2:
            number, safety, confidence = 1, Safety.AUTO, 0.9
        elif previous is not None and following is None and previous < MAX_NUMBER:
            number, safety, confidence = previous + 1, Safety.REVIEW, 0.6
        else:
            continue
        numeral = numeral_text(number)
        edits.append(fast_edit(
            position, position, "", numeral, pass_name, RULE, confidence,
            f"a heading that starts with 、 lost its number; the document's other headings make it {numeral}、",
            safety,
        ))
    return edits


def numeral_value(numeral: str) -> int | None:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十 -> 20, 二十三 -> 23 (None for anything else)."""
    digits = [_NUMERALS.index(char) + 1 for char in numeral]
    if len(digits) == 1:
        return digits[0]
    if len(digits) == 2 and digits[0] == 10 and digits[1] < 10:
        return 10 + digits[1]
    if len(digits) == 2 and digits[1] == 10 and 1 < digits[0] < 10:
        return digits[0] * 10
    if len(digits) == 3 and digits[1] == 10 and 1 < digits[0] < 10 and digits[2] < 10:
        return digits[0] * 10 + digits[2]
    return None


def numeral_text(number: int) -> str:
    """The Chinese numeral of 1-99 (the inverse of numeral_value)."""
    tens, units = divmod(number, 10)
    unit = _NUMERALS[units - 1] if units else ""
    if tens == 0:
        return unit
    return ("" if tens == 1 else _NUMERALS[tens - 1]) + "十" + unit
