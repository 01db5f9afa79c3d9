"""`draftroom diff` as a user runs it: revisions of a real negotiation (git store), outputs, errors."""

import json

import pytest
from diff_support import CORPUS_EN, SEEDS, expected_paragraphs, make_doc, pandoc_paragraphs

from draftroom.parse import parse_file
from draftroom.store import Negotiation

PRE = [
    "Recalling its resolution 64/178 on improving the coordination of efforts against trafficking in persons,",
    "Concerned that the global economic crisis is likely to aggravate trafficking in persons,",
]
OPS = [
    "Urges States that have not yet done so to ratify the Convention and the Protocol;",
    "Requests the Secretary-General to provide adequate resources to the programme;",
    "Requests the Secretary-General to submit a report to the General Assembly at its sixty-eighth session.",
]


@pytest.fixture
def negotiation(tmp_path):
    """A negotiation `traffic` with rev-0 and a facilitator's rev-1, in the CLI's home."""
    doc = make_doc(PRE, OPS, ids=["pp-a", "pp-b", "op-a", "op-b", "op-c"])
    neg = Negotiation.create(tmp_path / "home" / "traffic", doc, [], "Facilitator", date="2019-10-01")
    with neg.action("revise", "Facilitator", summary="Rev.1") as txn:
        d = txn.doc
        d.preamble[0].text = PRE[0].replace("resolution 64/178", "resolutions 64/178 and 72/195")
        del d.preamble[1]
        report = d.operative.pop(2)
        d.operative.insert(0, report)
        d.operative[1].text = "Urges Member States to ratify the Convention and the Protocol;"
        for n, p in enumerate(d.operative, 1):
            p.number = n
        txn.cut_revision("A/C.3/74/L.20/Rev.1", "2019-11-14")
    return neg


