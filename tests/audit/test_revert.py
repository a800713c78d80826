"""`audit revert`: outputs without the chosen edits, the reversal logged, the log still verifying."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cleaner.audit.revert import revert
from cleaner.audit.select import Selection
from cleaner.audit.verify import verify
from cleaner.config import Config
from cleaner.data import data_file
from cleaner.document import decode
from cleaner.edit import apply
from cleaner.pipeline import Pipeline

from .helpers import Cleaned, clean_samples, edit, log_document, run_cli

NAME = "000_76a2a25ce75795fc.txt"


def outputs(cleaned: Cleaned) -> dict[str, str]:
    return {path.name: path.read_text("utf-8") for path in sorted(cleaned.outputs.glob("*.txt"))}


def cleaned_with(cleaned: Cleaned, config: Config) -> dict[str, str]:
    pipeline = Pipeline(config)
    return {
        path.name: pipeline.run(decode(path.read_bytes(), str(path)).text).text
        for path in sorted(cleaned.inputs.glob("*.txt"))
    }


def logged_edits(cleaned: Cleaned) -> list[dict[str, object]]:
    return [record for line in cleaned.lines() if (record := json.loads(line))["type"] == "edit"]


def single_rules(cleaned: Cleaned, pass_name: str) -> list[str]:
    """Rules of a pass whose edits in the samples were not merged with another pass's."""
    return sorted({str(record["rule"]) for record in logged_edits(cleaned) if record["pass"] == pass_name})


# The detector proposes corrections nobody listed, so with a listed rule switched off it may find
# the same correction by itself; these comparisons leave it out of both sides.
NO_DETECTOR = ("--skip", "detector")
PASSES = tuple(name for name in Config().passes if name != "detector")


