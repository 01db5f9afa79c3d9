"""`draftroom export` as a user runs it: files and negotiations, every format, one-line errors."""

from pathlib import Path

import docx
import pytest
from conftest import one_line_error
from corpus_support import SEEDS
from export_support import story_lines

SEED_002 = SEEDS / "002_e512e5138112a4f1.txt"


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".part"))


@pytest.mark.parametrize("suffix", [".docx", ".txt", ".md", ".html"])
def test_export_file_in_every_format(run_cli, tmp_path, suffix):
    out = tmp_path / f"draft{suffix}"
    result = run_cli("export", str(SEED_002), "--kind", "draft", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    if suffix == ".docx":
        texts = [p.text for p in docx.Document(out).paragraphs]
        assert "白俄罗斯：决议草案" in texts
    else:
        body = out.read_text(encoding="utf-8")
        assert "白俄罗斯：决议草案" in body
        assert ("[^1]" in body) or ('href="#fn1"' in body)


def test_resolution_needs_adoption_date_and_meeting(run_cli, tmp_path):
    out = tmp_path / "res.docx"
    result = run_cli("export", str(SEED_002), "--kind", "resolution", "-o", str(out))
    one_line_error(result, "--adopted-on", "--meeting")
    assert not out.exists() and not _leftovers(tmp_path)
    ok = run_cli(
        "export", str(SEED_002), "--kind", "resolution", "--adopted-on", "2012-12-20", "--meeting", "60",
        "--symbol", "A/RES/67/190", "--paper", "a4", "-o", str(out),
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    texts = [line for p in docx.Document(out).paragraphs for line in p.text.split("\n")]
    assert "大会2012年12月20日通过的决议" in texts
    assert "[根据第三委员会的报告通过]" in texts
    assert "第60次全体会议" in texts and "2012年12月20日" in texts
    assert any(t.startswith("\t67/190.\t") for t in texts)  # the number on a right tab, as the UN's


def test_failed_export_keeps_the_old_file(run_process, tmp_path):
    out = tmp_path / "res.docx"
    out.write_bytes(b"the previous export")
    result = run_process("export", str(SEED_002), "--kind", "resolution", "--meeting", "60", "-o", str(out))
    one_line_error(result, "--adopted-on")
    assert out.read_bytes() == b"the previous export"
    assert not _leftovers(tmp_path)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--kind", "decree"], ["unknown kind", "draft"]),
        (["--lang", "de"], ["unknown language", "zh"]),
        (["--opening-phrase", "OP3"], ["LABEL=PHRASE"]),
        (["--rev", "Rev.1"], ["is a file"]),
    ],
)
def test_bad_requests(run_cli, tmp_path, args, words):
    result = run_cli("export", str(SEED_002), *args, "-o", str(tmp_path / "x.docx"))
    one_line_error(result, *words)
    assert not (tmp_path / "x.docx").exists()


def test_lang_is_read_as_parse_reads_it(run_cli, tmp_path):
    """`--lang FR` is fr, as `parse --lang FR` is (one check_language for every verb)."""
    typed, code = tmp_path / "typed.txt", tmp_path / "code.txt"
    assert run_cli("export", str(SEED_002), "--lang", " FR", "-o", str(typed)).returncode == 0
    assert run_cli("export", str(SEED_002), "--lang", "fr", "-o", str(code)).returncode == 0
    assert typed.read_text(encoding="utf-8") == code.read_text(encoding="utf-8")
    assert "Nations Unies" in typed.read_text(encoding="utf-8")


def test_bad_outputs(run_cli, tmp_path):
    one_line_error(run_cli("export", str(SEED_002), "-o", str(tmp_path / "no" / "x.docx")), "does not exist")
    one_line_error(
        run_cli("export", str(SEED_002), "-o", str(tmp_path / "x.pdf")), ".docx, .txt, .md, .html or .xml"
    )
    one_line_error(run_cli("export", str(SEED_002), "-o", "/proc/draftroom-export.docx"), "/proc")
    one_line_error(run_cli("export", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "x.docx")))


