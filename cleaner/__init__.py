"""cleaner: clean and correct the OCR text of Chinese official documents.

    >>> from cleaner import clean
    >>> result = clean("总书动")
    >>> result.text
    '总书记'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = [
    "CleanerError",
    "Config",
    "Document",
    "Edit",
    "Pipeline",
    "Result",
    "Safety",
    "__version__",
    "apply",
    "clean",
    "clean_many",
    "decode",
]

if TYPE_CHECKING:
    from cleaner.config import Config
    from cleaner.document import Document, decode
    from cleaner.edit import Edit, Safety, apply
    from cleaner.errors import CleanerError
    from cleaner.many import clean_many
    from cleaner.pipeline import Pipeline, Result

_LAZY = {
    "CleanerError": "cleaner.errors",
    "Config": "cleaner.config",
    "Document": "cleaner.document",
    "decode": "cleaner.document",
    "Edit": "cleaner.edit",
    "Safety": "cleaner.edit",
    "apply": "cleaner.edit",
    "Pipeline": "cleaner.pipeline",
    "Result": "cleaner.pipeline",
    "clean_many": "cleaner.many",
}

_default_pipelines: dict[object, object] = {}


def __getattr__(name: str) -> object:
    # Lazy imports keep `cleaner --version` and small jobs fast to start.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)


def clean(text: str, config: Config | None = None) -> Result:
    """Clean `text`: returns the text with safe Edits applied, those Edits, and pending proposals."""
    from cleaner.config import Config
    from cleaner.pipeline import Pipeline

    config = config or Config()
    pipeline = _default_pipelines.get(config)
    if pipeline is None:
        pipeline = _default_pipelines[config] = Pipeline(config)
    assert isinstance(pipeline, Pipeline)
    return pipeline.run(text)
