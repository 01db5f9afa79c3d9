"""Where the real documents the tests read are: inside the repository, under tests/data (see its README)."""

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
CORPUS_EN = DATA / "corpus-en"
SEEDS = DATA / "seeds"
