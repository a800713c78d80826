"""`cleaner audit`: summary, show, verify, revert, replay and export of correction logs (thin over
cleaner.audit)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from cleaner.cli import default_agent
from cleaner.errors import CleanerError

F = TypeVar("F", bound=Callable[..., Any])

_LOG = click.Path(path_type=Path, dir_okay=False)
_ROOT_HELP = "Where moved files are now: a folder for relative logged paths, or OLD=NEW (repeatable)."


def _one_line_errors(command: F) -> F:
    """A CleanerError becomes one line on stderr and exit status 2, never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except CleanerError as error:
            click.echo(f"cleaner: {error}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def audit() -> None:
    """Inspect, verify, revert and export correction logs."""


@audit.command()
@click.argument("logs", nargs=-1, required=True, type=_LOG)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="Rows in the top lists.")
@_one_line_errors
def summary(logs: tuple[Path, ...], as_json: bool, top: int) -> None:
    """Counts per pass, rule, status, document and reviewer; the most frequent changes."""
    from cleaner.audit.render import summary_view
    from cleaner.audit.summary import summarise

    result = summarise(list(logs), top)
    if as_json:
        click.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        Console().print(summary_view(result))


@audit.command()
@click.argument("logs", nargs=-1, required=True, type=_LOG)
@click.option("--rule", "rules", multiple=True, metavar="R", help="Only edits by this rule (repeatable).")
@click.option("--pass", "passes", multiple=True, metavar="P", help="Only edits by this pass (repeatable).")
@click.option("--status", "statuses", multiple=True, metavar="S",
              help="Only edits whose current status is S: auto, pending, accepted, rejected, edited.")
@click.option("--file", "files", multiple=True, metavar="F",
              help="Only this document: its logged path, a trailing part of it, or a glob (repeatable).")
@click.option("--limit", type=click.IntRange(1), help="Show at most this many edits.")
@_one_line_errors
def show(
    logs: tuple[Path, ...], rules: tuple[str, ...], passes: tuple[str, ...], statuses: tuple[str, ...],
    files: tuple[str, ...], limit: int | None,
) -> None:
    """The edits, as inline diffs in their context, with rule, reason and decision."""
    from cleaner.audit.render import edit_view
    from cleaner.audit.select import Filter, check_statuses
    from cleaner.audit.show import shown_edits

    chosen = Filter(frozenset(rules), frozenset(passes), check_statuses(statuses), files)
    console = Console(highlight=False, soft_wrap=True)
    markers = console.color_system is None
    count = 0
    for shown in shown_edits(list(logs), chosen):
        console.print(edit_view(shown, markers))
        count += 1
        if limit is not None and count >= limit:
            break
    click.echo(f"{count} edit(s)", err=True)


@audit.command()
@click.argument("log", type=_LOG)
@click.option("--root", "roots", multiple=True, metavar="DIR|OLD=NEW", help=_ROOT_HELP)
@click.option("-q", "--quiet", is_flag=True, help="Print only the failures.")
@_one_line_errors
def verify(log: Path, roots: tuple[str, ...], quiet: bool) -> None:
    """Check the hash chain and that replaying the log reproduces every output byte for byte.

    Prints one line per failure; exit status 0 only if everything holds.
    """
    from cleaner.audit.paths import PathMap
    from cleaner.audit.verify import verify as verify_log

    report = verify_log(log, PathMap.parse(roots))
    for failure in report.failures:
        click.echo(str(failure))
    if not report.ok:
        click.echo(f"{log}: {len(report.failures)} failure(s)", err=True)
        sys.exit(1)
    if not quiet:
        click.echo(
            f"{log}: verified {report.lines} lines in {report.runs} run(s), {report.results} result(s), "
            f"{report.outputs} output file(s); chain head {report.head}",
            err=True,
        )


@audit.command()
@click.argument("log", type=_LOG)
@click.option("--rule", "rules", multiple=True, metavar="R",
              help="Revert edits by this rule, including merged edits it took part in (repeatable).")
