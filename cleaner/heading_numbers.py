"""Headings whose number OCR lost: a paragraph that starts with `、` (`、完善政策体系`) after
RapidOCR dropped the `一` of `一、`, or with an empty bracket pair (`（）加强组织领导`).

The number is read off the document's other headings of the same kind: between `一、` and `三、` it
is `二` (automatic); before a `二、` with none earlier it is `一` (automatic: a list starts at one);
after a `六、` with none later, `七` is a guess (the heading after may have been lost too), so it goes
to review. On the OCR sets (pages and whole documents) the two automatic cases were right 5 times in
5; the after-only guess 1 time in 2.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from cleaner.edit import Edit, Safety, fast_edit
from cleaner.lazy_regex import lazy_compile
from cleaner.typography import HEADING_NUMERALS, LIST_INTRODUCERS

RULE = "heading.lost-number"
_NUMERALS = HEADING_NUMERALS
# A heading numbered 三、 after a line break (a pattern opening with a literal is scanned for in C),
# looked for in the text after a line break; the misread numbers below look for it too.
_ENUMERATED = lazy_compile(f"\n[ \t\u3000]*([{_NUMERALS}]{{1,3}})、")
_LOST = lazy_compile("(?m)^[ \t\u3000]*(?=、[\u4e00-\u9fff])")
# ... and a bracketed heading whose numeral OCR lost: `（）加强组织领导` (the number goes inside).
_LOST_BRACKETED = lazy_compile("(?m)^[ \t\u3000]*[（(](?=[）)][\u4e00-\u9fff])")
MAX_NUMBER = 29


def lost_heading_numbers(text: str, pass_name: str) -> list[Edit]:
    """The numbers to put back before each paragraph that starts with `、` (`、完善政策体系`), or with
    an empty bracket pair (`（）加强组织领导`), for the pass `pass_name`."""
    edits = []
    if "、" in text:
        edits += _lost_numbers(text, pass_name, _LOST, _ENUMERATED, (), bracketed=False)
    if "（）" in text or "()" in text:
        # (a bracketed heading's numbering starts again under each heading above it)
        edits += _lost_numbers(text, pass_name, _LOST_BRACKETED, _BRACKETED, (_ENUMERATED, _CHAPTER), bracketed=True)
    return edits


def _lost_numbers(
    text: str, pass_name: str, lost_pattern: re.Pattern[str], kind: re.Pattern[str], above: tuple[re.Pattern[str], ...],
    bracketed: bool,
) -> list[Edit]:
    """The numbers lost at the `lost_pattern` matches' ends, from the headings of `kind` around each
    one (within the headings `above` them, where the numbering starts again)."""
    lost = [match.end() for match in lost_pattern.finditer(text)]
    if not lost:
        return []
    lines = "\n" + text  # (a match's start in it is its line's start in the text)
    headings = [(match.start(), number) for match in kind.finditer(lines)
                if (number := numeral_value(match.group(1))) is not None]
    restarts = _restarts(lines, above)
    edits = []
    for position in lost:
        # (headings of the same section only)
        before = [number for start, number in headings
                  if start < position and not _restarted_between(restarts, start, position)]
        after = [number for start, number in headings
                 if start > position and not _restarted_between(restarts, position, start)]
        previous, following = (before[-1] if before else None), (after[0] if after else None)
        if previous is not None and following == previous + 2:
            number, safety, confidence = previous + 1, Safety.AUTO, 0.9
        elif previous is None and (following == 2 or (following is None and _opens_a_list(text, position, above))):
            number, safety, confidence = 1, Safety.AUTO, 0.9
        elif previous is not None and following is None and previous < MAX_NUMBER:
            number, safety, confidence = previous + 1, Safety.REVIEW, 0.6
        else:
            continue
        numeral = numeral_text(number)
        shown, heading = ("（）", f"（{numeral}）") if bracketed else ("、", f"{numeral}、")
        edits.append(fast_edit(
            position, position, "", numeral, pass_name, RULE, confidence,
            f"a heading that starts with {shown} lost its number; the document's other headings make it {heading}",
            safety,
        ))
    return edits


# A line that introduces a list: its first item follows (现将有关事项通知如下：⏎、深刻认识… is 一、). Not
# any colon: OCR reads a garbled word as one (…开展应：⏎、宣传培训 is 应急演练、宣传培训).
_INTRODUCES_A_LIST = lazy_compile(f"(?:{LIST_INTRODUCERS})[：:][ \t\u3000]*$")


def _opens_a_list(text: str, position: int, above: tuple[re.Pattern[str], ...]) -> bool:
    """Whether the line before the one holding `position` introduces a list (…如下：) or
    is a heading above the lost one's kind (三、保障措施⏎（）加强…): the lost heading is the list's first."""
    line_start = text.rfind("\n", 0, position) + 1
    if line_start == 0:
        return False
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    previous_line = text[previous_start:line_start - 1]
    if _INTRODUCES_A_LIST.search(previous_line):
        return True
    return any(pattern.match("\n" + previous_line) for pattern in above)


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


MISREAD_RULE = "heading.misread-number"
# Headings of one kind, each numbered in sequence: `（三）`, `三、`, `第三十六条` at a line's start; and
# the headings above each kind, which start its numbering again (a chapter's articles do not). Each
# opens with the line break before it (a pattern opening with a literal is scanned for in C), so
# they are run on the text after a line break.
# (Its opening bracket as OCR may read it, which the rules pass sets right in the same run: 【一）, { 三）.)
_BRACKETED = lazy_compile(f"\n[ \t\u3000]*[（(【{{〔［\\[][ \t]?([{_NUMERALS}]{{1,3}})[）)]")
# ... and one whose opening bracket and numeral OCR read as one hanzi or a mark (全）, 伍）, 《)): no line
# of text starts with a hanzi and a closing bracket, so its neighbours of the kind tell its number.
_GARBLED_BRACKETED = lazy_compile(
    f"\n[ \t\u3000]*([（(《〈<]?(?![{_NUMERALS}])[\u4e00-\u9fff]|[（(《〈<])[）)](?=[\u4e00-\u9fff])"
)
_ARTICLE = lazy_compile(f"\n[ \t\u3000]*第([{_NUMERALS}]{{1,3}})条")
_CHAPTER = lazy_compile(f"\n[ \t\u3000]*第[{_NUMERALS}]{{1,3}}[章节]")
# The points of a paragraph's enumeration, 一是…；二是…；三是… (after the mark or break before each),
# which a paragraph's end starts again.
_POINT = lazy_compile(f"[\n。；：，;:,][ \t\u3000]*([{_NUMERALS}]{{1,2}})是(?=[\u4e00-\u9fff])")
_PARAGRAPH = lazy_compile("\n")
# Each kind with the characters one of its headings holds, looked for first (most texts have few kinds).
_NUMBERED_KINDS = (
    (_BRACKETED, "）)", (_ENUMERATED, _CHAPTER)), (_ENUMERATED, "、", (_CHAPTER,)), (_ARTICLE, "条", ()),
    (_POINT, "是", (_PARAGRAPH,)),
)


def misread_heading_numbers(text: str, pass_name: str) -> list[Edit]:
    """The numbers to set right of headings whose number OCR misread, for the pass `pass_name`: a
    heading between two of its kind numbered N and N + 2, with no heading above them between, is
    N + 1 (`（一）… （三）… （三）` → the first `（三）` is `（二）`; `第二十五条 … 第三十六条 … 第二十七条`),
    the first of three whose second and third are 2 and 3 is 1, and one of two in a row with the
    same number is set right when only one reading fits (`_duplicates_set_right`)."""
    edits = []
    lines = "\n" + text  # (offsets in it are one more than in the text)
    for kind, marks, above in _NUMBERED_KINDS:
        if not any(mark in text for mark in marks):
            continue
        headings = [(match.start(1) - 1, match.end(1) - 1, numeral_value(match.group(1)))
                    for match in kind.finditer(lines)]
        garbled: set[int] = set()
        if kind is _BRACKETED:
            # (each with its closing bracket, which the heading's number replaces too)
            openings: list[tuple[int, int, int | None]] = [
                (match.start(1) - 1, match.end(1), None) for match in _GARBLED_BRACKETED.finditer(lines)
            ]
            garbled = {start for start, _, _ in openings}
            headings = sorted(headings + openings)
        if len(headings) < 2:
            continue
        restarts = _restarts(lines, above)
        if kind is not _POINT:  # (a paragraph's points: 三是…；三是… with no 一是 before is no sequence)
            edits += _duplicates_set_right(text, headings, restarts, garbled, pass_name)
        if len(headings) < 3:
            continue
        for index, (start, end, number) in enumerate(headings):
            previous = headings[index - 1] if index else None
            following = headings[index + 1] if index + 1 < len(headings) else None
            if following is None or following[2] is None:
                continue
            if previous is not None and previous[2] is not None and following[2] == previous[2] + 2:
                meant, first, last = previous[2] + 1, previous[0], following[0]
            elif index == 0 and following[2] == 2 and headings[2][2] == 3:
                meant, first, last = 1, start, headings[2][0]
            else:
                continue
            if number == meant or any(edit.start == start for edit in edits):
                continue
            if _restarted_between(restarts, first, last):
                continue
            numeral = numeral_text(meant)
            if start in garbled:
                edits.append(fast_edit(
                    start, end, text[start:end], f"（{numeral}）", pass_name, MISREAD_RULE, 0.85,
                    f"a line opening with {text[start:end]} between headings of the kind numbered around it: "
                    f"OCR's reading of （{numeral}）", Safety.AUTO,
                ))
                continue
            # At once only where OCR misreads one numeral as the other; else a heading may have been
            # lost or joined to a line above, and which one is off is a guess.
            sure = _misreading_of(text[start:end], numeral)
            edits.append(fast_edit(
                start, end, text[start:end], numeral, pass_name, MISREAD_RULE, 0.9 if sure else 0.6,
                f"this heading's neighbours of its kind make it {numeral}: OCR misread its number",
                Safety.AUTO if sure else Safety.REVIEW,
            ))
    return edits


def _duplicates_set_right(
    text: str, headings: list[tuple[int, int, int | None]], restarts: list[int], garbled: set[int], pass_name: str,
) -> list[Edit]:
    """Two headings of a kind in a row with the same number (`（三）…（三）…（四）`, a page's `（三）…（三）`): one
    was misread. The first is N - 1 when that fits the headings around the pair and OCR misreads the
    one numeral as the other (二 as 三), or the second N + 1 likewise; only when just one of the two fits."""
    edits = []
    for index in range(len(headings) - 1):
        (start, end, number), (second_start, second_end, second) = headings[index], headings[index + 1]
        if number is None or second != number or start in garbled or second_start in garbled:
            continue
        if _restarted_between(restarts, start, second_start):
            continue
        before = headings[index - 1][2] if index else None
        after = headings[index + 2][2] if index + 2 < len(headings) else None
        options = []
        if number > 1 and before in (None, number - 2) and after in (None, number + 1) \
                and _misreading_of(text[start:end], numeral_text(number - 1)):
            options.append((start, end, number - 1))
        if number < MAX_NUMBER and before in (None, number - 1) and after in (None, number + 2) \
                and _misreading_of(text[second_start:second_end], numeral_text(number + 1)):
            options.append((second_start, second_end, number + 1))
        if len(options) == 1:
            [(first, last, meant)] = options
            numeral = numeral_text(meant)
            edits.append(fast_edit(
                first, last, text[first:last], numeral, pass_name, MISREAD_RULE, 0.85,
                f"two headings of a kind in a row numbered {text[start:end]}: the numbers around them make this "
                f"one {numeral}, which OCR misreads so", Safety.AUTO,
            ))
    return edits


def _restarts(lines: str, above: tuple[re.Pattern[str], ...]) -> list[int]:
    """Where the headings `above` a kind start its numbering again, in order: the offset in the text of
    the line break before each (`lines` is the text after a line break)."""
    return sorted(match.start() - 1 for pattern in above for match in pattern.finditer(lines))


def _restarted_between(restarts: list[int], first: int, last: int) -> bool:
    """Whether a heading above starts the numbering again between offsets `first` and `last`."""
    return bisect_left(restarts, first) != bisect_left(restarts, last)


# Numerals OCR reads one for the other (a stroke more or less).
_CONFUSED_NUMERALS = frozenset({("一", "二"), ("二", "三"), ("一", "三"), ("七", "十"), ("六", "八")})


def _misreading_of(seen: str, meant: str) -> bool:
    """Whether `seen` is `meant` with one numeral misread as a confusable one."""
    if len(seen) != len(meant):
        return False
    differences = [(a, b) for a, b in zip(seen, meant, strict=True) if a != b]
    return len(differences) == 1 and tuple(sorted(differences[0], key=_NUMERALS.index)) in _CONFUSED_NUMERALS
