"""Export speed: the annexed resolution 000_6842e5c2552c18cd.txt (18 footnotes, 61 annex paragraphs)
to .docx by draftroom, against pandoc turning the equivalent Markdown (with footnotes) into .docx,
measured in the same run.

    python bench/bench_export.py [REPEATS]

Prints the median of each and the ratios (draftroom / pandoc; below 1 is faster than pandoc):
in-process export of the parsed document, and the whole command line (process start, parse, export)
against the pandoc command line.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from draftroom.export.api import export_document  # noqa: E402
from draftroom.export.blocks import Options  # noqa: E402
from draftroom.export.draft_layout import draft_layout  # noqa: E402
from draftroom.export.plain import write_markdown  # noqa: E402
from draftroom.export.typography import typography_for  # noqa: E402
from draftroom.parse import parse_file  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine  # noqa: E402  (the machine line every benchmark prints)
from timing import median_time  # noqa: E402


def _seed() -> Path:
    for parent in ROOT.parents:
        candidate = parent / "shared" / "seeds" / "000_6842e5c2552c18cd.txt"
        if candidate.is_file():
            return candidate
    raise SystemExit("shared/seeds/000_6842e5c2552c18cd.txt not found above this checkout")


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    pandoc = shutil.which("pandoc")
    if not pandoc:
        raise SystemExit("pandoc is not installed: apt-get install pandoc")
    seed = _seed()
    doc = parse_file(seed)
    options = Options(doc.kind, doc.language)
    notes = len(doc.footnotes)
    annex = sum(len(a.paragraphs) for a in doc.annexes)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        markdown = out / "seed.md"
        markdown.write_bytes(write_markdown(draft_layout(doc, options), typography_for(doc.language)))
        ours = median_time(lambda: export_document(doc, out / "ours.docx", options), repeats)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        ours_cli = median_time(
            lambda: subprocess.run(
                [sys.executable, "-m", "draftroom", "export", str(seed), "-o", str(out / "cli.docx")],
                check=True,
                capture_output=True,
                env=env,
            ),
            repeats,
        )
        theirs = median_time(
            lambda: subprocess.run(
                [pandoc, "-f", "markdown", str(markdown), "-o", str(out / "pandoc.docx")],
                check=True,
                capture_output=True,
            ),
            repeats,
        )
    print(f"machine: {machine()}")
    print(f"document: {seed.name}: {notes} footnotes, {annex} annex paragraphs; median of {repeats}")
    print(f"draftroom export (in process):        {ours * 1000:8.1f} ms")
    print(f"draftroom export (command line):      {ours_cli * 1000:8.1f} ms")
    print(f"pandoc markdown -> docx (command):    {theirs * 1000:8.1f} ms")
    print(f"ratio in process / pandoc:            {ours / theirs:8.2f}")
    print(f"ratio command line / pandoc:          {ours_cli / theirs:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
