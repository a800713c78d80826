"""Roster rows: lines that each give a name and, after a gap, its entry (a post, a unit).

A list of people is set one person to a line, the name padded to three characters and set apart
from the post by an ideographic space (周立新　县应急管理局党组书记、局长, 陈　刚　县气象局气象台台长).
OCR reads each gap as spaces or a stray quote (李国强”县消防救援大队…, 王 芳 县人民医院…), and the
lines fall short of the column by different amounts, which a layout that measures widths takes for
a wrapped paragraph. Two such lines in a row are rows of a list: the layout keeps them apart, and
the spacing pass sets each gap as one ideographic space. On the OCR sets every pair of lines of
this shape was two rows (21 of 21 that could be matched to the truth; none was a wrap).

The name is two or three hanzi (or two with a space between); the gap is spaces, spaces and one
stray mark, or a closing quote. An opening quote straight after the name is left alone: it opens
quoted text (夜校“…). Chapters and articles (第一章　总则, 第三条　…) are not names: their space
has rules of its own.
"""

from __future__ import annotations

import re

from cleaner.lazy_regex import lazy_compile
from cleaner.typography import FIGURE_UNITS, HAN

# A name: two or three hanzi, or two with a space between (陈　刚).
_NAME_CHARACTERS = f"(?:[{HAN}]{{2,3}}|[{HAN}][ \t\u3000]+[{HAN}])"
# A name may carry a note in brackets (李秀梅（女）, 马建国（回族）), as a list of commended people sets it.
_NAME = f"(?!第){_NAME_CHARACTERS}(?:[（(][{HAN}，、,]{{1,6}}[）)])?"
# A gap as spaces (with a stray mark among them) or a closing quote; a weak one, an opening quote or a
# comma straight after the name, makes a row only between two rows.
_GAP = '(?:[ \t\u3000]+[”“"，,]?[ \t\u3000]*|[”"][ \t\u3000]*)'
_WEAK_GAP = "[“，,]"
_ENTRY = f"(?=[{HAN}]{{2}})"
_ROW = lazy_compile(f"({_NAME})({_GAP}){_ENTRY}")
_WEAK_ROW = lazy_compile(f"({_NAME})({_WEAK_GAP}){_ENTRY}")
# Either kind after a line break (opening with it lets the engine skip ahead to candidates in C).
_ANY_ROW_AFTER_BREAK = lazy_compile(f"\n({_NAME})({_GAP}|{_WEAK_GAP}){_ENTRY}")
IDEOGRAPHIC_SPACE = "\u3000"
_SPACES = lazy_compile("[ \t\u3000]+")  # (inside a name, 陈　刚, or anywhere in a line)
_BLANK = " \t\u3000\n"


def row_flags(lines: list[str]) -> list[bool]:
    """Which of these consecutive lines (each stripped of surrounding space) are roster rows."""
    strong = [_ROW.match(line) is not None for line in lines]
    last = len(lines) - 1
    return [
        strong[index] or (
            0 < index < last and strong[index - 1] and strong[index + 1] and _WEAK_ROW.match(line) is not None
        )
        for index, line in enumerate(lines)
    ]


# A name alone on a line, and a post alone on the next (no sentence's marks): RapidOCR reads a list of
# people column by column when the gap between name and post is wide (吴志远⏎国网桐岭县供电公司…主任).
_BARE_NAME = lazy_compile(_NAME_CHARACTERS)
_CLAUSE_MARKS = lazy_compile("[，。；：！？,.;:!?]")  # (a post may list two: 党委副书记、镇长)
MIN_SPLIT_ROWS = 2  # rows of name and post in a run


def split_row_names(lines: list[str]) -> set[int]:
    """The indexes of the lines that are a name whose post is on the next line, in runs of at least
    MIN_SPLIT_ROWS such pairs (each line stripped of surrounding space)."""
    named = [_BARE_NAME.fullmatch(line) is not None for line in lines]
    pairs = [
        index for index in range(len(lines) - 1)
        if named[index] and not named[index + 1] and len(lines[index + 1]) <= 30
        and _CLAUSE_MARKS.search(lines[index + 1]) is None
    ]
    paired = set(pairs)
    return {index for index in pairs if index + 2 in paired or index - 2 in paired}


