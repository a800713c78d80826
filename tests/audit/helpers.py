"""Shared set-up for the audit tests: cleaned copies of the samples, and hand-made logs."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from cleaner.cli import cli
from cleaner.document import Document, decode, sha256_hex
from cleaner.edit import Edit, apply
from cleaner.log import LogWriter

SEEDS = Path(__file__).resolve().parents[2] / "samples" / "seeds"


def run_cli(*arguments: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(argument) for argument in arguments], catch_exceptions=False)


@dataclass(frozen=True)
class Cleaned:
    """Copies of the sample inputs cleaned into `outputs`, with the log of that batch run."""

    inputs: Path
    outputs: Path
    log: Path

    def output(self, name: str) -> Path:
        return self.outputs / name

    def lines(self) -> list[str]:
        return self.log.read_text("utf-8").splitlines()


def clean_samples(folder: Path, *options: str) -> Cleaned:
    inputs = folder / "in"
    shutil.copytree(SEEDS, inputs)
    cleaned = Cleaned(inputs, folder / "out", folder / "log.jsonl")
    result = run_cli("clean", inputs, "-o", cleaned.outputs, "--log", cleaned.log, "-q", "--jobs", "1", *options)
    assert result.exit_code == 0, result.output
    return cleaned


def edit(text: str, start: int, end: int, after: str, rule: str = "test.rule", pass_name: str = "test") -> Edit:
    return Edit(start, end, text[start:end], after, pass_name, rule, 0.9, f"{rule} fires")


Decided = tuple[Edit, str, str | None]  # the edit, its status, the text of an 'edited' decision


def log_document(
    log: Path,
    source: Path,
    decided: Sequence[Decided],
    output: Path,
    *,
    mode: str = "batch",
    agent: str = "tester",
) -> Document:
    """Log one document with the given decisions and write the output they produce."""
    document = decode(source.read_bytes(), str(source))
    applied = [
        edit if text is None else Edit(
            edit.start, edit.end, edit.before, text, edit.pass_name, edit.rule_id, edit.confidence, edit.reason,
        )
        for edit, status, text in decided
        if status in ("auto", "accepted", "edited") and (text is None or text != edit.before)
    ]
    data = apply(document.text, applied).encode("utf-8")
    output.write_bytes(data)
    with LogWriter(log, mode=mode, agent=agent, config={}, sources={}) as writer:
        doc = writer.document(document)
        writer.edits(doc, document.text, [edit for edit, _, _ in decided])
        for edit, status, text in decided:
            writer.decision(doc, edit.id, status, agent, text)
        writer.result(doc, str(output), sha256_hex(data), {})
    return document
