"""A `%` sign OCR read as digits: Tesseract sees `%` as `96`, `94`, `90`, `98`, `9b`, `86`, `85`, `26`,
`967` … (on the OCR sets, 96 253 times, 94 41 times, 90 20 times, 98 13 times, 8x 13 times)
(`占年度计划的108.396。` → `108.3%。`, `建筑密度不高于2596，` → `25%，`).

A figure with three or more decimals and no unit is rare in official prose, and so is a bare whole
number before a mark: People's Daily of January 1998 (1.86 M characters) has neither with such a
tail, leaving out its years (`1996、1997`), and the gold texts none at all. So a figure of one or two
decimals followed by such a tail, or a whole number by `96`, `94` …, then a mark, a line's end or a
bound (`以上`, `左右`), is a percentage whose sign OCR misread, when the document shows it states
percentages: it has another such figure, or a `%` sign. It is left alone where the document has a
figure of three decimals with no such tail (a coefficient, `基尼系数为0.465`: the document does
state such figures), and after a word that takes such a figure itself (系数, 指数, 汇率, 坐标 …).

On the OCR sets (pages and whole documents, both faces) each of the 210 signs it put back brought
the text closer to the truth.
"""

from __future__ import annotations

import re

from cleaner.edit import Edit, Safety, fast_edit
from cleaner.typography import COUNT_UNITS

RULE = "figure.percent-read-as-digits"
CONFIDENCE = 0.9
MIN_FIGURES = 2  # without a % sign in the text
# What follows a percentage: a mark, a line's end or a bound; after a figure with decimals, also 的.
_FOLLOWERS = "[，。、；;,：:）)\n]|\\.(?![0-9])|$|以上|以下|左右|和|提高|降低|给予|降至"
_AFTER = f"(?=[ \t]*(?:{_FOLLOWERS}|的))"
_AFTER_WHOLE = f"(?=[ \t]*(?:{_FOLLOWERS}))"
# (Each opens with a digit, and only then looks behind it: a pattern opening with a character class
# is scanned for in C.)
# A figure's one or two decimals, then the tail OCR made of its % sign (group 1); or a whole number
# and the tail 96, 94 … (group 2: `2596，` for 25%), not a year (1996) nor a count whose unit a
# wrap carried to the next line.
_MISREAD = re.compile(
    f"[0-9](?<![0-9.][0-9])[0-9]{{0,2}}\\.[0-9]{{1,2}}(9[0-9]{{1,2}}|9[a-z]|8[0-9]|[23]6){_AFTER}"
    f"|[0-9](?<![0-9.][0-9])[0-9]{{0,2}}(9[4-8])(?![ \t]*\n[ \t]*[{COUNT_UNITS}]){_AFTER_WHOLE}"
)
# Any figure of three or more decimals where a % could have been.
_THREE_DECIMALS = re.compile(f"[0-9](?<![0-9.][0-9])[0-9]*\\.[0-9]{{3,}}{_AFTER}")
# Words a figure of three decimals follows as itself.
_OWN_FIGURE = re.compile(
    "(?:系数|指数|汇率|利率|容积率|坐标|经度|纬度|东经|西经|北纬|南纬|比值|密度|误差|精度)[为是达到约]{0,2}[ \t]*$"
)

# A table's unit column just before the figure (出生人口　万人　897: OCR lost 8.97's point, and the spacing
# pass may have closed the gap): a count, not a percentage (dev25, eighteenth session).
_UNIT_COLUMN = re.compile("(?:人|个|家|户|元|吨|亩|辆|台|件|项|所|座|处|名)[ \t\u3000]*$")


def percent_signs(text: str, pass_name: str, evidence: str | None = None) -> list[Edit]:
    """The `%` to put for the misread tails of the document's percentages, for the pass `pass_name`;
    whether the document states percentages is read from `evidence` (the text as other rules leave
    it, `增长7.200` made `增长7.2%`: what a second clean would see), by default `text` itself."""
    evidence = text if evidence is None else evidence
    if "9" not in text:
        return []
    misread = [match for match in _MISREAD.finditer(text)
               if not _OWN_FIGURE.search(text, max(0, match.start() - 8), match.start()) and not _a_year(match)
               and not _UNIT_COLUMN.search(text, max(0, match.start() - 6), match.start())]
    if not misread or (len(misread) < MIN_FIGURES and "%" not in evidence and "％" not in evidence):
        return []
    if any(not _MISREAD.fullmatch(evidence, *match.span()) for match in _THREE_DECIMALS.finditer(evidence)):
        return []  # the document states figures of three decimals
    return [
        fast_edit(*_tail(match), "%", pass_name, RULE, CONFIDENCE,
                  "a figure ending in 96, 94 … with no unit where this document states percentages: OCR read "
                  "its % sign as digits", Safety.AUTO)
        for match in misread
    ]


def _a_year(match: re.Match[str]) -> bool:
    """Whether a whole number's match is a year of the 1990s (1996 and 1994 are no 19%)."""
    return match.start(2) >= 0 and len(match.group()) == 4 and match.group().startswith("19")


def _tail(match: re.Match[str]) -> tuple[int, int, str]:
    """Where the tail of a misread percentage is, and what it is."""
    group = 1 if match.start(1) >= 0 else 2
    return match.start(group), match.end(group), match.group(group)
