from __future__ import annotations

from cleaner.tui.alignment import (
    AlignedLine,
    Chunk,
    Kind,
    Piece,
    align,
    character_diff,
    describe_characters,
    wrap,
)


def test_align_keeps_text_around_a_change_as_equal_chunks() -> None:
    assert align("寄予殿切期望", 0, 6, [(2, 3, "殷")]) == [
        Chunk("寄予", "寄予"), Chunk("殿", "殷"), Chunk("切期望", "切期望"),
    ]


def test_character_diff_isolates_the_changed_characters_of_a_longer_span() -> None:
    assert character_diff("地位 作用", "地位和作用") == [Chunk("地位", "地位"), Chunk(" ", "和"), Chunk("作用", "作用")]


def test_chunk_kinds() -> None:
    assert [Chunk("a", "a").kind, Chunk("a", "").kind, Chunk("", "a").kind, Chunk("a", "b").kind] == [
        Kind.EQUAL, Kind.DELETE, Kind.INSERT, Kind.REPLACE,
    ]


def test_half_width_to_full_width_pads_the_narrower_row() -> None:
    (line,) = wrap([Chunk("望", "望"), Chunk(",", "，")], 20)
    assert line == AlignedLine(
        (Piece("望", Kind.EQUAL), Piece(",", Kind.REPLACE), Piece(" ", Kind.PAD)),
        (Piece("望", Kind.EQUAL), Piece("，", Kind.REPLACE)),
    )


def test_deleted_line_break_shows_as_a_symbol_with_space_below() -> None:
    (line,) = wrap([Chunk("行", "行"), Chunk("\n", ""), Chunk("续", "续")], 20)
    assert line.before == (Piece("行", Kind.EQUAL), Piece("↵", Kind.DELETE), Piece("续", Kind.EQUAL))
    assert line.after == (Piece("行", Kind.EQUAL), Piece(" ", Kind.PAD), Piece("续", Kind.EQUAL))


def test_deleted_space_is_drawn_visibly() -> None:
    (line,) = wrap(character_diff("2020 年", "2020年"), 20)
    assert Piece("␣", Kind.DELETE) in line.before


def test_wrap_breaks_lines_at_the_width_in_cells_keeping_rows_aligned() -> None:
    lines = wrap([Chunk("一二三四五", "一二三四五")], 6)
    assert [line.before for line in lines] == [(Piece("一二三", Kind.EQUAL),), (Piece("四五", Kind.EQUAL),)]
    assert all(line.before == line.after for line in lines)


def test_a_change_is_not_split_across_lines_when_it_fits() -> None:
    lines = wrap([Chunk("一二", "一二"), Chunk("殿", "殷殷")], 6)
    assert lines[1].after == (Piece("殷殷", Kind.REPLACE),)


def test_describe_characters_names_width_classes() -> None:
    assert describe_characters(",", "，") == [
        ", U+002C COMMA (half-width) → ， U+FF0C FULLWIDTH COMMA (full-width)",
    ]


def test_describe_characters_calls_curly_quotes_ambiguous_in_width() -> None:
    # (full-width in Chinese text, one cell in a terminal: neither label alone would be true)
    assert describe_characters('"', "”") == [
        '" U+0022 QUOTATION MARK (half-width) → ” U+201D RIGHT DOUBLE QUOTATION MARK (ambiguous width)',
    ]


def test_describe_characters_is_silent_for_hanzi_replacements() -> None:
    assert describe_characters("殿", "殷") == []


def test_an_unchanged_line_break_starts_a_new_aligned_line() -> None:
    lines = wrap([Chunk("甲\n乙", "甲\n乙")], 20)
    assert [line.before for line in lines] == [(Piece("甲↵", Kind.EQUAL),), (Piece("乙", Kind.EQUAL),)]


def test_describe_characters_tells_an_ascii_space_from_an_ideographic_one() -> None:
    assert describe_characters(" ", "\u3000") == [
        "␣ U+0020 SPACE (half-width) → \u3000 U+3000 IDEOGRAPHIC SPACE (full-width)",
    ]


def test_describe_characters_is_silent_for_line_joins() -> None:
    assert describe_characters("\n", "") == []


def test_nearby_changes_come_out_of_focus_beside_the_one_in_focus() -> None:
    assert align("寄予殿切期望,", 0, 7, [(2, 3, "殷")], [(6, 7, "，")]) == [
        Chunk("寄予", "寄予"), Chunk("殿", "殷"), Chunk("切期望", "切期望"), Chunk(",", "，", focus=False),
    ]


def test_wrap_keeps_a_nearby_change_apart_from_a_change_in_focus() -> None:
    (line,) = wrap([Chunk("殿", "殷"), Chunk("合", "台", focus=False)], 20)
    assert line.after == (Piece("殷", Kind.REPLACE), Piece("台", Kind.REPLACE, focus=False))
