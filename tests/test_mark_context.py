"""The mark model: which of ，。、；：· stands between two hanzi, from the characters around it."""

from __future__ import annotations

import pytest

from cleaner.errors import DictionaryError
from cleaner.mark_context import MARKS, builtin_mark_context, format_counts, parse_counts

TOTALS = (60, 20, 10, 4, 4, 40)
COUNTS = {"before1": {"来": (9, 1, 0, 0, 0, 0), "尔": (0, 0, 0, 0, 0, 30)}, "after1": {"全": (8, 2, 0, 0, 0, 0)},
          "before2": {"以来": (5, 0, 0, 0, 0, 0)}, "after2": {}}


def test_the_table_reads_back_what_was_written() -> None:
    model = parse_counts(format_counts(TOTALS, COUNTS, "test").encode())
    assert (model.totals, model.counts) == (TOTALS, COUNTS)


def test_the_probabilities_of_the_marks_sum_to_one_and_follow_the_counts() -> None:
    model = parse_counts(format_counts(TOTALS, COUNTS, "test").encode())
    likely = model.probabilities("今年以来·全县", 4)
    assert set(likely) == set(MARKS) and sum(likely.values()) == pytest.approx(1.0)
    assert max(likely, key=likely.__getitem__) == "，"
    assert max(model.probabilities("奥马尔·哈桑", 3).items(), key=lambda item: item[1])[0] == "·"


def test_a_context_the_corpus_never_had_leaves_the_marks_as_common_as_they_are() -> None:
    model = parse_counts(format_counts(TOTALS, COUNTS, "test").encode())
    likely = model.probabilities("甲乙丙·丁戊己", 3)
    assert likely["，"] == pytest.approx(TOTALS[0] / sum(TOTALS))


@pytest.mark.parametrize("data", [
    b"",
    b"sources\tx\nmarks\t,.\ntotal\t\t1 2\n",  # other marks
    "sources\tx\nmarks\t，。、；：·\ntotal\t\t1 2 3\n".encode(),  # a count missing
    "sources\tx\nmarks\t，。、；：·\ntotal\t\t1 1 1 1 1 1\nbefore9\t一\t1 1 1 1 1 1\n".encode(),  # no such context
    "sources\tx\nmarks\t，。、；：·\ntotal\t\t1 1 1 1 1 0\n".encode(),  # a mark never seen
])
def test_a_malformed_table_is_a_dictionary_error(data: bytes) -> None:
    with pytest.raises(DictionaryError):
        parse_counts(data, "bad.txt")


def test_the_shipped_table_knows_commas_from_full_stops_and_names() -> None:
    model = builtin_mark_context()
    assert model.probabilities("为此，我们要以来·全县", 8)["，"] > 0.9
    assert model.probabilities("苏丹总统奥马尔·哈桑", 7)["·"] > 0.5
