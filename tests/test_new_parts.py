"""A resolution adopted in parts (A/RES/75/101 A-B, the UN's documentCollection) negotiated end to end:
new, amend in any part, accept, revise, show, amendments, diff, export to Word and to AKN4UN.

Labels in such a text open with the part's letter ("A OP3", "B PP1"); each part keeps its own
numbering and its paragraphs their ids. A text in one part is stored exactly as before."""

import json
import re
from pathlib import Path

import docx
from conftest import one_line_error
from lxml import etree

from draftroom.export.akn import AKN_NS, schema_errors
from draftroom.model.compare import differences
from draftroom.parse import parse_file
from draftroom.parse.akn import read_akn

AKN = Path(__file__).parent / "data" / "akn"
PARTS = AKN / "en_A_RES_75_101A-B.xml"  # part A: 2 PP, 1 OP with sub-items; part B: 2 PP, 3 OP
NS = {"a": AKN_NS}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _ok(result) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def _room(run_cli) -> None:
    out = _ok(run_cli("new", "info", "--from", str(PARTS), "--facilitator", "Norway"))
    assert "in 2 parts (A, B): 4 preambular and 4 operative paragraphs" in out


def _amend(run_cli, *args: str) -> str:
    return _ok(run_cli("amend", "info", *args)).strip()


def _amended(run_cli) -> None:
    """Five proposals in both parts, accepted by the facilitator, and Rev.1 cut."""
    ids = [
        _amend(run_cli, "--as", "France", "replace", "B OP2", "--text", "Reaffirms its commitment."),
        _amend(run_cli, "--as", "Mexico", "edit", "bop3", "--find", "should take", "--replace", "must take"),
        _amend(
            run_cli,
            "--as",
            "Chile",
            "insert",
            "--after",
            "a pp2",
            "--text",
            "Recalling its resolution 74/90,",
        ),
        _amend(run_cli, "--as", "Chile", "move", "B OP3", "--before", "B OP1"),
        _amend(run_cli, "--as", "Egypt", "delete", "A OP1(f)"),
    ]
    _ok(run_cli("accept", "info", *ids, "--as", "Norway"))
    _ok(run_cli("revise", "info", "--as", "Norway"))


def test_new_stores_each_part_with_its_own_numbering_and_ids(run_cli, tmp_path):
    _room(run_cli)
    where = tmp_path / "home" / "info"
    meta = json.loads((where / "meta.json").read_text())
    assert [p["symbol"] for p in meta["parts"]] == ["A/RES/75/101 A", "A/RES/75/101 B"]
    assert meta["parts"][0]["title"] == "Information in the service of humanity"
    structure = (where / "structure.txt").read_text().splitlines()
    assert [line for line in structure if line.startswith("part")] == ["part 1", "part 2"]
    shown = _ok(run_cli("show", "info"))
    for label in ("A PP1", "A PP2", "A OP1", "A OP1(e)(iv)", "B PP1", "B OP1", "B OP3"):
        assert f"  {label} " in shown, label
    assert "part A (A/RES/75/101 A): Information in the service of humanity" in shown
    # the text read back from the store is the UN's file, part by part
    stored = json.loads(_ok(run_cli("show", "info", "--json")))
    assert [p["operative"][0]["label"] for p in stored["parts"]] == ["A OP1", "B OP1"]


def test_a_text_in_one_part_is_stored_as_before(run_cli, tmp_path):
    _ok(run_cli("new", "one", "--from", str(AKN / "en_A_RES_79_3.xml")))
    where = tmp_path / "home" / "one"
    assert "parts" not in json.loads((where / "meta.json").read_text())
    structure = (where / "structure.txt").read_text().splitlines()
    assert structure[0] == "preamble" and not any(line.startswith("part") for line in structure)
    assert "\nPP1 " in _ok(run_cli("show", "one"))


def test_labels_must_name_the_part_and_moves_stay_in_it(run_cli):
    _room(run_cli)
    line = one_line_error(run_cli("amend", "info", "--as", "Chile", "delete", "OP3"))
    assert "a resolution in 2 parts" in line and "B OP3" in line
    line = one_line_error(run_cli("amend", "info", "--as", "Chile", "delete", "OP1"))
    assert "A OP1 or B OP1" in line
    assert "no part C" in one_line_error(run_cli("amend", "info", "--as", "Chile", "delete", "C OP1"))
    assert "part A of this text" in one_line_error(
        run_cli("amend", "info", "--as", "Chile", "delete", "A OP3")
    )
    line = one_line_error(run_cli("amend", "info", "--as", "Chile", "move", "B OP3", "--before", "A OP1"))
    assert "operative part of part B" in line and "delete and an insert" in line
    assert "no amendments" in _ok(run_cli("amendments", "info"))


