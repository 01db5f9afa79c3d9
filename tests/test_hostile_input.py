"""Hostile input found by the fuzzing probe of issue 17, each cause reproduced: one line on stderr, a
non-zero exit that is not 70 (internal error), and the home and negotiation exactly as before."""

import subprocess
from pathlib import Path

import docx
import pytest
from conftest import SEEDS
from store_support import git, home_with_t

from draftroom.errors import DraftroomError
from draftroom.model.text_rules import UNSTORABLE, check_typed, storable

SEED = SEEDS / "001_334a0e47d0d674b7.txt"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return home_with_t(tmp_path)


def _state(home: Path) -> tuple[str, str]:
    return git(home / "t", "rev-list", "--count", "--all"), git(home / "t", "status", "--porcelain")


def fails(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode not in (0, 70), result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("draftroom: error: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


# ---- 1. a negotiation named like the home's index -------------------------------------------------------
@pytest.mark.parametrize(
    "name", ["index.sqlite", "index.sqlite-wal", "index.sqlite-shm", "INDEX.sqlite-journal"]
)
def test_a_negotiation_named_like_the_index_is_refused_and_the_home_still_works(run_cli, home, name):
    before = _state(home)
    fails(run_cli("new", name, "--from", str(SEED), "--home", str(home)), name, "index.sqlite")
    assert not (home / name).is_dir()
    assert _state(home) == before
    listed = run_cli("list", "--home", str(home))
    assert listed.returncode == 0 and listed.stdout.startswith("t "), listed.stderr
    assert run_cli("new", "u", "--from", str(SEED), "--home", str(home)).returncode == 0
    made = run_cli("amend", "t", "--home", str(home), "--as", "China", "delete", "OP1")
    assert made.returncode == 0, made.stderr


def test_a_folder_where_the_index_keeps_a_file_is_named(run_cli, tmp_path):
    home = tmp_path / "broken"
    (home / "index.sqlite-wal").mkdir(parents=True)  # a home broken before names were checked
    fails(
        run_cli("new", "t", "--from", str(SEED), "--home", str(home)), "index.sqlite-wal", "move that folder"
    )
    (home / "index.sqlite-wal").rmdir()
    assert run_cli("new", "t", "--from", str(SEED), "--home", str(home)).returncode == 0


# ---- 2. characters Word and XML cannot hold, bidi controls ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("决定\uffff改进", ("U+FFFF", "position 3")),
        ("决定\ufffe", ("U+FFFE", "position 3")),
        ("Decides \U0010ffff", ("U+10FFFF",)),
        ("决定\ufdd0", ("U+FDD0",)),
        ("abc\u202edef", ("U+202E RIGHT-TO-LEFT OVERRIDE", "position 4", "bidi")),
        ("\u2066isolated\u2069", ("U+2066",)),
        ("x\x85y", ("U+0085",)),
    ],
)
def test_text_word_cannot_hold_is_refused_naming_the_character_and_its_place(
    run_cli, home, tmp_path, text, words
):
    before = _state(home)
    fails(
        run_cli("amend", "t", "--home", str(home), "--as", "China", "replace", "OP1", "--text", text), *words
    )
    assert _state(home) == before
    out = tmp_path / "a.docx"  # every export of the negotiation still works
    for kind in ("draft", "compilation"):
        made = run_cli("export", "t", "--home", str(home), "--kind", kind, "-o", str(out))
        assert made.returncode == 0, made.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("amend", "t", "--as", "China", "edit", "OP1", "--find", "决定", "--replace", "改\uffff"),
        ("amend", "t", "--as", "China", "edit", "OP1", "--find", "决\uffff", "--replace", "改"),
        ("amend", "t", "--as", "China", "delete", "OP1", "--because", "why\u202e"),
        ("amend", "t", "--as", "China", "insert", "--after", "OP1", "--text", "决定[^: note\uffff]"),
        ("sponsors", "t", "add", "Chi\uffffna"),
        ("table", "t", "--symbol", "A/C.3/74/L.20\u202e"),
        ("revise", "t", "--as", "Pakistan", "--symbol", "A/\ufffe"),
        ("amend", "t", "--as", "Chi\u202ena", "delete", "OP1"),
        ("translate", "t", "OP1", "--lang", "fr", "--text", "Décide\uffff", "--as", "Secretariat"),
    ],
)
def test_every_place_text_enters_applies_the_rule(run_cli, home, args):
    before = _state(home)
    fails(run_cli(args[0], "--home", str(home), *args[1:]), "position")
    assert _state(home) == before