def without_confusion(rule: str, folder: Path) -> Config:
    """The set-up (detector aside) with one entry of the shipped confusion dictionary left out."""
    lines = data_file("confusions.tsv").read_text("utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(f"{rule}\t")]
    assert len(kept) == len(lines) - 1
    dictionary = folder / "confusions.tsv"
    dictionary.write_text("".join(kept), "utf-8")
    return Config(passes=PASSES, builtin_data=False, dictionaries=(dictionary,), rules=(data_file("rules.toml"),))


def without_rule(rule: str, folder: Path) -> Config:
    """The set-up (detector aside) with one rule of the shipped rule file left out."""
    text = data_file("rules.toml").read_text("utf-8")
    blocks = re.split(r"(?m)^(?=\[\[rule\]\])", text)
    kept = [block for block in blocks if f'id = "{rule}"' not in block]
    assert len(kept) == len(blocks) - 1
    rules = folder / "rules.toml"
    rules.write_text("".join(kept), "utf-8")
    return Config(passes=PASSES, builtin_data=False, dictionaries=(data_file("confusions.tsv"),), rules=(rules,))


def test_reverting_a_confusion_rule_equals_cleaning_without_it(tmp_path: Path) -> None:
    rules = single_rules(clean_samples(tmp_path / "probe", *NO_DETECTOR), "confusions")
    assert rules
    for rule in rules:
        cleaned = clean_samples(tmp_path / rule, *NO_DETECTOR)
        report = revert(cleaned.log, Selection(rules=frozenset({rule})), agent="auditor")
        assert report.failures == ()
        assert outputs(cleaned) == cleaned_with(cleaned, without_confusion(rule, tmp_path / rule)), rule


def test_reverting_a_pattern_rule_equals_cleaning_without_it(tmp_path: Path) -> None:
    rules = single_rules(clean_samples(tmp_path / "probe", *NO_DETECTOR), "rules")
    assert rules
    for rule in rules:
        cleaned = clean_samples(tmp_path / rule, *NO_DETECTOR)
        revert(cleaned.log, Selection(rules=frozenset({rule})), agent="auditor")
        assert outputs(cleaned) == cleaned_with(cleaned, without_rule(rule, tmp_path / rule)), rule


@pytest.mark.parametrize("pass_name", ["confusions", "rules"])
def test_reverting_a_pass_equals_cleaning_with_it_skipped(tmp_path: Path, pass_name: str) -> None:
    cleaned = clean_samples(tmp_path, *NO_DETECTOR)
    revert(cleaned.log, Selection(passes=frozenset({pass_name})), agent="auditor")
    passes = tuple(name for name in PASSES if name != pass_name)
    assert outputs(cleaned) == cleaned_with(cleaned, Config(passes=passes))


def document_paths(cleaned: Cleaned) -> dict[int, Path]:
    """Input path by document number in the batch run."""
    return {
        int(record["doc"]): Path(str(record["path"]))
        for line in cleaned.lines() if (record := json.loads(line))["type"] == "document"
    }


def test_reverting_one_edit_by_id_changes_only_it(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    before = outputs(cleaned)
    record = next(r for r in logged_edits(cleaned) if r["pass"] == "confusions")
    source = document_paths(cleaned)[int(str(record["doc"]))]
    report = revert(cleaned.log, Selection(ids=frozenset({str(record["id"])})), agent="auditor")
    assert [(item.output.name, item.edits) for item in report.reverted] == [(source.name, 1)]
    text = decode(source.read_bytes()).text
    kept = [applied for applied in Pipeline().run(text).applied if applied.id != record["id"]]
    after = outputs(cleaned)
    assert after == {**before, source.name: apply(text, kept)}


def test_the_reversal_is_a_new_run_naming_its_parent(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    batch_run = json.loads(cleaned.lines()[0])["run_id"]
    report = revert(cleaned.log, Selection(passes=frozenset({"confusions"})), agent="审计员")
    headers = [record for line in cleaned.lines() if (record := json.loads(line))["type"] == "run"]
    assert [(h["mode"], h["agent"], h["parent_run"], h["run_id"]) for h in headers] == [
        ("batch", headers[0]["agent"], None, batch_run), ("revert", "审计员", batch_run, report.run_id),
    ]
    notes = {record["note"] for line in cleaned.lines() if (record := json.loads(line))["type"] == "decision"
             and record["status"] == "rejected"}
    assert notes == {"reverted: pass confusions"}


def test_the_log_verifies_after_a_reversal(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    revert(cleaned.log, Selection(passes=frozenset({"confusions"})), agent="auditor")
    revert(cleaned.log, Selection(passes=frozenset({"rules"})), agent="auditor")
    assert verify(cleaned.log).failures == ()


def test_reverting_into_another_folder_leaves_the_outputs_alone(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path, *NO_DETECTOR)
    before = outputs(cleaned)
    target = tmp_path / "reverted"
    revert(cleaned.log, Selection(passes=frozenset({"confusions"})), agent="auditor", output=target)
    assert outputs(cleaned) == before
    paths = document_paths(cleaned)
    touched = {paths[int(str(r["doc"]))].name for r in logged_edits(cleaned) if r["pass"] == "confusions"}
    skipped = cleaned_with(cleaned, Config(passes=tuple(name for name in PASSES if name != "confusions")))
    assert {path.name: path.read_text("utf-8") for path in target.iterdir()} == {
        name: skipped[name] for name in touched
    }
    assert verify(cleaned.log).ok


def test_reverting_a_rule_removes_the_merged_edits_it_took_part_in(tmp_path: Path) -> None:
    source, log, output = tmp_path / "a.txt", tmp_path / "log.jsonl", tmp_path / "out.txt"
    source.write_text("地位 and 作用，总书动", "utf-8")
    merged = edit("地位 and 作用，总书动", 2, 7, "和", rule="space.cjk+latin.and")
    alone = edit("地位 and 作用，总书动", 12, 13, "记", rule="总书记.动")
    log_document(log, source, [(merged, "auto", None), (alone, "auto", None)], output)
    revert(log, Selection(rules=frozenset({"latin.and"})), agent="auditor")
    assert output.read_text("utf-8") == "地位 and 作用，总书记"


def test_reverting_every_edit_gives_back_the_input_text(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    revert(cleaned.log, Selection(passes=frozenset(Config().passes)), agent="auditor")
    assert outputs(cleaned) == {
        path.name: decode(path.read_bytes()).text for path in sorted(cleaned.inputs.glob("*.txt"))
    }


def test_a_rule_that_never_fired_is_reported(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    result = run_cli("audit", "revert", cleaned.log, "--rule", "no.such-rule")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "cleaner: rule no.such-rule: no edit in the log has it",
        "reverted 0 edit(s) in 0 output(s), 5 unaffected",
    ]


def test_revert_needs_something_to_revert(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    result = run_cli("audit", "revert", cleaned.log)
    assert (result.exit_code, result.stderr) == (2, "cleaner: say what to revert: --rule, --pass or --id\n")


def test_an_output_that_changed_since_the_log_is_not_overwritten(tmp_path: Path) -> None:
    cleaned = clean_samples(tmp_path)
    changed = next(iter(sorted(cleaned.outputs.iterdir())))
    changed.write_text("someone else's file\n", "utf-8")  # or a log from elsewhere naming any file
    report = revert(cleaned.log, Selection(passes=frozenset({"layout"})), agent="auditor")
    assert changed.read_text("utf-8") == "someone else's file\n"
    assert [str(failure) for failure in report.failures if "not the output this log recorded" in str(failure)]
