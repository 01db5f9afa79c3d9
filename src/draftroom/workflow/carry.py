"""Carrying pending amendments forward to a new revision.

A change is re-applied to the new text with diff-match-patch's fuzzy patching. It is marked
conflicting (keeping both texts) instead when the paragraph it acts on is gone, when the new
revision changed the very words it changes, when the patch no longer applies, or when another
pending amendment changes the same words. Nothing is ever applied silently.
"""

import copy
from collections import defaultdict

from draftroom.model import Document, labels
from draftroom.model.amendment import Amendment, Conflict
from draftroom.workflow.notes import remap
from draftroom.workflow.patching import apply_patch, changed_spans, make_patch, spans_overlap
from draftroom.workflow.tree import paragraph


def carry(pending: list[Amendment], old: Document, new: Document, rev: str) -> list[Amendment]:
    """Copies of the pending amendments (written against `old`), rebased on `new` = revision `rev`."""
    old_names = labels(old)
    out: list[Amendment] = []
    for original in pending:
        a = copy.deepcopy(original)
        if a.conflict and not a.conflict.others:
            current = paragraph(new, a.target or a.anchor or "")
            a.conflict.current_text = current.text if current else ""
        else:
            a.status, a.conflict = "proposed", None
            _rebase(a, old, new, rev, old_names.get(a.target or a.anchor or "", "its paragraph"))
        out.append(a)
    mark_overlaps(out, new)
    return out


def _rebase(a: Amendment, old: Document, new: Document, rev: str, label: str) -> None:
    for name in ("text", "base_text"):
        value = getattr(a, name)
        if value is not None:
            setattr(a, name, remap(value, old, new))
    gone = [pid for pid in (a.target, a.anchor) if pid and paragraph(new, pid) is None]
    if gone:
        if a.kind == "delete":
            a.status = "superseded"
            return
        _conflict(a, f"{label} was deleted in {rev}", "")
        return
    if a.kind in ("replace", "edit"):
        _reword(a, new, rev, label)
    elif a.kind == "delete":
        a.base_text = _text(new, a.target)
    if a.status != "conflicting":
        a.base = rev


def _text(doc: Document, pid: str | None) -> str:
    para = paragraph(doc, pid or "")
    return para.text if para else ""


def _reword(a: Amendment, new: Document, rev: str, label: str) -> None:
    base, wanted, now = a.base_text or "", a.text or "", _text(new, a.target)
    if now != base:
        if spans_overlap(changed_spans(base, now), changed_spans(base, wanted)):
            _conflict(a, f"{rev} changed the words of {label} this amendment changes", now)
            return
        result = apply_patch(make_patch(base, wanted), now)
        if result is None:
            _conflict(a, f"it no longer applies to {label} as worded in {rev}", now)
            return
        wanted = result
    a.base_text, a.text, a.patch = now, wanted, make_patch(now, wanted)


def _conflict(a: Amendment, reason: str, current: str, others: list[str] | None = None) -> None:
    a.status = "conflicting"
    a.conflict = Conflict(reason, a.base_text or "", current, a.text or "", others or [])


def mark_overlaps(amendments: list[Amendment], doc: Document) -> None:
    """Pending edits and replacements of one paragraph that change the same words: each is
    marked conflicting, naming the others."""
    names = labels(doc)
    groups: dict[str, list[Amendment]] = defaultdict(list)
    for a in amendments:
        if a.status == "proposed" and a.kind in ("replace", "edit") and a.target:
            groups[a.target].append(a)
    for pid, group in groups.items():
        spans = {a.id: changed_spans(a.base_text or "", a.text or "") for a in group}
        for a in group:
            others = [b.id for b in group if b is not a and spans_overlap(spans[a.id], spans[b.id])]
            if others:
                why = f"it changes the same words of {names.get(pid, pid)} as {', '.join(others)}"
                a.conflict = Conflict(why, a.base_text or "", a.base_text or "", a.text or "", others)
        for a in group:
            if a.conflict:
                a.status = "conflicting"
