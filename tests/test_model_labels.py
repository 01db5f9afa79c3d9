import pytest

from draftroom.errors import DraftroomError
from draftroom.model import Annex, Document, Footnote, Heading, Paragraph, labels, locate, normalize_label
from draftroom.model.footnotes import renumber
from draftroom.model.jsonform import from_dict, to_dict


def sample() -> Document:
    return Document(
        preamble=[Paragraph("a", "Recalling[^2] x,"), Paragraph("b", "Noting[^1] y,")],
        operative=[
            Paragraph(
                "c",
                "Decides:",
                1,
                items=[Paragraph("d", "first;", marker="a"), Paragraph("e", "second[^2];", marker="b")],
            ),
            Paragraph("f", "Requests.", 2),
        ],
        annexes=[Annex("Plan", [Heading("I. Intro"), Paragraph("g", "We act.", 1)])],
        footnotes=[Footnote(1, "Resolution 70/1."), Footnote(2, "Ibid.")],
    )


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("op 10 (a)", "OP10(a)"),
        ("pp3", "PP3"),
        ("OP10(a)(ii)", "OP10(a)(ii)"),
        ("an 2.12", "AN2.12"),
        ("An12", "AN12"),
    ],
)
def test_normalize_label_accepts_any_case_and_spacing(raw, want):
    assert normalize_label(raw) == want


@pytest.mark.parametrize("raw", ["", "OP", "paragraph 3", "XX3", "OP3a"])
def test_normalize_label_rejects_non_labels(raw):
    with pytest.raises(DraftroomError):
        normalize_label(raw)


def test_labels_come_from_position():
    doc = sample()
    assert labels(doc) == {
        "a": "PP1",
        "b": "PP2",
        "c": "OP1",
        "d": "OP1(a)",
        "e": "OP1(b)",
        "f": "OP2",
        "g": "AN1",
    }
    doc.operative.insert(0, Paragraph("new", "Welcomes;"))
    assert labels(doc)["f"] == "OP3"
    assert locate(doc, "op 2 (b)").paragraph.id == "e"
    with pytest.raises(DraftroomError, match="no paragraph OP9"):
        locate(doc, "OP9")


def test_renumber_by_first_appearance_reuses_numbers():
    doc = sample()
    renumber(doc)
    assert doc.preamble[0].text == "Recalling[^1] x,"
    assert doc.preamble[1].text == "Noting[^2] y,"
    assert doc.operative[0].items[1].text == "second[^1];"
    assert [(f.number, f.text) for f in doc.footnotes] == [(1, "Ibid."), (2, "Resolution 70/1.")]


def test_json_round_trip():
    doc = sample()
    d = to_dict(doc)
    assert d["operative"][0]["items"][0]["label"] == "OP1(a)"
    assert d["annexes"][0]["blocks"][0] == {"kind": "heading", "text": "I. Intro", "id": None}
    assert to_dict(from_dict(d)) == d
