from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.edit import Edit, Safety, apply, edits_in_bulk, fast_edit, make_edit
from cleaner.errors import EditMismatchError


def edit(text: str, start: int, end: int, after: str, rule: str = "r") -> Edit:
    return make_edit(text, start, end, after, pass_name="p", rule_id=rule, confidence=1.0, reason="test")


def test_apply_replaces_spans_without_shifting_later_ones() -> None:
    text = "殿切期望,平合"
    edits = [edit(text, 0, 1, "殷"), edit(text, 4, 5, "，"), edit(text, 6, 7, "台"), edit(text, 2, 2, "XX")]
    assert apply(text, edits) == "殷切XX期望，平台"


def test_apply_rejects_an_edit_whose_before_does_not_match() -> None:
    stale = Edit(0, 1, "殿", "殷", "p", "r", 1.0, "test")
    with pytest.raises(EditMismatchError):
        apply("宫殿", [stale])


def test_apply_rejects_overlapping_edits() -> None:
    text = "abcdef"
    with pytest.raises(EditMismatchError):
        apply(text, [edit(text, 0, 3, "x"), edit(text, 2, 4, "y")])


def test_two_insertions_at_one_point_are_ambiguous_and_rejected() -> None:
    text = "ab"
    with pytest.raises(EditMismatchError):
        apply(text, [edit(text, 1, 1, "x"), edit(text, 1, 1, "y")])


def test_edit_id_is_stable_and_depends_on_position_change_and_rule() -> None:
    text = "殿切"
    assert edit(text, 0, 1, "殷").id == edit(text, 0, 1, "殷").id
    assert edit(text, 0, 1, "殷").id != edit(text, 0, 1, "殷", rule="other").id
    assert edit(text, 0, 1, "殷").id != edit(text, 0, 1, "段").id


def test_edit_refuses_a_span_that_does_not_fit_its_before() -> None:
    with pytest.raises(ValueError):
        Edit(0, 2, "殿", "殷", "p", "r", 1.0, "test", Safety.AUTO)


@st.composite
def text_and_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    text = draw(st.text(alphabet="殿切平合台，, \n", max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8, unique=True)))
    edits = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        after = draw(st.text(alphabet="殷台X", max_size=3))
        if after != text[start:end]:
            edits.append(edit(text, start, end, after))
    return text, edits


@given(text_and_edits())
def test_reverting_every_edit_restores_the_input(case: tuple[str, list[Edit]]) -> None:
    text, edits = case
    output = apply(text, edits)
    # Express each edit against the output and invert it.
    inverse, shift = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        start = e.start + shift
        inverse.append(Edit(start, start + len(e.after), e.after, e.before, "p", "undo", 1.0, "undo"))
        shift += len(e.after) - len(e.before)
    assert apply(output, inverse) == text


@given(text_and_edits())
def test_no_edit_touches_text_outside_its_span(case: tuple[str, list[Edit]]) -> None:
    text, edits = case
    output = apply(text, edits)
    position, shift = 0, 0
    for e in sorted(edits, key=lambda e: e.start):
        assert output[position + shift:e.start + shift] == text[position:e.start]
        shift += len(e.after) - len(e.before)
        position = e.end
    assert output[position + shift:] == text[position:]


def test_fast_edit_builds_the_same_edit_as_the_constructor() -> None:
    built = fast_edit(3, 5, "\n\n", "", "layout", "join.wrapped", 0.95, "a wrap", Safety.REVIEW, ("x",), "e")
    assert built == Edit(3, 5, "\n\n", "", "layout", "join.wrapped", 0.95, "a wrap", Safety.REVIEW, ("x",), "e")


def test_fast_edit_checks_its_span_like_the_constructor() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        fast_edit(3, 5, "\n", "", "layout", "join.wrapped", 0.95, "a wrap")


def test_edits_in_bulk_are_the_edits_built_one_by_one() -> None:
    text = "第一行\n第二行\n\n第三行"
    bulk = edits_in_bulk([3, 7], [4, 9], ["\n", "\n\n"], "", "layout", "join.wrapped", 0.95, "a wrap")
    assert bulk == [Edit(3, 4, "\n", "", "layout", "join.wrapped", 0.95, "a wrap"),
                    Edit(7, 9, "\n\n", "", "layout", "join.wrapped", 0.95, "a wrap")]
    assert apply(text, bulk) == "第一行第二行第三行"


def test_edits_in_bulk_refuse_a_span_that_does_not_fit_its_before() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        edits_in_bulk([3], [5], ["\n"], "", "layout", "join.wrapped", 0.95, "a wrap")


def test_edits_in_bulk_refuse_an_edit_that_changes_nothing() -> None:
    with pytest.raises(ValueError, match="changes nothing"):
        edits_in_bulk([3], [4], ["\n"], "\n", "layout", "join.wrapped", 0.95, "a wrap")
