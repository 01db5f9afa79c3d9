"""draftroom.record makes the model's classes as dataclasses does: checked against dataclasses itself."""

import dataclasses

import pytest

from draftroom.model import Document, Paragraph
from draftroom.model.revision import Revision
from draftroom.record import FrozenInstanceError, asdict, field, names, record, replace


@record
class Note:
    number: int
    text: str = ""
    tags: list[str] = field(default_factory=list)


@dataclasses.dataclass
class DataNote:
    number: int
    text: str = ""
    tags: list[str] = dataclasses.field(default_factory=list)


@record(frozen=True, order=True)
class Point:
    x: int
    y: int = 0


@dataclasses.dataclass(frozen=True, order=True)
class DataPoint:
    x: int
    y: int = 0


def test_init_defaults_and_a_fresh_list_for_each():
    a, b = Note(1), Note(2, "two", ["x"])
    assert (a.number, a.text, a.tags, b.tags) == (1, "", [], ["x"])
    a.tags.append("y")
    assert Note(3).tags == [] and "tags" not in Note.__dict__
    assert Note(number=4, text="t").text == "t"
    with pytest.raises(TypeError):
        Note()  # type: ignore[call-arg]


def test_repr_equality_and_hash_as_dataclasses_has_them():
    assert repr(Note(1, "a", ["b"])).removeprefix("Note") == repr(DataNote(1, "a", ["b"])).removeprefix(
        "DataNote"
    )
    assert Note(1, "a") == Note(1, "a") and Note(1, "a") != Note(1, "b")
    assert Note(1) != DataNote(1) and Note.__match_args__ == ("number", "text", "tags")
    with pytest.raises(TypeError):
        hash(Note(1))  # mutable: unhashable, as a dataclass


def test_frozen_and_ordered_as_dataclasses_has_them():
    p = Point(1, 2)
    with pytest.raises(FrozenInstanceError):
        p.x = 3  # type: ignore[misc]
    assert hash(p) == hash(Point(1, 2)) and {p, Point(1, 2)} == {p}
    pairs = [(1, 2), (1, 3), (2, 0), (0, 9)]
    assert [(q.x, q.y) for q in sorted(Point(*xy) for xy in pairs)] == [
        (q.x, q.y) for q in sorted(DataPoint(*xy) for xy in pairs)
    ]
    assert Point(1) <= Point(1) and Point(2) > Point(1, 5) and not Point(1) < Point(1)
    assert Revision(1) < Revision(2) and sorted([Revision(3), Revision(0)]) == [Revision(0), Revision(3)]


def test_replace_asdict_and_names():
    n = Note(1, "a", ["b"])
    assert replace(n, text="c") == Note(1, "c", ["b"]) and n.text == "a"
    assert replace(DataNote(1), text="d") == DataNote(1, "d")  # a dataclass: dataclasses'
    doc = Document(title="T", operative=[Paragraph("p1", "x", 1, items=[Paragraph("i1", "y", marker="a")])])
    as_dict = asdict(doc)
    assert as_dict["operative"][0]["items"][0] == {**asdict(Paragraph("i1", "y", marker="a"))}
    assert as_dict["closing"] == {"meeting": None, "date": None} and as_dict["title"] == "T"
    assert asdict(Note(1, "a", ["b"])) == dataclasses.asdict(DataNote(1, "a", ["b"]))
    assert names(Note) == names(Note(1)) == tuple(f.name for f in dataclasses.fields(DataNote))


def test_a_field_without_a_default_after_one_with_is_refused():
    with pytest.raises(TypeError, match="without a default"):

        @record
        class Bad:
            a: int = 0
            b: int
