"""The next revision's text: accepted amendments and compromises applied to the current one.

Order: new wording, then moves, then insertions, then deletions (so an insertion anchored on a
paragraph deleted in the same revision still finds its place); then numbers, sub-item markers and
footnotes are recomputed. Two accepted amendments that collide are an error, never a guess.
"""

import copy
from collections import defaultdict

from draftroom.errors import DraftroomError
from draftroom.model import Document, Paragraph, labels
from draftroom.model.amendment import Amendment
from draftroom.workflow.notes import materialize
from draftroom.workflow.patching import apply_patch, changed_spans, spans_overlap
from draftroom.workflow.tree import attach, contains, detach, position, renumber_paragraphs

TEXT_KINDS = ("replace", "edit")


def apply(doc: Document, accepted: list[Amendment]) -> Document:
    """A new Document; `doc` is left as it was."""
    names = labels(doc)
    new = copy.deepcopy(doc)
    ordered = sorted(accepted, key=lambda a: (a.created, a.id))
    _check_collisions(ordered, names)
    touched: set[int] = set()
    for a in ordered:
        if a.kind in TEXT_KINDS:
            _reword(new, a, names)
    for a in ordered:
        if a.kind == "move":
            _move(new, a, names, touched)
    last_after: dict[str, str] = {}
    for a in ordered:
        if a.kind == "insert":
            _insert(new, a, last_after, names, touched)
    for a in ordered:
        if a.kind == "delete":
            lst, _ = _where(new, a.target, a, names)
            touched.add(id(lst))
            detach(new, a.target or "")
    renumber_paragraphs(new, touched)
    materialize(new)
    return new


def _where(doc: Document, pid: str | None, a: Amendment, names: dict[str, str]) -> tuple[list, int]:
    found = position(doc, pid or "")
    if found is None:
        raise DraftroomError(
            f"{a.id} acts on a paragraph that is no longer in the text ({names.get(pid or '', pid)}): reject it"
        )
    return found


def _check_collisions(ordered: list[Amendment], names: dict[str, str]) -> None:
    by_target: dict[str, list[Amendment]] = defaultdict(list)
    for a in ordered:
        if a.target and a.kind != "insert":
            by_target[a.target].append(a)
    for pid, group in by_target.items():
        label = names.get(pid, pid)
        kinds = [a.kind for a in group]
        if "delete" in kinds and len(group) > 1:
            _collide(group, label, "one deletes it")
        if kinds.count("move") > 1:
            _collide([a for a in group if a.kind == "move"], label, "both move it")
        texts = [a for a in group if a.kind in TEXT_KINDS]
        if any(a.kind == "replace" for a in texts) and len(texts) > 1:
            _collide(texts, label, "one replaces its whole text")


def _collide(group: list[Amendment], label: str, why: str) -> None:
    ids = ", ".join(a.id for a in group)
    raise DraftroomError(
        f"accepted amendments {ids} collide on {label} ({why}): reject one or write a compromise"
    )


def _reword(doc: Document, a: Amendment, names: dict[str, str]) -> None:
    lst, i = _where(doc, a.target, a, names)
    para: Paragraph = lst[i]
    label = names.get(para.id, para.id)
    if a.kind == "replace" and para.text == a.base_text:
        para.text = a.text or ""
        return
    result = apply_patch(a.patch or "", para.text)
    if result is None:
        raise DraftroomError(
            f"accepted amendment {a.id} no longer applies to {label}: another accepted change "
            "touched the same words; reject one or write a compromise"
        )
    alone = apply_patch(a.patch or "", a.base_text or "")
    already = changed_spans(a.base_text or "", para.text)
    if alone is not None and already and spans_overlap(already, changed_spans(a.base_text or "", alone)):
        raise DraftroomError(
            f"accepted amendment {a.id} changes words of {label} that another accepted amendment "
            "changes too: reject one or write a compromise"
        )
    para.text = result


def _move(doc: Document, a: Amendment, names: dict[str, str], touched: set[int]) -> None:
    src, i = _where(doc, a.target, a, names)
    moving: Paragraph = src[i]
    dst, _ = _where(doc, a.anchor, a, names)
    if contains(moving, a.anchor or ""):
        raise DraftroomError(f"{a.id} would move {names.get(moving.id)} inside itself: reject it")
    touched.update((id(src), id(dst)))
    detach(doc, moving.id)
    attach(doc, moving, a.anchor or "", a.position or "after")


def _insert(
    doc: Document, a: Amendment, last_after: dict[str, str], names: dict[str, str], touched: set[int]
) -> None:
    """Several insertions after the same paragraph keep the order they were proposed in."""
    anchor = a.anchor or ""
    lst, _ = _where(doc, anchor, a, names)
    touched.add(id(lst))
    para = Paragraph(id=a.new_paragraph_id, text=a.text or "")
    if a.position == "after":
        attach(doc, para, last_after.get(anchor, anchor), "after")
        last_after[anchor] = para.id
    else:
        attach(doc, para, anchor, "before")
