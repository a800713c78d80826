"""Every shipped rule does what its own examples say, and nothing to its `keep` inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.data import data_file
from cleaner.edit import Edit, apply, overlaps
from cleaner.errors import DictionaryError
from cleaner.passes.rules import TakenSpans, rule_edits
from cleaner.rules import Rule, load_rule_files

SHIPPED = load_rule_files([data_file("rules.toml")]).rules


@pytest.mark.parametrize("rule", SHIPPED, ids=lambda rule: rule.rule_id)
def test_shipped_rule_turns_each_example_input_into_its_output(rule: Rule) -> None:
    assert rule.examples, "every shipped rule carries examples"
    for before, after in rule.examples:
        assert apply(before, rule_edits(rule, before)) == after


@pytest.mark.parametrize("rule", SHIPPED, ids=lambda rule: rule.rule_id)
def test_shipped_rule_leaves_its_keep_inputs_alone(rule: Rule) -> None:
    for text in rule.keep:
        assert rule_edits(rule, text) == []


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(text, "utf-8")
    return path


def test_a_rule_with_a_bad_pattern_is_reported_with_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, '# mine\n\n[[rule]]\nid = "x"\npattern = "(unclosed"\nreplacement = ""\nmessage = "m"\n')
    with pytest.raises(DictionaryError, match=rf"^{path}:3: bad pattern"):
        load_rule_files([path])


def test_a_rule_missing_its_message_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, '[[rule]]\nid = "x"\npattern = "a"\nreplacement = "b"\n')
    with pytest.raises(DictionaryError, match=rf"^{path}:1: rule needs a non-empty string 'message'"):
        load_rule_files([path])


def test_invalid_toml_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[[rule]]\nid = "x"\npattern = \n')
    with pytest.raises(DictionaryError, match=rf"^{path}:3: invalid TOML"):
        load_rule_files([path])


def test_a_replacement_naming_a_missing_group_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, '[[rule]]\nid = "x"\npattern = "a"\nreplacement = "\\\\2"\nmessage = "m"\n')
    with pytest.raises(DictionaryError, match="bad replacement"):
        load_rule_files([path])


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4)), max_size=40))
def test_rules_pass_keeps_the_first_of_overlapping_edits_like_a_pairwise_check(spans: list[tuple[int, int]]) -> None:
    text = "x" * 40
    proposed = [Edit(start, start + length, text[start:start + length], "y", "rules", "r", 0.9, "m")
                for start, length in spans]
    kept_by_pairs: list[Edit] = []
    for edit in proposed:
        if not any(overlaps(edit.start, edit.end, other.start, other.end) for other in kept_by_pairs):
            kept_by_pairs.append(edit)
    taken = TakenSpans()
    assert [edit for edit in proposed if taken.claim(edit)] == kept_by_pairs
