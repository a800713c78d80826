"""Loading and validating confusion dictionaries (plain TSV files a user can extend).

Format, one entry per line, tab-separated (blank lines and lines starting with # are ignored):

    id<TAB>wrong<TAB>right<TAB>conditions<TAB>comment

`conditions` is empty or space-separated `key=value` items:
    except=A|B      skip where the match lies inside one of these strings (each contains `wrong`)
    before=REGEX    fire only when the text just before the match matches REGEX
    after=REGEX     fire only when the text just after the match matches REGEX
    not_before=REGEX / not_after=REGEX   the negations
    safety=review   propose for review instead of applying unattended (default auto)
    confidence=0.9  the confidence recorded with the edit (default 0.98)
The comment says why the pair is an error and where it was seen (the evidence).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex

from cleaner.data import read_data_file
from cleaner.edit import Safety
from cleaner.errors import DictionaryError

_CONDITION_KEYS = {"except", "before", "after", "not_before", "not_after", "safety", "confidence"}
# How far the before/after conditions look: enough for a word or two, bounded for speed.
CONTEXT_WINDOW = 12


@dataclass(frozen=True, slots=True)
class ConfusionEntry:
    """One known OCR confusion: `wrong` is replaced by `right` where the conditions hold."""

    entry_id: str
    wrong: str
    right: str
    exceptions: tuple[str, ...]
    before: regex.Pattern[str] | None
    after: regex.Pattern[str] | None
    not_before: regex.Pattern[str] | None
    not_after: regex.Pattern[str] | None
    safety: Safety
    confidence: float
    comment: str
    source: str

    def fires(self, text: str, start: int, end: int) -> bool:
        """Whether the entry applies to the match text[start:end] given its surroundings."""
        for exception in self.exceptions:
            offset = exception.find(self.wrong)
            while offset >= 0:
                if start - offset >= 0 and text.startswith(exception, start - offset):
                    return False
                offset = exception.find(self.wrong, offset + 1)
        left = text[max(0, start - CONTEXT_WINDOW):start]
        right = text[end:end + CONTEXT_WINDOW]
        if self.before is not None and not self.before.search(left):
            return False
        if self.not_before is not None and self.not_before.search(left):
            return False
        if self.after is not None and not self.after.match(right):
            return False
        return not (self.not_after is not None and self.not_after.match(right))


@dataclass(frozen=True, slots=True)
class ConfusionDictionary:
    entries: tuple[ConfusionEntry, ...]
    sources: dict[str, str]


def load_dictionaries(paths: list[Path]) -> ConfusionDictionary:
    """Load and validate dictionary files; later files may not reuse an earlier id."""
    entries: list[ConfusionEntry] = []
    sources: dict[str, str] = {}
    seen: dict[str, str] = {}
    for path in paths:
        text, name, digest = read_data_file(path, "dictionary")
        sources[name] = digest
        for number, line in enumerate(text.splitlines(), start=1):
            where = f"{path}:{number}"
            entry = parse_line(line, where)
            if entry is None:
                continue
            if entry.entry_id in seen:
                raise DictionaryError(f"{where}: duplicate id {entry.entry_id!r} (first at {seen[entry.entry_id]})")
            seen[entry.entry_id] = where
            entries.append(entry)
    return ConfusionDictionary(tuple(entries), sources)


def parse_line(line: str, where: str) -> ConfusionEntry | None:
    """Parse one dictionary line; None for blank and comment lines."""
    if not line.strip() or line.startswith("#"):
        return None
    fields = line.rstrip("\n").split("\t")
    if len(fields) < 3:
        raise DictionaryError(f"{where}: expected id, wrong, right, conditions, comment separated by tabs")
    if len(fields) > 5:
        raise DictionaryError(f"{where}: too many tab-separated fields ({len(fields)}, at most 5)")
    fields += [""] * (5 - len(fields))
    entry_id, wrong, right, conditions, comment = (field.strip() for field in fields)
    if not entry_id:
        raise DictionaryError(f"{where}: empty id")
    if not wrong:
        raise DictionaryError(f"{where}: empty wrong string")
    if wrong == right:
        raise DictionaryError(f"{where}: wrong and right are the same ({wrong!r})")
    options = _parse_conditions(conditions, where)
    exceptions = tuple(item for item in options.get("except", "").split("|") if item)
    for exception in exceptions:
        if wrong not in exception:
            raise DictionaryError(f"{where}: exception {exception!r} does not contain {wrong!r}")
    return ConfusionEntry(
        entry_id=entry_id,
        wrong=wrong,
        right=right,
        exceptions=exceptions,
        before=_pattern(options, "before", where, anchor_end=True),
        after=_pattern(options, "after", where),
        not_before=_pattern(options, "not_before", where, anchor_end=True),
        not_after=_pattern(options, "not_after", where),
        safety=_safety(options.get("safety", "auto"), where),
        confidence=_confidence(options.get("confidence", "0.98"), where),
        comment=comment,
        source=where,
    )


def _parse_conditions(conditions: str, where: str) -> dict[str, str]:
    options: dict[str, str] = {}
    for item in conditions.split():
        key, equals, value = item.partition("=")
        if not equals or not value:
            raise DictionaryError(f"{where}: condition {item!r} is not key=value")
        if key not in _CONDITION_KEYS:
            raise DictionaryError(f"{where}: unknown condition {key!r} (known: {', '.join(sorted(_CONDITION_KEYS))})")
        if key in options:
            raise DictionaryError(f"{where}: condition {key!r} given twice")
        options[key] = value
    return options


def _pattern(options: dict[str, str], key: str, where: str, anchor_end: bool = False) -> regex.Pattern[str] | None:
    if key not in options:
        return None
    source = f"(?:{options[key]})" + (r"\Z" if anchor_end else "")
    try:
        return regex.compile(source)
    except regex.error as error:
        raise DictionaryError(f"{where}: bad {key} pattern {options[key]!r} ({error})") from None


def _safety(value: str, where: str) -> Safety:
    try:
        return Safety(value)
    except ValueError:
        raise DictionaryError(f"{where}: safety must be auto or review, not {value!r}") from None


def _confidence(value: str, where: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise DictionaryError(f"{where}: confidence must be a number from 0 to 1, not {value!r}")
    return number
