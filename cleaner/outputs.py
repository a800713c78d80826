"""Writing files safely: atomic replace, never over an input, backups for --in-place."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO, Protocol

from cleaner.errors import OutputError


class Sink(Protocol):
    """Where a cleaned document's bytes go, piece by piece; `commit` makes them final."""

    def write(self, data: bytes) -> None: ...

    def commit(self) -> str:
        """Finish the output; returns the sha256 of everything written."""
        ...

    def abort(self) -> None: ...


class AtomicFile:
    """A file written to a temporary sibling and renamed over `path` on commit (all or nothing)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._digest = hashlib.sha256()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.fchmod(handle, _file_mode(path))  # mkstemp makes 0600; keep the file's mode or the umask's
        except OSError as error:
            raise OutputError(f"{path}: cannot write output ({error.strerror})") from None
        self._temporary = temporary
        self._stream: IO[bytes] | None = os.fdopen(handle, "wb")

    def write(self, data: bytes) -> None:
        assert self._stream is not None, "write after commit or abort"
        self._digest.update(data)
        try:
            self._stream.write(data)
        except OSError as error:
            self.abort()
            raise OutputError(f"{self.path}: cannot write output ({error.strerror})") from None

    def commit(self) -> str:
        assert self._stream is not None, "commit after commit or abort"
        try:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()
            self._stream = None
            os.replace(self._temporary, self.path)
        except OSError as error:
            self.abort()
            raise OutputError(f"{self.path}: cannot write output ({error.strerror})") from None
        return self._digest.hexdigest()

    def abort(self) -> None:
        if self._stream is not None:
            with contextlib.suppress(OSError):
                self._stream.close()
            self._stream = None
        with contextlib.suppress(OSError):
            os.unlink(self._temporary)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._stream is not None:
            self.abort()


def _file_mode(path: Path) -> int:
    """The permissions `path` has now, or those a new file gets under the process umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


class StandardOutput:
    """Standard output as a sink (bytes go out as they come; nothing to undo)."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self._digest.update(data)
        sys.stdout.flush()
        sys.stdout.buffer.write(data)

    def commit(self) -> str:
        sys.stdout.buffer.flush()
        return self._digest.hexdigest()

    def abort(self) -> None:
        sys.stdout.buffer.flush()


class Discard:
    """A sink that keeps nothing but the hash (for --check)."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self._digest.update(data)

    def commit(self) -> str:
        return self._digest.hexdigest()

    def abort(self) -> None:
        pass


def write_atomic(path: Path, data: bytes) -> str:
    """Write `data` to `path` so that `path` is either its old content or all of `data`; returns its sha256."""
    with AtomicFile(path) as sink:
        sink.write(data)
        return sink.commit()


def copy_atomic(source: Path, target: Path) -> None:
    """Copy `source` to `target` atomically, in blocks (for backups of large files)."""
    with AtomicFile(target) as sink:
        try:
            with open(source, "rb") as stream:
                while block := stream.read(1 << 20):
                    sink.write(block)
        except OSError as error:
            raise OutputError(f"{source}: cannot back up ({error.strerror})") from None
        sink.commit()
    with contextlib.suppress(OSError):
        shutil.copymode(source, target)


def file_sha256(path: Path) -> str | None:
    """The sha256 of a file's bytes, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            while block := stream.read(1 << 20):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name the same file (existing or not)."""
    try:
        return first.resolve() == second.resolve() or (
            first.exists() and second.exists() and os.path.samefile(first, second)
        )
    except OSError:
        return False
