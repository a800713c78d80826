"""Edit ids numbered in order of arrival, in arrays: about 20 bytes per id where a dict of them costs
about 100 (the key's object, the number's object and the entry).

cleaner writes an id as 16 lower-case hex digits (64 bits of a hash): those are kept as numbers in an
open-addressing table; any other id (a log written by hand or by another tool) goes in a dict.
"""

from __future__ import annotations

import random
from array import array

_EMPTY = -1
_MASK64 = (1 << 64) - 1
_HEX_DIGITS = "0123456789abcdef"


def _number(edit_id: str) -> int | None:
    """The 64-bit number a canonical id spells, None for any other id."""
    if len(edit_id) != 16 or edit_id.strip(_HEX_DIGITS):  # something left: not only hex digits
        return None
    return int(edit_id, 16)


class IdTable:
    """Ids to their numbers 0, 1, 2… (in order of `add`), and back."""

    __slots__ = ("_count", "_numbers", "_other_ids", "_others", "_salt", "_shift", "_table")

    def __init__(self) -> None:
        self._numbers = array("Q")  # per id: its 64-bit number (0 for an id kept in `_others`)
        self._others: dict[str, int] = {}
        self._other_ids: dict[int, str] = {}
        self._table = array("i", [_EMPTY]) * 8
        self._shift = 64 - 3
        self._count = 0
        # Positions from a multiplicative hash with a random odd factor: crafted ids cannot make
        # every look-up probe the whole table.
        self._salt = random.getrandbits(64) | 1

    def __len__(self) -> int:
        return self._count

    def find(self, edit_id: str) -> int | None:
        """The number of `edit_id`, None when it was never added."""
        value = _number(edit_id)
        if value is None:
            return self._others.get(edit_id)
        found = self._table[self._position(value)]
        return None if found == _EMPTY else found

    def number(self, edit_id: str) -> tuple[int, bool]:
        """The number of `edit_id`, and whether it is new (numbered now, the next number)."""
        value = _number(edit_id)
        if value is None:
            known = self._others.get(edit_id)
            if known is not None:
                return known, False
            number = self._others[edit_id] = self._count
            self._other_ids[number] = edit_id
            self._numbers.append(0)
        else:
            position = self._position(value)
            known = self._table[position]
            if known != _EMPTY:
                return known, False
            number = self._table[position] = self._count
            self._numbers.append(value)
        self._count += 1
        if 2 * self._count > len(self._table):
            self._grow()
        return number, True

    def id(self, number: int) -> str:
        """The id numbered `number`."""
        other = self._other_ids.get(number)
        return other if other is not None else f"{self._numbers[number]:016x}"

    def _position(self, value: int) -> int:
        """Where `value` is in the table, or the empty place where it would go (linear probing)."""
        table, numbers = self._table, self._numbers
        mask = len(table) - 1
        position = ((value * self._salt) & _MASK64) >> self._shift
        while True:
            found = table[position]
            if found == _EMPTY or numbers[found] == value:  # only canonical ids are in the table
                return position
            position = (position + 1) & mask

    def _grow(self) -> None:
        self._table = array("i", [_EMPTY]) * (2 * len(self._table))
        self._shift -= 1
        for number, value in enumerate(self._numbers):
            if number not in self._other_ids:
                self._table[self._position(value)] = number
