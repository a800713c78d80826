"""Rebuilding an output from its input and the log: the one place audit turns decisions into bytes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from cleaner.audit.ledger import Entry, Ledger
from cleaner.document import Document, decode, sha256_hex
from cleaner.edit import overlaps
from cleaner.errors import EditMismatchError, LogError

_CHUNK = 1 << 20


def output_bytes(text: str) -> bytes:
    """Outputs are the cleaned text in UTF-8 with `\\n` line ends, whatever the input was."""
    return text.encode("utf-8")


def read_input(source: Path, sha256: str) -> Document:
    """The input as logged: the file must exist and hash to the logged SHA-256."""
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise LogError("input not found (if it moved, map it with --root)") from None
    except IsADirectoryError:
        raise LogError("input is a directory") from None
    except OSError as error:
        raise LogError(f"cannot read input ({error.strerror})") from None
    digest = sha256_hex(data)
    if digest != sha256:
        raise LogError(f"input changed since it was logged (sha256 {digest}, logged {sha256})")
    return decode(data, str(source))


def rebuild(state: Ledger, text: str, exclude: Callable[[Entry], bool] | None = None) -> str:
    """The input text with the state's applied Edits (edited text in place), minus `exclude`d ones."""
    return "".join(rebuilt_pieces(state, text, exclude))


def rebuilt_pieces(state: Ledger, text: str, exclude: Callable[[Entry], bool] | None = None) -> Iterator[str]:
    """`rebuild` in consecutive pieces of about a million characters (or fewer), so that a caller
    can hash or compare the output without holding it. Every `before` must match the input exactly
    and no two applied edits may overlap (EditMismatchError)."""
    pieces: list[str] = []
    size = 0
    position = 0
    previous: Entry | None = None
    for entry in state.applied(exclude):
        if entry.final_text == entry.before:  # a person may edit a proposal back to the original
            continue
        start, end = entry.start, entry.end
        if previous is not None and overlaps(previous.start, previous.end, start, end):
            raise EditMismatchError(
                f"edits {previous.id} ({previous.start}..{previous.end}) and {entry.id} ({start}..{end}) overlap"
            )
        if text[start:end] != entry.before:
            raise EditMismatchError(
                f"edit {entry.id} expects {entry.before!r} at {start}..{end}, found {text[start:end]!r}"
            )
        kept = text[position:start]
        pieces.append(kept)
        pieces.append(entry.final_text)
        size += len(kept) + len(entry.final_text)
        position = end
        previous = entry
        if size >= _CHUNK:
            yield "".join(pieces)
            pieces.clear()
            size = 0
    pieces.append(text[position:])
    yield "".join(pieces)
