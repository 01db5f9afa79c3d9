"""AKN4UN export: every kind of document valid against the OASIS Akoma Ntoso 3.0 schema, the UN's
naming convention, and the round trip of the UN's own files."""

import re
from pathlib import Path

import pytest
from conftest import ok
from corpus_support import CORPUS_EN, SEEDS
from lxml import etree

from draftroom.export.akn import AKN_NS, schema_errors, write_akn
from draftroom.export.blocks import Options
from draftroom.model.compare import differences
from draftroom.parse import parse_file
from draftroom.parse.akn import read_akn
from draftroom.record import replace

AKN = Path(__file__).parent / "data" / "akn"
NS = {"a": AKN_NS}


@pytest.mark.parametrize("path", sorted(AKN.glob("*.xml")), ids=lambda p: p.name)
def test_round_trip_of_the_uns_files(path):
    doc = read_akn(path.read_bytes(), path.name).document
    data = write_akn(doc, Options(kind=doc.kind, lang=doc.language))
    assert schema_errors(data) == []
    again = read_akn(data, "again.xml").document
    assert differences(doc, again) == []
    # the openers come back as the italic spans they were
    assert [p.opener for p in doc.preamble] == [p.opener for p in again.preamble]


def test_resolution_identifiers_follow_the_un_convention():
    doc = parse_file(AKN / "en_A_RES_79_117.xml")
    root = etree.fromstring(write_akn(doc, Options(kind="resolution", lang="en")))
    statement = root.find("a:statement", NS)
    assert statement is not None and statement.get("name") == "resolution"
    uri = root.find(".//a:FRBRWork/a:FRBRuri", NS).get("value")
    assert uri == "/akn/un/statement/deliberation/unga/2024-12-04/79-117/"
    assert root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value") == uri + "eng@/"
    for part in ("preface", "preamble", "mainBody", "conclusions"):
        assert statement.find(f"a:{part}", NS) is not None, part
    spans = root.findall(".//a:preamble/a:container/a:p/a:span[@class='italic']", NS)
    assert [s.text for s in spans] == [p.opener for p in doc.preamble]
    assert spans[1].text == "Reaffirming its belief"  # as the UN set it
    notes = root.findall(".//a:authorialNote", NS)
    assert [n.get("marker") for n in notes][:3] == ["1", "2", "3"]


KINDS = [
    (CORPUS_EN / "A_C.3_80_L.20.txt", "draft", "draftResolution"),
    (CORPUS_EN / "A_80_L.18.txt", "revised-draft", "revisedDraftResolution"),
    (CORPUS_EN / "A_RES_80_190.txt", "resolution", "resolution"),
    (CORPUS_EN / "A_C.3_80_L.62.txt", "amendments", "amendments"),
    (SEEDS / "000_6842e5c2552c18cd.txt", "resolution", "resolution"),
    (SEEDS / "001_334a0e47d0d674b7.txt", "revised-draft", "revisedDraftResolution"),
]


@pytest.mark.parametrize(("path", "kind", "name"), KINDS, ids=lambda x: getattr(x, "name", str(x)))
def test_every_kind_is_schema_valid_and_reads_back(path, kind, name):
    doc = parse_file(path)
    data = write_akn(doc, Options(kind=kind, lang=doc.language, symbol=doc.symbol or "A/C.3/80/L.99"))
    assert schema_errors(data) == []
    root = etree.fromstring(data)
    top = root[0]
    assert top.get("name") == name
    assert etree.QName(top).localname == ("statement" if kind == "resolution" else "doc")
    again = read_akn(data, "x.xml").document
    assert again.kind == kind
    if kind == "amendments":
        assert [i.op for i in again.instructions] == [i.op for i in doc.instructions]
        assert [i.target for i in again.instructions] == [i.target for i in doc.instructions]
    else:
        assert [p.text for p in again.operative] == [p.text for p in doc.operative]
        assert len(again.preamble) == len(doc.preamble)
        assert again.sponsors == doc.sponsors


