"""The committed templates are what scripts/build_templates.py builds, and carry the UN styles."""

import subprocess
import sys
import zipfile

import docx
from lxml import etree

from draftroom.export.blocks import STYLES
from draftroom.export.template import FAMILIES, ROOT_TEMPLATES, style_name

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = ("word/styles.xml", "word/settings.xml", "word/footnotes.xml", "word/document.xml")


def _canonical(path, part):
    with zipfile.ZipFile(path) as z:
        return etree.tostring(etree.fromstring(z.read(part)), method="c14n")


def test_committed_templates_are_up_to_date(tmp_path):
    script = ROOT_TEMPLATES.parent / "scripts" / "build_templates.py"
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True, capture_output=True)
    for name in FAMILIES:
        built, committed = tmp_path / f"un-{name}.docx", ROOT_TEMPLATES / f"un-{name}.docx"
        for part in PARTS:
            assert _canonical(built, part) == _canonical(committed, part), (
                f"{committed.name}:{part} is stale: run python scripts/build_templates.py"
            )


def test_templates_hold_every_block_style_and_page_setup():
    for name in FAMILIES:
        document = docx.Document(ROOT_TEMPLATES / f"un-{name}.docx")
        names = {s.name for s in document.styles}
        assert {style_name(s) for s in STYLES} <= names
        assert {"footnote text", "footnote reference"} <= {n.lower() for n in names}
        assert document.sections[0].different_first_page_header_footer
        assert document.settings.odd_and_even_pages_header_footer
        with zipfile.ZipFile(ROOT_TEMPLATES / f"un-{name}.docx") as z:
            assert "word/stylesWithEffects.xml" not in z.namelist()
    arabic = docx.Document(ROOT_TEMPLATES / "un-ar.docx")
    assert arabic.styles["UN preamble"].element.pPr.find(f"{W}bidi") is not None
