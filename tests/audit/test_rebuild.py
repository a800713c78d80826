"""Rebuilding an output from a document's state: applied edits only, exact `before`, no overlaps."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from cleaner.audit.ledger import Ledger
from cleaner.audit.rebuild import rebuild, rebuilt_pieces
from cleaner.edit import Edit
from cleaner.errors import EditMismatchError
from cleaner.logread import DecisionRecord, DocumentRecord, EditRecord, LineReader

SHA = "0" * 64


def ledger(text: str, decided: Sequence[tuple[Edit, str, str | None]], tmp_path: Path) -> Ledger:
    """A state holding `decided` (edit, status, edited text), built without a log file."""
    state = Ledger(SHA, DocumentRecord(2, "run", 1, "a.txt", SHA, "utf-8", "\n", len(text)),
                   LineReader(tmp_path / "unused.jsonl"))
    for number, (edit, status, final) in enumerate(decided, 3):
        state.propose(EditRecord(
            number, "run", 1, edit.id, edit.start, edit.end, edit.before, edit.after, edit.pass_name,
            edit.rule_id, edit.confidence, edit.reason, str(edit.safety), edit.evidence, edit.alternatives,
            1, edit.start + 1, "", "",
        ), 0)
        state.decide(DecisionRecord(number + 100, "run", 1, edit.id, status, final, "tester", "now", None), 0)
    return state


def change(text: str, start: int, end: int, after: str) -> Edit:
    return Edit(start, end, text[start:end], after, "test", "test.rule", 0.9, "test")


def test_only_applied_edits_are_applied_with_an_edited_text_in_place(tmp_path: Path) -> None:
    text = "总书动的殿切关怀，平合建设"
    state = ledger(text, [
        (change(text, 2, 3, "记"), "rejected", None), (change(text, 4, 5, "殷"), "edited", "殷"),
        (change(text, 9, 11, "平台"), "auto", None), (change(text, 8, 9, ","), "pending", None),
    ], tmp_path)
    assert rebuild(state, text) == "总书动的殷切关怀，平台建设"


def test_an_edit_edited_back_to_its_original_text_is_skipped(tmp_path: Path) -> None:
    text = "总书动的殿切关怀"
    state = ledger(text, [(change(text, 2, 3, "记"), "edited", "动"), (change(text, 2, 4, "记得"), "auto", None)],
                   tmp_path)
    assert rebuild(state, text) == "总书记得殿切关怀"


def test_overlapping_applied_edits_are_an_error_naming_their_logged_ids(tmp_path: Path) -> None:
    text = "总书动的殿切关怀"
    first, second = change(text, 2, 4, "记得"), change(text, 3, 5, "地殷")
    state = ledger(text, [(first, "auto", None), (second, "accepted", None)], tmp_path)
    with pytest.raises(EditMismatchError, match=rf"^edits {first.id} \(2\.\.4\) and {second.id} \(3\.\.5\) overlap$"):
        rebuild(state, text)


def test_a_before_that_does_not_match_the_input_is_an_error(tmp_path: Path) -> None:
    text = "总书动的殿切关怀"
    wrong = change(text, 2, 3, "记")
    state = ledger(text, [(wrong, "auto", None)], tmp_path)
    with pytest.raises(EditMismatchError, match=rf"^edit {wrong.id} expects '动' at 2\.\.3, found '的'$"):
        rebuild(state, "总书的的殿切关怀")


def test_a_long_output_comes_in_pieces_that_join_to_the_whole(tmp_path: Path) -> None:
    text = "总书动，" * 400_000
    edits = [(change(text, start, start + 1, "记"), "auto", None) for start in range(2, len(text), 4)]
    state = ledger(text, edits, tmp_path)
    pieces = list(rebuilt_pieces(state, text))
    assert (len(pieces) > 1, "".join(pieces)) == (True, "总书记，" * 400_000)
