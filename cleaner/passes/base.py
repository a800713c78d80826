"""What every pass is: a named, pure function from text to proposed Edits against that text."""

from __future__ import annotations

from typing import Protocol

from cleaner.edit import Edit


class Pass(Protocol):
    """A pass proposes non-overlapping Edits against the text it is given; it never does I/O."""

    name: str

    def propose(self, text: str) -> list[Edit]: ...


class DataSourced(Protocol):
    """A pass built from data files exposes their content hashes for the correction log."""

    sources: dict[str, str]
