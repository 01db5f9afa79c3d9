"""Amendments as a negotiator reads them: listed and filtered, where they act at the current
revision, and the change."""

from __future__ import annotations

import json

from draftroom.model import Document, labels
from draftroom.model.amendment import Amendment, facts, matches, where
from draftroom.model.translation import TranslationProposal
from draftroom.record import asdict, field, record
from draftroom.store.private import PrivateProposals
from draftroom.store.translations import proposal_files, read_proposals
from draftroom.workflow.compile import diff_pieces, plain
from draftroom.workflow.identity import resolve_actor
from draftroom.workflow.negotiation import Home, open_negotiation

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from typing import Any

    from draftroom.store.committed import Committed
    from draftroom.store.repo import Negotiation


def thread_lines(a: Amendment) -> list[str]:
    """The proposal's discussion, oldest first: "Belarus, 2026-12-02 10:41: rejects because: ..."."""
    return [f"{r.who}, {r.minute}: {r.said}" for r in a.thread]


def change(a: Amendment) -> str:
    """The proposed change as a one-line diff: [-deleted-] {+inserted+}."""
    if a.kind == "delete":
        return f"[-{a.base_text or ''}-]"
    if a.kind in ("insert", "move"):
        return f"{{+{a.text}+}}" if a.kind == "insert" else f"(moves: {a.base_text or ''})"
    return "".join(plain(p) for p in diff_pieces(a.base_text or "", a.text or ""))


def select(
    amendments: list[Amendment],
    doc: Document,
    status: str | None = None,
    by: str | None = None,
    on: str | None = None,
    kind: str | None = None,
) -> list[Amendment]:
    """Filter by status ("pending": proposed or conflicting), by delegation (any proposer), by the
    paragraph (its id) acted on and by kind ("compromise": a facilitator's text merging others)."""
    return [a for a in amendments if matches(facts(a), status, by, on, kind)]


def text_block(a: Amendment, names: dict[str, str], private: bool = False) -> str:
    """The amendment as `draftroom amendments` prints it: its head line, its change, its conflict,
    its discussion."""
    head = f"{a.id}  {a.kind:<7} {where(a, names):<16} {a.status:<11} {a.base:<6} {', '.join(a.proposers)}"
    out = [head + ("  (private: `draftroom submit` shares it)" if private else "")]
    out.append(f"    {change(a)}")
    if a.conflict:
        out.append(f"    conflict: {a.conflict.reason}")
        out.append(f"    written against: {a.conflict.base_text}")
        out.append(f"    the text now:    {a.conflict.current_text or '(deleted)'}")
    out += [f"    — {line}" for line in thread_lines(a)]
    return "\n".join(out)


def json_block(a: Amendment, names: dict[str, str], private: bool = False) -> str:
    """`as_json` as an element of the `--json` list: what json.dumps(list, indent=1) writes for it,
    its own indent one deeper (a JSON text holds no raw line break inside its strings)."""
    return " " + json.dumps(as_json(a, names, private), ensure_ascii=False, indent=1).replace("\n", "\n ")


def as_json(a: Amendment, names: dict[str, str], private: bool = False) -> dict[str, Any]:
    return {
        "id": a.id,
        "private": private,
        "kind": a.kind,
        "target": where(a, names),
        "proposers": list(a.proposers),
        "invited": list(a.invited),
        "status": a.status,
        "base": a.base,
        "created": a.created,
        "rationale": a.rationale,
        "text": a.text,
        "merges": list(a.merges),
        "applied_in": a.applied_in,
        "conflict": asdict(a.conflict) if a.conflict else None,
        "thread": [asdict(r) for r in a.thread],
    }


@record
class Listing:
    """Amendments with the text that labels them."""

    doc: Document
    amendments: list[Amendment]
    private: frozenset[str] = frozenset()  # ids of this clone's private proposals among them
    # the delegations' proposed wordings in other languages, oldest first (when asked for)
    translations: list[TranslationProposal] = field(default_factory=list)

    @property
    def names(self) -> dict[str, str]:
        return labels(self.doc)


def list_amendments(
    name: str,
    status: str | None = None,
    by: str | None = None,
    on: str | None = None,
    home: Home = None,
    kind: str | None = None,
    translations: bool = False,
) -> Listing:
    """The amendments, oldest first, filtered (`on`: a paragraph id), with the current text to label
    them; this clone's private proposals among them (`Listing.private`); with `translations`, the
    proposed wordings in other languages too (`Listing.translations`, unfiltered).

    Read from git (one commit: the text and its amendments agree), not from the SQL index: one
    `git cat-file` answers faster than SQLAlchemy loads."""
    neg = open_negotiation(name, home)
    return listing_at(neg, neg.snapshot(), status, by, on, kind, translations)


def listing_at(
    neg: Negotiation,
    snap: Committed,
    status: str | None = None,
    by: str | None = None,
    on: str | None = None,
    kind: str | None = None,
    translations: bool = False,
) -> Listing:
    """`list_amendments` at one commit of the negotiation (`snap`)."""
    doc = snap.outline()
    who = resolve_actor(by) if by else None
    public = snap.amendments.all()
    known = {a.id for a in public}
    private = [a for a in PrivateProposals(neg.path).all() if a.id not in known]
    stored = sorted([*public, *private], key=lambda a: (a.created, a.id))
    proposed = read_proposals(snap.read, proposal_files(snap.listing)) if translations else []
    return Listing(
        doc, select(stored, doc, status, who, on, kind), frozenset(a.id for a in private), proposed
    )
