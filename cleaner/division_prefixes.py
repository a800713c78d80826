"""The prefix of a county's, township's or village's body that OCR misread, where the document
writes the same body with it elsewhere.

County documents name their bodies with the county's 县 over and over (县应急管理局, 县人民政府, 全县),
and Tesseract reads 县 as 其, 基, 具, 呈 … now and then. Those are words or common characters, so no
lexicon sees a misreading: `由其应急管理局负责` reads. The document does: where it writes `县应急` at
least MIN_ELSEWHERE times, `其应急` is the same body, unless the misreading's character makes a word
with the character before it (尤其, 及其) or after it (其中医院 beside 县中医院). The same holds for
乡, 镇, 村, 区 and 市 and what OCR reads for them.

On the development OCR page sets (Tesseract and RapidOCR, Noto and Kai faces) 45 of 45 such
characters were the prefix, each judged by applying it alone to the OCR; no text of People's Daily
(1.86 M characters, in spans of 200 paragraphs) nor any truth has one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from cleaner.edit import Edit, Safety, fast_edit

RULE = "ocr.division-prefix-misread"
CONFIDENCE = 0.9
MIN_ELSEWHERE = 2  # times the document writes the prefix before the same two hanzi
MAX_WORD_ZIPF = 3.0  # a pair this frequent as a word is the text's own (尤其, 其中)
# What OCR read for each prefix on the development OCR sets (each seen at least five times), but for
# adverbs that open a clause before anything (共抽查, 只需, 且) and 科 (科室, 科技 …: 在科寄宿生 was 在校).
MISREADINGS = {
    "县": "其基具呈",
    "乡": "多儿",
    "镇": "续针慎锁秆",
    "村": "衬料灶材",
    "区": "医",
    "市": "审",
}


_MISREAD = {
    prefix: re.compile(f"[{misreadings}](?=[\u4e00-\u9fff]{{2}})") for prefix, misreadings in MISREADINGS.items()
}


def misread_prefixes(text: str, pass_name: str, zipf: Callable[[str], float]) -> list[Edit]:
    """The misread prefixes to restore in `text`, for the pass `pass_name`; `zipf` gives a word's
    frequency (0 for no word)."""
    edits = []
    for prefix, misreadings in MISREADINGS.items():
        if prefix not in text or not any(char in text for char in misreadings):
            continue
        named = _names_after(text, prefix)
        if not named:
            continue
        for found in _MISREAD[prefix].finditer(text):
            position, char = found.start(), found.group()
            name = text[position + 1:position + 3]
            if named.get(name, 0) < MIN_ELSEWHERE:
                continue
            before = text[position - 1:position + 1] if position else ""
            if zipf(char + name[0]) >= MAX_WORD_ZIPF or (before and zipf(before) >= MAX_WORD_ZIPF):
                continue
            edits.append(fast_edit(
                position, position + 1, char, prefix, pass_name, RULE, CONFIDENCE,
                f"the document writes {prefix}{name} {named[name]} times: this {char} is OCR's reading of {prefix}",
                Safety.AUTO,
            ))
    return edits


def _names_after(text: str, prefix: str) -> Counter[str]:
    """How often each two hanzi follow `prefix` in `text`."""
    found: Counter[str] = Counter()
    start = text.find(prefix)
    while start >= 0:
        name = text[start + 1:start + 3]
        if len(name) == 2 and all("\u4e00" <= char <= "\u9fff" for char in name):
            found[name] += 1
        start = text.find(prefix, start + 1)
    return found
