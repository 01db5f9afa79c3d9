"""Page for page: draftroom's Word export of real resolutions, rendered by LibreOffice, held against the
UN's own PDFs of the same resolutions.

    python bench/word_pages.py FOLDER [--source xml|pdf] [--limit N] [--show] [--soffice PATH]

FOLDER holds the UN's AKN4UN XML in `en/` and its PDFs in `en-pdf/` (the project's shared/corpus-akn).
Each resolution is read (from its XML, or with --source pdf from the UN's PDF itself), exported as an
adopted resolution (.docx), converted to PDF by `soffice --headless --convert-to pdf` in one run, and
compared with the UN's PDF on:

- the text column: the left and right edges of the body text (the most common left edge of 10 pt
  lines, the 90th percentile of their right edges), within 7 pt of the UN's;
- the page count;
- the page starts: the first three words of the body on every page.

Targets (issue 15): the column always, the page count for at least 9 in 10, the page starts for at
least 8 in 10. Renders are comparable where a font metric-compatible with Times New Roman is
installed (Debian's fonts-liberation). --show prints each document's differences, and the first body
line the two renders break otherwise, with which of them held more words on it: one more word on
LibreOffice's line or on Word's (the UN's) is a justification difference, "other" anything else.
It also names the UN's pages its editors copy-fitted, at a tighter leading or with lines set condensed
(words narrower than the same words elsewhere), which no source records: context for a miss, never
left out of the figures.

The renderer matters: Word 2013 and later (the exports ask for its layout, compatibility mode 15, as
the UN's own files do) shrink the spaces of a justified line to take one more word; LibreOffice does
so from 24.2 only (`.ci/run` installs 25.2 from Debian 12's backports). The script prints the LibreOffice
version it used; --soffice names another one. No setting calibrates 25.2's shrink to Word's: a .docx
has none that Word honours (Word's own layout has no word-spacing bounds), 25.2 has no paragraph
word-spacing bounds (ParaWordSpacing* came later), and the misses go both ways (as many lines where
LibreOffice holds one more short word as where Word holds one more long one), so a wider shrink would
trade one for the other. Rendering NBSPs at variable width, as Word does (the UseVariableWidthNBSP
compatibility default), changes no page start on the 80.
"""

import argparse
import itertools
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from draftroom.errors import DraftroomError  # noqa: E402
from draftroom.export.api import export_document  # noqa: E402
from draftroom.export.blocks import Options  # noqa: E402
from draftroom.parse import parse_file  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine  # noqa: E402  (the machine line every benchmark prints)

TOLERANCE = 7.0  # points
HEAD, FOOT = 70.0, 725.0  # running heads above, footers and footnotes' page furniture below
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Page:
    start: tuple[str, ...]  # the first words of the body


@dataclass
class Measure:
    pages: list[Page]
    left: float
    right: float
    lines: list[tuple[int, tuple[str, ...]]]  # the body's lines below the first page's head: page, words


def measure(pdf: Path) -> Measure:
    """The page starts and the text column of a PDF."""
    lefts: list[float] = []
    rights: list[float] = []
    pages: list[Page] = []
    body_lines: list[tuple[int, tuple[str, ...]]] = []
    with pymupdf.open(pdf) as doc:
        for number, page in enumerate(doc):
            first: list[str] = []
            lines = []
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    spans = [s for s in line["spans"] if s["text"].strip()]
                    if not spans:
                        continue
                    x0, y0, x1, _ = line["bbox"]
                    body = [s for s in spans if 9.5 <= s["size"] <= 10.6]
                    # in reading order: by baseline, then from the left ("14." before its italic opener,
                    # whose box stands a little higher on the same line)
                    baseline = round(spans[0]["origin"][1], 0)
                    lines.append((baseline, x0, y0, x1, _line_text(spans), bool(body)))
            lines.sort()
            for _, x0, y0, x1, text, in_body in lines:
                if not in_body or not HEAD < y0 < FOOT:
                    continue
                if number or y0 > 300:  # below the first page's masthead and head
                    lefts.append(round(x0, 0))
                    rights.append(x1)
                    body_lines.append((number, tuple(w.lower() for w in _WORD.findall(text))))
                if len(first) < 3 and (number or y0 > 215):
                    first += _WORD.findall(text)
            pages.append(Page(tuple(w.lower() for w in first[:3])))
    left = statistics.mode(lefts) if lefts else 0.0
    rights.sort()
    right = rights[int(len(rights) * 0.9)] if rights else 0.0
    return Measure(pages, left, right, body_lines)


