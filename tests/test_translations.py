"""One negotiation in six languages: versions aligned under the working text's paragraph ids, checked
(never guessed), stale after a revision changes the working text, current after the Secretariat
translates. Real AKN4UN files of the UN (tests/data/akn), real git repositories."""

import copy
import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from conftest import ok, one_line_error
from lxml import etree

from draftroom.model import iter_located
from draftroom.parse import parse_file
from draftroom.workflow.alignment import align

DATA = Path(__file__).parent / "data" / "akn"
OTHERS = ("fr", "es", "ru", "ar", "zh")
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def akn(lang: str, number: int) -> str:
    return str(DATA / f"{lang}_A_RES_79_{number}.xml")


def status(run_cli, name: str) -> dict:
    return json.loads(ok(run_cli("translations", name, "--json")))


def six(run_cli, name: str, number: int) -> None:
    ok(run_cli("new", name, "--from", akn("en", number), "--with", *(akn(lang, number) for lang in OTHERS)))


@pytest.mark.parametrize("number", [3, 299, 255])
def test_a_resolution_in_six_languages_is_one_aligned_negotiation(run_cli, tmp_path, number):
    """79/3 (a footnote), 79/299 (sub-items, headings), 79/255 (an annex with a table and notes)."""
    six(run_cli, "r", number)
    report = status(run_cli, "r")
    assert set(report) == {"working", "languages", "paragraphs", "footnotes"}
    assert report["working"] == "en"
    assert sorted(report["languages"]) == sorted(("en", *OTHERS)) and report["languages"][0] == "en"
    assert report["paragraphs"] and all(set(p) == {"id", "label", "status"} for p in report["paragraphs"])
    assert all(p["status"] == dict.fromkeys(OTHERS, "current") for p in report["paragraphs"])
    store = tmp_path / "home" / "r" / "translations"
    assert sorted(p.name for p in store.iterdir()) == sorted(OTHERS)
    shown = json.loads(ok(run_cli("show", "r", "--lang", "fr", "--json")))
    assert shown["language"] == "fr"
    french = json.loads(ok(run_cli("parse", akn("fr", number), "--json")))
    assert [p["text"] for p in shown["operative"]] == [p["text"] for p in french["operative"]]
    assert [p["id"] for p in shown["operative"]] == [
        p["id"] for p in report["paragraphs"] if p["label"].startswith("OP") and "(" not in p["label"]
    ]


def test_sub_items_and_footnotes_take_the_working_ids(run_cli):
    six(run_cli, "r", 299)
    en = json.loads(ok(run_cli("show", "r", "--json")))
    zh = json.loads(ok(run_cli("show", "r", "--lang", "zh", "--json")))
    items = [(i["id"], i["label"]) for i in en["operative"][6]["items"]]
    assert (
        [(i["id"], i["label"]) for i in zh["operative"][6]["items"]]
        == items
        == [
            (items[0][0], "OP7(a)"),
            (items[1][0], "OP7(b)"),
            (items[2][0], "OP7(c)"),
            (items[3][0], "OP7(d)"),
        ]
    )
    assert [f["number"] for f in zh["footnotes"]] == [f["number"] for f in en["footnotes"]]
    assert zh["footnotes"][0]["text"] != en["footnotes"][0]["text"]


