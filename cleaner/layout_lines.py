"""The lines of an OCR text as the layout pass sees them: content span, printed width, and cues.

A line's cues are what a typesetter's reader looks at: how wide it is (Chinese characters and
full-width marks are one em, digits and Latin letters half an em), how it ends (a sentence end,
a closing bracket, a comma, or mid-text), whether it starts a structural unit (一、 （一） (1) 1.
第X条 附件 ...), and whether it stands alone (a date, a document number, a contact line, a
table-of-contents entry).
"""

from __future__ import annotations

from enum import IntEnum
from itertools import accumulate, chain, pairwise, repeat
from operator import itemgetter
from typing import NamedTuple

from cleaner.lazy_regex import lazy_compile
from cleaner.typography import (
    CJK,
    FULL_STOP_AFTER,
    FULL_WIDTH,
    FULL_WIDTH_RUN,
    HEADING_NUMERALS,
    INLINE_SPACE,
    OPENING_MARKS,
    SENTENCE_END_MARKS,
    with_ordinary_runs,
)

STRIPPED = " \t\u3000\u00a0\r\f\v"
# What Tesseract reads a paragraph's closing `。` as before the blank line it sets after a paragraph.
QUOTE_FOR_FULL_STOP = "“"
# Blank lines after at most this share of the lines set paragraphs apart (Tesseract's: up to 0.65 on
# pages of short articles and list items), not lines.
BLANK_LINES_TELL = 0.8
MIN_GAPS = 4  # (between lines: in fewer, which lines blank lines follow tells nothing)
# A non-blank line: the white space and blank lines before it, and its content (stripped of STRIPPED).
_CONTENT = lazy_compile(f"([\n{STRIPPED}]*)([^\n{STRIPPED}](?:[^\n]*[^\n{STRIPPED}])?)")


class Ending(IntEnum):
    """How a line ends."""

    TERMINAL = 0  # 。！？：； (possibly inside a closing quote or bracket): a sentence ends
    CLOSING = 1  # a closing bracket or quote after something else: 摘自《人民日报》, （此件公开）
    COMMA = 2  # ， or , : the sentence goes on (or OCR misread a full stop)
    CONTINUING = 3  # 、 or an opening bracket, or a bracket left open: the text must go on
    OPEN = 4  # mid-text: an ideograph, a digit, a letter


class Line(NamedTuple):
    """One non-blank line: `text` is text[start:end], stripped of surrounding white space.

    A NamedTuple rather than a frozen dataclass: one is built per line on the layout pass's hot
    path, where a tuple is three times cheaper to build.
    """

    start: int
    end: int
    text: str
    width: float
    ending: Ending
    marker: bool
    standalone: bool
    fragment: bool  # no ideograph, letter or digit: stray marks OCR read off the page