def word_widths(pdf: Path) -> list[tuple[int, list[tuple[str, float]]]]:
    """Each body line's words of four letters or more, upright and regular, with their widths: page, words."""
    lines: list[tuple[int, list[tuple[str, float]]]] = []
    with pymupdf.open(pdf) as doc:
        for number, page in enumerate(doc):
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    if not HEAD < line["bbox"][1] < FOOT:
                        continue
                    words: list[tuple[str, float]] = []
                    for span in line["spans"]:
                        if not 9.5 <= span["size"] <= 10.6 or span["flags"] & (2 | 16):  # italic, bold
                            continue
                        letters: list[dict] = []
                        for char in [*span["chars"], {"c": " "}]:
                            if char["c"].isalpha():
                                letters.append(char)
                                continue
                            if len(letters) >= 4:
                                word = "".join(c["c"] for c in letters)
                                words.append((word, letters[-1]["bbox"][2] - letters[0]["bbox"][0]))
                            letters = []
                    if words:
                        lines.append((number, words))
    return lines


def tight_pages(pdf: Path) -> set[int]:
    """The pages whose body lines stand closer than the 12 pt leading of the UN's text (11.6 to 11.9 pt
    between the lines of a paragraph where its editors copy-fitted a page)."""
    tight: set[int] = set()
    with pymupdf.open(pdf) as doc:
        for number, page in enumerate(doc):
            baselines = sorted(
                {
                    round(line["spans"][-1]["origin"][1], 2)
                    for block in page.get_text("dict")["blocks"]
                    for line in block.get("lines", [])
                    if HEAD < line["bbox"][1] < FOOT and 9.5 <= line["spans"][-1]["size"] <= 10.6
                }
            )
            pitches = [b - a for a, b in itertools.pairwise(baselines) if 10 < b - a < 12.6]
            if len(pitches) >= 8 and statistics.median(pitches) < 11.95:
                tight.add(number + 1)
    return tight


def copy_fitted_pages(un_pdf: Path, our_pdf: Path) -> list[int]:
    """The UN's pages its editors copy-fitted: set at a tighter leading, or with lines set condensed (a
    line whose words stand narrower, by more than 0.7 % of the document's usual measure, than the same
    words in our render)."""
    ours: dict[str, list[float]] = {}
    for _, words in word_widths(our_pdf):
        for word, width in words:
            ours.setdefault(word, []).append(width)
    lines = []
    for number, words in word_widths(un_pdf):
        ratios = [width / statistics.median(ours[word]) for word, width in words if word in ours]
        if len(ratios) >= 4:
            lines.append((number, statistics.median(ratios)))
    usual = statistics.median(ratio for _, ratio in lines) if lines else 0.0
    condensed = {number + 1 for number, ratio in lines if ratio < usual - 0.007}
    return sorted(condensed | tight_pages(un_pdf))


def first_break(ours: Measure, theirs: Measure) -> str | None:
    """Where the two renders first break a body line differently, and which one held more words on it
    (a line that is the other's plus one or more words): None where every line breaks alike."""
    for k, ((page, a), (_, b)) in enumerate(zip(ours.lines, theirs.lines, strict=False)):
        joined_a, joined_b = "".join(a), "".join(b)  # "change1" and "change 1": the same words
        if joined_a == joined_b:
            continue
        if joined_a.startswith(joined_b):
            held = "LibreOffice held more"
        elif joined_b.startswith(joined_a):
            held = "Word held more"
        else:
            held = "other"
        return f"line {k + 1} (page {page + 1}), {held}: {' '.join(a[-4:])!r} (UN {' '.join(b[-4:])!r})"
    return None


def _line_text(spans: list[dict]) -> str:
    """A line's text, its spans joined with a space where they stand apart: the UN's PDFs set no space
    character between an italic opener and the next word ("Recalling" + "with appreciation", 79/206)."""
    text = ""
    for k, span in enumerate(spans):
        if k and span["bbox"][0] - spans[k - 1]["bbox"][2] > 1.0 and not text[-1:].isspace():
            text += " "
        text += span["text"]
    return text


def export_all(names: list[str], folder: Path, source: str, out: Path) -> dict[str, Path]:
    written: dict[str, Path] = {}
    for name in names:
        path = folder / ("en" if source == "xml" else "en-pdf") / f"{name}.{source}"
        try:
            doc = parse_file(path)
            written[name] = export_document(doc, out / f"{name}.docx", Options("resolution", "en"))
        except DraftroomError as e:
            print(f"{name}: not exported: {e}")
    return written


def find_soffice(given: str | None) -> str:
    soffice = shutil.which(given or "soffice")
    if soffice is None:
        raise SystemExit(
            f"{given}: no such LibreOffice"
            if given
            else "soffice (LibreOffice) is not installed: apt-get install libreoffice-writer-nogui"
        )
    return soffice


def version(soffice: str) -> str:
    run = subprocess.run([soffice, "--headless", "--version"], capture_output=True, text=True, timeout=120)
    return run.stdout.strip().splitlines()[0] if run.stdout.strip() else "LibreOffice (version unknown)"


