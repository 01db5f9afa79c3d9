"""Amendments: one proposed change to a negotiated text, as plain data, and their JSON form.

An amendment names paragraphs by their stable id, never by label. A compromise is an amendment
written by a facilitator whose `merges` lists the proposals it replaces.
"""

from __future__ import annotations

import os
import time

from draftroom.record import asdict, field, names, record

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from typing import Any

KINDS = ("replace", "edit", "insert", "delete", "move")
STATUSES = ("proposed", "withdrawn", "accepted", "rejected", "merged", "superseded", "conflicting")
PENDING = ("proposed", "conflicting")
FORMAL_STATUSES = ("proposed", "accepted")  # what a formal amendments document can table
POSITIONS = ("before", "after")
PENDING_FILTER = "pending"  # a listing's status filter: every proposal still to be decided
KIND_FILTERS = (*KINDS, "compromise")  # a listing's kind filter; compromise: a facilitator's merging text

_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


@record
class Conflict:
    """Why a pending amendment can no longer be applied as it stands, with both texts."""

    reason: str  # one line for people
    base_text: str  # the paragraph the amendment was written against
    current_text: str  # the paragraph now ("" when it was deleted)
    proposed_text: str = ""  # what the amendment wanted
    others: list[str] = field(default_factory=list)  # ids of amendments it collides with


@record
class Remark:
    """One entry of a proposal's discussion: a comment, or the reason given with a decision."""

    when: str  # ISO 8601 UTC
    who: str  # the delegation (or the Secretariat) that wrote it
    text: str
    verdict: str = ""  # "" for a comment; withdraw | accept | reject for the reason of that decision

    @property
    def said(self) -> str:
        """The words as a thread shows them: a comment, or "rejects because: ..."."""
        return f"{self.verdict}s because: {self.text}" if self.verdict else self.text

    @property
    def minute(self) -> str:
        """When, to the minute: "2026-12-02 10:41"."""
        return self.when[:16].replace("T", " ")


@record
class Amendment:
    id: str
    kind: str  # one of KINDS
    proposers: list[str]  # first the proposer, then co-proposers
    base: str  # the revision it applies to: "rev-0", "Rev.1"
    target: str | None = None  # paragraph id (replace, edit, delete, move)
    anchor: str | None = None  # paragraph id (insert, move)
    position: str | None = None  # "before" | "after" the anchor
    text: str | None = None  # the new paragraph text (replace, insert, and edit's result)
    find: str | None = None  # edit: the words replaced, as typed
    replace: str | None = None  # edit: their replacement
    patch: str | None = None  # edit and replace: diff-match-patch patch from base_text to text
    base_text: str | None = None  # the target's text at `base`
    rationale: str = ""
    status: str = "proposed"
    created: str = ""  # ISO 8601 UTC
    merges: list[str] = field(default_factory=list)  # a compromise: the proposals it replaces
    invited: list[str] = field(default_factory=list)  # named as co-proposers; they join by supporting it
    applied_in: str | None = None  # the revision that applied it
    conflict: Conflict | None = None
    thread: list[Remark] = field(default_factory=list)  # comments and decisions' reasons, oldest first

    @property
    def proposer(self) -> str:
        return self.proposers[0]

    @property
    def pending(self) -> bool:
        return self.status in PENDING

    @property
    def new_paragraph_id(self) -> str:
        """The stable id an inserted paragraph receives: derived from the amendment, so unique."""
        return f"p-{self.id.lower()}"


# what a listing filters on: status, kind, whether it merges others, proposers, target, anchor
Facts = tuple[str, str, bool, list[str], str | None, str | None]


def facts(a: Amendment) -> Facts:
    return (a.status, a.kind, bool(a.merges), a.proposers, a.target, a.anchor)


def matches(
    found: Facts,
    status: str | None = None,
    by: str | None = None,
    on: str | None = None,
    kind: str | None = None,
) -> bool:
    """Whether an amendment passes a listing's filters: its status ("pending": proposed or
    conflicting), a delegation among its proposers, the paragraph (its id) it acts on, its kind
    ("compromise": a facilitator's text merging others)."""
    a_status, a_kind, merging, proposers, target, anchor = found
    if status and (a_status not in PENDING if status == PENDING_FILTER else a_status != status):
        return False
    if kind and (not merging if kind == "compromise" else a_kind != kind or merging):
        return False
    if by and by not in proposers:
        return False
    return not on or on in (target, anchor)


_last: list[int] = [0, 0]  # the last (milliseconds, random) handed out by this process


def _base32(n: int, width: int) -> str:
    return "".join(_CROCKFORD[(n >> (5 * i)) & 31] for i in reversed(range(width)))


def make_id(prefix: str, now_ms: int | None = None) -> str:
    """A unique id without coordination, ULID-style: the proposer's code, the time in
    milliseconds and 30 random bits, incremented (not redrawn) within one millisecond of one
    process so that ids made together stay distinct and sorted."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    if ms <= _last[0]:
        ms, rand = _last[0], (_last[1] + 1) & (2**30 - 1)
    else:
        rand = int.from_bytes(os.urandom(4), "big") & (2**30 - 1)
    _last[:] = [ms, rand]
    code = "".join(c for c in prefix.upper() if c.isalnum())[:8] or "X"
    return f"{code}-{_base32(ms, 9)}{_base32(rand, 6)}"


def to_dict(a: Amendment) -> dict[str, Any]:
    out = {k: v for k, v in vars(a).items() if v not in (None, [], "") or k in ("id", "kind", "status")}
    if a.conflict is not None:
        out["conflict"] = asdict(a.conflict)
    if a.thread:
        out["thread"] = [asdict(r) for r in a.thread]
    return out


def from_dict(d: dict[str, Any]) -> Amendment:
    data = dict(d)
    conflict = data.pop("conflict", None)
    thread = data.pop("thread", [])
    known = set(names(Amendment))
    a = Amendment(**{k: v for k, v in data.items() if k in known})
    a.proposers = list(a.proposers)
    a.merges = list(a.merges)
    a.invited = list(a.invited)
    a.conflict = Conflict(**conflict) if conflict else None
    a.thread = [Remark(**r) for r in thread]
    return a


def where(a: Amendment, names: dict[str, str]) -> str:
    """The label a negotiator sees now: "OP3", "new after OP5", "OP2 to after OP5"."""
    target = names.get(a.target or "", "(deleted)")
    anchor = names.get(a.anchor or "", "(deleted)")
    if a.kind == "insert":
        made = names.get(a.new_paragraph_id)  # once a revision applied it
        return made or f"new {a.position} {anchor}"
    if a.kind == "move":
        return f"{target} to {a.position} {anchor}"
    return target
