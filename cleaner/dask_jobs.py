"""The same batch on a Dask cluster: a `dask.bag` over the files, the log written where you are.

Needs the optional extra `cleaner[dask]`. Every worker must see the input and output paths (a
shared file system); each worker process builds the pipeline once. The outcomes come back in
input order, so outputs, log and summary are the ones `cleaner clean` gives on one machine.

    from distributed import Client
    from cleaner.batch import BatchOptions, run_batch
    from cleaner.config import Config
    from cleaner.dask_jobs import dask_executor

    with Client("tcp://scheduler:8786") as client:
        run_batch(["archive/"], Config(), BatchOptions(output=Path("clean/"), log_path=Path("clean/log.jsonl")),
                  executor=dask_executor(client))
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from cleaner.batch import Executor
from cleaner.config import Config
from cleaner.errors import ConfigError
from cleaner.worker import FileOutcome, FileTask, WorkSettings, clean_files, start_worker

PARTITION_FILES = 32


def outcome_bag(
    tasks: Sequence[FileTask], config: Config, settings: WorkSettings, partition_files: int = PARTITION_FILES
) -> Any:
    """A dask.bag of the outcomes of cleaning `tasks` (lazy: nothing runs until it is computed)."""
    bag = _optional("dask.bag")
    return bag.from_sequence(list(tasks), partition_size=partition_files).map_partitions(
        _clean_partition, config, settings
    )


def _clean_partition(tasks: Iterable[FileTask], config: Config, settings: WorkSettings) -> list[FileOutcome]:
    start_worker(config, settings)  # once per worker process: later partitions find it built
    return clean_files(list(tasks))


def dask_executor(client: Any = None, partition_files: int = PARTITION_FILES) -> Executor:
    """An executor for `run_batch` that cleans on Dask: on `client`'s cluster, or dask's default scheduler.

    With a client, partitions are handed back one by one in input order as they finish, so the
    progress bar moves and the log is written while the cluster works.
    """

    def run(tasks: Sequence[FileTask], config: Config, settings: WorkSettings, jobs: int) -> Iterator[FileOutcome]:
        # Texts stay on the workers (the parent reads inputs again for the log): outcomes wait in
        # the cluster's memory until their turn comes.
        # Spools would be written where the workers run: streamed files' Edits come back whole.
        bag = outcome_bag(tasks, config, replace(settings, hand_back_bytes=0, spool_prefix=None), partition_files)
        if client is None:
            yield from bag.compute()
            return
        futures = deque(client.compute(bag.to_delayed()))
        try:
            while futures:
                outcomes = futures[0].result()
                futures.popleft()  # the cluster lets go of a partition's outcomes once handed back
                yield from outcomes
        finally:
            client.cancel(list(futures))

    return run


def connect(address: str) -> Any:
    """A distributed Client for a scheduler address (`tcp://host:8786`)."""
    distributed = _optional("distributed")
    try:
        return distributed.Client(address, timeout=30)
    except OSError as error:
        raise ConfigError(f"--dask {address}: cannot reach the scheduler ({error})") from None


def _optional(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ConfigError("running on Dask needs the optional extra: pip install 'cleaner[dask]'") from None
