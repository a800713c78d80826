from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# The test suite is a specification: the same examples every run, so CI is never red by chance.
# Random exploration belongs to scripts/fuzz_pipeline.py (run by hand, many examples).
settings.register_profile("deterministic", derandomize=True, database=None)
settings.load_profile("deterministic")

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture
def seeds() -> dict[str, str]:
    """The sample OCR inputs, by file stem."""
    return {path.stem: path.read_text("utf-8") for path in sorted((SAMPLES / "seeds").glob("*.txt"))}


@pytest.fixture
def golds() -> dict[str, str]:
    """The expected outputs, by the stem of the input they belong to."""
    return {
        path.name.removesuffix(".gold.txt"): path.read_text("utf-8")
        for path in sorted((SAMPLES / "gold").glob("*.gold.txt"))
    }
