"""Resuming an interrupted batch: which documents an earlier run with the same set-up finished.

A document is finished when the log holds its `document` line and a `result` line naming its
output and the output's sha256, written by a run with the same tool version, configuration and
data files. Whether the files on disk still match is checked by hash when the batch runs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cleaner.worker import Done


def finished_documents(
    log_path: Path, *, version: str, config: dict[str, Any], sources: dict[str, str]
) -> dict[tuple[str, str], Done]:
    """(input path, output path) → hashes, for every document the log records as finished."""
    try:
        stream = open(log_path, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed below
    except OSError:
        return {}
    matching_runs: set[str] = set()
    documents: dict[tuple[str, int], tuple[str, str]] = {}
    finished: dict[tuple[str, str], Done] = {}
    with stream:
        for line in stream:
            record = _parse(line)
            if record is None:
                continue
            kind, run_id = record.get("type"), record.get("run_id")
            if kind == "run":
                if (
                    record.get("version") == version
                    and record.get("config") == config
                    and record.get("sources") == sources
                ):
                    matching_runs.add(str(run_id))
            elif run_id not in matching_runs:
                continue
            elif kind == "document":
                documents[(run_id, record.get("doc", -1))] = (
                    str(record.get("path")), str(record.get("sha256")),
                )
            elif kind == "result":
                found = documents.get((run_id, record.get("doc", -1)))
                output, output_sha256 = record.get("output"), record.get("output_sha256")
                if found is not None and isinstance(output, str) and isinstance(output_sha256, str):
                    path, sha256 = found
                    finished[(path, output)] = Done(sha256, output_sha256)
    return finished


def _parse(line: str) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def drop_partial_line(log_path: Path) -> bool:
    """Cut an incomplete last line (a run killed mid-write) so the next run starts on a fresh line.

    Returns whether there was one. Such a line never held a whole record, so nothing is lost.
    """
    try:
        with open(log_path, "rb+") as stream:
            first = _parse(stream.readline().decode("utf-8", errors="replace"))
            if first is None or first.get("type") != "run":
                return False  # not one of our logs: touch nothing (the log writer will refuse it)
            size = stream.seek(0, os.SEEK_END)
            if size == 0:
                return False
            stream.seek(size - 1)
            if stream.read(1) == b"\n":
                return False
            position = size
            while position > 0:
                step = min(65536, position)
                stream.seek(position - step)
                block = stream.read(step)
                newline = block.rfind(b"\n")
                if newline >= 0:
                    stream.truncate(position - step + newline + 1)
                    return True
                position -= step
            stream.truncate(0)
            return True
    except FileNotFoundError:
        return False
