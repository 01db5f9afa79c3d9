"""Hostile input found by the audit: each gets one line on stderr, a non-zero exit, no traceback, and
leaves the negotiation exactly as it was (no new commit, a clean work tree, no file written)."""

import json
import subprocess
import unicodedata
from pathlib import Path

import docx
import pytest
from conftest import SEEDS
from store_support import git, home_with_t, sample_document

from draftroom.workflow import negotiation as wf

# A path no user, not even root, can create a file in (procfs refuses new entries).
UNWRITABLE = Path("/proc")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home with negotiation "t" (facilitator Pakistan, sponsors China and Azerbaijan)."""
    return home_with_t(tmp_path)


def _state(home: Path) -> tuple[str, str]:
    repo = home / "t"
    return git(repo, "rev-list", "--count", "--all"), git(repo, "status", "--porcelain")


def fails(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """The one-line user error, checked; returns it."""
    assert result.returncode != 0, result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("draftroom: error: "), result.stderr
    assert "internal error" not in lines[0] and "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    "args",
    [
        ("compile", "t", "-o", str(UNWRITABLE / "c.html")),
        ("diff", "t@rev-0", "t", "--html", str(UNWRITABLE / "d.html")),
        ("diff", "t@rev-0", "t", "--docx", str(UNWRITABLE / "d.docx")),
    ],
)
def test_output_where_no_file_can_be_created_is_a_user_error(run_cli, home, args):
    before = _state(home)
    fails(run_cli(*args), str(UNWRITABLE))
    assert _state(home) == before


@pytest.mark.parametrize(("flag", "name"), [("--html", "d.xyz"), ("--docx", "d.html")])
def test_diff_output_with_the_wrong_extension_is_refused_before_writing(run_cli, home, tmp_path, flag, name):
    fails(run_cli("diff", "t@rev-0", "t", flag, str(tmp_path / name)), name)
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("amend", "t", "--as", "China", "bogus", "OP1"), ("amend:", "'bogus'", "draftroom amend --help")),
        (("amend", "t", "--as", "China", "replace", "OP1"), ("--text",)),
        (("accept", "t", "--as", "Pakistan"), ("ID",)),
        (("mark", "t", "OP1", "bogus", "--as", "Pakistan"), ("'bogus'", "agreed")),
        (("amendments", "t", "--status", "bogus"), ("--status",)),
        (("no-such-verb",), ("'no-such-verb'",)),
    ],
)
def test_a_usage_mistake_is_one_line_not_the_usage_block(run_cli, home, args, words):
    before = _state(home)
    fails(run_cli(*args), *words)
    assert _state(home) == before


@pytest.mark.parametrize(
    "args",
    [
        ("show", "t", "--rev", ""),
        ("show", "t", "--rev", "  "),
        ("diff", "t@", "t"),
        ("amend", "t", "--as", "China", "--rev", "", "replace", "OP1", "--text", "新案文"),
    ],
)
def test_an_empty_revision_is_not_taken_for_the_latest(run_cli, home, args):
    before = _state(home)
    fails(run_cli(*args), "no revision")
    assert _state(home) == before


@pytest.mark.parametrize("who", ["", "   "])
def test_an_empty_as_is_not_taken_for_the_default_identity(run_cli, home, who):
    before = _state(home)
    fails(run_cli("amend", "t", "--as", who, "replace", "OP1", "--text", "新案文"), "--as")
    assert _state(home) == before


@pytest.mark.parametrize(("label", "words"), [("OP99", ("OP99",)), ("", ("''", "label"))])
def test_listing_amendments_on_an_unknown_paragraph_says_so(run_cli, home, label, words):
    fails(run_cli("amendments", "t", "--on", label), *words)


@pytest.mark.parametrize("ident", ["\x01", "CHN\x7f", "a\\b", "../x"])
@pytest.mark.parametrize("verb", ["withdraw", "support", "accept"])
def test_a_garbled_amendment_id_is_no_amendment(run_cli, home, verb, ident):
    before = _state(home)
    fails(run_cli(verb, "t", ident, "--as", "Pakistan" if verb == "accept" else "China"), "no amendment")
    assert _state(home) == before


def test_exporting_amendments_of_a_draft_without_symbol_says_how_to_give_one(run_cli, tmp_path):
    doc = sample_document()
    doc.symbol = None
    wf.create_negotiation("u", doc, facilitator="Pakistan", actor="China", home=tmp_path / "home")
    assert run_cli("amend", "u", "--as", "China", "delete", "OP1").returncode == 0
    out = tmp_path / "am.docx"
    fails(run_cli("export", "u", "--kind", "amendments", "-o", str(out)), "draftroom table u --symbol")
    assert not out.exists()
    assert run_cli("table", "u", "--symbol", "A/C.3/74/L.20", "--as", "Pakistan").returncode == 0
    made = run_cli("export", "u", "--kind", "amendments", "-o", str(out))
    assert made.returncode == 0, made.stderr
    assert out.stat().st_size > 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("amend", "t", "--as", "China", "replace", "OP1", "--text", "决定\x1b[2J"), ("U+001B",)),
        (("amend", "t", "--as", "China", "insert", "--after", "PP1", "--text", "回顾\x07"), ("U+0007",)),
        (("amend", "t", "--as", "China", "replace", "OP1", "--text", "决定[^: ]"), ("footnote is empty",)),
        (("amend", "t", "--as", "China", "replace", "OP1", "--text", "决定[^:   ]"), ("footnote is empty",)),
    ],
)
def test_text_that_no_document_can_hold_is_refused_when_proposed(run_cli, home, tmp_path, args, words):
    before = _state(home)
    fails(run_cli(*args), *words)
    assert _state(home) == before
    out = tmp_path / "c.docx"  # the compilation (every pending proposal) still exports
    made = run_cli("export", "t", "--kind", "compilation", "-o", str(out))
    assert made.returncode == 0, made.stderr


def test_a_text_file_with_control_characters_parses_and_exports(run_cli, tmp_path):
    seed = SEEDS / "002_e512e5138112a4f1.txt"
    lines = seed.read_text(encoding="utf-8").split("\n")
    middle = len(lines) // 2
    lines[middle] = "\x0c" + lines[middle] + "\x1b[31m\x02\x7f"  # a page break, terminal and PDF debris
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("\n".join(lines), encoding="utf-8")
    parsed = run_cli("parse", str(dirty), "--json")
    assert parsed.returncode == 0, parsed.stderr
    assert not [ch for ch in parsed.stdout if unicodedata.category(ch) == "Cc" and ch not in "\n"]
    clean = run_cli("parse", str(seed), "--json")
    assert len(json.loads(parsed.stdout)["operative"]) == len(json.loads(clean.stdout)["operative"])
    assert run_cli("new", "d", "--from", str(dirty)).returncode == 0
    out = tmp_path / "d.docx"
    made = run_cli("export", "d", "--kind", "draft", "-o", str(out))
    assert made.returncode == 0, made.stderr
    assert "[31m" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("show", "t"),
        ("amend", "t", "--as", "China", "delete", "OP1"),
        ("diff", "t@rev-0", "t"),
        ("export", "t", "-o", "t.docx"),
        ("demo",),
    ],
)
@pytest.mark.parametrize("empty", ["", "  "])
def test_an_empty_home_is_refused_rather_than_taken_for_the_default(run_cli, home, tmp_path, args, empty):
    """`--home "$UNSET_VARIABLE"` must not quietly act on $DRAFTROOM_HOME (here a real negotiation)."""
    before = _state(home)
    fails(
        run_cli(args[0], "--home", empty, *args[1:]),
        f"{args[0]}: argument --home: the folder is empty",
        "leave --home out",
    )
    assert _state(home) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]  # no ./sessions, no output


def test_an_empty_draftroom_home_variable_means_unset(run_cli, home, tmp_path):
    res = run_cli("new", "x", "--from", str(SEEDS / "001_334a0e47d0d674b7.txt"), env={"DRAFTROOM_HOME": ""})
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "sessions" / "x" / "negotiation.json").is_file()
