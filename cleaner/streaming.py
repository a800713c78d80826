"""Large files, piece by piece: decode in blocks, clean in overlapping windows, bounded memory.

Decoding gives exactly the text `cleaner.document.decode` would give for the whole file (same
encoding choice, newline normalisation and refusals), but one block at a time.

Cleaning cuts the text into chunks at conservative boundaries (after a blank line that follows a
sentence end, else after a line that ends a sentence, else after any line) and runs the pipeline
on each chunk *with a margin of context on both sides*. Only Edits that start inside the chunk
itself are kept; those in the margins belong to the neighbouring chunks, which see them with
their own full context. Offsets of the kept Edits are against the whole decoded input.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import regex

from cleaner.document import _BINARY_SIGNATURES, _BOMS, _plausibility, _reject_control_characters
from cleaner.edit import Edit, apply
from cleaner.errors import InputError
from cleaner.pipeline import Result

BLOCK_BYTES = 1 << 20
CHUNK_CHARS = 1 << 15  # composing Edits costs more than linearly in the chunk: 32k chars was fastest
MARGIN_CHARS = 4096
_CONTROL_CHECK_CHARS = 65536
_PLAUSIBILITY_CHARS = 20000  # what `decode` samples to judge an encoding

# Best boundary: sentence end, then one or more blank lines; the cut goes before the next text.
_PARAGRAPH_BREAK = regex.compile(r"[。！？!?；;…」』”）)]\n(?:[ \t\u3000]*\n)+(?=[^\s])")
# Next best: a line that ends a sentence, followed by a line of text.
_SENTENCE_LINE_BREAK = regex.compile(r"[。！？!?]\n(?=[^\s])")


@dataclass(frozen=True, slots=True)
class StreamInfo:
    """What `decode` would have recorded about the whole file."""

    sha256: str
    encoding: str
    newline: str
    chars: int


@dataclass(frozen=True, slots=True)
class Piece:
    """One cleaned stretch of the input: `start` is its offset in the whole decoded input."""

    start: int
    original: str
    text: str
    applied: tuple[Edit, ...]
    pending: tuple[Edit, ...]


def detect_encoding(path: Path, label: str) -> str:
    """The encoding `decode` would choose for this file (same rules, same refusals), in blocks."""
    with _open(path, label) as stream:
        head = stream.read(BLOCK_BYTES)
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    for signature, what in _BINARY_SIGNATURES:
        if head.startswith(signature):
            raise InputError(f"{label}: not a text file (looks like {what})")
    size = path.stat().st_size
    if _contains_nul(path, label):
        utf16 = _best_candidate(path, label, ("utf-16-le", "utf-16-be"), size)
        if utf16 is None:
            raise InputError(f"{label}: not a text file (contains NUL bytes)")
        return utf16
    utf8_error = _first_decode_error(path, label, "utf-8")
    if utf8_error is None:
        return "utf-8"
    if _mostly_utf8(path, label):
        raise InputError(
            f"{label}: invalid UTF-8 at byte {utf8_error} (the rest is UTF-8; "
            "the file is damaged or mixes encodings)"
        )
    legacy = _best_candidate(path, label, ("gb18030", "big5", "utf-16-le", "utf-16-be"), size)
    if legacy is None:
        raise InputError(f"{label}: cannot decode as UTF-8 (bad byte at {utf8_error}), GB18030, Big5 or UTF-16")
    return legacy


def _blocks(path: Path, label: str) -> Iterator[bytes]:
    """The file's bytes, a block at a time, then one empty block."""
    with _open(path, label) as stream:
        while True:
            block = stream.read(BLOCK_BYTES)
            yield block
            if not block:
                return


def _contains_nul(path: Path, label: str) -> bool:
    return any(b"\x00" in block for block in _blocks(path, label))


def _first_decode_error(path: Path, label: str, encoding: str) -> int | None:
    """Byte offset of the first undecodable byte, or None when the whole file decodes."""
    decoder = codecs.getincrementaldecoder(encoding)()
    consumed = 0
    for block in _blocks(path, label):
        try:
            decoder.decode(block, final=not block)
        except UnicodeDecodeError as error:
            pending = len(decoder.getstate()[0])
            return consumed - pending + error.start
        consumed += len(block)
    return None


