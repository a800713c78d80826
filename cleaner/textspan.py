"""Small pure helpers on strings shared by the passes."""

from __future__ import annotations


def minimal_change(before: str, after: str) -> tuple[int, int, str]:
    """Trim the common prefix and suffix: (offset into before, end in before, replacement)."""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < limit - prefix
        and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]
    ):
        suffix += 1
    return prefix, len(before) - suffix, after[prefix:len(after) - suffix]


def is_han(char: str) -> bool:
    """A CJK unified ideograph (BMP blocks and the supplementary-plane extensions)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x323AF
        or 0xF900 <= code <= 0xFAFF
    )
