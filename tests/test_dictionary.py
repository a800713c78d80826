"""Confusion dictionaries: format, validation with file:line errors, conditions, matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Config, clean
from cleaner.dictionary import load_dictionaries
from cleaner.errors import DictionaryError
from cleaner.passes.confusions import ConfusionsPass


def dictionary(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def pass_for(path: Path) -> ConfusionsPass:
    loaded = load_dictionaries([path])
    return ConfusionsPass(loaded.entries, loaded.sources)


def test_a_line_without_enough_fields_is_reported_with_file_and_line(tmp_path: Path) -> None:
    path = dictionary(tmp_path, "# comment", "ok\t甲\t乙", "broken 甲 乙")
    with pytest.raises(DictionaryError, match=rf"^{path}:3: expected id, wrong, right"):
        load_dictionaries([path])


def test_an_unknown_condition_is_reported(tmp_path: Path) -> None:
    path = dictionary(tmp_path, "x\t甲\t乙\tnear=丙")
    with pytest.raises(DictionaryError, match=rf"^{path}:1: unknown condition 'near'"):
        load_dictionaries([path])


def test_an_exception_must_contain_the_wrong_string(tmp_path: Path) -> None:
    path = dictionary(tmp_path, "x\t平合\t平台\texcept=公平")
    with pytest.raises(DictionaryError, match="does not contain"):
        load_dictionaries([path])


def test_a_duplicate_id_names_both_places(tmp_path: Path) -> None:
    path = dictionary(tmp_path, "x\t甲\t乙", "x\t丙\t丁")
    with pytest.raises(DictionaryError, match=rf"^{path}:2: duplicate id 'x' \(first at {path}:1\)"):
        load_dictionaries([path])


def test_an_entry_that_changes_nothing_is_rejected(tmp_path: Path) -> None:
    path = dictionary(tmp_path, "x\t甲\t甲")
    with pytest.raises(DictionaryError, match="the same"):
        load_dictionaries([path])


def test_the_longest_match_wins_where_keys_overlap(tmp_path: Path) -> None:
    confusions = pass_for(dictionary(tmp_path, "short\t书动\t书记", "long\t总书动\t总书纪"))
    (edit,) = confusions.propose("习近平总书动")
    assert (edit.rule_id, edit.before, edit.after) == ("long", "动", "纪")


def test_edits_cover_only_the_characters_that_change(tmp_path: Path) -> None:
    confusions = pass_for(dictionary(tmp_path, "drop\t能人才\t技能人才"))
    (edit,) = confusions.propose("宣传能人才")
    assert (edit.start, edit.end, edit.before, edit.after) == (2, 2, "", "技")


def test_context_conditions_restrict_where_an_entry_fires(tmp_path: Path) -> None:
    path = dictionary(tmp_path, "x\t风来\t风采\tbefore=(人才|青春) not_after=[了]")
    confusions = pass_for(path)
    assert [e.after for e in confusions.propose("展示人才风来，")] == ["采"]
    assert confusions.propose("一阵风来，") == []
    assert confusions.propose("青春风来了") == []


def test_a_review_entry_is_proposed_but_not_applied(tmp_path: Path) -> None:
    path = dictionary(tmp_path, "x\t甲乙\t甲丙\tsafety=review confidence=0.5")
    result = clean("甲乙", Config(passes=("confusions",), dictionaries=(path,)))
    assert result.text == "甲乙"
    assert [(e.after, e.confidence) for e in result.pending] == [("丙", 0.5)]


def test_a_user_dictionary_adds_to_the_shipped_one(tmp_path: Path) -> None:
    path = dictionary(tmp_path, "mine.党建\t党律\t党建\t\tmy own confusion")
    result = clean("加强党律工作，总书动", Config(passes=("confusions",), dictionaries=(path,)))
    assert result.text == "加强党建工作，总书记"


def test_ten_thousand_entries_load_and_match(tmp_path: Path) -> None:
    lines = [f"e{n}\t{chr(0x4E00 + n)}{chr(0x4E00 + n + 1)}甲\t{chr(0x4E00 + n)}乙" for n in range(10_000)]
    confusions = pass_for(dictionary(tmp_path, *lines))
    text = chr(0x4E00 + 42) + chr(0x4E00 + 43) + "甲"
    (edit,) = confusions.propose(text)
    assert edit.rule_id == "e42"
