"""The `diff --json` form of a Redline."""

from typing import Any

from draftroom.model.redline import Change, Redline


def change_dict(c: Change) -> dict[str, Any]:
    return {
        "old": c.old,
        "new": c.new,
        "status": c.status,
        "similarity": c.similarity,
        "segments": [[op, text] for op, text in c.segments],
        "old_mark": c.old_mark,
        "new_mark": c.new_mark,
    }


def to_json_dict(r: Redline) -> dict[str, Any]:
    """Pairs in the new text's order (deletions where they stood), footnotes, counts, warnings."""
    notes = Redline(r.footnotes)
    return {
        "old_name": r.old_name,
        "new_name": r.new_name,
        "old_language": r.old_language,
        "new_language": r.new_language,
        "pairs": [change_dict(c) for c in r.pairs],
        "footnotes": [change_dict(c) for c in r.footnotes],
        "summary": r.summary(),
        "footnote_summary": notes.summary(),
        "marked_characters": r.marked,
        "warnings": list(r.warnings),
    }
