"""The spacing pass: remove the spaces OCR puts between Chinese characters and numbers.

Official documents set Chinese text solid: no space between ideographs, none between an
ideograph and a number or a percent sign (`2020 年 12 月` → `2020年12月`), none before or after
Chinese punctuation. Spaces between Latin words, inside numbers (`1 000`) and inside Latin text
are kept. The "official" profile also sets Latin words solid against Chinese (`使用 Python 语言`
→ `使用Python语言`); the "technical" profile keeps that spacing. Some gaps are layout, not noise:
an ideographic space is a typesetter's and stays (本报记者　王明; OCR never reads one), and so do
the space after a section's number (1.1 编制目的) and the wide gaps between a flattened table's
columns (cleaner/table_rows.py); a gap between two labelled fields on one line (联系人：王明  联系
电话：…) becomes two ideographic spaces, and the gap after the name in a list of people, one to a
line (李国强”县消防救援大队…), one (cleaner/roster_rows.py), as does each gap of a byline (本报记者
周明远”通讯员 吴佳琪 → 本报记者　周明远　通讯员　吴佳琪), even one OCR read as nothing
(本报记者周明远), and the gap after an article's number in a text of articles
(第一条为加强… → 第一条　为加强…, 第二章 管理职责 → 第二章　管理职责).
"""

from __future__ import annotations

import functools
import re
from enum import Enum

from cleaner.config import Config
from cleaner.edit import Edit, fast_edit
from cleaner.layout_lines import NUMERAL_SPACE_HEADING
from cleaner.roster_rows import IDEOGRAPHIC_SPACE, byline_gaps, row_gaps, signature_gaps
from cleaner.table_rows import TableRows
from cleaner.typography import CJK, DIGIT, HAN, HEADING_NUMERALS, INLINE_SPACE, LATIN

NAME = "spacing"

# A run of spaces, spelt [s][s]* rather than [s]+: a pattern that opens with a character set lets
# the regular-expression engine skip ahead to the next space in C (three times faster on Chinese).
_SPACE = re.compile(f"[{INLINE_SPACE}][{INLINE_SPACE}]*")
_CHINESE = re.compile(f"[{CJK}]")
_NUMBER = re.compile(f"[{DIGIT}]")
_LETTER = re.compile(f"[{LATIN}]")
_PERCENT = frozenset("%\uff05\u2030")
_DIGITS = frozenset("0123456789\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19")
# "第一条　" keeps the space that sets an article number apart from its text.
_ARTICLE = re.compile(r"第[〇零一二三四五六七八九十百千0-9０-９]+[条章节编款]\Z")
_ARTICLE_ENDS = frozenset("条章节编款")
# In a text of articles (MIN_ARTICLES paragraphs or more open with 第…条), the number of an article,
# chapter or section that opens a paragraph is set apart from its text by an ideographic space
# (第一条　为加强…, 第二章　管理职责), which OCR reads as a space or not at all. (Not in other texts: 第一条
# 生产线 opens a sentence of a news report. Nor a reference that labels a line: 第二十条第（五）项：.)
_ARTICLE_HEAD = re.compile(
    f"(?m)^[ \t\u3000]*第[〇零一二三四五六七八九十百]{{1,5}}[条章节]([ \t]*)(?=[{HAN}])(?![第的之所]|规定)"
)
_ARTICLE_OPENING = re.compile("(?m)^[ \t\u3000]*第[〇零一二三四五六七八九十百]{1,5}条")
MIN_ARTICLES = 3

# A field's label (联系电话：, 网址：, E-mail:) after a gap, on a line that already holds a label:
# the gap sets two fields apart (联系人：王明　　联系电话：…) and stays, as two ideographic spaces.
# (Two characters at least: in text OCR spaced character by character, `邮 箱 :` holds no gap.)
_FIELD_LABEL = re.compile(f"[{HAN}A-Za-z][{HAN}A-Za-z-]{{1,7}}[ \t]*[：:]")
_FIELD_GAP = "\u3000\u3000"
_SEPARATING_MARKS = ",，;；、。."

# The gaps set as one ideographic space, whatever OCR read there: (rule, reason) of each kind.
_GAP_REASONS = (
    ("space.roster-gap", "the gap after a name in a list of people, one to a line (周立新　县应急管理局局长), "
     "which OCR read as spaces or a stray mark: one ideographic space"),
    ("space.byline-gap", "a gap in a byline (本报记者　周明远　通讯员　吴佳琪), which OCR read as spaces or a "
     "stray quote: one ideographic space"),
    ("space.article-gap", "the gap between the number of an article, chapter or section that opens a "
     "paragraph and its text (第一条　为加强…), which OCR read as a space or not at all: one ideographic space"),
    ("space.signature-gap", "the gap between a post and the name after it on a line of their own (审计局局长　"
     "陈立华, 市长　林启航), or between a unit and a contact's name, which OCR read as spaces or a stray quote: one "
     "ideographic space"),
)

_REASONS = {
    "cjk": "space between Chinese characters or between Chinese and a number; Chinese is set solid",
    "latin": "space between Chinese and a Latin word; the official profile sets them solid",
    "percent": "space between a number and its percent sign",
}


