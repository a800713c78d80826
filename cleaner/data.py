"""Where the shipped data files live: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cleaner.errors import DictionaryError

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


def read_data_bytes(path: Path, kind: str) -> bytes:
    """A data file's bytes; a file that cannot be read is a DictionaryError naming it and `kind`."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise DictionaryError(f"{path}: cannot read {kind} ({error.strerror})") from None


def read_data_file(path: Path, kind: str) -> tuple[str, str, str]:
    """A dictionary or rule file's text, with its name and content hash for the log (errors name the file)."""
    data = read_data_bytes(path, kind)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DictionaryError(f"{path}: not UTF-8 (byte {error.start})") from None
    return text, source_name(path), content_hash(data)
