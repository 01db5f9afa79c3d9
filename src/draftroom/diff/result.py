"""Compare two Documents into a Redline: align paragraphs and footnotes, then diff each pair."""

from dataclasses import dataclass

from draftroom.diff.align import Alignment, align_by_content, align_by_key, reading_order
from draftroom.diff.inline import diff_texts, is_cjk, similarity
from draftroom.model import Document, iter_located, part_letters
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
    cjk: bool,
    index_base: int = 1,
) -> list[Change]:
    out = []
    for i, j in reading_order(alignment, len(old), len(new)):
        a = old[i] if i is not None else None
        b = new[j] if j is not None else None
        segments = diff_texts(a.text if a else "", b.text if b else "", renumbered, cjk)
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


def _part_titles(doc: Document) -> dict[str, str]:
    """Letter -> the title of that part ("A" -> "Information in the service of humanity")."""
    return {letter: part.title for letter, part in zip(part_letters(doc), doc.parts, strict=True)}


def _with_part_titles(
    pairs: list[Change], old: Document, new: Document, renumbered: dict[int, int], cjk: bool
) -> list[Change]:
    """`pairs` with each part's title ("A title", paired by the part's letter) set before the first
    paragraph of its part, as the text prints it under the part's letter."""
    olds, news = _part_titles(old), _part_titles(new)
    out = list(pairs)
    for letter in sorted(olds.keys() | news.keys(), reverse=True):
        a, b = olds.get(letter), news.get(letter)
        if not a and not b:
            continue
        label = f"{letter} title"
        units = [Unit(label, label, a, "")] if a else [], [Unit(label, label, b, "")] if b else []
        change = _changes(*units, Alignment([(0, 0)] if a and b else []), renumbered, cjk, 0)
        opens = f"{letter} "
        at = next(
            (
                k
                for k, c in enumerate(out)
                if (c.new or c.old or "").startswith(opens) and "title" not in (c.new or c.old or "")
            ),
            len(out),
        )
        out[at:at] = change
    return out


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
    old_units, new_units = units_of(old), units_of(new)
    old_notes, new_notes = _footnote_units(old), _footnote_units(new)
    cjk = same_language and is_cjk("".join(u.text for u in (*old_units, *new_units)))

    def align(a: list[Unit], b: list[Unit], ids: bool) -> Alignment:
        if ids:
            return align_by_key([u.key for u in a], [u.key for u in b])
        if not same_language:
            return align_by_key([u.label for u in a], [u.label for u in b])
        return align_by_content([u.text for u in a], [u.text for u in b], cjk)

    notes_aligned = align(old_notes, new_notes, False)
    renumbered = {int(old_notes[i].key): int(new_notes[j].key) for i, j in notes_aligned.pairs}
    pairs = []
    if old.title or new.title:
        titles = [Unit("title", "title", old.title, "")], [Unit("title", "title", new.title, "")]
        pairs = _changes(*titles, Alignment([(0, 0)]), renumbered, cjk, 0)
    pairs += _changes(old_units, new_units, align(old_units, new_units, by_id), renumbered, cjk)
    pairs = _with_part_titles(pairs, old, new, renumbered, cjk)
    return Redline(
        pairs=pairs,
        footnotes=_changes(old_notes, new_notes, notes_aligned, {}, cjk, 0),
        old_name=old_name,
        new_name=new_name,
        old_language=old.language,
        new_language=new.language,
        warnings=warnings,
        renumbered=renumbered,
    )
