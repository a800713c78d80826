"""Finding input files and where each one's output goes (mirroring the input tree)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cleaner.errors import ConfigError

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Job:
    """One input to clean: its path (or '-') and the path relative to the tree it came from."""

    source: Path | None  # None: standard input
    relative: Path
    from_folder: bool = False  # found by walking a folder named on the command line

    @property
    def label(self) -> str:
        return "<stdin>" if self.source is None else str(self.source)


def collect(paths: Iterable[str], glob: str, exclude: Path | None = None) -> list[Job]:
    """Expand files, directories (recursively, matching `glob`) and '-' into jobs, in a stable order."""
    jobs: list[Job] = []
    excluded = exclude.resolve() if exclude is not None else None
    for raw in paths:
        if raw == STDIN:
            jobs.append(Job(None, Path("stdin.txt")))
            continue
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob(glob)):
                if not found.is_file() or (found.is_symlink() and not _inside(found.resolve(), path.resolve())):
                    continue
                if excluded is not None and _inside(found.resolve(), excluded):
                    continue
                jobs.append(Job(found, found.relative_to(path), from_folder=True))
        elif path.exists():
            jobs.append(Job(path, Path(path.name)))
        else:
            jobs.append(Job(path, Path(path.name)))  # reported as a per-file error when read
    return jobs


def empty_folders(paths: Iterable[str], jobs: list[Job]) -> list[str]:
    """The folders among `paths` that gave no job (nothing matched the glob: worth a warning)."""
    sources = [job.source for job in jobs if job.from_folder and job.source is not None]
    return [raw for raw in paths if raw != STDIN and Path(raw).is_dir()
            and not any(_inside(source, Path(raw)) for source in sources)]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def output_for(job: Job, output: Path | None, single_file_output: bool) -> Path | None:
    """Where a job's output goes: a file named by -o, a mirrored path under -o DIR, or None (stdout)."""
    if output is None:
        return None
    if single_file_output:
        return output
    return output / job.relative


def check_combination(jobs: list[Job], output: Path | None, in_place: bool, report_only: bool) -> bool:
    """Validate how outputs are named; True when `output` names a single file rather than a folder."""
    if in_place and output is not None:
        raise ConfigError("use either -o/--output or --in-place, not both")
    if in_place and any(job.source is None for job in jobs):
        raise ConfigError("--in-place cannot be used with standard input")
    if report_only or in_place:
        return False
    if output is None:
        if len(jobs) > 1:
            raise ConfigError("several inputs: name an output folder with -o DIR (or use --in-place, --diff, --check)")
        return False
    return (
        len(jobs) == 1 and not jobs[0].from_folder
        and not output.is_dir() and not str(output).endswith(("/", "\\"))
    )
