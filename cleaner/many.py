"""Cleaning many documents from Python, in parallel, with results in input order.

    >>> from cleaner.many import clean_many
    >>> [result.text for result in clean_many(["总书动", "平合。"], jobs=1)]
    ['总书记', '平台。']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cleaner.config import Config
from cleaner.parallel import default_jobs, ordered_map
from cleaner.pipeline import Pipeline, Result

_pipeline: Pipeline | None = None


def clean_many(texts: Iterable[str], config: Config | None = None, *, jobs: int | None = None) -> Iterator[Result]:
    """`clean` every text, in `jobs` processes (default: every core); yields results in input order.

    Texts are taken from `texts` as workers need them and results are handed back as they are
    ready, so a long stream of documents is cleaned in bounded memory. Each result is exactly what
    `cleaner.clean(text, config)` returns.
    """
    chosen = config or Config()
    return ordered_map(
        _clean_texts, texts, jobs=jobs or default_jobs(), weigh=_weight,
        initializer=_start, initargs=(chosen,), before_fork=_load_all,
    )


def _weight(text: str) -> int:
    return 3 * len(text) + 256  # about its UTF-8 size, plus the cost of a task


def _start(config: Config) -> None:
    global _pipeline
    if _pipeline is None or _pipeline.config != config:
        _pipeline = Pipeline(config)
        _pipeline.passes  # noqa: B018 - load the dictionaries once per process


def _load_all() -> None:
    assert _pipeline is not None, "_start() first"
    _pipeline.load_all()


def _clean_texts(texts: list[str]) -> list[Result]:
    assert _pipeline is not None, "_start() first"
    return [_pipeline.run(text) for text in texts]