def test_amendments_in_any_part_accepted_and_revised(run_cli, tmp_path):
    _room(run_cli)
    before = parse_file(PARTS)
    ids_before = [p.id for p in before.parts[1].operative]
    _amended(run_cli)
    listing = _ok(run_cli("amendments", "info"))  # each named where its paragraph stands now
    for where in ("replace B OP3", "edit    B OP1", "insert  A PP3", "move    B OP1 to before B OP2"):
        assert where in listing, where
    doc = json.loads(_ok(run_cli("show", "info", "--json")))
    a, b = doc["parts"]
    assert [p["label"] for p in a["preamble"]] == ["A PP1", "A PP2", "A PP3"]
    assert a["preamble"][2]["text"] == "Recalling its resolution 74/90,"
    assert [i["marker"] for i in a["operative"][0]["items"]] == ["a", "b", "c", "d", "e"]
    assert [p["number"] for p in b["operative"]] == [1, 2, 3]  # renumbered in its own part
    assert b["operative"][0]["text"].startswith("Underlines") and "must take" in b["operative"][0]["text"]
    assert b["operative"][2]["text"] == "Reaffirms its commitment."
    # ids are stable: the moved paragraph keeps its id in its part
    assert [p["id"] for p in b["operative"]] == [ids_before[2], ids_before[0], ids_before[1]]
    assert [f["number"] for f in doc["footnotes"]] == [1, 2]
    diff = _ok(run_cli("diff", "info", "--from", "rev-0"))
    assert "→ A PP3  inserted" in diff and "B OP3 → B OP1  moved" in diff
    assert "A OP1(f)" in diff and "deleted" in diff


def test_diff_of_two_files_names_the_parts(run_cli, tmp_path):
    changed = tmp_path / "changed.xml"
    changed.write_text(PARTS.read_text().replace("should take into account", "must take into account"))
    out = _ok(run_cli("diff", str(PARTS), str(changed)))
    assert "B OP3  changed" in out


def test_diff_shows_a_changed_part_title_under_its_letter(run_cli, tmp_path):
    changed = tmp_path / "changed.xml"
    text = PARTS.read_text()
    changed.write_text(
        text.replace(
            ">Information in the service of humanity<", ">Information in the service of all humanity<"
        )
    )
    out = _ok(run_cli("diff", str(PARTS), str(changed)))
    assert "A title  changed" in out and "Information in the service of {+all +}humanity" in out
    assert "B title  changed" not in out and out.endswith("1 changed, 20 unchanged; footnotes: 2 unchanged\n")
    pairs = json.loads(_ok(run_cli("diff", str(PARTS), str(changed), "--json")))["pairs"]
    names = [p["new"] for p in pairs]
    # each part's title stands before its part's paragraphs, after the whole's title
    assert names.index("title") < names.index("A title") < names.index("A PP1") < names.index("B title")
    assert names.index("B title") < names.index("B PP1")
    assert [p["status"] for p in pairs if p["new"] in ("A title", "B title")] == ["changed", "unchanged"]
    # in Word, the tracked change of the part's title
    redline = tmp_path / "r.docx"
    _ok(run_cli("diff", str(PARTS), str(changed), "--docx", str(redline)))
    inserted = [
        e.text
        for e in docx.Document(str(redline)).element.body.iter(f"{{{W}}}t")
        if e.getparent().getparent().tag == f"{{{W}}}ins"
    ]
    assert "all " in inserted
    # a text in one part diffed with a text in parts: the titles the other lacks are inserted
    single = AKN / "en_A_RES_79_3.xml"
    pairs = json.loads(_ok(run_cli("diff", str(single), str(PARTS), "--json")))["pairs"]
    assert {p["new"]: p["status"] for p in pairs if p["old"] is None and "title" in (p["new"] or "")} == {
        "A title": "inserted",
        "B title": "inserted",
    }


