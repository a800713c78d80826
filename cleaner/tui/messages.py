"""Messages the review widgets and dialogs send up to the screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class CursorMoved(Message):
    """The proposal list's cursor is on another row."""

    row: int

