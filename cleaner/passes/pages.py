"""The pages pass: page numbers a scan carries into the text are taken out, so that a paragraph cut
by a page break can be rejoined.

Official documents print their page number on a line of its own (`— 2 —`, GB/T 9704); other
documents use `第 2 页`, `第2页 共5页` or `- 2 -`. OCR reads the dashes as `—`, `-`, `－`, `–`, `~` or
the hanzi `一`. Such a line is taken out with the blank lines OCR puts around it, leaving one line
break (the previous line's own): the layout pass, which runs next, then decides whether the text
either side is one paragraph (the page break fell inside it) or two. The following line keeps its
indentation, which is layout's evidence of a paragraph start.

A line that is only a number (`2`) is left alone inside the text: a table or a list can have one,
and OCR makes one of a misread character at the end of a line (`才` read as `2`). A page's last
line (the text's, or one before a form feed, which ends a page in Tesseract's and pdftotext's
output), after a blank one, is the page number as OCR read it when it is short and unlike text: a
number whose dashes OCR lost (`2`, but not a year), dashes and digits (`1一`), Latin letters
(`RE`), a digit or letters with one hanzi (`3全`), or a single hanzi (`人`). On the OCR sets
(Tesseract sets the folio apart with a blank line) all 75 such lines were the folio; a signature
or a name has two hanzi or more and no digit, and stays.

A form feed at a line's start (a page break) goes the same way as a page-number line, with the
blank lines around it: a page break is no paragraph break, and the layout pass judges the join.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleaner.config import Config
from cleaner.edit import Edit, make_edit
from cleaner.typography import INLINE_SPACE, with_ordinary_runs

NAME = "pages"
_SPACE = rf"[{INLINE_SPACE}]*"
_DASH = r"[-－—–―一~～]{1,2}"
_NUMBER = r"[0-9０-９]{1,4}"
# `— 2 —`, `- 2 -`, `第 2 页`, `第2页 共5页`, `第2页/共5页`, `共5页 第2页`.
_MARKED = (
    rf"{_DASH}{_SPACE}{_NUMBER}{_SPACE}{_DASH}"
    rf"|第{_SPACE}{_NUMBER}{_SPACE}页(?:{_SPACE}[/／,，]?{_SPACE}共{_SPACE}{_NUMBER}{_SPACE}页)?"
    rf"|共{_SPACE}{_NUMBER}{_SPACE}页{_SPACE}[/／,，]?{_SPACE}第{_SPACE}{_NUMBER}{_SPACE}页"
)
_PAGE_LINE = re.compile(rf"^[\f{INLINE_SPACE}]*(?:{_MARKED})[\f{INLINE_SPACE}]*$", re.MULTILINE)
# What OCR makes of a page number on a page's last line (see above).
_FORM_FEED = re.compile("\f")
_PAGE_BREAK = re.compile(rf"(?:^|\n){_SPACE}(\f)")
_FOLIO_CHARACTERS = re.compile(r"[0-9A-Za-z\-－—–―~～一.·]{1,4}")
_ALPHANUMERIC = re.compile(r"[0-9A-Za-z]")
_HANZI = re.compile(r"[\u4e00-\u9fff]")
MAX_REMNANT = 4  # characters, spaces aside
CONFIDENCE = 0.97


class PagesPass:
    name = NAME

    def propose(self, text: str) -> list[Edit]:
        return list(_page_edits(text))


def _page_edits(text: str) -> Iterator[Edit]:
    for start, end, marks in _merged_spans(text):
        content_before = start > 0
        content_after = end < len(text) or text.endswith("\n")
        if content_before and content_after:
            # The previous line's own line break stays: a later pass's edit on it (layout proposing
            # the join for review) then leaves this one alone instead of merging with it.
            start += 1
        if start == end:
            continue
        yield make_edit(
            text, start, end, "", pass_name=NAME, rule_id="pages.page_number", confidence=CONFIDENCE,
            reason=_reason(marks),
        )


def _reason(marks: list[str]) -> str:
    numbers = [mark for mark in marks if mark != "\f"]
    parts = []
    if numbers:
        parts.append(f"page number {' '.join(numbers)!r} on a line of its own" + (
            "" if all(_PAGE_LINE.fullmatch(mark) for mark in numbers) else " (as OCR read it: a page's last line)"))
    if len(numbers) < len(marks):
        parts.append("a page break (form feed): the layout pass decides whether a paragraph runs on across it")
    return "; ".join(parts)


def _merged_spans(text: str) -> Iterator[tuple[int, int, list[str]]]:
    """The spans of the page lines with their blank lines, page lines only blank lines apart
    taken together, with the marks each holds."""
    current: tuple[int, int, list[str]] | None = None
    for line_start, line_end in _page_lines(text):
        start, end = _span_with_blank_lines(text, line_start, line_end)
        form_feed = line_end - line_start == 1 and text[line_start] == "\f"
        mark = "\f" if form_feed else text[line_start:line_end].strip()
        if current is not None and start < current[1]:
            current = (current[0], max(current[1], end), [*current[2], mark])
            continue
        if current is not None:
            yield current
        current = (start, end, [mark])
    if current is not None:
        yield current


def _page_lines(text: str) -> list[tuple[int, int]]:
    """The bounds of each page-number line, in text order."""
    lines = [match.span() for match in _PAGE_LINE.finditer(text)]
    # A form feed at a line's start ends a page: a page break is no paragraph break.
    form_feeds = [match.start() for match in _FORM_FEED.finditer(text)] if "\f" in text else []
    if form_feeds:
        lines += [match.span(1) for match in _PAGE_BREAK.finditer(text)]
    # Each page's last lines: before a form feed (Tesseract's and pdftotext's page end) and the
    # text's end; a folio OCR read as two lines, blank lines apart, goes whole (so a second run
    # finds nothing more to take out).
    marked_starts = {line_start for line_start, _line_end in lines}
    start = 0
    for page_end in [*form_feeds, len(text)]:
        end = page_end
        # (past a marked folio the page ends with: what OCR read before it may be one too)
        while (last := _last_content_line(text, start, end)) is not None and last[0] in marked_starts:
            end = last[0]
        while (last := _last_line(text, start, end)) is not None and _folio_remnant(text[last[0]:last[1]]):
            lines.append(last)
            end = last[0]
        start = page_end + 1
    return sorted(set(lines))


def _last_content_line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The bounds of the last line with content in text[start:end] (its start at most `start`)."""
    stop = len(text[start:end].rstrip()) + start
    if stop == start:
        return None
    return max(start, text.rfind("\n", start, stop) + 1), stop


