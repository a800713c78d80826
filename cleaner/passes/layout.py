"""The layout pass: rejoin hard-wrapped lines into paragraphs, one paragraph per line.

Every break between two lines gets one Edit (cleaner.layout_decide says which): a wrap deletes
the line break with the blank lines and spaces around it; a paragraph break is normalised to the
configured separator ("\\n", or "\\n\\n" for a blank line between paragraphs). Where the join is
uncertain, the break is normalised (auto) and the join itself is proposed for review, as a
separate Edit on the line break, so a person can accept or revert each one.
"""

from __future__ import annotations

from itertools import compress
from operator import not_

from cleaner.config import Config
from cleaner.edit import Edit, Safety, edits_in_bulk, fast_edit, sort_key
from cleaner.layout_decide import WRAPPED, Decision, Verdict, WordFrequency, decide
from cleaner.layout_lines import QUOTE_FOR_FULL_STOP, Ending, Line, split_lines
from cleaner.lexicon import builtin_zipf

NAME = "layout"
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset("0123456789")
# Characters that may need a space when two lines join (see _joiner).
_LATIN_JOIN = _LETTERS | _DIGITS


class LayoutPass:
    name = NAME

    def __init__(self, separator: str, word_frequency: WordFrequency | None = None) -> None:
        self.separator = separator
        self.word_frequency = word_frequency

    def propose(self, text: str) -> list[Edit]:
        lines = split_lines(text)
        if not lines:
            return []
        edits: list[Edit] = []
        if lines[0].start:
            edits.append(_edit(text, 0, lines[0].start, "", "trim.start", 0.99,
                               "white space before the first line"))
        decisions = decide(lines, self.word_frequency)
        starts, ends, texts = list(zip(*lines, strict=True))[:3]
        # The common case: a wrap between Chinese lines deletes the gap (built in bulk below).
        plain = [
            decision is WRAPPED and line_text[-1] not in _LATIN_JOIN and following[0] not in _LATIN_JOIN
            for decision, line_text, following in zip(decisions, texts, texts[1:], strict=False)
        ]
        for index in compress(range(len(plain)), map(not_, plain)):
            edits.extend(self._gap_edits(text, lines[index], lines[index + 1], decisions[index]))
        edits += _wrap_edits(text, list(compress(ends, plain)), list(compress(starts[1:], plain)))
        tail = text[lines[-1].end:]
        # A text of several lines is a file: it ends with a line break; a snippet keeps its end.
        ending = "\n" if "\n" in tail or len(lines) > 1 else ""
        if tail != ending:
            edits.append(_edit(text, lines[-1].end, len(text), ending, "trim.end", 0.99,
                               "white space after the last line"))
        edits.sort(key=sort_key)
        return edits

    def _gap_edits(self, text: str, line: Line, following: Line, decision: Decision) -> list[Edit]:
        start, end = line.end, following.start
        gap = text[start:end]
        if decision.verdict is Verdict.JOIN:
            joiner = decision.joiner if decision.joiner is not None else _joiner(line.text, following.text)
            if gap == joiner:
                return []
            return [_edit(text, start, end, joiner, decision.rule_id, decision.confidence, decision.reason)]
        quote_for_stop = line.ending is Ending.TERMINAL and line.text[-1] == QUOTE_FOR_FULL_STOP
        if decision.verdict is Verdict.BREAK:
            if quote_for_stop:
                return [_full_stop_for_quote(text, start, end, self.separator)]
            if gap == self.separator:
                return []
            return [_edit(text, start, end, self.separator, decision.rule_id, decision.confidence, decision.reason)]
        # Keep the break, cleaned up, and propose the join on the line break itself for review.
        newline = text.index("\n", start, end)
        edits = []
        if quote_for_stop:
            edits.append(_full_stop_for_quote(text, start, newline, ""))
            start = newline
        if newline > start:
            edits.append(_edit(text, start, newline, "", "trim.line-end", 0.99, "spaces at the end of a line"))
        edits.append(_edit(
            text, newline, newline + 1, _joiner(line.text, following.text), decision.rule_id,
            decision.confidence, decision.reason, Safety.REVIEW,
        ))
        rest = self.separator[1:]
        if text[newline + 1:end] != rest:
            edits.append(_edit(text, newline + 1, end, rest, "break.blank-lines", 0.95,
                               "blank lines and indent around a paragraph break"))
        return edits


def _full_stop_for_quote(text: str, start: int, end: int, separator: str) -> Edit:
    """The `“` before `start` (a line's end) and the gap text[start:end] → `。` and `separator`."""
    return _edit(text, start - 1, end, "。" + separator, "break.quote-for-full-stop", 0.9,
                 "a line of text ends in an opening quote before a blank line: Tesseract's reading of "
                 "the 。 that ends a paragraph")


def _joiner(left: str, right: str) -> str:
    """What replaces a wrap: nothing in Chinese or inside a number, a space between Latin words."""
    last, first = left[-1], right[0]
    if (last in _LETTERS and (first in _LETTERS or first in _DIGITS)) or (last in _DIGITS and first in _LETTERS):
        return " "
    return ""


def _edit(
    text: str, start: int, end: int, after: str, rule_id: str, confidence: float, reason: str,
    safety: Safety = Safety.AUTO,
) -> Edit:
    return fast_edit(start, end, text[start:end], after, NAME, rule_id, confidence, reason, safety)


def _wrap_edits(text: str, starts: list[int], ends: list[int]) -> list[Edit]:
    """The Edits deleting the gaps text[start:end] of plain wraps, built together (one fast_edit
    per wrap was a third of the pass's time)."""
    befores = list(map(text.__getitem__, map(slice, starts, ends)))
    return edits_in_bulk(starts, ends, befores, "", NAME, WRAPPED.rule_id, WRAPPED.confidence, WRAPPED.reason)


def build(config: Config) -> LayoutPass:
    # The lexicon is part of the program, like the detector's (builtin_data governs the correction
    # dictionaries and rules a user may replace).
    return LayoutPass(config.paragraph_separator, builtin_zipf)
