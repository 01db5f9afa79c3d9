"""The amendments' listing as `draftroom amendments` prints it (text or JSON), kept per state of the
clone.

Listing thousands of amendments reads each file from git, parses it and computes its redline and
its JSON, on every call. Computed once (`listing`), each amendment's row is kept in the clone
(`store.head_cache`) under the head commit and this clone's private proposals, so the next
listing of the same state reads one file: the rendering asked for, printed as it is kept (each
block followed by its separator), or with the rows when a filter picks some of its blocks. Any action, here or pulled in by a
sync, moves the head; a private proposal saved, submitted or removed changes the private part: the
next listing computes the rows again.
"""

import json

from draftroom.model.amendment import Facts, facts, matches
from draftroom.store.head_cache import HeadCache
from draftroom.store.private import PrivateProposals
from draftroom.workflow.negotiation import Home, Negotiation, open_negotiation

FORMAT = "amendments 4"  # a row's shape and renderings: change it whenever either changes
CACHE = "amendments"
# the kept sections: every amendment's text_block, every amendment's json_block (each followed by
# its separator, so the whole listing prints as it is kept), and the rows, which only a filter reads
TEXT, JSON, ROWS = 0, 1, 2
SEPARATORS = ("\n", ",\n")  # after each text_block, after each json_block

# a row: the amendment's Facts, then the length of its text_block and of its json_block (their
# separators included)
Row = list[object]


def amendments(
    name: str,
    status: str | None = None,
    by: str | None = None,
    on: str | None = None,
    home: Home = None,
    kind: str | None = None,
    as_json: bool = False,
) -> tuple[str, int]:
    """The amendments, oldest first, filtered as `listing.list_amendments` filters them (`on`: a
    paragraph id): the `listing.text_block`s (`as_json`: `json_block`s) of those that pass, each
    followed by its separator, and how many pass. Unfiltered, the kept rendering is the answer as
    it is: no row is read."""
    neg = open_negotiation(name, home)
    private = PrivateProposals(neg.path).token()  # first: a change while reading shows next time
    cache = HeadCache(neg.git_dir(), CACHE)
    section = JSON if as_json else TEXT
    key = _key(neg.head(), private)
    if not (status or by or on or kind):
        whole = cache.get(key, section)
        if whole and type(whole[0]) is int and whole[0] >= 0:  # the value: how many there are
            return whole[1][0], whole[0]
        rows, text = _computed(neg, cache, private, section)
        return text, len(rows)
    kept = cache.get(key, section, ROWS)
    blocks = _blocks(kept[1][1], kept[1][0], section) if kept else None
    if blocks is None:
        rows, text = _computed(neg, cache, private, section)
        blocks = _split(rows, text, section)
    if by:
        from draftroom.workflow.identity import resolve_actor

        by = resolve_actor(by)
    found = [block for row, block in blocks if matches(_facts(row), status, by, on, kind)]
    return "".join(found), len(found)


def json_list(joined: str) -> str:
    """The JSON list of `json_block`s joined as `amendments` gives them: what json.dumps(list,
    indent=1) writes."""
    return "[\n" + joined.removesuffix(SEPARATORS[JSON]) + "\n]" if joined else "[]"


def _key(head: str, private: str) -> str:
    return f"{FORMAT}\n{head}\n{private}"


def _computed(neg: Negotiation, cache: HeadCache, private: str, section: int) -> tuple[list[Row], str]:
    """The rows and the one rendering asked for (the other one, computed for the same state by an
    earlier listing, is kept with them)."""
    from draftroom.workflow import listing  # the redlines' and the document's modules: only here

    snap = neg.snapshot()
    found = listing.listing_at(neg, snap)
    names = found.names
    render = listing.json_block if section == JSON else listing.text_block
    blocks = [render(a, names, a.id in found.private) + SEPARATORS[section] for a in found.amendments]
    rows: list[Row] = [[*facts(a), 0, 0] for a in found.amendments]
    for row, block in zip(rows, blocks, strict=True):
        row[6 + section] = len(block)
    sections: list[str | None] = [None, None, None]
    sections[section] = "".join(blocks)
    key, other = _key(snap.commit, private), 1 - section
    kept = cache.get(key, other, ROWS)
    before = _blocks(kept[1][1], kept[1][0], other) if kept else None
    if kept and before is not None and len(before) == len(rows):
        for row, (old, _) in zip(rows, before, strict=True):
            row[6 + other] = old[6 + other]
        sections[other] = kept[1][0]
    sections[ROWS] = json.dumps(rows, ensure_ascii=False)
    cache.put(key, len(rows), sections)
    return rows, sections[section] or ""


def _split(rows: list[Row], text: str, section: int) -> list[tuple[Row, str]]:
    out, at = [], 0
    for row in rows:
        size: int = row[6 + section]  # type: ignore[assignment]
        out.append((row, text[at : at + size]))
        at += size
    return out


def _blocks(rows_json: str, text: str, section: int) -> list[tuple[Row, str]] | None:
    """The kept rows, each with its block of `section` (cut from `text`); None when they do not
    have the rows' shape (a damaged or foreign file is computed again)."""
    try:
        rows = json.loads(rows_json)
    except ValueError:
        return None
    if not isinstance(rows, list) or not all(_row(r) for r in rows):
        return None
    if sum(r[6 + section] for r in rows) != len(text):
        return None
    return _split(rows, text, section)


def _row(r: object) -> bool:
    return (
        isinstance(r, list)
        and len(r) == 8
        and isinstance(r[0], str)
        and isinstance(r[1], str)
        and isinstance(r[2], bool)
        and isinstance(r[3], list)
        and type(r[6]) is int
        and type(r[7]) is int
        and r[6] >= 0
        and r[7] >= 0
    )


def _facts(row: Row) -> Facts:
    return row[0], row[1], row[2], row[3], row[4], row[5]  # type: ignore[return-value]
