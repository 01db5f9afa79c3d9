"""Measure the opening phrases the UN sets in italics, per language, on its own AKN4UN files, and
write the table export uses for plain text (src/draftroom/export/openers.tsv: language, phrase,
how many paragraphs open with it). Phrases seen fewer than twice are left out.

Run: python scripts/measure_openers.py [FOLDER]   (default: ../shared/corpus-akn)
"""

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from draftroom.model import Document  # noqa: E402
from draftroom.model.labels import iter_located  # noqa: E402
from draftroom.parse.akn import read_akn  # noqa: E402

OUT = ROOT / "src" / "draftroom" / "export" / "openers.tsv"


def counted_openers(doc: Document) -> Counter[str]:
    """The italic openers of one resolution's preambular and operative paragraphs, by how many
    paragraphs open with each (long ones, over 60 characters, are a sentence set in italics)."""
    return Counter(
        loc.paragraph.opener
        for loc in iter_located(doc)
        if loc.paragraph.opener and loc.part != "annex" and len(loc.paragraph.opener) <= 60
    )


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus-akn"
    if not folder.is_dir():
        folder = Path("/work/shared/corpus-akn")
    counts: Counter[tuple[str, str]] = Counter()
    for f in sorted(folder.glob("*/*.xml")):
        doc = read_akn(f.read_bytes(), f.name).document
        for opener, n in counted_openers(doc).items():
            counts[doc.language, opener] += n
    rows = sorted(
        ((lang, phrase, n) for (lang, phrase), n in counts.items() if n >= 2),
        key=lambda r: (r[0], -r[2], r[1]),
    )
    OUT.write_text(
        "# language\tphrase\tparagraphs: openers the UN set in italics in its AKN4UN files "
        "(scripts/measure_openers.py)\n" + "".join(f"{lang}\t{phrase}\t{n}\n" for lang, phrase, n in rows),
        encoding="utf-8",
    )
    print(f"{len(rows)} phrases from {sum(counts.values())} paragraphs -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
