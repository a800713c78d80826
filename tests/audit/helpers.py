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
from cleaner.logread import document_state

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


def log_review(log: Path, source: Path, decided: Sequence[Decided], output: Path, *, agent: str) -> None:
    """Append a review run deciding on edits logged earlier for `source`, and write the new output."""
    document = decode(source.read_bytes(), str(source))
    with LogWriter(log, mode="review", agent=agent, config={}, sources={}) as writer:
        doc = writer.document(document)
        for edit, status, text in decided:
            writer.decision(doc, edit.id, status, agent, text)
        state = document_state(log, sha256=document.sha256)
        assert state is not None
        data = apply(document.text, state.applied_edits()).encode("utf-8")
        output.write_bytes(data)
        writer.result(doc, str(output), sha256_hex(data), state.counts())


@dataclass(frozen=True)
class Scenario:
    """Two documents cleaned in two batch runs, then one of them reviewed by a person."""

    log: Path
    first: Path
    second: Path
    first_output: Path
    second_output: Path


FIRST_TEXT = "总书动的殿切关怀，平合建设"
SECOND_TEXT = "总书动,平合"


def reviewed_scenario(folder: Path) -> Scenario:
    """first: 动→记 auto then rejected by 张三, 殿→殷 pending then accepted by 张三, 平合→平台 auto;
    second: 动→记 auto, ,→， auto (full-width.mark, pass punctuation). All decisions by `tester` else."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "log.jsonl"
    first, second = folder / "first.txt", folder / "second.txt"
    first.write_text(FIRST_TEXT, "utf-8")
    second.write_text(SECOND_TEXT, "utf-8")
    first_output, second_output = folder / "first.out.txt", folder / "second.out.txt"
    verb = edit(FIRST_TEXT, 2, 3, "记", rule="总书记.动", pass_name="confusions")
    glyph = edit(FIRST_TEXT, 4, 5, "殷", rule="殷切.殿", pass_name="confusions")
    platform = edit(FIRST_TEXT, 9, 11, "平台", rule="平台.合", pass_name="confusions")
    log_document(log, first, [(verb, "auto", None), (glyph, "pending", None), (platform, "auto", None)], first_output)
    log_document(log, second, [
        (edit(SECOND_TEXT, 2, 3, "记", rule="总书记.动", pass_name="confusions"), "auto", None),
        (edit(SECOND_TEXT, 3, 4, "，", rule="full-width.mark", pass_name="punctuation"), "auto", None),
    ], second_output)
    log_review(log, first, [(verb, "rejected", None), (glyph, "accepted", None)], first_output, agent="张三")
    return Scenario(log, first, second, first_output, second_output)