def row_gaps(text: str) -> list[tuple[int, int]]:
    """The gaps of the rows of a roster in `text` (rows beside another row), and the spaces inside
    their two-character names (陈　刚), as (start, end): each is set as one ideographic space."""
    found: list[tuple[int, int]] = []
    for start in _candidate_starts(text):
        match = _row_at(text, start)
        if match is None or not (
            # (a gap already set so is kept alone: a second look at a few lines may see one row of a list)
            match.group(2) == IDEOGRAPHIC_SPACE
            or _row_at(text, _line_before(text, start)) or _row_at(text, _line_after(text, start))
        ):
            continue
        name_start, name_end = match.span(1)
        found.extend(space.span() for space in _SPACES.finditer(text, name_start, name_end))
        found.append(match.span(2))
    return found


# A byline, a line of roles and names (本报记者　周明远　通讯员　吴佳琪), its gaps as OCR reads them:
# spaces, or a quote of either kind (a byline quotes nothing: 本报记者”周明远”通讯员”吴佳琪), or none
# (RapidOCR reads no gap: 本报记者周明远通讯员吴佳琪).
_NEWS = "(?:本报|新华社)"  # (a newspaper's or agency's own reporter)
_ROLE = f"{_NEWS}?(?:特约)?(?:记者|通讯员|实习生)"
_ROLES = lazy_compile(_ROLE)
_BYLINE_GAP = '(?:[ \t\u3000]+|[ \t\u3000]*[”“"][ \t\u3000]*)'
_BYLINE_LINE = lazy_compile(f"(?m)^[ \t\u3000]*{_ROLE}[^\n]*$")
_BYLINE_NAMES = lazy_compile(f"({_BYLINE_GAP})?([{HAN}]{{2,3}}(?:{_BYLINE_GAP}[{HAN}]{{2,3}})*)({_BYLINE_GAP})?")
_BYLINE_GAPS = lazy_compile(f"(?<=[{HAN}]){_BYLINE_GAP}(?=[{HAN}])")
_NEWS_ROLE = lazy_compile(_NEWS)
# The start of a newspaper's byline: its role, a name of two or three hanzi, then a gap, another
# role (perhaps cut by a wrap: 本报记者许晓峰通讯⏎员梁文静) or the line's end.
_BYLINE_START = lazy_compile(
    f"{_NEWS}(?:特约)?(?:记者|通讯员){_BYLINE_GAP}?[{HAN}]{{2,3}}(?:{_BYLINE_GAP}|{_NEWS}?(?:特约)?(?:记者|通讯|实习)|$)"
)

# A line that ends with a post and holds no sentence's marks (吴志远国网桐岭县供电公司运维检修部主任): in a
# run of MIN_POST_RUN or more, a list of people, one to a line, whose gaps OCR lost. (On the OCR sets
# 100 breaks between such lines, none a wrap; no such run in People's Daily.)
_POSTS = (
    "局长", "处长", "科长", "股长", "站长", "队长", "所长", "院长", "校长", "镇长", "乡长", "县长",
    "市长", "区长", "厅长", "部长", "组长", "社长", "行长", "排长", "连长", "班长", "厂长", "馆长",
    "台长", "会长", "秘书长", "经理", "主任", "书记", "委员", "网格员", "工作人员", "记者", "民警", "主席",
    "干事", "教师", "医生", "护士长", "工程师", "护士", "村民", "队员", "专员", "调研员", "科员",
    "农艺师", "畜牧师", "兽医师", "会计师", "经济师", "技师", "讲师", "教授", "研究员", "护林员", "辅警",
    "乡村医生", "村医", "理事长", "董事长", "指导员", "管理员", "信息员", "安全员", "调解员", "驾驶员",
    "州长", "省长", "审判长", "审判员", "书记员", "检察长", "检察官",
)
_POST_LINE = lazy_compile(f"(?!第)[{HAN}][{HAN}、（）()]{{4,32}}(?:{'|'.join(_POSTS)})")
_POST_ENDS = frozenset(post[-1] for post in _POSTS)  # (a line ending otherwise needs no look)
MIN_POST_RUN = 3


