"""Carrying pending amendments forward to a new revision.

A change is re-applied to the new text with diff-match-patch's fuzzy patching. It is marked
conflicting (keeping both texts) instead when the paragraph it acts on is gone, when the new
revision changed the very words it changes, when the patch no longer applies, or when another
pending amendment changes the same words. Nothing is ever applied silently.
"""

from collections import defaultdict
from collections.abc import Callable

from draftroom.model import Document, labels, paragraph_texts
from draftroom.model.amendment import Amendment, Conflict
from draftroom.record import record, replace
from draftroom.workflow.notes import renumbering
from draftroom.workflow.patching import apply_patch, changed_spans, make_patch, spans_overlap


@record
class _Step:
    """What carrying from one text to the next needs, computed once."""

    texts: dict[str, str]  # paragraph id -> text in the new revision
    old_labels: dict[str, str]
    notes: Callable[[str], str]  # footnote references renumbered from the old text to the new
    rev: str


def clone(a: Amendment) -> Amendment:
    conflict = replace(a.conflict, others=list(a.conflict.others)) if a.conflict else None
    return replace(a, proposers=list(a.proposers), merges=list(a.merges), conflict=conflict)


def carry(pending: list[Amendment], old: Document, new: Document, rev: str) -> list[Amendment]:
    """Copies of the pending amendments (written against `old`), rebased on `new` = revision `rev`.
    One that the new revision leaves exactly as it was keeps its base revision."""
    step = _Step(
        paragraph_texts(new),
        labels(old),
        renumbering(old, new),
        rev,
    )
    out: list[Amendment] = []
    for original in pending:
        a = clone(original)
        if a.conflict and not a.conflict.others:
            a.conflict.current_text = step.texts.get(a.target or a.anchor or "", "")
        else:
            a.status, a.conflict = "proposed", None
            _rebase(a, step)
        out.append(a)
    mark_overlaps(out, new)
    for original, a in zip(pending, out, strict=True):
        if a.status != "conflicting" and a != replace(original, base=a.base):
            a.base = rev
    return out


def _rebase(a: Amendment, step: _Step) -> None:
    label = step.old_labels.get(a.target or a.anchor or "", "its paragraph")
    a.text = step.notes(a.text) if a.text is not None else None
    a.base_text = step.notes(a.base_text) if a.base_text is not None else None
    if any(pid and pid not in step.texts for pid in (a.target, a.anchor)):
        if a.kind == "delete":
            a.status = "superseded"
            return
        _conflict(a, f"{label} was deleted in {step.rev}", "")
        return
    if a.kind in ("replace", "edit"):
        _reword(a, step, label)
    elif a.kind == "delete":
        a.base_text = step.texts.get(a.target or "", "")


def _reword(a: Amendment, step: _Step, label: str) -> None:
    base, wanted, now = a.base_text or "", a.text or "", step.texts.get(a.target or "", "")
    if now != base:
        if spans_overlap(changed_spans(base, now), changed_spans(base, wanted)):
            _conflict(a, f"{step.rev} changed the words of {label} this amendment changes", now)
            return
        result = apply_patch(make_patch(base, wanted), now)
        if result is None:
            _conflict(a, f"it no longer applies to {label} as worded in {step.rev}", now)
            return
        wanted = result
    if (a.base_text, a.text) != (now, wanted):
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
