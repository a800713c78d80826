"""The detector's derived tables: shipped precomputed, equal to what their sources give."""

from __future__ import annotations

from typing import NoReturn

import pytest

from cleaner.data import data_file
from cleaner.detect_context import estimate, format_model, parse_model
from cleaner.detect_model import DetectorModel
from cleaner.detect_tables import MIN_PLACE_NAMES, TABLES_FILE, derive, format_tables, load_tables, parse_tables
from cleaner.errors import DictionaryError
from cleaner.glyphs import builtin_glyph_table, parse_glyph_table
from cleaner.learn import parse_confusion_table
from cleaner.lexicon import builtin_lexicon, parse_lexicon
from cleaner.passes.detector import DetectorPass, builtin_context, builtin_learned

LEXICON = "# header\n的\t779\n人民\t520\n政府\t480\n民政\t290\n攻击\t400\n"
GLYPHS = "攻\t政:0.700 功:0.600\n"
LEARNED = "# header\n民\t氏\t3\t10\t-0.523\n"
CONTEXT = format_model(*estimate(["人民政府", "人民政府", "攻击"]), "test")


def small_model() -> DetectorModel:
    return DetectorModel.of(parse_lexicon(LEXICON), parse_glyph_table(GLYPHS), parse_confusion_table(LEARNED),
                            parse_model(CONTEXT.encode("utf-8")))


def test_committed_tables_match_their_sources() -> None:
    derived = derive(builtin_lexicon(), builtin_glyph_table(), builtin_learned(), builtin_context())
    assert data_file(TABLES_FILE).read_text("utf-8") == format_tables(derived)


def test_tables_read_back_equal_to_what_was_written() -> None:
    derived = small_model().tables
    assert parse_tables(format_tables(derived)) == derived


def test_known_bigrams_come_from_frequent_words_only() -> None:
    assert small_model().tables.known == frozenset({"人民", "政府", "攻击"})


def test_standalone_hanzi_are_frequent_single_character_words() -> None:
    assert small_model().tables.standalone == frozenset({"的"})


def test_place_finals_end_the_name_part_of_many_place_names() -> None:
    firsts = "杭广苏温台福兰赣郑徐常泉滁宿亳"[:MIN_PLACE_NAMES]
    names = "".join(f"{first}州市\t300\n" for first in firsts)  # 州 ends MIN_PLACE_NAMES of them
    names += "".join(f"{first}川县\t300\n" for first in firsts[1:])  # 川 one fewer
    lexicon = parse_lexicon(LEXICON + names)
    tables = derive(lexicon, parse_glyph_table(GLYPHS), parse_confusion_table(LEARNED),
                    parse_model(CONTEXT.encode("utf-8")))
    assert tables.place_finals == frozenset({"州"})


def test_candidates_are_similar_glyphs_and_often_learned_confusions() -> None:
    candidates = small_model().tables.candidates
    assert (candidates["攻"], candidates["民"]) == ("政", "氏")


def test_characters_beside_each_other_in_candidate_worthy_words() -> None:
    tables = small_model().tables
    assert (tables.firsts["民"], tables.seconds["民"]) == ("人", "政")


def test_builtin_model_reads_no_big_table_before_scoring() -> None:
    model = DetectorModel(load_tables(data_file(TABLES_FILE)), _fail, _fail, _fail, _fail)
    assert sorted(model.sources) == ["char_ngrams.txt", "glyph_neighbours.tsv", "learned_confusions.tsv", "lexicon.tsv"]


def test_a_big_table_other_than_the_one_the_tables_came_from_is_refused() -> None:
    model = DetectorModel(small_model().tables, lambda: parse_lexicon(LEXICON + "国家\t600\n"), _fail, _fail, _fail)
    with pytest.raises(DictionaryError, match=r"^lexicon.tsv differs from the one the detector tables were built"):
        model.plausibility("人民")


def test_a_context_model_other_than_the_one_the_tables_recorded_is_refused() -> None:
    other = parse_model(format_model(*estimate(["人民政府"]), "test").encode("utf-8"))
    model = DetectorModel(small_model().tables, _fail, _fail, _fail, lambda: other)
    with pytest.raises(DictionaryError, match=r"^char_ngrams.txt differs from the one the detector tables were built"):
        model.context_gain("人", "氏", "民", "政府")


def test_a_malformed_table_file_names_the_file() -> None:
    with pytest.raises(DictionaryError, match=r"^tables.txt: malformed detector tables"):
        parse_tables("sources\tlexicon.tsv=00\nstandalone\t的\nknown\t人民\n", "tables.txt")


def _fail() -> NoReturn:
    raise AssertionError("a big table was read")


def test_a_confusion_seen_once_is_a_candidate_except_for_the_commonest_characters() -> None:
    learned = parse_confusion_table("# header\n民\t氏\t1\t10\t-1.000\n的\t白\t1\t10\t-1.000\n")
    model = DetectorModel.of(parse_lexicon(LEXICON), parse_glyph_table(GLYPHS), learned,
                             parse_model(CONTEXT.encode("utf-8")))
    assert (model.tables.candidates.get("民"), model.tables.candidates.get("的")) == ("氏", None)


def test_the_channel_of_a_confusion_seen_once_is_capped() -> None:
    learned = parse_confusion_table("# header\n民\t氏\t1\t2\t-0.301\n")
    model = DetectorModel.of(parse_lexicon(LEXICON), parse_glyph_table(GLYPHS), learned,
                             parse_model(CONTEXT.encode("utf-8")))
    assert model.channel("民", "氏") == -1.5


def test_the_detector_reads_no_big_table_for_a_clean_line() -> None:
    model = DetectorModel(load_tables(data_file(TABLES_FILE)), _fail, _fail, _fail, _fail)
    # (A line whose hanzi all have known bigrams beside them, or no candidate that would make one:
    # 党 of 党的 has one since OCR pages taught that Kai's 爱 reads so.)
    assert DetectorPass(model).propose("认真贯彻落实中央决策部署。\n") == []


def test_the_hanzi_ocr_inserts_are_derived_from_the_learned_insertions() -> None:
    learned = parse_confusion_table("# header\n和\t\t2\t100\t-1.699\n就\t\t1\t100\t-2.000\n\t的\t5\t100\t-1.301\n")
    model = DetectorModel.of(parse_lexicon(LEXICON), parse_glyph_table(GLYPHS), learned,
                             parse_model(CONTEXT.encode("utf-8")))
    assert model.tables.inserted == "和"