def render(paths: list[Path], out: Path, soffice: str) -> None:
    profile = f"-env:UserInstallation=file://{out}/lo-profile"
    subprocess.run(
        [soffice, "--headless", profile, "--convert-to", "pdf", "--outdir", str(out), *map(str, paths)],
        capture_output=True,
        check=True,
        timeout=60 * max(5, len(paths)),
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", type=Path, help="a folder with en/ (AKN4UN XML) and en-pdf/ (the UN's PDFs)"
    )
    parser.add_argument("--source", choices=("xml", "pdf"), default="xml")
    parser.add_argument("--limit", type=int, help="only the first N resolutions")
    parser.add_argument("--show", action="store_true", help="print each document's differences")
    parser.add_argument("--soffice", help="the LibreOffice to render with (default: soffice on PATH)")
    args = parser.parse_args(argv)
    soffice = find_soffice(args.soffice)
    pdfs = sorted((args.folder / "en-pdf").glob("*.pdf"))
    names = [p.stem for p in pdfs if (args.folder / "en" / f"{p.stem}.xml").is_file()][: args.limit]
    if not names:
        raise SystemExit(f"{args.folder}: no en-pdf/*.pdf with its en/*.xml")
    print(machine())
    print(f"renderer: {version(soffice)}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        written = export_all(names, args.folder, args.source, out)
        render(list(written.values()), out, soffice)
        column = count = starts = pages_same = pages_all = firsts_same = 0
        breaks: dict[str, int] = {}
        copy_fitted = 0
        for name, path in written.items():
            ours = measure(out / f"{path.stem}.pdf")
            theirs = measure(args.folder / "en-pdf" / f"{name}.pdf")
            in_column = (
                abs(ours.left - theirs.left) <= TOLERANCE and abs(ours.right - theirs.right) <= TOLERANCE
            )
            same_count = len(ours.pages) == len(theirs.pages)
            same_starts = same_count and all(
                a.start == b.start for a, b in zip(ours.pages, theirs.pages, strict=False)
            )
            pages_all += len(theirs.pages)
            pages_same += sum(a.start == b.start for a, b in zip(ours.pages, theirs.pages, strict=False))
            firsts_same += bool(ours.pages and theirs.pages and ours.pages[0].start == theirs.pages[0].start)
            column += in_column
            count += same_count
            starts += same_starts
            first = None if same_starts else first_break(ours, theirs)
            if first:
                kind = first.split(", ", 1)[1].split(":", 1)[0]
                breaks[kind] = breaks.get(kind, 0) + 1
            fitted: list[int] = []
            if not same_starts:
                miss = next(
                    (
                        k
                        for k, (a, b) in enumerate(zip(ours.pages, theirs.pages, strict=False), 1)
                        if a.start != b.start
                    ),
                    len(theirs.pages),
                )
                fitted = copy_fitted_pages(args.folder / "en-pdf" / f"{name}.pdf", out / f"{path.stem}.pdf")
                copy_fitted += any(page < miss for page in fitted)  # what set the page that differs
            if args.show and not (in_column and same_count and same_starts):
                print(
                    f"{name}: column {ours.left:.1f}-{ours.right:.1f} (UN {theirs.left:.1f}-{theirs.right:.1f}),"
                    f" pages {len(ours.pages)} (UN {len(theirs.pages)})"
                )
                for k, (a, b) in enumerate(zip(ours.pages, theirs.pages, strict=False), 1):
                    if a.start != b.start:
                        print(f"    page {k}: {' '.join(a.start)!r} (UN {' '.join(b.start)!r})")
                if first:
                    print(f"    first line broken otherwise: {first}")
                if fitted:
                    print(f"    the UN's copy-fitted pages (tighter leading, lines set condensed): {fitted}")
    n = len(written)
    print(f"resolutions: {n} exported of {len(names)} (source: {args.source})")
    print(f"text column within {TOLERANCE:g} pt: {column}/{n} (target: all)")
    print(f"page count as the UN's: {count}/{n} = {count / n:.0%} (target: 90 %)")
    print(f"same page starts: {starts}/{n} = {starts / n:.0%} (target: 80 %)")
    print(f"pages starting with the UN's words: {pages_same}/{pages_all} = {pages_same / pages_all:.0%}")
    # a first page starts with its session line, below the same masthead on every render: the pages after
    # it are the ones a line or a page break can move
    later_same, later_all = pages_same - firsts_same, pages_all - n
    print(f"  of the pages after the first: {later_same}/{later_all} = {later_same / max(later_all, 1):.0%}")
    missed = ", ".join(f"{kind} {n}" for kind, n in sorted(breaks.items()))
    print(f"where page starts differ, the first line broken otherwise: {missed or 'none'}")
    print(
        f"where page starts differ, the UN's own copy-fitting (tighter leading, lines set condensed) on a page before the first"
        f" page that differs: {copy_fitted}/{n - starts}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