_TERMINAL = frozenset("。！？：；!?:;…")
_CLOSING = frozenset("”’」』）)》】〕]")
_COMMAS = frozenset("，,")
_CONTINUING = frozenset("、（(《“‘「『【〔[—-～~/·")
# Besides ideographs, what a half-width . ends a Chinese sentence after (see _full_stop).
_FULL_STOP_AFTER = frozenset(FULL_STOP_AFTER)
# Every last character for which line_ending is not simply OPEN (with no bracket left open).
_ENDING_MARKS = _TERMINAL | _CLOSING | _COMMAS | _CONTINUING | {"."}
_MARKS = lazy_compile("[，。、；：？！“”‘’《》（）〔〕【】…—·]")
# Inline white space. A run of it counts nothing where a later pass removes it (between Chinese
# characters, between Chinese and a number, around a mark: see _KEPT_SPACE), so that cleaning a
# cleaned text measures its lines as the first run did; between Latin words or digits it stays.
_SPACE_CHARS = INLINE_SPACE
_SPACE_RUN = lazy_compile(f"[{_SPACE_CHARS}][{_SPACE_CHARS}]*")
# The half-width marks OCR reads Chinese marks as (and the punctuation pass turns into them), narrow
# like a Chinese mark so that a line measures the same before and after that pass; and the spaces.
_NARROW_OR_SPACE = lazy_compile(f'[,()\\[\\]:;?!"{_SPACE_CHARS}]')
# (opening with the character before the run lets the engine skip ahead to candidates in C)
_KEPT_SPACE = lazy_compile(f"[A-Za-z0-9]([{_SPACE_CHARS}]+)(?=[A-Za-z0-9])")
_RUN_MARKS = "".join(half + full for half, full in FULL_WIDTH.items())
# Two marks side by side (spaces apart or not): rare, and the only place a run can be.
_MARK_PAIR = lazy_compile(f"[{_RUN_MARKS}][{_SPACE_CHARS}]*[{_RUN_MARKS}]")
# A run of one sentence mark or bracket, half-width or full-width, spaces apart or not.
_MARK_RUNS = lazy_compile("|".join(
    f"[{half}{full}](?:[{_SPACE_CHARS}]*[{half}{full}])+" for half, full in FULL_WIDTH.items()
))
_WORDLIKE = lazy_compile(r"[^\W_]")
_NUMERAL = "一二三四五六七八九十百零〇"
_HAN_RANGE = "\u4e00-\u9fff"
# A numbered heading whose 、 OCR read as a space, alone on its line (八 附则, 二 提升政务服务效能): the
# numeral and the space (the heading's words are looked ahead at). On the OCR sets 17 of 17 such lines
# of three hanzi or more were headings; of two only 总则, 附则, 罚则 are taken (二 训册 was a misread line).
NUMERAL_SPACE_HEADING = (
    rf"[{HEADING_NUMERALS}]{{1,3}}[ \u3000]+(?=(?:[总附罚]则|[{_HAN_RANGE}]{{3,20}})[ \t\u3000]*$)"
)
_MARKER = lazy_compile(
    rf"[{_NUMERAL}]+[、.．]"
    rf"|[（(][{_NUMERAL}]+[）)]"
    # (its brackets as OCR may read them: 【五), {三), 《一), (二》)
    rf"|[【{{〔［\[《〈][{_NUMERAL}]+[）)]|[（(][{_NUMERAL}]+[》〉]"
    # (or its 、 read as a space, on a line that is the heading alone: 八 附则, 二 提升政务服务效能)
    rf"|{NUMERAL_SPACE_HEADING}"
    # (or without its number: 、申请补助的理由; no line of print starts with 、, so OCR lost the 一 of 一、)
    rf"|、(?=[{_HAN_RANGE}])"
    r"|[（(][0-9]{1,2}[）)]"
    r"|[0-9]{1,2} ?(?:[、．]|\.(?![0-9]))"  # (2 .加强…: Tesseract sets a space before the point)
    r"|[0-9]{1,2}\.(?=(?:19|20)[0-9]{2}年)"  # (an item naming a year: 2.2025年度…名单)
    r"|[①-⑳⑴-⒇❶-❿]"
    # (a row of an agenda or a record opening with a time or date range and its gap: 9:50—10:10　返回…,
    # 2009年2月—2021年6月　…乡长, 2021年6月至今　…)
    # (its gap perhaps lost where a range has both ends, 10:20—10:40播放…: on the OCR sets 61 of 66 such
    # lines opening with a range and a hanzi started a row; not 2021年6月至今已…, which may run on; its
    # dash perhaps read as 一, ~ or --)
    rf"|(?:[0-9]{{1,2}}[:：][0-9]{{2}}|[0-9]{{4}}年[0-9]{{1,2}}月)[ \t]*(?:[—–\-一~～]{{1,2}}[ \t]*"
    rf"(?:[0-9]{{1,2}}[:：][0-9]{{2}}|[0-9]{{4}}年[0-9]{{1,2}}月)(?:[ \u3000]|(?=[{_HAN_RANGE}]))"
    r"|(?:[—–\-一~～]{1,2}[ \t]*)?至今[ \u3000])"
    r"|\[[0-9]{1,2}\]"
    rf"|第[{_NUMERAL}0-9]+[条章节编](?:[ \u3000]|$)"
    rf"|第[{_NUMERAL}0-9]+部分"
    r"|附\s*件(?:[：:0-9一二三四五六七八九十 \u3000]|$)"
    r"|(?:抄\s*送|抄\s*报|主\s*送|分\s*送|主题词|关键词|注)\s*[：:]"
)
# Characters a structural marker can start with, a standalone line end with, a contact line start with.
_MARKER_STARTS = frozenset(_NUMERAL + "（(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
                           "❶❷❸❹❺❻❼❽❾❿[第附抄主分关注【{〔［《〈、")
