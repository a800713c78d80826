from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.config import Config, load_config_file, select_passes
from cleaner.errors import ConfigError


def test_skip_removes_a_pass_and_keeps_the_order() -> None:
    assert "variants" not in select_passes(skip=["variants"])
    assert select_passes(only=["rules", "confusions"]) == ("confusions", "rules")


def test_an_unknown_pass_name_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown pass 'speling'"):
        select_passes(skip=["speling"])


def test_a_config_file_switches_passes_off_and_adds_dictionaries(tmp_path: Path) -> None:
    path = tmp_path / "cleaner.toml"
    path.write_text('[cleaner]\nskip = ["variants"]\ndictionaries = ["my.tsv", "my.toml"]\n', "utf-8")
    config = load_config_file(path, Config())
    assert "variants" not in config.passes
    assert config.dictionaries == (tmp_path / "my.tsv",)
    assert config.rules == (tmp_path / "my.toml",)


def test_an_unknown_config_key_is_reported_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cleaner.toml"
    path.write_text('[cleaner]\nskipp = ["variants"]\n', "utf-8")
    with pytest.raises(ConfigError, match=rf"^{path}: unknown key 'skipp'"):
        load_config_file(path)


def test_invalid_toml_in_a_config_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "cleaner.toml"
    path.write_text("[cleaner\n", "utf-8")
    with pytest.raises(ConfigError, match=rf"^{path}: invalid TOML"):
        load_config_file(path)
