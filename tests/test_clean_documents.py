"""Clean official documents stay as they are: the cleaner finds nothing to change unattended in text
that has no OCR error, however rare its names' characters (tests/clean_documents/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean

DOCUMENTS = sorted((Path(__file__).parent / "clean_documents").glob("*.txt"))


def test_there_are_clean_documents_of_many_genres() -> None:
    assert len(DOCUMENTS) >= 58


@pytest.mark.parametrize("path", DOCUMENTS, ids=[path.stem for path in DOCUMENTS])
def test_cleaning_a_clean_document_changes_nothing(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    result = clean(text)
    assert [(edit.rule_id, edit.before, edit.after) for edit in result.applied] == []
    assert result.text == text