def test_negotiation_revisions_amendments_and_compilation(run_cli, tmp_path):
    created = run_cli(
        "new", "traf", "--from", str(SEED_002), "--symbol", "A/C.3/67/L.20", "--facilitator", "Belarus"
    )
    assert created.returncode == 0, created.stderr
    assert run_cli("sponsors", "traf", "add", "China", "--as", "China").returncode == 0
    draft = tmp_path / "draft.docx"
    result = run_cli("export", "traf", "-o", str(draft))
    assert result.returncode == 0, result.stderr
    texts = [p.text for p in docx.Document(draft).paragraphs]
    assert "白俄罗斯和中国：决议草案" in texts
    base = run_cli("export", "traf", "--rev", "rev-0", "-o", str(tmp_path / "rev0.txt"))
    assert base.returncode == 0, base.stderr
    assert "白俄罗斯：决议草案" in (tmp_path / "rev0.txt").read_text(encoding="utf-8")
    assert story_lines(docx.Document(draft).sections[0].header) == ["A/C.3/67/L.20"]
    one_line_error(run_cli("export", "traf", "--rev", "Rev.9", "-o", str(tmp_path / "r.docx")), "Rev.9")
    one_line_error(run_cli("export", "nosuch", "-o", str(tmp_path / "n.docx")), "nosuch")

    for who, args in (
        ("Lithuania", ["insert", "--after", "PP5", "--text", "又回顾其第70/1号决议，"]),
        ("Lithuania", ["delete", "OP5"]),
        ("China", ["delete", "OP2"]),
    ):
        proposed = run_cli("amend", "traf", "--as", who, *args)
        assert proposed.returncode == 0, proposed.stderr
    amendments = tmp_path / "amend.txt"
    result = run_cli("export", "traf", "--kind", "amendments", "--by", "Lithuania", "-o", str(amendments))
    assert result.returncode == 0, result.stderr
    body = amendments.read_text(encoding="utf-8")
    assert "立陶宛：对决议草案A/C.3/67/L.20的修正" in body
    assert "1. 在序言部分第五段之后插入一个新的序言部分段落，内容如下：\n\n又回顾其第70/1号决议，" in body
    assert "2. 删除执行部分第5段。" in body and "第2段" not in body
    english = run_cli(
        "export",
        "traf",
        "--kind",
        "amendments",
        "--by",
        "LTU",
        "--lang",
        "en",
        "-o",
        str(tmp_path / "a.docx"),
    )
    assert english.returncode == 0, english.stderr
    texts = [p.text for p in docx.Document(tmp_path / "a.docx").paragraphs]
    assert "Lithuania: amendments to draft resolution A/C.3/67/L.20" in texts
    assert "2.\tDelete operative paragraph 5." in texts
    one_line_error(
        run_cli("export", "traf", "--kind", "amendments", "--by", "France", "-o", str(tmp_path / "f.docx")),
        "France",
    )

    compiled = tmp_path / "compilation.docx"
    result = run_cli("export", "traf", "--kind", "compilation", "-o", str(compiled))
    assert result.returncode == 0, result.stderr
    document = docx.Document(compiled)
    deletion = next(p for p in document.paragraphs if p.text.startswith("OP5 alt\t"))
    assert "[LTU: " in deletion.text and any(r.font.strike for r in deletion.runs)
    assert any(p.text.startswith("PP5 bis\t[LTU: 又回顾其第70/1号决议，]") for p in document.paragraphs)


def test_opening_phrase_override(run_cli, tmp_path):
    out = tmp_path / "o.docx"
    result = run_cli(
        "export", str(SEED_002), "--opening-phrase", "pp 2=回", "--opening-phrase", "OP1=", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    paragraphs = [p for p in docx.Document(out).paragraphs if p.style.name == "__Single Txt"][1:]
    second, first_operative = paragraphs[1], next(p for p in paragraphs if p.text.startswith("1.\t"))

    def kaiti(run) -> bool:
        return run.element.rPr is not None and run.element.rPr.rFonts is not None

    assert second.runs[0].text == "回" and kaiti(second.runs[0])
    assert not any(kaiti(r) for r in first_operative.runs)
    third = paragraphs[2]  # no override: the phrase list decides
    assert kaiti(third.runs[0]) and len(third.runs[0].text) < len(third.text)
