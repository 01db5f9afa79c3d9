"""The rules of amendments: proposing them and deciding on them, on documents and amendments in
memory (the stored verbs that use them are in amending.py).

Every function checks its input fully before changing anything, and raises a one-line
DraftroomError otherwise, so the caller stores nothing on a bad request.
"""

from draftroom.clock import utc_stamp
from draftroom.errors import DraftroomError
from draftroom.model import Document, Located, Paragraph, find_by_id, labels
from draftroom.model.amendment import KINDS, PENDING, POSITIONS, Amendment, Remark, make_id
from draftroom.model.text_rules import check_typed
from draftroom.record import record, replace


@record
class Proposal:
    """What a delegation asks for. Paragraphs are named by id: a front end resolves the label a
    user typed once (`negotiation.paragraph_ids`), and the workflow never turns it back."""

    kind: str
    target: str | None = None  # paragraph id: replace, edit, delete, move
    anchor: str | None = None  # paragraph id: insert, move
    position: str | None = None  # before | after
    text: str | None = None  # replace, insert
    find: str | None = None  # edit
    replace: str | None = None  # edit


def now_iso() -> str:
    return utc_stamp()


def clean_text(text: str | None, what: str = "text") -> str:
    """One paragraph of text: whitespace runs folded; empty is an error."""
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise DraftroomError(f"the {what} is empty: give its words", fix="text")
    return cleaned


def _typed(p: Proposal, rationale: str) -> tuple[Proposal, str]:
    """The proposal's typed words, checked against the rule for stored text before any other work."""

    def check(value: str | None, what: str) -> str | None:
        return None if value is None else check_typed(value, what)

    checked = replace(
        p,
        text=check(p.text, "new text"),
        find=check(p.find, "words to change"),
        replace=check(p.replace, "replacement"),
    )
    return checked, check_typed(rationale, "reason")


def propose(
    doc: Document,
    base: str,
    proposers: list[str],
    p: Proposal,
    id_prefix: str,
    rationale: str = "",
) -> Amendment:
    """A new amendment against `doc` (the text of revision `base`)."""
    if p.kind not in KINDS:
        raise DraftroomError(f"unknown amendment kind {p.kind!r}: use one of {', '.join(KINDS)}")
    p, rationale = _typed(p, rationale)
    a = Amendment(
        id=make_id(id_prefix),
        kind=p.kind,
        proposers=_unique(proposers),
        base=base,
        rationale=" ".join(rationale.split()),
        created=now_iso(),
    )
    if p.kind in ("replace", "edit", "delete", "move"):
        target = _need(doc, p.target, f"{p.kind} needs the paragraph it changes, such as OP3", "target")
        a.target, a.base_text = target.paragraph.id, target.paragraph.text
    if p.kind in ("insert", "move"):
        missing = f"{p.kind} needs the paragraph it goes after or before"
        if p.position not in POSITIONS:
            raise DraftroomError(missing, fix="place")
        a.anchor = _need(doc, p.anchor, missing, "place").paragraph.id
        a.position = p.position
    if p.kind == "replace":
        a.text = clean_text(p.text, "new text")
        if a.text == a.base_text:
            raise DraftroomError(f"the new text is the same as {target.label}'s: nothing to amend")
    elif p.kind == "insert":
        a.text = clean_text(p.text, "new paragraph's text")
    elif p.kind == "edit":
        a.find, a.replace, a.text = edited(a.base_text or "", p.find, p.replace, target.label)
    elif p.kind == "move":
        _check_move(doc, a)
    from draftroom.workflow.notes import check_references  # a proposal's, not a decision's
    from draftroom.workflow.patching import make_patch

    if a.text is not None:
        check_references(a.text, doc)
    if a.base_text is not None and a.text is not None:
        a.patch = make_patch(a.base_text, a.text)
    return a


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


GONE = "that paragraph is no longer in the text (another action changed it): look at the text again"


