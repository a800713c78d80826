"""`cleaner learn`: turn corrected OCR (JSONL pairs or a review log) into confusion statistics."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from cleaner.errors import CleanerError


@click.command()
@click.argument("pairs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--log", "logs", multiple=True, type=click.Path(path_type=Path),
              help="Also learn from a correction log's accepted and edited decisions (repeatable).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the learned character confusions here (default: standard output).")
@click.option("--dictionary", "dictionary_path", type=click.Path(path_type=Path),
              help="Also write dictionary entries (confusions.tsv format, safety=review) for non-words.")
@click.option("--held-out", "held_out", multiple=True, type=(click.Path(path_type=Path), click.IntRange(min=2)),
              metavar="FILE N", help="Learn from JSONL FILE too, except every N-th record (kept for evaluation).")
@click.option("--pages", "pages", multiple=True, type=click.Path(path_type=Path),
              help="Also learn from whole OCR pages, a JSONL file of {ocr, truth} records (repeatable): only "
                   "one hanzi read for another between two read right, a pair's figures those of the pages "
                   "or of the other sources, whichever make it likelier.")
@click.option("--exclude-ids", "exclude_ids", metavar="REGEX",
              help="Never learn from JSONL records whose id matches REGEX (kept for evaluation).")
@click.option("--min-count", type=click.IntRange(min=1), default=1, show_default=True,
              help="Keep pairs seen at least this often.")
def learn(
    pairs: tuple[Path, ...],
    logs: tuple[Path, ...],
    output: Path | None,
    dictionary_path: Path | None,
    held_out: tuple[tuple[Path, int], ...],
    pages: tuple[Path, ...],
    exclude_ids: str | None,
    min_count: int,
) -> None:
    """Learn OCR confusions from PAIRS: JSONL files of {"ocr": ..., "truth": ...} records.

    Writes character pairs with counts and log10 P(wrong | right), the table the detector pass
    reads from dictionaries/learned_confusions.tsv.
    """
    from cleaner.learn import (
        TextPair,
        format_confusions,
        format_dictionary,
        held_in,
        learn_pages,
        merged,
        read_jsonl_pairs,
        read_log_pairs,
        without_ids,
    )
    from cleaner.learn import (
        learn as learn_pairs,
    )
    from cleaner.lexicon import builtin_lexicon

    if not pairs and not logs and not held_out and not pages:
        raise click.UsageError("give JSONL files of {ocr, truth} pairs, or --log LOG, or --pages FILE")

    try:
        excluded = re.compile(exclude_ids) if exclude_ids else None
    except re.error as error:
        raise click.BadParameter(f"not a regular expression ({error})", param_hint="--exclude-ids") from None

    def jsonl_pairs() -> Iterator[TextPair]:
        for path in pairs:
            yield from read_jsonl_pairs(path)
        for path, every in held_out:
            yield from held_in(read_jsonl_pairs(path), every)

    def unexcluded(found: Iterator[TextPair]) -> Iterator[TextPair]:
        return found if excluded is None else without_ids(found, excluded)

    def every_pair() -> Iterator[TextPair]:
        yield from unexcluded(jsonl_pairs())
        for path in logs:
            yield from read_log_pairs(path)

    def page_pairs() -> Iterator[TextPair]:
        for path in pages:
            yield from unexcluded(read_jsonl_pairs(path))

    try:
        learned = learn_pairs(every_pair(), builtin_lexicon() if dictionary_path else None)
        if pages:
            learned = merged(learned, learn_pages(page_pairs()))
        table = format_confusions(learned, min_count)
        if output is None:
            sys.stdout.write(table)
        else:
            output.write_text(table, encoding="utf-8")
        if dictionary_path is not None:
            dictionary_path.write_text(format_dictionary(learned, min_count), encoding="utf-8")
    except CleanerError as error:
        click.echo(f"cleaner: {error}", err=True)
        sys.exit(2)
    except OSError as error:
        click.echo(f"cleaner: cannot write output ({error.strerror})", err=True)
        sys.exit(2)
    kept = sum(1 for confusion in learned.confusions if confusion.count >= min_count)
    click.echo(f"learned {kept} confusion pairs from {learned.pairs} corrected pairs", err=True)