def post_rows(lines: list[str]) -> list[bool]:
    """Which of these consecutive lines (each stripped of surrounding space) end with a post in a run
    of at least MIN_POST_RUN such lines."""
    return _in_runs([line[-1:] in _POST_ENDS and _POST_LINE.fullmatch(_SPACES.sub("", line)) is not None
                     for line in lines])


# A line that names a unit and holds nothing else (东澳镇青年志愿者突击队, 润丰水产有限公司): in a run of
# MIN_POST_RUN or more, a list of units one to a line, as a commendation or a thanks letter sets them
# (a wrapped sentence's lines hold its marks, or do not all end in a unit's last character).
_UNIT_ENDS = frozenset("队会司局院站所心社部办委校馆厂组团室处中府台厅行场园村镇宫庭科股")
_UNIT_LINE = lazy_compile(f"[{HAN}][{HAN}“”（）()]{{3,29}}")


def unit_rows(lines: list[str]) -> list[bool]:
    """Which of these consecutive lines (each stripped of surrounding space) name a unit in a run of at
    least MIN_POST_RUN such lines."""
    return _in_runs([line[-1:] in _UNIT_ENDS and _UNIT_LINE.fullmatch(line) is not None for line in lines])


# A line that opens with a code (101高中语文教师6本科及以上学历…, 0203…): a table's row whose cells OCR ran
# together, as a recruitment notice lists its posts by post code. A figure before a unit or a date
# (2026年, 300余名) is no code. Lines that open so, with codes of one length, MIN_POST_RUN or more in a
# text, are rows: each starts a line of its own; a row's wrapped lines between them run on.
_CODE = lazy_compile(f"([0-9]{{2,6}})(?=[{HAN}])(?![{FIGURE_UNITS}])")


def coded_rows(lines: list[str]) -> list[bool]:
    """Which of these lines (each stripped of surrounding space) open with a code that at least
    MIN_POST_RUN of them open with codes of the same length, all different."""
    codes = [
        match.group(1) if line[:1].isdigit() and (match := _CODE.match(line)) is not None else "" for line in lines
    ]
    by_length: dict[int, set[str]] = {}
    for code in codes:
        if code:
            by_length.setdefault(len(code), set()).add(code)
    lengths = {length for length, seen in by_length.items() if len(seen) >= MIN_POST_RUN}
    rows = [bool(code) and len(code) in lengths for code in codes]
    for index in _serial_rows(lines):
        rows[index] = True
    return rows


# A table's serial number opening a row whose cells OCR ran together (1赣阳市嵊丰茶业有限公司芗山县绿茶…).
_SERIAL = lazy_compile(f"([0-9]{{1,2}})(?=[{HAN}])(?![{FIGURE_UNITS}])")


def _serial_rows(lines: list[str]) -> list[int]:
    """The indexes of the lines that open with serial numbers 1, 2, 3 … in order (MIN_POST_RUN or
    more; a row's wrapped lines may stand between them)."""
    found: list[int] = []
    for index, line in enumerate(lines):
        match = _SERIAL.match(line) if line[:1].isdigit() else None
        if match is not None and int(match.group(1)) == len(found) + 1:
            found.append(index)
    return found if len(found) >= MIN_POST_RUN else []


