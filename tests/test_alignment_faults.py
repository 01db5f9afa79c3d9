"""Small faults in the UN's own files read through with a warning where the structure does align, and
refused where it does not: French 79/195 leaves out footnote 6 (OP4), Russian 79/195 numbers OP37
"36.", Spanish 79/257 prints c) for e) in OP74, Russian 79/304 names itself A/RES/79/309 (the UN's XML, tests/data/akn, README there)."""

import json
import re
from pathlib import Path

from conftest import one_line_error
from lxml import etree
from test_translations import AKN, akn, ok, status


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("draftroom: warning:")]


def test_a_version_leaving_out_a_footnote_aligns_with_that_footnote_missing_and_a_warning(run_cli):
    result = run_cli("new", "r", "--from", akn("en", 195), "--with", akn("fr", 195))
    ok(result)
    assert _warnings(result.stderr) == [
        f"draftroom: warning: {akn('fr', 195)} leaves out footnote 6 of the working text (at OP4): "
        "its translation is missing"
    ]
    report = status(run_cli, "r")
    assert all(p["status"]["fr"] == "current" for p in report["paragraphs"])
    notes = {f["number"]: f["status"]["fr"] for f in report["footnotes"]}
    assert len(notes) == 15 and [n for n, s in notes.items() if s != "current"] == [6]
    shown = json.loads(ok(run_cli("show", "r", "--lang", "fr", "--json")))
    by_number = {f["number"]: f["text"] for f in shown["footnotes"]}
    # the French notes after the one left out sit under the working numbers, and so do the references
    assert "WT/MIN(13)/44" in by_number[5] and by_number[7].startswith("Résolution 70/1")
    op5 = next(p for p in shown["operative"] if p["number"] == 5)
    assert re.findall(r"\[\^(\d+)\]", op5["text"]) == ["7"]
    ok(run_cli("translate", "r", "--footnote", "6", "--lang", "fr", "--text", "OMC, WT/MIN(24)/34."))
    assert all(f["status"]["fr"] == "current" for f in status(run_cli, "r")["footnotes"])


def _note_text(tmp_path: Path, source: str, marker: str, text: str) -> str:
    """A copy of a UN file with the footnote printed `marker` reading `text`."""
    tree = etree.parse(source)
    note = tree.getroot().find(f".//{AKN}authorialNote[@marker='{marker}']")
    assert note is not None
    for p in note.findall(f"{AKN}p")[1:]:
        note.remove(p)
    first = note.find(f"{AKN}p")
    for child in list(first):
        first.remove(child)
    first.text = text
    out = tmp_path / Path(source).name
    tree.write(str(out), xml_declaration=True, encoding="utf-8")
    return str(out)


def test_a_footnote_left_out_is_refused_when_the_figures_do_not_say_which(run_cli, tmp_path):
    # OP4 refers to notes 5 and 6 in English, to one note in French: with its figures gone, it could be either
    unsure = _note_text(tmp_path, akn("fr", 195), "5", "Organisation mondiale du commerce.")
    one_line_error(
        run_cli("new", "r", "--from", akn("en", 195), "--with", unsure), "at OP4", "footnotes 5 here, 5, 6"
    )
    assert not (tmp_path / "home" / "r").exists()


def test_a_misprinted_sub_item_letter_aligns_by_its_place_with_a_warning(run_cli):
    result = run_cli("new", "r", "--from", akn("en", 257), "--with", akn("es", 257))
    ok(result)
    assert _warnings(result.stderr) == [
        f"draftroom: warning: {akn('es', 257)} prints (c) at OP74(e), where (e) is due and every other "
        "sub-item of the list agrees: read as (e) by its place"
    ]
    assert all(p["status"]["es"] == "current" for p in status(run_cli, "r")["paragraphs"])
    shown = json.loads(ok(run_cli("show", "r", "--lang", "es", "--json")))
    op74 = next(p for p in shown["operative"] if p["number"] == 74)
    assert [i["marker"] for i in op74["items"]] == ["a", "b", "c", "d", "e"]
    assert op74["items"][4]["text"].startswith("Opciones para aumentar")


