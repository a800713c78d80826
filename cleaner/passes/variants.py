"""The variants pass: stray traditional or variant characters in a simplified document → simplified.

OpenCC's t2s conversion (phrase-aware) is run only over sentences that contain a character t2s
would change. A document whose characters with distinct traditional and simplified forms are
mostly in the traditional form is taken to be a traditional document and left alone (characters
the same in both scripts, 和 or 作用, are no evidence either way, so adding them never flips it).
Characters that are also correct in simplified text in some words (乾坤, 瞭望, 慰藉,
於 as a surname …) are proposed for review, never applied unattended.

A lone traditional character among simplified ones is as likely an OCR misreading of a different
simplified character (視類 for 视频: 頁 in both) as a variant of its t2s form, so it goes to
review; two or more within three characters (a traditional phrase) are converted unattended.
"""

from __future__ import annotations

import functools
import re

import opencc
import regex

from cleaner.config import Config
from cleaner.edit import Edit, Safety, make_edit
from cleaner.textspan import is_han

NAME = "variants"
# Share of script-distinct characters in the traditional form above which a document is traditional.
TRADITIONAL_SHARE = 0.5
# Characters that t2s changes but that simplified Chinese also uses, in some words or names.
AMBIGUOUS = frozenset("乾瞭藉於著徵餘夥甦麽麼鍾鐘藴蘊闆諮訁")
_SENTENCE = regex.compile(r"[^。！？!?\n]*[。！？!?\n]?")


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _characters_changed_by(converter: opencc.OpenCC) -> frozenset[str]:
    """Every BMP Han character that `converter` converts on its own."""
    han = "".join(chr(code) for code in range(0x3400, 0xA000) if is_han(chr(code)))
    converted = converter.convert(han)
    if len(converted) != len(han):  # conversions are 1:1 per character; guard anyway
        return frozenset(c for c in han if converter.convert(c) != c)
    return frozenset(a for a, b in zip(han, converted, strict=True) if a != b)


@functools.cache
def _changed_characters() -> frozenset[str]:
    """Every BMP Han character that t2s converts on its own: traditional forms."""
    return _characters_changed_by(_converter())


@functools.cache
def _simplified_characters() -> frozenset[str]:
    """Characters written only in simplified text (s2t changes them, t2s does not)."""
    return _characters_changed_by(opencc.OpenCC("s2t")) - _changed_characters()


@functools.cache
def _pattern(characters: frozenset[str]) -> re.Pattern[str]:
    """A character class of `characters`: the regex engine scans a text for them ten times faster
    than a set look-up per character."""
    return re.compile("[" + "".join(map(re.escape, sorted(characters))) + "]")


def traditional_share(text: str) -> float:
    """Share of `text`'s script-distinct Han characters written in their traditional form (0 if none)."""
    traditional = len(_pattern(_changed_characters()).findall(text))
    if not traditional:
        return 0.0
    simplified = len(_pattern(_simplified_characters()).findall(text))
    return traditional / (traditional + simplified)


class VariantsPass:
    name = NAME

    def __init__(self) -> None:
        self._changed = _pattern(_changed_characters())

    def propose(self, text: str) -> list[Edit]:
        if self._changed.search(text) is None:  # the common case, decided at C speed
            return []
        if traditional_share(text) > TRADITIONAL_SHARE:
            return []  # a traditional document: converting it is not our job
        edits: list[Edit] = []
        for sentence in _SENTENCE.finditer(text):
            if not sentence.group() or self._changed.search(sentence.group()) is None:
                continue
            edits.extend(self._sentence_edits(text, sentence.start(), sentence.group()))
        return edits

    def _sentence_edits(self, text: str, offset: int, sentence: str) -> list[Edit]:
        converted = _converter().convert(sentence)
        if len(converted) != len(sentence):
            return []  # a rare many-to-one conversion: leave it to a person
        edits = []
        changed = [old != new for old, new in zip(sentence, converted, strict=True)]
        for index, (old, new) in enumerate(zip(sentence, converted, strict=True)):
            if old == new:
                continue
            in_run = any(changed[max(0, index - 2):index]) or any(changed[index + 1:index + 3])
            ambiguous = old in AMBIGUOUS or not in_run
            edits.append(make_edit(
                text, offset + index, offset + index + 1, new,
                pass_name=NAME,
                rule_id="t2s",
                confidence=0.6 if ambiguous else 0.95,
                reason=f"traditional/variant character {old} in a simplified document; simplified form {new}",
                safety=Safety.REVIEW if ambiguous else Safety.AUTO,
            ))
        return edits


def build(config: Config) -> VariantsPass:
    return VariantsPass()
