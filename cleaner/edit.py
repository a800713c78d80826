"""The Edit: one proposed change against the original input, with its provenance."""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import compress, pairwise, repeat
from operator import attrgetter, eq, lt, ne, sub

from cleaner.errors import EditMismatchError


class Safety(StrEnum):
    """Whether an Edit may be applied unattended (`auto`) or needs a person (`review`)."""

    AUTO = "auto"
    REVIEW = "review"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `before` (== input[start:end]) with `after`; proposed by `pass_name`/`rule_id`."""

    start: int
    end: int
    before: str
    after: str
    pass_name: str
    rule_id: str
    confidence: float
    reason: str
    safety: Safety = Safety.AUTO
    alternatives: tuple[str, ...] = ()
    evidence: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")
        if self.end - self.start != len(self.before):
            raise ValueError(f"span {self.start}..{self.end} does not fit before={self.before!r}")
        if self.before == self.after:
            raise ValueError(f"edit at {self.start} changes nothing")

    @property
    def id(self) -> str:
        """Stable identifier: the same change by the same rule at the same place has the same id."""
        key = f"{self.start}\x1f{self.end}\x1f{self.before}\x1f{self.after}\x1f{self.rule_id}"
        return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()

    @property
    def is_auto(self) -> bool:
        return self.safety is Safety.AUTO

    def shifted(self, offset: int) -> Edit:
        """The same Edit with its span moved by `offset` (for text taken from a larger one)."""
        return _replace_span(self, self.start + offset, self.end + offset)


def _replace_span(edit: Edit, start: int, end: int) -> Edit:
    return fast_edit(
        start, end, edit.before, edit.after, edit.pass_name, edit.rule_id,
        edit.confidence, edit.reason, edit.safety, edit.alternatives, edit.evidence,
    )


# Order of application: by start, an insertion before a replacement starting there. (An
# attrgetter builds the (start, end) key in C: sorting is on the pipeline's hot path.)
sort_key: Callable[[Edit], tuple[int, int]] = attrgetter("start", "end")
_START, _END = attrgetter("start"), attrgetter("end")


def check_disjoint(edits: Sequence[Edit]) -> None:
    """Raise EditMismatchError when two of the (sorted) edits overlap or insert at one point."""
    starts = list(map(_START, edits))
    ends = list(map(_END, edits))
    # In sorted edits only a pair whose second starts before the first ends, or two insertions at
    # one point, can overlap: both are looked for with C-level maps before any pair is examined.
    insertions = list(compress(starts, map(eq, starts, ends)))
    if not any(map(lt, starts[1:], ends)) and len(set(insertions)) == len(insertions):
        return
    for left, right in pairwise(edits):
        if overlaps(left.start, left.end, right.start, right.end):
            raise EditMismatchError(
                f"edits {left.id} ({left.start}..{left.end}) and {right.id} "
                f"({right.start}..{right.end}) overlap"
            )


def overlaps(start1: int, end1: int, start2: int, end2: int) -> bool:
    """True when two spans share a character, or one zero-width span lies inside the other.

    Spans that merely touch do not overlap; two insertions at one point do (their order would
    be ambiguous).
    """
    empty1, empty2 = start1 == end1, start2 == end2
    if empty1 and empty2:
        return start1 == start2
    if empty1:
        return start2 < start1 < end2
    if empty2:
        return start1 < start2 < end1
    return start1 < end2 and start2 < end1


def apply(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits to `text`; every `before` must match exactly."""
    ordered = sorted(edits, key=sort_key)
    check_disjoint(ordered)
    return splice(text, ordered)


def splice(text: str, ordered: Sequence[Edit]) -> str:
    """apply() for edits known to be sorted and disjoint; every `before` must still match."""
    pieces: list[str] = []
    position = 0
    for edit in ordered:
        if text[edit.start:edit.end] != edit.before:
            raise EditMismatchError(
                f"edit {edit.id} expects {edit.before!r} at {edit.start}..{edit.end}, "
                f"found {text[edit.start:edit.end]!r}"
            )
        pieces.append(text[position:edit.start])
        pieces.append(edit.after)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def make_edit(
    text: str,
    start: int,
    end: int,
    after: str,
    *,
    pass_name: str,
    rule_id: str,
    confidence: float,
    reason: str,
    safety: Safety = Safety.AUTO,
    alternatives: tuple[str, ...] = (),
    evidence: str = "",
) -> Edit:
    """Build an Edit replacing text[start:end] with `after` (the `before` is taken from `text`)."""
    return Edit(
        start, end, text[start:end], after, pass_name, rule_id, confidence, reason,
        safety, alternatives, evidence,
    )


# The slot descriptors of Edit's fields, in order, for fast_edit and edits_in_bulk.
_SETTERS = tuple(getattr(Edit, name).__set__ for name in Edit.__dataclass_fields__)
(_set_start, _set_end, _set_before, _set_after, _set_pass_name, _set_rule_id, _set_confidence,
 _set_reason, _set_safety, _set_alternatives, _set_evidence) = _SETTERS


def fast_edit(
    start: int, end: int, before: str, after: str, pass_name: str, rule_id: str, confidence: float,
    reason: str, safety: Safety = Safety.AUTO, alternatives: tuple[str, ...] = (), evidence: str = "",
) -> Edit:
    """Edit(...) for a pass's hot loop: the same frozen Edit, checked the same way, built twice as
    fast by setting its slots directly rather than through the frozen dataclass's __init__."""
    edit: Edit = object.__new__(Edit)
    _set_start(edit, start)
    _set_end(edit, end)
    _set_before(edit, before)
    _set_after(edit, after)
    _set_pass_name(edit, pass_name)
    _set_rule_id(edit, rule_id)
    _set_confidence(edit, confidence)
    _set_reason(edit, reason)
    _set_safety(edit, safety)
    _set_alternatives(edit, alternatives)
    _set_evidence(edit, evidence)
    edit.__post_init__()
    return edit


def edits_in_bulk(
    starts: list[int], ends: list[int], befores: list[str], after: str, pass_name: str, rule_id: str,
    confidence: float, reason: str, safety: Safety = Safety.AUTO,
) -> list[Edit]:
    """Edits that differ only in their span and `before` (a pass's most common change, made at many
    places), built a field at a time with C-level maps over the slot setters, and checked as a
    whole the way Edit checks one."""
    count = len(starts)
    if len(ends) != count or len(befores) != count:
        raise ValueError("starts, ends and befores differ in length")
    if count and (
        min(starts) < 0 or any(map(ne, map(sub, ends, starts), map(len, befores))) or after in set(befores)
    ):
        raise ValueError("a span does not fit its before, is negative, or changes nothing")
    edits: list[Edit] = list(map(object.__new__, repeat(Edit, count)))
    values: tuple[Iterable[object], ...] = (
        starts, ends, befores, repeat(after), repeat(pass_name), repeat(rule_id), repeat(confidence),
        repeat(reason), repeat(safety), repeat(()), repeat(""),
    )
    for setter, column in zip(_SETTERS, values, strict=True):
        deque(map(setter, edits, column), maxlen=0)
    return edits
