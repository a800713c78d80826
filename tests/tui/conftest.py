from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from cleaner.edit import Edit, Safety, make_edit
from cleaner.tui.workspace import Workspace, read_source, workspace_for

# A short notice with the kinds of changes a reviewer meets: hard-wrapped lines, half-width
# punctuation, known glyph confusions (one rule firing twice), an insertion.
TEXT = (
    "关于做好技能人才工作的通知\n"
    "各单位:\n"
    "总书动对青年寄予殿切期望,要求搭建服务平合。\n"
    "广大青年要以殿切期望为动力,在平凡岗位上\n"
    "创造不平凡的业绩,讲好技能人才背后事。\n"
)


def edit(
    text: str, find: str, offset: int, length: int, after: str, *, rule: str, pass_name: str = "confusions",
    safety: Safety = Safety.REVIEW, confidence: float = 0.9, alternatives: tuple[str, ...] = (), occurrence: int = 0,
) -> Edit:
    position = -1
    for _ in range(occurrence + 1):
        position = text.index(find, position + 1)
    start = position + offset
    return make_edit(
        text, start, start + length, after, pass_name=pass_name, rule_id=rule, confidence=confidence,
        reason=f"test reason for {rule}", safety=safety, alternatives=alternatives, evidence=f"evidence for {rule}",
    )


def crafted_edits(text: str = TEXT) -> list[Edit]:
    """Eight proposals: five pending (one with alternatives), three auto (one a line join)."""
    return [
        edit(text, "各单位:", 3, 1, "：", rule="full-width.colon", pass_name="punctuation", safety=Safety.AUTO,
             confidence=0.97),
        edit(text, "总书动", 2, 1, "记", rule="总书记.动", confidence=0.98),
        edit(text, "殿切", 0, 1, "殷", rule="殷切.殿", alternatives=("段", "殷")),
        edit(text, "期望,", 2, 1, "，", rule="full-width.comma", pass_name="punctuation", safety=Safety.AUTO,
             confidence=0.95),
        edit(text, "平合", 1, 1, "台", rule="平台.合", confidence=0.6),
        edit(text, "殿切", 0, 1, "殷", rule="殷切.殿", occurrence=1),
        edit(text, "岗位上\n", 3, 1, "", rule="join.wrapped", pass_name="layout", safety=Safety.AUTO, confidence=0.85),
        edit(text, "背后事", 2, 0, "故", rule="故事.脱故", confidence=0.45),
    ]


def make_workspace(folder: Path, text: str = TEXT, edits: list[Edit] | None = None) -> Workspace:
    source = folder / "notice.txt"
    source.write_text(text, encoding="utf-8")
    data, document = read_source(source)
    return workspace_for(
        document, data, crafted_edits(text) if edits is None else edits, None,
        output=folder / "notice.clean.txt", log=folder / "notice.clean.log.jsonl", reviewer="ann",
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return make_workspace(tmp_path)


def synchronous(function: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async pilot test with asyncio (the suite needs no async pytest plugin)."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(function(*args, **kwargs))  # type: ignore[arg-type]

    return run
