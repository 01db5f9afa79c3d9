"""Build the Word templates in src/draftroom/templates/ from draftroom.export.template (run after changing it).

    python scripts/build_templates.py [OUTDIR]

The styles, page setup and running-head structure live in src/draftroom/export/template.py, so a
change to a template is reviewed as a change to that code; this script only writes the files.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from draftroom.export.template import FAMILIES, PACKAGE_TEMPLATES, build_template, save_template  # noqa: E402


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else PACKAGE_TEMPLATES
    out.mkdir(parents=True, exist_ok=True)
    for name in FAMILIES:
        path = out / f"un-{name}.docx"
        save_template(build_template(name), path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
