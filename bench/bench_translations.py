"""Every resolution of an AKN4UN corpus in all six languages as one aligned negotiation.

For each `en/A_RES_*.xml` of FOLDER, `draftroom new NAME --from en/X --with fr/X es/X ru/X ar/X zh/X`
runs in a temporary home (the real verb: parse, align, one git commit). Prints how many resolutions
align in all six languages, how many versions align per language, the first paragraph that does not
align for each failure, and the time per resolution against a peer measured in the same run: reading
the same six files alone. With --from-pdf the working text is the English PDF (`en-pdf/X.pdf`): how
many of the PDF reader's texts align with the UN's XML in the other five languages.

Run: python bench/bench_translations.py ../shared/corpus-akn [--from-pdf]
"""

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from machine import machine  # noqa: E402  (the machine line every benchmark prints)

from draftroom.errors import DraftroomError  # noqa: E402
from draftroom.parse import parse_file  # noqa: E402
from draftroom.workflow.translations import new_with_translations  # noqa: E402

OTHERS = ("fr", "es", "ru", "ar", "zh")


def main(folder: Path, from_pdf: bool = False) -> int:
    names = sorted(p.name for p in (folder / "en").glob("*.xml"))
    if not names:
        raise SystemExit(f"{folder}: no en/*.xml here; give the folder of the AKN4UN corpus")
    print(machine())
    print("working text: " + ("the English PDF" if from_pdf else "the English XML"))
    aligned, per_language, failures = 0, Counter(), []
    t_new = t_read = 0.0
    with tempfile.TemporaryDirectory() as home:
        for i, name in enumerate(names):
            files = [folder / lang / name for lang in OTHERS]
            working = folder / "en-pdf" / name.replace(".xml", ".pdf") if from_pdf else folder / "en" / name
            start = time.perf_counter()
            for path in [working, *files]:
                parse_file(path)
            t_read += time.perf_counter() - start
            start = time.perf_counter()
            try:
                new_with_translations(f"r{i}", working, [str(f) for f in files], home=home)
                aligned += 1
                per_language.update(OTHERS)
            except DraftroomError as e:
                failures.append(f"{name}: {e}")
                for path in files:  # which languages align on their own
                    try:
                        new_with_translations(f"r{i}-{path.parent.name}", working, [str(path)], home=home)
                        per_language[path.parent.name] += 1
                    except DraftroomError:
                        pass
            t_new += time.perf_counter() - start
    print(f"{aligned} of {len(names)} resolutions align in all six languages")
    print(
        "versions aligned per language: "
        + ", ".join(f"{lang} {per_language[lang]}/{len(names)}" for lang in OTHERS)
    )
    for line in failures:
        print("  " + line)
    print(
        f"new with five versions: {t_new / len(names) * 1000:.0f} ms per resolution (failures retried per "
        f"language); reading the six files alone: {t_read / len(names) * 1000:.0f} ms; ratio {t_new / t_read:.1f}"
    )
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--from-pdf"]
    if len(args) != 1:
        raise SystemExit(
            "usage: python bench/bench_translations.py FOLDER [--from-pdf] (FOLDER: the AKN4UN corpus)"
        )
    raise SystemExit(main(Path(args[0]), "--from-pdf" in sys.argv))
