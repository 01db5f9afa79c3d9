"""Square brackets around disputed words (issue 16): set by a facilitator or proposed by a delegation,
kept through revisions, shown by show and diff, printed in the exports, allowed by the server's rules."""

import json
from pathlib import Path

import docx
import pytest
from tui_support import chinese_document, english_document

from draftroom.errors import DraftroomError
from draftroom.model import brackets
from draftroom.store import remote
from draftroom.workflow import bracketing, revising
from draftroom.workflow import negotiation as nego

NAME = "rights"
FACILITATOR = "Belarus"
OP3 = "Decides to continue its consideration of the question at its eighty-second session."


@pytest.fixture
def home(tmp_path: Path) -> Path:
    doc = english_document()
    doc.sponsors = ["Belarus", "China"]
    nego.create_negotiation(NAME, doc, facilitator=FACILITATOR, actor="Secretariat", home=tmp_path)
    return tmp_path


def cli(run_cli, home: Path, *args: str):
    return run_cli(args[0], NAME, "--home", str(home), *args[1:])


def shown(run_cli, home: Path, label: str, *rev: str) -> dict:
    result = cli(run_cli, home, "show", "--json", *rev)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    return next(p for p in doc["operative"] if f"OP{p['number']}" == label)


# ---- the model ------------------------------------------------------------------------------------
def test_brackets_are_found_around_words_and_footnote_references_are_not_brackets():
    text = "Calls upon [all [relevant]] States,[^1] to act [now"
    assert [text[s:e] for s, e in brackets.spans(text)] == ["[all [relevant]]"]
    assert [depth for _, depth in brackets.pairs(text)] == [1, 0]
    assert brackets.without_brackets(text) == "Calls upon all relevant States,[^1] to act now"


@pytest.mark.parametrize(
    ("words", "why"),
    [("relevant", "already in brackets"), ("upon [all", "cut the bracketed"), ("States,[^", "footnote")],
)
def test_bracketing_refuses_words_already_bracketed_or_cutting_a_span(words, why):
    text = "Calls upon [all relevant] States,[^1] to act"
    start = text.index(words)
    with pytest.raises(DraftroomError, match=why):
        brackets.bracket(text, start, start + len(words))


def test_a_chinese_span_is_bracketed_between_characters():
    text = "请会员国加强预防贩运人口的措施；"
    find, replace, new = bracketing.changed(text, "加强预防", "OP2", lift=False)
    assert (find, replace, new) == ("加强预防", "[加强预防]", "请会员国[加强预防]贩运人口的措施；")
    assert bracketing.changed(new, "预防", "OP2", lift=True)[2] == text


# ---- the verbs, as a user types them ----------------------------------------------------------------
def test_a_facilitator_brackets_words_at_once_and_they_stay_through_a_revision(home, run_cli, tmp_path):
    done = cli(run_cli, home, "bracket", "OP3", "--words", "eighty-second session", "--as", FACILITATOR)
    assert done.returncode == 0, done.stderr
    assert "[eighty-second session]" in done.stdout
    op3 = shown(run_cli, home, "OP3")
    assert op3["text"] == OP3.replace("eighty-second session", "[eighty-second session]")
    assert op3["status"] == "bracketed"
    assert nego.log(NAME, home=home)[0].action.action == "bracket"
    # an accepted edit of other words of the paragraph, then a revision: the brackets stay
    edit = cli(
        run_cli, home, "amend", "edit", "OP3", "--find", "continue", "--replace", "pursue", "--as", "China"
    )
    assert edit.returncode == 0, edit.stderr
    assert cli(run_cli, home, "accept", edit.stdout.strip(), "--as", FACILITATOR).returncode == 0
    revising.revise(NAME, FACILITATOR, home=home)
    assert shown(run_cli, home, "OP3")["text"] == (
        "Decides to pursue its consideration of the question at its [eighty-second session]."
    )
    diff = cli(run_cli, home, "diff", "--from", "rev-0", "--to", "rev-1", "--color", "never")
    assert "{+[+}" in diff.stdout, diff.stdout
    out = tmp_path / "draft.docx"
    assert cli(run_cli, home, "export", "-o", str(out)).returncode == 0
    printed = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any("[eighty-second session]." in p for p in printed), printed
    compiled = cli(run_cli, home, "compile")
    assert "[eighty-second session]" in compiled.stdout
    # lifted again: the paragraph is open once no brackets remain
    lifted = cli(run_cli, home, "unbracket", "OP3", "--words", "eighty-second", "--as", FACILITATOR)
    assert lifted.returncode == 0, lifted.stderr
    assert shown(run_cli, home, "OP3")["status"] == "open"
    assert "[" not in shown(run_cli, home, "OP3")["text"]


