"""A `9` OCR read into percentages: Tesseract sees the `%` sign as `9%` (`增长8.3%` → `增长8.39%`).

One such figure could be true (`增长25.69%`), so the evidence is the document's: when at least two of
its percentages have two decimals ending in 9 and none has two decimals ending otherwise, those
9s are the misreading (`同比增长8.39%` … `增长1.39%` → `8.3%` … `1.3%`). A document that states
percentages to two decimals has them end in every digit.

On the OCR sets (pages and whole documents) 58 of 58 such 9s were misread; in People's Daily of
January 1998 (1.86 M characters, 1,437 percentages, six two-decimal ones ending in 9) none of the
figures is taken for one, in any span of 20 paragraphs.

A single such figure is evidence too where the document states another percentage to one decimal
(`增长8.3%` … `增长1.39%`): a page seldom holds more (until the twelfth session three were needed).
On the OCR page sets and seed_ocr 81 of 81 such 9s were misread (73 of 73 with three; with the
sets rebuilt later in the twelfth session, 220 of 220 against 204 of 204). In People's
Daily, its full-width figures read as half-width, one span of 20 or 40 paragraphs has such a
figure, a true one (25.69% beside six one-decimal percentages), with three as with one. A figure
all of nines (纯度99.99%) is stated so on purpose and never taken.
"""

from __future__ import annotations

import re

from cleaner.edit import Edit, Safety, fast_edit

RULE = "figure.percent-nine"
MIN_FIGURES = 2
MIN_ONE_DECIMAL = 1  # one-decimal percentages that make a single two-decimal one ending in 9 a misreading
CONFIDENCE = 0.9
# The point first, the look-behinds after it (a pattern opening with a literal is scanned for in C).
_TWO_DECIMALS = re.compile("\\.(?<=[0-9]\\.)[0-9]([0-9])(?=[%％])")
_ONE_DECIMAL = re.compile("\\.(?<=[0-9]\\.)[0-9](?=[%％])")


def percent_nines(text: str, pass_name: str) -> list[Edit]:
    """The 9s to delete from the document's two-decimal percentages, for the pass `pass_name`."""
    if "%" not in text and "％" not in text:
        return []
    # (A figure's integer part starts after no other point: 1.2.39% is no percentage.)
    figures = [figure for figure in _TWO_DECIMALS.finditer(text)
               if not _after_point(text, figure.start()) and not _all_nines(text, figure.start())]
    if not figures or any(figure.group(1) != "9" for figure in figures):
        return []
    if len(figures) < MIN_FIGURES and len(_ONE_DECIMAL.findall(text)) < MIN_ONE_DECIMAL:
        return []
    return [
        fast_edit(
            figure.start(1), figure.end(1), "9", "", pass_name, RULE, CONFIDENCE,
            "every two-decimal percentage of this document ends in 9 (its others have one decimal): OCR read "
            "its % sign as 9%",
            Safety.AUTO,
        )
        for figure in figures
    ]


def _all_nines(text: str, point: int) -> bool:
    """Whether the figure whose point is at `point` is all nines (纯度99.99%): a purity or a rate of
    availability, stated so on purpose."""
    return set(text[_integer_start(text, point):point] + text[point + 1:point + 3]) == {"9"}


def _after_point(text: str, point: int) -> bool:
    """Whether the digits before the point at `point` follow another point."""
    start = _integer_start(text, point)
    return start > 0 and text[start - 1] == "."


def _integer_start(text: str, point: int) -> int:
    """Where the digits before the point at `point` start."""
    start = point
    while start and "0" <= text[start - 1] <= "9":
        start -= 1
    return start
