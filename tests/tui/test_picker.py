"""Choosing a document of a batch log to review."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from cleaner.review import Decision, Status
from cleaner.tui.picker import DocumentPicker
from cleaner.tui.workspace import log_documents, needs_choice, open_log

from .conftest import synchronous
from .test_workspace import batch


def reject_everything(log: Path, source: Path) -> None:
    workspace = open_log(log, reviewer="ann", source=source)
    workspace.record(workspace.session.bulk(Status.REJECTED, range(len(workspace.session.proposals))))
    workspace.save()
    workspace.close()


def test_a_log_with_several_pending_documents_needs_a_choice(tmp_path: Path) -> None:
    assert needs_choice(log_documents(batch(tmp_path, "a.txt", "b.txt")))


def test_a_log_with_one_pending_document_among_several_opens_it_directly(tmp_path: Path) -> None:
    log = batch(tmp_path, "a.txt", "b.txt")
    reject_everything(log, tmp_path / "in" / "a.txt")
    assert not needs_choice(log_documents(log))
    assert open_log(log, reviewer="ann").document.path == str(tmp_path / "in" / "b.txt")


@synchronous
async def test_the_picker_lists_documents_with_pending_proposals_first(tmp_path: Path) -> None:
    log = batch(tmp_path, "a.txt", "b.txt")
    reject_everything(log, tmp_path / "in" / "a.txt")
    app = DocumentPicker(log, log_documents(log))
    async with app.run_test(size=(120, 20)):
        options = app.query_one(OptionList)
        assert [options.get_option_at_index(i).id for i in range(2)] == [
            str(tmp_path / "in" / "b.txt"), str(tmp_path / "in" / "a.txt"),
        ]


@synchronous
async def test_enter_in_the_picker_answers_the_chosen_document(tmp_path: Path) -> None:
    log = batch(tmp_path, "a.txt", "b.txt")
    app = DocumentPicker(log, log_documents(log))
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.press("j", "enter")
    assert app.return_value == str(tmp_path / "in" / "b.txt")


@synchronous
async def test_q_in_the_picker_answers_nothing(tmp_path: Path) -> None:
    log = batch(tmp_path, "a.txt", "b.txt")
    app = DocumentPicker(log, log_documents(log))
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.press("q")
    assert app.return_value is None


def test_rejected_decisions_of_one_document_leave_the_other_pending(tmp_path: Path) -> None:
    log = batch(tmp_path, "a.txt", "b.txt")
    reject_everything(log, tmp_path / "in" / "a.txt")
    second = open_log(log, reviewer="ann", source=tmp_path / "in" / "b.txt")
    assert second.session.decision(0) == Decision(Status.PENDING)
