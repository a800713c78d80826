"""Lexicon strategy: characters that fit no known word with their neighbours, and the similar
character (glyph neighbour or learned confusion) that would make them one.

Finding suspects is a few C-level passes per run of hanzi: a character is isolated when neither
bigram it belongs to occurs inside a lexicon word. Only around isolated characters are candidates
generated and scored, so clean text costs little.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from operator import add

from cleaner.detect_model import DetectorModel, Proposal

HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
ISOLATED = re.compile(b"(?=\x00\x00)")
# Bigrams inside words at least this frequent (zipf) count as known.
KNOWN_BIGRAM_ZIPF = 300
# A candidate must form a word at least this frequent (zipf * 100) with its neighbours.
CANDIDATE_WORD_CENTIZIPF = 250
CONTEXT = 4  # characters each side of a candidate scored with it
MIN_GAIN = 1.0  # below this a candidate is not worth proposing at all
SEPARATION = 2  # proposals this close explain the same anomaly; the stronger wins


@lru_cache(maxsize=4)
def known_bigrams(model: DetectorModel) -> frozenset[str]:
    """Every bigram that occurs inside a lexicon word of some frequency."""
    bigrams: set[str] = set()
    for word, centizipf in model.lexicon.centizipf_by_word.items():
        if centizipf >= KNOWN_BIGRAM_ZIPF and len(word) >= 2:
            bigrams.update(map(add, word, word[1:]))
    return frozenset(bigrams)


def suspects(run: str, known: frozenset[str]) -> list[int]:
    """Offsets in `run` of characters whose bigrams on both sides are unknown."""
    flags = b"\x00" + bytes(map(known.__contains__, map(add, run, run[1:]))) + b"\x00"
    return [match.start() for match in ISOLATED.finditer(flags)]


def propose(text: str, model: DetectorModel) -> list[Proposal]:
    known = known_bigrams(model)
    found: list[Proposal] = []
    for match in HAN_RUN.finditer(text):
        run = match.group()
        positions = sorted({p for k in suspects(run, known) for p in (k - 1, k, k + 1) if 0 <= p < len(run)})
        candidates = [best for p in positions if (best := _best_at(run, p, model)) is not None]
        found.extend(_shift(_separated(candidates), match.start()))
    return found


def _best_at(run: str, position: int, model: DetectorModel) -> Proposal | None:
    seen = run[position]
    words = model.lexicon.centizipf_by_word
    left = run[max(0, position - 2):position]
    right = run[position + 1:position + 3]
    start = max(0, position - CONTEXT)
    window = run[start:position + CONTEXT + 1]
    offset = position - start
    original = None
    best: Proposal | None = None
    for meant in model.candidates(seen):
        if not _forms_word(left, meant, right, words):
            continue
        channel = model.channel(seen, meant)
        if channel is None:
            continue
        if original is None:
            original = model.plausibility(window)
        corrected = window[:offset] + meant + window[offset + 1:]
        gain = model.plausibility(corrected) - original + channel
        if gain >= MIN_GAIN and (best is None or gain > best.gain):
            best = Proposal(position, position + 1, seen, meant, gain, "glyph",
                            f"{window}→{corrected}: lexicon gain {gain - channel:+.1f}, "
                            f"misreading {meant}→{seen} {channel:+.1f}; gain={gain:+.2f} (log10)")
    return best


def _forms_word(left: str, meant: str, right: str, words: object) -> bool:
    lookup = words.get  # type: ignore[attr-defined]
    for candidate in (left[-1:] + meant, meant + right[:1], left + meant, left[-1:] + meant + right[:1],
                      meant + right):
        if len(candidate) >= 2 and lookup(candidate, 0) >= CANDIDATE_WORD_CENTIZIPF:
            return True
    return False


def _separated(proposals: list[Proposal]) -> list[Proposal]:
    chosen: list[Proposal] = []
    for proposal in sorted(proposals, key=lambda item: -item.gain):
        if all(abs(proposal.start - other.start) > SEPARATION for other in chosen):
            chosen.append(proposal)
    return sorted(chosen, key=lambda item: item.start)


def _shift(proposals: list[Proposal], offset: int) -> Iterator[Proposal]:
    for proposal in proposals:
        yield Proposal(proposal.start + offset, proposal.end + offset, proposal.before, proposal.after,
                       proposal.gain, proposal.kind, proposal.evidence)
