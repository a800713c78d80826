from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.compose import Proposals
from cleaner.edit import Edit, Safety, apply, make_edit


def edit(text: str, start: int, end: int, after: str, safety: Safety = Safety.AUTO, rule: str = "r") -> Edit:
    return make_edit(text, start, end, after, pass_name=rule, rule_id=rule, confidence=0.9,
                     reason=f"because {rule}", safety=safety)


def test_a_later_pass_sees_earlier_changes_and_its_edits_map_back_to_the_input() -> None:
    original = "总书\n动贺信,"
    proposals = Proposals(original)
    proposals.add(original, [edit(original, 2, 3, "", rule="join")])
    current = proposals.current_text()
    assert current == "总书动贺信,"
    proposals.add(current, [edit(current, 5, 6, "，", rule="comma")])
    comma = next(e for e in proposals.applied if e.rule_id == "comma")
    assert (comma.start, comma.before) == (6, ",")
    assert apply(original, proposals.applied) == "总书动贺信，"


def test_an_edit_overlapping_an_earlier_one_merges_and_keeps_both_reasons() -> None:
    original = "总书\n动"
    proposals = Proposals(original)
    proposals.add(original, [edit(original, 2, 3, "", rule="join")])
    current = proposals.current_text()
    proposals.add(current, [edit(current, 1, 3, "书记", rule="confusion")])
    (merged,) = proposals.applied
    assert (merged.start, merged.end, merged.before, merged.after) == (1, 4, "书\n动", "书记")
    assert merged.reason == "because join; because confusion"
    assert merged.rule_id == "join+confusion"


def test_an_insertion_beside_what_an_earlier_insertion_put_in_merges_with_it() -> None:
    # (against the input both insert at one point: two Edits there could not be applied in order)
    original = "双品牌\n（三）"
    proposals = Proposals(original)
    current = proposals.add(original, [edit(original, 3, 3, "”", rule="quote")])
    assert current == "双品牌”\n（三）"
    current = proposals.add(current, [edit(current, 4, 4, "。", rule="stop")])
    (merged,) = proposals.applied
    assert (merged.start, merged.end, merged.before, merged.after, merged.rule_id) == (3, 3, "", "”。", "quote+stop")
    assert apply(original, proposals.applied) == current == "双品牌”。\n（三）"


def test_an_insertion_before_what_an_earlier_insertion_put_in_merges_with_it_too() -> None:
    original = "双品牌\n"
    proposals = Proposals(original)
    current = proposals.add(original, [edit(original, 3, 3, "”", rule="quote")])
    current = proposals.add(current, [edit(current, 3, 3, "“", rule="open")])
    assert apply(original, proposals.applied) == current == "双品牌“”\n"
    assert len(proposals.applied) == 1


def test_an_edit_dropped_beside_a_pending_one_puts_back_only_what_it_merged() -> None:
    # (the insertion of round two merges with round one's; the deletion, dropped for overlapping the
    # pending one, merged nothing, so nothing of round one comes back beside the merged insertion)
    original = "a"
    proposals = Proposals(original)
    current = proposals.add(original, [edit(original, 0, 0, "X", rule="one"),
                                       edit(original, 0, 1, "", Safety.REVIEW, rule="one")])
    current = proposals.add(current, [edit(current, 0, 0, "X", rule="two"), edit(current, 1, 2, "", rule="two")])
    assert [(e.start, e.end, e.after) for e in proposals.applied] == [(0, 0, "XX")]
    assert apply(original, proposals.applied) == current == "XXa"
    apply(original, proposals.applied + proposals.pending)


def test_a_pass_looking_again_may_decide_what_it_left_for_review() -> None:
    original = "（三） )甘"
    proposals = Proposals(original)
    current = proposals.add(original, [edit(original, 3, 4, "", rule="punctuation"),
                                       edit(original, 4, 5, "）", Safety.REVIEW, rule="punctuation")])
    assert current == "（三）)甘"
    current = proposals.add(current, [edit(current, 3, 4, "", rule="punctuation")], lambda _edit: True)
    assert (current, proposals.pending) == ("（三）甘", [])
    assert apply(original, proposals.applied) == current


def test_another_pass_never_overrides_a_pending_edit() -> None:
    original = "（三） )甘"
    proposals = Proposals(original)
    current = proposals.add(original, [edit(original, 3, 4, "", rule="punctuation"),
                                       edit(original, 4, 5, "）", Safety.REVIEW, rule="punctuation")])
    current = proposals.add(current, [edit(current, 3, 4, "", rule="rules")], lambda _edit: True)
    assert current == "（三）)甘"
    assert [e.after for e in proposals.pending] == ["）"]