# A line ending in a figure (完成率82.6%, 投资4860万元, 150人, 17:00) whose next line does not go on with
# it (its unit, decimals or more digits: 2025⏎年底, 52⏎件), and ends no sentence inside it.
_FIGURE_END = lazy_compile(f"[0-9](?:[%％‰]|[{FIGURE_UNITS}]{{1,2}})?$")
_FIGURE_GOES_ON = lazy_compile(f"[0-9０-９.．%％‰{FIGURE_UNITS}]")
# ... unless the next line opens with a row's serial number (4投标保证金递交截止…, 3”招标人…): a number
# run into a word, no unit.
_SERIAL_OPENING = lazy_compile(f"[0-9]{{1,2}}[ \t”“\"]*(?=[{HAN}])(?![{FIGURE_UNITS}])")
_SENTENCE_END = lazy_compile("[。；;]")
_HAN_PAIR = lazy_compile(f"(?=([{HAN}]{{2}}))")
_DIGIT = lazy_compile("[0-9]")
_COMMA = lazy_compile("[，,]")
MIN_CELL_DIGITS = 5


def figure_rows(lines: list[str]) -> list[bool]:
    """Which of these lines (each stripped of surrounding space) are a table's or a ranking's rows
    whose cells OCR ran together (砻口镇完成投资4860万元完成率82.6%⏎枧头镇…): MIN_POST_RUN lines or
    more in a row, each ending in a figure, no sentence ending inside them, and all with a word
    in common (完成投资, 毕业生), as a table's column heads repeat, or all of figures (five digits or
    more each) and no comma; a statistical paragraph's wrapped lines that happen to end in figures
    say different things, in clauses."""
    flags = [
        ends_in_figure(line) and _SENTENCE_END.search(line) is None
        and (index + 1 == len(lines) or _FIGURE_GOES_ON.match(lines[index + 1]) is None
             or _SERIAL_OPENING.match(lines[index + 1]) is not None)
        for index, line in enumerate(lines)
    ]
    rows = [False] * len(lines)
    for run in _runs(flags):
        # (a run's first or last line may be another row's wrapped end, 17:00, or a total: the rest)
        for part in (run, slice(run.start + 1, run.stop), slice(run.start, run.stop - 1)):
            if part.stop - part.start >= MIN_POST_RUN and (_share_a_word(lines[part]) or _all_cells(lines[part])):
                rows[part] = [True] * (part.stop - part.start)
                break
    return rows


def ends_in_figure(line: str) -> bool:
    """Whether `line` (stripped of surrounding space) ends in a figure: 82.6%, 4860万元, 150人."""
    return _FIGURE_END.search(line) is not None


def _all_cells(lines: list[str]) -> bool:
    """Whether all `lines` hold MIN_CELL_DIGITS digits or more and no comma: cells of a table's rows
    (户厕改造验收合格率≥95%96.8%5分5分, 饮料　36　35　1　97.22% read as 饮料3635197.22%), not a
    paragraph's clauses."""
    return all(len(_DIGIT.findall(line)) >= MIN_CELL_DIGITS and _COMMA.search(line) is None for line in lines)


def _share_a_word(lines: list[str]) -> bool:
    """Whether all `lines` hold one pair of hanzi in common."""
    common = set(_HAN_PAIR.findall(lines[0]))
    for line in lines[1:]:
        common &= set(_HAN_PAIR.findall(line))
    return bool(common)


def _in_runs(flags: list[bool]) -> list[bool]:
    """Which of `flags` are set in a run of at least MIN_POST_RUN set ones."""
    kept = [False] * len(flags)
    for run in _runs(flags):
        if run.stop - run.start >= MIN_POST_RUN:
            kept[run] = [True] * (run.stop - run.start)
    return kept


def _runs(flags: list[bool]) -> list[slice]:
    """The runs of set `flags`, as slices."""
    runs = []
    start = 0
    for index in range(len(flags) + 1):
        if index == len(flags) or not flags[index]:
            if index > start:
                runs.append(slice(start, index))
            start = index + 1
    return runs


_BRACKETED_BYLINE = lazy_compile(f"[（(]{_ROLE}")
_BYLINE_IN_BRACKETS = lazy_compile(f"[（(]({_ROLE}[^（）()\n]{{2,40}})[）)]")


