"""The pipeline: run the configured passes in order and collect their Edits against the input."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cached_property

from cleaner.compose import Proposals
from cleaner.config import Config
from cleaner.edit import Edit, apply
from cleaner.passes import PASS_MODULES
from cleaner.passes.base import Pass

# Passes that look again at text a later pass changed, so that cleaning the output finds nothing:
# the variants pass decides from the whole document's script (平合→平台 adds a simplified 台), the
# context passes from the characters around a mark or space (カ? → 力? makes the ? Chinese).
DOCUMENT_PASSES = ("variants",)
CONTEXT_PASSES = ("spacing", "punctuation")
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
                before = current
                current = proposals.add(current, edits)
                if built.name in CONTEXT_PASSES:
                    current = _settle(built, proposals, before, current)
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
                changed = current
                current = proposals.add(current, edits)
                if built.name in CONTEXT_PASSES:
                    current = _settle(built, proposals, changed, current)
        return current


def _settle(built: Pass, proposals: Proposals, before: str, current: str) -> str:
    """Run a context pass again on the lines its own Edits just changed, until it proposes nothing
    there: an Edit can make the context another of its rules needs (`：:〈三）` -> `：（三）`, a
    colon before a later list item). Bounded, so that two rules undoing each other cannot loop."""
    for _ in range(SETTLE_ROUNDS):
        edits = _proposed_on_changed_lines(built, before, current)
        if not edits:
            break
        before, current = current, proposals.add(current, edits)
    return current


def _proposed_on_changed_lines(built: Pass, before: str, after: str) -> list[Edit]:
    """The pass's Edits on each line of `after` that differs from `before`, as offsets in `after`."""
    return [edit.shifted(offset) for offset, line in _changed_lines(before, after) for edit in built.propose(line)]


def _changed_lines(before: str, after: str) -> list[tuple[int, str]]:
    """(offset, line) of each line of `after` that differs from `before` (every line if the count changed)."""
    old_lines = before.split("\n")
    new_lines = after.split("\n")
    changed = []
    offset = 0
    for index, line in enumerate(new_lines):
        if len(old_lines) != len(new_lines) or old_lines[index] != line:
            changed.append((offset, line))
        offset += len(line) + 1
    return changed


def apply_result(original: str, edits: tuple[Edit, ...]) -> str:
    """The original with the given Edits applied (e.g. the auto ones plus accepted reviews)."""
    return apply(original, edits)
