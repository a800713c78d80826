"""Whatever a log line holds, the log reader answers with a record or a LogError naming the line."""

from __future__ import annotations

import functools
import json
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.cli import cli
from cleaner.errors import LogError
from cleaner.logread import parse_line

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "seeds"
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def real_lines() -> tuple[bytes, ...]:
    """The lines of a real batch log (cleaning the samples)."""
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "log.jsonl"
        result = CliRunner().invoke(cli, ["clean", str(SAMPLE), "-o", str(Path(folder) / "out"), "--log", str(log),
                                          "-q", "--jobs", "1"])
        assert result.exit_code == 0, result.output
        return tuple(log.read_bytes().splitlines(keepends=True))


def parses_or_names_the_line(raw: bytes) -> None:
    try:
        parse_line(raw, 7, "fuzz.jsonl")
    except LogError as error:
        assert str(error).startswith("fuzz.jsonl:7: ")


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_are_a_log_error(raw: bytes) -> None:
    parses_or_names_the_line(raw + b"\n")


@SETTINGS
@given(st.data())
def test_a_real_line_with_one_byte_changed_is_a_record_or_a_log_error(data: st.DataObject) -> None:
    line = data.draw(st.sampled_from(real_lines()))
    position = data.draw(st.integers(0, len(line) - 2))
    value = data.draw(st.integers(0, 255))
    parses_or_names_the_line(line[:position] + bytes([value]) + line[position + 1:])


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@SETTINGS
@given(st.data())
def test_a_real_record_with_one_field_replaced_is_a_record_or_a_log_error(data: st.DataObject) -> None:
    record = json.loads(data.draw(st.sampled_from(real_lines())))
    field = data.draw(st.sampled_from(sorted(record)))
    record[field] = data.draw(JSON_VALUES)
    parses_or_names_the_line(json.dumps(record, ensure_ascii=False).encode() + b"\n")


@SETTINGS
@given(st.data())
def test_a_real_record_with_one_field_removed_is_a_record_or_a_log_error(data: st.DataObject) -> None:
    record = json.loads(data.draw(st.sampled_from(real_lines())))
    del record[data.draw(st.sampled_from(sorted(record)))]
    parses_or_names_the_line(json.dumps(record, ensure_ascii=False).encode() + b"\n")
