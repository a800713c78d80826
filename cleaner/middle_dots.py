"""Middle dots that stand for commas: RapidOCR reads `，` as `·` in a Kai (brush-style) face.

A `·` between hanzi is right in a campaign's or a foreign name (`国聘行动·走进…`, `卡尔·马克思`), which
a page has once or twice; a page of prose with several is a page whose commas OCR read so. On the
OCR sets 207 of 254 such dots were commas, 30 full stops and 17 enumeration commas. Which mark
each one is, the characters around it tell (cleaner/mark_context.py): a dot the model takes for a
comma with probability AUTO_COMMA or more becomes `，` at once; the others are proposed for review
as the likeliest mark, the rest of `，。、` as alternatives; a dot it takes for a name's is left,
and a text with such a dot gets no automatic comma at all (on the 182 OCR pages with three or more
dots, none was taken for a name's; of 51 stretches of People's Daily with as many, 50 had one).
"""

from __future__ import annotations

import re

from cleaner.edit import Edit, Safety, fast_edit
from cleaner.mark_context import builtin_mark_context

RULE = "mark.middle-dot-for-comma"
MIN_DOTS = 3  # between hanzi, in one text
# ... or two, for the dots the model is sure are commas (nothing for review: two dots may well be a
# campaign's and a name's). On the Kai page sets the texts with two such dots had 55 dots the model
# took for commas with AUTO_COMMA or more, 54 of them commas (the other an enumeration comma), no
# name's dot among them; 2.07 M characters of clean text (the gold, three sets' truths, People's
# Daily) get no automatic comma from it (eighteenth session).
MIN_SURE_DOTS = 2
# Chosen on the development Kai pages (dev) and the first held-out ones: at 0.95, 131 of 138 dots
# made commas were commas, the other 7 full stops or enumeration commas (a wrong mark for a wrong
# mark); 1 of 95 name dots in a fifth of People's Daily the model was not counted on would be one.
# Lowered to 0.9 once five Kai sets had been read (of their dots at 0.9 to 0.95, 160 were commas and
# 15 other marks), it made 2 commas and 12 wrong marks on an unseen set (held_out_6: a plan's
# `…提升工程·建设…`, whose mark is a colon), so it went back to 0.95. Tried again three sets later: 0.9
# raised CER reduction on every Kai set (by 0.003 to 0.007), but about one dot in five it made a comma
# was a full stop or another mark (wrong for wrong: no text went further from the truth), and edit
# precision fell on most Kai sets, on the newest unseen one (held_out_10) by 0.009. An automatic
# edit should be right nine times in ten or more, so it stays 0.95.
AUTO_COMMA = 0.95
CONFIDENCE = 0.8
_DOT = re.compile("(?<=[\u4e00-\u9fff])·(?=[\u4e00-\u9fff“])")
_PROPOSED = "，。、"


def middle_dots(text: str, pass_name: str) -> list[Edit]:
    """`·` → the mark it stands for, in a text with at least MIN_DOTS dots between hanzi (the sure
    commas from MIN_SURE_DOTS)."""
    if text.count("·") < MIN_SURE_DOTS:
        return []
    dots = [match.start() for match in _DOT.finditer(text)]
    if len(dots) < MIN_SURE_DOTS:
        return []
    reviewed = len(dots) >= MIN_DOTS
    model = builtin_mark_context()
    judged = [(position, model.probabilities(text, position)) for position in dots]
    names = [position for position, likely in judged if max(likely, key=likely.__getitem__) == "·"]
    edits = []
    for position, likely in judged:
        if position in names:
            continue
        if likely["，"] >= AUTO_COMMA and not names:
            edits.append(fast_edit(
                position, position + 1, "·", "，", pass_name, RULE, likely["，"],
                "this text has several · between hanzi, and the characters around this one are a comma's: "
                "OCR reads ， as · in some faces", Safety.AUTO,
            ))
            continue
        if not reviewed:
            continue
        ranked = sorted(_PROPOSED, key=likely.__getitem__, reverse=True)
        edits.append(fast_edit(
            position, position + 1, "·", ranked[0], pass_name, RULE, CONFIDENCE,
            "this text has several · between hanzi: OCR reads ， as · in some faces (or 。、: check which)",
            Safety.REVIEW, alternatives=tuple(ranked[1:]),
        ))
    return edits
