"""Round trip of the UN's AKN4UN files: read each, write it again as AKN, check the file against the
Akoma Ntoso 3.0 schema and read it back; the two readings must agree in structure, text, footnote
markers and italic openers.

Usage: python bench/akn_roundtrip.py [FOLDER]   (default: ../shared/corpus-akn; every *.xml below it)
Prints one line per file that does not come back the same, then the figure; exit 1 unless all do.
"""

import sys
import time
from pathlib import Path

from draftroom.export.akn import schema_errors, write_akn
from draftroom.export.blocks import Options
from draftroom.model.compare import differences
from draftroom.parse.akn import read_akn

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus-akn"


def round_trip(path: Path) -> list[str]:
    """What differs after writing the file's document again and reading it back (schema errors first)."""
    doc = read_akn(path.read_bytes(), path.name).document
    data = write_akn(doc, Options(kind=doc.kind, lang=doc.language))
    errors = schema_errors(data)
    if errors:
        return [f"schema: {errors[0]}"]
    return differences(doc, read_akn(data, path.name).document)


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not folder.is_dir():
        folder = Path("/work/shared/corpus-akn")
    files = sorted(folder.rglob("*.xml"))
    start = time.perf_counter()
    same = 0
    for f in files:
        diffs = round_trip(f)
        if diffs:
            print(
                f"{f.relative_to(folder)}: {diffs[0]}" + (f" (+{len(diffs) - 1})" if len(diffs) > 1 else "")
            )
        else:
            same += 1
    seconds = time.perf_counter() - start
    print(f"akn round trip: {same}/{len(files)} files the same and schema-valid ({seconds:.1f} s)")
    return 0 if same == len(files) else 1


if __name__ == "__main__":
    sys.exit(main())
