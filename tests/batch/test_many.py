"""clean_many: many documents from Python, in parallel, each result what clean() gives, in order."""

from __future__ import annotations

from cleaner import Config, clean
from cleaner.many import clean_many


def test_results_come_back_in_input_order_and_equal_clean(seeds: dict[str, str]) -> None:
    texts = [text for _ in range(6) for text in seeds.values()] + ["总书动", ""]
    results = list(clean_many(texts, jobs=2))
    assert results == [clean(text) for text in texts]


def test_one_job_runs_in_this_process(seeds: dict[str, str]) -> None:
    texts = list(seeds.values())
    assert list(clean_many(texts, jobs=1)) == [clean(text) for text in texts]


def test_the_configuration_is_used_in_every_worker(seeds: dict[str, str]) -> None:
    config = Config(passes=("confusions",))
    texts = [text for _ in range(6) for text in seeds.values()]
    assert [result.applied for result in clean_many(texts, config, jobs=2)] == [
        clean(text, config).applied for text in texts
    ]


def test_texts_may_come_from_a_generator() -> None:
    results = clean_many((f"第{number}次总书动" for number in range(300)), jobs=2)
    assert [result.text for result in results] == [f"第{number}次总书记" for number in range(300)]
