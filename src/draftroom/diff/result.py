"""Compare two Documents into a Redline: align paragraphs and footnotes, then diff each pair."""

from dataclasses import dataclass

from draftroom.diff.align import Alignment, align_by_content, align_by_key, reading_order
from draftroom.diff.inline import diff_texts, similarity
from draftroom.model import Document, iter_located
from draftroom.model.redline import Change, Redline


@dataclass(frozen=True)
class Unit:
    """A paragraph or sub-item as the diff sees it."""

    key: str  # paragraph id
    label: str  # "PP3", "OP5(a)"
    text: str
    mark: str  # printed number or marker: "5.", "(a)"; "" for preambular paragraphs


def units_of(doc: Document) -> list[Unit]:
    """Every paragraph and sub-item in reading order."""
    out = []
    for loc in iter_located(doc):
        p = loc.paragraph
        mark = f"{p.number}." if p.number is not None else f"({p.marker})" if p.marker else ""
        out.append(Unit(p.id, loc.label, p.text, mark))
    return out


def _changes(
    old: list[Unit],
    new: list[Unit],
    alignment: Alignment,
    renumbered: dict[int, int],
    index_base: int = 1,
) -> list[Change]:
    out = []
    for i, j in reading_order(alignment, len(old), len(new)):
        a = old[i] if i is not None else None
        b = new[j] if j is not None else None
        segments = diff_texts(a.text if a else "", b.text if b else "", renumbered)
        if a is None:
            status = "inserted"
        elif b is None:
            status = "deleted"
        elif (i, j) in alignment.moved:
            status = "moved"
        elif all(op == "equal" for op, _ in segments):
            status = "unchanged"
        else:
            status = "changed"
        out.append(
            Change(
                old=a.label if a else None,
                new=b.label if b else None,
                status=status,
                similarity=similarity(segments) if a and b else 0.0,
                segments=segments,
                old_mark=a.mark if a else "",
                new_mark=b.mark if b else "",
                old_index=None if i is None else i + index_base,
                new_index=None if j is None else j + index_base,
            )
        )
    return out


def _footnote_units(doc: Document) -> list[Unit]:
    return [Unit(str(f.number), str(f.number), f.text, "") for f in doc.footnotes]


def compare(
    old: Document, new: Document, by_id: bool = False, old_name: str = "old", new_name: str = "new"
) -> Redline:
    """The redline from `old` to `new`.

    `by_id`: both are revisions of one negotiation, so paragraph ids say which is which; otherwise
    paragraphs pair by content (two separate documents). Texts in two languages pair by label only.
    """
    warnings = []
    same_language = not (old.language and new.language and old.language != new.language)
    if not same_language:
        warnings.append(
            f"{old_name} is in {old.language!r} and {new_name} in {new.language!r}: "
            "paragraphs are paired by their numbers, not by content"
        )
    old_notes, new_notes = _footnote_units(old), _footnote_units(new)
    notes_aligned = (align_by_content if same_language else align_by_key)(
        [u.text for u in old_notes] if same_language else [u.key for u in old_notes],
        [u.text for u in new_notes] if same_language else [u.key for u in new_notes],
    )
    renumbered = {int(old_notes[i].key): int(new_notes[j].key) for i, j in notes_aligned.pairs}
    old_units, new_units = units_of(old), units_of(new)
    if by_id:
        aligned = align_by_key([u.key for u in old_units], [u.key for u in new_units])
    elif same_language:
        aligned = align_by_content([u.text for u in old_units], [u.text for u in new_units])
    else:
        aligned = align_by_key([u.label for u in old_units], [u.label for u in new_units])
    title = Unit("title", "title", old.title, ""), Unit("title", "title", new.title, "")
    pairs = (
        _changes([title[0]], [title[1]], Alignment([(0, 0)]), renumbered, 0) if old.title or new.title else []
    )
    pairs += _changes(old_units, new_units, aligned, renumbered)
    return Redline(
        pairs=pairs,
        footnotes=_changes(old_notes, new_notes, notes_aligned, {}, 0),
        old_name=old_name,
        new_name=new_name,
        old_language=old.language,
        new_language=new.language,
        warnings=warnings,
        renumbered=renumbered,
    )