def test_a_revision_makes_exactly_the_changed_paragraphs_stale_and_translate_makes_them_current(run_cli):
    six(run_cli, "r", 3)
    aid = ok(
        run_cli("amend", "r", "--as", "China", "replace", "OP2", "--text", "Decides something else;")
    ).strip()
    new = ok(
        run_cli("amend", "r", "--as", "China", "insert", "--after", "OP3", "--text", "Invites all;")
    ).strip()
    ok(run_cli("accept", "r", aid, new, "--as", "Secretariat"))
    ok(run_cli("revise", "r", "--as", "Secretariat"))
    report = status(run_cli, "r")
    by_label = {p["label"]: p["status"] for p in report["paragraphs"]}
    assert by_label["OP2"] == dict.fromkeys(OTHERS, "stale")
    assert by_label["OP4"] == dict.fromkeys(OTHERS, "missing")
    assert all(
        s == dict.fromkeys(OTHERS, "current") for label, s in by_label.items() if label not in ("OP2", "OP4")
    )

    proposed = ok(
        run_cli("translate", "r", "OP1", "--lang", "fr", "--text", "Décide de nouveau ;", "--as", "France")
    )
    assert "OP1 in fr proposed as FRA-" in proposed
    ident = proposed.split(" proposed as ")[1].split(";")[0]
    assert {p["label"]: p["status"] for p in status(run_cli, "r")["paragraphs"]}["OP1"]["fr"] == "current"
    listed = json.loads(ok(run_cli("translations", "r", "proposals", "--json")))
    assert [(p["id"], p["label"], p["language"], p["proposer"], p["status"]) for p in listed] == [
        (ident, "OP1", "fr", "France", "proposed")
    ]
    one_line_error(run_cli("translate", "r", "--accept", ident, "--as", "France"), "only a facilitator")
    ok(run_cli("translate", "r", "--accept", ident[:8], "--as", "Secretariat"))
    assert (
        json.loads(ok(run_cli("show", "r", "--lang", "fr", "--json")))["operative"][0]["text"]
        == "Décide de nouveau ;"
    )
    assert json.loads(ok(run_cli("translations", "r", "proposals", "--json")))[0]["status"] == "accepted"
    one_line_error(run_cli("translate", "r", "--accept", ident, "--as", "Secretariat"), "already accepted")
    ok(
        run_cli(
            "translate", "r", "OP2", "--lang", "fr", "--text", "Décide autre chose ;", "--as", "Secretariat"
        )
    )
    by_label = {p["label"]: p["status"] for p in status(run_cli, "r")["paragraphs"]}
    assert by_label["OP2"] == {**dict.fromkeys(OTHERS, "stale"), "fr": "current"}
    ok(run_cli("translate", "r", "OP4", "--lang", "zh", "--text", "邀请所有国家；", "--as", "Secretariat"))
    assert {p["label"]: p["status"] for p in status(run_cli, "r")["paragraphs"]}["OP4"]["zh"] == "current"
    shown = json.loads(ok(run_cli("show", "r", "--lang", "fr", "--json")))
    assert shown["operative"][1]["text"] == "Décide autre chose ;"
    today = date.today()
    assert json.loads(ok(run_cli("show", "r", "--json")))["date"] == f"{today.day} {today:%B} {today.year}"
    zh = json.loads(ok(run_cli("show", "r", "--lang", "zh", "--json")))
    assert (
        zh["date"] == f"{today.year}年{today.month}月{today.day}日"
    )  # the revision's date, printed in Chinese
    assert zh["job_number"] is None and zh["kind"] == "draft"  # Rev.1 of an adopted base is a new draft
    log = json.loads(ok(run_cli("log", "r", "--json")))
    assert log[0]["actor"] == "Secretariat" and log[0]["labels"] == ["OP4"]


def _without(tmp_path: Path, source: str, xpath: str) -> str:
    """A copy of a UN file with the first element `xpath` finds taken out."""
    tree = etree.parse(source)
    gone = tree.getroot().find(xpath)
    assert gone is not None
    gone.getparent().remove(gone)
    out = tmp_path / Path(source).name
    tree.write(str(out), xml_declaration=True, encoding="utf-8")
    return str(out)


def test_a_version_that_does_not_align_is_refused_naming_the_first_paragraph_and_nothing_is_written(
    run_cli, tmp_path
):
    home = tmp_path / "home"
    en = akn("en", 299)
    one_line_error(
        run_cli("new", "r", "--from", en, "--with", akn("fr", 299), akn("fr", 3)),
        "A/RES/79/3",
        "another document",
    )
    assert not (home / "r").exists()
    no_pp2 = _without(tmp_path, akn("fr", 299), f".//{AKN}preamble/{AKN}container[2]")
    one_line_error(run_cli("new", "r", "--from", en, "--with", no_pp2), "at PP2", "missing")
    assert not (home / "r").exists()
    tree = etree.parse(akn("fr", 3))  # PP1 twice: the difference shows at PP2, its footnote
    first = tree.find(f".//{AKN}preamble/{AKN}container")
    first.addnext(copy.deepcopy(first))
    tree.write(str(tmp_path / "twice.xml"), xml_declaration=True, encoding="utf-8")
    one_line_error(
        run_cli("new", "r", "--from", akn("en", 3), "--with", str(tmp_path / "twice.xml")),
        "at PP2",
        "counts 3 of the preamble's paragraphs, the working text 2: one added or left out before this one",
    )
    assert not (home / "r").exists()
    tree = etree.parse(akn("fr", 299))  # OP1 again after OP4: its figures say which is the one added
    ops = tree.find(f".//{AKN}mainBody").findall(f"{AKN}paragraph")
    ops[3].addnext(copy.deepcopy(ops[0]))
    tree.write(str(tmp_path / "again.xml"), xml_declaration=True, encoding="utf-8")
    one_line_error(
        run_cli("new", "r", "--from", en, "--with", str(tmp_path / "again.xml")),
        "at OP5: its number is 1, the working text's 5",
        "by the figures they cite, the one added is its paragraph 5, after OP4",
    )
    assert not (home / "r").exists()
    no_item = _without(tmp_path, akn("es", 299), f".//{AKN}point[2]")
    one_line_error(run_cli("new", "r", "--from", en, "--with", no_item), "at OP7(b)")
    assert not (home / "r").exists()

    ok(run_cli("new", "r", "--from", en, "--with", akn("fr", 299)))
    before = json.loads(ok(run_cli("log", "r", "--json")))
    one_line_error(run_cli("translations", "r", "add", no_item), "at OP7(b)", "nothing was written")
    one_line_error(run_cli("translations", "r", "add", akn("fr", 299)), "already has a fr version")
    one_line_error(run_cli("translations", "r", "add", akn("en", 299)), "working text's own language")
    for lang in ("es", "ru"):  # the French file, said to be Spanish or Russian: not stored as such
        one_line_error(
            run_cli("translations", "r", "add", akn("fr", 299), "--lang", lang),
            f"reads as French (fr), not {'Spanish' if lang == 'es' else 'Russian'} ({lang})",
            "nothing was written",
        )
    assert json.loads(ok(run_cli("log", "r", "--json"))) == before
    assert not (home / "r" / "translations" / "es").exists()


