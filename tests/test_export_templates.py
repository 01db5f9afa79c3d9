"""The committed templates are what scripts/build_templates.py builds, and carry the UN styles."""

import os
import shutil
import subprocess
import sys
import zipfile

import docx
from conftest import ROOT, SEEDS
from lxml import etree

from draftroom.export.blocks import STYLES
from draftroom.export.template import FAMILIES, LOOKS, PACKAGE_TEMPLATES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = ("word/styles.xml", "word/settings.xml", "word/footnotes.xml", "word/document.xml")


def _canonical(path, part):
    with zipfile.ZipFile(path) as z:
        return etree.tostring(etree.fromstring(z.read(part)), method="c14n")


def test_committed_templates_are_up_to_date(tmp_path):
    script = ROOT / "scripts" / "build_templates.py"
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True, capture_output=True)
    for name in FAMILIES:
        built, committed = tmp_path / f"un-{name}.docx", PACKAGE_TEMPLATES / f"un-{name}.docx"
        for part in PARTS:
            assert _canonical(built, part) == _canonical(committed, part), (
                f"{committed.name}:{part} is stale: run python scripts/build_templates.py"
            )


def test_templates_hold_the_uns_styles_and_page_setup():
    """The UN's style names and values, as its own Word files have them (reference/un-word)."""
    for name in FAMILIES:
        document = docx.Document(PACKAGE_TEMPLATES / f"un-{name}.docx")
        ids = {s.style_id for s in document.styles}
        assert {LOOKS[s].style for s in STYLES} <= ids
        assert {"footnote text", "footnote reference"} <= {(s.name or "").lower() for s in document.styles}
        section = document.sections[0]
        assert (section.page_width.twips, section.page_height.twips) == (12240, 15840)
        assert (section.left_margin.twips, section.right_margin.twips) == (1200, 1200)
        assert (section.top_margin.twips, section.bottom_margin.twips) == (1440, 1152)
        assert (section.header_distance.twips, section.footer_distance.twips) == (432, 504)
        assert section.different_first_page_header_footer
        assert document.settings.odd_and_even_pages_header_footer
        with zipfile.ZipFile(PACKAGE_TEMPLATES / f"un-{name}.docx") as z:
            assert "word/stylesWithEffects.xml" not in z.namelist()
    latin = docx.Document(PACKAGE_TEMPLATES / "un-latin.docx")
    single = latin.styles["__Single Txt"]
    assert single.style_id == "SingleTxt" and single.base_style.name == "Normal"
    fmt = single.paragraph_format
    assert (fmt.left_indent.twips, fmt.right_indent.twips) == (1267, 1267)  # the 5.1-inch column
    assert [t.position.twips for t in fmt.tab_stops][:3] == [1267, 1742, 2218]
    assert fmt.space_after.pt == 6
    normal = latin.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 10
    rpr = normal.element.rPr
    assert [rpr.find(f"{W}{tag}").get(f"{W}val") for tag in ("spacing", "w", "kern")] == ["4", "103", "2"]
    note = next(s for s in latin.styles if (s.name or "").lower() == "footnote text")
    assert note.base_style.name == "Normal" and note.font.size.pt == 8.5
    assert latin.styles["Title_H_CH"].font.size.pt == 14 and latin.styles["XLarge"].font.size.pt == 20
    arabic = docx.Document(PACKAGE_TEMPLATES / "un-ar.docx")
    assert arabic.styles["__Single Txt"].element.pPr.find(f"{W}bidi") is not None


def test_a_wheel_ships_the_templates_and_an_export_from_it_finds_them(tmp_path):
    """Built from a copy of the tree (pip builds in place and would leave build/ behind), unpacked as an
    installer does, run with this interpreter's runtime dependencies and nothing of the source tree."""
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    dist = tmp_path / "dist"
    build = [sys.executable, "-m", "pip", "wheel", str(tree), "--no-deps", "-q", "-w", str(dist)]
    subprocess.run(build, check=True, capture_output=True, timeout=120)
    (wheel,) = dist.glob("draftroom-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        assert {f"draftroom/templates/un-{name}.docx" for name in FAMILIES} <= set(z.namelist())
        z.extractall(site)
    env = {k: v for k, v in os.environ.items() if k != "DRAFTROOM_TEMPLATES"} | {"PYTHONPATH": str(site)}

    def run(*args: str) -> str:
        done = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout

    where = run("-c", "from draftroom.export.template import template_path; print(template_path('zh'))")
    assert where.strip() == str(site / "draftroom" / "templates" / "un-zh.docx")
    run("-m", "draftroom", "export", str(SEEDS / "001_334a0e47d0d674b7.txt"), "-o", "out.docx")
    assert "__Single Txt" in {s.name for s in docx.Document(tmp_path / "out.docx").styles}