_STANDALONE_ENDS = frozenset("日曰目旧号）)0123456789")
# A letter's closing, set on a line of its own above 敬礼 (此致⏎敬礼！), though 此致敬礼 reads as one word.
_OWN_LINE_CLOSINGS = frozenset({"此致", "此　致"})
# A bare title of a form or letter set on its own line mid-document (…（有效期七天）⏎证明⏎…：, 回执), never a
# wrap's end (a sentence's last words would carry its mark).
OWN_LINE_TITLES = frozenset({"证明", "回执", "介绍信", "证　明", "回　执"})
# A judgment's certification under its date, above the clerk's name (…年…月…日⏎本件与原本核对无异⏎书记员…).
_OWN_LINE_FORMULAS = frozenset({"本件与原本核对无异", "本件与原本核对无误"})
_OWN_LINES = _OWN_LINE_CLOSINGS | OWN_LINE_TITLES | _OWN_LINE_FORMULAS
_YEAR_STARTS = frozenset("12〇零一二")  # (of a date's year: 2025, 1998, 二〇二五)
_LONGEST_DATE = 20  # characters of a date line, spaces OCR put in it included
_CONTACT_STARTS = frozenset("联电传手邮地网开户账帐收Ee")
_DATE = (
    r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:[0-9]{1,2}|[十一二三四五六七八九]{1,2})\s*月"
    # 日 as OCR misreads it (晶 昌 卓 目 旧 旦 已 …: on a line of its own after a day, any hanzi is 日)
    rf"\s*(?:[0-9]{{1,2}}|[十一二三四五六七八九]{{1,3}})\s*[{_HAN_RANGE}]"
)
_STANDALONE = lazy_compile(
    rf"{_DATE}"
    r"|.{0,16}[〔\[［【(（]\s*[0-9]{4}\s*[〕\]］】)）]\s*[0-9]+\s*号"
    # A document number whose brackets OCR garbled: issuer, year, serial number, 号.
    rf"|[{_HAN_RANGE}]{{2,12}}(?<!第)\s*[〔\[［【(（]?\s*(?:19|20)[0-9]{{2}}"
    r"(?:\s*[〕\]］】)）]+\s*[0-9]*|\s*[0-9]+)\s*[〕\]］】)）]?\s*号"
    r"|[（(]此\s*件.{0,20}[）)]"
    # A contact line, its label perhaps saying whose (会务联系人：…, 办公电话：…; not any hanzi: a wrap
    # can cut a word before a label, 土地利⏎用科联系人：…).
    r"|(?:会务|材料|项目|业务|技术|办公|值班|咨询|报名|采购|工作)?(?:联\s*系\s*人|联\s*系\s*电\s*话|电\s*话|传\s*真|手\s*机|邮\s*箱|电\s*子\s*邮\s*箱|邮\s*编"
    r"|地\s*址|E-?mail|Email|网\s*址|邮\s*政\s*编\s*码"
    # (and a payment's: 开户单位：…, 开户银行：…, 账号：…)
    r"|开\s*户\s*(?:单\s*位|银\s*行|行|名\s*称)|户\s*名|[账帐]\s*号|收\s*款\s*(?:单\s*位|人))\s*[：:].*"
    # A contents entry: leaders, or a gap of spaces (not after Chinese, where the spacing pass closes
    # it up: 意义    2 becomes 意义2, which a second run must read as the first did), a page number.
    rf"|.{{1,60}}?(?:…{{2,}}|\.{{4,}}|·{{4,}}|(?<![{CJK} \u3000])[ \u3000]{{2,}}|[.…·]{{2,}}\s*)\s*[0-9]{{1,4}}"
)


def line_width(text: str) -> float:
    """Printed width in ems: ideographs 1, Chinese marks 3/4, digits and letters 1/2, a space
    between Latin words or digits 1/4, other spaces nothing.

    Chinese marks count less because typesetters compress them to justify a line; half-width
    , ( ) : ; [ ] ? ! " count as Chinese marks (OCR's reading of them). Spaces between Chinese
    characters, or beside a mark or a Chinese character, count nothing: the spacing and
    punctuation passes remove most of them, and a line must measure the same when its cleaned
    text is cleaned again.
    """
    length = len(text)
    return _width(text, length, len(text.encode("utf-8")), len(_MARKS.findall(text)))


