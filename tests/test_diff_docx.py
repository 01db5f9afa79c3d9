"""The Word redline read back by independent readers: python-docx, pandoc, LibreOffice."""

import re
import subprocess
import zipfile

import docx
import pytest
from conftest import require_tool
from diff_support import expected_paragraphs, make_doc, pandoc_paragraphs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from draftroom.diff.result import compare
from draftroom.export.footnotes import Footnotes, note_text
from draftroom.export.redline import write_redline_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

OLD = make_doc(
    [
        "Recalling its resolution 64/178 on improving the coordination of efforts against trafficking in persons,[^1]",
        "Concerned that the global economic crisis is likely to aggravate trafficking in persons,",
        "Noting the report of the Secretary-General on the crime prevention programme,[^2]",
    ],
    [
        "Urges States that have not yet done so to ratify the Convention[^3] and the Protocol;",
        "Requests the Secretary-General to provide adequate resources to the programme;",
        "Requests the Secretary-General to submit a report to the General Assembly at its sixty-eighth session.",
    ],
    ["Resolutions 55/67 and 58/137.", "A/67/156.", "United Nations, Treaty Series, vol. 2225, No. 39574."],
    title="Improving coordination against trafficking",
)
NEW = make_doc(
    [
        "Strongly condemning trafficking in persons, a crime and a serious threat to human dignity,",
        "Recalling its resolutions 64/178 and 72/195 on improving the coordination of efforts against trafficking in persons,[^1]",
        "Noting the report of the Secretary-General on the crime prevention programme,[^2]",
    ],
    [
        "Requests the Secretary-General to submit a report to the General Assembly at its seventy-sixth session, with recommendations;",
        "Urges Member States that have not yet done so to consider ratifying the Convention[^4] and the Protocol;",
        "Invites regional organizations to join the Inter-Agency Coordination Group.",
    ],
    [
        "Resolutions 55/67, 58/137 and 59/166.",
        "A/74/127.",
        "Resolution 72/1.",
        "United Nations, Treaty Series, vol. 2225, No. 39574.",
    ],
    title="Improving the coordination of efforts against trafficking in persons",
)
NEW.operative[2].text += "[^3]"


@pytest.fixture(scope="module")
def redline_docx(tmp_path_factory):
    path = tmp_path_factory.mktemp("redline") / "redline.docx"
    write_redline_docx(compare(OLD, NEW, old_name="L.20", new_name="L.20/Rev.1"), path, author="Facilitator")
    return path


@pytest.mark.parametrize(("mode", "doc"), [("accept", NEW), ("reject", OLD)])
def test_pandoc_accept_gives_the_new_text_and_reject_the_old(redline_docx, mode, doc):
    assert pandoc_paragraphs(redline_docx, mode) == expected_paragraphs(doc)


def test_changes_are_real_tracked_revisions_with_author_and_date(redline_docx):
    body = etree.fromstring(zipfile.ZipFile(redline_docx).read("word/document.xml"))
    ins, dels = body.findall(f".//{W}ins"), body.findall(f".//{W}del")
    assert ins and dels
    for el in ins + dels:
        assert el.get(f"{W}author") == "Facilitator"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", el.get(f"{W}date"))
    ids = [el.get(f"{W}id") for el in ins + dels]
    assert len(ids) == len(set(ids))
    assert body.findall(f".//{W}del//{W}delText") and not body.findall(f".//{W}ins//{W}delText")


def test_python_docx_reads_it_with_the_notes_as_real_footnotes(redline_docx):
    d = docx.Document(str(redline_docx))
    texts = [p.text for p in d.paragraphs]
    assert texts[0].startswith("Improving")  # python-docx shows the visible runs (not w:ins content)
    assert "Notes" not in texts and not any(t.startswith("Resolutions 55/67") for t in texts)
    assert {f.text for f in NEW.footnotes} <= set(Footnotes(d).texts().values())  # w:t, not w:delText


def _parts(path) -> tuple[etree._Element, etree._Element]:
    z = zipfile.ZipFile(path)
    return etree.fromstring(z.read("word/document.xml")), etree.fromstring(z.read("word/footnotes.xml"))


def _notes_by_id(footnotes: etree._Element) -> dict[str, etree._Element]:
    return {n.get(f"{W}id"): n for n in footnotes.findall(f"{W}footnote") if not n.get(f"{W}type")}


