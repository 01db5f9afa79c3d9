"""Where the shared real documents are, from the main checkout or from a worktree below /work/wt."""

from pathlib import Path


def _shared() -> Path:
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "corpus-en").is_dir():
            return parent / "shared"
    raise FileNotFoundError("no shared/corpus-en above this checkout")


SHARED = _shared()
CORPUS_EN = SHARED / "corpus-en"
SEEDS = SHARED / "seeds"
