"""A `%` sign OCR read as digits: Tesseract sees `%` as `96`, `94`, `98`, `9b`, `86`, `967` …
(`占年度计划的108.396。` → `108.3%。`).

A figure with three or more decimals and no unit is rare in official prose: People's Daily of
January 1998 (1.86 M characters) has none before a mark, and the gold texts none at all. So a
figure of one or two decimals followed by such a tail, then a mark, a line's end or a bound
(`以上`, `左右`), is a percentage whose sign OCR misread, when the document shows it states
percentages: it has another such figure, or a `%` sign. It is left alone where the document has
a figure of three decimals with no such tail (a coefficient, `基尼系数为0.465`: the document does
state such figures), and after a word that takes such a figure itself (系数, 指数, 汇率, 坐标 …).

On the OCR sets (pages, both faces) 189 of 193 such tails were a misread `%`; the other four were
misread too (`12.39t` for `12.3%`), their figure not read right.
"""

from __future__ import annotations

import re

from cleaner.edit import Edit, Safety, fast_edit

RULE = "figure.percent-read-as-digits"
CONFIDENCE = 0.9
MIN_FIGURES = 2  # without a % sign in the text
_AFTER = "(?=[ \t]*(?:[，。、；;,.：:）)\n]|$|以上|以下|左右|和|的|提高|降低))"
# A figure's one or two decimals, then the tail OCR made of its % sign.
_MISREAD = re.compile(f"(?<![0-9.])[0-9]{{1,3}}\\.[0-9]{{1,2}}(9[0-9]{{1,2}}|9[a-z]|[83]6){_AFTER}")
# Any figure of three or more decimals where a % could have been.
_THREE_DECIMALS = re.compile(f"(?<![0-9.])[0-9]+\\.[0-9]{{3,}}{_AFTER}")
# Words a figure of three decimals follows as itself.
_OWN_FIGURE = re.compile(
    "(?:系数|指数|汇率|利率|容积率|坐标|经度|纬度|东经|西经|北纬|南纬|比值|密度|误差|精度)[为是达到约]{0,2}[ \t]*$"
)


def percent_signs(text: str, pass_name: str) -> list[Edit]:
    """The `%` to put for the misread tails of the document's percentages, for the pass `pass_name`."""
    if "." not in text:
        return []
    misread = [match for match in _MISREAD.finditer(text)
               if not _OWN_FIGURE.search(text, max(0, match.start() - 8), match.start())]
    if not misread or (len(misread) < MIN_FIGURES and "%" not in text and "％" not in text):
        return []
    spans = {match.span() for match in misread}
    if any(match.span() not in spans and not _MISREAD.fullmatch(text, *match.span())
           for match in _THREE_DECIMALS.finditer(text)):
        return []  # the document states figures of three decimals
    return [
        fast_edit(match.start(1), match.end(1), match.group(1), "%", pass_name, RULE, CONFIDENCE,
                  "a figure of three decimals and no unit where this document states percentages: OCR read "
                  "its % sign as digits", Safety.AUTO)
        for match in misread
    ]
