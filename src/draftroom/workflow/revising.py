"""`draftroom revise`: cut the next revision of the text, in one action (one commit).

The facilitator (or the Secretariat, which issues the documents) cuts it: every accepted amendment
and compromise is applied to the text, the pending ones are carried forward to the new revision,
cross-references the renumbering broke are recorded as `Warning:` trailers of the revision's
commit, and the text gets the revision's symbol (".../Rev.N") and today's date. A negotiation
whose base is an adopted resolution makes a new draft at its first cut: no adoption, no symbol
(the Secretariat gives it when the draft is tabled, or `--symbol` here).
"""

from draftroom.model import Closing, Document, Revision, brackets, iter_located
from draftroom.model.dates import printed_date
from draftroom.model.revision import is_adopted
from draftroom.model.text_rules import check_typed
from draftroom.record import record
from draftroom.store import RevisionCut, Transaction
from draftroom.workflow.amending import require_facilitator
from draftroom.workflow.apply import apply
from draftroom.workflow.carry import carry
from draftroom.workflow.crossrefs import broken
from draftroom.workflow.identity import SECRETARIAT, resolve_actor
from draftroom.workflow.negotiation import Home, open_negotiation, today

WARNING = "Warning"


@record
class Revised:
    cut: RevisionCut
    bracketed: list[str]  # labels of the paragraphs whose text still holds square brackets

    def said(self) -> str:
        """What the revision did, in words: "Rev.2 (A/C.3/74/L.20/Rev.2); 2 paragraphs still hold
        brackets: OP1, OP3"."""
        symbol = f" ({self.cut.symbol})" if self.cut.symbol else ""
        return f"{self.cut.revision.name}{symbol}; {held(self.bracketed)}"


def held(labels: list[str]) -> str:
    if not labels:
        return "no paragraph holds brackets"
    return f"{len(labels)} paragraph{'s' if len(labels) > 1 else ''} still hold{'' if len(labels) > 1 else 's'} brackets: {', '.join(labels)}"


def _keep_brackets(old: Document, new: Document) -> list[str]:
    """Every paragraph whose text holds square brackets is bracketed in the new text; one whose
    accepted text took its brackets away is open again. Returns the labels of those still bracketed."""
    had = {loc.paragraph.id: bool(brackets.spans(loc.paragraph.text)) for loc in iter_located(old)}
    out = []
    for loc in iter_located(new):
        p = loc.paragraph
        p.status = brackets.status_with(p.text, p.status, had.get(p.id, False))
        if brackets.spans(p.text):
            out.append(loc.label)
    return out


def _apply_amendments(txn: Transaction, who: str, revision: Revision) -> list[str]:
    """Apply the accepted amendments, carry the pending ones to `revision`, record broken references;
    the labels of the paragraphs still holding brackets."""
    if who != SECRETARIAT:
        require_facilitator(txn, who, "cut a revision")
    everything = txn.amendments.all()
    accepted = [a for a in everything if a.status == "accepted" and not a.applied_in]
    pending = [a for a in everything if a.pending]
    old = txn.doc
    new = apply(old, accepted)
    bracketed = _keep_brackets(old, new)
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
    return bracketed


def _as_new_draft(doc: Document) -> None:
    """An adopted text, revised, is a new draft: what its adoption printed goes."""
    for d in (doc, *doc.parts):
        d.kind = "draft"
        d.resolution_number = d.adopted_on = d.report_line = None
        d.closing = Closing()


def revise(name: str, actor: str | None = None, symbol: str | None = None, home: Home = None) -> Revised:
    """Cut the next revision: after the base text .../L.20 it is Rev.1; after a base text that is
    itself .../L.20/Rev.1, Rev.2 (see `Revision.next_after`). Paragraphs whose text still holds
    square brackets stay bracketed; the result names them."""
    if symbol:
        symbol = check_typed(symbol, "--symbol")
    neg = open_negotiation(name, home)
    who = resolve_actor(actor)
    when = today()
    with neg.action("revise", who) as txn:
        revision = Revision(txn.state.revision).next_after(txn.doc.symbol)
        bracketed = _apply_amendments(txn, who, revision)
        doc = txn.doc
        adopted = doc.kind in ("resolution", "decision") or is_adopted(doc.symbol)
        doc.symbol = symbol or revision.symbol(doc.symbol)
        if doc.kind == "draft":
            doc.kind = "revised-draft"
        if adopted:
            _as_new_draft(doc)
        doc.date = printed_date(when, doc.language)
        tag = txn.cut_revision(doc.symbol, when, revision)
        txn.summary = f"Revision {revision.number}" + (f": {doc.symbol}" if doc.symbol else "")
        txn.summary += f"; {held(bracketed)}"
    return Revised(next(r for r in neg.revisions() if r.tag == tag), bracketed)


def revision_warnings(name: str, home: Home = None) -> list[str]:
    """The cross-reference warnings recorded by the latest revision."""
    for action in open_negotiation(name, home).log():
        if action.revision:
            return list(action.trailers.get(WARNING, []))
    return []