def _identifiers(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    return [e.get("value") for e in root.iter(f"{{{AKN_NS}}}FRBRthis", f"{{{AKN_NS}}}FRBRuri")]


@pytest.mark.parametrize(
    ("path", "kind"), [k[:2] for k in KINDS if k[1] != "resolution"], ids=lambda x: str(x)
)
def test_a_document_with_no_symbol_yet_is_numbered_nn(path, kind):
    """A draft or amendments document before the Secretariat gives it a symbol: the naming convention's
    undefined number "nn" in every identifier, the rest as with a symbol; schema-valid."""
    doc = replace(parse_file(path), symbol=None)
    data = write_akn(doc, Options(kind=kind, lang=doc.language))
    assert schema_errors(data) == []
    ids = _identifiers(data)
    assert len(ids) == 6 and all(re.search(r"/akn/un/doc/\w+/unga/\d{4}-\d\d-\d\d/nn/", i) for i in ids), ids
    assert not any("undefined" in i for i in ids)
    given = _identifiers(write_akn(doc, Options(kind=kind, lang=doc.language, symbol="A/C.3/80/L.20/Rev.1")))
    assert [i.replace("/a-c.3-80-l.20-rev.1/", "/nn/") for i in given] == ids


def test_amendments_exported_before_their_symbol_validate(run_cli, tmp_path):
    ok(run_cli("new", "t", "--from", str(CORPUS_EN / "A_C.3_80_L.20.txt")))
    ok(run_cli("amend", "t", "--as", "France", "delete", "OP2"))
    out = tmp_path / "amendments.xml"
    ok(run_cli("export", "t", "--kind", "amendments", "--by", "France", "-o", str(out), "--validate"))
    ids = _identifiers(out.read_bytes())
    assert ids and all("/akn/un/doc/amendments/unga/" in i and "/nn/" in i for i in ids), ids
    assert read_akn(out.read_bytes(), out.name).document.amends == "A/C.3/80/L.20"


def test_export_cli_validates(run_cli, tmp_path):
    out = tmp_path / "res.xml"
    r = run_cli("export", str(AKN / "zh_A_RES_79_75.xml"), "-o", str(out), "--validate")
    assert r.returncode == 0, r.stderr
    assert schema_errors(out.read_bytes()) == []
    assert read_akn(out.read_bytes(), "res.xml").document.language == "zh"


def test_validate_needs_an_xml_output(run_cli, tmp_path):
    r = run_cli("export", str(AKN / "en_A_RES_79_3.xml"), "-o", str(tmp_path / "x.txt"), "--validate")
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_word_export_italicises_the_sources_opener(tmp_path):
    from docx import Document as Docx

    from draftroom.export.api import export_document

    doc = parse_file(AKN / "en_A_RES_79_117.xml")
    doc.preamble[0].opener = "Recalling its resolution"  # as if the source had set more in italics
    out = export_document(doc, tmp_path / "r.docx", Options(kind="resolution", lang="en"))
    paras = [p for p in Docx(str(out)).paragraphs if p.text.startswith("Recalling its resolution")]
    italic = "".join(r.text for r in paras[0].runs if r.italic)
    assert italic == "Recalling its resolution"
    texts = [p.text for p in Docx(str(out)).paragraphs]
    assert "Legislative activities" in texts  # the operative heading is on the page


def test_plain_text_openers_come_from_the_table_measured_on_the_uns_files():
    doc = parse_file(CORPUS_EN / "A_RES_80_9.txt")
    assert all(p.opener is None for p in doc.preamble)  # plain text does not say
    again = read_akn(write_akn(doc, Options(kind="resolution", lang="en")), "x.xml").document
    assert all(p.opener and p.text.startswith(p.opener) for p in again.preamble)
    from draftroom.export.phrases import PHRASES

    assert "Taking note" in PHRASES["en"] and "Taking note of" not in PHRASES["en"]


def test_a_resolution_in_parts_is_written_as_the_uns_collection():
    doc = parse_file(AKN / "en_A_RES_75_101A-B.xml")
    data = write_akn(doc, Options(kind=doc.kind, lang="en"))
    assert schema_errors(data) == []
    root = etree.fromstring(data)
    assert root.find("a:documentCollection", NS).get("name") == "publication"
    refs = root.findall("a:documentCollection/a:collectionBody/a:component/a:documentRef", NS)
    statements = root.findall("a:components/a:component/a:statement", NS)
    assert len(refs) == len(statements) == 2
    assert [s.find("a:preface//a:docNumber", NS).text for s in statements] == ["A", "B"]
    uris = [s.find(".//a:FRBRWork/a:FRBRuri", NS).get("value") for s in statements]
    assert uris == [f"/akn/un/statement/deliberation/unga/2020-12-10/75-101{x}/" for x in "AB"]
    again = read_akn(data, "again.xml").document
    assert differences(doc, again) == []
    again.parts[1].operative[2].text += " changed"
    assert differences(doc, again) != []  # the parts are compared, not only the whole's head


def test_a_security_council_resolution_is_named_as_akn4un_names_the_councils():
    doc = parse_file(AKN / "en_A_RES_79_3.xml")
    opts = Options(kind="resolution", lang="en", symbol="S/RES/2334 (2016)", adopted_on="2016-12-23")
    data = write_akn(doc, opts)
    assert schema_errors(data) == []
    root = etree.fromstring(data)
    work = root.find(".//a:FRBRWork", NS)
    assert work.find("a:FRBRuri", NS).get("value") == "/akn/un/statement/deliberation/unsc/2016-12-23/2334/"
    assert work.find("a:FRBRauthor", NS).get("href") == "#sc"
    assert root.find(".//a:TLCOrganization[@eId='sc']", NS).get("showAs") == "Security Council"
    cover = root.find(".//a:coverPage", NS)
    assert cover.find(".//a:docNumber", NS).text == "S/RES/2334 (2016)"
    assert [a.text for a in cover.iter(f"{{{AKN_NS}}}docAuthority")][1] == "Security Council"
    assert read_akn(data, "sc.xml").document.symbol == "S/RES/2334 (2016)"
    # the General Assembly's stay as they were
    ga = etree.fromstring(write_akn(doc, Options(kind="resolution", lang="en")))
    assert (
        ga.find(".//a:FRBRWork/a:FRBRuri", NS).get("value").startswith("/akn/un/statement/deliberation/unga/")
    )


def test_symbols_from_the_frbr_identifiers_of_both_organs():
    from draftroom.parse.akn import symbol_from_uri

    assert symbol_from_uri("/akn/un/statement/deliberation/unsc/2016-12-23/2334/eng@/") == "S/RES/2334 (2016)"
    assert symbol_from_uri("/akn/un/statement/deliberation/unga/2020-12-10/75-101A-B/") == "A/RES/75/101 A-B"
    assert symbol_from_uri("/akn/un/statement/deliberation/unga/2024-12-04/79-100/") == "A/RES/79/100"
    assert symbol_from_uri("/akn/un/statement/deliberation/hrc/2024-12-04/55-1/") is None