@click.option("--pass", "passes", multiple=True, metavar="P", help="Revert edits by this pass (repeatable).")
@click.option("--id", "ids", multiple=True, metavar="ID", help="Revert this edit (repeatable).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write here (a folder mirroring the outputs, or a file for one) instead of over the outputs.")
@click.option("--file", "files", multiple=True, metavar="F", help="Only these documents (as for `show`).")
@click.option("--root", "roots", multiple=True, metavar="DIR|OLD=NEW", help=_ROOT_HELP)
@click.option("--reviewer", help="Who reverts (default: $CLEANER_REVIEWER, else the login name).")
@_one_line_errors
def revert(
    log: Path, rules: tuple[str, ...], passes: tuple[str, ...], ids: tuple[str, ...], output: Path | None,
    files: tuple[str, ...], roots: tuple[str, ...], reviewer: str | None,
) -> None:
    """Rewrite the outputs without the chosen edits and record the reversal in the log."""
    from cleaner.audit.paths import PathMap
    from cleaner.audit.revert import revert as revert_log
    from cleaner.audit.select import Selection

    report = revert_log(
        log, Selection(frozenset(rules), frozenset(passes), frozenset(ids)), agent=default_agent(reviewer),
        output=output, paths=PathMap.parse(roots), files=files,
    )
    for failure in report.failures:
        click.echo(f"cleaner: {failure}", err=True)
    edits = sum(item.edits for item in report.reverted)
    click.echo(
        f"reverted {edits} edit(s) in {len(report.reverted)} output(s), {report.unchanged} unaffected"
        + (f"; logged as run {report.run_id}" if report.run_id else ""),
        err=True,
    )
    if report.failures:
        sys.exit(1)


@audit.command()
@click.argument("log", type=_LOG)
@click.argument("source", metavar="INPUT", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the output here (default: standard output).")
@click.option("--no-record", is_flag=True, help="Do not append a replay run to the log.")
@click.option("--reviewer", help="Who replays (default: $CLEANER_REVIEWER, else the login name).")
@_one_line_errors
def replay(log: Path, source: Path, output: Path | None, no_record: bool, reviewer: str | None) -> None:
    """Apply the logged decisions to a fresh copy of INPUT (found in the log by its content)."""
    from cleaner.audit.replay import record_replay
    from cleaner.audit.replay import replay as replay_log
    from cleaner.errors import OutputError
    from cleaner.outputs import same_file, write_atomic

    replayed = replay_log(log, source)
    if output is None:
        sys.stdout.buffer.write(replayed.data)
        sys.stdout.flush()
    else:
        if same_file(source, output):
            raise OutputError(f"{output}: would overwrite the input")
        write_atomic(output, replayed.data)
        if not no_record:
            record_replay(log, replayed, output, default_agent(reviewer))
    last = replayed.last_result
    if last is None:
        verdict = "no output of it was logged"
    elif replayed.matches_last_result:
        verdict = f"same as the output logged at line {last.line} ({last.output})"
    else:
        verdict = f"differs from the output logged at line {last.line}: decisions were recorded after it"
    click.echo(f"replayed {replayed.applied} edit(s) on {source}: {verdict}", err=True)


@audit.command()
@click.argument("log", type=_LOG)
@click.option("--sqlite", "database", type=_LOG, help="SQLite database to create.")
@click.option("--csv", "table", type=_LOG, help="CSV file to create (one row per edit).")
@click.option("--force", is_flag=True, help="Replace existing files.")
@_one_line_errors
def export(log: Path, database: Path | None, table: Path | None, force: bool) -> None:
    """Export the log as a SQLite database (runs, documents, edits, decisions) and/or CSV."""
    from cleaner.audit.export import export_csv, export_sqlite
    from cleaner.errors import ConfigError

    if database is None and table is None:
        raise ConfigError("say where to export: --sqlite DB and/or --csv FILE")
    if database is not None:
        edits = export_sqlite(log, database, force=force)
        click.echo(f"{database}: {edits} edit(s)", err=True)
    if table is not None:
        rows = export_csv(log, table, force=force)
        click.echo(f"{table}: {rows} edit(s)", err=True)
