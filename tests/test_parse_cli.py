"""`draftroom parse` as a user runs it: the outline, the JSON contract, and one-line errors on bad input."""

import json

import pytest
from conftest import one_line_error
from corpus_support import CORPUS_EN, SEEDS


def test_outline_of_a_seed(run_cli):
    r = run_cli("parse", str(SEEDS / "002_e512e5138112a4f1.txt"))
    assert r.returncode == 0, r.stderr
    out = r.stdout.splitlines()
    assert out[0] == "draft (zh)"
    assert "sponsors (1): 白俄罗斯" in out
    assert "body: 大会" in out
    assert any(line.startswith("PP22 ") for line in out)
    assert any(line.startswith("OP14 ") for line in out)
    assert "footnotes (12):" in out


def test_json_contract(run_process):
    r = run_process("parse", str(CORPUS_EN / "A_RES_80_9.txt"), "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["language"] == "en" and doc["kind"] == "resolution"
    assert doc["closing"] == {"meeting": "48th plenary meeting", "date": "24 November 2025"}
    para = doc["annexes"][0]["blocks"][17]
    assert para["kind"] == "paragraph" and para["label"] == "AN18" and para["number"] == 18
    assert [i["label"] for i in para["items"]] == [f"AN18({c})" for c in "abcdef"]
    ids = [p["id"] for p in doc["operative"]] + [b["id"] for b in doc["annexes"][0]["blocks"]]
    assert len(ids) == len(set(ids))
    assert [f["number"] for f in doc["footnotes"]] == list(range(1, 16))


def test_lang_override_and_bad_lang(run_cli, tmp_path):
    r = run_cli("parse", str(CORPUS_EN / "A_80_L.20.txt"), "--json", "--lang", "FR")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["language"] == "fr"
    assert "--lang 'xx'" in one_line_error(run_cli("parse", str(CORPUS_EN / "A_80_L.20.txt"), "--lang", "xx"))


@pytest.mark.parametrize(
    ("path", "lang", "says"),
    [
        (SEEDS / "001_334a0e47d0d674b7.txt", "ar", "reads as Chinese (zh), not Arabic (ar)"),
        (CORPUS_EN / "A_RES_80_9.txt", "fr", "reads as English (en), not French (fr)"),
    ],
)
def test_a_lang_contradicting_the_text_is_honoured_with_a_one_line_warning(run_cli, path, lang, says):
    r = run_cli("parse", str(path), "--json", "--lang", lang)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["language"] == lang
    assert r.stderr.startswith("draftroom: warning: ") and r.stderr.count("\n") == 1
    assert says in r.stderr and "leave --lang out" in r.stderr


@pytest.mark.parametrize(("text", "lang"), [("大会，\n\n1. 决定继续审议该问题。\n", "en"), (None, "zh")])
def test_no_warning_when_lang_agrees_or_the_text_is_too_short_to_tell(run_cli, tmp_path, text, lang):
    path = tmp_path / "short.txt"
    if text is None:
        path = SEEDS / "001_334a0e47d0d674b7.txt"
    else:
        path.write_text(text, encoding="utf-8")
    r = run_cli("parse", str(path), "--lang", lang)
    assert r.returncode == 0 and r.stderr == ""


def test_empty_file(run_cli, tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    assert "empty" in one_line_error(run_cli("parse", str(f)))


def test_blank_file(run_cli, tmp_path):
    f = tmp_path / "blank.txt"
    f.write_text("\n   \n\t\n")
    assert "no text" in one_line_error(run_cli("parse", str(f)))


def test_binary_file(run_cli, tmp_path):
    f = tmp_path / "data.txt"
    f.write_bytes(bytes(range(256)) * 64)
    assert "binary" in one_line_error(run_cli("parse", str(f)))


def test_docx_that_is_not_a_zip(run_cli, tmp_path):
    f = tmp_path / "draft.docx"
    f.write_text("The General Assembly,\n\n1. Decides;\n")
    assert "not a .docx" in one_line_error(run_cli("parse", str(f)))


def test_text_with_no_authoring_body(run_cli, tmp_path):
    f = tmp_path / "letter.txt"
    f.write_text("Dear colleagues,\n\nPlease find attached the programme of the meeting.\n\nRegards,\n")
    assert "no authoring body" in one_line_error(run_cli("parse", str(f)))


def test_hundred_megabyte_file(run_process, tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as out:
        out.truncate(100 * 1024 * 1024)  # sparse: instant, no disk used
    assert "too large" in one_line_error(run_process("parse", str(f)))


def test_missing_file(run_cli, tmp_path):
    assert "no such file" in one_line_error(run_cli("parse", str(tmp_path / "nope.txt")))


@pytest.mark.parametrize("name", ["arabic_draft.txt"])
def test_arabic_does_not_crash(run_cli, name):
    from pathlib import Path

    r = run_cli("parse", str(Path(__file__).parent / "data" / name), "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["language"] == "ar"
    assert doc["operative"]
