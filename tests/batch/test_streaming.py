"""Large files are decoded and cleaned piece by piece, with the same result as whole-file cleaning."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import streaming
from cleaner.config import Config
from cleaner.document import decode
from cleaner.edit import Edit, apply, make_edit
from cleaner.errors import InputError
from cleaner.pipeline import Pipeline, Result
from cleaner.streaming import DecodedFile, clean_chunks, detect_encoding, safe_cut

LOCAL_PASSES = Config(passes=("confusions", "rules"))


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read files 7 bytes at a time, so multi-byte characters and CRLF straddle blocks."""
    monkeypatch.setattr(streaming, "BLOCK_BYTES", 7)


def stream(path: Path) -> tuple[str, streaming.StreamInfo]:
    decoded = DecodedFile(path, str(path))
    return decoded.read_all(), decoded.info


@pytest.mark.parametrize(
    "data",
    [
        "习近平总书记致贺信\n第二行".encode(),
        b"\xef\xbb\xbf" + "带字节序标记的文本\n".encode(),
        "国标编码的文本，第二句。\r\n下一行\r\n".encode("gb18030"),
        "\ufeff十六位编码\r\n".encode("utf-16-le"),
        "混合\r\n换行\r旧式\n新式\r\n".encode(),
        "以回车结尾\r".encode(),
        "各有关单位：现将通知印发给你们，请认真贯彻执行。\n".encode("utf-16-le"),
        "各有关单位：现将通知印发给你们，请认真贯彻执行。\n".encode("utf-16-be"),
        "各有關單位：現將通知印發給你們，請認真貫徹執行。\n".encode("big5"),
        b"",
    ],
)
def test_streamed_decoding_equals_whole_file_decoding(tmp_path: Path, small_blocks: None, data: bytes) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    whole = decode(data, str(path))
    text, info = stream(path)
    assert (text, info.sha256, info.encoding, info.newline, info.chars) == (
        whole.text, whole.sha256, whole.encoding, whole.newline, whole.chars,
    )


def test_utf8_error_late_in_a_file_switches_the_whole_file_to_gb18030(tmp_path: Path, small_blocks: None) -> None:
    data = b"plain ASCII text, valid in both encodings. " * 5 + "后面是国标编码。".encode("gb18030")
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    assert detect_encoding(path, "input.txt") == "gb18030"
    assert stream(path)[0] == decode(data).text


def test_a_damaged_utf8_file_is_refused_when_streamed_as_when_read_whole(tmp_path: Path, small_blocks: None) -> None:
    data = "各有关单位：现将通知印发给你们，请认真贯彻执行。".encode() * 3 + b"\xff" + "此致".encode()
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as whole:
        decode(data, "input.txt")
    with pytest.raises(InputError) as streamed:
        detect_encoding(path, "input.txt")
    assert str(streamed.value) == str(whole.value)