def holds_byline(line: str) -> bool:
    """Whether `line` holds a byline in brackets (本报讯（记者　刘晓峰　通讯员　陈思远）…), whose gaps are no
    table's."""
    return _BRACKETED_BYLINE.search(line) is not None


def opens_byline(line: str) -> bool:
    """Whether `line` (stripped of surrounding space) opens with a newspaper's byline (本报记者　周明远…)."""
    return line[:1] in "本新" and _BYLINE_START.match(line) is not None


def byline_gaps(text: str) -> list[tuple[int, int]]:
    """The gaps of the bylines in `text` (本报记者”周明远”通讯员”吴佳琪), as (start, end): each is set as
    one ideographic space. Where OCR read no gap between a role and a name (本报记者周明远), the gap is
    empty, (start, start): only in a newspaper's byline (本报记者…, 新华社记者…) or one of two roles or
    more, each name of two or three hanzi."""
    if "记者" not in text and "通讯员" not in text and "实习生" not in text:
        return []
    found = []
    for line in _BYLINE_LINE.finditer(text):
        found.extend(_gaps_of_byline(text, line.start(), len(line.group().rstrip(" \t\u3000")) + line.start()))
    for bracket in _BYLINE_IN_BRACKETS.finditer(text):
        # (a lead's byline, 本报讯（记者　刘晓峰　通讯员　陈思远）, is set solid in many papers: its gaps are
        # set only where OCR read one of them, the rest then likewise)
        gaps = _gaps_of_byline(text, *bracket.span(1))
        if any(gap_start != gap_end for gap_start, gap_end in gaps):
            found.extend(gaps)
    return sorted(set(found))


