"""Extra-character strategy: a hanzi OCR inserted into a word (习和近平, 工和作指南, 颖和而出).

Tesseract in particular emits characters where the page has none (和 most often). A hanzi whose
bigrams on both sides are no part of any lexicon word, while its two neighbours together are (a
pair inside a frequent word), is scored for deletion by the lexicon: how much better the window
reads without it than with it standing as a word of its own, plus how often OCR inserts that
character. Only characters OCR was seen inserting (`cleaner learn`: 和 人 就 有 …) are deleted: on
the real OCR sets a deletion of any other character split a real phrase (副书记 → 书记, 南至纬六路)
far more often than it found an insertion. Those characters are found by a regular expression
(in C), and each is checked with three set look-ups, so clean text costs little.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.detect_lexicon import hanzi_run
from cleaner.detect_model import DetectorModel, Proposal

CONTEXT = 4  # characters each side of the position scored with it
MIN_GAIN = 0.25  # below this a deletion is not worth proposing (风和雨 -> 风雨 scores -0.1)
# The window must read at least this much better without the character than with it as a word of
# its own: a conjunction between two words (指示和精神) gains nothing by going.
MIN_LEXICON_GAIN = 3.0


def propose(text: str, model: DetectorModel, protected: set[int] | frozenset[int] = frozenset()) -> list[Proposal]:
    """Deletions of hanzi that split a word, outside the `protected` positions."""
    inserted = _inserted_characters(model.tables.inserted)
    if inserted is None:
        return []
    known = model.tables.known
    proposals = []
    # (The characters OCR inserts are found in C; a text edge is no place for one.)
    for match in inserted.finditer(text, 1, len(text) - 1):
        position = match.start()
        char, left, right = match.group(), text[position - 1], text[position + 1]
        # Neither bigram the character belongs to is part of a word, while its neighbours make one.
        if left + right not in known or left + char in known or char + right in known or position in protected:
            continue
        proposal = _score(text, position, model)
        if proposal is not None:
            proposals.append(proposal)
    return proposals


@lru_cache(maxsize=4)
def _inserted_characters(inserted: str) -> re.Pattern[str] | None:
    """A pattern matching the hanzi OCR was seen inserting often enough (the derived tables list
    them, so a clean text never reads the learned table); None: none."""
    return re.compile(f"[{inserted}]") if inserted else None


def _score(text: str, position: int, model: DetectorModel) -> Proposal | None:
    first = max(0, position - CONTEXT)
    around = text[first:position + CONTEXT + 1]
    start, end = hanzi_run(around, position - first)
    window = around[start:end]
    offset = position - first - start
    removed = window[offset]
    learned = model.learned.pair(removed, "")
    if learned is None:  # (the derived tables list only characters learned as inserted)
        return None
    insertion = learned[1]
    corrected = window[:offset] + window[offset + 1:]
    lexicon_gain = model.plausibility(corrected) + model.plausibility(removed) - model.plausibility(window)
    if lexicon_gain < MIN_LEXICON_GAIN:
        return None
    gain = lexicon_gain + insertion
    if gain < MIN_GAIN:
        return None
    return Proposal(
        position, position + 1, removed, "", gain, "extra",
        f"{window}→{corrected}: lexicon gain {lexicon_gain:+.1f}, inserted {removed} {insertion:+.1f}; "
        f"gain={gain:+.2f} (log10)",
        lexicon_gain,
    )