def _need(doc: Document, pid: str | None, missing: str, fix: str) -> Located:
    """The paragraph an id names in `doc`; a one-line error when none is given or it is gone."""
    if not pid:
        raise DraftroomError(missing, fix=fix)
    found = find_by_id(doc, pid)
    if found is None:
        raise DraftroomError(GONE)
    return found


def edited(text: str, find: str | None, replace: str | None, label: str) -> tuple[str, str, str]:
    """(find, replace, new text): `find` must occur exactly once in `text`."""
    if not find or not find.strip():
        raise DraftroomError("edit needs the words to change", fix="find")
    new_words = " ".join((replace or "").split())
    start, end = find_once(text, find, label)
    if text[start:end] == new_words:
        raise DraftroomError("the words to change and their replacement are the same: nothing to amend")
    return find, new_words, _join(text[:start], new_words, text[end:])


def _join(before: str, middle: str, after: str) -> str:
    """Splice, without leaving a double space where words were deleted."""
    if not middle and before.endswith(" ") and (after.startswith(" ") or after[:1] in ",;.:"):
        before = before.rstrip(" ")
    return before + middle + after


def find_once(text: str, find: str, label: str) -> tuple[int, int]:
    """The span of `find` in `text`; whitespace differences are forgiven (PDF texts space digits
    and Latin words inside Chinese differently). A one-line error unless it occurs exactly once."""
    needle = find.strip()
    exact = [(at, at + len(needle)) for at in _starts(text, needle)]
    hits = exact or _spaced_hits(text, "".join(find.split()))
    if not hits:
        raise DraftroomError(f"{_short(find)!r} does not occur in {label}: copy the words exactly")
    if len(hits) > 1:
        raise DraftroomError(
            f"{_short(find)!r} occurs {len(hits)} times in {label}: give more words so it occurs once"
        )
    return hits[0]


def _spaced_hits(text: str, words: str) -> list[tuple[int, int]]:
    """Spans of `words` (no white space) in `text` with any white space between its characters:
    one search in the text without its white space, linear in both."""
    where = [i for i, ch in enumerate(text) if not ch.isspace()]
    bare = "".join(text[i] for i in where)
    return [(where[at], where[at + len(words) - 1] + 1) for at in _starts(bare, words)]


def _starts(text: str, needle: str) -> list[int]:
    """Where `needle` starts in `text`, occurrences not overlapping (as re.finditer finds them)."""
    out: list[int] = []
    at = text.find(needle) if needle else -1
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + len(needle))
    return out


