"""Writing files safely: atomic replace, never over an input, backups for --in-place."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from cleaner.errors import OutputError


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that `path` is either its old content or all of `data`."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"{path}: cannot write output ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"{path}: cannot write output ({error.strerror})") from None


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name the same file (existing or not)."""
    try:
        return first.resolve() == second.resolve() or (
            first.exists() and second.exists() and os.path.samefile(first, second)
        )
    except OSError:
        return False
