"""Decoding input bytes into a Document: the text every Edit's offsets refer to."""

from __future__ import annotations

import codecs
import hashlib
import re
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
# The control characters (Unicode category Cc: C0, DEL and C1) other than the allowed ones.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


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
                return encoding, data[len(bom):].decode(encoding)  # the mark is not text
            except UnicodeDecodeError as error:
                raise InputError(f"{path}: invalid {encoding} after its byte-order mark "
                                 f"(byte {error.start})") from None
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{path}: not a text file (looks like {what})")
    if b"\x00" in data:
        utf16 = _best_candidate(data, ("utf-16-le", "utf-16-be"))
        if utf16 is None:
            raise InputError(f"{path}: not a text file (contains NUL bytes)")
        return utf16
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        if _mostly_utf8(data):
            raise InputError(
                f"{path}: invalid UTF-8 at byte {utf8_error.start} (the rest is UTF-8; "
                "the file is damaged or mixes encodings)"
            ) from None
        legacy = _best_candidate(data, ("gb18030", "big5", "utf-16-le", "utf-16-be"))
        if legacy is None:
            raise InputError(
                f"{path}: cannot decode as UTF-8 (bad byte at {utf8_error.start}), GB18030, Big5 or UTF-16"
            ) from None
        return legacy


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 with a few damaged bytes (rather than a legacy encoding)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad  # non-ASCII, counted in C
    return multibyte > 0 and bad * 20 < multibyte


def _best_candidate(data: bytes, encodings: tuple[str, ...]) -> tuple[str, str] | None:
    """The strict decoding that reads most like ordinary Chinese text, if any reads like text."""
    best: tuple[float, str, str] | None = None
    for encoding in encodings:
        if encoding.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text, encoding)
        if score >= 0.9 and (best is None or score > best[0]):
            best = (score, encoding, text)
    return None if best is None else (best[1], best[2])


def _plausibility(text: str, encoding: str) -> float:
    """Share of ordinary characters, plus a bonus for common Han in the encoding's own tables.

    Big5 bytes read as GB18030 give rare GBK-extension characters and GB bytes read as Big5
    give rare characters too, so the share of common characters tells the two apart.
    """
    sample = text[:20000]
    if not sample:
        return 1.0
    ordinary = sum(1 for char in sample if _is_ordinary(char))
    han = [char for char in sample if "\u4e00" <= char <= "\u9fff"]
    if encoding.startswith("utf-16"):
        # Byte pairs of ASCII read as UTF-16 land in the Han block too, on rare characters: only
        # characters of the national standards count as ordinary there.
        ordinary -= sum(1 for char in han if not (_in_table(char, "gb2312") or _is_common(char, "big5")))
    table = {"gb18030": "gb2312", "big5": "big5"}.get(encoding)
    bonus = 0.0
    if han and table is not None:
        bonus = sum(1 for char in han if _is_common(char, table)) / len(han) * 0.05
    return ordinary / len(sample) + bonus


def _is_ordinary(char: str) -> bool:
    code = ord(char)
    return (
        0x20 <= code < 0x7F or char in "\t\n\r" or 0x4E00 <= code <= 0x9FFF
        or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or 0x2010 <= code <= 0x206F
    )


def _in_table(char: str, table: str) -> bool:
    try:
        char.encode(table)
    except UnicodeEncodeError:
        return False
    return True


def _is_common(char: str, table: str) -> bool:
    """GB2312 level 1 (rows 0xB0-0xD7) or Big5 level 1 (0xA440-0xC67E): the frequent characters."""
    try:
        encoded = char.encode(table)
    except UnicodeEncodeError:
        return False
    if table == "gb2312":
        return 0xB0 <= encoded[0] <= 0xD7
    return 0xA440 <= int.from_bytes(encoded, "big") <= 0xC67E


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
    controls = len(_CONTROLS.findall(text, 0, 65536))
    if controls > 8 and controls > len(text[:65536]) // 100:
        raise InputError(f"{path}: not a text file ({controls} control characters in the first 64 KiB)")