def test_two_revisions_pair_by_id(run_cli, negotiation):
    res = run_cli("diff", "traffic@rev-0", "traffic@Rev.1", "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    by_old = {p["old"]: p for p in out["pairs"]}
    assert by_old["PP1"]["new"] == "PP1" and by_old["PP1"]["status"] == "changed"
    assert by_old["PP2"]["status"] == "deleted" and by_old["PP2"]["new"] is None
    assert by_old["OP3"]["new"] == "OP1"
    assert "moved" in {by_old["OP3"]["status"], by_old["OP1"]["status"]}
    assert by_old["OP2"]["status"] == "unchanged"
    assert out["summary"] == {"unchanged": 1, "changed": 2, "moved": 1, "inserted": 0, "deleted": 1}
    seg = by_old["PP1"]["segments"]
    assert ["insert", "s"] not in seg and any(op == "insert" and "72/195" in t for op, t in seg)
    for p in out["pairs"]:
        assert set(p) >= {"old", "new", "status", "similarity", "segments"}
        assert 0 <= p["similarity"] <= 1


def test_from_to_gives_the_same_comparison(run_cli, negotiation):
    a = run_cli("diff", "traffic", "--from", "rev-0", "--to", "rev-1", "--json")
    b = run_cli("diff", "traffic@rev-0", "traffic@rev-1", "--json")
    assert a.returncode == 0, a.stderr
    assert json.loads(a.stdout)["pairs"] == json.loads(b.stdout)["pairs"]
    default = run_cli("diff", "traffic", "--json")  # newest revision against the current text
    assert default.returncode == 0 and json.loads(default.stdout)["summary"]["unchanged"] == 4


def test_terminal_output_labels_both_sides_and_ends_with_counts(run_cli, negotiation):
    res = run_cli("diff", "traffic@rev-0", "traffic@rev-1")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert "OP3 → OP1" in res.stdout and "\x1b[" not in res.stdout  # no colour when piped
    assert "64/178 {+and 72/195 +}on" in res.stdout
    assert "[-Concerned that the global economic crisis" in res.stdout
    assert "… 1 unchanged: OP2 → OP3" in lines
    assert lines[-1] == "2 changed, 1 moved, 1 deleted, 1 unchanged"
    coloured = run_cli("diff", "traffic@rev-0", "traffic@rev-1", "--color", "always")
    assert "\x1b[32;4m" in coloured.stdout and "\x1b[31;9m" in coloured.stdout


def test_html_and_docx_files_are_written(run_cli, negotiation, tmp_path):
    res = run_cli("diff", "traffic@rev-0", "traffic@rev-1", "--html", "r.html", "--docx", "r.docx")
    assert res.returncode == 0, res.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<del>" in html and "<ins>" in html
    assert "<script" not in html and "http" not in html.split("<body>")[1]
    assert (tmp_path / "r.docx").read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("traffic@rev-7", "traffic@rev-1"), "no revision 'rev-7'"),
        (("nosuch@rev-0", "traffic@rev-1"), "no negotiation 'nosuch'"),
        (("missing.txt", "other.txt"), "missing.txt"),
        (("traffic@rev-0", "traffic@rev-1", "--from", "rev-0"), "--from/--to"),
        (("traffic@rev-0", "traffic@rev-1", "--docx", "no/such/dir/r.docx"), "does not exist"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(run_cli, negotiation, args, says):
    res = run_cli("diff", *args)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and says in res.stderr and "Traceback" not in res.stderr


def test_a_binary_file_is_refused_in_one_line(run_cli, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02 binary")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02 binary")
    res = run_cli("diff", "a.txt", "b.txt")
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "binary" in res.stderr


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (SEEDS / "002_e512e5138112a4f1.txt", SEEDS / "001_334a0e47d0d674b7.txt"),  # 2012 -> 2019, Chinese
        (CORPUS_EN / "A_C.3_80_L.3.txt", CORPUS_EN / "A_RES_80_229.txt"),  # draft -> adopted, English
    ],
)
def test_real_files_give_a_word_redline_that_accepts_to_the_new_text_and_rejects_to_the_old(
    run_cli, tmp_path, old, new
):
    res = run_cli("diff", str(old), str(new), "--docx", "real.docx", "--author", "Secretariat")
    assert res.returncode == 0, res.stderr
    assert pandoc_paragraphs(tmp_path / "real.docx", "accept") == expected_paragraphs(parse_file(new))
    assert pandoc_paragraphs(tmp_path / "real.docx", "reject") == expected_paragraphs(parse_file(old))


def test_two_languages_warn_and_pair_by_number(run_cli):
    zh, en = SEEDS / "002_e512e5138112a4f1.txt", CORPUS_EN / "A_C.3_80_L.20.txt"
    res = run_cli("diff", str(zh), str(en), "--json")
    assert res.returncode == 0
    assert res.stderr.count("\n") == 1 and "'zh'" in res.stderr and "'en'" in res.stderr
    pairs = [p for p in json.loads(res.stdout)["pairs"] if p["old"] and p["new"]]
    assert pairs and all(p["old"] == p["new"] for p in pairs)


def test_a_text_that_is_no_resolution_is_refused_in_one_line(run_cli, tmp_path):
    (tmp_path / "notes.txt").write_text("shopping list\neggs\nmilk\n", encoding="utf-8")
    res = run_cli("diff", "notes.txt", str(SEEDS / "002_e512e5138112a4f1.txt"))
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "notes.txt" in res.stderr


def test_a_negotiation_created_from_a_file_compares_with_its_successor_file(run_cli):
    made = run_cli("new", "trafficking", "--from", str(SEEDS / "002_e512e5138112a4f1.txt"))
    assert made.returncode == 0, made.stderr
    res = run_cli("diff", "trafficking@rev-0", str(SEEDS / "001_334a0e47d0d674b7.txt"), "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    direct = run_cli(
        "diff", str(SEEDS / "002_e512e5138112a4f1.txt"), str(SEEDS / "001_334a0e47d0d674b7.txt"), "--json"
    )
    assert (
        out["summary"] == json.loads(direct.stdout)["summary"]
    )  # a stored text pairs by content like its file
    assert out["old_name"] == "trafficking@rev-0"
