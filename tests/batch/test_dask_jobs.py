"""The same batch on a Dask cluster (a LocalCluster over loopback) writes what a local run writes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleaner.batch import BatchOptions, run_batch
from cleaner.config import Config

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")

from cleaner.dask_jobs import dask_executor  # noqa: E402 - only with dask installed

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "seeds"
VOLATILE = {"run_id", "started", "at", "prev", "finished", "cwd", "output"}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
    ) as cluster, distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for copy in range(3):
        for sample in sorted(SAMPLES.glob("*.txt")):
            target = tmp_path / "in" / f"part{copy}" / sample.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(sample, target)
    (tmp_path / "in" / "broken.txt").write_bytes(b"%PDF-1.4")
    return tmp_path / "in"


def outputs(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*.txt"))}


def records(log: Path) -> list[dict[str, Any]]:
    lines = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    return [{key: value for key, value in line.items() if key not in VOLATILE} for line in lines]


def test_a_dask_run_writes_the_outputs_and_log_of_a_local_run(client: Any, corpus: Path, tmp_path: Path) -> None:
    local = BatchOptions(output=tmp_path / "local", log_path=tmp_path / "local.jsonl", quiet=True, progress=False)
    remote = BatchOptions(output=tmp_path / "dask", log_path=tmp_path / "dask.jsonl", quiet=True, progress=False)
    local_summary = run_batch([str(corpus)], Config(), local)
    dask_summary = run_batch([str(corpus)], Config(), remote, executor=dask_executor(client, partition_files=4))
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")
    assert records(tmp_path / "dask.jsonl") == records(tmp_path / "local.jsonl")
    assert (dask_summary.files, dask_summary.failed, dask_summary.changed) == (16, 1, local_summary.changed)


def test_a_dask_rerun_skips_what_is_done(client: Any, corpus: Path, tmp_path: Path) -> None:
    options = BatchOptions(output=tmp_path / "out", log_path=tmp_path / "log.jsonl", quiet=True, progress=False)
    run_batch([str(corpus)], Config(), options, executor=dask_executor(client))
    summary = run_batch([str(corpus)], Config(), options, executor=dask_executor(client))
    assert (summary.skipped, summary.failed) == (15, 1)