def test_word_export_sets_each_part_under_its_letter_and_title(run_cli, tmp_path):
    _room(run_cli)
    _amended(run_cli)
    out = tmp_path / "info.docx"
    # Rev.1 is a new draft (its adoption gone): the day and meeting it is adopted at are given
    adopted = ("--adopted-on", "2020-12-10", "--meeting", "41")
    _ok(
        run_cli(
            "export", "info", "-o", str(out), "--kind", "resolution", "--symbol", "A/RES/76/50 A-B", *adopted
        )
    )
    paras = docx.Document(str(out)).paragraphs
    texts = [p.text for p in paras]
    assert "Resolutions adopted by the General Assembly\non 10 December 2020" in texts
    title = next(p for p in paras if p.style.style_id == "TitleH1")
    assert title.text == "\t76/50.\tQuestions relating to information"
    a, b = texts.index("A"), texts.index("B")
    assert texts[a + 1] == "Information in the service of humanity"
    assert texts[b + 1] == "United Nations global communications policies and activities"
    for i in (a, a + 1, b, b + 1):
        assert paras[i].alignment == 1, texts[i]  # centred
        assert paras[i].style.font.bold or paras[i].style.base_style.font.bold, texts[i]
    assert texts[a + 2] == texts[b + 2] == "The General Assembly,"
    # each part closes with its meeting and date, as the UN prints them
    closings = [i for i, t in enumerate(texts) if t == "41st plenary meeting\n10 December 2020"]
    assert len(closings) == 2 and a < closings[0] < b < closings[1]
    part_b = texts[b : closings[1]]
    assert [t.split("\t")[0] for t in part_b if t[:2] in ("1.", "2.", "3.")] == ["1.", "2.", "3."]
    assert "Recalling its resolution 74/90," in texts[a:b]
    # the draft of the same text: the parts under the draft's title, no closing
    draft = tmp_path / "draft.docx"
    _ok(run_cli("export", "info", "-o", str(draft), "--kind", "draft", "--symbol", "A/C.4/76/L.5"))
    texts = [p.text for p in docx.Document(str(draft)).paragraphs]
    assert "A" in texts and "B" in texts and not any("plenary meeting" in t for t in texts)


def test_export_of_the_file_itself_to_word(run_cli, tmp_path):
    out = tmp_path / "un.docx"
    _ok(run_cli("export", str(PARTS), "-o", str(out)))
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts.index("A") < texts.index("Information in the service of humanity") < texts.index("B")
    assert "\t75/101.\tQuestions relating to information" in texts


def test_akn_export_is_the_uns_collection_and_schema_valid(run_cli, tmp_path):
    _room(run_cli)
    out = tmp_path / "rev0.xml"
    _ok(run_cli("export", "info", "-o", str(out), "--validate"))
    data = out.read_bytes()
    assert schema_errors(data) == []
    assert differences(parse_file(PARTS), read_akn(data, "rev0.xml").document) == []  # the UN's text, whole
    _amended(run_cli)
    adopted = ("--adopted-on", "2020-12-10", "--meeting", "41")
    _ok(
        run_cli(
            "export", "info", "-o", str(out), "--kind", "resolution", "--symbol", "A/RES/76/50 A-B", *adopted
        )
    )
    data = out.read_bytes()
    assert schema_errors(data) == []
    root = etree.fromstring(data)
    assert root.find("a:documentCollection", NS) is not None
    statements = root.findall("a:components/a:component/a:statement", NS)
    uris = [s.find(".//a:FRBRWork/a:FRBRuri", NS).get("value") for s in statements]
    assert uris == [f"/akn/un/statement/deliberation/unga/2020-12-10/76-50{x}/" for x in "AB"]
    again = read_akn(data, "rev1.xml").document
    assert [len(p.preamble) for p in again.parts] == [3, 2]
    assert again.parts[1].operative[2].text == "Reaffirms its commitment."
    draft = tmp_path / "draft.xml"
    _ok(
        run_cli(
            "export", "info", "-o", str(draft), "--kind", "draft", "--symbol", "A/C.4/76/L.5", "--validate"
        )
    )
    docs = etree.fromstring(draft.read_bytes()).findall("a:components/a:component/a:doc", NS)
    assert [d.get("name") for d in docs] == ["draftResolution", "draftResolution"]