def _width(text: str, length: int, size: int, marks: int) -> float:
    """line_width, given the text's length, its size in UTF-8 and its number of Chinese marks."""
    # UTF-8 uses one byte for ASCII and three for the BMP ideographs and marks.
    ascii_count = length - (size - length) // 2
    # Half-width marks and spaces, found in one pass (most lines with ASCII in them hold neither).
    found = _NARROW_OR_SPACE.findall(text)
    if not found:
        return length - 0.25 * marks - 0.5 * ascii_count
    if "\u00a0" in text:
        return _spaced_width(text)  # (two bytes in UTF-8: the count above does not hold)
    spaces = found.count(" ") + found.count("\t")
    wide_spaces = found.count("\u3000")
    ascii_marks = len(found) - spaces - wide_spaces
    solid_ascii = ascii_count - spaces
    width = length - spaces - wide_spaces - 0.25 * (marks + ascii_marks) - 0.5 * (solid_ascii - ascii_marks)
    if (spaces or wide_spaces) and solid_ascii > ascii_marks:
        width += 0.25 * sum(map(len, _KEPT_SPACE.findall(text)))
    if ascii_marks and marks + ascii_marks > 1 and _MARK_PAIR.search(text) is not None:
        width -= 0.75 * _read_once(text)
    return width


def _spaced_width(text: str) -> float:
    """line_width of a text holding no-break spaces: its width without its spaces, plus a quarter
    em for each space kept between Latin letters or digits."""
    kept = sum(map(len, _KEPT_SPACE.findall(text)))
    solid = _SPACE_RUN.sub("", text)
    length = len(solid)
    return _width(solid, length, len(solid.encode("utf-8")), len(_MARKS.findall(solid))) + 0.25 * kept


def _read_once(text: str) -> int:
    """How many half-width marks of `text` repeat a mark beside them (`,,` `，,` `: :` `）)`): the
    punctuation pass reads such a run once, so they count nothing (a line must measure the same
    before and after that pass)."""
    repeats = 0
    for run in _MARK_RUNS.findall(text):
        half = sum(map(run.count, FULL_WIDTH))
        full = len(run) - half - sum(map(run.count, _SPACE_CHARS))
        # (A run of half-width brackets alone may be nested pairs, `((1))`: those all stay.)
        repeats += half if full else 0 if run[0] in "()" else half - 1
    return repeats


def line_ending(text: str) -> Ending:
    last = text[-1]
    if last in _TERMINAL or (last == "." and _full_stop(text)):
        return Ending.TERMINAL
    if last in _CLOSING:
        if len(text) > 1 and text[-2] in _TERMINAL:
            return Ending.TERMINAL
        return Ending.CONTINUING if _left_open(text) else Ending.CLOSING
    if last in _CONTINUING or _left_open(text):
        return Ending.CONTINUING
    if last in _COMMAS:
        return Ending.COMMA
    return Ending.OPEN


def _full_stop(text: str) -> bool:
    """A line ending in a half-width . after an ideograph, a percent sign or a closing Chinese mark
    ends a sentence: OCR's reading of 。 (the punctuation pass proposes 。 for it)."""
    before = text[-2:-1]
    return before in _FULL_STOP_AFTER or "\u4e00" <= before <= "\u9fff"