def _markers(tmp_path: Path, source: str, printed: dict[str, str]) -> str:
    """A copy of a UN file with sub-item numbers reprinted (the first of each `printed` key)."""
    text = Path(source).read_text(encoding="utf-8")
    for old, new in printed.items():
        assert f"<num>{old}</num>" in text
        text = text.replace(f"<num>{old}</num>", f"<num>{new}</num>", 1)
    out = tmp_path / Path(source).name
    out.write_text(text, encoding="utf-8")
    return str(out)


def test_a_misprinted_paragraph_number_aligns_by_its_place_with_a_warning(run_cli, tmp_path):
    result = run_cli("new", "r", "--from", akn("en", 195), "--with", akn("ru", 195))
    ok(result)
    assert _warnings(result.stderr) == [
        f"draftroom: warning: {akn('ru', 195)} numbers OP37 36, where 37 is due and every other "
        "paragraph of the list agrees: read as 37 by its place"
    ]
    shown = json.loads(ok(run_cli("show", "r", "--lang", "ru", "--json")))
    assert [p["number"] for p in shown["operative"]] == list(range(1, 42))
    # two numbers that differ are no misprint: refused, nothing written
    twice = _markers(tmp_path, akn("ru", 195), {"38.": "36."})
    one_line_error(
        run_cli("new", "q", "--from", akn("en", 195), "--with", twice), "at OP37", "its number is 36"
    )
    assert not (tmp_path / "home" / "q").exists()


def test_two_sub_item_letters_that_differ_are_refused(run_cli, tmp_path):
    one = _markers(tmp_path, akn("es", 299), {"d)": "b)"})
    ok(run_cli("new", "one", "--from", akn("en", 299), "--with", one))
    two = _markers(tmp_path, akn("es", 299), {"c)": "b)", "d)": "b)"})
    one_line_error(run_cli("new", "two", "--from", akn("en", 299), "--with", two), "its sub-item is (b)")
    assert not (tmp_path / "home" / "two").exists()


def test_a_version_naming_another_symbol_aligns_with_a_warning_when_its_structure_does(run_cli):
    result = run_cli("new", "r", "--from", akn("en", 304), "--with", akn("ru", 304))
    ok(result)
    assert _warnings(result.stderr) == [
        f"draftroom: warning: {akn('ru', 304)} names itself A/RES/79/309, the working text A/RES/79/304, "
        "but every paragraph, sub-item and footnote aligns: read as its version (check the symbol)"
    ]
    assert all(p["status"]["ru"] == "current" for p in status(run_cli, "r")["paragraphs"])
    # another resolution under another symbol is still another document, with no fault read through
    one_line_error(
        run_cli("new", "s", "--from", akn("en", 195), "--with", akn("ru", 304)), "another document"
    )


def test_a_language_added_later_warns_of_the_faults_it_reads_through(run_cli):
    ok(run_cli("new", "r", "--from", akn("en", 195)))
    result = run_cli("translations", "r", "add", akn("fr", 195))
    assert "fr version added" in ok(result)
    assert _warnings(result.stderr) == [
        f"draftroom: warning: {akn('fr', 195)} leaves out footnote 6 of the working text (at OP4): "
        "its translation is missing"
    ]
    assert "footnote 6" in result.stdout


def test_a_preambular_paragraph_ending_with_a_semicolon_reads_back_as_its_own_paragraph(run_cli, tmp_path):
    """The Spanish PP2 of 79/328 ends with a semicolon, as an operative paragraph does: written as .docx
    and as text, it reads back as PP2, with PP3 ("Reafirmando ...") its own paragraph."""
    ok(run_cli("new", "r", "--from", akn("en", 328), "--with", akn("es", 328)))
    shown = json.loads(ok(run_cli("show", "r", "--lang", "es", "--json")))
    assert shown["preamble"][1]["text"].endswith(";")
    for suffix in (".docx", ".txt"):
        out = tmp_path / f"es{suffix}"
        ok(run_cli("export", "r", "--lang", "es", "-o", str(out)))
        name = f"s-{suffix[1:]}"
        ok(run_cli("new", name, "--from", akn("en", 328), "--with", str(out)))
        assert all(p["status"]["es"] == "current" for p in status(run_cli, name)["paragraphs"])
        back = json.loads(ok(run_cli("show", name, "--lang", "es", "--json")))
        assert [p["text"].split()[0] for p in back["preamble"]] == [
            p["text"].split()[0] for p in shown["preamble"]
        ]
        assert back["preamble"][2]["text"].startswith("Reafirmando sus resoluciones 96 (I)")
