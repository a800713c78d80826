"""Regular expressions compiled on first use, not at import.

A pattern over the hanzi ranges takes about a millisecond to compile; a module of a dozen of them
cost a one-line `cleaner clean` tens of milliseconds of start-up for patterns it never used.
`lazy_compile` returns a stand-in that compiles on the first attribute asked of it and then keeps the
compiled pattern's methods as its own, so later calls cost what the compiled pattern's do.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only for what the instance lacks: the first use of each of the compiled pattern's methods.
        value = getattr(re.compile(self.pattern, self.flags), name)
        setattr(self, name, value)
        return value


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done on first use (`.pattern` and `.flags` need no compiling)."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
