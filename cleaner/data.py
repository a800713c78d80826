"""Where the shipped data files live: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

import hashlib
from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "dictionaries"
_CHECKOUT = Path(__file__).resolve().parent.parent / "dictionaries"


def data_dir() -> Path:
    """The `dictionaries/` folder of this installation (wheel) or source checkout (editable)."""
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def data_file(name: str) -> Path:
    return data_dir() / name


def content_hash(data: bytes) -> str:
    """Short content hash used to version a data file in the correction log."""
    return hashlib.sha256(data).hexdigest()[:16]


def source_name(path: Path) -> str:
    """How a data file is named in the log: `builtin:NAME` for shipped files, else its path."""
    try:
        return f"builtin:{path.resolve().relative_to(data_dir().resolve()).as_posix()}"
    except ValueError:
        return str(path)