def _gaps_of_byline(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The gaps of text[start:end] if it is a byline: roles, each followed by names."""
    roles = list(_ROLES.finditer(text, start, end))
    gaps = []
    for role, following in zip(roles, [*roles[1:], None], strict=True):
        stop = end if following is None else following.start()
        names = _BYLINE_NAMES.fullmatch(text, role.end(), stop)
        if names is None:
            return []
        gaps.append(names.span(1) if names.group(1) else (role.end(), role.end()))
        gaps.extend(gap.span() for gap in _BYLINE_GAPS.finditer(text, *names.span(2)))
        if following is not None:
            gaps.append(names.span(3) if names.group(3) else (stop, stop))
    if any(gap_start == gap_end for gap_start, gap_end in gaps) and not (
        len(roles) >= 2 or _NEWS_ROLE.match(text, roles[0].start())
    ):
        return []  # (a role and two hanzi, solid, may be a sentence's start: 记者节快乐)
    return gaps


def _candidate_starts(text: str) -> list[int]:
    starts = [0] if _ROW.match(text) or _WEAK_ROW.match(text) else []
    starts.extend(match.start() + 1 for match in _ANY_ROW_AFTER_BREAK.finditer(text))
    return starts


def _row_at(text: str, start: int) -> re.Match[str] | None:
    """The row on the line starting at `start` (-1: no line), if it is one."""
    if start < 0:
        return None
    match = _ROW.match(text, start)
    if match is not None:
        return match
    weak = _WEAK_ROW.match(text, start)
    if weak is None:
        return None
    before, after = _line_before(text, start), _line_after(text, start)
    strong_beside = before >= 0 and after >= 0 and _ROW.match(text, before) and _ROW.match(text, after)
    return weak if strong_beside else None


def _line_before(text: str, line_start: int) -> int:
    """The start of the text of the last non-blank line before the line at `line_start` (-1: none)."""
    position = line_start - 1
    while position >= 0 and text[position] in _BLANK:
        position -= 1
    if position < 0:
        return -1
    start = text.rfind("\n", 0, position) + 1
    while text[start] in _BLANK:
        start += 1
    return start


def _line_after(text: str, line_start: int) -> int:
    """The start of the text of the next non-blank line after the line at `line_start` (-1: none)."""
    position = text.find("\n", line_start)
    if position < 0:
        return -1
    while position < len(text) and text[position] in _BLANK:
        position += 1
    return position if position < len(text) else -1


# A line naming a speaker or a signatory after the post (…审计局局长　陈立华, 市长　林启航, as under a
# report's title or above a decree's date), or a contact after the unit (…环境卫生股　周立群，联系电话：…):
# the gap before the name, which OCR read as a stray quote or spaces.
_UNIT_END = "(?:股|科|室|处|中心|办公室|大队|中队)"
# A line that is only a post, a gap (a byline's: spaces or a stray quote) and a name (…审计局局长”陈立华,
# 市长　林启航, 审　判　长　阚立新, 人民陪审员　鄢桂芝); no sentence (会议由县委书记 王明⏎主持).
_POST_AND_NAME = lazy_compile(
    f"(?![^\n]*[由是请被把向对将在])[{HAN}（）()]{{0,30}}?(?:{'|'.join(_POSTS)}|审[ \u3000]*判[ \u3000]*[长员]"
    f"|书[ \u3000]*记[ \u3000]*员|人民陪审员)({_BYLINE_GAP})[{HAN}]{{2,3}}"
)
# Where such a line can end: a name of two or three hanzi after a gap (looked for first, in C).
_GAP_CHARACTERS = frozenset('”“" \t\u3000')
_NAME_AT_LINE_END = lazy_compile(f"(?m)[”“\" \t\u3000]([{HAN}]{{2,3}})[ \t\u3000]*$")
# A contact's name after the unit, before the phone (…环境卫生股”周立群，联系电话：…).
_CONTACT_NAME = lazy_compile(f"[{HAN}]{_UNIT_END}({_BYLINE_GAP})[{HAN}]{{2,3}}(?=[，,；;][ \t\u3000]*(?:联系)?电话)")


def _post_and_name(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """text[start:end], a line stripped of surrounding space, as a post, a gap and a name; not where a
    quote stands before the gap (他是“好局长”陈立华: a quote the line opened itself)."""
    match = _POST_AND_NAME.fullmatch(text, start, len(text) if end is None else end)
    return None if match is None or _quoted(text, start, match.start(1)) else match


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] opens a quote (“ or ")."""
    before = text[start:end]
    return "“" in before or '"' in before


# A line of a judgment's bench or its clerk, the gap after the post perhaps lost (审判长阚立新, 书记员禤晓蕾):
# running text never ends a paragraph so, without a mark.
_BENCH_ROW = lazy_compile(
    f"(?:审判长|审判员|代理审判员|人民陪审员|书记员|法官助理|执行员)(?:{_BYLINE_GAP})?[{HAN}]{{2,4}}"
)


def signature_rows(lines: list[str]) -> list[bool]:
    """Which of these lines (each stripped of surrounding space) are a post, a gap and a name, or a
    judgment's bench: lines of such a block (a judgment's bench, a report's speakers) each stand on
    their own. (The name's two or three hanzi end the line, a gap before them: looked at first.)"""
    return [
        ((line[-3:-2] in _GAP_CHARACTERS or line[-4:-3] in _GAP_CHARACTERS) and _post_and_name(line) is not None)
        or (line[:1] in "审人书法执代" and _BENCH_ROW.fullmatch(line) is not None)
        for line in lines
    ]


def signature_gaps(text: str) -> list[tuple[int, int]]:
    """The gaps between a post and the name after it on a line of their own (…局局长”陈立华), and between a
    unit and a contact's name (…股”周立群，联系电话：…), as (start, end): each is set as one ideographic space."""
    found = []
    for name in _NAME_AT_LINE_END.finditer(text):
        start = text.rfind("\n", 0, name.start()) + 1
        while text[start] in " \t\u3000":
            start += 1
        row = _post_and_name(text, start, name.end(1))
        if row is not None:
            found.append(row.span(1))
    if "电话" in text:
        for contact in _CONTACT_NAME.finditer(text):
            if not _quoted(text, text.rfind("\n", 0, contact.start()) + 1, contact.start(1)):
                found.append(contact.span(1))
    return sorted(set(found))