def test_a_delegation_proposes_brackets_the_facilitator_accepts(home, run_cli):
    proposed = cli(run_cli, home, "bracket", "OP3", "--words", "eighty-second", "--as", "China")
    assert proposed.returncode == 0, proposed.stderr
    aid = proposed.stdout.strip()
    assert "[" not in shown(run_cli, home, "OP3")["text"]  # only proposed
    (a,) = [x for x in json.loads(cli(run_cli, home, "amendments", "--json").stdout) if x["id"] == aid]
    assert a["kind"] == "edit" and a["proposers"] == ["China"]
    assert cli(run_cli, home, "accept", aid, "--as", FACILITATOR).returncode == 0
    revising.revise(NAME, FACILITATOR, home=home)
    assert "its [eighty-second] session" in shown(run_cli, home, "OP3")["text"]


def test_a_revision_keeps_bracketed_what_still_holds_brackets_and_says_how_many(home, run_cli):
    """China's accepted brackets on OP3 make OP3 bracketed in the revision; Pakistan's accepted edit
    taking OP1's brackets off opens OP1; OP2(b), marked bracketed as a whole, stays so. revise says
    how many paragraphs still hold brackets, and the log keeps it."""

    def ok(*args: str) -> str:
        done = cli(run_cli, home, *args)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    ok("bracket", "OP1", "--words", "ratify the Convention", "--as", FACILITATOR)
    ok("accept", ok("bracket", "OP3", "--words", "eighty-second", "--as", "China"), "--as", FACILITATOR)
    lift = ok(
        "amend", "edit", "OP1", "--find", "[ratify the Convention]", "--replace", "ratify the Convention",
        "--as", "Pakistan",
    )  # fmt: skip
    ok("accept", lift, "--as", FACILITATOR)
    said = ok("revise", "--as", FACILITATOR)
    assert said.endswith("; 1 paragraph still holds brackets: OP3"), said
    assert shown(run_cli, home, "OP3")["status"] == "bracketed"
    assert shown(run_cli, home, "OP1")["status"] == "open" and "[" not in shown(run_cli, home, "OP1")["text"]
    assert shown(run_cli, home, "OP2")["items"][1]["status"] == "bracketed"
    assert nego.log(NAME, home=home)[0].action.summary.endswith("1 paragraph still holds brackets: OP3")
    done = revising.revise(NAME, FACILITATOR, home=home)  # nothing accepted: the count again
    assert done.bracketed == ["OP3"] and done.said().startswith("Rev.2 (A/C.3/80/L.20/Rev.2); 1 paragraph")


@pytest.mark.parametrize(
    ("verb", "words", "why"),
    [
        ("bracket", "eight", "cuts a word of OP3"),
        ("bracket", "its", "occurs 2 times in OP3"),
        ("bracket", "ninetieth", "does not occur in OP3"),
        ("unbracket", "session", "is not in brackets"),
    ],
)
def test_bad_brackets_are_one_line_and_change_nothing(home, run_cli, verb, words, why):
    before = nego.log(NAME, home=home)
    result = cli(run_cli, home, verb, "OP3", "--words", words, "--as", FACILITATOR)
    assert result.returncode != 0 and why in result.stderr and "\n" not in result.stderr.strip()
    assert nego.log(NAME, home=home) == before


