from __future__ import annotations

import pytest

from cleaner.data import data_file
from cleaner.errors import DictionaryError
from cleaner.lexicon import LEXICON_FILE, builtin_lexicon, parse_lexicon, sorted_lexicon


def test_common_words_are_more_frequent_than_rare_ones() -> None:
    lexicon = builtin_lexicon()
    assert lexicon.zipf("人才") > lexicon.zipf("大才") > 0.0


def test_an_ocr_non_word_is_not_in_the_lexicon() -> None:
    lexicon = builtin_lexicon()
    assert ("货彻" in lexicon, "贯彻" in lexicon) == (False, True)


def test_zipf_values_are_read_as_hundredths() -> None:
    lexicon = parse_lexicon("# header\n的\t779\n殷切\t293\n")
    assert (lexicon.zipf("的"), lexicon.zipf("殷切"), lexicon.zipf("殿切"), lexicon.max_length) == (7.79, 2.93, 0.0, 2)


def test_a_non_integer_frequency_names_the_line() -> None:
    with pytest.raises(DictionaryError, match=r"^lex.tsv:3: frequency must be an integer"):
        parse_lexicon("# header\n的\t779\n是\tmany\n", "lex.tsv")


def test_the_shipped_lexicon_is_sorted_by_word_for_lookups_by_bisection() -> None:
    words = [line.split("\t")[0] for line in data_file(LEXICON_FILE).read_text("utf-8").splitlines()
             if line and not line.startswith("#")]
    assert words == sorted(words)


def test_lookups_by_bisection_answer_as_the_built_table_does() -> None:
    lexicon = sorted_lexicon("# header\n人才\t495\n技能\t480\n的\t779\n")
    answers = [lexicon.centizipf_by_word.get(word) for word in ("人才", "的", "技能", "人", "技", "龥", "")]
    lexicon.table()
    assert answers == [lexicon.centizipf_by_word.get(word) for word in ("人才", "的", "技能", "人", "技", "龥", "")]
    assert answers == [495, 779, 480, None, None, None, None]
