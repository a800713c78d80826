from __future__ import annotations

from pathlib import Path

import pytest

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
