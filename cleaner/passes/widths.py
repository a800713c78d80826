"""The widths pass: full-width digits and Latin letters → their ordinary (half-width) forms.

Chinese official documents write numbers with ordinary Arabic digits (`2020年12月10日`, GB/T 15835)
and Latin words in ordinary letters (`WTO`); some OCR engines, and some typists, give the
full-width forms (`２０２０年`, `ＷＴＯ`), which also defeat search. A run of them becomes the ordinary
form, with a full-width decimal point between digits (`３．５` → `3.5`) and a full-width percent sign
after them (`５０％` → `50%`). Full-width punctuation is what Chinese text uses, so it stays.

It runs after layout (which measures a line as this pass will leave it, with ordinary digits and
letters, so that cleaning the output again measures it the same) and before spacing (which then
sees ordinary digits beside hanzi).
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.config import Config
from cleaner.edit import Edit, make_edit
from cleaner.typography import FULL_WIDTH_RUN, ordinary

NAME = "widths"
CONFIDENCE = 0.97


class WidthsPass:
    name = NAME

    def propose(self, text: str) -> list[Edit]:
        return list(_width_edits(text))


def _width_edits(text: str) -> Iterator[Edit]:
    for match in FULL_WIDTH_RUN.finditer(text):
        yield make_edit(
            text, match.start(), match.end(), ordinary(match.group()), pass_name=NAME,
            rule_id="widths.half_width", confidence=CONFIDENCE,
            reason="full-width digits and letters; Chinese documents write them in ordinary width",
        )


def build(config: Config) -> WidthsPass:
    return WidthsPass()
