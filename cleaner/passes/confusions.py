"""The confusions pass: known OCR confusion pairs from the dictionaries, by multi-pattern matching."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ahocorasick_rs

from cleaner.config import Config
from cleaner.data import data_file
from cleaner.dictionary import ConfusionEntry, load_dictionaries
from cleaner.edit import Edit
from cleaner.textspan import minimal_change

BUILTIN_DICTIONARY = "confusions.tsv"
NAME = "confusions"


class ConfusionsPass:
    """Finds every dictionary key in one Aho–Corasick scan; leftmost-longest matches that fire win."""

    name = NAME

    def __init__(self, entries: tuple[ConfusionEntry, ...], sources: dict[str, str]) -> None:
        self.sources = sources
        self._automaton: Any = None
        by_key: dict[str, list[ConfusionEntry]] = {}
        for entry in entries:
            by_key.setdefault(entry.wrong, []).append(entry)
        self._keys = list(by_key)
        self._groups = [tuple(by_key[key]) for key in self._keys]
        if self._keys:
            # Standard match kind with overlapping matches: every occurrence of every key is
            # reported, so a longer key whose conditions fail does not hide a shorter one.
            self._automaton = ahocorasick_rs.AhoCorasick(self._keys, matchkind=ahocorasick_rs.MATCHKIND_STANDARD)

    def propose(self, text: str) -> list[Edit]:
        if self._automaton is None:
            return []
        matches = self._automaton.find_matches_as_indexes(text, overlapping=True)
        if not matches:
            return []
        matches.sort(key=lambda match: (match[1], -match[2]))
        edits: list[Edit] = []
        taken_until = 0
        for index, start, end in matches:
            if start < taken_until:
                continue
            group = self._groups[index]
            entry = next((e for e in group if e.fires(text, start, end)), None)
            if entry is None:
                continue
            edits.append(_edit_for(text, start, end, entry))
            taken_until = end
        return edits


def _edit_for(text: str, start: int, end: int, entry: ConfusionEntry) -> Edit:
    offset, stop, replacement = minimal_change(entry.wrong, entry.right)
    return Edit(
        start + offset,
        start + stop,
        text[start + offset:start + stop],
        replacement,
        NAME,
        entry.entry_id,
        entry.confidence,
        f"known OCR confusion {entry.wrong}→{entry.right}",
        entry.safety,
        (),
        entry.comment,
    )


def dictionary_paths(config: Config) -> list[Path]:
    builtin = [data_file(BUILTIN_DICTIONARY)] if config.builtin_data else []
    return builtin + list(config.dictionaries)


def build(config: Config) -> ConfusionsPass:
    dictionary = load_dictionaries(dictionary_paths(config))
    return ConfusionsPass(dictionary.entries, dictionary.sources)
