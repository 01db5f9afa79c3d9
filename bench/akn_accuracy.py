"""The PDF reader held against the UN's own XML: each English PDF of the corpus (and the text PyMuPDF
extracted from it) parsed by draftroom and compared with the AKN4UN file of the same resolution.

Per field, how many documents the reader gets exactly right: preambular and operative counts,
sub-items, footnotes, numbered annex paragraphs, headings of the operative part, the text of every
paragraph (similarity after normalising spaces and quotes; "exact" when every paragraph is at least
0.99 alike), and the openers. Then the documents right in every field, and the time.

Usage: python bench/akn_accuracy.py [FOLDER] [--show]   (default: ../shared/corpus-akn, which holds en/
and en-pdf/); --show prints each document's first miss.
"""

import difflib
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
