"""The spacing pass: remove the spaces OCR puts between Chinese characters and numbers.

Official documents set Chinese text solid: no space between ideographs, none between an
ideograph and a number or a percent sign (`2020 年 12 月` → `2020年12月`), none before or after
Chinese punctuation. Spaces between Latin words, inside numbers (`1 000`) and inside Latin text
are kept. The "official" profile also sets Latin words solid against Chinese (`使用 Python 语言`
→ `使用Python语言`); the "technical" profile keeps that spacing.
"""

from __future__ import annotations

import re

from cleaner.config import Config
from cleaner.edit import Edit
from cleaner.typography import CJK, DIGIT, INLINE_SPACE, LATIN

NAME = "spacing"

_SPACE = f"[{INLINE_SPACE}]+"
# Chinese on one side, Chinese, a digit or a percent sign on the other.
_SOLID = rf"(?<=[{CJK}]){_SPACE}(?=[{CJK}{DIGIT}])|(?<=[{CJK}{DIGIT}]){_SPACE}(?=[{CJK}])"
# Chinese against Latin letters, either way round.
_LATIN = rf"|(?<=[{CJK}]){_SPACE}(?=[{LATIN}])|(?<=[{LATIN}]){_SPACE}(?=[{CJK}])"
# A digit against a percent sign (`26 %`).
_PERCENT = rf"|(?<=[0-9\uff10-\uff19]){_SPACE}(?=[%\uff05\u2030])"

# "第一条　" keeps the space that sets an article number apart from its text.
_ARTICLE = re.compile(r"第[〇零一二三四五六七八九十百千0-9０-９]+[条章节编款]\Z")

_REASONS = {
    "cjk": "space between Chinese characters or between Chinese and a number; Chinese is set solid",
    "latin": "space between Chinese and a Latin word; the official profile sets them solid",
    "percent": "space between a number and its percent sign",
}


class SpacingPass:
    name = NAME

    def __init__(self, keep_latin_spacing: bool) -> None:
        pattern = _SOLID + _PERCENT + ("" if keep_latin_spacing else _LATIN)
        self._pattern = re.compile(pattern)
        self._latin = re.compile(f"[{LATIN}]")

    def propose(self, text: str) -> list[Edit]:
        edits = []
        for match in self._pattern.finditer(text):
            start, end = match.span()
            if _ARTICLE.search(text, max(0, start - 12), start):
                continue
            rule = _rule(text, start, end, self._latin)
            edits.append(Edit(
                start, end, match.group(), "", NAME, f"space.{rule}", 0.97, _REASONS[rule],
            ))
        return edits


def _rule(text: str, start: int, end: int, latin: re.Pattern[str]) -> str:
    """Which kind of space a match is, for its rule id and reason."""
    left, right = text[start - 1], text[end]
    if latin.match(left) or latin.match(right):
        return "latin"
    if right in "%\uff05\u2030" and not re.match(f"[{CJK}]", left):
        return "percent"
    return "cjk"


def build(config: Config) -> SpacingPass:
    return SpacingPass(keep_latin_spacing=config.profile == "technical")