def test_a_pdf_is_refused_when_streamed(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.7\n" + b"x" * 100)
    with pytest.raises(InputError, match=r"scan.txt: not a text file \(looks like a PDF file\)"):
        detect_encoding(path, "scan.txt")


def test_nul_bytes_anywhere_are_refused_when_streamed(tmp_path: Path, small_blocks: None) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes("正文".encode() * 20 + b"\x00")
    with pytest.raises(InputError, match=r"data.txt: not a text file \(contains NUL bytes\)"):
        detect_encoding(path, "data.txt")


def test_undecodable_file_names_the_first_bad_utf8_byte(tmp_path: Path, small_blocks: None) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("正文正文".encode() + b"\xff\xff\xff")
    message = r"bad.txt: cannot decode as UTF-8 \(bad byte at 12\), GB18030, Big5 or UTF-16"
    with pytest.raises(InputError, match=message):
        detect_encoding(path, "bad.txt")


def test_control_characters_are_refused_when_streamed(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(b"\x01\x02\x03" * 50)
    with pytest.raises(InputError, match="control characters"):
        stream(path)


def test_safe_cut_prefers_a_blank_line_after_a_sentence_end() -> None:
    text = "字" * 30 + "\n第一段。\n\n第二段没有结束\n\n第三段。\n第四段"
    assert safe_cut(text, 0, len(text)) == text.index("第二段")


def test_safe_cut_takes_a_line_that_ends_a_sentence_when_there_is_no_blank_line() -> None:
    text = "第一行\n第二行结束。\n第三行\n第四行"
    assert safe_cut(text, 0, len(text)) == text.index("第三行")


def test_safe_cut_takes_any_line_break_when_no_line_ends_a_sentence() -> None:
    text = "第一行\n第二行\n第三行\n第四行"
    assert safe_cut(text, 0, len(text)) == text.index("第四行")


def test_safe_cut_cuts_one_very_long_line_at_the_target() -> None:
    assert safe_cut("字" * 100, 0, 60) == 60


def test_safe_cut_never_looks_back_past_half_the_chunk() -> None:
    text = "句子。\n\n" + "字" * 100
    assert safe_cut(text, 0, 100) == 100


def sample_text(seeds: dict[str, str], copies: int = 2) -> str:
    return "\n\n".join(list(seeds.values()) * copies)


@pytest.mark.parametrize(("chunk_chars", "margin"), [(50, 0), (300, 40), (2000, 400), (10**6, 4096)])
def test_chunked_cleaning_equals_whole_text_cleaning(seeds: dict[str, str], chunk_chars: int, margin: int) -> None:
    text = sample_text(seeds)
    pipeline = Pipeline(LOCAL_PASSES)
    whole = pipeline.run(text)
    pieces = list(clean_chunks([text], pipeline.run, chunk_chars=chunk_chars, margin=margin))
    assert "".join(piece.text for piece in pieces) == whole.text
    assert tuple(edit for piece in pieces for edit in piece.applied) == whole.applied
    assert tuple(edit for piece in pieces for edit in piece.pending) == whole.pending


def test_chunk_edits_are_offset_against_the_whole_input(seeds: dict[str, str]) -> None:
    text = sample_text(seeds)
    pieces = list(clean_chunks([text], Pipeline(LOCAL_PASSES).run, chunk_chars=500, margin=50))
    applied = [edit for piece in pieces for edit in piece.applied]
    assert len(pieces) > 10 and applied
    assert apply(text, applied) == "".join(piece.text for piece in pieces)
    assert all(text[edit.start:edit.end] == edit.before for edit in applied)


def test_pieces_cover_the_input_exactly_once(seeds: dict[str, str]) -> None:
    text = sample_text(seeds, copies=1)
    pieces = list(clean_chunks([text[i:i + 333] for i in range(0, len(text), 333)],
                               Pipeline(LOCAL_PASSES).run, chunk_chars=700, margin=100))
    assert "".join(piece.original for piece in pieces) == text
    assert [piece.start for piece in pieces] == [sum(len(p.original) for p in pieces[:i]) for i in range(len(pieces))]


def join_unfinished_lines(text: str) -> Result:
    """A layout-like cleaner that needs the next line: joins a line not ending a sentence to it."""
    edits: list[Edit] = []
    for index, char in enumerate(text):
        if char == "\n" and 0 < index < len(text) - 1 and text[index - 1] not in "。\n" and text[index + 1] != "\n":
            edits.append(make_edit(text, index, index + 1, "", pass_name="join", rule_id="join",
                                   confidence=1.0, reason="line does not end a sentence"))
    return Result(text, apply(text, edits), tuple(edits), ())


def test_a_pass_that_needs_the_next_line_sees_it_across_chunk_boundaries() -> None:
    text = "".join(f"第{n}段的第一行\n第二行\n结束。\n\n" for n in range(200))
    whole = join_unfinished_lines(text)
    pieces = list(clean_chunks([text], join_unfinished_lines, chunk_chars=97, margin=30))
    assert "".join(piece.text for piece in pieces) == whole.text


def test_an_edit_that_crosses_the_cut_moves_the_next_chunk_start() -> None:
    def replace_pair(text: str) -> Result:
        edits = []
        position = text.find("甲乙")
        while position >= 0:
            edits.append(make_edit(text, position, position + 2, "丙", pass_name="t", rule_id="t",
                                   confidence=1.0, reason="test"))
            position = text.find("甲乙", position + 2)
        return Result(text, apply(text, edits), tuple(edits), ())

    text = "字" * 9 + "甲乙" + "字" * 9
    pieces = list(clean_chunks([text], replace_pair, chunk_chars=10, margin=5))
    assert "".join(piece.text for piece in pieces) == "字" * 9 + "丙" + "字" * 9
    assert [len(piece.applied) for piece in pieces] == [1, 0]


@settings(max_examples=40, deadline=None)
@given(
    paragraphs=st.lists(st.sampled_from([
        "习近平总书动致贺信。", "平合。", "人才风来", "地位 and 作用", "摘自（人民日报）", "普通的一句话，",
        "\n", "\n\n", " ",
    ]), max_size=80),
    chunk_chars=st.integers(min_value=1, max_value=200),
    margin=st.integers(min_value=0, max_value=60),
)
def test_chunked_cleaning_of_any_text_applies_exactly_at_input_offsets(
    paragraphs: list[str], chunk_chars: int, margin: int
) -> None:
    text = "".join(paragraphs)
    pieces = list(clean_chunks([text], Pipeline(LOCAL_PASSES).run, chunk_chars=chunk_chars, margin=margin))
    applied = [edit for piece in pieces for edit in piece.applied]
    assert "".join(piece.original for piece in pieces) == text
    assert apply(text, applied) == "".join(piece.text for piece in pieces)