def test_a_language_added_later_aligns_with_the_revision_it_translates(run_cli):
    ok(run_cli("new", "r", "--from", akn("en", 3)))
    assert status(run_cli, "r")["languages"] == ["en"]
    aid = ok(run_cli("amend", "r", "--as", "China", "replace", "OP1", "--text", "Decides anew;")).strip()
    ok(run_cli("accept", "r", aid, "--as", "Secretariat"))
    ok(run_cli("revise", "r", "--as", "Secretariat"))
    one_line_error(run_cli("translations", "r", "add", akn("ru", 3), "--rev", "rev-5"), "no revision")
    one_line_error(
        run_cli("translations", "r", "add", akn("ru", 3), "--as", "China"), "only the Secretariat adds"
    )
    out = ok(run_cli("translations", "r", "add", akn("ru", 3), "--rev", "rev-0", "--as", "Secretariat"))
    assert "ru version added" in out and "not current in ru: OP1" in out
    report = status(run_cli, "r")
    assert report["languages"] == ["en", "ru"]
    assert [p["label"] for p in report["paragraphs"] if p["status"]["ru"] != "current"] == ["OP1"]
    one_line_error(run_cli("show", "r", "--lang", "es"), "no es version", "translations r add")


def test_show_diff_and_export_in_a_language_use_its_text_and_name_what_is_not_current(run_cli, tmp_path):
    import docx

    six(run_cli, "r", 299)
    aid = ok(
        run_cli("amend", "r", "--as", "China", "replace", "OP2", "--text", "Takes note with appreciation;")
    ).strip()
    ok(run_cli("accept", "r", aid, "--as", "Secretariat"))
    ok(run_cli("revise", "r", "--as", "Secretariat"))
    french = json.loads(ok(run_cli("parse", akn("fr", 299), "--json")))
    for lang, body in (("fr", "L’Assemblée générale,"), ("zh", "大会，"), ("ar", "إن الجمعية العامة،")):
        out = tmp_path / f"{lang}.docx"
        r = run_cli("export", "r", "--lang", lang, "-o", str(out))
        assert ok(r).strip() == str(out)
        assert r.stderr == f"draftroom: warning: not current in {lang}: OP2\n"
        texts = [p.text for p in docx.Document(out).paragraphs]
        assert body in texts, texts[:12]
    texts = [p.text for p in docx.Document(tmp_path / "fr.docx").paragraphs]
    assert any(t.endswith(french["operative"][0]["text"].replace(" ;", "\u00a0;")) for t in texts)
    assert not any("Reaffirms" in t for t in texts)

    ok(
        run_cli(
            "translate",
            "r",
            "OP2",
            "--lang",
            "fr",
            "--text",
            "Prend note avec satisfaction ;",
            "--as",
            "Secretariat",
        )
    )
    r = run_cli("export", "r", "--lang", "fr", "-o", str(tmp_path / "fr2.docx"))
    assert ok(r) and r.stderr == ""
    stale = run_cli("diff", "r", "--from", "rev-0", "--to", "latest", "--lang", "zh")
    assert ok(stale) and stale.stderr == "draftroom: warning: r@latest: not current in zh: OP2\n"
    changed = json.loads(
        ok(run_cli("diff", "r", "--from", "rev-0", "--to", "latest", "--lang", "fr", "--json"))
    )
    assert "avec satisfaction" in json.dumps(changed, ensure_ascii=False)
    assert "Takes note" not in json.dumps(changed, ensure_ascii=False)
    shown = ok(run_cli("show", "r", "--lang", "zh"))
    assert "大会" in shown and "Reaffirms" not in shown