def _short(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 80 else text[:77] + "..."


def _check_move(doc: Document, a: Amendment) -> None:
    target = find_by_id(doc, a.target or "")
    if target is None or a.anchor is None:
        return
    from draftroom.workflow.tree import contains  # with the languages' markers: only for a move

    if contains(target.paragraph, a.anchor):
        raise DraftroomError(f"cannot move {target.label} next to itself or one of its own sub-items")
    names = labels(doc)
    where = find_by_id(doc, a.anchor)
    if where:
        _check_same_level(target, where, f"{a.position} {where.label}")
    if where and (a.position == "after" and _next_id(where.siblings, a.anchor) == a.target):
        raise DraftroomError(f"{target.label} already follows {names[a.anchor]}: nothing to move")
    if where and (a.position == "before" and _next_id(target.siblings, a.target or "") == a.anchor):
        raise DraftroomError(f"{target.label} already precedes {names[a.anchor]}: nothing to move")


def _part(loc: Located) -> str:
    if loc.annex is not None:
        where = f"annex {loc.annex + 1}"
    else:
        where = "the preamble" if loc.part == "preamble" else "the operative part"
    letter = loc.label.split(" ")[0] if loc.division is not None else None
    return f"{where} of part {letter}" if letter else where


def _check_same_level(target: Located, anchor: Located, place: str) -> None:
    """A move stays within its part (preamble, operative part, one annex) and at its level: a
    paragraph among paragraphs, a sub-item among sub-items. Anything else is a delete and an insert."""
    moving = f"cannot move {target.label} {place}"
    if (target.division, target.part, target.annex) != (anchor.division, anchor.part, anchor.annex):
        raise DraftroomError(
            f"{moving}: a move stays within its part and {target.label} is in {_part(target)}, "
            f"{anchor.label} in {_part(anchor)}; to take the words there, propose a delete and an insert"
        )
    if (target.parent is None) != (anchor.parent is None):
        what = (
            "a sub-item stays under a paragraph" if target.parent else "a paragraph cannot become a sub-item"
        )
        raise DraftroomError(
            f"{moving}: {what}; anchor it on a {'sub-item' if target.parent else 'paragraph'}, "
            "or propose a delete and an insert"
        )


def _next_id(siblings: list[Paragraph], pid: str) -> str | None:
    ids = [p.id for p in siblings]
    i = ids.index(pid)
    return ids[i + 1] if i + 1 < len(ids) else None


def withdraw(a: Amendment, actor: str) -> str:
    """The proposer withdraws the amendment; a co-proposer withdraws their support.
    Returns "withdrawn" or "left"."""
    if actor not in a.proposers:
        raise DraftroomError(
            f"{actor} is not a proposer of {a.id} ({', '.join(a.proposers)}): only they can withdraw it"
        )
    _must_be_pending(a, "withdrawn")
    if actor == a.proposer:
        a.status = "withdrawn"
        return "withdrawn"
    a.proposers.remove(actor)
    return "left"


def remark(a: Amendment, who: str, text: str, verdict: str = "") -> bool:
    """Add `text` to the proposal's thread (a comment, or the reason for `verdict`); nothing when it
    is blank. Returns whether it was added."""
    words = " ".join(check_typed(text, "reason" if verdict else "comment").split())
    if words:
        a.thread.append(Remark(now_iso(), who, words, verdict))
    return bool(words)


def support(a: Amendment, actor: str) -> None:
    if actor in a.proposers:
        raise DraftroomError(f"{actor} already proposes {a.id}")
    _must_be_pending(a, "supported")
    a.proposers.append(actor)
    if actor in a.invited:
        a.invited.remove(actor)


def accept(a: Amendment) -> None:
    _must_be_pending(a, "accepted")
    if a.conflict and not a.conflict.others:
        raise DraftroomError(
            f"{a.id} no longer applies to the current text ({a.conflict.reason}): "
            "write a compromise or reject it"
        )
    a.status, a.conflict = "accepted", None


def reject(a: Amendment) -> None:
    if a.status != "accepted" or a.applied_in:
        _must_be_pending(a, "rejected")
    a.status = "rejected"


def _must_be_pending(a: Amendment, verb: str) -> None:
    if a.status not in PENDING:
        done = f"applied in {a.applied_in}" if a.applied_in else a.status
        raise DraftroomError(f"{a.id} is {done}: only a pending amendment can be {verb}")


def compromise(
    doc: Document,
    base: str,
    facilitator: str,
    merged: list[Amendment],
    text: str,
    id_prefix: str,
    rationale: str = "",
) -> Amendment:
    """One new text for the paragraph the listed proposals amend; they become "merged"."""
    if not merged:
        raise DraftroomError("a compromise needs the ids of the proposals it replaces")
    for a in merged:
        _must_be_pending(a, "merged into a compromise")
    places = {(a.anchor, a.position) if a.kind == "insert" else (a.target, None) for a in merged}
    if len(places) != 1:
        raise DraftroomError(
            "a compromise gives one new text for one paragraph: these proposals touch different paragraphs"
        )
    (pid, position) = places.pop()
    if find_by_id(doc, pid or "") is None:
        raise DraftroomError("the paragraph these proposals amend is no longer in the text")
    if position:
        p = Proposal("insert", anchor=pid, position=position, text=text)
    else:
        p = Proposal("replace", target=pid, text=text)
    c = propose(doc, base, [facilitator], p, id_prefix, rationale)
    c.merges = [a.id for a in merged]
    c.status = "accepted"
    for a in merged:
        a.status, a.conflict = "merged", None
    return c