def test_the_servers_rules_allow_a_facilitators_brackets_and_no_other_change_of_the_text(tmp_path):
    doc = chinese_document()
    nego.create_negotiation(NAME, doc, facilitator=FACILITATOR, actor="Secretariat", home=tmp_path)
    bracketing.bracket(NAME, "o1", "考虑批准或加入", FACILITATOR, home=tmp_path)
    neg = nego.open_negotiation(NAME, tmp_path)
    with neg.repository() as repo:
        head = repo.head.commit.hexsha
        assert remote.judge_range(repo, None, head, signed=False) == []
    # the same action changing a word besides: refused
    with neg.action("bracket", FACILITATOR) as txn:
        txn.doc.operative[0].text = txn.doc.operative[0].text.replace("敦促", "吁请")
        txn.summary = "a bracket that is not one"
    with neg.repository() as repo:
        (verdict,) = remote.judge_range(repo, head, repo.head.commit.hexsha, signed=False)
    assert "outside a revision" in verdict.reason


# ---- the informal compilation -------------------------------------------------------------------------
def test_the_compilation_sets_brackets_in_bold_with_a_legend_in_docx_text_and_html(home, run_cli, tmp_path):
    """Bracketed words of OP3 with China's edit of other words of OP3 beside them: the Word
    compilation, read back, has each bracket its own bold run (the words between them plain) and a
    legend whose brackets are bold too; the text and HTML compilations explain the brackets."""
    assert (
        cli(
            run_cli, home, "bracket", "OP3", "--words", "eighty-second session", "--as", FACILITATOR
        ).returncode
        == 0
    )
    edit = cli(
        run_cli, home, "amend", "edit", "OP3", "--find", "continue", "--replace", "pursue", "--as", "China"
    )
    assert edit.returncode == 0, edit.stderr
    out = tmp_path / "compilation.docx"
    done = cli(run_cli, home, "export", "--kind", "compilation", "-o", str(out))
    assert done.returncode == 0, done.stderr
    paragraphs = docx.Document(str(out)).paragraphs
    (op3,) = [p for p in paragraphs if "eighty-second" in p.text]
    assert "[eighty-second session]" in op3.text and "pursue" in op3.text, op3.text
    runs = [(r.text, bool(r.bold)) for r in op3.runs if r.text]
    assert ("[", True) in runs and ("]", True) in runs, runs
    assert ("eighty-second session", False) in runs, runs
    (legend,) = [p for p in paragraphs if "not agreed" in p.text]
    assert "[ ]" in legend.text and [r.text for r in legend.runs if r.bold] == ["[", "]"], legend.text
    text = cli(run_cli, home, "compile")
    assert text.returncode == 0 and "[words] in the text: not agreed" in text.stdout, text.stdout
    assert "[eighty-second session]" in text.stdout and "[CHN: [-continue-]{+pursue+}]" in text.stdout
    page = tmp_path / "compilation.html"
    assert cli(run_cli, home, "compile", "-o", str(page)).returncode == 0
    html = page.read_text(encoding="utf-8")
    assert '<b class="br">[</b>eighty-second session<b class="br">]</b>' in html
    assert "in bold square brackets: not agreed" in html


@pytest.mark.parametrize("lang", ["zh", "fr", "es", "ru", "ar"])
def test_the_compilation_legend_explains_brackets_in_every_language(lang):
    from draftroom.export.compilation_layout import LEGEND, legend

    block = legend(lang)
    assert block.text.startswith(LEGEND[lang]) and [t for k, t in block.spans if k == "bracket"] == ["[", "]"]
    assert block.text.count("[ ]") == 1
    assert ("。粗体方括号" in block.text) == (lang == "zh") and "  " not in block.text