def _left_open(text: str) -> bool:
    """A bracket or quotation mark opened on the line and not closed by its end."""
    return (
        ("（" in text and text.count("（") > text.count("）"))
        or ("《" in text and text.count("《") > text.count("》"))
        or ("“" in text and text.count("“") > text.count("”"))
    )


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, in order.

    Built a cue at a time over all the lines (C-level maps and one comprehension per cue) rather
    than a line at a time: the regular expression skips blank lines and strips white space in C,
    and each cue's full test runs only when the line's first or last character makes it possible.
    """
    pieces = _CONTENT.findall(text)  # (white space and blank lines before, the line's content)
    if not pieces:
        return []
    texts = list(map(itemgetter(1), pieces))
    lengths = list(map(len, texts))
    # Running offsets of the pieces: each gap ends where a line's content starts, each content ends it.
    bounds = list(accumulate(map(len, chain.from_iterable(pieces))))
    sizes = map(len, map(str.encode, texts))
    mark_counts = map(len, map(_MARKS.findall, texts))
    widths = [
        # Text of ideographs and Chinese marks only (three bytes each in UTF-8) is the common case.
        length - 0.25 * marks if size == 3 * length else _width(content, length, size, marks)
        for content, length, size, marks in zip(texts, lengths, sizes, mark_counts, strict=True)
    ]
    if "\u3000" in text:
        # An ideographic space is three bytes in UTF-8 too: lines holding one are measured again.
        for index, content in enumerate(texts):
            if "\u3000" in content:
                widths[index] = line_width(content)
    if FULL_WIDTH_RUN.search(text):
        # Full-width digits and letters are measured as the widths pass leaves them (ordinary
        # ones): a second run, given its output, must measure the line as this one did.
        for index, content in enumerate(texts):
            if FULL_WIDTH_RUN.search(content):
                widths[index] = line_width(with_ordinary_runs(content))
    endings = [
        # Mid-text is the common ending: the full test only when a mark or bracket is about.
        _OPEN if content[-1] not in _ENDING_MARKS and not ("（" in content or "《" in content or "“" in content)
        else line_ending(content)
        for content in texts
    ]
    if QUOTE_FOR_FULL_STOP in text:
        for index in _quote_read_for_full_stop(pieces):
            endings[index] = Ending.TERMINAL
    markers = [content[0] in _MARKER_STARTS and _MARKER.match(content) is not None for content in texts]
    for index in _closed_from_next_line(texts):
        # A sentence's closing mark OCR set at the start of the next line (一致⏎.三、): the line ends
        # the sentence, and the next one starts after the mark (the punctuation pass moves it back).
        endings[index] = Ending.TERMINAL
        following = texts[index + 1][1:].lstrip(" \t\u3000")
        markers[index + 1] = following[:1] in _MARKER_STARTS and _MARKER.match(following) is not None
    standalones = [
        content in _OWN_LINES or (length <= 80 and (
            content[-1] in _STANDALONE_ENDS or content[0] in _CONTACT_STARTS
            or (length <= _LONGEST_DATE and content[0] in _YEAR_STARTS)
        )
        and _STANDALONE.fullmatch(content) is not None)
        for content, length in zip(texts, lengths, strict=True)
    ]
    # (A line of more than six characters is a fragment only if its runs of marks are read once:
    # such a line starts with a mark.)
    fragments = [
        (length <= 6 or not content[0].isalnum()) and _WORDLIKE.search(content) is None
        and (length <= 6 or _collapsed_length(content) <= 6)
        for content, length in zip(texts, lengths, strict=True)
    ]
    columns = zip(bounds[0::2], bounds[1::2], texts, widths, endings, markers, standalones, fragments, strict=True)
    return list(map(_new_line, repeat(Line), columns))



def _closed_from_next_line(texts: list[str]) -> list[int]:
    """Lines ending in a hanzi whose next line starts with a sentence's closing mark before a hanzi,
    an opening bracket or quote (as the punctuation pass's mark.after-break finds them)."""
    return [
        index for index, (content, following) in enumerate(pairwise(texts))
        if following[0] in SENTENCE_END_MARKS and "\u4e00" <= content[-1] <= "\u9fff"
        and (after := following[1:].lstrip(" \t\u3000")[:1]) != ""
        and ("\u4e00" <= after <= "\u9fff" or after in OPENING_MARKS)
    ]


def _quote_read_for_full_stop(pieces: list[tuple[str, str]]) -> list[int]:
    """Lines ending in an opening quote after a hanzi before a blank line, with no quote of their own
    left open: Tesseract's reading of a paragraph's `。` (on the development OCR sets 514 of 552 such
    lines ended a paragraph, 401 of them with `。`; without the blank line 122 of 311 did). Not in a
    text with a blank line after nearly every line, where a blank line tells nothing, nor in a few
    lines. (A quote a line before left open tells little: Tesseract reads other marks and gaps as
    `“` too; on the development sets that guard lost 11 right full stops in 74.)"""
    candidates = [
        index for index, (_, content) in enumerate(pieces[:-1])
        if content[-1] == QUOTE_FOR_FULL_STOP and len(content) > 1
        and "\u4e00" <= content[-2] <= "\u9fff" and content.count("“") - 1 <= content.count("”")
    ]
    if not candidates or len(pieces) - 1 < MIN_GAPS:
        return []
    blank = [gap.count("\n") > 1 for gap, _ in pieces[1:]]
    if sum(blank) > BLANK_LINES_TELL * len(blank):
        return []
    return [index for index in candidates if blank[index]]


def _collapsed_length(marks: str) -> int:
    """How many marks a line of marks holds as the punctuation pass leaves it: spaces out, half-width
    marks full-width, and a run of one mark (OCR reading it several times) counted once."""
    folded = marks.translate(_FOLD)
    return len(folded) - sum(
        1 for index in range(1, len(folded)) if folded[index] == folded[index - 1] and folded[index] in _FOLDED
    )


# The marks the punctuation pass makes full-width (and reads once where OCR repeated them), and the
# spaces it drops around them.
_FOLDED = frozenset(FULL_WIDTH.values())
_FOLD = str.maketrans({**FULL_WIDTH, **dict.fromkeys(_SPACE_CHARS)})


# A tuple of the eight fields, made a Line in C (Line(...) goes through a Python-level __new__).
_new_line = tuple.__new__
_OPEN = Ending.OPEN