def test_a_compromise_applies_the_rule(run_cli, home):
    made = run_cli("amend", "t", "--home", str(home), "--as", "China", "replace", "OP1", "--text", "决定改进")
    assert made.returncode == 0, made.stderr
    before = _state(home)
    fails(
        run_cli(
            "compromise",
            "t",
            made.stdout.strip(),
            "--home",
            str(home),
            "--as",
            "Pakistan",
            "--text",
            "决\uffff",
        ),
        "U+FFFF",
    )
    assert _state(home) == before


def test_a_new_negotiation_applies_the_rule_to_its_symbol_and_facilitator(run_cli, tmp_path):
    fails(run_cli("new", "a", "--from", str(SEED), "--symbol", "A/\uffff"), "--symbol", "U+FFFF")
    fails(run_cli("new", "a", "--from", str(SEED), "--facilitator", "Pa\u202ekistan"), "U+202E")
    assert not (tmp_path / "home" / "a").exists()


def test_no_character_the_rule_refuses_is_printable():
    """check_typed runs the rule's pattern only on a text that is not printable: so no refused
    character may be printable, in any plane."""
    refused = [chr(c) for c in range(0x110000) if UNSTORABLE.match(chr(c))]
    assert len(refused) > 2048 + 32 and not [ch for ch in refused if ch.isprintable()]
    with pytest.raises(DraftroomError, match=r"U\+202E .* at position 3"):
        check_typed("ab\u202ec")


def test_bidi_marks_are_dropped_and_the_text_exports(run_cli, home, tmp_path):
    assert check_typed("قرر\u200f الجمعية") == "قرر الجمعية"
    assert storable("a\x00b\uffff\u202ec\u200fd\ud800\te\n") == "abcd\te\n"
    made = run_cli(
        "amend", "t", "--home", str(home), "--as", "China", "replace", "OP1", "--text", "决定\u200f改进"
    )
    assert made.returncode == 0, made.stderr
    assert (
        run_cli("accept", "t", made.stdout.strip(), "--home", str(home), "--as", "Pakistan").returncode == 0
    )
    assert run_cli("revise", "t", "--home", str(home), "--as", "Pakistan").returncode == 0
    out = tmp_path / "d.docx"
    made = run_cli("export", "t", "--home", str(home), "-o", str(out))
    assert made.returncode == 0, made.stderr
    assert "决定改进" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def test_a_text_file_with_noncharacters_parses_and_exports(run_cli, tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(
        SEED.read_text(encoding="utf-8").replace("大会", "大\uffff会\u202e", 3), encoding="utf-8"
    )
    assert run_cli("new", "d", "--from", str(dirty)).returncode == 0
    out = tmp_path / "d.docx"
    made = run_cli("export", "d", "--kind", "draft", "-o", str(out))
    assert made.returncode == 0, made.stderr
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "\uffff" not in text and "\u202e" not in text


# ---- 3. arguments that are not UTF-8, lone surrogates (a real process: the bytes come from the OS) ----
def _raw(run_process, home: Path, *args: bytes, env: dict[str, str | bytes] | None = None):
    import os
    import sys

    from conftest import ROOT

    full = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DRAFTROOM_HOME": str(home)}
    environ = {k.encode(): v.encode() for k, v in full.items()}
    environ.update({k.encode(): v if isinstance(v, bytes) else v.encode() for k, v in (env or {}).items()})
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"draftroom", *args], capture_output=True, env=environ, timeout=120
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            (b"amend", b"t", b"--as", b"China", b"replace", b"OP1", b"--text", b"bad \xff byte"),
            ("--text", "0xFF"),
        ),
        (
            (b"amend", b"t", b"--as", b"China", b"delete", b"OP1", b"--because", b"\xc3("),
            ("--because", "0xC3"),
        ),
        ((b"new", b"x", b"--from", str(SEED).encode(), b"--symbol", b"A/\xfe"), ("--symbol", "0xFE")),
        ((b"amend", b"t", b"--as", b"China", b"replace", b"OP1", b"--text", b"lone \xed\xa0\x80"), ("0xED",)),
        ((b"show", b"\xff"), ("argument 2",)),
    ],
)
def test_arguments_that_are_not_utf8_are_refused_in_one_line(run_process, home, args, words):
    before = _state(home)
    done = _raw(run_process, home, *args)
    fails(
        subprocess.CompletedProcess(args, done.returncode, done.stdout.decode(), done.stderr.decode()), *words
    )
    assert _state(home) == before


