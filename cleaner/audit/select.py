"""Choosing edits by rule, pass, id, status or file.

Edits merged from several rules or passes carry joined names (`a+b`); a rule or pass selects an
edit when it is one of those parts, so reverting rule `a` removes the merged edit `a+b` whole.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from cleaner.errors import ConfigError
from cleaner.logread import STATUSES


def parts(joined: str) -> frozenset[str]:
    """The rules (or passes) behind an edit: `a+b` → {a, b}."""
    return frozenset(joined.split("+"))


class Labelled(Protocol):
    """An edit as far as choosing it goes: its id and who proposed it (an entry or a record)."""

    @property
    def id(self) -> str: ...
    @property
    def pass_name(self) -> str: ...
    @property
    def rule_id(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Selection:
    """Edits to revert: those matching any of the given rules, passes or ids."""

    rules: frozenset[str] = frozenset()
    passes: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.rules or self.passes or self.ids)

    def matches(self, edit: Labelled) -> bool:
        return (
            edit.id in self.ids
            or not self.rules.isdisjoint(parts(edit.rule_id))
            or not self.passes.isdisjoint(parts(edit.pass_name))
        )

    def describe(self) -> dict[str, list[str]]:
        return {"rules": sorted(self.rules), "passes": sorted(self.passes), "ids": sorted(self.ids)}


def check_statuses(statuses: Iterable[str]) -> frozenset[str]:
    chosen = frozenset(statuses)
    unknown = sorted(chosen - set(STATUSES))
    if unknown:
        raise ConfigError(f"unknown status {unknown[0]!r} (known: {', '.join(STATUSES)})")
    return chosen


def path_matches(logged: str, absolute_path: str, patterns: Iterable[str]) -> bool:
    """A logged file matches `F` when it is F, ends with /F, matches F as a glob, or is F on disk."""
    for pattern in patterns:
        if (
            logged == pattern
            or logged.endswith("/" + pattern)
            or fnmatch.fnmatchcase(logged, pattern)
            or absolute_path == os.path.abspath(pattern)
        ):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Filter:
    """Edits to show: every kind of criterion given must hold (rules OR-ed among themselves, etc.)."""

    rules: frozenset[str] = frozenset()
    passes: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    files: tuple[str, ...] = ()

    def wants_file(self, logged: str, absolute_path: str) -> bool:
        return not self.files or path_matches(logged, absolute_path, self.files)

    def wants(self, edit: Labelled, status: str) -> bool:
        return (
            (not self.rules or not self.rules.isdisjoint(parts(edit.rule_id)))
            and (not self.passes or not self.passes.isdisjoint(parts(edit.pass_name)))
            and (not self.statuses or status in self.statuses)
        )
