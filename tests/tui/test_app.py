"""The review app driven from the keyboard (Textual pilot): what each key does to the decisions."""

from __future__ import annotations

import json
from pathlib import Path

from cleaner.edit import Safety
from cleaner.review import Decision, Filter, Status
from cleaner.tui.app import ReviewApp
from cleaner.tui.screens import ConfirmScreen, EditScreen, HelpScreen
from cleaner.tui.widgets import ProposalList
from cleaner.tui.workspace import Workspace

from .conftest import TEXT, make_workspace, synchronous

SIZE = (120, 40)


def statuses(workspace: Workspace) -> list[str]:
    return [decision.status.value for _, decision in workspace.session.decisions()]


def cursor(app: ReviewApp) -> int:
    return app.review.query_one(ProposalList).cursor


def log_records(path: Path, kind: str) -> list[dict[str, object]]:
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    return [record for record in records if record["type"] == kind]


@synchronous
async def test_review_opens_on_the_first_pending_proposal(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE):
        assert cursor(app) == 1


@synchronous
async def test_accept_marks_the_proposal_and_moves_to_the_next_pending(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert statuses(workspace)[1] == "accepted"
        assert cursor(app) == 2


@synchronous
async def test_reject_skips_auto_proposals_on_the_way_to_the_next_pending(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "r")
        assert statuses(workspace)[2] == "rejected"
        assert cursor(app) == 4


@synchronous
async def test_edit_opens_prefilled_with_the_proposal_and_keeps_the_persons_text(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, EditScreen)
        assert app.screen.query_one("#replacement").value == "记"  # type: ignore[attr-defined]
        await pilot.press("backspace", "纪", "enter")
        assert workspace.session.decision(1) == Decision(Status.EDITED, "纪")
        assert cursor(app) == 2


@synchronous
async def test_escape_in_the_edit_dialog_changes_nothing(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "x", "escape")
        assert statuses(workspace)[1] == "pending"
        assert not isinstance(app.screen, EditScreen)


@synchronous
async def test_number_key_chooses_an_alternative(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "1")
        assert workspace.session.decision(2) == Decision(Status.EDITED, "段")


@synchronous
async def test_space_toggles_an_auto_proposal_off_and_on_without_moving(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "space")
        assert statuses(workspace)[0] == "rejected"
        await pilot.press("space")
        assert statuses(workspace)[0] == "accepted"
        assert cursor(app) == 0


@synchronous
async def test_navigation_keys_move_over_every_item(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j")
        assert cursor(app) == 3
        await pilot.press("k", "up")
        assert cursor(app) == 1
        await pilot.press("G")
        assert cursor(app) == 7
        await pilot.press("g")
        assert cursor(app) == 0


@synchronous
async def test_n_and_p_move_between_pending_proposals(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "n")
        assert cursor(app) == 4
        await pilot.press("p")
        assert cursor(app) == 2


@synchronous
async def test_undo_reverts_a_decision_and_redo_replays_it(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "r", "u")
        assert statuses(workspace)[1:3] == ["accepted", "pending"]
        assert cursor(app) == 2
        await pilot.press("ctrl+r")
        assert statuses(workspace)[2] == "rejected"


@synchronous
async def test_bulk_accept_by_rule_asks_with_a_count_and_is_one_undo_step(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "A")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.choices["y"] == "Accept 2 proposal(s) of rule 殷切.殿"
        await pilot.press("y")
        assert [statuses(workspace)[i] for i in (2, 5)] == ["accepted", "accepted"]
        await pilot.press("u")
        assert [statuses(workspace)[i] for i in (2, 5)] == ["pending", "pending"]


@synchronous
async def test_bulk_reject_can_be_cancelled(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "R", "n")
        assert statuses(workspace).count("rejected") == 0
        assert not isinstance(app.screen, ConfirmScreen)


@synchronous
async def test_bulk_by_exact_pair_is_offered_when_it_differs_from_the_rule(tmp_path: Path) -> None:
    from .conftest import crafted_edits, edit

    edits = crafted_edits()
    edits[5] = edit(TEXT, "殿切", 0, 1, "殷", rule="殷切.殿", occurrence=1)
    edits.append(edit(TEXT, "平凡", 0, 1, "乎", rule="殷切.殿", occurrence=0))
    workspace = make_workspace(tmp_path, edits=edits)
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "R")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.choices["p"] == "Reject the 2 proposal(s) of any rule changing 殿 → 殷"
        await pilot.press("p")
        assert statuses(workspace).count("rejected") == 2


@synchronous
async def test_search_narrows_the_list_and_escape_clears_it(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"平合", "enter")
        proposals = app.review.query_one(ProposalList)
        assert [row.item for row in proposals.rows] == [4]
        await pilot.press("escape")
        assert len(proposals.rows) == 8


@synchronous
async def test_filter_dialog_limits_the_list_to_a_status(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        app.screen.query_one("#status").value = "auto"  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("escape")
        assert app.review.filter == Filter(statuses=frozenset({Status.AUTO}))
        assert [row.item for row in app.review.query_one(ProposalList).rows] == [0, 3, 6]


@synchronous
async def test_help_overlay_opens_and_closes(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@synchronous
async def test_decisions_reach_the_log_before_any_save(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "r")
    decisions = log_records(workspace.log, "decision")
    assert [(d["status"], d["by"]) for d in decisions] == [("accepted", "ann"), ("rejected", "ann")]
    assert not workspace.output.exists()


@synchronous
async def test_save_writes_the_output_and_a_result_record(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "r", "s")
        assert workspace.output.read_text("utf-8") == (
            "关于做好技能人才工作的通知\n"
            "各单位：\n"
            "总书记对青年寄予殿切期望，要求搭建服务平合。\n"
            "广大青年要以殿切期望为动力,在平凡岗位上"
            "创造不平凡的业绩,讲好技能人才背后事。\n"
        )
        assert not workspace.is_unsaved()
    (result,) = log_records(workspace.log, "result")
    assert result["counts"] == {"pending": 3, "accepted": 1, "rejected": 1, "edited": 0, "auto": 3}


@synchronous
async def test_save_keeps_undo_history(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "s", "u")
        assert statuses(workspace)[1] == "pending"


@synchronous
async def test_quit_with_unsaved_work_asks_and_n_keeps_reviewing(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.is_running and not isinstance(app.screen, ConfirmScreen)
        await pilot.press("q", "y")
        assert not app.is_running


@synchronous
async def test_quit_without_changes_exits_at_once(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        assert not app.is_running


@synchronous
async def test_saving_from_the_quit_question_writes_the_output(workspace: Workspace) -> None:
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "q", "s")
        assert not app.is_running
    assert workspace.output.exists()


@synchronous
async def test_paragraph_of_line_joins_is_one_item_that_enter_expands(tmp_path: Path) -> None:
    from .conftest import edit

    text = "第一行文字\n第二行文字\n第三行文字\n\n下一段\n"
    joins = [
        edit(text, "第一行文字\n", 5, 1, "", rule="join.wrapped", pass_name="layout", safety=Safety.AUTO),
        edit(text, "第二行文字\n", 5, 1, "", rule="join.wrapped", pass_name="layout", safety=Safety.AUTO),
    ]
    workspace = make_workspace(tmp_path, text=text, edits=joins)
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        proposals = app.review.query_one(ProposalList)
        assert len(proposals.rows) == 1
        await pilot.press("enter")
        assert len(proposals.rows) == 3
        await pilot.press("j", "r")
        assert statuses(workspace) == ["rejected", "auto"]


@synchronous
async def test_rejecting_a_paragraph_rejects_all_its_joins_in_one_step(tmp_path: Path) -> None:
    from .conftest import edit

    text = "第一行文字\n第二行文字\n第三行文字\n"
    joins = [
        edit(text, "第一行文字\n", 5, 1, "", rule="join.wrapped", pass_name="layout", safety=Safety.AUTO),
        edit(text, "第二行文字\n", 5, 1, "", rule="join.wrapped", pass_name="layout", safety=Safety.AUTO),
    ]
    workspace = make_workspace(tmp_path, text=text, edits=joins)
    app = ReviewApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert statuses(workspace) == ["rejected", "rejected"]
        await pilot.press("u")
        assert statuses(workspace) == ["auto", "auto"]