def test_formal_amendments_in_another_language_quote_its_wording_or_flag_the_working_text(run_cli, tmp_path):
    import docx

    six(run_cli, "r", 299)
    ok(run_cli("table", "r", "--symbol", "A/C.5/79/L.9", "--as", "Secretariat"))
    replace = ok(
        run_cli("amend", "r", "--as", "China", "replace", "OP3", "--text", "Endorses the conclusions;")
    )
    ok(run_cli("amend", "r", "--as", "China", "delete", "OP4"))
    edit = ok(
        run_cli("amend", "r", "--as", "China", "edit", "OP2", "--find", "Takes note", "--replace", "Welcomes")
    )
    ok(run_cli("amend", "r", "--as", "China", "move", "OP8", "--before", "OP1"))
    out = tmp_path / "am.docx"
    r = run_cli("export", "r", "--kind", "amendments", "--lang", "fr", "-o", str(out))
    assert ok(r).strip() == str(out)
    assert "instruction(s) 1, 3 is in en" in r.stderr and r.stderr.count("\n") == 1, r.stderr
    texts = [p.text for p in docx.Document(out).paragraphs]
    assert "Chine : amendements au projet de résolution A/C.5/79/L.9" in texts, texts
    assert "Financement du Centre de services régional d’Entebbe (Ouganda)" in texts
    assert any(t.startswith("[en] Endorses the conclusions;") for t in texts)
    assert any(
        "Décide d’examiner à sa quatre-vingtième session" in t for t in texts
    )  # the move quotes OP8 in French

    one_line_error(
        run_cli(
            "translate", "r", "--amendment", replace.strip(), "--lang", "fr", "--text", "x", "--as", "France"
        ),
        "only the Secretariat or a proposer",
    )
    one_line_error(
        run_cli(
            "translate", "r", "--amendment", edit.strip(), "--lang", "fr", "--text", "x", "--as", "China"
        ),
        "--find",
    )
    ok(
        run_cli(
            "translate",
            "r",
            "--amendment",
            replace.strip(),
            "--lang",
            "fr",
            "--text",
            "Souscrit aux conclusions ;",
            "--as",
            "China",
        )
    )
    ok(
        run_cli(
            "translate",
            "r",
            "--amendment",
            edit.strip(),
            "--lang",
            "fr",
            "--find",
            "Prend note",
            "--replace",
            "Se félicite",
            "--as",
            "Secretariat",
        )
    )
    r = run_cli("export", "r", "--kind", "amendments", "--lang", "fr", "-o", str(out))
    assert ok(r) and r.stderr == ""
    texts = [p.text for p in docx.Document(out).paragraphs]
    assert any(t.startswith("Souscrit aux conclusions") for t in texts), texts
    assert any("« Prend note »" in t and "« Se félicite »" in t for t in texts), texts
    assert not any("[en]" in t for t in texts)
    english = run_cli("export", "r", "--kind", "amendments", "-o", str(tmp_path / "en.docx"))
    assert ok(english) and english.stderr == ""
    assert any(p.text == "Endorses the conclusions;" for p in docx.Document(tmp_path / "en.docx").paragraphs)


@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_an_amendments_document_in_another_language_reads_back_whole(run_cli, tmp_path, suffix):
    """Its quotes flagged "[en]" (no French wording given) are quoted text, not the head's report
    line: read back, the French document gives the English one's instructions, flags kept."""
    six(run_cli, "r", 299)
    ok(run_cli("table", "r", "--symbol", "A/C.5/79/L.9", "--as", "Secretariat"))
    ok(run_cli("amend", "r", "--as", "China", "replace", "OP3", "--text", "Endorses the conclusions;"))
    ok(run_cli("amend", "r", "--as", "China", "delete", "OP4"))
    read = {}
    for lang in ("en", "fr"):
        out = tmp_path / f"{lang}{suffix}"
        ok(run_cli("export", "r", "--kind", "amendments", "--lang", lang, "-o", str(out)))
        read[lang] = json.loads(ok(run_cli("parse", str(out), "--json")))["instructions"]
    assert read["fr"] == [
        {"op": "replace", "target": "OP3", "text": "[en] Endorses the conclusions;"},
        {"op": "delete", "target": "OP4"},
    ]
    assert [(i["op"], i["target"]) for i in read["en"]] == [("replace", "OP3"), ("delete", "OP4")]


