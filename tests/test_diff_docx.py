"""The Word redline read back by independent readers: python-docx, pandoc, LibreOffice."""

import re
import subprocess
import zipfile

import docx
import pytest
from conftest import require_tool
from diff_support import expected_paragraphs, make_doc, pandoc_paragraphs
from lxml import etree

from draftroom.diff.result import compare
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


def test_python_docx_reads_it(redline_docx):
    d = docx.Document(str(redline_docx))
    texts = [p.text for p in d.paragraphs]
    assert texts[0].startswith("Improving")  # python-docx shows the visible runs (not w:ins content)
    assert any(t == "Notes" for t in texts)


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
