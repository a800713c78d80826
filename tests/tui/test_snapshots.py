"""What the review screens look like (SVG snapshots; `pytest --snapshot-update` redraws them).

Each snapshot is taken at a fixed terminal size over the crafted notice of `conftest.py`, with
nothing in view that changes from run to run (no clock, no temporary paths, no notifications).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from cleaner.tui.app import ReviewApp

from .conftest import make_workspace

SnapCompare = Callable[..., bool]
SIZE = (120, 36)


def app(folder: Path) -> ReviewApp:
    return ReviewApp(make_workspace(folder))


def pressing_with_a_still_cursor(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press `keys`, then stop the text fields' cursors blinking (shown), so that a snapshot does
    not depend on how long the machine took to get there (a cursor blinks every half second)."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press(*keys)
        for field in pilot.app.screen.query(Input):
            field._pause_blink(visible=True)
        await pilot.pause()

    return run_before


def test_review_screen_shows_the_list_and_the_first_pending_change_in_context(
    tmp_path: Path, snap_compare: SnapCompare
) -> None:
    assert snap_compare(app(tmp_path), terminal_size=SIZE)


def test_review_screen_after_accepting_and_rejecting(tmp_path: Path, snap_compare: SnapCompare) -> None:
    assert snap_compare(app(tmp_path), press=["a", "r"], terminal_size=SIZE)


def test_detail_names_the_code_points_of_a_width_change(tmp_path: Path, snap_compare: SnapCompare) -> None:
    assert snap_compare(app(tmp_path), press=["g"], terminal_size=SIZE)


def test_help_overlay_lists_every_key(tmp_path: Path, snap_compare: SnapCompare) -> None:
    assert snap_compare(app(tmp_path), press=["question_mark"], terminal_size=SIZE)


def test_filter_dialog(tmp_path: Path, snap_compare: SnapCompare) -> None:
    assert snap_compare(app(tmp_path), run_before=pressing_with_a_still_cursor("f"), terminal_size=SIZE)


def test_edit_dialog_is_prefilled_with_the_proposal(tmp_path: Path, snap_compare: SnapCompare) -> None:
    assert snap_compare(app(tmp_path), run_before=pressing_with_a_still_cursor("e"), terminal_size=SIZE)


def test_bulk_confirmation_offers_the_rule_and_the_exact_change(tmp_path: Path, snap_compare: SnapCompare) -> None:
    assert snap_compare(app(tmp_path), press=["n", "A"], terminal_size=SIZE)


def test_quit_asks_when_the_output_is_not_saved(tmp_path: Path, snap_compare: SnapCompare) -> None:
    assert snap_compare(app(tmp_path), press=["a", "q"], terminal_size=SIZE)
