"""The `cleaner` command line: a thin layer over the library (see `cleaner --help`)."""

from __future__ import annotations

import difflib
import getpass
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from cleaner import __version__
from cleaner.errors import CleanerError

Command = TypeVar("Command", bound=Callable[..., Any])

# Subcommands that live in their own modules, imported only when used (fast start-up).
_LAZY_COMMANDS: dict[str, tuple[str, str]] = {}
_LAZY_COMMANDS["learn"] = ("cleaner.cli_learn", "learn")
_LAZY_COMMANDS["review"] = ("cleaner.cli_review", "review")
_LAZY_COMMANDS["audit"] = ("cleaner.cli_audit", "audit")

STDOUT = "-"  # as an output: standard output


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(_LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in _LAZY_COMMANDS:
            module, attribute = _LAZY_COMMANDS[name]
            command = getattr(importlib.import_module(module), attribute)
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="cleaner")
def cli() -> None:
    """Clean and correct the OCR text of Chinese official documents."""


def default_agent(reviewer: str | None = None) -> str:
    """Who is acting: --reviewer, else $CLEANER_REVIEWER, else the login name."""
    if reviewer:
        return reviewer
    if os.environ.get("CLEANER_REVIEWER"):
        return os.environ["CLEANER_REVIEWER"]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def build_config(
    config_file: Path | None,
    dictionaries: tuple[Path, ...],
    only: tuple[str, ...],
    skip: tuple[str, ...],
    profile: str | None,
    paragraphs: str | None,
) -> Any:
    """Config from defaults, then cleaner.toml (or --config), then command-line options."""
    from cleaner.config import (
        CONFIG_FILE_NAME,
        Config,
        check_profile,
        load_config_file,
        paragraph_separator,
        select_passes,
        user_data_files,
    )

    config = Config()
    if config_file is not None:
        config = load_config_file(config_file, config)
    elif Path(CONFIG_FILE_NAME).is_file():
        config = load_config_file(Path(CONFIG_FILE_NAME), config)
    if only or skip:
        chosen = select_passes(only, skip)
        config = config.with_(passes=tuple(p for p in chosen if p in config.passes or only))
    user_dictionaries, user_rules = user_data_files(dictionaries)
    config = config.with_(
        dictionaries=config.dictionaries + user_dictionaries, rules=config.rules + user_rules
    )
    if profile is not None:
        config = config.with_(profile=check_profile(profile))
    if paragraphs is not None:
        config = config.with_(paragraph_separator=paragraph_separator(paragraphs))
    return config


def fail(message: str, code: int = 2) -> None:
    click.echo(f"cleaner: {message}", err=True)
    sys.exit(code)


def pipeline_options(command: Command) -> Command:
    """The options that set up the pipeline, shared by `clean` and `review` (read by build_config)."""
    for option in reversed((
        click.option("--only", multiple=True, metavar="PASS", help="Run only these passes (repeatable)."),
        click.option("--skip", multiple=True, metavar="PASS", help="Skip these passes (repeatable)."),
        click.option("--dict", "dictionaries", multiple=True, type=click.Path(path_type=Path),
                     help="Extra confusion dictionary (.tsv) or rule file (.toml); repeatable."),
        click.option("--config", "config_file", type=click.Path(path_type=Path),
                     help="Config file (default: ./cleaner.toml when present)."),
        click.option("--profile", type=click.Choice(["official", "technical"]), help="Typography profile."),
        click.option("--paragraphs", type=click.Choice(["newline", "blank-line"]), help="Paragraph separator."),
    )):
        command = option(command)
    return command


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output file, or folder mirroring the inputs ('-': standard output).")
@click.option("--in-place", is_flag=True, help="Overwrite each input, keeping a backup (see --backup-suffix).")
@click.option("--backup-suffix", default=".orig", show_default=True, help="Suffix of the backup --in-place keeps.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff instead of writing outputs.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when any file would change.")
@pipeline_options
@click.option("--glob", "pattern", default="*.txt", show_default=True, help="Files to take from folders.")
@click.option("--log", "log_path", type=click.Path(path_type=Path), help="Append the correction log (JSONL) here.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: every core).")
@click.option("--resume/--no-resume", default=True, show_default=True,
              help="With --log: skip files an earlier run of the same set-up finished (checked by hash).")
@click.option("--json", "json_summary", is_flag=True, help="Print a JSON summary on standard output.")
@click.option("--dask", "dask_scheduler", metavar="ADDRESS",
              help="Clean on a Dask cluster (tcp://host:8786; needs cleaner[dask] and shared paths).")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors (no progress bar, no summary).")
def clean(
    paths: tuple[str, ...],
    output: Path | None,
    in_place: bool,
    backup_suffix: str,
    show_diff: bool,
    check: bool,
    only: tuple[str, ...],
    skip: tuple[str, ...],
    dictionaries: tuple[Path, ...],
    config_file: Path | None,
    pattern: str,
    log_path: Path | None,
    profile: str | None,
    paragraphs: str | None,
    jobs: int | None,
    resume: bool,
    json_summary: bool,
    dask_scheduler: str | None,
    quiet: bool,
) -> None:
    """Clean OCR text files (or '-' for standard input).

    Auto-safe corrections are applied; proposals that need a person stay pending in the log
    (review them with `cleaner review`). Files are cleaned in parallel; outputs and the log are
    the same as with --jobs 1. Large files are cleaned in chunks with bounded memory.
    """
    from cleaner.batch import BatchOptions, run_batch

    if output is not None and str(output) == STDOUT:
        output = None  # `-o -`: standard output, as without -o
    try:
        config = build_config(config_file, dictionaries, only, skip, profile, paragraphs)
        options = BatchOptions(
            output=output, in_place=in_place, backup_suffix=backup_suffix, diff=show_diff,
            check=check, glob=pattern, log_path=log_path, quiet=quiet, agent=default_agent(),
            jobs=jobs, resume=resume, json_summary=json_summary,
        )
        if dask_scheduler is None:
            summary = run_batch(list(paths), config, options)
        else:
            from cleaner.dask_jobs import connect, dask_executor

            with connect(dask_scheduler) as client:
                summary = run_batch(list(paths), config, options, executor=dask_executor(client))
    except CleanerError as error:
        fail(str(error))
        return
    if summary.failed:
        sys.exit(2)
    if check and summary.changed:
        sys.exit(1)


def unified_diff(original: str, cleaned: str, label: str) -> str:
    lines = difflib.unified_diff(
        original.splitlines(keepends=True), cleaned.splitlines(keepends=True),
        fromfile=f"a/{label}", tofile=f"b/{label}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def main() -> None:
    try:
        cli.main(prog_name="cleaner", standalone_mode=False)
    except (KeyboardInterrupt, click.Abort):  # click turns Ctrl-C into Abort
        fail("interrupted", 130)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)


if __name__ == "__main__":
    main()
