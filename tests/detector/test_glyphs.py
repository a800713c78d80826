from __future__ import annotations

import pytest

from cleaner.errors import DictionaryError
from cleaner.glyphs import builtin_glyph_table, parse_glyph_table

NEAR = 6  # "near neighbour": within the first six listed in either direction


def near_rank(first: str, second: str) -> int | None:
    table = builtin_glyph_table()
    ranks = [rank for rank in (table.rank(first, second), table.rank(second, first)) if rank is not None]
    return min(ranks) if ranks else None


@pytest.mark.parametrize(
    ("first", "second"),
    [("殷", "殿"), ("台", "合"), ("采", "来"), ("人", "大"), ("己", "已"), ("已", "巳"), ("己", "巳"),
     ("宣", "宜"), ("量", "最"), ("贯", "货"), ("鼻", "身"), ("朵", "杂"), ("加", "如")],
)
def test_known_ocr_confusions_are_near_neighbours_in_the_committed_table(first: str, second: str) -> None:
    rank = near_rank(first, second)
    assert rank is not None and rank <= NEAR


def gb2312_hanzi() -> list[str]:
    chars = []
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def test_the_table_covers_every_gb2312_hanzi() -> None:
    table = builtin_glyph_table()
    hanzi = gb2312_hanzi()
    assert (len(hanzi), [char for char in hanzi if not table.of(char)]) == (6763, [])


def test_neighbours_are_listed_best_first() -> None:
    scores = [score for _char, score in builtin_glyph_table().of("己")]
    assert scores == sorted(scores, reverse=True)


def test_similarity_is_found_in_either_direction() -> None:
    table = parse_glyph_table("甲\t乙:0.800\n")
    assert (table.similarity("甲", "乙"), table.similarity("乙", "甲"), table.similarity("甲", "丙")) == (0.8, 0.8, 0.0)


def test_a_malformed_line_names_the_file_and_line() -> None:
    with pytest.raises(DictionaryError, match=r"^glyphs.tsv:2: bad neighbour entry"):
        parse_glyph_table("甲\t乙:0.8\n丙\t丁=0.5\n", "glyphs.tsv")


def test_a_lazily_parsed_table_names_a_malformed_line_when_it_is_looked_up() -> None:
    table = parse_glyph_table("甲\t乙:0.8\n丙\t丁=0.5\n", "glyphs.tsv", lazy=True)
    with pytest.raises(DictionaryError, match=r"^glyphs.tsv:2: bad neighbour entry"):
        table.of("丙")


def test_a_lazily_parsed_table_gives_the_same_neighbours() -> None:
    text = "甲\t乙:0.800 丙:0.700\n乙\t甲:0.800\n"
    assert dict(parse_glyph_table(text, lazy=True).neighbours) == dict(parse_glyph_table(text).neighbours)
