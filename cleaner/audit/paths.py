"""Where the files a log names are now: its paths resolved against the run's working directory,
or re-rooted with `--root` when the inputs or outputs moved."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cleaner.errors import ConfigError

STDIO = "-"


def absolute(logged: str, cwd: str | None) -> str:
    """A logged path made absolute against the working directory its run recorded."""
    return os.path.normpath(os.path.join(cwd or os.getcwd(), logged))


@dataclass(frozen=True, slots=True)
class PathMap:
    """`base` replaces the recorded working directory for relative paths; `prefixes` (old, new)
    replace the start of a path (relative as logged, or absolute), first match wins."""

    base: str | None = None
    prefixes: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, options: Iterable[str]) -> PathMap:
        """From `--root` values: `NEW` (a folder for relative paths) or `OLD=NEW` (a prefix)."""
        base = None
        prefixes = []
        for option in options:
            old, separator, new = option.partition("=")
            if separator:
                if not old or not new:
                    raise ConfigError(f"--root {option!r}: expected OLD=NEW or a folder")
                prefixes.append((os.path.normpath(old), os.path.normpath(new)))
            elif base is not None:
                raise ConfigError("--root: give at most one folder (and any number of OLD=NEW)")
            else:
                base = os.path.abspath(option)
        return cls(base, tuple(prefixes))

    def resolve(self, logged: str, cwd: str | None) -> Path:
        """Where the file logged as `logged` (by a run working in `cwd`) is to be found now."""
        for candidate in (os.path.normpath(logged), absolute(logged, cwd)):
            for old, new in self.prefixes:
                if candidate == old or candidate.startswith(old.rstrip(os.sep) + os.sep):
                    rest = os.path.relpath(candidate, old)
                    return Path(os.path.abspath(os.path.join(new, rest)))
        if self.base is not None and not os.path.isabs(logged):
            return Path(os.path.normpath(os.path.join(self.base, logged)))
        return Path(absolute(logged, cwd))
