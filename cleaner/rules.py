"""Loading and validating pattern rules: regular expressions with a replacement and examples.

A rule file is TOML with one `[[rule]]` table per rule:

    [[rule]]
    id = "latin.and-between-han"
    pattern = '(?<=\\p{Han})\\s*and\\s*(?=\\p{Han})'
    replacement = "和"
    message = "stray English 'and' between Chinese words"
    safety = "auto"            # or "review"; default auto
    confidence = 0.95          # default 0.95
    examples = [["地位 and 作用", "地位和作用"]]   # input → output with this rule alone
    keep = ["Research and Development"]          # inputs this rule must leave alone

Patterns use the `regex` module's syntax (\\p{Han} and friends). Rules are data, never code:
a replacement may only refer to groups (\\1, \\g<name>).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from cleaner.data import read_data_file
from cleaner.edit import Safety
from cleaner.errors import DictionaryError

_KEYS = {"id", "pattern", "replacement", "message", "safety", "confidence", "examples", "keep"}
# Seconds one rule may spend on one text before it is abandoned (catastrophic backtracking).
MATCH_TIMEOUT = 2.0


@dataclass(frozen=True, slots=True)
class Rule:
    rule_id: str
    pattern: regex.Pattern[str]
    replacement: str
    message: str
    safety: Safety
    confidence: float
    examples: tuple[tuple[str, str], ...]
    keep: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    sources: dict[str, str]


def load_rule_files(paths: list[Path]) -> RuleSet:
    rules: list[Rule] = []
    sources: dict[str, str] = {}
    seen: dict[str, str] = {}
    for path in paths:
        text, name, digest = read_data_file(path, "rule file")
        sources[name] = digest
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise DictionaryError(f"{path}:{_toml_error_line(error)}: invalid TOML ({error})") from None
        unknown = set(document) - {"rule"}
        if unknown:
            raise DictionaryError(f"{path}:1: unknown top-level key(s) {', '.join(sorted(unknown))}")
        lines = _rule_header_lines(text)
        tables = document.get("rule", [])
        if not isinstance(tables, list):
            raise DictionaryError(f"{path}:1: 'rule' must be an array of tables ([[rule]])")
        for index, table in enumerate(tables):
            where = f"{path}:{lines[index] if index < len(lines) else 1}"
            rule = parse_rule(table, where)
            if rule.rule_id in seen:
                raise DictionaryError(f"{where}: duplicate rule id {rule.rule_id!r} (first at {seen[rule.rule_id]})")
            seen[rule.rule_id] = where
            rules.append(rule)
    return RuleSet(tuple(rules), sources)


def parse_rule(table: dict[str, Any], where: str) -> Rule:
    unknown = set(table) - _KEYS
    if unknown:
        raise DictionaryError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("id", "pattern", "replacement", "message"):
        if not isinstance(table.get(key), str) or (key != "replacement" and not table[key]):
            raise DictionaryError(f"{where}: rule needs a non-empty string {key!r}")
    try:
        pattern = regex.compile(table["pattern"], regex.VERSION1)
    except regex.error as error:
        raise DictionaryError(f"{where}: bad pattern ({error})") from None
    replacement = table["replacement"]
    _check_replacement(pattern, replacement, where)
    safety_name = table.get("safety", "auto")
    try:
        safety = Safety(safety_name)
    except ValueError:
        raise DictionaryError(f"{where}: safety must be auto or review, not {safety_name!r}") from None
    confidence = table.get("confidence", 0.95)
    if not isinstance(confidence, int | float) or not 0 <= confidence <= 1:
        raise DictionaryError(f"{where}: confidence must be a number from 0 to 1")
    examples = table.get("examples", [])
    if not isinstance(examples, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(s, str) for s in pair) for pair in examples
    ):
        raise DictionaryError(f"{where}: examples must be a list of [input, output] string pairs")
    keep = table.get("keep", [])
    if not isinstance(keep, list) or not all(isinstance(item, str) for item in keep):
        raise DictionaryError(f"{where}: keep must be a list of strings")
    return Rule(
        rule_id=table["id"],
        pattern=pattern,
        replacement=replacement,
        message=table["message"],
        safety=safety,
        confidence=float(confidence),
        examples=tuple((pair[0], pair[1]) for pair in examples),
        keep=tuple(keep),
        source=where,
    )


def _check_replacement(pattern: regex.Pattern[str], replacement: str, where: str) -> None:
    """A replacement may refer only to groups the pattern has."""
    for found in regex.finditer(r"\\(\d+)|\\g<([^>]*)>", replacement):
        number, name = found.group(1), found.group(2)
        known = (
            int(number) <= pattern.groups if number is not None
            else name in pattern.groupindex or (name.isdigit() and int(name) <= pattern.groups)
        )
        if not known:
            raise DictionaryError(f"{where}: bad replacement {replacement!r} (no group {found.group()})")


def _rule_header_lines(text: str) -> list[int]:
    return [number for number, line in enumerate(text.splitlines(), start=1) if line.strip() == "[[rule]]"]


def _toml_error_line(error: tomllib.TOMLDecodeError) -> int:
    found = regex.search(r"line (\d+)", str(error))
    return int(found.group(1)) if found else 1