def _last_line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The bounds of the last line with content in text[start:end], when a blank line precedes it."""
    last = _last_content_line(text, start, end)
    if last is None:
        return None
    line_start, stop = last
    if line_start <= start:
        return None  # (the first line: nothing before it)
    previous_start = text.rfind("\n", start, line_start - 1) + 1
    if previous_start <= start or text[previous_start:line_start - 1].strip(INLINE_SPACE):
        return None  # no blank line before it
    return line_start, stop


def _folio_remnant(line: str) -> bool:
    """Whether a text's last line (after a blank one) is what OCR read of a page number."""
    # (Full-width digits and letters judged as the widths pass leaves them: a second run must agree.)
    solid = with_ordinary_runs("".join(line.split()))
    if len(solid) > MAX_REMNANT:
        return False
    if _FOLIO_CHARACTERS.fullmatch(solid):
        return not (solid.isdigit() and len(solid) > 3)  # (a year stays)
    hanzi = len(_HANZI.findall(solid))
    if hanzi == len(solid):
        return hanzi == 1
    # Digits or Latin letters and one hanzi, nothing else (no mark of running text; not 附件2).
    return hanzi == 1 and len(_ALPHANUMERIC.findall(solid)) + hanzi == len(solid)


def _span_with_blank_lines(text: str, line_start: int, line_end: int) -> tuple[int, int]:
    """The page line (or form feed) with the blank lines around it: from the line break that ends
    the previous line with content (or the text's start) to the start of the next line with content
    (or the text's end), so the next line keeps its indentation."""
    previous = line_start
    while previous > 0 and text[previous - 1].isspace():
        previous -= 1
    start = text.index("\n", previous) if previous > 0 else 0
    following = line_end
    while following < len(text) and text[following].isspace():
        following += 1
    if following == len(text):
        return start, len(text)
    line_break = text.rfind("\n", line_end - 1, following)
    if line_break >= 0:
        return start, line_break + 1
    # A form feed right after the line, no line break between (3\f): the feed goes with it.
    return start, _past_form_feeds(text, line_end)


def _past_form_feeds(text: str, position: int) -> int:
    """The end of the form feeds (and spaces between them) from `position` on; `position` when
    none follows. The spaces after the last feed stay, as the next line's indentation."""
    end = position
    while True:
        probe = end
        while probe < len(text) and text[probe] in INLINE_SPACE:
            probe += 1
        if not text.startswith("\f", probe):
            return end
        end = probe + 1


def build(config: Config) -> PagesPass:
    return PagesPass()
