"""Member State search for the pickers, over the Member State table of `draftroom.model.states`.

Matching is by substring, case- and accent-insensitive, on every name a State answers to (the six
languages, ISO codes, aliases), so "chin", "中", "russie" and "CHN" all find what a user means.
"""

import unicodedata
from functools import cache

from draftroom.model import states

MAX_RESULTS = 40


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@cache
def _searchable() -> tuple[tuple[states.State, tuple[tuple[str, str], ...]], ...]:
    return tuple((s, tuple((_fold(n), n) for n in s.names() if n)) for s in states.all_states())


def search_states(query: str) -> list[tuple[str, str]]:
    """[(English short name, line to show)] matching `query`, best first; every entry when empty."""
    q = _fold(query.strip())
    found: list[tuple[int, str, str, str]] = []  # rank, sort key, line, English name
    for state, names in _searchable():
        hits = [
            (0 if folded == q else 1 if folded.startswith(q) else 2, shown)
            for folded, shown in names
            if q in folded
        ]
        if not hits:
            continue
        rank, shown = min(hits)
        line = f"{state.en}  {state.zh}  {state.code}"
        if shown not in (state.en, state.zh, state.code, state.iso2):
            line += f"  · {shown}"
        found.append((rank, state.en_sort, line, state.en))
    found.sort()
    return [(en, line) for _, _, line, en in found[:MAX_RESULTS]]
