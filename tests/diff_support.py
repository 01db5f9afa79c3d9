"""Helpers for the diff tests: documents written in code, and where the real seed texts are."""

from pathlib import Path

from draftroom.model import Document, Footnote, Paragraph


def _find_shared(sub: str) -> Path:
    """`shared/<sub>` beside the repository or beside any folder above it (worktrees live deeper)."""
    here = Path(__file__).resolve().parent.parent
    for base in (here, *here.parents):
        if (base / "shared" / sub).is_dir():
            return base / "shared" / sub
    return here.parent / "shared" / sub


SEEDS = _find_shared("seeds")
CORPUS_EN = _find_shared("corpus-en")


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
