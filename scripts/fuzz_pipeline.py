#!/usr/bin/env python3
"""Long fuzzing run of the pipeline and the log reader (hypothesis, many examples).

    python scripts/fuzz_pipeline.py [--examples 20000] [--seed 1]
        [--only layout --only spacing --only punctuation] [--profile technical] [--paragraphs blank-line]

Checks, for every generated OCR-like text: no exception, every Edit's span and `before` match the
input, the output equals the input with the applied Edits, applied and pending Edits never
overlap, and cleaning the output again applies nothing (for text in one script); the log reader
given the same text as a log line answers with a record or a LogError. Prints how many inputs were tried and
each failure found (hypothesis shrinks it to a minimal example). --only/--skip choose the passes (as
`cleaner clean` does), --profile and --paragraphs the typography settings.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

from cleaner import clean
from cleaner.config import PARAGRAPH_SEPARATORS, PROFILES, Config, select_passes
from cleaner.edit import apply
from cleaner.errors import LogError
from cleaner.logread import parse_line
from cleaner.passes.variants import traditional_share

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.strategies import ocr_text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", action="append", default=[], help="run only this pass (repeatable)")
    parser.add_argument("--skip", action="append", default=[], help="leave this pass out (repeatable)")
    parser.add_argument("--profile", choices=PROFILES, default="official")
    parser.add_argument("--paragraphs", choices=list(PARAGRAPH_SEPARATORS), default="newline")
    args = parser.parse_args()
    config = Config(
        passes=select_passes(args.only, args.skip), profile=args.profile,
        paragraph_separator=PARAGRAPH_SEPARATORS[args.paragraphs],
    )
    tried = 0

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(ocr_text(max_pieces=120, triggers=True))
    def check(text: str) -> None:
        nonlocal tried
        tried += 1
        result = clean(text, config)
        for edit in result.edits:
            assert text[edit.start:edit.end] == edit.before, edit
        assert apply(text, result.applied) == result.text
        apply(text, result.edits)
        if not 0.25 < traditional_share(text) < 0.75:  # idempotence is promised for text in one script
            again = clean(result.text, config)
            assert again.text == result.text, (text, result.text, again.applied)
        log_line = text.encode("utf-8", "surrogatepass") + b"\n"
        with contextlib.suppress(LogError):
            parse_line(log_line, 1, "fuzz.jsonl")

    started = time.perf_counter()
    try:
        check()
    except Exception as error:  # report and fail: hypothesis has printed the minimal example
        print(f"FAILED after {tried} inputs: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(f"ok: {tried} inputs in {time.perf_counter() - started:.1f}s, no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
