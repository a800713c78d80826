"""Whatever bytes arrive, decoding yields the right text or one clear error naming the file."""

from __future__ import annotations

import codecs

import pytest

from cleaner import clean
from cleaner.document import decode
from cleaner.errors import InputError

SIMPLIFIED = "关于深入学习贯彻习近平总书记致首届全国职业技能大赛贺信精神的通知，各市人力资源和社会保障局：\n"
TRADITIONAL = "關於深入學習貫徹習近平總書記致首屆全國職業技能大賽賀信精神的通知，各市人力資源和社會保障局：\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("gbk"), "gb18030"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
        (SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
        (SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
        (("Notice 1\n" + SIMPLIFIED).encode("utf-16-le"), "utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf16le-ascii"],
)
def test_simplified_text_decodes_in_every_common_encoding(data: bytes, encoding: str) -> None:
    document = decode(data, "in.txt")
    assert document.encoding == encoding
    assert document.text.endswith(SIMPLIFIED)
    assert "\ufeff" not in document.text


def test_big5_traditional_text_is_told_apart_from_gb18030() -> None:
    document = decode(TRADITIONAL.encode("big5"), "in.txt")
    assert (document.encoding, document.text) == ("big5", TRADITIONAL)


def test_crlf_and_lone_cr_line_ends_become_lf_and_are_recorded() -> None:
    document = decode("一\r\n二\r\n三\r四\n".encode(), "in.txt")
    assert (document.text, document.newline) == ("一\n二\n三\n四\n", "\r\n")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not a text file (looks like a PDF file)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file (looks like a PNG image)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not a text file (looks like a ZIP archive (or .docx/.xlsx))"),
        (bytes(range(256)) * 4, "not a text file (contains NUL bytes)"),
        (SIMPLIFIED.encode() + b"\xff" + SIMPLIFIED.encode(), "invalid UTF-8 at byte 139"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "invalid utf-8-sig after its byte-order mark"),
    ],
    ids=["pdf", "png", "zip", "binary", "damaged-utf8", "bad-after-bom"],
)
def test_bad_input_is_one_clear_error_naming_the_file(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as raised:
        decode(data, "scan/page 1.txt")
    assert str(raised.value).startswith(f"scan/page 1.txt: {problem}")
    assert "\n" not in str(raised.value)


def test_an_empty_file_is_empty_text() -> None:
    assert decode(b"", "empty.txt").text == ""


@pytest.mark.parametrize(
    "text",
    [
        "𠀀𪜀𫝀𫠠𬺰𰀀 extension B–G 字符 在 文中",
        "ｆｕｌｌｗｉｄｔｈ Ｌａｔｉｎ　和 全角数字１２３",
        "组合附加符号 é 与 e\u0301，变体选择符 葛\U000E0100 与 ︀",
        "私用区字符 \ue000\uf8ff 与 从右到左标记 \u200f\u202e 以及零宽 \u200b\ufeff",
        "",
        "\n\n\n",
        "a",
    ],
    ids=["ext-b-g", "fullwidth", "combining", "pua-rtl", "empty", "newlines", "ascii"],
)
def test_unusual_characters_pass_through_the_pipeline(text: str) -> None:
    document = decode(text.encode("utf-8"), "odd.txt")
    result = clean(document.text)
    assert isinstance(result.text, str)
    for edit in result.edits:
        assert document.text[edit.start:edit.end] == edit.before


def test_ascii_with_a_nul_byte_is_not_taken_for_utf16() -> None:
    with pytest.raises(InputError, match="contains NUL bytes"):
        decode(b"abc\x00def\n", "in.txt")
