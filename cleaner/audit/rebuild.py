"""Rebuilding an output from its input and the log: the one place audit turns decisions into bytes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cleaner.document import Document, decode, sha256_hex
from cleaner.edit import apply
from cleaner.errors import LogError
from cleaner.logread import DocumentState, EditRecord


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


def rebuild(
    state: DocumentState, text: str, exclude: Callable[[EditRecord], bool] | None = None
) -> str:
    """The input text with the state's applied Edits (edited text in place), minus `exclude`d ones."""
    return apply(text, state.applied_edits(exclude))
