"""Edit ids numbered in order of arrival, kept in arrays."""

from __future__ import annotations

import random

import pytest

from cleaner.audit.idtable import IdTable


def test_ids_are_numbered_in_order_of_arrival() -> None:
    table = IdTable()
    assert [table.number(edit_id) for edit_id in ("2944a06711fac3d2", "9a0f00000000beef")] == [(0, True), (1, True)]


def test_an_id_seen_before_keeps_its_number() -> None:
    table = IdTable()
    table.number("2944a06711fac3d2")
    table.number("9a0f00000000beef")
    assert (table.number("2944a06711fac3d2"), len(table)) == ((0, False), 2)


def test_an_id_never_numbered_is_not_found() -> None:
    table = IdTable()
    table.number("2944a06711fac3d2")
    assert table.find("2944a06711fac3d3") is None


@pytest.mark.parametrize("edit_id", [
    "0000000000000000", "2944a06711fac3d2", "2944A06711FAC3D2", "+944a06711fac3d2", "0x44a06711fac3d2",
    "2944_06711fac3d2", "edit-1", "",
])
def test_an_id_is_given_back_as_written(edit_id: str) -> None:
    table = IdTable()
    table.number("ffffffffffffffff")
    number, _ = table.number(edit_id)
    assert (table.id(number), table.find(edit_id)) == (edit_id, number)


def test_ids_that_spell_the_same_number_differently_are_different_ids() -> None:
    table = IdTable()
    table.number("2944a06711fac3d2")
    assert table.number("2944A06711FAC3D2") == (1, True)


def test_many_ids_keep_their_numbers_as_the_table_grows() -> None:
    generator = random.Random(7)
    ids = [f"{generator.getrandbits(64):016x}" for _ in range(20_000)] + [f"id-{n}" for n in range(100)]
    table = IdTable()
    for edit_id in ids:
        table.number(edit_id)
    assert [table.find(edit_id) for edit_id in ids] == list(range(len(ids)))
    assert [table.id(number) for number in range(len(ids))] == ids
