from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import cli
from cleaner.errors import DictionaryError
from cleaner.learn import (
    TextPair,
    format_confusions,
    held_in,
    learn,
    learn_pages,
    load_confusion_table,
    merged,
    parse_confusion_table,
    read_log_pairs,
)
from cleaner.lexicon import parse_lexicon

LEXICON = parse_lexicon("贯彻\t400\n精神\t450\n学习\t500\n")


def test_substitutions_are_counted_against_the_truth_character() -> None:
    learned = learn([TextPair("学习货彻精神", "学习贯彻精神"), TextPair("贯彻", "贯彻")])
    counted = {(c.wrong, c.right): (c.count, c.right_total) for c in learned.confusions}
    assert counted == {("货", "贯"): (1, 2)}


def test_whitespace_is_ignored_when_aligning() -> None:
    learned = learn([TextPair("学 习\n贯彻", "学习贯彻")])
    assert learned.confusions == ()


def test_dropped_and_extra_characters_are_pairs_with_nothing() -> None:
    learned = learn([TextPair("学习贯彻精神和", "学习贯彻精")])
    assert sorted((c.wrong, c.right) for c in learned.confusions) == [("和", ""), ("神", "")]


def test_a_non_word_made_of_a_word_becomes_a_dictionary_entry() -> None:
    learned = learn([TextPair("学习货彻精神", "学习贯彻精神")], LEXICON)
    assert [(fix.wrong, fix.right, fix.count) for fix in learned.word_fixes] == [("货彻", "贯彻", 1)]


def test_the_table_holds_pairs_and_numbers_only_and_reads_back() -> None:
    table = parse_confusion_table(format_confusions(learn([TextPair("学习货彻", "学习贯彻")])))
    assert (table.counts, table.wrongs_by_right, table.of("货", "贯")) == (
        {("货", "贯"): 1}, {"贯": ("货",)}, 0.0
    )


def test_a_loaded_table_answers_by_search_as_it_does_once_parsed(tmp_path: Path) -> None:
    path = tmp_path / "learned.tsv"
    path.write_text("# header\n民\t氏\t3\t10\t-0.523\n和\t\t2\t100\t-1.699\n\t的\t5\t100\t-1.301\n", "utf-8")
    table = load_confusion_table(path)
    pairs = [("民", "氏"), ("和", ""), ("", "的"), ("氏", "民"), ("民", "")]
    searched = [table.pair(*pair) for pair in pairs]
    assert searched == [(3, -0.523), (2, -1.699), (5, -1.301), None, None]
    assert table.counts == {("民", "氏"): 3, ("和", ""): 2, ("", "的"): 5}
    assert [table.pair(*pair) for pair in pairs] == searched


def test_a_malformed_line_names_the_file_and_line_whichever_way_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "learned.tsv"
    path.write_text("# header\n民\t氏\t3\t10\t-0.523\n的\t白\tmany\t10\t-1\n", "utf-8")
    with pytest.raises(DictionaryError, match=r"learned.tsv:3: expected wrong<TAB>right"):
        load_confusion_table(path).pair("的", "白")
    with pytest.raises(DictionaryError, match=r"learned.tsv:3: expected wrong<TAB>right"):
        parse_confusion_table(path.read_text("utf-8"), str(path))


def test_pages_count_only_a_hanzi_read_for_another_between_two_read_right() -> None:
    # 货 for 贯 between 习 and 彻 counts; 情 for 精 at the page's start, 补 for 神 beside a misread
    # mark, 2 for 二 (no hanzi) and the drifting stretch after a lost line do not.
    page = TextPair("情神学习货彻，大会精补。第2条乙丙丁戊", "精神学习贯彻，大会精神，第二条甲乙丙丁戊")
    learned = learn_pages([page], padding=0)
    assert [(c.wrong, c.right, c.count, c.right_total) for c in learned.confusions] == [("货", "贯", 1, 1)]


def test_a_character_seldom_on_the_pages_counts_against_a_padded_total() -> None:
    learned = learn_pages([TextPair("邹火柴，邹火荣", "邹火荣，邹火荣")], padding=30)
    assert [(c.wrong, c.right, c.count, c.right_total) for c in learned.confusions] == [("柴", "荣", 1, 32)]