def test_every_reference_is_a_real_footnote_reference_to_a_note_of_its_own(redline_docx):
    body, footnotes = _parts(redline_docx)
    refs = [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")]
    assert len(refs) == len(set(refs)) and set(refs) == set(_notes_by_id(footnotes))
    assert not re.search(r"\[\^\d+\]", "".join(body.itertext()))


def test_a_changed_note_is_tracked_inside_the_footnote_and_a_replaced_one_is_a_deleted_reference(
    redline_docx,
):
    body, footnotes = _parts(redline_docx)
    notes = _notes_by_id(footnotes)
    changed = [
        n for n in notes.values() if n.find(f".//{W}ins") is not None and n.find(f".//{W}del") is not None
    ]
    assert [note_text(n) for n in changed] == ["Resolutions 55/67, 58/137 and 59/166."]
    deleted = [notes[r.get(f"{W}id")] for r in body.iterfind(f".//{W}del//{W}footnoteReference")]
    # OLD's note 2 "A/67/156." is not NEW's note 2 "A/74/127." (too different): one goes, one comes
    assert ["".join(n.itertext()).strip() for n in deleted] == [OLD.footnotes[1].text]


ONE_NOTE_OLD = make_doc(
    ["Recalling its resolution 70/1,[^1]", "Reaffirming the 2030 Agenda,[^1]"],
    ["Decides to remain seized of the matter.[^2]"],
    ["Resolution 70/1.", "A/74/127."],
)
ONE_NOTE_NEW = make_doc(
    ["Reaffirming the 2030 Agenda,[^1]"],
    ["Decides to remain seized of the matter.[^2]"],
    ["Resolution 70/1 of 25 September 2015.", "A/74/127."],
)


@pytest.mark.parametrize(("mode", "doc"), [("accept", ONE_NOTE_NEW), ("reject", ONE_NOTE_OLD)])
def test_one_note_text_changed_and_its_first_reference_dropped(tmp_path, mode, doc):
    """The old text's first reference to note 1 goes: the new text's first one is another reference."""
    path = tmp_path / "note.docx"
    write_redline_docx(compare(ONE_NOTE_OLD, ONE_NOTE_NEW), path)
    assert pandoc_paragraphs(path, mode) == expected_paragraphs(doc)
    body, footnotes = _parts(path)
    assert len(list(body.iter(f"{W}footnoteReference"))) == 3  # deleted first, inserted first, note 2
    assert any(n.find(f".//{W}ins") is not None for n in _notes_by_id(footnotes).values())


def test_libreoffice_converts_it(redline_docx, tmp_path):
    soffice = require_tool("soffice")
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path),
            str(redline_docx),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    odt = tmp_path / "redline.odt"
    assert odt.exists()
    content = zipfile.ZipFile(odt).read("content.xml").decode()
    assert "<text:tracked-changes" in content and "<text:changed-region" in content
    assert "Facilitator" in content
    assert content.count("<text:note ") == len(NEW.footnotes) + 1  # OLD's note 3 on a deleted paragraph


_POOL = [
    "Recalling its resolution 64/178 on the coordination of efforts against trafficking in persons,[^1]",
    "Reaffirming the Global Plan of Action to Combat Trafficking in Persons,[^2]",
    "Urges Member States to ratify the Convention[^1] and the Protocol;",
    "Requests the Secretary-General to submit a report at its seventy-sixth session;",
    "回顾其关于改进工作协调、打击贩运人口的第 64/178 号决议，[^2]",
    "Invites States to contribute to the Trust Fund for Victims of Trafficking;",
    "Decides to convene a high-level meeting of the General Assembly in 2021;",
]
_EDITS = st.sampled_from(["", " and 72/195", " as a matter of priority", " and 70/1[^3]", " 又回顾"])


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(st.sampled_from(_POOL), _EDITS), min_size=1, max_size=6),
    st.lists(st.tuples(st.sampled_from(_POOL), _EDITS), min_size=1, max_size=6),
)
def test_any_redline_accepts_to_the_new_text_and_rejects_to_the_old(tmp_path, old_paras, new_paras):
    notes = ["Resolution 70/1.", "Ibid., annex.", "A/74/127."]
    old = make_doc([p + e for p, e in old_paras[:3]], [p + e for p, e in old_paras[3:]], notes)
    new = make_doc([p + e for p, e in new_paras[:3]], [p + e for p, e in new_paras[3:]], notes[::-1])
    path = tmp_path / "any.docx"
    write_redline_docx(compare(old, new), path)
    assert pandoc_paragraphs(path, "accept") == expected_paragraphs(new)
    assert pandoc_paragraphs(path, "reject") == expected_paragraphs(old)
