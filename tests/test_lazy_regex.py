"""A lazily compiled pattern behaves as the compiled one, and compiles only when first used."""

from __future__ import annotations

import re

from cleaner.lazy_regex import lazy_compile


def test_a_lazy_pattern_matches_as_the_compiled_one() -> None:
    pattern = lazy_compile("[\u4e00-\u9fff]{2}(?=市)")
    compiled = re.compile("[\u4e00-\u9fff]{2}(?=市)")
    text = "青岚市和梧州市"
    assert [match.span() for match in pattern.finditer(text)] == [match.span() for match in compiled.finditer(text)]
    assert pattern.match(text, 4) is not None and pattern.search("无") is None
    assert pattern.sub("X", text) == compiled.sub("X", text)


def test_its_source_is_read_without_compiling_it() -> None:
    pattern = lazy_compile("(?m)^a")
    assert pattern.pattern == "(?m)^a"
    assert "match" not in vars(pattern)  # (nothing compiled yet)
    assert pattern.match("a") is not None
    assert "match" in vars(pattern)  # (the compiled pattern's method, kept)
