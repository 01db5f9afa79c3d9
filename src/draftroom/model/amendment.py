"""Amendments: one proposed change to a negotiated text, as plain data, and their JSON form.

An amendment names paragraphs by their stable id, never by label. A compromise is an amendment
written by a facilitator whose `merges` lists the proposals it replaces.
"""

import os
import time
from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("replace", "edit", "insert", "delete", "move")
STATUSES = ("proposed", "withdrawn", "accepted", "rejected", "merged", "superseded", "conflicting")
PENDING = ("proposed", "conflicting")
POSITIONS = ("before", "after")

_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


@dataclass
class Conflict:
    """Why a pending amendment can no longer be applied as it stands, with both texts."""

    reason: str  # one line for people
    base_text: str  # the paragraph the amendment was written against
    current_text: str  # the paragraph now ("" when it was deleted)
    proposed_text: str = ""  # what the amendment wanted
    others: list[str] = field(default_factory=list)  # ids of amendments it collides with


@dataclass
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
    applied_in: str | None = None  # the revision that applied it
    conflict: Conflict | None = None

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


def make_id(prefix: str, now_ms: int | None = None) -> str:
    """A unique id without coordination: the proposer's code, milliseconds, 20 random bits."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    stamp = "".join(_CROCKFORD[(ms >> (5 * i)) & 31] for i in reversed(range(9)))
    rand = int.from_bytes(os.urandom(3), "big") & 0xFFFFF
    tail = "".join(_CROCKFORD[(rand >> (5 * i)) & 31] for i in reversed(range(4)))
    code = "".join(c for c in prefix.upper() if c.isalnum())[:8] or "X"
    return f"{code}-{stamp}{tail}"


def to_dict(a: Amendment) -> dict[str, Any]:
    out = asdict(a)
    if a.conflict is None:
        out.pop("conflict")
    return {k: v for k, v in out.items() if v not in (None, [], "") or k in ("id", "kind", "status")}


def from_dict(d: dict[str, Any]) -> Amendment:
    data = dict(d)
    conflict = data.pop("conflict", None)
    known = set(Amendment.__dataclass_fields__)
    a = Amendment(**{k: v for k, v in data.items() if k in known})
    a.proposers = list(a.proposers)
    a.merges = list(a.merges)
    a.conflict = Conflict(**conflict) if conflict else None
    return a
