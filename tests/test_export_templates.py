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
from draftroom.export.template import FAMILIES, PACKAGE_TEMPLATES, style_name

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


def test_templates_hold_every_block_style_and_page_setup():
    for name in FAMILIES:
        document = docx.Document(PACKAGE_TEMPLATES / f"un-{name}.docx")
        names = {s.name for s in document.styles}
        assert {style_name(s) for s in STYLES} <= names
        assert {"footnote text", "footnote reference"} <= {n.lower() for n in names}
        assert document.sections[0].different_first_page_header_footer
        assert document.settings.odd_and_even_pages_header_footer
        with zipfile.ZipFile(PACKAGE_TEMPLATES / f"un-{name}.docx") as z:
            assert "word/stylesWithEffects.xml" not in z.namelist()
    arabic = docx.Document(PACKAGE_TEMPLATES / "un-ar.docx")
    assert arabic.styles["UN preamble"].element.pPr.find(f"{W}bidi") is not None


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
    assert "UN preamble" in {s.name for s in docx.Document(tmp_path / "out.docx").styles}