@pytest.mark.parametrize("lang", OTHERS)
def test_akn_export_in_each_language_is_that_languages_expression(run_cli, tmp_path, lang):
    six(run_cli, "r", 299)
    out = tmp_path / f"{lang}.xml"
    ok(run_cli("export", "r", "--lang", lang, "--validate", "-o", str(out)))
    frbr = {"fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "zho"}[lang]
    assert f"/79-299/{frbr}@" in out.read_text(encoding="utf-8")
    back = json.loads(ok(run_cli("parse", str(out), "--json")))
    source = json.loads(ok(run_cli("parse", akn(lang, 299), "--json")))
    assert back["language"] == lang
    assert [p["text"] for p in back["operative"]] == [p["text"] for p in source["operative"]]
    assert [i["text"] for i in back["operative"][6]["items"]] == [
        i["text"] for i in source["operative"][6]["items"]
    ]


def test_any_readable_format_aligns_pdf_docx_and_text(run_cli, tmp_path):
    """The working text from the UN's PDF, the versions from the UN's XML; then each language written as
    .docx and as text and read back as a version of the working text."""
    ok(
        run_cli(
            "new",
            "r",
            "--from",
            str(DATA / "en_A_RES_79_3.pdf"),
            "--with",
            *(akn(lang, 3) for lang in OTHERS),
        )
    )
    assert all(p["status"] == dict.fromkeys(OTHERS, "current") for p in status(run_cli, "r")["paragraphs"])
    for lang in OTHERS:
        for suffix in (".docx", ".txt"):
            out = tmp_path / f"{lang}{suffix}"
            ok(run_cli("export", "r", "--lang", lang, "-o", str(out)))
            name = f"s-{lang}-{suffix[1:]}"
            ok(run_cli("new", name, "--from", akn("en", 3), "--with", str(out)))
            assert status(run_cli, name)["languages"] == ["en", lang]


def test_a_printed_footnote_marker_is_kept_in_the_store_in_every_language(run_cli, tmp_path):
    """The UN's Spanish 79/3 prints its only note as "2": the store keeps that marker, both when Spanish
    is a version and when it is the working text, and a revision keeps it too."""
    ok(run_cli("new", "r", "--from", akn("en", 3), "--with", akn("es", 3)))
    ok(run_cli("new", "s", "--from", akn("es", 3), "--with", akn("en", 3)))
    assert "[^1][2]: " in (tmp_path / "home" / "r" / "translations" / "es" / "footnotes.txt").read_text()
    es = json.loads(ok(run_cli("show", "r", "--lang", "es", "--json")))
    assert [(f["number"], f.get("marker")) for f in es["footnotes"]] == [(1, "2")]
    working = json.loads(ok(run_cli("show", "s", "--json")))
    assert [(f["number"], f.get("marker")) for f in working["footnotes"]] == [(1, "2")]
    aid = ok(run_cli("amend", "s", "--as", "China", "replace", "OP1", "--text", "Decide otra cosa;")).strip()
    ok(run_cli("accept", "s", aid, "--as", "Secretariat"))
    ok(run_cli("revise", "s", "--as", "Secretariat"))
    revised = json.loads(ok(run_cli("show", "s", "--json")))
    assert [(f["number"], f.get("marker")) for f in revised["footnotes"]] == [(1, "2")]


def test_a_revision_that_changes_a_footnote_makes_its_translations_stale_and_new_notes_missing(
    run_cli, tmp_path
):
    """79/299: PP2's note 2 is reworded, and a new paragraph with a new note goes in before it, so every
    later note is renumbered. The reworded note is stale, the new one missing, the others current under
    their new numbers, with the paragraphs that only had their references renumbered still current."""
    ok(run_cli("new", "r", "--from", akn("en", 299), "--with", akn("fr", 299), akn("zh", 299)))
    before = json.loads(ok(run_cli("show", "r", "--lang", "fr", "--json")))
    pp2 = json.loads(ok(run_cli("show", "r", "--json")))["preamble"][1]["text"]
    assert pp2.endswith("Questions,[^2]")
    reworded = pp2.replace("[^2]", "[^: A/79/724/Add.6.]")
    a = ok(run_cli("amend", "r", "--as", "China", "replace", "PP2", "--text", reworded)).strip()
    b = ok(
        run_cli(
            "amend", "r", "--as", "China", "insert", "--after", "PP1", "--text", "Recalling 78/1,[^: A/78/1.]"
        )
    ).strip()
    ok(run_cli("accept", "r", a, b, "--as", "Secretariat"))
    ok(run_cli("revise", "r", "--as", "Secretariat"))
    report = status(run_cli, "r")
    assert [(f["number"], f["status"]) for f in report["footnotes"]] == [
        (1, {"fr": "missing", "zh": "missing"}),  # A/78/1, new
        (2, {"fr": "current", "zh": "current"}),  # A/79/596 and A/79/751, referred to from the title
        (3, {"fr": "stale", "zh": "stale"}),  # PP2's note, reworded
        (4, {"fr": "current", "zh": "current"}),  # OP5's note, renumbered from 3
    ]
    by_label = {p["label"]: p["status"]["fr"] for p in report["paragraphs"]}
    assert by_label["PP2"] == "missing" and by_label["PP3"] == by_label["OP5"] == "current"
    fr = json.loads(ok(run_cli("show", "r", "--lang", "fr", "--json")))
    assert [f["text"] for f in fr["footnotes"]] == ["A/78/1.", *(f["text"] for f in before["footnotes"])]
    assert fr["operative"][4]["text"].endswith("[^4]\u00a0;") and "[^3]" in fr["preamble"][2]["text"]
    exported = run_cli("export", "r", "--lang", "fr", "-o", str(tmp_path / "fr.docx"))
    assert (
        ok(exported)
        and exported.stderr == "draftroom: warning: not current in fr: PP2, footnote 1, footnote 3\n"
    )

    ok(
        run_cli(
            "translate",
            "r",
            "--footnote",
            "3",
            "--lang",
            "fr",
            "--text",
            "A/79/724/Add.6.",
            "--as",
            "Secretariat",
        )
    )
    ok(
        run_cli(
            "translate",
            "r",
            "--footnote",
            "1",
            "--lang",
            "fr",
            "--text",
            "A/78/1 (fr).",
            "--as",
            "Secretariat",
        )
    )
    notes = {f["number"]: f["status"] for f in status(run_cli, "r")["footnotes"]}
    assert notes == {
        n: {"fr": "current", "zh": "stale" if n == 3 else "missing" if n == 1 else "current"} for n in notes
    }
    fr = json.loads(ok(run_cli("show", "r", "--lang", "fr", "--json")))
    assert [f["text"] for f in fr["footnotes"]][:3] == [
        "A/78/1 (fr).",
        before["footnotes"][0]["text"],
        "A/79/724/Add.6.",
    ]
    ok(
        run_cli(
            "translate", "r", "PP2", "--lang", "fr", "--text", "Rappelant 78/1[^1],", "--as", "Secretariat"
        )
    )
    assert all(f["status"]["fr"] == "current" for f in status(run_cli, "r")["footnotes"])
    one_line_error(
        run_cli("translate", "r", "--footnote", "9", "--lang", "fr", "--text", "x", "--as", "Secretariat"),
        "no footnote 9",
    )
    proposed = ok(
        run_cli("translate", "r", "--footnote", "1", "--lang", "fr", "--text", "x", "--as", "France")
    )
    assert "footnote 1 in fr proposed as FRA-" in proposed  # a delegation proposes, for a facilitator
    assert (
        json.loads(ok(run_cli("show", "r", "--lang", "fr", "--json")))["footnotes"][0]["text"]
        == "A/78/1 (fr)."
    )


def _outline(p: dict) -> tuple:
    """A paragraph's number, headings and number of items."""
    return p["number"], [_spaced(h) for h in p["headings"]], len(p["items"])


def _spaced(text: str) -> str:
    """The text without its typography: no-break spaces and hyphens as plain ones."""
    return " ".join(text.replace("\u2011", "-").split())


def test_every_language_of_79_299_written_as_docx_and_text_reads_back_aligned(run_cli, tmp_path):
    """79/299 has headings between its operative paragraphs, sub-items and notes; its Chinese OP7(c)
    reads "份额2 323 000美元", an amount that is not footnote 2 in a text that marks every note itself."""
    six(run_cli, "r", 299)
    for lang in OTHERS:
        shown = json.loads(ok(run_cli("show", "r", "--lang", lang, "--json")))
        for suffix in (".docx", ".txt"):
            out = tmp_path / f"{lang}{suffix}"
            ok(run_cli("export", "r", "--lang", lang, "-o", str(out)))
            name = f"s-{lang}-{suffix[1:]}"
            ok(run_cli("new", name, "--from", akn("en", 299), "--with", str(out)))
            back = json.loads(ok(run_cli("show", name, "--lang", lang, "--json")))
            assert [_outline(p) for p in back["operative"]] == [_outline(p) for p in shown["operative"]]
            assert [f["text"] for f in back["footnotes"]] == [f["text"] for f in shown["footnotes"]]
            items = [_spaced(i["text"]) for i in back["operative"][6]["items"]]
            assert items == [_spaced(i["text"]) for i in shown["operative"][6]["items"]]
    assert "份额2 323 000美元" in items[2]


_PAIRS = sorted(
    p.name
    for p in DATA.glob("*_A_RES_79_*.xml")
    if not p.name.startswith("en_") and (DATA / f"en_{p.name[3:]}").exists()
)


@pytest.mark.parametrize("name", _PAIRS)
def test_every_version_in_the_repository_aligns_with_its_english(name):
    """Each of the UN's versions kept here (headings in plain type, numbers printed in the text, the
    reissue note, preambular paragraphs set in the body, a Cyrillic letter...) aligns with its English."""
    english = parse_file(DATA / f"en_{name[3:]}")
    t = align(english, parse_file(DATA / name), name)
    assert list(t.paragraphs) == [loc.paragraph.id for loc in iter_located(english)]


def test_a_facilitator_accepts_a_delegations_proposed_translation_like_any_amendment(run_cli):
    ok(run_cli("new", "r", "--from", akn("en", 328), "--with", akn("es", 328), "--facilitator", "Pakistan"))
    proposed = ok(
        run_cli(
            "translate", "r", "OP2", "--lang", "es", "--text", "Invita a todos los Estados;", "--as", "France"
        )
    )
    ident = proposed.split(" proposed as ")[1].split(";")[0]
    one_line_error(run_cli("accept", "r", ident, "--as", "France"), "only a facilitator", "France is not one")
    one_line_error(run_cli("translate", "r", "--accept", ident, "--as", "Chile"), "Chile is not one")
    assert "translation accepted" in ok(run_cli("accept", "r", ident[:8], "--as", "Pakistan"))
    shown = json.loads(ok(run_cli("show", "r", "--lang", "es", "--json")))
    assert shown["operative"][1]["text"] == "Invita a todos los Estados;"
    assert json.loads(ok(run_cli("translations", "r", "proposals", "--json")))[0]["status"] == "accepted"
    assert {p["label"]: p["status"]["es"] for p in status(run_cli, "r")["paragraphs"]}["OP2"] == "current"


def test_a_delegation_amends_a_translation_and_the_facilitator_accepts_it(run_cli):
    ok(run_cli("new", "r", "--from", akn("en", 328), "--with", akn("es", 328), "--facilitator", "Pakistan"))
    ident = ok(
        run_cli(
            "amend",
            "r",
            "--as",
            "Chile",
            "replace",
            "OP3",
            "--lang",
            "es",
            "--text",
            "Solicita al Presidente;",
        )
    ).strip()
    listed = json.loads(ok(run_cli("translations", "r", "proposals", "--json")))
    assert [(p["id"], p["label"], p["language"], p["proposer"]) for p in listed] == [
        (ident, "OP3", "es", "Chile")
    ]
    assert json.loads(ok(run_cli("amendments", "r", "--json"))) == []  # the working text is not amended
    one_line_error(
        run_cli("amend", "r", "--as", "Chile", "replace", "OP3", "--lang", "en", "--text", "x"),
        "working language",
    )
    ok(run_cli("accept", "r", ident, "--as", "Pakistan"))
    assert (
        json.loads(ok(run_cli("show", "r", "--lang", "es", "--json")))["operative"][2]["text"]
        == "Solicita al Presidente;"
    )


def _verdicts(tmp_path: Path) -> list[str]:
    from draftroom.store import Negotiation
    from draftroom.store import remote as rm

    with Negotiation(tmp_path / "home" / "r").repository() as repo:
        return [v.reason for v in rm.judge_range(repo, None, "HEAD", signed=False)]


def test_the_guard_lets_translations_through_by_who_may_make_them_and_refuses_a_delegations_own(
    run_cli, tmp_path
):
    """The rules the server's guard and `verify` apply: a delegation's proposed wording, its
    acceptance by the facilitator and the Secretariat's translating pass; a delegation writing the
    translation itself (by hand, with plain git) is refused."""
    ok(run_cli("new", "r", "--from", akn("en", 328), "--with", akn("es", 328), "--facilitator", "Pakistan"))
    ident = ok(
        run_cli("amend", "r", "--as", "Chile", "replace", "OP3", "--lang", "es", "--text", "Solicita;")
    ).strip()
    ok(run_cli("accept", "r", ident, "--as", "Pakistan"))
    ok(run_cli("translate", "r", "OP2", "--lang", "es", "--text", "Invita a todos;", "--as", "Secretariat"))
    assert _verdicts(tmp_path) == []
    neg = tmp_path / "home" / "r"
    text = next((neg / "translations" / "es" / "text").iterdir())
    text.write_text("Chile lo escribe;\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(neg), "add", "-A"], check=True)
    message = "translate: Chile writes the Spanish itself\n\nActor: Chile\nAction: translate\n"
    subprocess.run(
        ["git", "-C", str(neg), "-c", "user.name=c", "-c", "user.email=c@x", "commit", "-qm", message],
        check=True,
    )
    assert _verdicts(tmp_path) == [
        f"Chile changed translations/es/text/{text.name}: only the Secretariat translates (a delegation proposes a wording)"
    ]


def test_a_facilitator_rejects_a_proposed_translation_with_its_reason_and_verify_stays_clean(
    run_cli, tmp_path
):
    """`reject NAME ID --reason ...` as for any amendment: the proposal stays in its file marked rejected
    with the reason, the translation is untouched, the rules `verify` applies pass it; a delegation, an
    unknown id and a proposal decided already are refused in one line."""
    ok(run_cli("new", "r", "--from", akn("en", 328), "--with", akn("es", 328), "--facilitator", "Pakistan"))
    before = json.loads(ok(run_cli("show", "r", "--lang", "es", "--json")))["operative"][2]["text"]
    ident = ok(
        run_cli("amend", "r", "--as", "Chile", "replace", "OP3", "--lang", "es", "--text", "Solicita;")
    ).strip()
    one_line_error(run_cli("reject", "r", ident, "--as", "France"), "only a facilitator", "France is not one")
    one_line_error(run_cli("reject", "r", "CHL-nothing", "--as", "Pakistan"), "no amendment 'CHL-nothing'")
    said = ok(run_cli("reject", "r", ident, "--as", "Pakistan", "--reason", "incompleto"))
    assert said == f"{ident}: translation rejected\n"
    one_line_error(run_cli("reject", "r", ident, "--as", "Pakistan"), f"{ident} was already rejected")
    one_line_error(run_cli("accept", "r", ident, "--as", "Pakistan"), f"{ident} was already rejected")
    [listed] = json.loads(ok(run_cli("translations", "r", "proposals", "--json")))
    assert (listed["id"], listed["label"], listed["status"], listed["reason"]) == (
        ident,
        "OP3",
        "rejected",
        "incompleto",
    )
    assert "rejected because: incompleto" in ok(run_cli("translations", "r", "proposals"))
    stored = json.loads(
        (tmp_path / "home" / "r" / "translations" / "es" / "proposals" / f"{ident}.json").read_text("utf-8")
    )
    assert (stored["status"], stored["reason"]) == ("rejected", "incompleto")
    assert json.loads(ok(run_cli("show", "r", "--lang", "es", "--json")))["operative"][2]["text"] == before
    assert _verdicts(tmp_path) == []


def test_a_proposal_stored_before_reasons_and_footnotes_still_loads_and_is_decided(run_cli, tmp_path):
    """A proposals file written before `reason` and `footnote` were kept (status, no more) loads, and
    an undecided paragraph's proposal is still written in that form."""
    ok(run_cli("new", "r", "--from", akn("en", 328), "--with", akn("es", 328), "--facilitator", "Pakistan"))
    ident = ok(
        run_cli("amend", "r", "--as", "Chile", "replace", "OP3", "--lang", "es", "--text", "Solicita;")
    ).strip()
    path = tmp_path / "home" / "r" / "translations" / "es" / "proposals" / f"{ident}.json"
    assert set(json.loads(path.read_text("utf-8"))) == {
        "id",
        "paragraph",
        "language",
        "text",
        "proposer",
        "source",
        "status",
    }
    ok(run_cli("accept", "r", ident, "--as", "Pakistan", "--because", "bien"))
    assert json.loads(path.read_text("utf-8"))["reason"] == "bien"


def test_a_delegation_proposes_a_footnotes_translation_accepted_or_rejected_like_a_paragraphs(
    run_cli, tmp_path
):
    """`translate --footnote N --as Chile` proposes the wording (before, only the Secretariat could
    translate a note); the facilitator accepts one (the note is current in that wording) and rejects
    another (the note keeps its translation); the rules `verify` applies pass every step."""
    ok(run_cli("new", "r", "--from", akn("en", 328), "--with", akn("es", 328), "--facilitator", "Pakistan"))
    said = ok(
        run_cli("translate", "r", "--footnote", "1", "--lang", "es", "--text", "Nota uno.", "--as", "Chile")
    )
    first = said.split(" proposed as ")[1].split(";")[0]
    said = ok(
        run_cli("translate", "r", "--footnote", "2", "--lang", "es", "--text", "Nota dos.", "--as", "Chile")
    )
    second = said.split(" proposed as ")[1].split(";")[0]
    listed = json.loads(ok(run_cli("translations", "r", "proposals", "--json")))
    assert [(p["label"], p["footnote"], p["status"]) for p in listed] == [
        ("footnote 1", 1, "proposed"),
        ("footnote 2", 2, "proposed"),
    ]
    notes = {
        f["number"]: f["text"]
        for f in json.loads(ok(run_cli("show", "r", "--lang", "es", "--json")))["footnotes"]
    }
    assert notes[1] != "Nota uno."  # a proposal is not the translation
    one_line_error(run_cli("accept", "r", first, "--as", "Chile"), "Chile is not one")
    ok(run_cli("accept", "r", first, "--as", "Pakistan"))
    ok(run_cli("reject", "r", second, "--as", "Pakistan", "--reason", "ya traducida"))
    shown = {
        f["number"]: f["text"]
        for f in json.loads(ok(run_cli("show", "r", "--lang", "es", "--json")))["footnotes"]
    }
    assert shown[1] == "Nota uno." and shown[2] == notes[2]
    assert status(run_cli, "r")["footnotes"][0]["status"]["es"] == "current"
    assert [p["status"] for p in json.loads(ok(run_cli("translations", "r", "proposals", "--json")))] == [
        "accepted",
        "rejected",
    ]
    one_line_error(
        run_cli("translate", "r", "--footnote", "99", "--lang", "es", "--text", "x", "--as", "Chile"),
        "has no footnote 99",
    )
    assert _verdicts(tmp_path) == []
