"""`draftroom revise`: cut the next revision of the text, in one action (one commit).

The facilitator (or the Secretariat, which issues the documents) cuts it: every accepted amendment
and compromise is applied to the text, the pending ones are carried forward to the new revision,
cross-references the renumbering broke are recorded as `Warning:` trailers of the revision's
commit, and the text gets the revision's symbol (".../Rev.N") and today's date.
"""

from draftroom.model import Revision
from draftroom.model.dates import printed_date
from draftroom.model.text_rules import check_typed
from draftroom.store import RevisionCut, Transaction
from draftroom.workflow.amending import require_facilitator
from draftroom.workflow.apply import apply
from draftroom.workflow.carry import carry
from draftroom.workflow.crossrefs import broken
from draftroom.workflow.identity import SECRETARIAT, resolve_actor
from draftroom.workflow.negotiation import Home, open_negotiation, today

WARNING = "Warning"


def _apply_amendments(txn: Transaction, who: str, revision: Revision) -> None:
    """Apply the accepted amendments, carry the pending ones to `revision`, record broken references."""
    if who != SECRETARIAT:
        require_facilitator(txn, who, "cut a revision")
    everything = txn.amendments.all()
    accepted = [a for a in everything if a.status == "accepted" and not a.applied_in]
    pending = [a for a in everything if a.pending]
    old = txn.doc
    new = apply(old, accepted)
    for a in accepted:
        a.applied_in = revision.tag
        txn.amendments.save(a)
    for before, a in zip(pending, carry(pending, old, new, revision.tag), strict=True):
        if a != before:
            txn.amendments.save(a)
    new.job_number = None  # a revision is a new document: the Secretariat gives it its own job number
    txn.doc = new
    txn.paragraphs += [p for a in accepted for p in (a.target, a.anchor) if p]
    txn.extra_trailers += [("Applied", a.id) for a in accepted]
    txn.extra_trailers += [(WARNING, w) for w in broken(old, new)]


def revise(name: str, actor: str | None = None, symbol: str | None = None, home: Home = None) -> RevisionCut:
    """Cut the next revision: after the base text .../L.20 it is Rev.1; after a base text that is
    itself .../L.20/Rev.1, Rev.2 (see `Revision.next_after`)."""
    if symbol:
        symbol = check_typed(symbol, "--symbol")
    neg = open_negotiation(name, home)
    who = resolve_actor(actor)
    when = today()
    with neg.action("revise", who) as txn:
        revision = Revision(txn.state.revision).next_after(txn.doc.symbol)
        _apply_amendments(txn, who, revision)
        doc = txn.doc
        doc.symbol = symbol or revision.symbol(doc.symbol)
        if doc.kind == "draft":
            doc.kind = "revised-draft"
        doc.date = printed_date(when, doc.language)
        tag = txn.cut_revision(doc.symbol, when, revision)
        txn.summary = f"Revision {revision.number}" + (f": {doc.symbol}" if doc.symbol else "")
    return next(r for r in neg.revisions() if r.tag == tag)


def revision_warnings(name: str, home: Home = None) -> list[str]:
    """The cross-reference warnings recorded by the latest revision."""
    for action in open_negotiation(name, home).log():
        if action.revision:
            return list(action.trailers.get(WARNING, []))
    return []