def test_a_home_variable_that_is_not_utf8_is_refused(run_process, home):
    done = _raw(run_process, home, b"list", env={"DRAFTROOM_HOME": b"h\xff"})
    fails(
        subprocess.CompletedProcess([], done.returncode, done.stdout.decode(), done.stderr.decode()),
        "$DRAFTROOM_HOME",
    )


def test_a_lone_surrogate_in_process_is_refused(run_cli, home):
    fails(
        run_cli("amend", "t", "--home", str(home), "--as", "China", "replace", "OP1", "--text", "x\ud800"),
        "U+D800",
    )


# ---- 7. a huge --find ------------------------------------------------------------------------------------
def _edit_op1(run_cli, home: Path, find: str, replace: str) -> subprocess.CompletedProcess[str]:
    """China proposes a word edit of OP1 in the negotiation "t"."""
    return run_cli(
        "amend",
        "t",
        "--home",
        str(home),
        "--as",
        "China",
        "edit",
        "OP1",
        "--find",
        find,
        "--replace",
        replace,
    )


def test_a_five_megabyte_find_is_refused_by_the_typed_text_limit(run_cli, home):
    before = _state(home)
    fails(_edit_op1(run_cli, home, "决" * 5_000_000, "x"), "typed text length limit")
    assert _state(home) == before


def test_a_find_spaced_otherwise_than_the_text_is_still_found(run_cli, home):
    made = _edit_op1(run_cli, home, "决 定", "确定")
    assert made.returncode == 0, made.stderr
    fails(_edit_op1(run_cli, home, "决 " * 50_000, "x"), "does not occur")


# ---- 8. --home at a file, or where no folder can be made -------------------------------------------------
@pytest.mark.parametrize("where", ["file", "/proc", "/proc/nowhere", "file/below"])
@pytest.mark.parametrize("verb", ["new", "list", "demo"])
def test_a_home_that_cannot_hold_negotiations_is_a_user_error(run_cli, tmp_path, where, verb):
    (tmp_path / "file").write_text("x")
    home = where if where.startswith("/") else str(tmp_path / where)
    args = {"new": ("new", "x", "--from", str(SEED)), "list": ("list",), "demo": ("demo",)}[verb]
    done = run_cli(*args, "--home", home)
    if verb == "list" and where != "file":
        assert done.returncode == 0, done.stderr  # nothing to list there, nothing written
    else:
        fails(done, home)


@pytest.mark.parametrize("meeting", ["¹²", "①", "9" * 5000, "109", "١٠٩"])
def test_a_meeting_number_int_cannot_read_is_kept_as_written(meeting):
    from draftroom.export.words import meeting_line

    line = meeting_line(meeting, "en")
    assert line == meeting or line == "109th plenary meeting"


@pytest.mark.parametrize("label", ["OP" + "9" * 5000, "AN" + "1" * 5000 + ".2", "OP1" + "(a)" * 3000])
def test_a_label_too_long_for_any_paragraph_is_no_label(run_cli, home, label):
    before = _state(home)
    fails(run_cli("amend", "t", "--home", str(home), "--as", "China", "delete", label), "OP")
    assert _state(home) == before


def test_a_revision_number_too_long_for_any_negotiation_is_no_revision(run_cli, home):
    fails(run_cli("show", "t", "--home", str(home), "--rev", "Rev." + "9" * 5000), "rev")


@pytest.mark.parametrize("verb", [("diff",), ("parse",), ("new", "x", "--from"), ("diff", "t")])
def test_a_path_too_long_for_the_system_is_a_user_error(run_cli, home, verb):
    fails(
        run_cli(*verb, "OP" + "9" * 300, "--home", str(home))
        if verb[0] != "parse"
        else run_cli("parse", "a" * 300),
        "too long",
    )
