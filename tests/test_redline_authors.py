"""The redline of two revisions of a negotiation: the UN's page and styles, and every tracked change
credited to the delegation that proposed it, dated when it was proposed (a compromise: the facilitator)."""

import json

import docx
import pytest
from amend_support import english_room
from docx.oxml.ns import qn


@pytest.fixture
def room(tmp_path, run_cli):
    return english_room(tmp_path, run_cli)


def test_each_tracked_change_is_by_its_proposer_when_proposed(room, tmp_path):
    china = room("amend", "t", "--as", "China", "edit", "OP1", "--find", "Strongly", "--replace", "Firmly")
    egypt = room("amend", "t", "--as", "Egypt", "delete", "OP4")
    brazil = room("amend", "t", "--as", "Brazil", "replace", "OP2", "--text", "Requests a report;")
    room(
        "compromise", "t", brazil.strip(), "--text", "Requests a short report;", "--as", "Mexico"
    )  # accepted
    for aid in (china, egypt):
        room("accept", "t", aid.strip().split(":")[0], "--as", "Mexico")
    room("revise", "t", "--as", "Mexico")
    out = tmp_path / "redline.docx"
    room("diff", "t@rev-0", "t@Rev.1", "--docx", str(out))
    created = {a["id"]: a for a in json.loads(room("amendments", "t", "--json"))}
    word = docx.Document(str(out))
    marks = [el for tag in ("w:ins", "w:del") for el in word.element.body.iter(qn(tag))]
    words = [el for el in marks if not _text(el).strip().rstrip(".").isdigit()]
    by = {(el.get(qn("w:author")), el.get(qn("w:date"))) for el in words}
    when = {a["proposers"][0]: a["created"] for a in created.values() if a["status"] == "accepted"}
    assert {who for who, _ in by} == {"China", "Egypt", "Mexico"}  # Mexico: the facilitator's compromise
    for who, date in by:
        assert date[:19] == when[who][:19]
    # the deleted paragraph's number goes with Egypt's deletion; the next one's renumbering is no one's
    numbers = {el.get(qn("w:author")) for el in marks if el not in words}
    assert numbers == {"Egypt", "draftroom"}
    section = word.sections[0]
    assert (section.left_margin.twips, section.right_margin.twips, section.page_width.twips) == (
        1200,
        1200,
        12240,
    )
    styles = {p.style.name for p in word.paragraphs if p.text}
    assert styles <= {"__Single Txt", "Title_H1"} and "__Single Txt" in styles


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t"), qn("w:delText")))
