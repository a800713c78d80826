"""Decide, for every break between two lines, whether it ends a paragraph or is a wrap.

Two readings of a page:
- a *column* (hard-wrapped text): most lines run to the same width, which is estimated from the
  neighbouring lines on each side (pages, columns and documents differ). A line that reaches the
  width was wrapped; a shorter one ended its paragraph, unless it is a paragraph's first line,
  shorter by its indent. A sentence end at the full width is a break only when the next line is
  indented.
- *free* text (lines that are already paragraphs, cut at page ends): a line that ends mid-text
  after a complete sentence, or on a comma or an open bracket, was cut; others end paragraphs.
In both, a structural marker (一、 （一） 1. 第X条 附件) starts a new line, a date, document number
or contact line stands alone, the lines of a title at the top of a document are joined, and the
issuer's name above the document's date starts its own line.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from cleaner.layout_lines import OWN_LINE_TITLES, Ending, Line, line_width
from cleaner.lazy_regex import lazy_compile
from cleaner.roster_rows import (
    IDEOGRAPHIC_SPACE,
    coded_rows,
    figure_rows,
    holds_byline,
    opens_byline,
    post_rows,
    row_flags,
    signature_rows,
    split_row_names,
    unit_rows,
)
from cleaner.table_rows import is_typeset_row
from cleaner.typography import LIST_INTRODUCERS, TAKES_A_FIGURE, UNIT_FIELD_LABEL

# How far a wrapped line may fall short of the column width (digits, compressed punctuation).
TOLERANCE = 1.6
# How much shorter a paragraph's first line is (two-character indent).
INDENT = 2.0
# How far (in ems, and as a share of the width) a line ending mid-text that is not a paragraph's
# first line may fall short of the width and still be a wrap: OCR drops marks and quotes (3/4 em
# each) and the odd character, while an unpunctuated paragraph end (a heading) is rarely that long.
NEAR_FULL = 3.0
NEAR_FULL_SHARE = 0.16
# How many lines on each side give the column width.
WINDOW = 9
# The widest line a page prints (ems): 28 on an official document's A4 page, 40-odd at a small size,
# 12-15 in a newspaper column. Lines wider than this are paragraphs already (as a second run sees a
# first run's output): however alike their widths, they are no column.
PRINTED_WIDTH = 60.0
# Narrower than any column text is set in (a newspaper's is 12-15 ems): a few lines this short alike
# in width are headings, names or fragments, not wrapped text.
NARROWEST_COLUMN = 6.0
# A block of lines narrower than this share of the page's regular column is short lines alike in width
# (a title block, a heading), not a narrower column.
NARROW_BLOCK_SHARE = 0.6
# A line this many times as wide as the column around it is no line of the column but a paragraph
# (as a second run sees the paragraphs a first run made); it ends where its last sentence does.
PARAGRAPH_LINE = 1.5
# A numbered line ending without a mark is a heading when no wider than this share of the column.
HEADING_SHARE = 0.6
# Lines at the top of a document in which a title is looked for.
TITLE_ZONE = 10
_SENTENCE_END = lazy_compile("[。！？；!?;]")
# An article's number with the text (or OCR's reading of the space, a quote) right after it: a
# marker only after a sentence end, as a wrapped line may start with a reference (依照本办法⏎第二条规定).
_ARTICLE_START = lazy_compile("第[一二三四五六七八九十百零〇0-9]+[条章节](?=[”“\"\u4e00-\u9fff])")
# A number set apart by spaces at a line's end: a contents entry's page, or a page number OCR read.
_SPACED_NUMBER = lazy_compile("[ \u3000]{2,}[0-9]{1,4}$")
# A label's value that a wrap carried to the next line (手机：⏎13905782641, 电子邮箱：⏎…@163.com), or a
# web address in brackets after the name of its site (…公共资源交易网⏎(http://…)): what no paragraph
# starts with.
_LABEL_VALUE = lazy_compile(r"(?:[A-Za-z0-9._%+-]+@|https?:|www\.|[0-9][0-9 -]{6,}(?![0-9 -]*[.．、]))")
# A phone number's label ending a line, its colon read as another mark or lost (联系电话;⏎0539-…).
_PHONE_LABEL_END = lazy_compile("(?:电话|手机|传真|热线)[：:;；，,]{0,2}$")
# An e-mail or web address's label ending a line before the address, which OCR may garble past its
# @ (电子邮箱:⏎hcjyjjcel1…): on the OCR sets 46 such lines, none ending a paragraph.
_ADDRESS_LABEL_END = lazy_compile("(?:邮箱|[Ee]-?mail|网址|网站)[：:;；]$")
_LATIN_START = lazy_compile("[A-Za-z0-9]")
# A date alone, or a deadline (整改期限：⏎2026年4月10日前。): a label's value.
_DEADLINE = lazy_compile(
    r"(?:[0-9]{4}\s*年\s*)?[0-9]{1,2}\s*月\s*(?:[0-9]{1,2}\s*日|底|末|[上中下]旬)(?:前|以前|之前|止)?[）)]?[。；;.]?"
)
# (not an issuer's name: 某某县人民政府：⏎日期)
_LAST_LABEL = lazy_compile("(?:^|[。；，;,])[\u4e00-\u9fff]{2,8}[：:]$")
_BRACKETED_ADDRESS = lazy_compile(r"[（(](?:https?:|www\.)")
# A line that starts with a short label and its value (行政许可：本年处理决定数量1426件), and one that
# ends with a count.
_LABEL_CHARACTER = r"[\u4e00-\u9fff（）()]"
_LABELLED = lazy_compile(rf"{_LABEL_CHARACTER}{{2,10}}[：:](?=[ \t]*[^ \t])")
_FIELD_CLAUSE = lazy_compile("[，。；,;]")  # (a field's value holds no clause)
_LABEL_COLON = lazy_compile("[：:]")  # (a second one in a line is another label's: 当事人：…名称：)
_CONTACT_LABEL = lazy_compile(rf"{_LABEL_CHARACTER}{{0,4}}(?:电话|手机|传真|邮箱|电子邮箱|邮编|网址|地址|联系人)[：:]")
_LABEL_LINE = lazy_compile(rf"{_LABEL_CHARACTER}{{2,12}}[：:]")  # a label alone: 第二十条第（五）项：
_COUNT_END = lazy_compile(r"[0-9][\u4e00-\u9fff]?[；;。]?$")
# Lines at the top of a document in which the issuer's letterhead is looked for.
LETTERHEAD_ZONE = 3
_LETTERHEAD = lazy_compile(r"^[^，。、；：,;:]{2,30}(?:文件|函件)$")
# Last characters of the name of an organisation an official document is addressed to.
_ORGANISATION_ENDS = frozenset("局厅委办部院校构位会司处室府队团所站心")
# First characters of a line that carries an addressee list on.
_LIST_CONTINUES = frozenset("、，,（(")
# How a body's first sentence opens, never an addressee (为深入贯彻落实…工作部⏎署，… is a wrap, not an
# addressee ending in 部 whose colon OCR lost).
_SENTENCE_OPENING = lazy_compile("为|根据|按照|依据|依照|近日|近年来|今年以来|现将|现就|我们|随着|截至|在")
# How frequent (Zipf) the word a line's last character and the next line's first character make must
# be, for the break to split a word: 行|动 (5.4), 期|间 (5.4), 质|量 (5.1); chance pairs score below 2.
SPLIT_WORD_ZIPF = 3.0
# A word of three or four characters across a break is evidence of a cut at this frequency.
SPLIT_PHRASE_ZIPF = 2.0
# Last characters after which the text must go on: 、 and opening brackets and quotes.
_OPENING = frozenset("、（(《“‘「『【〔[")
# A closing bracket or title mark ends no sentence (…送达了《行政处罚告知书》⏎（丰市监罚告…): a line that
# ends with one runs on, even where the next line falls short as an indented one would (on the OCR
# sets such breaks were joins 9 times in 9).
_SHUTTING = frozenset("》）)】〕]")
_DOCUMENT_TYPE = lazy_compile(
    r"(?:通知|通报|通告|公告|公报|意见|决定|决议|命令|报告|请示|批复|复函|函|纪要|办法|规定|规则|细则"
    r"|条例|方案|规划|计划|要点|指南|标准|议案|讲话|总结|说明|公示|倡议书|告知书|承诺书|公开信|启事|声明|须知"
    r"|议程|日程|建议书|意见书|决定书|通知书)"
    r"(?:[（(][^）)]{1,10}[）)])?$"
)


class Verdict(Enum):
    JOIN = "join"
    BREAK = "break"
    MAYBE_JOIN = "maybe-join"  # keep the break, propose the join for review


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    rule_id: str
    confidence: float
    reason: str
    joiner: str | None = None  # what a join puts between the lines (None: nothing, or a space in Latin)


# Decisions are few and immutable: build each once.
_decision = functools.cache(Decision)


@dataclass(frozen=True, slots=True)
class Column:
    """The width lines around a line run to, and whether they look hard-wrapped at all."""

    width: float
    regular: bool


WordFrequency = Callable[[str], float]


def decide(lines: list[Line], word_frequency: WordFrequency | None = None) -> list[Decision]:
    """One Decision per break between consecutive lines (len(lines) - 1 of them).

    `word_frequency` (a word's Zipf frequency, 0 for no word) lets a break that splits a word join
    (行|动 → 行动); without it such breaks are decided like any other.
    """
    if len(lines) < 2:
        return []
    widths = [line.width for line in lines]
    texts = [line.text for line in lines]
    tables = [is_typeset_row(text) and not holds_byline(text) for text in texts]
    phones = ["0" <= text[-1:] <= "9" and _PHONE_END.search(text) is not None for text in texts]
    # (A typeset table's row ends mid-text, in a figure, but no wrap: its rows alike in width are no column.)
    wraps = [line.ending >= Ending.COMMA and not table for line, table in zip(lines, tables, strict=True)]
    count = len(lines)
    titles, title_ends = _title_breaks(lines)
    page = _column(widths, wraps, 0, count, share=0.25, minimum=2 if count <= 4 else 3)
    # The window of WINDOW lines ending at each line; the one starting at a line ends WINDOW - 1 later.
    trailing = _within_page(_trailing_columns(widths, wraps), page)
    tail = _within_page(_tail_columns(widths, wraps), page)
    decisions: list[Decision] = []
    first_line = True
    signed = _signature_breaks(lines)
    special = titles | title_ends | signed
    # Lines the common case below cannot follow or precede.
    apart = [line.fragment or line.standalone for line in lines]
    # (and lines that open a field or a byline, which the line before may run on to, or not)
    openings = [_opening(text) for text in texts]
    coded = coded_rows(texts)
    starts = [
        line.marker or opening is not None or code for line, opening, code in zip(lines, openings, coded, strict=True)
    ]
    # (rows of a list of people, name first; or post first, a judgment's bench, a report's speakers)
    # (and a table's or a ranking's rows that each end in a figure)
    figures = figure_rows(texts)
    rows = [row or signed_row or figure for row, signed_row, figure
            in zip(row_flags(texts), signature_rows(texts), figures, strict=True)]
    names = split_row_names(texts)
    posts = [post or unit for post, unit in zip(post_rows(texts), unit_rows(texts), strict=True)]
    # A field of one line, a label and a value with no clause in it, above another label's line
    # (监督部门：岚溪县交通运输局建设管理股⏎监督电话：0796-…): each field stands on its own line.
    fields = [_one_line_field(texts[index], texts[index + 1]) for index in range(count - 1)]
    # The addressee under a bare title mid-document (证明⏎中共…组织部：⏎你部介绍信…) ends its line.
    addressed = [index > 0 and lines[index - 1].text in OWN_LINE_TITLES and line.text[-1] in "：:"
                 for index, line in enumerate(lines[:-1])]
    paragraph_start = 0  # the first line of the paragraph being gathered
    for index in range(count - 1):
        before = trailing[index]
        last = index + WINDOW - 1
        after = trailing[last] if last < count else tail[index]
        if (
            # The common case, decided here as _decide would: a plain line that fills the column.
            wraps[index] and before.regular and after.regular
            and not (apart[index] or apart[index + 1] or starts[index + 1] or rows[index] or tables[index]
                     or tables[index + 1] or index in names or index - 1 in names or index + 1 in names
                     or phones[index] or posts[index] or addressed[index] or figures[index + 1]
                     or fields[index])
            and index not in special
            and min(before.width, after.width) - widths[index] <= (TOLERANCE + INDENT if first_line else TOLERANCE)
        ):
            decisions.append(WRAPPED)
            first_line = False
            continue
        line, following = lines[index], lines[index + 1]
        if not before.regular or not after.regular:
            # Near the end of a text or of a block, the line and its two neighbours may show a
            # narrower block that the longer window misses.
            near = _near_column(widths, wraps, index)
            if near.regular:
                before, after = (before, near) if before.regular else (near, after)
        if not before.regular and not after.regular:
            before = page  # a short page, or a stretch of headings: the page as a whole decides
        if index in title_ends and not following.fragment:
            # (Stray marks after the title join it, as a second run, seeing the title on one line, would.)
            decision = _decision(Verdict.BREAK, "break.title", 0.9, "the end of the document's title block")
        elif index in signed:
            decision = SIGNATURE
        elif index in names:
            decision = ROSTER_NAME
        elif index - 1 in names or index + 1 in names or (
            rows[index] and (rows[index + 1] or (index and rows[index - 1] and not _row_wraps(rows, index)))
        ):
            decision = ROSTER_ROW
        elif tables[index] or tables[index + 1]:
            decision = TABLE_ROW
        elif posts[index]:  # (the last of the run too: a row too long for its line leaves no row before it)
            decision = POST_ROW
        elif _opens_rows(posts, rows, index + 1) and _ends_apart(line):
            decision = BEFORE_ROWS
        elif (line.text[-1] in "：:" and not following.marker and _closes_first(following.text)
              and _round_left_open("".join(texts[paragraph_start:index + 1]))):
            decision = BRACKETED_VALUE
        elif _ends_labelled_field(lines[paragraph_start], line, following) or (
                fields[index] and paragraph_start == index):
            decision = LABELLED_FIELD
        elif addressed[index]:
            decision = ADDRESSEE_UNDER_TITLE
        elif (opening := openings[index + 1]) is not None and _ends_apart(line):
            decision = opening
        elif coded[index + 1] and _ends_apart(line):
            decision = CODED_ROW
        elif phones[index] and not _MORE_NUMBERS.match(following.text):
            decision = AFTER_PHONE_NUMBER
        else:
            decision = _decide(line, following, before, after, first_line, index in titles)
            if (
                decision.rule_id in _AT_LINE_END and line.text[-1] in "；;：:"
                and _parallel_entry(texts[paragraph_start:index + 1], following.text)
            ):
                decision = PARALLEL_ENTRY
            # (not a heading's that ends with a word: 一、2025年工作回顾⏎过去一年… splits no word 回顾过去)
            if decision.rule_id in _EVIDENCE_CANDIDATES and not (
                decision is HEADING and line.marker and _ends_with_word(line.text, word_frequency)
            ):
                decision = _continuation(lines, decisions, index, word_frequency) or decision
        decisions.append(decision)
        first_line = decision.verdict is not Verdict.JOIN
        if first_line:
            paragraph_start = index + 1
    return decisions


# A break kept, for want of evidence, after a line ending mid-text or on a comma, in a column
# (join.short-line, join.short-continuing) or in free text (join.page-break, break.heading): where
# the break splits a word or a date or figure, or the next line closes a bracket the paragraph left
# open, it joins. The rule must be the same for both kinds of text, because a second run sees the
# paragraphs a first run made from a column as free text; so it looks only at the paragraph's end
# (as far back as the lines joined so far) and the next line's start.
_EVIDENCE_CANDIDATES = frozenset({"join.short-line", "join.short-continuing", "join.page-break", "break.heading"})
SPLIT_WORD = _decision(Verdict.JOIN, "join.split-word", 0.8,
                       "the line ends mid-text and its last character makes a word with the next line's first")
BRACKET_CLOSED = _decision(Verdict.JOIN, "join.bracket-closed", 0.8,
                           "the paragraph leaves a bracket open and the next line closes it")
SPLIT_FIGURE = _decision(Verdict.JOIN, "join.split-figure", 0.8,
                         "a date or figure runs on: the line ends in its number and the next line starts with its unit")
# A date or figure a line break cut: a month's number and unit, then the day's (7月⏎5日前报送), or a
# number, then its unit (2024⏎年). On the OCR sets 34 of 34 such breaks were inside a paragraph.
# So is a break between a word that takes a figure and the figure (达到⏎18.6万件).
_DATE_TAIL = lazy_compile("[0-9０-９][ \t]*[年月]$")
_DATE_HEAD = lazy_compile("[0-9０-９]{1,2}[ \t]*[月日号]")
_NUMBER_TAIL = lazy_compile("[0-9０-９]$")
# (2024⏎年, 11⏎个村民小组; not units that open words too: 项目, 人员, 次日, 条件, 时间)
_UNIT_HEAD = lazy_compile("[年月日号个万亿元户亩吨%％]")
# An address's unit a wrap cut from its number (…行政楼305⏎室).
_ADDRESS_UNIT = lazy_compile("[室号楼层栋座幢](?:$|[，。；、,;\\s])")
# A figure with its decimals and unit, not a list item's number (`5.社会保障…`).
# (OCR may read a space between them, 2020 年, which the spacing pass takes out after this decision.)
_FIGURE_HEAD = lazy_compile("[0-9０-９]+(?:[.．][0-9０-９]+)?[ \t]*(?:[%％]|[\u4e00-\u9fff])")
_OPENERS = "（("
_CLOSERS = "）)"
# What the next line's first bracket is looked for before: a clause ends, or a bracket opens.
_CLAUSE_OR_BRACKET = lazy_compile("[（()），。、；：,;]")


def _continuation(
    lines: list[Line], decisions: list[Decision], index: int, word_frequency: WordFrequency | None
) -> Decision | None:
    """SPLIT_WORD, SPLIT_FIGURE or BRACKET_CLOSED when the break after lines[index] has that evidence,
    else None."""
    following = lines[index + 1].text
    if (
        word_frequency is not None and _is_han(following[0]) and _is_han(lines[index].text[-1])
        and _splits_word(_tail(lines, decisions, index), following, word_frequency)
    ):
        return SPLIT_WORD
    if _splits_figure(lines[index].text, following):
        return SPLIT_FIGURE
    if ("）" in following or ")" in following) and _closes_first(following):
        start = index
        while start and decisions[start - 1].verdict is Verdict.JOIN:
            start -= 1
        if _round_left_open("".join(line.text for line in lines[start:index + 1])):
            return BRACKET_CLOSED
    return None


def _round_left_open(text: str) -> bool:
    """Whether `text` opens more round brackets than it closes."""
    return sum(map(text.count, _OPENERS)) > sum(map(text.count, _CLOSERS))


def _closes_first(text: str) -> bool:
    """Whether the first clause mark or bracket of `text` closes a bracket."""
    first = _CLAUSE_OR_BRACKET.search(text)
    return first is not None and first.group() in _CLOSERS


def _ends_with_word(text: str, word_frequency: WordFrequency | None) -> bool:
    """Whether the line's last two characters are a word by themselves (工作回顾)."""
    return word_frequency is not None and word_frequency(text[-2:]) >= SPLIT_WORD_ZIPF


def _splits_figure(line: str, following: str) -> bool:
    """Whether the break between `line` and `following` cuts a date or a number from its unit, or
    a figure from the word it follows (`达到⏎18.6万件`)."""
    return bool((_DATE_HEAD.match(following) and _DATE_TAIL.search(line))
                or (_UNIT_HEAD.match(following) and _NUMBER_TAIL.search(line))
                or (_FIGURE_HEAD.match(following) and line.rstrip(" \t\u3000").endswith(TAKES_A_FIGURE)))


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff"


def _tail(lines: list[Line], decisions: list[Decision], index: int) -> str:
    """The last two characters of the paragraph that lines[index] ends, without inline spaces
    (as a second run, given the paragraph on one line and its spaces removed, will see them)."""
    text = lines[index].text
    tail = text[-2:]
    if not tail.isalnum():  # (spaces, marks: the slow way)
        tail = text[-4:].replace(" ", "").replace("\u3000", "").replace("\t", "").replace("\u00a0", "")
    if len(tail) < 2 and index and decisions[index - 1].verdict is Verdict.JOIN:
        tail = lines[index - 1].text[-1:] + tail
    return tail[-2:]


def _splits_word(tail: str, following: str, word_frequency: WordFrequency) -> bool:
    """The break between a text ending in `tail` and `following` (both ideographs there) splits a
    frequent word: the last character and the next line's first make one, more frequent than the
    line's own last two; or one or two characters each side make a word of three or four
    (前进|方向, 人才|培养), which a paragraph's end and the next one's start rarely do."""
    across = word_frequency(tail[-1] + following[0])
    if across >= SPLIT_WORD_ZIPF and (len(tail) < 2 or across > word_frequency(tail)):
        return True
    start = following[:2] if len(following) > 1 and _is_han(following[1]) else following[:1]
    return any(
        word_frequency(tail[-before:] + start[:after]) >= SPLIT_PHRASE_ZIPF
        for before in range(min(2, len(tail)), 0, -1) for after in range(len(start), 0, -1)
        if before + after >= 3 and _is_han(tail[-before])
    )


_IRREGULAR = Column(0.0, False)
# The most common decision by far: the layout pass recognises it to build its Edit directly.
WRAPPED = _decision(
    Verdict.JOIN, "join.wrapped", 0.95, "the line runs to the column width and ends mid-sentence: a wrap"
)
# Columns are few and immutable (widths are multiples of 1/4 em): build each once.
@functools.cache
def _make_column(width: float, regular: bool) -> Column:
    """The Column of lines running to `width`, regular as found, but never narrower or wider than
    printed text is set (checked once per width, not per line)."""
    return Column(width, regular and NARROWEST_COLUMN <= width <= PRINTED_WIDTH)


def _trailing_columns(widths: list[float], wraps: list[bool]) -> list[Column]:
    """For each line, the column of the WINDOW lines ending at it: the window slides one line at
    a time, keeping its widths (and those of its lines that end mid-text) sorted."""
    columns = []
    ordered: list[float] = []
    wrapped: list[float] = []
    for end, width in enumerate(widths):
        insort(ordered, width)
        if wraps[end]:
            insort(wrapped, width)
        if end >= WINDOW:
            leaving = widths[end - WINDOW]
            del ordered[bisect_left(ordered, leaving)]
            if wraps[end - WINDOW]:
                del wrapped[bisect_left(wrapped, leaving)]
        # _sorted_column(ordered, wrapped, 0.0, 3), inline: this runs once per line.
        size = len(ordered)
        if size < 3:
            columns.append(_IRREGULAR)
            continue
        column = ordered[size - (size + 2) // 3]
        low, high = column - TOLERANCE, column + INDENT + 0.5
        full = bisect_right(ordered, high) - bisect_left(ordered, low)
        full_wrapped = bisect_right(wrapped, high) - bisect_left(wrapped, low)
        columns.append(_make_column(column, full >= 3 and full_wrapped >= (2 if full > 2 else full - 1)))
    return columns


ColumnsT = TypeVar("ColumnsT", list[Column], dict[int, Column])


def _within_page(columns: ColumnsT, page: Column) -> ColumnsT:
    """`columns`, less those far narrower than the page's own regular column: on a page of text a
    stretch of short lines alike in width (a title block, a document number, an addressee, a
    heading: 石乔县交通运输局, 关于协助开展城区桥梁安…) is no narrower column its lines wrap in."""
    if not page.regular:
        return columns
    floor = NARROW_BLOCK_SHARE * page.width
    if isinstance(columns, dict):
        return {index: column if column.width >= floor else _IRREGULAR for index, column in columns.items()}
    return [column if column.width >= floor else _IRREGULAR for column in columns]


def _tail_columns(widths: list[float], wraps: list[bool]) -> dict[int, Column]:
    """For each of the last WINDOW - 1 lines, the column of the lines from it to the end."""
    columns = {}
    ordered: list[float] = []
    wrapped: list[float] = []
    for start in range(len(widths) - 1, max(-1, len(widths) - WINDOW), -1):
        insort(ordered, widths[start])
        if wraps[start]:
            insort(wrapped, widths[start])
        columns[start] = _sorted_column(ordered, wrapped, 0.0, 3)
    return columns


def _near_column(widths: list[float], wraps: list[bool], index: int) -> Column:
    """_column(widths, wraps, index - 1, index + 2), worked out for its three lines: the widest
    sets the width; regular when all three reach it within TOLERANCE and two end mid-text."""
    if index < 1 or index + 2 > len(widths):
        return _IRREGULAR
    window = widths[index - 1:index + 2]
    width = max(window)
    return _make_column(
        width, min(window) >= width - TOLERANCE and sum(wraps[index - 1:index + 2]) >= 2
    )


def _column(
    widths: list[float], wraps: list[bool], start: int, stop: int, share: float = 0.0, minimum: int = 3
) -> Column:
    """The column of the lines widths[start:stop]."""
    window = widths[start:stop]
    wrapped = sorted(width for width, wrap in zip(window, wraps[start:stop], strict=True) if wrap)
    return _sorted_column(sorted(window), wrapped, share, minimum)


def _sorted_column(ordered: list[float], wrapped: list[float], share: float, minimum: int) -> Column:
    """The width the lines of a window run to (the top third's narrowest), given the window's
    widths sorted and the sorted widths of its lines that end mid-text; regular when at least
    `minimum` lines (and `share` of them) reach it and some of those end mid-text, as wrapped
    lines do."""
    size = len(ordered)
    if size < minimum:
        return _IRREGULAR
    width = ordered[size - (size + 2) // 3]
    low, high = width - TOLERANCE, width + INDENT + 0.5
    full = bisect_right(ordered, high) - bisect_left(ordered, low)
    full_wrapped = bisect_right(wrapped, high) - bisect_left(wrapped, low)
    return _make_column(
        width,
        full >= minimum and full >= share * size and full_wrapped >= min(2, full - 1),
    )


ROSTER_ROW = _decision(Verdict.BREAK, "break.roster-row", 0.85,
                       "a row of a list of people (a name, a gap, a post: 周立新　县应急管理局局长) beside "
                       "another: the list goes one person to a line (cleaner/roster_rows.py)")


ROSTER_NAME = _decision(Verdict.JOIN, "join.roster-name", 0.8,
                        "a name on a line of its own before its post, in a list OCR read column by column "
                        "(吴志远⏎国网桐岭县供电公司运维检修部主任⏎郑小龙⏎…): one row, its gap an ideographic space",
                        IDEOGRAPHIC_SPACE)
POST_ROW = _decision(Verdict.BREAK, "break.post-row", 0.85,
                     "lines each ending with a post (…城关站站长⏎吴志远国网…运维检修部主任⏎…) or naming a unit, three "
                     "or more in a row: a list of people or units, one to a line (cleaner/roster_rows.py)")
BRACKETED_VALUE = _decision(Verdict.JOIN, "join.label-value", 0.85,
                            "the line ends on a label inside a bracket the next line closes "
                            "(（责任单位：…；完成时限：⏎长期坚持）): its value, a wrap")
BEFORE_ROWS = _decision(Verdict.BREAK, "break.before-rows", 0.85,
                        "the next line opens a list of people or units one to a line (roster rows, or three or "
                        "more lines each ending with a post or naming a unit): the list's title or the text "
                        "before it ends here (…先进集体名单⏎青岚县应急管理局⏎…)")
CODED_ROW = _decision(Verdict.BREAK, "break.coded-row", 0.85,
                      "the next line opens with a code, as do other lines of the text (101高中语文教师…⏎102…): "
                      "rows of a table whose cells OCR ran together, one to a line (cleaner/roster_rows.py)")
TABLE_ROW = _decision(Verdict.BREAK, "break.table-row", 0.85,
                      "a row of a typeset table (cells set apart by ideographic spaces) is a line of its own "
                      "(cleaner/table_rows.py)")


AFTER_PHONE_NUMBER = _decision(Verdict.BREAK, "break.after-phone-number", 0.85,
                               "the line ends with a phone number, as a contact line or a table's row does "
                               "(…带班领导　13907392841⏎10月4日…): no sentence runs on after one")
# A phone number ending a line: a mobile's eleven digits or an area code and a number. (On the OCR
# sets 291 such lines ended their paragraph and 3 ran on, each to another number or its label.)
_PHONE_END = lazy_compile("(?:(?<![0-9])1[3-9][0-9]{9}|(?<![0-9])0[0-9]{2,3}-[0-9]{7,8})[ \t\u3000]*$")
_MORE_NUMBERS = lazy_compile(r"[ \t\u3000]*(?:[0-9]{7}|[0-9]{3,4}-|手\s*机|电\s*话|传\s*真|座\s*机)")
ADDRESSEE_UNDER_TITLE = _decision(Verdict.BREAK, "break.addressee", 0.85,
                                  "the addressee (ending in a colon) under a bare title set mid-document "
                                  "(证明⏎中共…组织部：): the letter's text starts on the next line")
LABELLED_FIELD = _decision(Verdict.BREAK, "break.labelled-field", 0.85,
                           "a paragraph that opens with a label (时间：…) ends a sentence or bracket here and the "
                           "next line opens with another (地点：…): fields of a notice, one to a paragraph")


BEFORE_BYLINE = _decision(Verdict.BREAK, "break.before-byline", 0.85,
                          "the next line opens a newspaper's byline (本报记者　周明远…), which stands on its own "
                          "under the headline")
_UNIT_FIELD = lazy_compile(UNIT_FIELD_LABEL)
# Minutes' lists of who attended, sat in or was absent (出席：…⏎列席：…⏎请假：…). (Not 记录：, which a
# wrap can set at a line's start: …创造了辉煌的⏎记录：.)
# (and an agenda's roles under each item: 主持人：…, 颁奖人：…, 发言人：…) (Not with the colon read as ;:
# a wrap can set 请假; at a line's start, …向县委主要负责同志⏎请假;并委托…)
_ATTENDANCE_FIELD = lazy_compile(
    "(?:[出列缺][ \t]*席(?:领导|人员|单位|对象)?|请[ \t]*假"
    "|(?:主持|颁奖|领奖|发言|讲话|致辞|报告|宣读|汇报|主讲|授课|记录|点评)人)[ \t]*[：:]"
)
BEFORE_FIELD = _decision(Verdict.BREAK, "break.before-field", 0.9,
                         "the next line opens with a field a work plan or minutes set on a line of its own "
                         "(责任单位：… under a task, 列席：… after 出席：…)")

# A notice's or a report's closing formula on a line of its own (…（邮编：466300）⏎特此公告。).
_CLOSING_FORMULA = lazy_compile("特此(?:公告|通告|通知|通报|函告|函复|报告|批复|说明|证明|请示)[。！.]?")
BEFORE_CLOSING_FORMULA = _decision(Verdict.BREAK, "break.before-closing-formula", 0.9,
                                   "the next line is a closing formula (特此公告。, 特此通知。), a paragraph "
                                   "of its own")


def _opening(line: str) -> Decision | None:
    """BEFORE_FIELD where a line opens with a field (责任单位：…, 列席：…), BEFORE_BYLINE where it opens
    with a newspaper's byline, BEFORE_CLOSING_FORMULA where it is a closing formula (特此公告。), else
    None; behind a speck OCR read as a quote (”责任单位：)."""
    text = line.lstrip("”“\"")
    if (text[2:4] == "单位" and _UNIT_FIELD.match(text) is not None) or (
        text[:1] in "出列缺请主颁领发讲致报宣汇授记点" and _ATTENDANCE_FIELD.match(text) is not None
    ):
        return BEFORE_FIELD
    if text[:2] == "特此" and _CLOSING_FORMULA.fullmatch(text) is not None:
        return BEFORE_CLOSING_FORMULA
    return BEFORE_BYLINE if opens_byline(text) else None


def _ends_apart(line: Line) -> bool:
    """Whether `line` may end before a field or a byline: it ends on no comma and leaves no bracket open
    (（牵头单位：…；⏎配合单位：…）). The mark it ends on does not matter otherwise: OCR misreads the
    task's full stop as “, *, - or ·."""
    return (
        line.ending is not Ending.COMMA and line.text[-1] not in _LIST_CONTINUES and not _round_left_open(line.text)
    )


def _ends_labelled_field(first: Line, line: Line, following: Line) -> bool:
    """Whether `line` ends the field of a paragraph that `first` opens with a label, before a line that
    opens with another label (a notice's 时间：…⏎地点：…⏎方式：…)."""
    return (
        (line.ending is Ending.TERMINAL or line.text[-1] in _SHUTTING) and _LABELLED.match(following.text) is not None
        and _LABELLED.match(first.text) is not None
    )


def _one_line_field(text: str, following: str) -> bool:
    """Whether `text` is a label and a value with no clause mark nor another label in it, and
    `following` opens with a contact field's label (监督部门：岚溪县交通运输局建设管理股⏎监督电话：…);
    not a wrap whose next line has a colon (…联系人：梁振⏎宇联系电话：…, …领导⏎班子成员：…)."""
    return (_LABELLED.match(text) is not None and _CONTACT_LABEL.match(following) is not None
            and _FIELD_CLAUSE.search(text) is None and len(_LABEL_COLON.findall(text)) == 1)


def _opens_rows(posts: list[bool], rows: list[bool], index: int) -> bool:
    """Whether the line at `index` opens a list one to a line: a run of posts or units, or two roster rows."""
    return posts[index] or (rows[index] and index + 1 < len(rows) and rows[index + 1])


def _row_wraps(rows: list[bool], index: int) -> bool:
    """Whether the roster row at `index`, the last of its run, may run on to the next line: a row
    follows that line (a post too long for one line)."""
    return index + 2 < len(rows) and rows[index + 2]


def _decide(
    line: Line, following: Line, before: Column, after: Column, first_line: bool, title: bool
) -> Decision:
    if title:
        return _decision(Verdict.JOIN, "join.title", 0.85, "a document title set on two lines")
    if line.fragment or following.fragment:
        # (Stray marks joined to the text before them end no paragraph of their own: a second run
        # sees them at the end of that text.)
        if line.fragment and first_line and line.ending <= Ending.CLOSING:
            return _decision(Verdict.BREAK, "break.after-fragment", 0.6, "stray closing marks end the paragraph")
        return _decision(Verdict.JOIN, "join.fragment", 0.6, "a line of stray marks belongs to the text around it")
    if (line.text[-1] in "：:" and (
        _LABEL_VALUE.match(following.text) or (_DEADLINE.fullmatch(following.text) and _LAST_LABEL.search(line.text))
    )) or (_PHONE_LABEL_END.search(line.text) and _LABEL_VALUE.match(following.text)) or (
        _ADDRESS_LABEL_END.search(line.text) and _LATIN_START.match(following.text)
    ) or (
        line.ending is not Ending.TERMINAL and _BRACKETED_ADDRESS.match(following.text)
    ):
        return _decision(Verdict.JOIN, "join.label-value", 0.85,
                         "the next line is the value a label or a site's name runs on to (a number, an e-mail "
                         "or web address): a wrap")
    columns = [column.width for column in (before, after) if column.regular]
    if (
        following.standalone and not line.standalone and line.ending >= Ending.COMMA and columns
        and min(columns) - line.width <= TOLERANCE and _SPACED_NUMBER.search(following.text)
    ):
        # A contents entry never follows a wrapped line: this is text and a page number OCR put on it.
        return _decision(Verdict.JOIN, "join.before-page-number", 0.8,
                         "the line runs to the column width and ends mid-sentence; the next line is its "
                         "end with a page number read beside it, not a contents entry")
    if line.standalone and _NUMBER_TAIL.search(line.text) and _ADDRESS_UNIT.match(following.text):
        return SPLIT_FIGURE  # (an address a wrap cut before its unit: 地址：…行政楼305⏎室)
    if (
        line.standalone and line.ending is Ending.CONTINUING and _closes_first(following.text)
        and _round_left_open(line.text)
    ):
        return BRACKET_CLOSED  # (a contact line a wrap cut in its note: 13907935216（手⏎机）)
    if line.standalone or following.standalone:
        return _decision(Verdict.BREAK, "break.standalone", 0.95,
                        "a date, document number, contact or contents line stands on its own")
    if _COUNT_END.search(line.text) and _LABELLED.match(line.text) and (
        _LABELLED.match(following.text) or _LABEL_LINE.fullmatch(following.text)
    ):
        return _decision(Verdict.BREAK, "break.labelled-lines", 0.85,
                         "this line gives a label and its count and the next starts with a label too "
                         "(规章：…2件⏎行政规范性文件：…): lines of a list")
    if line.ending is Ending.TERMINAL and _ARTICLE_START.match(following.text):
        return _decision(Verdict.BREAK, "break.article", 0.9,
                         "a sentence ends and the next line starts an article (第十八条) whose space OCR lost")
    if following.marker:
        if line.ending in (Ending.COMMA, Ending.CONTINUING):
            return _decision(Verdict.MAYBE_JOIN, "join.before-marker", 0.5,
                            "the next line starts like a heading or list item, but this one ends on a comma or bracket")
        return _decision(Verdict.BREAK, "break.marker", 0.95,
                        "the next line starts a heading, list item, article or attachment")
    if not columns or (line.ending >= Ending.COMMA and following.width > PARAGRAPH_LINE * max(columns)):
        # (a line before one far wider than the column runs into no column: 五、旁听及新闻报道 beside
        # a window of short headings and labelled lines, before a paragraph already on one line)
        return _decide_free(line, following)
    if line.ending >= Ending.COMMA:
        # Mid-text: a wrap if the line fills the column on either side (blocks change width).
        return _decide_column(line, following, min(columns), first_line, max(columns))
    if not first_line and before.regular:
        # A sentence end inside a paragraph is judged by the block the paragraph runs in.
        return _decide_column(line, following, before.width, first_line)
    # A paragraph's first line may start a new block: a sentence end there must fill the wider one.
    return _decide_column(line, following, max(columns), first_line)


PARAGRAPH_END = _decision(Verdict.BREAK, "break.paragraph-line", 0.9,
                          "a line far wider than the column is a paragraph, and it ends a sentence")


def _decide_column(
    line: Line, following: Line, width: float, first_line: bool, widest: float | None = None
) -> Decision:
    """Judge a line against the column `width`; `widest` is the wider of the columns on either
    side, against which a line that ends mid-text and falls a little short is measured."""
    allowance = TOLERANCE + (INDENT if first_line else 0.0)
    if line.ending <= Ending.CLOSING:
        if line.width > PARAGRAPH_LINE * width:
            return PARAGRAPH_END
        if width - line.width > allowance:
            if _number_kept_whole(line, following, width):
                return NUMBER_KEPT_WHOLE
            return _decision(Verdict.BREAK, "break.short-line", 0.95,
                            "the line ends a sentence well short of the column width")
        shortfall = width - following.width
        if following.ending >= Ending.COMMA and 1.5 <= shortfall <= INDENT + 2.5 and line.text[-1] not in _SHUTTING:
            return _decision(Verdict.BREAK, "break.indented-next", 0.8,
                            "a sentence ends at the full width and the next line is indented")
        if shortfall <= TOLERANCE or line.ending is Ending.CLOSING:
            return _decision(Verdict.JOIN, "join.sentence-at-line-end", 0.85,
                            "a sentence ends at the full width and the next line runs on at full width")
        if (
            line.text[-1] in "；;" and _LABELLED.match(following.text) is None and not _item_like(following.text)
            and _INTRODUCES_LIST.search(line.text, max(0, len(line.text) - 8)) is None
        ):
            # (On the OCR sets 21 such breaks were joins and none a paragraph's end; a field of
            # labelled lines, 县应急管理局：负责…；⏎县林业局：…, ends so, and so does a list item before
            # the next one whose number OCR garbled: {4）…, 了.农村…, and a misread colon after words
            # that introduce a list: 重点支持以下项目;⏎…)
            return CLAUSE_AT_LINE_END
        return _decision(Verdict.MAYBE_JOIN, "join.sentence-at-line-end", 0.5,
                        "a sentence ends at the full width; the next line may or may not start a paragraph")
    if width - line.width <= allowance:
        return WRAPPED
    if line.ending is Ending.CONTINUING and (width - line.width <= width / 3 or line.text[-1] in _OPENING):
        return _decision(Verdict.JOIN, "join.open-bracket", 0.75,
                        "the line leaves a bracket or quotation open, or ends on 、: the text goes on")
    if line.ending >= Ending.COMMA and line.ending is not Ending.OPEN:
        return _decision(Verdict.MAYBE_JOIN, "join.short-continuing", 0.6,
                        "a short line ending on a comma or open bracket")
    if line.ending is Ending.OPEN and not first_line and _near_full(line, following, widest or width):
        return _decision(Verdict.JOIN, "join.near-full-width", 0.75,
                        "the line ends mid-text a little short of the column width (OCR lost a mark or two), "
                        "and the next line is not indented: a wrap")
    if (
        line.marker and line.ending is Ending.OPEN and first_line and line.width <= HEADING_SHARE * width
        and not _running_text(line)
    ):
        # A numbered heading (一、总体要求) well short of the width: its own paragraph, as free text
        # reads it. (A list item that wraps short of the width is left for review.)
        return HEADING
    return _decision(Verdict.MAYBE_JOIN, "join.short-line", 0.4,
                    "a short line without a closing mark: a heading, or a wrap after lost characters")


CLAUSE_AT_LINE_END = _decision(Verdict.JOIN, "join.clause-at-line-end", 0.8,
                               "a clause ends on a semicolon at the full width: its sentence runs on to the next line")
PARALLEL_ENTRY = _decision(Verdict.BREAK, "break.parallel-entry", 0.8,
                           "an entry ends on a semicolon (or a colon OCR read for one) at the full width and the "
                           "next line opens with the same words (任命…；⏎任命…；): entries of a list, one to a line")
_AT_LINE_END = frozenset({"join.clause-at-line-end", "join.sentence-at-line-end"})
_CLAUSE_ENDS = lazy_compile("[；;：:]")  # (a colon too: OCR reads a semicolon as one)
_ENTRY_END = lazy_compile("[；;：:。][ \t\u3000]*$")
_HAN_PAIR = lazy_compile("[\u4e00-\u9fff]{2}")


def _parallel_entry(paragraph: list[str], following: str) -> bool:
    """Whether the paragraph (its lines), one clause ending on its only semicolon or colon, is an entry the
    next line parallels: it opens with the same two hanzi and holds one clause. (Not a paragraph of
    clauses that open alike: 坚持…；坚持…；⏎坚持….)"""
    opening = _HAN_PAIR.match(paragraph[0])
    return (
        opening is not None and following.startswith(opening.group())
        and sum(map(len, map(_CLAUSE_ENDS.findall, paragraph))) == 1
        # (and the next line is an entry as well, whole, one clause ending on its last character: not
        # 坚持…；⏎坚持…相结合；坚持…, clauses of one paragraph a wrap fell between)
        and _ENTRY_END.search(following) is not None and _CLAUSE_ENDS.search(following, 0, len(following) - 1) is None
    )


NUMBER_KEPT_WHOLE = _decision(Verdict.JOIN, "join.number-kept-whole", 0.8,
                              "the line ends a sentence short of the column by less than the number the next line "
                              "opens with, and the next line runs to the full width: a typesetter does not split a "
                              "number (…全覆盖。⏎2025年，…), so this is a wrap")
# A figure of two digits or more with its unit (2025年, 126个, 27.3%): not a list item's number (2.…, 1当事人…).
_LEADING_NUMBER = lazy_compile("[0-9]{2,}(?:[.．][0-9]+)?(?:[%％]|[年月日万亿千百元个人次名家项件吨亩户台辆座所])")


def _number_kept_whole(line: Line, following: Line, width: float) -> bool:
    """Whether the number the next line opens with (and its unit) is wider than the room the line
    left, and the next line, running to the full width, is no indented paragraph's first."""
    number = _LEADING_NUMBER.match(following.text)
    return (
        number is not None and not following.marker and width - following.width <= TOLERANCE
        and line_width(number.group()) > width - line.width
    )


_INTRODUCES_LIST = lazy_compile(LIST_INTRODUCERS)
_ITEM_OPENING = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十（(〔【[{〈《")
_ITEM_MARK = frozenset(".．、)）")


def _item_like(text: str) -> bool:
    """Whether a line opens like a list item, its number perhaps misread (4.…, {4）…, 了.…)."""
    return text[0] in _ITEM_OPENING or text[1:2] in _ITEM_MARK or text[2:3] in _ITEM_MARK


def _near_full(line: Line, following: Line, width: float) -> bool:
    """A line that falls short of the width by no more than OCR's lost marks explain, before a line
    that does not start indented (an indented next line would mean a paragraph ended here)."""
    if width - line.width > min(NEAR_FULL, NEAR_FULL_SHARE * width):
        return False
    shortfall = width - following.width
    return not (following.ending >= Ending.COMMA and 1.5 <= shortfall <= INDENT + 2.5)


def _running_text(line: Line) -> bool:
    """A line of running text rather than a heading: it holds a sentence end or commas."""
    if _SENTENCE_END.search(line.text):
        return True
    commas = line.text.count("，") + line.text.count(",")
    return not line.marker and (commas >= 2 or (commas > 0 and len(line.text) >= 20))


def _decide_free(line: Line, following: Line) -> Decision:
    if line.ending <= Ending.CLOSING:
        return _decision(Verdict.BREAK, "break.paragraph", 0.9, "the line ends a sentence")
    if line.text[-1] in _OPENING:
        return _decision(Verdict.JOIN, "join.continuing", 0.9,
                        "the line ends on 、 or an opening bracket or quote: the paragraph goes on")
    # A line ending mid-text or on a comma between lines of running text may be a paragraph cut
    # at a page break, or one whose closing mark OCR lost (or read as a comma): for review. A
    # second run sees the paragraphs a first run made from a column, each ended where the column
    # showed a short line, as such lines: joining them unattended would undo those decisions.
    if line.ending is Ending.OPEN and _running_text(line) and _running_text(following):
        return _decision(Verdict.MAYBE_JOIN, "join.page-break", 0.5,
                        "a paragraph cut mid-sentence (at a page break), or one that lost its closing mark")
    if line.ending is not Ending.OPEN:
        return _decision(Verdict.MAYBE_JOIN, "join.short-continuing", 0.5,
                        "a line ending on a comma or inside brackets: the paragraph may go on")
    # Lines that are already paragraphs: one without a closing mark, not cut mid-sentence, is a
    # heading, a name or a signature.
    return HEADING


HEADING = _decision(Verdict.BREAK, "break.heading", 0.8, "a line without a closing mark that reads as a heading")


def _title_breaks(lines: list[Line]) -> tuple[set[int], set[int]]:
    """Breaks inside a title set on several lines at the top, and the breaks that end the title
    block: after the title's last line and after the addressee line (主送机关, ending in ：)."""
    joins: set[int] = set()
    ends: set[int] = set()
    zone = lines[:TITLE_ZONE]
    # A title names its subject with 关于 (关于…的通知); one without it (…印发…的通知, …实施方案) is
    # taken only as the document's first text, after the letterhead and document number, and
    # without commas, when no 关于 line starts a title (a wrapped body line may say 关于 too).
    about = next((index for index, line in enumerate(zone) if "关于" in line.text and _title_piece(line)), None)
    first = next((index for index, line in enumerate(zone)
                  if not line.standalone and not line.fragment and not _LETTERHEAD.search(line.text)), None)
    # That first text may be the issuer's name set above the title (柏溪县人民政府⏎会议纪要): it stands apart.
    masthead = first is not None and first + 1 < len(zone) and _signature(zone[first])
    if about and _signature(zone[about - 1]):
        ends.add(about - 1)  # (the issuers' names set above a 关于 title: 中共…办公室　…人民政府办公室⏎关于…)
    for start, plain in ((about, False), (first + 1 if first is not None and masthead else first, True)):
        if start is None or (plain and ends):
            continue
        for end in range(start, min(start + 4, len(zone))):
            if not _title_piece(zone[end]) or (plain and _TITLE_COMMA.search(zone[end].text)):
                break
            if _DOCUMENT_TYPE.search(zone[end].text):
                joins.update(range(start, end))
                ends.add(end)
                if plain and masthead:
                    ends.add(start - 1)
                if end + 1 < len(zone) and _addressee(zone[end + 1], zone[end + 2] if end + 2 < len(zone) else None):
                    ends.add(end + 1)
                elif (end + 2 < len(zone) and zone[end + 1].ending is not Ending.TERMINAL
                      and _ends_addressee(zone[end + 2])):
                    ends.add(end + 2)  # (an addressee set on two lines, or under the number: …〔2026〕4号⏎…局：)
                break
    # A subtitle under a headline (——记…, ——…见闻; OCR's 一一 or — for its dash): the headline, the
    # document's first text and no sentence, ends above it.
    if first is not None:
        for index in range(first + 1, min(first + 4, len(zone))):
            if _SUBTITLE.match(zone[index].text):
                if not any(_SENTENCE_END.search(line.text) for line in zone[first:index]):
                    ends.add(index - 1)
                break
    # The issuer's letterhead (发文机关标志: "…文件", "…函件") stands above everything else.
    ends.update(index for index, line in enumerate(lines[:LETTERHEAD_ZONE]) if _LETTERHEAD.search(line.text))
    ends.discard(len(lines) - 1)
    return joins, ends


_TITLE_COMMA = lazy_compile("[，,；;]")
_SUBTITLE = lazy_compile("(?:——|—|一一|--|－－)(?=[\u4e00-\u9fff0-9])")


SIGNATURE = _decision(Verdict.BREAK, "break.signature", 0.9,
                      "the next line is the issuer's name (署名) above the date of the document")
# Lines of issuers' names above the date: a joint document names several.
MAX_SIGNATURES = 3
SHORT_SIGNATURE = 12  # characters of an issuer's name no wrap cut (a page's line holds 28 or more)
_SIGNATURE_MARKS = lazy_compile("[，。、；：！？,.．;:!?“”\"]")
_DATE_LINE = lazy_compile(r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})\s*年")


def _signature_breaks(lines: list[Line]) -> set[int]:
    """Breaks before the issuers' names that sign a document (署名): one to MAX_SIGNATURES short
    lines, each an organisation's name (no punctuation, ending like 局 厅 办公室 委员会), followed by
    a line that is only a date, after a line of running text (with punctuation). The break before
    the names is a paragraph break, even after a line that ends mid-text (OCR lost its 。). After a
    line without punctuation nothing is decided here: it may be the first part of a name wrapped in
    a column; between the names only where each is short (a long name wraps too), also when two or
    more open the text (a joint document's last page)."""
    breaks: set[int] = set()
    for index, line in enumerate(lines):
        if not (line.standalone and _DATE_LINE.match(line.text)):
            continue
        first = index
        while first > 0 and index - first < MAX_SIGNATURES and _signature(lines[first - 1]):
            first -= 1
        if 0 < first < index and _SIGNATURE_MARKS.search(lines[first - 1].text) is not None:
            breaks.add(first - 1)
        elif first > 0 or index - first < 2:
            continue
        # (between names too where each is short, no wrap of a long one: 中共沩宁县委⏎沩宁县人民政府; so on
        # a page that opens with them, the last page of a joint document)
        breaks.update(name for name in range(first, index - 1) if len(lines[name].text) <= SHORT_SIGNATURE)
    return breaks


def _signature(line: Line) -> bool:
    return (
        2 <= len(line.text) <= 30 and line.text[-1] in _ORGANISATION_ENDS and not line.marker
        and not line.standalone and _SIGNATURE_MARKS.search(line.text) is None
    )


def _addressee(line: Line, following: Line | None) -> bool:
    """The line after a title is the addressee (主送机关) when it ends in a colon, or, its colon lost
    to OCR, in the name of an organisation, with the next line not carrying the list on."""
    if line.text[-1] in "：:":
        return True
    return (
        line.ending is Ending.OPEN
        and line.text[-1] in _ORGANISATION_ENDS
        and not _SENTENCE_END.search(line.text)
        and not _SENTENCE_OPENING.match(line.text)
        and (following is None or (following.text[0] not in _LIST_CONTINUES and not _ends_addressee(following)))
    )


def _ends_addressee(line: Line) -> bool:
    """A line that ends an addressee the line before began (…开发区社会⏎事务局，市直有关单位：), no
    label's colon inside it (当事人：…名称：)."""
    return line.text[-1] in "：:" and not _SENTENCE_END.search(line.text) and not _LABEL_COLON.search(line.text[:-1])


def _title_piece(line: Line) -> bool:
    return line.ending is not Ending.TERMINAL and not line.standalone and not line.marker and len(line.text) <= 40
