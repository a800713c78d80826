"""The streaming fold of the audit commands: states are closed once nothing later refers to them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cleaner.audit.fold import Checkpoint, Closed, events
from cleaner.audit.scan import scan
from cleaner.errors import LogError

from .helpers import reviewed_scenario


def test_each_state_closes_after_its_last_reference(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    closed = [(Path(event.state.document.path).name, event.last) for event in events(scan(scenario.log))
              if isinstance(event, Closed)]
    assert closed == [("second.txt", True), ("first.txt", True)]


def test_every_result_is_a_checkpoint(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    checkpoints = [(event.result.line, event.latest_for_output) for event in events(scan(scenario.log))
                   if isinstance(event, Checkpoint)]
    assert checkpoints == [(9, False), (17, True), (23, True)]


def test_a_reference_after_the_scanned_last_one_is_an_error(tmp_path: Path) -> None:
    scenario = reviewed_scenario(tmp_path)
    index = scan(scenario.log)
    first_sha = next(sha for sha, line in index.last_reference.items() if line == 23)
    stale = dataclasses.replace(index, last_reference={**index.last_reference, first_sha: 2})
    with pytest.raises(LogError, match=rf"^{scenario.log}:3: refers to a document the first reading of the log "
                                       r"saw no more of \(the log changed while it was being read\)$"):
        list(events(stale))
