"""The pipeline: run the configured passes in order and collect their Edits against the input."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from cleaner.compose import Proposals
from cleaner.config import Config
from cleaner.edit import Edit, apply
from cleaner.passes import PASS_MODULES
from cleaner.passes.base import Pass

# Passes that look again at text a later pass changed, so that cleaning the output finds nothing:
# the variants pass decides from the whole document's script (平合→平台 adds a simplified 台), the
# context passes from the characters around a mark or space (カ? → 力? makes the ? Chinese) or
# what a rule's pattern matches (二○二○年* → 二〇二〇年* makes a line of text, whose * is a 。).
DOCUMENT_PASSES = ("variants",)
CONTEXT_PASSES = ("spacing", "punctuation", "rules")
# How many times a context pass looks again at the lines its own Edits changed.
SETTLE_ROUNDS = 3


@dataclass(frozen=True, slots=True)
class Result:
    """What cleaning one text produced: the text with auto Edits applied, and what needs review."""

    original: str
    text: str
    applied: tuple[Edit, ...]
    pending: tuple[Edit, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original

    @property
    def edits(self) -> tuple[Edit, ...]:
        """Every proposal, applied or pending, in text order."""
        return tuple(sorted(self.applied + self.pending, key=lambda edit: (edit.start, edit.end)))


class Pipeline:
    """Passes built once from a Config (dictionaries loaded, patterns compiled), reused per text."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()

    @cached_property
    def passes(self) -> tuple[Pass, ...]:
        built = []
        for name in self.config.passes:
            module = importlib.import_module(PASS_MODULES[name])
            built.append(module.build(self.config))
        return tuple(built)

    def load_all(self) -> None:
        """Load every table the passes load on first use (the detector's): before worker processes
        are forked, so that they share one copy instead of building one each."""
        for built in self.passes:
            preload = getattr(built, "preload", None)
            if preload is not None:
                preload()

    @property
    def sources(self) -> dict[str, str]:
        """Content hashes of every data file the passes loaded (for the correction log)."""
        hashes: dict[str, str] = {}
        for built in self.passes:
            hashes.update(getattr(built, "sources", {}))
        return hashes

    def run(self, text: str) -> Result:
        proposals = Proposals(text)
        current = text
        settled: dict[str, str] = {}  # the text as a revisited pass left it
        for built in self.passes:
            edits = built.propose(current)
            if edits:
                current = _folded_in(built, proposals, current, edits)
            if built.name in DOCUMENT_PASSES or built.name in CONTEXT_PASSES:
                settled[built.name] = current
        if settled and current != next(iter(settled.values())):
            current = self._revisit(proposals, settled, current)
        return Result(text, current, tuple(proposals.applied), tuple(proposals.pending))

    def _revisit(self, proposals: Proposals, settled: dict[str, str], current: str) -> str:
        """Run the document and context passes again where later passes changed the text."""
        for built in self.passes:
            before = settled.get(built.name)
            if before is None or before == current:
                continue
            if built.name in DOCUMENT_PASSES:
                edits = built.propose(current)
            else:
                edits = _proposed_on_changed_lines(built, before, current)
            if edits:
                current = _folded_in(built, proposals, current, edits)
        return current


def _folded_in(built: Pass, proposals: Proposals, current: str, edits: list[Edit]) -> str:
    """The text with the pass's `edits` (against `current`) folded in; a context pass then looks
    again at the lines they changed, and may decide there what it left for review before."""
    if built.name not in CONTEXT_PASSES:
        return proposals.add(current, edits)
    return _settle(built, proposals, current, proposals.add(current, edits, _superseding(built)))


def _superseding(built: Pass) -> Callable[[Edit], bool]:
    """Which automatic Edits of a context pass, looking again at some lines, may take the place of
    its own pending ones: not those of a rule that weighs evidence from the whole text (a part of
    it may lack what made the rule leave an Edit for review)."""
    of_a_part = _of_no_whole_text_rule(built)
    return lambda edit: edit.pass_name == built.name and of_a_part(edit)


def _of_no_whole_text_rule(built: Pass) -> Callable[[Edit], bool]:
    """Whether an Edit (perhaps merged: its rule ids joined by +) is of no rule of the pass that
    weighs evidence from the whole text (`whole_text_rules`)."""
    whole_text: frozenset[str] = getattr(built, "whole_text_rules", frozenset())
    return lambda edit: whole_text.isdisjoint(edit.rule_id.split("+"))


def _settle(built: Pass, proposals: Proposals, before: str, current: str) -> str:
    """Run a context pass again on the lines its own Edits just changed, until it proposes nothing
    there: an Edit can make the context another of its rules needs (`：:〈三）` -> `：（三）`, a
    colon before a later list item). Bounded, so that two rules undoing each other cannot loop."""
    for _ in range(SETTLE_ROUNDS):
        edits = _proposed_on_changed_lines(built, before, current)
        if not edits:
            break
        before, current = current, proposals.add(current, edits, _superseding(built))
    return current


# Lines before a changed one that a second look takes in: a rule may read the line before the one it
# changes (the first item's `工` after `注：`, once the second item's point is restored below it).
BEFORE_A_CHANGE = 2


def _proposed_on_changed_lines(built: Pass, before: str, after: str) -> list[Edit]:
    """The pass's Edits on the lines of `after` that differ from `before` and the lines around them
    (`_changed_runs`), as offsets in `after`: some rules look at the line before or after (a lost `。`
    before a heading, a colon before a list item), so a change can make an Edit on its neighbour.
    A rule that weighs the whole text (`whole_text_rules`) proposes nothing on a part of it: it
    decided on the whole, and a part may lack the evidence that held it back."""
    of_a_part = _of_no_whole_text_rule(built)
    return [edit.shifted(offset) for offset, text in _changed_runs(before, after) for edit in built.propose(text)
            if of_a_part(edit)]


def _changed_runs(before: str, after: str) -> list[tuple[int, str]]:
    """(offset, text) of each run of lines of `after` that differ from `before` (every line if the
    count changed), with the BEFORE_A_CHANGE lines before and the line after each run."""
    old_lines = before.split("\n")
    new_lines = after.split("\n")
    count = len(new_lines)
    if len(old_lines) != count:
        return [(0, after)]
    offsets = [0, *accumulate(len(line) + 1 for line in new_lines)]
    runs: list[tuple[int, str]] = []
    first = stop = -1  # the lines of the run being gathered, with their neighbours
    for index, (old, new) in enumerate(zip(old_lines, new_lines, strict=True)):
        if old == new:
            continue
        if first >= 0 and index - 1 <= stop:
            stop = min(index + 2, count)
            continue
        if first >= 0:
            runs.append((offsets[first], "\n".join(new_lines[first:stop])))
        first, stop = max(index - BEFORE_A_CHANGE, 0), min(index + 2, count)
    if first >= 0:
        runs.append((offsets[first], "\n".join(new_lines[first:stop])))
    return runs


def apply_result(original: str, edits: tuple[Edit, ...]) -> str:
    """The original with the given Edits applied (e.g. the auto ones plus accepted reviews)."""
    return apply(original, edits)
