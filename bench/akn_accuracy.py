"""The PDF reader held against the UN's own XML: each English PDF of the corpus (and the text PyMuPDF
extracted from it) parsed by draftroom and compared with the AKN4UN file of the same resolution.

Per field, how many documents the reader gets exactly right: preambular and operative counts,
sub-items, footnotes, numbered annex paragraphs, headings of the operative part, the text of every
paragraph (similarity after normalising spaces and quotes; "exact" when every paragraph is at least
0.99 alike), and the openers. Then the documents right in every field, and the time.

Usage: python bench/akn_accuracy.py [FOLDER] [--show]   (default: ../shared/corpus-akn, which holds en/
and en-pdf/); --show prints each document's first miss.

Extracted text has no italics: what a user gets from it is the opener the export takes from its
phrase table (the UN's openers measured on the corpus, scripts/measure_openers.py, beside the seeds
of draftroom.export.phrases). The last line measures that honestly, each document held out: its
openers are looked up in a table measured on the other 79 only, as on a resolution never seen.
"""

import difflib
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from measure_openers import counted_openers  # noqa: E402

from draftroom.errors import DraftroomError  # noqa: E402
from draftroom.model import Document  # noqa: E402
from draftroom.model.labels import iter_located  # noqa: E402
from draftroom.parse import parse_file  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus-akn"
FIELDS = ("preamble", "operative", "sub-items", "footnotes", "annex numbered", "headings", "text", "openers")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ", "\u2011": "-", "\u2009": " "})
_REF = re.compile(r"\[\^\d+\]")


def normal(text: str) -> str:
    return " ".join(_REF.sub(" ", text).translate(_QUOTES).split())


def _items(doc: Document) -> int:
    return sum(1 for loc in iter_located(doc) if "(" in loc.label)


def _annex_numbered(doc: Document) -> int:
    return sum(1 for a in doc.annexes for p in a.paragraphs if p.number is not None)


def _headings(doc: Document) -> list[str]:
    return [normal(h) for p in doc.operative for h in p.headings]


def similarity(a: str, b: str) -> float:
    a, b = normal(a), normal(b)
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def compare(got: Document, key: Document) -> dict[str, str | None]:
    """Field -> None when right, else what is wrong."""
    out: dict[str, str | None] = {}
    for field, f in (
        ("preamble", lambda d: len(d.preamble)),
        ("operative", lambda d: len(d.operative)),
        ("sub-items", _items),
        ("footnotes", lambda d: len(d.footnotes)),
        ("annex numbered", _annex_numbered),
    ):
        x, y = f(got), f(key)
        out[field] = None if x == y else f"{x} for {y}"
    x, y = _headings(got), _headings(key)
    out["headings"] = (
        None
        if x == y
        else f"{len(x)} for {len(y)}: {(set(y) - set(x) or set(x) - set(y) or {''}).pop()[:40]!r}"
    )
    ours = [loc.paragraph for loc in iter_located(got)]
    theirs = [loc.paragraph for loc in iter_located(key)]
    worst = (
        min((similarity(a.text, b.text), b.text) for a, b in zip(ours, theirs, strict=False))
        if ours and theirs
        else (0.0, "")
    )
    out["text"] = (
        None
        if worst[0] >= 0.99 and len(ours) == len(theirs)
        else f"{worst[0]:.2f} at {normal(worst[1])[:40]!r}"
    )
    wrong = [
        (a.opener, b.opener)
        for a, b in zip(ours, theirs, strict=False)
        if normal(a.opener or "") != normal(b.opener or "")
    ]
    out["openers"] = (
        None if not wrong and len(ours) == len(theirs) else f"{len(wrong)} wrong, e.g. {wrong[:1]}"
    )
    return out


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = "--show" in sys.argv
    folder = Path(args[0]) if args else DEFAULT
    if not folder.is_dir():
        folder = Path("/work/shared/corpus-akn")
    keys = sorted((folder / "en").glob("*.xml"))
    read: list[tuple[Document, Document]] = []  # each resolution's text reading and the UN's XML
    for source in ("pdf", "txt"):
        start = time.perf_counter()
        right: Counter[str] = Counter()
        whole = but_openers = 0
        sims: list[float] = []
        for key_file in keys:
            key = parse_file(key_file)
            path = folder / "en-pdf" / f"{key_file.stem}.{source}"
            try:
                got = parse_file(path, "en")
            except DraftroomError as e:
                print(f"{path.name}: {e}")
                continue
            result = compare(got, key)
            if source == "txt":
                read.append((got, key))
            for field, miss in result.items():
                right[field] += miss is None
            whole += all(m is None for m in result.values())
            but_openers += all(m is None for f, m in result.items() if f != "openers")
            sims += [
                similarity(a.paragraph.text, b.paragraph.text)
                for a, b in zip(iter_located(got), iter_located(key), strict=False)
            ]
            if show:
                for f, m in result.items():
                    if m and f != "openers":
                        print(f"  {path.name}: {f}: {m}")
        seconds = time.perf_counter() - start
        n = len(keys)
        print(f"{source}: " + ", ".join(f"{f} {right[f]}/{n}" for f in FIELDS))
        print(
            f"{source}: every field right {whole}/{n}, every field but the openers {but_openers}/{n}; mean paragraph similarity {sum(sims) / max(len(sims), 1):.4f}; {seconds:.1f} s"
        )
    held_out_openers(read)
    return 0


def held_out_openers(read: list[tuple[Document, Document]]) -> None:
    """The extracted text's openers as export sets them on preambular and operative paragraphs, each
    document's from a table measured on the English files of the others (the real table is measured
    per language on all 80)."""
    from draftroom.export import phrases, typography

    start = time.perf_counter()
    counts = [counted_openers(key) for _, key in read]
    base = phrases._split(phrases._EN_PREAMBULAR) + phrases._split(phrases._EN_OPERATIVE)
    right = paragraphs = paragraphs_right = 0
    for i, (got, key) in enumerate(read):
        others: Counter[str] = sum((c for j, c in enumerate(counts) if j != i), Counter())
        measured = tuple(sorted((o for o, n in others.items() if n >= 2), key=lambda o: (-others[o], o)))
        phrases._MEASURED["en"] = measured
        typography.PHRASES["en"] = phrases._with_measured(base, "en")
        typography._COMPILED.pop("en", None)
        pairs = [  # the paragraphs export sets an opener on: preambular and operative, not sub-items
            (a, b)
            for a, b in zip(iter_located(got), iter_located(key), strict=False)
            if b.part != "annex" and b.parent is None
        ]
        wrong = [
            b
            for a, b in pairs
            if normal(a.paragraph.text[: typography.opener_length(a.paragraph.text, "en")])
            != normal(b.paragraph.opener or "")
        ]
        right += not wrong
        paragraphs += len(pairs)
        paragraphs_right += len(pairs) - len(wrong)
    print(
        f"txt: openers as export sets them, from a table measured on the other 79 (held out): "
        f"{right}/{len(read)} documents, {paragraphs_right}/{paragraphs} paragraphs; "
        f"{time.perf_counter() - start:.1f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
