"""Words every renderer uses: how a pair is named, and the summary line."""

from draftroom.model.redline import Change, Redline

_ORDER = ("changed", "moved", "inserted", "deleted", "unchanged")


def pair_name(c: Change) -> str:
    """ "PP2 → PP3", "OP4" (same label on both sides), "→ OP5" (inserted), "PP7 →" (deleted)."""
    if c.old == c.new:
        return c.old or ""
    return f"{c.old or ''} → {c.new or ''}".strip()


def counts_line(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts[s]} {s}" for s in _ORDER if counts.get(s))


def summary_line(r: Redline) -> str:
    """ "3 changed, 1 moved, 2 inserted, 40 unchanged; footnotes: 1 changed, 4 unchanged"."""
    line = counts_line(r.summary()) or "no paragraphs"
    if r.footnotes:
        line += "; footnotes: " + counts_line(Redline(r.footnotes).summary())
    return line


def collapsed(run: list[Change]) -> str:
    """ "5 unchanged: PP4-PP8 → PP5-PP9"."""
    first, last = run[0], run[-1]
    old = f"{first.old}–{last.old}" if len(run) > 1 else str(first.old)
    new = f"{first.new}–{last.new}" if len(run) > 1 else str(first.new)
    span = old if old == new else f"{old} → {new}"
    return f"{len(run)} unchanged: {span}"