def _mostly_utf8(path: Path, label: str) -> bool:
    """Valid UTF-8 with a few damaged bytes (rather than a legacy encoding), as `decode` judges it."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    bad = multibyte = 0
    for block in _blocks(path, label):
        text = decoder.decode(block, final=not block)
        damaged = text.count("\ufffd")
        bad += damaged
        multibyte += sum(1 for char in text if ord(char) > 0x7F) - damaged
    return multibyte > 0 and bad * 20 < multibyte


def _best_candidate(path: Path, label: str, encodings: tuple[str, ...], size: int) -> str | None:
    """The strict decoding that reads most like ordinary Chinese text, if any reads like text."""
    best: tuple[float, str] | None = None
    for encoding in encodings:
        if encoding.startswith("utf-16") and size % 2:
            continue
        sample = _strict_sample(path, label, encoding)
        if sample is None:
            continue
        score = _plausibility(sample, encoding)
        if score >= 0.9 and (best is None or score > best[0]):
            best = (score, encoding)
    return None if best is None else best[1]


def _strict_sample(path: Path, label: str, encoding: str) -> str | None:
    """The first characters of the file in this encoding, or None when any byte does not decode."""
    decoder = codecs.getincrementaldecoder(encoding)()
    sample: list[str] = []
    sampled = 0
    for block in _blocks(path, label):
        try:
            text = decoder.decode(block, final=not block)
        except UnicodeDecodeError:
            return None
        if sampled < _PLAUSIBILITY_CHARS:
            sample.append(text[:_PLAUSIBILITY_CHARS - sampled])
            sampled += len(sample[-1])
    return "".join(sample)


def _open(path: Path, label: str) -> BinaryIO:
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{label}: is a directory") from None
    except OSError as error:
        raise InputError(f"{label}: cannot read ({error.strerror})") from None


class DecodedFile:
    """The decoded text of a file as an iterator of pieces; `info` is complete once it is exhausted."""

    def __init__(self, path: Path, label: str, encoding: str | None = None) -> None:
        self.path = path
        self.label = label
        self.encoding = encoding or detect_encoding(path, label)
        self._info: StreamInfo | None = None

    @property
    def info(self) -> StreamInfo:
        if self._info is None:
            raise RuntimeError("DecodedFile.info is known only after every piece was read")
        return self._info

    def pieces(self) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(self.encoding)()
        digest = hashlib.sha256()
        counts = {"\r\n": 0, "\r": 0, "\n": 0}
        carry = ""  # a trailing CR waits: it may be the first half of CRLF
        head: list[str] = []
        head_chars = 0
        chars = 0
        consumed = 0
        with _open(self.path, self.label) as stream:
            while True:
                block = stream.read(BLOCK_BYTES)
                digest.update(block)
                try:
                    raw = carry + decoder.decode(block, final=not block)
                except UnicodeDecodeError as error:
                    position = consumed - len(decoder.getstate()[0]) + error.start
                    raise InputError(
                        f"{self.label}: invalid {self.encoding} (byte {position})"
                    ) from None
                if not consumed and raw.startswith("\ufeff") and self.encoding != "utf-8":
                    raw = raw[1:]  # a UTF-16/32 byte-order mark is not text (utf-8-sig drops its own)
                consumed += len(block)
                if block and raw.endswith("\r"):
                    raw, carry = raw[:-1], "\r"
                else:
                    carry = ""
                text = _normalise(raw, counts)
                if head_chars < _CONTROL_CHECK_CHARS:
                    head.append(text)
                    head_chars += len(text)
                    if head_chars >= _CONTROL_CHECK_CHARS or not block:
                        _reject_control_characters("".join(head), self.label)
                        head = []
                chars += len(text)
                if text:
                    yield text
                if not block:
                    break
        newline = "\n"
        if counts["\r\n"] or counts["\r"]:
            newline = max(counts, key=lambda key: counts[key])
        self._info = StreamInfo(digest.hexdigest(), self.encoding, newline, chars)

    def read_all(self) -> str:
        """The whole decoded text (for when it must be held, e.g. to write the correction log)."""
        return "".join(list(self.pieces()))


def _normalise(raw: str, counts: dict[str, int]) -> str:
    """Turn CRLF and CR into LF, adding to the counts of each convention."""
    crlf = raw.count("\r\n")
    cr = raw.count("\r") - crlf
    counts["\r\n"] += crlf
    counts["\r"] += cr
    counts["\n"] += raw.count("\n") - crlf
    if not crlf and not cr:
        return raw
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def safe_cut(text: str, start: int, target: int) -> int:
    """Where to end a chunk that starts at `start` and should end near `target` (exclusive).

    Looks back over the second half of the stretch for, in order of preference: a blank line after
    a sentence end, a line break after a sentence end, any line break. A single line longer than
    that is cut at `target`.
    """
    lower = start + (target - start) // 2
    for pattern in (_PARAGRAPH_BREAK, _SENTENCE_LINE_BREAK):
        last = None
        for last in pattern.finditer(text, lower, target):  # noqa: B007 - we want the last one
            pass
        if last is not None:
            return int(last.end())
    newline = text.rfind("\n", lower, target)
    if newline >= 0:
        return newline + 1
    return target


def clean_chunks(
    pieces: Iterable[str],
    run: Callable[[str], Result],
    *,
    chunk_chars: int = CHUNK_CHARS,
    margin: int = MARGIN_CHARS,
) -> Iterator[Piece]:
    """Clean a text given as pieces, chunk by chunk; yields the cleaned chunks in order."""
    if chunk_chars < 1 or margin < 0:
        raise ValueError("chunk_chars must be positive and margin not negative")
    buffer = ""
    buffer_start = 0  # offset in the whole text of buffer[0]
    core_start = 0  # where the next chunk begins (everything before it has been yielded)
    source = iter(pieces)
    exhausted = False
    while True:
        local_core = core_start - buffer_start
        while not exhausted and len(buffer) - local_core < chunk_chars + 2 * margin:
            piece = next(source, None)
            if piece is None:
                exhausted = True
            else:
                buffer += piece
        if local_core >= len(buffer) and exhausted:
            return
        if exhausted and len(buffer) - local_core <= chunk_chars + margin:
            local_cut = window_end = len(buffer)
        else:
            local_cut = safe_cut(buffer, local_core, local_core + chunk_chars)
            window_end = _line_end(buffer, min(len(buffer), local_cut + margin))
        window_start = _line_start(buffer, max(0, local_core - margin))
        result = run(buffer[window_start:window_end])
        offset = buffer_start + window_start
        cut = buffer_start + local_cut
        applied = _kept(result.applied, offset, core_start, cut)
        pending = _kept(result.pending, offset, core_start, cut)
        core_end = max([cut, *(edit.end for edit in applied + pending)])
        original = buffer[local_core:core_end - buffer_start]
        text = apply(original, (edit.shifted(-core_start) for edit in applied))
        yield Piece(core_start, original, text, applied, pending)
        core_start = core_end
        keep_from = _line_start(buffer, max(0, core_start - buffer_start - margin))
        buffer = buffer[keep_from:]
        buffer_start += keep_from


def _kept(edits: tuple[Edit, ...], offset: int, core_start: int, cut: int) -> tuple[Edit, ...]:
    """The window's Edits that start inside the chunk, moved to whole-text offsets."""
    kept = []
    for edit in edits:
        start = edit.start + offset
        if core_start <= start < cut:
            kept.append(edit.shifted(offset))
    return tuple(kept)


def _line_start(text: str, position: int) -> int:
    """The start of the line holding `position`, looking back at most MARGIN_CHARS."""
    lower = max(0, position - MARGIN_CHARS)
    newline = text.rfind("\n", lower, position)
    if newline < 0:
        return 0 if lower == 0 else position
    return newline + 1


def _line_end(text: str, position: int) -> int:
    """Just past the end of the line holding `position`, looking ahead at most MARGIN_CHARS."""
    upper = min(len(text), position + MARGIN_CHARS)
    newline = text.find("\n", position, upper)
    if newline < 0:
        return upper
    return newline + 1
