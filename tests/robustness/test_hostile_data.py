"""User dictionaries and rules are data: they cannot hang the run or run code."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner.passes.rules as rules_pass
from cleaner import Config
from cleaner.errors import CleanerError, DictionaryError
from cleaner.pipeline import Pipeline


def test_a_catastrophically_backtracking_rule_is_stopped_with_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules_pass, "MATCH_TIMEOUT", 0.2)
    path = tmp_path / "evil.toml"
    path.write_text('[[rule]]\nid = "evil"\npattern = "(a|aa)+$"\nreplacement = "x"\nmessage = "m"\n', "utf-8")
    pipeline = Pipeline(Config(passes=("rules",), rules=(path,), builtin_data=False))
    with pytest.raises(CleanerError, match=rf"^{path}:1: rule 'evil' took over 0.2s"):
        pipeline.run("a" * 40 + "!")


def test_a_replacement_cannot_call_code(tmp_path: Path) -> None:
    path = tmp_path / "code.toml"
    path.write_text(
        '[[rule]]\nid = "code"\npattern = "(甲)"\nreplacement = "{__import__(\'os\')}"\nmessage = "m"\n', "utf-8"
    )
    pipeline = Pipeline(Config(passes=("rules",), rules=(path,), builtin_data=False))
    assert pipeline.run("甲").text == "{__import__('os')}"


def test_a_huge_dictionary_with_one_bad_line_names_that_line(tmp_path: Path) -> None:
    lines = [f"e{n}\t{chr(0x4E00 + n % 20000)}{n}\t乙" for n in range(50_000)]
    lines[31_337] = "broken-line-without-tabs"
    path = tmp_path / "huge.tsv"
    path.write_text("\n".join(lines), "utf-8")
    with pytest.raises(DictionaryError, match=rf"^{path}:31338: "):
        Pipeline(Config(passes=("confusions",), dictionaries=(path,))).passes  # noqa: B018


def test_a_dictionary_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gbk.tsv"
    path.write_bytes("x\t甲\t乙\n".encode("gbk"))
    with pytest.raises(DictionaryError, match=rf"^{path}: not UTF-8"):
        Pipeline(Config(passes=("confusions",), dictionaries=(path,))).passes  # noqa: B018
