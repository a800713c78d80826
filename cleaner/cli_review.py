"""`cleaner review`: open a document (or a batch log's pending proposals) in the review TUI."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cleaner.cli import build_config, default_agent, fail, pipeline_options
from cleaner.errors import CleanerError

if TYPE_CHECKING:
    from cleaner.tui.workspace import Workspace


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Where `s` writes the output (default: NAME.clean.txt beside the input).")
@click.option("--in-place", is_flag=True, help="Save over the input, keeping a backup NAME.orig.")
@click.option("--log", "log_path", type=click.Path(path_type=Path),
              help="Correction log to append decisions to and resume from (default: beside the output). "
                   "Without FILE: review the pending proposals this log holds.")
@click.option("--reviewer", help="Your name in the log (default: $CLEANER_REVIEWER or the login name).")
@pipeline_options
def review(
    file: Path | None,
    output: Path | None,
    in_place: bool,
    log_path: Path | None,
    reviewer: str | None,
    only: tuple[str, ...],
    skip: tuple[str, ...],
    dictionaries: tuple[Path, ...],
    config_file: Path | None,
    profile: str | None,
    paragraphs: str | None,
) -> None:
    """Review proposed corrections of FILE, deciding each from the keyboard (press ? inside).

    Decisions are saved to the correction log as you make them; reopening the same file resumes.
    `s` writes the output: the input with auto, accepted and edited corrections applied.
    """
    from cleaner.tui.workspace import log_documents, needs_choice, open_file, open_log

    if in_place and output is not None:
        fail("use either -o/--output or --in-place, not both")
    if file is None and log_path is None:
        fail("name a FILE to review, or a log with --log LOG")
    agent = default_agent(reviewer)
    try:
        if file is not None:
            config = build_config(config_file, dictionaries, only, skip, profile, paragraphs)
            workspace = open_file(file, config=config, reviewer=agent, output=output, log=log_path, in_place=in_place)
        else:
            assert log_path is not None
            if needs_choice(log_documents(log_path)):
                if output is not None:
                    fail("this log holds several documents: -o cannot name one output for them")
                review_many(log_path, agent, in_place)
                return
            workspace = open_log(log_path, reviewer=agent, output=output, in_place=in_place)
    except CleanerError as error:
        fail(str(error))
        return
    run_review(workspace)


def run_review(workspace: Workspace) -> None:
    from cleaner.tui.app import ReviewApp

    try:
        ReviewApp(workspace).run()
    finally:
        workspace.close()


def review_many(log: Path, reviewer: str, in_place: bool) -> None:
    """Choose a document of the log, review it, come back to the list; until the person quits."""
    from cleaner.tui.picker import DocumentPicker
    from cleaner.tui.workspace import log_documents, open_log

    notice = None
    while True:
        chosen = DocumentPicker(log, log_documents(log), notice).run()
        if chosen is None:
            return
        try:
            workspace = open_log(log, reviewer=reviewer, source=Path(chosen), in_place=in_place)
        except CleanerError as error:
            notice = str(error)
            continue
        notice = None
        run_review(workspace)