def test_formal_amendments_name_each_part_and_read_back_into_it(run_cli, tmp_path):
    _ok(run_cli("new", "info", "--from", str(PARTS), "--symbol", "A/C.4/76/L.5"))
    _amend(run_cli, "--as", "France", "replace", "B OP2", "--text", "Reaffirms its commitment.")
    _amend(
        run_cli, "--as", "France", "insert", "--after", "A PP2", "--text", "Recalling its resolution 74/90,"
    )
    _amend(run_cli, "--as", "France", "delete", "B PP1")
    for ext in ("docx", "xml", "txt"):
        out = tmp_path / f"amendments.{ext}"
        _ok(run_cli("export", "info", "--kind", "amendments", "--by", "France", "-o", str(out)))
        if ext == "docx":
            texts = [p.text for p in docx.Document(str(out)).paragraphs]
            a, b = texts.index("Draft resolution A"), texts.index("Draft resolution B")
            assert (
                a
                < texts.index(
                    "1.\tAfter the second preambular paragraph, insert a new preambular paragraph reading:"
                )
                < b
            )
            assert b < texts.index("2.\tReplace operative paragraph 2 with the following:")
        if ext == "xml":
            assert schema_errors(out.read_bytes()) == []
        parsed = json.loads(_ok(run_cli("parse", str(out), "--json")))
        targets = [(i["op"], i.get("target") or i.get("after")) for i in parsed["instructions"]]
        assert targets == [("insert", "A PP2"), ("replace", "B OP2"), ("delete", "B PP1")], ext
    # recorded from the document (by another negotiation of the same text), each in its part
    _ok(run_cli("new", "again", "--from", str(PARTS), "--symbol", "A/C.4/76/L.5"))
    _ok(run_cli("amend", "again", "--as", "France", "--from-document", str(tmp_path / "amendments.docx")))
    listing = _ok(run_cli("amendments", "again"))
    assert "replace B OP2" in listing and "new after A PP2" in listing and "delete  B PP1" in listing


def test_the_room_shows_each_part_under_its_letter_and_title():
    import asyncio

    from tui_support import FakeLobby, FakeRoom, screen_text

    from draftroom.tui.app import DraftroomApp
    from draftroom.tui.identity import Identity
    from draftroom.tui.widgets.draft_view import DraftView

    async def scenario() -> None:
        room = FakeRoom("info", parse_file(PARTS))
        app = DraftroomApp(FakeLobby({"info": room}), "info", Identity("France", "delegate"))
        async with app.run_test(size=(140, 60)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            view = app.screen.query_one(DraftView)
            rows = [str(view.get_option_at_index(i).prompt) for i in range(view.option_count)]
            assert rows[0].startswith("A  Information in the service of humanity")
            b = next(i for i, r in enumerate(rows) if r.startswith("B  United Nations global"))
            assert view.get_option_at_index(b + 1).id == parse_file(PARTS).parts[1].preamble[0].id
            assert " A PP1 " in screen_text(app) and " A OP1 " in screen_text(app)

    asyncio.run(scenario())


FRENCH = AKN / "fr_A_RES_75_101A-B.xml"  # the UN's French file of the same resolution, cut as the English


def test_the_french_version_aligns_part_by_part_and_exports_in_french(run_cli, tmp_path):
    out = _ok(run_cli("new", "info", "--from", str(PARTS), "--with", str(FRENCH), "--facilitator", "Norway"))
    assert "aligned versions in fr" in out
    shown = _ok(run_cli("show", "info", "--lang", "fr"))
    assert "part A (A/RES/75/101 A): L’information au service de l’humanité" in shown
    assert "part B (A/RES/75/101 B): Politiques et activités" in shown and "41e séance plénière" in shown
    assert re.search(r"  B OP1 +Prie le Secrétaire général", shown)
    docx_fr = tmp_path / "info-fr.docx"
    _ok(run_cli("export", "info", "--lang", "fr", "-o", str(docx_fr)))
    texts = [p.text for p in docx.Document(str(docx_fr)).paragraphs]
    assert "Résolutions adoptées par l’Assemblée générale\nle 10 décembre 2020" in texts
    assert texts[texts.index("A") + 1] == "L’information au service de l’humanité"
    assert texts[texts.index("B") + 2] == "L’Assemblée générale,"
    # a change of the working text in one part leaves only that paragraph stale in French
    aid = _amend(run_cli, "--as", "France", "replace", "B OP2", "--text", "Reaffirms its commitment.")
    _ok(run_cli("accept", "info", aid, "--as", "Norway"))
    _ok(run_cli("revise", "info", "--as", "Norway"))
    report = json.loads(_ok(run_cli("translations", "info", "--json")))
    stale = [p["label"] for p in report["paragraphs"] if p["status"]["fr"] != "current"]
    assert stale == ["B OP2"]


def test_a_version_in_parts_does_not_align_with_a_text_in_one_part(run_cli):
    _ok(run_cli("new", "one", "--from", str(AKN / "en_A_RES_79_3.xml")))
    line = one_line_error(run_cli("translations", "one", "add", str(FRENCH)))
    assert "2 part(s), the working text 0" in line or "A/RES/75/101" in line
