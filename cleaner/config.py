"""Configuration: which passes run, which extra dictionaries load, typography choices."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cleaner.errors import ConfigError
from cleaner.passes import available_passes

CONFIG_FILE_NAME = "cleaner.toml"
PROFILES = ("official", "technical")
PARAGRAPH_SEPARATORS = {"newline": "\n", "blank-line": "\n\n"}


@dataclass(frozen=True, slots=True)
class Config:
    """Everything that changes what the cleaner proposes. Immutable; build variants with `with_`."""

    passes: tuple[str, ...] = field(default_factory=available_passes)
    dictionaries: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = ()
    builtin_data: bool = True
    profile: str = "official"
    paragraph_separator: str = "\n"

    def with_(self, **changes: Any) -> Config:
        return replace(self, **changes)

    def describe(self) -> dict[str, Any]:
        """A JSON-ready description for the correction log."""
        return {
            "passes": list(self.passes),
            "dictionaries": [str(path) for path in self.dictionaries],
            "rules": [str(path) for path in self.rules],
            "builtin_data": self.builtin_data,
            "profile": self.profile,
            "paragraph_separator": self.paragraph_separator,
        }


def select_passes(only: Iterable[str] = (), skip: Iterable[str] = ()) -> tuple[str, ...]:
    """The available passes restricted by `only` and `skip`; unknown names are an error."""
    known = available_passes()
    only, skip = list(only), list(skip)
    for name in only + skip:
        if name not in known:
            raise ConfigError(f"unknown pass {name!r} (known: {', '.join(known)})")
    chosen = [name for name in known if not only or name in only]
    return tuple(name for name in chosen if name not in skip)


def user_data_files(paths: Iterable[Path]) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Split user data files into confusion dictionaries (.tsv/.txt) and rule files (.toml)."""
    dictionaries: list[Path] = []
    rules: list[Path] = []
    for path in paths:
        (rules if path.suffix == ".toml" else dictionaries).append(path)
    return tuple(dictionaries), tuple(rules)


def load_config_file(path: Path, base: Config | None = None) -> Config:
    """Read a `cleaner.toml`: table [cleaner] with only/skip/dictionaries/profile/paragraphs."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from None
    section = data.get("cleaner", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [cleaner] must be a table")
    allowed = {"only", "skip", "dictionaries", "profile", "paragraphs", "builtin_data"}
    for key in section:
        if key not in allowed:
            raise ConfigError(f"{path}: unknown key {key!r} in [cleaner] (allowed: {', '.join(sorted(allowed))})")
    config = base or Config()
    folder = path.parent
    changes: dict[str, Any] = {}
    if "only" in section or "skip" in section:
        changes["passes"] = select_passes(_strings(path, section, "only"), _strings(path, section, "skip"))
    if "dictionaries" in section:
        files = [folder / name for name in _strings(path, section, "dictionaries")]
        dictionaries, rules = user_data_files(files)
        changes["dictionaries"] = config.dictionaries + dictionaries
        changes["rules"] = config.rules + rules
    if "profile" in section:
        changes["profile"] = check_profile(str(section["profile"]), str(path))
    if "paragraphs" in section:
        changes["paragraph_separator"] = paragraph_separator(str(section["paragraphs"]), str(path))
    if "builtin_data" in section:
        changes["builtin_data"] = bool(section["builtin_data"])
    return config.with_(**changes)


def check_profile(profile: str, where: str = "--profile") -> str:
    if profile not in PROFILES:
        raise ConfigError(f"{where}: unknown profile {profile!r} (known: {', '.join(PROFILES)})")
    return profile


def paragraph_separator(name: str, where: str = "--paragraphs") -> str:
    if name not in PARAGRAPH_SEPARATORS:
        raise ConfigError(
            f"{where}: unknown paragraph style {name!r} (known: {', '.join(PARAGRAPH_SEPARATORS)})"
        )
    return PARAGRAPH_SEPARATORS[name]


def _strings(path: Path, section: dict[str, Any], key: str) -> list[str]:
    value = section.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return value