def test_merged_sources_keep_each_pair_where_it_is_likelier() -> None:
    sentences = learn([TextPair("学习货彻", "学习贯彻")] + [TextPair("贯彻", "贯彻")] * 3)  # 货 for 贯: 1 in 4
    pages = learn_pages([TextPair("学习货彻好，干部人民", "学习贯彻好，干部入民")], padding=0)  # 货 for 贯 1 in 1
    table = {(c.wrong, c.right): (c.count, c.right_total) for c in merged(sentences, pages).confusions}
    assert table == {("货", "贯"): (1, 1), ("人", "入"): (1, 1)}
    assert merged(sentences, learn_pages([])).confusions == sentences.confusions


def test_every_fifth_record_is_held_out() -> None:
    pairs = [TextPair(str(n), str(n)) for n in range(1, 11)]
    assert [pair.ocr for pair in held_in(pairs, 5)] == ["1", "2", "3", "4", "6", "7", "8", "9"]


def test_a_review_log_yields_accepted_edits_with_their_context(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    records = [
        {"type": "edit", "id": "a", "before": "货", "after": "贯", "context_before": "学习", "context_after": "彻"},
        {"type": "edit", "id": "b", "before": "人", "after": "大", "context_before": "工", "context_after": "作"},
        {"type": "decision", "edit": "a", "status": "accepted"},
        {"type": "decision", "edit": "b", "status": "rejected"},
    ]
    log.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert list(read_log_pairs(log)) == [TextPair("学习货彻", "学习贯彻")]


def test_learn_command_writes_the_table(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"ocr": "学习货彻", "truth": "学习贯彻"}, ensure_ascii=False) + "\n", "utf-8")
    output = tmp_path / "learned.tsv"
    result = CliRunner().invoke(cli, ["learn", str(pairs), "-o", str(output)])
    assert result.exit_code == 0
    assert output.read_text("utf-8").splitlines()[-1] == "货\t贯\t1\t1\t0.000"


def test_learn_command_reports_a_bad_record_in_one_line(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"ocr": "x"}\n', "utf-8")
    result = CliRunner().invoke(cli, ["learn", str(pairs)])
    assert (result.exit_code, result.output.strip()) == (
        2, f"cleaner: {pairs}:1: record needs string fields 'ocr' and 'truth'"
    )


def test_learn_command_never_learns_from_excluded_ids(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    records = [{"id": "doc_1/p1", "ocr": "学习货彻", "truth": "学习贯彻"},
               {"id": "doc_2/p1", "ocr": "大会精补", "truth": "大会精神"}]
    pairs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    output = tmp_path / "learned.tsv"
    result = CliRunner().invoke(cli, ["learn", str(pairs), "--exclude-ids", "^doc_2/", "-o", str(output)])
    assert (result.exit_code, output.read_text("utf-8").splitlines()[-2:]) == (
        0, ["# Learned from 1 corrected pairs.", "货\t贯\t1\t1\t0.000"])


def test_learn_command_rejects_a_bad_exclusion_pattern(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"ocr": "x", "truth": "y"}\n', "utf-8")
    result = CliRunner().invoke(cli, ["learn", str(pairs), "--exclude-ids", "("])
    assert (result.exit_code, "--exclude-ids" in result.output) == (2, True)


def test_learn_command_learns_from_pages_beside_the_pairs(tmp_path: Path) -> None:
    pairs, pages = tmp_path / "pairs.jsonl", tmp_path / "pages.jsonl"
    pairs.write_text(json.dumps({"ocr": "学习货彻", "truth": "学习贯彻"}, ensure_ascii=False) + "\n", "utf-8")
    pages.write_text(json.dumps({"ocr": "干部人民群众", "truth": "干部入民群众"}, ensure_ascii=False) + "\n", "utf-8")
    output = tmp_path / "learned.tsv"
    result = CliRunner().invoke(cli, ["learn", str(pairs), "--pages", str(pages), "-o", str(output)])
    assert (result.exit_code, output.read_text("utf-8").splitlines()[-3:]) == (
        0, ["# Learned from 2 corrected pairs.", "人\t入\t1\t31\t-1.491", "货\t贯\t1\t1\t0.000"])
