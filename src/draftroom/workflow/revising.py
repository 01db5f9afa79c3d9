"""What `draftroom revise` does with amendments, and the read-only views of them.

The revision step runs inside the revise action (one commit): it checks the actor is a
facilitator, applies every accepted amendment and compromise to the text, carries the pending
ones forward to the new revision, and records cross-references the renumbering broke as
`Warning:` trailers of the revision's commit.
"""

from dataclasses import dataclass

from draftroom.model import Document, labels
from draftroom.model.amendment import Amendment
from draftroom.store import Transaction
from draftroom.store.amendment_index import indexed_amendments
from draftroom.workflow import listing
from draftroom.workflow.amending import code, require_facilitator
from draftroom.workflow.apply import apply
from draftroom.workflow.carry import carry
from draftroom.workflow.compile import compile_lines, render_html, render_text
from draftroom.workflow.crossrefs import broken
from draftroom.workflow.identity import SECRETARIAT, resolve_actor
from draftroom.workflow.negotiation import Home, open_negotiation, register_revision_step

WARNING = "Warning"


def revision_step(txn: Transaction, who: str) -> None:
    """A facilitator cuts the revision, or the Secretariat, which issues the documents."""
    if who != SECRETARIAT:
        require_facilitator(txn, who, "cut a revision")
    everything = txn.amendments.all()
    accepted = [a for a in everything if a.status == "accepted" and not a.applied_in]
    pending = [a for a in everything if a.pending]
    old = txn.doc
    new = apply(old, accepted)
    tag = f"rev-{txn.state.revision + 1}"
    for a in accepted:
        a.applied_in = tag
        txn.amendments.save(a)
    for before, a in zip(pending, carry(pending, old, new, tag), strict=True):
        if a != before:
            txn.amendments.save(a)
    new.job_number = None  # a revision is a new document: the Secretariat gives it its own job number
    txn.doc = new
    txn.paragraphs += [p for a in accepted for p in (a.target, a.anchor) if p]
    txn.extra_trailers += [("Applied", a.id) for a in accepted]
    txn.extra_trailers += [(WARNING, w) for w in broken(old, new)]


register_revision_step(revision_step)


def revision_warnings(name: str, home: Home = None) -> list[str]:
    """The cross-reference warnings recorded by the latest revision."""
    for action in open_negotiation(name, home).log():
        if action.revision:
            return list(action.trailers.get(WARNING, []))
    return []


@dataclass
class Listing:
    doc: Document
    amendments: list[Amendment]

    @property
    def names(self) -> dict[str, str]:
        return labels(self.doc)


def list_amendments(
    name: str,
    status: str | None = None,
    by: str | None = None,
    on: str | None = None,
    home: Home = None,
) -> Listing:
    """The amendments (from the index), filtered, with the current text to label them."""
    neg = open_negotiation(name, home)
    doc = neg.outline()
    who = resolve_actor(by) if by else None
    found = indexed_amendments(neg, status)
    return Listing(doc, listing.select(found, doc, None, who, on))


def compilation(name: str, html: bool = False, home: Home = None) -> str:
    """The compilation text of the current draft: plain text, or an HTML page."""
    neg = open_negotiation(name, home)
    doc = neg.document()
    shown = [a for a in indexed_amendments(neg) if a.pending or (a.status == "accepted" and not a.applied_in)]
    lines = compile_lines(doc, shown, code)
    revision = f"rev-{neg.state().revision}"
    return (render_html if html else render_text)(doc, lines, revision)
