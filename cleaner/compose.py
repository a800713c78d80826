"""Map the Edits a pass proposed on intermediate text back onto the original input.

A pass sees the text with the earlier passes' auto Edits applied. Its Edits are re-expressed
against the original: an Edit clear of earlier ones is shifted; an Edit that overlaps earlier
applied Edits merges with them into one Edit that keeps every reason. An Edit that overlaps an
earlier *pending* (review) Edit cannot be composed with it and is dropped: first come, first
served.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add, attrgetter, sub

from cleaner.edit import Edit, Safety, apply, check_disjoint, overlaps, sort_key, splice

_START, _BEFORE, _AFTER = attrgetter("start"), attrgetter("before"), attrgetter("after")


@dataclass(slots=True)
class Proposals:
    """The state of the pipeline: original text, Edits applied so far, Edits pending review."""

    original: str
    applied: list[Edit] = field(default_factory=list)
    pending: list[Edit] = field(default_factory=list)
    dropped: list[Edit] = field(default_factory=list)

    def current_text(self) -> str:
        return apply(self.original, self.applied)

    def add(self, current: str, edits: Sequence[Edit], supersedes: Callable[[Edit], bool] | None = None) -> str:
        """Fold in Edits proposed against `current` (== the original with `applied` applied), and
        return the text with `applied` applied now (worked out from `current` where it can be).
        `supersedes`: for a pass looking again at its own work, which of its automatic Edits take
        the place of the pending ones of the same pass they overlap (it decides now what it left to
        a person before)."""
        new = sorted(edits, key=sort_key)
        check_disjoint(new)
        if not self.applied and not self.pending:
            # The first pass with proposals: its Edits are against the original already.
            self.applied = [edit for edit in new if edit.safety is Safety.AUTO]
            self.pending = [edit for edit in new if edit.safety is not Safety.AUTO]
            return splice(current, self.applied)
        regions = _regions_in_current(self.applied)
        ends = [end for _, end in regions]
        groups = _group_overlaps(regions, new, [not edit.before for edit in self.applied])
        merged_away: set[int] = set()
        results: list[tuple[Edit, list[Edit], list[int]]] = []
        # The new Edits whose effect the current text takes on (those of a merge that cancels out too).
        taken: list[Edit] = []
        for applied_indexes, new_edits in groups:
            merged = _merge(
                self.original, current, self.applied, regions, ends, applied_indexes, new_edits
            )
            merged_away.update(applied_indexes)
            if merged is None:
                taken.extend(new_edits)
            else:
                results.append((merged, new_edits, applied_indexes))
        kept = [edit for index, edit in enumerate(self.applied) if index not in merged_away]
        earlier_pending = list(self.pending)  # sorted and disjoint; results never overlap each other
        pending_starts = [edit.start for edit in earlier_pending]
        reverted = False  # whether an applied Edit became part of a pending one (its change undone)
        withdrawn: list[Edit] = []  # pending Edits an Edit of the same pass supersedes
        for edit, new_edits, merged_applied in results:
            rivals = _overlapping(edit, earlier_pending, pending_starts)
            if rivals and not (supersedes is not None and edit.safety is Safety.AUTO and supersedes(edit)
                               and all(rival.pass_name == edit.pass_name for rival in rivals)):
                # Cannot compose with a change a person has not decided on yet: the applied Edits
                # it would have merged stay as they were.
                self.dropped.append(edit)
                kept.extend(self.applied[index] for index in merged_applied)
                continue
            withdrawn.extend(rivals)
            if edit.safety is Safety.AUTO:
                kept.append(edit)
                taken.extend(new_edits)
            else:
                self.pending.append(edit)
                reverted = reverted or bool(merged_applied)
        self.applied = sorted(kept, key=sort_key)
        if withdrawn:
            self.pending = [edit for edit in self.pending if not any(edit is gone for gone in withdrawn)]
        self.pending.sort(key=sort_key)
        if reverted:
            return self.current_text()
        return splice(current, sorted(taken, key=sort_key))  # a subset of `new`: disjoint


def _overlapping(edit: Edit, disjoint: list[Edit], starts: list[int]) -> list[Edit]:
    """Those of `disjoint` (sorted, non-overlapping; `starts` their starts) that `edit` overlaps."""
    found = []
    index = bisect.bisect_right(starts, edit.end) - 1
    while index >= 0 and disjoint[index].end >= edit.start:
        other = disjoint[index]
        if overlaps(edit.start, edit.end, other.start, other.end):
            found.append(other)
        index -= 1
    return found


def _regions_in_current(applied: list[Edit]) -> list[tuple[int, int]]:
    """Where each applied Edit's `after` sits in the current text (worked out with C-level maps:
    this runs over every applied Edit for each pass)."""
    after_lengths = list(map(len, map(_AFTER, applied)))
    growths = map(sub, after_lengths, map(len, map(_BEFORE, applied)))
    starts = list(map(add, map(_START, applied), accumulate(growths, initial=0)))
    return list(zip(starts, map(add, starts, after_lengths), strict=False))


def _group_overlaps(
    regions: list[tuple[int, int]], new: list[Edit], insertions: list[bool]
) -> list[tuple[list[int], list[Edit]]]:
    """Connected groups of new Edits and the applied regions they overlap. A new insertion that
    touches what an applied insertion put in (`”` then `。` after it) joins it too: against the
    original both insert at one point, and their order would be lost (`insertions`: whether each
    applied Edit inserts)."""
    starts = [start for start, _ in regions]
    groups: list[tuple[list[int], list[Edit]]] = []
    for edit in new:
        # Candidates: regions starting at or before the edit's end; scan back while they may touch.
        hits = []
        index = bisect.bisect_right(starts, edit.end) - 1
        inserting = edit.start == edit.end
        while index >= 0 and regions[index][1] >= edit.start:
            start, end = regions[index]
            if overlaps(start, end, edit.start, edit.end) or (inserting and insertions[index]):
                hits.append(index)
            index -= 1
        hits.reverse()
        if groups and hits and groups[-1][0] and groups[-1][0][-1] >= hits[0]:
            last_applied, last_new = groups[-1]
            last_applied.extend(i for i in hits if i not in last_applied)
            last_new.append(edit)
        else:
            groups.append((hits, [edit]))
    return groups


def _to_original(position: int, ends: list[int], applied: list[Edit], *, is_end: bool = False) -> int:
    """Original offset of a current-text position that lies outside every applied region.

    Where earlier edits deleted text at `position`, a span's start maps after the deleted text
    and a span's end before it, so the span never swallows an edit it does not overlap.
    """
    index = (bisect.bisect_left if is_end else bisect.bisect_right)(ends, position) - 1
    if index < 0:
        return position
    return applied[index].end + (position - ends[index])


def _merge(
    original: str,
    current: str,
    applied: list[Edit],
    regions: list[tuple[int, int]],
    ends: list[int],
    applied_indexes: list[int],
    new_edits: list[Edit],
) -> Edit | None:
    """One Edit against the original covering the new edits and the applied ones they overlap."""
    if not applied_indexes:
        (edit,) = new_edits
        start = _to_original(edit.start, ends, applied)
        return edit if start == edit.start else edit.shifted(start - edit.start)
    olds = [applied[i] for i in applied_indexes]
    first, last = regions[applied_indexes[0]], regions[applied_indexes[-1]]
    current_start = min(first[0], new_edits[0].start)
    current_end = max(last[1], new_edits[-1].end)
    original_start = (
        olds[0].start if current_start == first[0] else _to_original(current_start, ends, applied)
    )
    original_end = olds[-1].end if current_end == last[1] else _to_original(current_end, ends, applied, is_end=True)
    shifted = [e.shifted(-current_start) for e in new_edits]
    after = apply(current[current_start:current_end], shifted)
    before = original[original_start:original_end]
    if before == after:
        return None
    parts = olds + new_edits
    return Edit(
        original_start,
        original_end,
        before,
        after,
        _join_unique(e.pass_name for e in parts),
        _join_unique(e.rule_id for e in parts),
        min(e.confidence for e in parts),
        _join_unique((e.reason for e in parts), separator="; "),
        Safety.REVIEW if any(e.safety is Safety.REVIEW for e in parts) else Safety.AUTO,
        tuple(a for e in new_edits for a in e.alternatives),
        _join_unique((e.evidence for e in parts if e.evidence), separator="; "),
    )


def _join_unique(values: object, separator: str = "+") -> str:
    seen: list[str] = []
    for value in values:  # type: ignore[attr-defined]
        if value not in seen:
            seen.append(value)
    return separator.join(seen)