def test_merging_with_a_review_edit_makes_the_whole_change_pending() -> None:
    original = "a\nb"
    proposals = Proposals(original)
    proposals.add(original, [edit(original, 1, 2, "", rule="join")])
    current = proposals.current_text()
    proposals.add(current, [edit(current, 0, 2, "AB", Safety.REVIEW, rule="guess")])
    assert proposals.applied == []
    assert [(e.before, e.after) for e in proposals.pending] == [("a\nb", "AB")]


def test_a_later_edit_that_undoes_an_earlier_one_leaves_no_edit() -> None:
    original = "ab"
    proposals = Proposals(original)
    proposals.add(original, [edit(original, 0, 1, "x")])
    current = proposals.current_text()
    proposals.add(current, [edit(current, 0, 1, "a", rule="back")])
    assert proposals.applied == []


def test_an_edit_overlapping_a_pending_one_is_dropped() -> None:
    original = "abc"
    proposals = Proposals(original)
    proposals.add(original, [edit(original, 1, 2, "B", Safety.REVIEW)])
    proposals.add(original, [edit(original, 0, 2, "xy", rule="late")])
    assert [e.after for e in proposals.pending] == ["B"]
    assert proposals.applied == []
    assert [e.rule_id for e in proposals.dropped] == ["late"]


@st.composite
def two_rounds(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    text = draw(st.text(alphabet="ab\n，,", min_size=0, max_size=20))

    def spans(length: int) -> list[tuple[int, int, str]]:
        cuts = sorted(draw(st.lists(st.integers(0, length), max_size=6, unique=True)))
        return [(s, e, draw(st.text(alphabet="XY", max_size=2))) for s, e in zip(cuts[::2], cuts[1::2], strict=False)]

    first = spans(len(text))
    return text, first, spans(len(text) + 12)


@given(two_rounds())
def test_composed_edits_reproduce_the_text_the_passes_produced(case) -> None:  # type: ignore[no-untyped-def]
    text, first, second = case
    proposals = Proposals(text)
    round_one = [edit(text, s, e, a) for s, e, a in first if a != text[s:e]]
    proposals.add(text, round_one)
    current = proposals.current_text()
    round_two = [edit(current, s, e, a, rule="two") for s, e, a in second
                 if e <= len(current) and a != current[s:e]]
    proposals.add(current, round_two)
    assert apply(text, proposals.applied) == apply(current, round_two)


@st.composite
def rounds_with_insertions(draw: st.DrawFn) -> tuple[str, list[list[tuple[float, float, str, bool]]]]:
    """A text and three rounds of disjoint changes against the text as the rounds before leave it,
    insertions (start == end) and changes for review among them: positions are relative to the
    text's length."""
    text = draw(st.text(alphabet="ab\n，", min_size=0, max_size=16))

    def spans() -> list[tuple[float, float, str, bool]]:
        cuts = sorted(draw(st.lists(st.floats(0, 1), max_size=6)))
        return [(s, e, draw(st.text(alphabet="XY。”", min_size=0 if s < e else 1, max_size=2)), draw(st.booleans()))
                for s, e in zip(cuts[::2], cuts[1::2], strict=False)]

    return text, [spans() for _round in range(3)]


@given(rounds_with_insertions())
def test_composed_edits_reproduce_the_text_when_rounds_insert_beside_each_other(case) -> None:  # type: ignore[no-untyped-def]
    text, rounds = case
    proposals = Proposals(text)
    current = text
    for number, relative in enumerate(rounds):
        spans = sorted({(round(s * len(current)), round(e * len(current)), after, review)
                        for s, e, after, review in relative})
        edits: list[Edit] = []
        for start, end, after, review in spans:
            if edits and (start < edits[-1].end or (start == end and edits[-1].start == edits[-1].end == start)):
                continue  # (keep a round's own edits disjoint, as a pass's are)
            if after != current[start:end]:
                edits.append(edit(current, start, end, after, Safety.REVIEW if review else Safety.AUTO,
                                  rule=f"round{number}"))
        current = proposals.add(current, edits)
        assert apply(text, proposals.applied) == current
        apply(text, proposals.applied + proposals.pending)  # applied and pending never overlap
