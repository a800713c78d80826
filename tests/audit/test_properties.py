"""Properties of the log over random edit sets on random OCR-like text: replaying the log gives the
output, reverting every edit gives the input, reverting some rules gives the output without them,
and the last decision on an edit is the one that counts."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cleaner.audit.replay import replay
from cleaner.audit.revert import revert
from cleaner.audit.select import Selection
from cleaner.audit.verify import verify
from cleaner.document import Document, decode
from cleaner.edit import Edit, apply, overlaps
from cleaner.errors import InputError
from cleaner.logread import STATUSES
from tests.strategies import PIECES, ocr_text

from .helpers import Decided, log_document, log_review

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RULES = ("confusion.a", "rule.b", "space.c+rule.b")
APPLIED = ("auto", "accepted", "edited")
replacements = st.one_of(st.sampled_from(PIECES), st.text(max_size=4))


def readable(text: str) -> Document | None:
    """The text as the log would see it once written to a file, or None if no cleaner input could hold it."""
    try:
        return decode(text.replace("\x00", "").encode("utf-8"), "input.txt")
    except InputError:
        return None


@st.composite
def edits_on(draw: st.DrawFn, text: str) -> list[Edit]:
    """Non-overlapping edits (replacements, deletions, insertions) on `text`, in text order."""
    spans = draw(st.lists(
        st.tuples(st.integers(0, len(text)), st.integers(0, 6)), max_size=12,
    ))
    chosen: list[Edit] = []
    for start, length in spans:
        end = min(len(text), start + length)
        after = draw(replacements)
        if after == text[start:end] or any(overlaps(start, end, kept.start, kept.end) for kept in chosen):
            continue
        chosen.append(Edit(start, end, text[start:end], after, "test", draw(st.sampled_from(RULES)), 0.8, "random"))
    return sorted(chosen, key=lambda edit: (edit.start, edit.end))


@st.composite
def logged_run(draw: st.DrawFn) -> tuple[Document, list[Decided]]:
    document = readable(draw(ocr_text()))
    assume(document is not None)
    assert document is not None
    decided: list[Decided] = []
    for edit in draw(edits_on(document.text)):
        status = draw(st.sampled_from(STATUSES))
        decided.append((edit, status, draw(replacements) if status == "edited" else None))
    return document, decided


def applied(text: str, decided: Sequence[Decided], dropped: frozenset[str] = frozenset()) -> str:
    kept = []
    for edit, status, final in decided:
        if status not in APPLIED or not dropped.isdisjoint(edit.rule_id.split("+")):
            continue
        after = edit.after if final is None else final
        if after != edit.before:
            kept.append(Edit(edit.start, edit.end, edit.before, after, edit.pass_name, edit.rule_id, 0.8, "r"))
    return apply(text, kept)


def logged(folder: Path, document: Document, decided: Sequence[Decided]) -> tuple[Path, Path, Path]:
    source, log, output = folder / "input.txt", folder / "log.jsonl", folder / "output.txt"
    source.write_bytes(document.text.encode("utf-8"))
    log_document(log, source, decided, output)
    return source, log, output


@SETTINGS
@given(logged_run())
def test_replaying_the_log_gives_the_output(case: tuple[Document, list[Decided]]) -> None:
    document, decided = case
    with tempfile.TemporaryDirectory() as folder:
        source, log, output = logged(Path(folder), document, decided)
        assert output.read_bytes().decode("utf-8") == applied(document.text, decided)
        assert replay(log, source).data == output.read_bytes()
        assert verify(log).failures == ()


@SETTINGS
@given(logged_run())
def test_reverting_every_edit_gives_back_the_input(case: tuple[Document, list[Decided]]) -> None:
    document, decided = case
    with tempfile.TemporaryDirectory() as folder:
        _, log, output = logged(Path(folder), document, decided)
        report = revert(log, Selection(passes=frozenset({"test"})), agent="auditor")
        assert [str(failure) for failure in report.failures] == (
            [] if decided else ["pass test: no edit in the log has it"]
        )
        assert output.read_bytes().decode("utf-8") == document.text
        assert verify(log).failures == ()


@SETTINGS
@given(logged_run(), st.sets(st.sampled_from(("confusion.a", "rule.b", "space.c")), min_size=1))
def test_reverting_rules_gives_the_output_without_their_edits(
    case: tuple[Document, list[Decided]], rules: set[str]
) -> None:
    document, decided = case
    with tempfile.TemporaryDirectory() as folder:
        _, log, output = logged(Path(folder), document, decided)
        revert(log, Selection(rules=frozenset(rules)), agent="auditor")
        assert output.read_bytes().decode("utf-8") == applied(document.text, decided, frozenset(rules))
        assert verify(log).failures == ()


@SETTINGS
@given(logged_run(), st.data())
def test_the_last_decision_on_an_edit_wins(case: tuple[Document, list[Decided]], data: st.DataObject) -> None:
    document, decided = case
    later: list[Decided] = []
    for edit, _, _ in data.draw(st.lists(st.sampled_from(decided), unique_by=lambda item: item[0].id)
                                if decided else st.just([])):
        status = data.draw(st.sampled_from(STATUSES[1:]))  # people accept, reject, edit or reset to pending
        later.append((edit, status, data.draw(replacements) if status == "edited" else None))
    final = {edit.id: (edit, status, text) for edit, status, text in [*decided, *later]}
    with tempfile.TemporaryDirectory() as folder:
        source, log, output = logged(Path(folder), document, decided)
        log_review(log, source, later, output, agent="张三")
        expected = applied(document.text, list(final.values()))
        assert (output.read_bytes().decode("utf-8"), replay(log, source).data.decode("utf-8")) == (expected, expected)
        assert verify(log).failures == ()