class SpacingPass:
    name = NAME

    def __init__(self, keep_latin_spacing: bool) -> None:
        self.keep_latin_spacing = keep_latin_spacing

    def propose(self, text: str) -> list[Edit]:
        edits: list[Edit] = []
        gaps = row_gaps(text), byline_gaps(text), article_gaps(text), signature_gaps(text)
        in_gaps: set[int] = set()
        for found, (gap_rule, gap_reason) in zip(gaps, _GAP_REASONS, strict=True):
            for start, end in found:
                # (a gap two finders found, a byline's that is a signature's too, is set once: the first's)
                if start in in_gaps or end - 1 in in_gaps:
                    continue
                if text[start:end] != IDEOGRAPHIC_SPACE:
                    edits.append(fast_edit(start, end, text[start:end], IDEOGRAPHIC_SPACE, NAME, gap_rule, 0.85,
                                           gap_reason))
                in_gaps.update(range(start, end))
        rows = TableRows(text)
        # Spaces are rare in Chinese text: find them, then look at what stands on each side.
        for match in _SPACE.finditer(text):
            start, end = match.span()
            if not start or end == len(text) or start in in_gaps:
                continue
            if text[start - 1] in _HEADING_NUMERALS and _heading_numeral_space(text, end):
                edits.append(fast_edit(start, end, match.group(), "、", NAME, "space.heading-numeral-mark", 0.9,
                                       _HEADING_NUMERAL_REASON))
                continue
            if match.group().strip("\u3000") == "" or _after_section_number(text, start, end):
                continue  # a typesetter's gap (本报记者　王明, 日期　带班领导), a section's number (1.1 编制目的)
            if end - start >= 2 and rows.holds(start):
                continue  # a gap between a table's columns: it stays
            if _between_fields(text, start, end):
                if match.group() != _FIELD_GAP:
                    edits.append(fast_edit(start, end, match.group(), _FIELD_GAP, NAME, "space.field-gap", 0.9,
                                           "a gap between two labelled fields (联系人：… 电话：…) is set "
                                           "as two ideographic spaces"))
                continue
            rule = self._rule(text[start - 1], text[end])
            if rule is None or (
                # (the article pattern ends on one of 条章节编款: most spaces need no search)
                rule == "cjk" and text[start - 1] in _ARTICLE_ENDS and _ARTICLE.search(text, max(0, start - 12), start)
            ):
                continue
            edits.append(fast_edit(start, end, match.group(), "", NAME, f"space.{rule}", 0.97, _REASONS[rule]))
        return edits

    def _rule(self, left: str, right: str) -> str | None:
        """Which kind of removable space stands between `left` and `right`, if any."""
        left_kind, right_kind = _kind(left), _kind(right)
        if left_kind is _Kind.CHINESE and right_kind is _Kind.CHINESE:
            return "cjk"
        if left_kind is _Kind.CHINESE or right_kind is _Kind.CHINESE:
            other = right_kind if left_kind is _Kind.CHINESE else left_kind
            if other is _Kind.NUMBER:
                return "cjk"
            if other is _Kind.LETTER:
                return None if self.keep_latin_spacing else "latin"
            return None
        if right in _PERCENT and left in _DIGITS:
            return "percent"
        return None


# The space after a numbered heading's numeral, alone on its line, is its 、 as OCR read it (八 附则).
_HEADING_NUMERALS = frozenset(HEADING_NUMERALS)
_HEADING_NUMERAL_SPACE = re.compile(f"[ \t\u3000]*{NUMERAL_SPACE_HEADING}")
_HEADING_NUMERAL_REASON = "a numbered heading alone on its line (八、附则): OCR read its 、 as a space"


def _heading_numeral_space(text: str, end: int) -> bool:
    """Whether the space ending at `end` follows the numeral of a heading alone on its line."""
    line_end = text.find("\n", end)
    heading = _HEADING_NUMERAL_SPACE.match(text, text.rfind("\n", 0, end) + 1, len(text) if line_end < 0 else line_end)
    return heading is not None and heading.end() == end


# A section's number of two levels or more (1.1, 3.2.4), which GB/T 1.1 sets apart from its title by
# a space. (A single number before a space is as often a list item whose point OCR lost: 2 推行…)
_SECTION_NUMBER = re.compile("[0-9]{1,2}(?:\\.[0-9]{1,2}){1,3}")


def article_gaps(text: str) -> list[tuple[int, int]]:
    """The gaps after the numbers that open the paragraphs of a text of articles (第一条 为加强…,
    第二章管理职责), as (start, end), empty where OCR read none: each is set as one ideographic space."""
    if "条" not in text or len(_ARTICLE_OPENING.findall(text)) < MIN_ARTICLES:
        return []
    return [head.span(1) for head in _ARTICLE_HEAD.finditer(text)]


def _after_section_number(text: str, start: int, end: int) -> bool:
    """The space text[start:end] follows a section's number that opens its line (1.1 编制目的)."""
    if not text[start - 1].isdigit() or not _CHINESE.match(text[end]):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return _SECTION_NUMBER.fullmatch(text, line_start, start) is not None


def _between_fields(text: str, start: int, end: int) -> bool:
    """A label follows the gap text[start:end], no mark already separates it from the field
    before (`电话：… , 邮箱：`), and the line before it holds a label's colon."""
    if _FIELD_LABEL.match(text, end) is None or (start > 0 and text[start - 1] in _SEPARATING_MARKS):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return text.find("：", line_start, start) >= 0 or text.find(":", line_start, start) >= 0


class _Kind(Enum):
    CHINESE = "chinese"
    NUMBER = "number"
    LETTER = "letter"
    OTHER = "other"


@functools.cache
def _kind(char: str) -> _Kind:
    """Which class a character beside a space belongs to (Chinese first: ％ is Chinese and a number)."""
    if _CHINESE.match(char):
        return _Kind.CHINESE
    if _NUMBER.match(char):
        return _Kind.NUMBER
    if _LETTER.match(char):
        return _Kind.LETTER
    return _Kind.OTHER


def build(config: Config) -> SpacingPass:
    return SpacingPass(keep_latin_spacing=config.profile == "technical")
