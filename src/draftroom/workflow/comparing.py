"""Comparing two texts, for the front ends: the sides of a diff, the redline and its renderings.

draftroom.diff aligns and redlines, draftroom.export writes the redline as Word tracked changes; the
front ends come here, so that they depend on the workflow only.

The two sides of a diff: files that `parse` reads, or revisions of a negotiation.

A side is a file path; `NAME@REV` (a revision of a negotiation: rev-0, Rev.1, 1, latest); or `NAME`
(its latest text). `NAME` alone with `--from/--to` compares two of its revisions, by default the
newest revision against the current text. Two sides of one negotiation pair paragraphs by id; any
other two pair by content.
"""

import os
from pathlib import Path

from draftroom.diff.inline import diff_texts
from draftroom.diff.render_html import render_html
from draftroom.diff.render_json import to_json_dict
from draftroom.diff.render_text import render_text
from draftroom.diff.result import compare
from draftroom.errors import DraftroomError
from draftroom.model import Document, Revision, iter_located, labels
from draftroom.model.amendment import Amendment
from draftroom.model.footnotes import references
from draftroom.model.redline import Redline, Segment
from draftroom.parse import parse_file
from draftroom.record import field, record
from draftroom.workflow.negotiation import Home, open_negotiation
from draftroom.workflow.translations import in_language

__all__ = [
    "Side",
    "compare",
    "compare_sides",
    "load_side",
    "proposal_redline",
    "render_html",
    "render_text",
    "to_json_dict",
    "write_redline_docx",
]


@record(frozen=True)
class Side:
    doc: Document
    name: str  # as shown to the user: the path, or NAME@rev-1
    negotiation: Path | None = None  # set when the side is a revision of a negotiation
    not_current: list[str] = field(default_factory=list)  # in another language: labels not translated yet


def _from_file(path: str) -> Side:
    try:
        doc = parse_file(path)
    except DraftroomError:
        raise
    except Exception as e:  # a parser failure on odd input is the user's file problem, said in one line
        raise DraftroomError(
            f"{path}: could not be read as a resolution text ({type(e).__name__}: {e})"
        ) from None
    if not doc.title and not any(True for _ in iter_located(doc)):
        raise DraftroomError(f"{path}: no paragraphs found; is it the text of a resolution or draft?")
    return Side(doc, path)


def _from_negotiation(name: str, rev: str | None, home: Home, lang: str | None = None) -> Side:
    neg = open_negotiation(name, home)
    label = f"{neg.path.name}@{rev or 'latest'}"
    if not lang:
        return Side(neg.document(rev), label, neg.path)
    shown = in_language(name, lang, rev, home)
    return Side(shown.document, label, neg.path, shown.not_current)


def load_side(spec: str, home: Home = None, lang: str | None = None) -> Side:
    """A file, NAME@REV or NAME (in its version in `lang`, if given); a one-line error when it is none
    of them."""
    if Path(spec).is_file():
        return _from_file(spec)
    if "@" in spec:
        name, rev = spec.rsplit("@", 1)
        return _from_negotiation(name, rev, home, lang)
    if Path(spec).exists() or os.sep in spec:
        return _from_file(spec)  # a directory or a missing path: the parser's check says which
    return _from_negotiation(spec, None, home, lang)


def _sides(
    a: str, b: str | None, from_rev: str | None, to_rev: str | None, home: Home, lang: str | None
) -> tuple[Side, Side]:
    if b is not None:
        if from_rev or to_rev:
            raise DraftroomError(
                "the revisions to compare go with one negotiation NAME, not with two sides A B", fix="from-to"
            )
        return load_side(a, home, lang), load_side(b, home, lang)
    if Path(a).is_file() or "@" in a:
        raise DraftroomError(f"give a second text to compare {a} with: draftroom diff A B")
    start = from_rev or Revision(open_negotiation(a, home).state().revision).tag
    return _from_negotiation(a, start, home, lang), _from_negotiation(a, to_rev or "latest", home, lang)


def compare_sides(
    a: str,
    b: str | None = None,
    from_rev: str | None = None,
    to_rev: str | None = None,
    home: Home = None,
    lang: str | None = None,
) -> Redline:
    """The redline from side A to side B (or between two revisions of negotiation A); a negotiation's
    sides in its version in `lang` when given."""
    old, new = _sides(a, b, from_rev, to_rev, home, lang)
    by_id = old.negotiation is not None and old.negotiation == new.negotiation
    redline = compare(old.doc, new.doc, by_id=by_id, old_name=old.name, new_name=new.name)
    if by_id and new.negotiation is not None:
        _attribute(redline, old, new)
    for side in (old, new):
        if side.not_current:  # a change of the working text shows here only once it is translated
            redline.warnings.append(f"{side.name}: not current in {lang}: {', '.join(side.not_current)}")
    return redline


def _revision(side: Side) -> Revision | None:
    """The revision a side of a negotiation shows; None for its latest text."""
    return Revision.typed(side.name.rsplit("@", 1)[-1])


def _attribute(redline: Redline, old: Side, new: Side) -> None:
    """Credit each changed paragraph to the amendment that changed it between the two revisions:
    its proposer (a facilitator, for a compromise) and when it was proposed."""
    from draftroom.workflow.listing import list_amendments  # the SQL index: only for a negotiation

    path = new.negotiation
    assert path is not None
    low, high = _revision(old), _revision(new)

    def between(a: Amendment) -> bool:
        applied = Revision.from_tag(a.applied_in) or Revision.typed(a.applied_in or "")
        if applied is None:  # accepted, not yet in a revision: only the latest text shows it
            return a.status == "accepted" and high is None
        return (low is None or applied > low) and (high is None or applied <= high)

    applied = sorted(
        (a for a in list_amendments(path.name, home=path.parent).amendments if between(a)),
        key=lambda a: a.created,
    )
    old_ids = {label: pid for pid, label in labels(old.doc).items()}
    new_ids = {label: pid for pid, label in labels(new.doc).items()}
    for change in redline.pairs:
        if change.status == "unchanged":
            continue
        ids = {new_ids.get(change.new or ""), old_ids.get(change.old or "")} - {None}
        by = [a for a in applied if ids & {a.target, a.new_paragraph_id}]
        if by:
            change.author, change.when = by[-1].proposer, by[-1].created


def proposal_redline(current: str, proposed: str) -> list[Segment]:
    """A proposal's redline against the paragraph as it stands. Both texts number footnotes as the one
    document does, so a reference kept is unchanged, as `compare` (History, `draftroom diff`) says it
    (a bare `diff_texts` would count every kept reference as deleted and inserted)."""
    same_notes = {n: n for n in references(current)}
    return diff_texts(current, proposed, same_notes)


def write_redline_docx(redline: Redline, path: str | Path, author: str = "draftroom") -> Path:
    """The redline as a Word document with tracked changes by `author`; python-docx loads only here."""
    from draftroom.export.redline import write_redline_docx as write

    return write(redline, path, author)
