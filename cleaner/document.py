"""Decoding input bytes into a Document: the text every Edit's offsets refer to."""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
from dataclasses import dataclass

from cleaner.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of common binary formats somebody may point the cleaner at by mistake.
_BINARY_SIGNATURES = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x7fELF", "an executable"),
)

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded input: `text` has universal newlines (\\n); offsets of Edits count its code points."""

    text: str
    sha256: str
    encoding: str
    newline: str
    path: str = "-"

    @property
    def chars(self) -> int:
        return len(self.text)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, path: str = "-") -> Document:
    """Decode bytes as UTF-8 (BOM optional), UTF-16/32 with BOM, or GB18030; reject binary."""
    digest = sha256_hex(data)
    encoding, raw_text = _decode_text(data, path)
    text, newline = _normalise_newlines(raw_text)
    _reject_control_characters(text, path)
    return Document(text=text, sha256=digest, encoding=encoding, newline=newline, path=path)


def _decode_text(data: bytes, path: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return encoding, data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"{path}: invalid {encoding} after its byte-order mark "
                                 f"(byte {error.start})") from None
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{path}: not a text file (looks like {what})")
    if b"\x00" in data:
        raise InputError(f"{path}: not a text file (contains NUL bytes)")
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return "gb18030", data.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError(
                f"{path}: cannot decode as UTF-8 (bad byte at {utf8_error.start}) or GB18030"
            ) from None


def _normalise_newlines(text: str) -> tuple[str, str]:
    """Turn CRLF and lone CR into LF; report the dominant original convention."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if not crlf and not cr:
        return text, "\n"
    counts = {"\r\n": crlf, "\r": cr, "\n": lf}
    newline = max(counts, key=lambda key: counts[key])
    return text.replace("\r\n", "\n").replace("\r", "\n"), newline


def _reject_control_characters(text: str, path: str) -> None:
    controls = sum(
        1 for char in text[:65536]
        if unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS
    )
    if controls > 8 and controls > len(text[:65536]) // 100:
        raise InputError(f"{path}: not a text file ({controls} control characters in the first 64 KiB)")
