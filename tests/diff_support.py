"""Helpers for the diff tests: documents written in code, and where the real seed texts are."""

import re
import subprocess
from pathlib import Path

from conftest import require_tool
from corpus_support import CORPUS_EN, SEEDS  # noqa: F401  (re-exported for the tests)

from draftroom.diff.result import units_of
from draftroom.model import Document, Footnote, Paragraph


def make_doc(
    preamble: list[str],
    operative: list[str],
    notes: list[str] = (),
    language: str = "en",
    title: str = "",
    ids: list[str] | None = None,
) -> Document:
    """A document from paragraph texts; ids default to the texts' positions (p0, p1, ...)."""
    texts = [*preamble, *operative]
    ids = ids or [f"p{k}" for k in range(len(texts))]
    pre = [Paragraph(ids[k], t) for k, t in enumerate(preamble)]
    ops = [Paragraph(ids[len(preamble) + k], t, k + 1) for k, t in enumerate(operative)]
    return Document(
        language=language,
        title=title,
        preamble=pre,
        operative=ops,
        footnotes=[Footnote(n, t) for n, t in enumerate(notes, 1)],
    )


def pairs_of(redline) -> dict[str, str | None]:
    """Old label -> new label (None when deleted), from a Redline."""
    return {c.old: c.new for c in redline.pairs if c.old}


_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def normal(text: str) -> str:
    """Whitespace collapsed; a superscript footnote mark (as pandoc writes it) as [N]."""
    text = re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", lambda m: f"[{m.group(0).translate(_SUPERSCRIPT)}]", text)
    return " ".join(text.split())


def expected_paragraphs(doc: Document) -> list[str]:
    """What a reader of the redline should see of `doc`: title, each paragraph with its number or
    marker, then the notes referred to, as Word numbers them (by first appearance), each "[N] text";
    references as [N] (a reference to a missing note keeps its number)."""
    texts = [doc.title] if doc.title else []
    texts += [f"{u.mark} {u.text}" if u.mark else u.text for u in units_of(doc)]
    notes = {f.number: f.text for f in doc.footnotes}
    shown: dict[int, int] = {}

    def number(m: re.Match) -> str:
        n = int(m.group(1))
        if n in notes:
            n = shown.setdefault(n, len(shown) + 1)
        return f"[{n}]"

    paras = [re.sub(r"\[\^(\d+)\]", number, t) for t in texts]
    paras += [f"[{k}] {notes[n]}" for n, k in shown.items()]
    return [normal(p) for p in paras]


def pandoc_paragraphs(path: Path, mode: str) -> list[str]:
    """The paragraphs pandoc reads from a .docx after accepting or rejecting all tracked changes."""
    pandoc = require_tool("pandoc")
    out = subprocess.run(
        [pandoc, f"--track-changes={mode}", "-t", "plain", "--wrap=none", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [normal(p) for p in out.split("\n\n") if p.strip()]
