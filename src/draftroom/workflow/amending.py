"""The amendment verbs on a stored negotiation: propose, withdraw, support, accept, reject,
compromise, mark, roles. Each is one action (one commit authored by the acting delegation).

The store keeps the amendments (`txn.amendments`) and the facilitators' list; the facilitators are
the delegation named at `new --facilitator` (the Secretariat when none was named) until `roles`
changes the list.
"""

from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.model import STATUSES, Document, Revision, find_by_id, labels, states
from draftroom.model.amendment import Amendment, where
from draftroom.record import record
from draftroom.store import Committed, Negotiation, NegotiationState, Transaction, actor_email
from draftroom.store.private import PrivateProposals
from draftroom.store.worktree import working_outline, working_text
from draftroom.workflow import roles
from draftroom.workflow import rules as logic
from draftroom.workflow.identity import SECRETARIAT, resolve_actor
from draftroom.workflow.negotiation import Home, open_negotiation, shown
from draftroom.workflow.rules import Proposal


def code(name: str) -> str:
    """The short attribution of a delegation: its ISO3 code ("CHN"); "SEC" for the Secretariat."""
    return "SEC" if name == SECRETARIAT else states.resolve(name).code


def delegations(raw: list[str]) -> list[str]:
    """Canonical names of delegations a user typed ("中国", "CHN", "China")."""
    return [resolve_actor(r) for r in raw if r.strip()]


def revision_tag(state: NegotiationState) -> str:
    return Revision(state.revision).tag


def facilitators(stored: Transaction | Committed) -> list[str]:
    """Who facilitates: the list the roles verb keeps, else the negotiation's facilitator (or the
    Secretariat when none was named)."""
    if isinstance(stored, Committed):
        named, state = stored.facilitators(), stored.state()
    else:
        named, state = stored.facilitators, stored.state
    return named or [state.facilitator or SECRETARIAT]


def require_facilitator(txn: Transaction, who: str, verb: str) -> None:
    roles.require_facilitator(facilitators(txn), who, verb)


def _touches(a: Amendment) -> list[str]:
    return [p for p in (a.target, a.anchor) if p]


# ---- proposing ---------------------------------------------------------------------------------------
def propose(
    name: str,
    actor: str | None,
    proposal: Proposal,
    co_proposers: list[str] | None = None,
    because: str = "",
    on_revision: str | None = None,
    home: Home = None,
    private: bool = False,
) -> Amendment:
    """Record one amendment; `on_revision` proposes it against an earlier revision's text (the
    proposal's paragraph ids are that text's), carried to the current one (refused when it no
    longer applies). A `private` one stays in this clone (no commit) until `submit` tables it; only
    a hosted negotiation has clones to keep it from, so elsewhere it is refused."""
    neg = open_negotiation(name, home)
    if private and not neg.has_remote():
        raise DraftroomError(
            f"{neg.name} is not hosted: everyone using it reads this one repository, so nothing can be kept"
            " private here; drop --private (it keeps a proposal in one delegation's clone of a hosted negotiation)"
        )
    who = resolve_actor(actor)
    proposers = list(dict.fromkeys([who, *delegations(co_proposers or [])]))
    base_tag = revision_tag_of(neg, on_revision) if on_revision is not None else None
    old = neg.document(base_tag) if base_tag else None
    if private:
        with neg.locked() as repo:
            neg.refuse_unsafe_start(repo)
            txn = Transaction(neg.path, "propose", who, actor_email(who))  # read, never committed
            a, _ = _drafted(neg, txn, proposal, because, base_tag, old)
            a.invited = proposers[1:]
            PrivateProposals(neg.path).save(a)
        return a
    with neg.action("propose", who) as txn:
        a, doc = _drafted(neg, txn, proposal, because, base_tag, old)
        a.invited = proposers[1:]  # co-proposers are invited: each joins by supporting it
        record_proposal(txn, a, doc)
    return a


def _drafted(
    neg: Negotiation,
    txn: Transaction,
    proposal: Proposal,
    because: str,
    base_tag: str | None,
    old: Document | None,
) -> tuple[Amendment, Document]:
    """The amendment `txn`'s actor proposes on the committed text (under the lock), or on `old`
    (revision `base_tag`) carried to the current one; with the document that labels it."""
    who, current = txn.actor, revision_tag(txn.state)
    if old is None or base_tag == current:
        doc = outline_with(neg, proposal.target)
        return logic.propose(doc, current, [who], proposal, code(who), because), doc
    a = logic.propose(old, base_tag or current, [who], proposal, code(who), because)
    return carried(a, old, txn.doc, current), txn.doc


def carried(a: Amendment, old: Document, doc: Document, current: str) -> Amendment:
    """`a`, written against `old`, carried to the current text; refused when it no longer applies."""
    from draftroom.workflow.carry import carry  # only for a proposal on an earlier revision

    (a,) = carry([a], old, doc, current)
    if a.status != "proposed":
        reason = a.conflict.reason if a.conflict else "its paragraph is gone"
        raise DraftroomError(f"stale amendment: {reason}; propose it against the current text")
    return a


def record_proposal(txn: Transaction, a: Amendment, doc: Document) -> None:
    """Save a new proposal in the action and say what it is (trailers, summary; `doc` labels it)."""
    txn.amendments.save(a)
    txn.amendment, txn.paragraphs = a.id, _touches(a)
    txn.summary = f"{txn.actor} proposes {a.kind} {where(a, labels(doc))}"


def submit(name: str, ident: str, actor: str | None, home: Home = None) -> Amendment:
    """Table one of this clone's private proposals: an ordinary `propose` action by its proposer
    (carried to the current text when a revision was cut meanwhile), synced like any other."""
    neg = open_negotiation(name, home)
    who = resolve_actor(actor)
    area = PrivateProposals(neg.path)
    a = area.find(ident)
    public = _public(neg, a.id if a else ident)
    if public is not None:
        if a is not None and a.id == public.id:
            area.remove(a.id)  # submitted already (the file outlived its action): the public one stays
        raise DraftroomError(f"{public.id} is public already: `submit` shares only a private proposal")
    if a is None:
        raise DraftroomError(
            f"no private proposal {ident!r} in {neg.name}: `draftroom amendments {neg.name}` marks this clone's private ones"
        )
    if a.proposer != who:
        raise DraftroomError(
            f"{a.id} is {a.proposer}'s private proposal: only {a.proposer} submits it (--as {a.proposer})"
        )
    with neg.action("propose", who) as txn:
        current = revision_tag(txn.state)
        if a.base == current:
            doc = outline_with(neg, a.target)
        else:
            doc = txn.doc
            a = carried(a, neg.document(a.base), doc, current)
        record_proposal(txn, a, doc)
    area.remove(a.id)
    return a


def private_token(negotiation: Path) -> str:
    """A token that changes whenever this clone's private proposals change (cheap: no git)."""
    return PrivateProposals(negotiation).token()


def _public(neg: Negotiation, ident: str) -> Amendment | None:
    try:
        return neg.snapshot().amendments.get(ident)
    except DraftroomError:
        return None


def outline_with(neg: Negotiation, pid: str | None) -> Document:
    """The current text's structure with the one paragraph a proposal acts on (call under the
    action's lock): a proposal validates against it without loading every paragraph."""
    doc = working_outline(neg.path)
    found = find_by_id(doc, pid) if pid else None
    if found:
        found.paragraph.text = working_text(neg.path, found.paragraph.id)
    return doc


def labels_of(txn: Transaction) -> dict[str, str]:
    return labels(txn.doc)


def revision_tag_of(neg: Negotiation, rev: str) -> str:
    """A user's revision ("Rev.1", "1", "rev-1") as its tag."""
    tags = [r.tag for r in neg.revisions()]
    typed = Revision.typed(rev)
    if typed and typed.tag in tags:
        return typed.tag
    raise DraftroomError(f"no revision {rev!r} in {neg.name}: it has {', '.join(tags)}")


@record
class Recorded:
    amendments: list[Amendment]
    sponsors: list[str]
    symbol: str | None


def propose_document(
    name: str, source: str | Path, force: bool = False, lang: str | None = None, home: Home = None
) -> Recorded:
    """Every instruction of a formal amendments document, attributed to its sponsors: one action."""
    neg = open_negotiation(name, home)
    from draftroom.parse import parse_file  # the parsers load only to read a file
    from draftroom.workflow.formal import from_instructions

    formal = parse_file(source, lang)
    if formal.kind != "amendments" and not formal.instructions:
        raise DraftroomError(f"{source}: not an amendments document (no instructions found)")
    sponsors = delegations(formal.sponsors)
    if not sponsors:
        raise DraftroomError(f"{source}: the amendments document names no sponsor")
    with neg.action("propose-document", sponsors[0]) as txn:
        mine = txn.doc.symbol
        if not force and formal.amends and mine and _symbol(formal.amends) != _symbol(mine):
            raise DraftroomError(
                f"{source} amends {formal.amends}, not {mine}: check the file, or record it anyway",
                fix="force",
            )
        found = from_instructions(
            txn.doc,
            formal.instructions,
            revision_tag(txn.state),
            sponsors,
            code(sponsors[0]),
            formal.symbol or "",
        )
        for a in found:
            txn.amendments.save(a)
        txn.amendment = found[0].id
        txn.paragraphs = [p for a in found for p in _touches(a)]
        txn.extra_trailers += [("Amendment", a.id) for a in found[1:]]
        txn.summary = (
            f"{', '.join(sponsors)}: {len(found)} amendments from {formal.symbol or Path(source).name}"
        )
    return Recorded(found, sponsors, formal.amends)


def _symbol(s: str) -> str:
    return "".join(s.split()).upper()


# ---- a proposer's verbs -------------------------------------------------------------------------------
def withdraw(
    name: str, ident: str, actor: str | None, home: Home = None, because: str = ""
) -> tuple[Amendment, str]:
    """Returns the amendment and "withdrawn" (its proposer) or "left" (a co-proposer left it);
    `because` goes in the proposal's thread."""
    neg = open_negotiation(name, home)
    who = resolve_actor(actor)
    with neg.action("withdraw", who) as txn:
        a = txn.amendments.get(ident)
        outcome = logic.withdraw(a, who)
        logic.remark(a, who, because, "withdraw")
        txn.amendments.save(a)
        txn.amendment, txn.paragraphs = a.id, _touches(a)
        txn.summary = f"{who} withdraws {a.id}" if outcome == "withdrawn" else f"{who} leaves {a.id}"
    return a, outcome


def support(name: str, ident: str, actor: str | None, home: Home = None) -> Amendment:
    neg = open_negotiation(name, home)
    who = resolve_actor(actor)
    with neg.action("support", who) as txn:
        a = txn.amendments.get(ident)
        logic.support(a, who)
        txn.amendments.save(a)
        txn.amendment, txn.paragraphs = a.id, _touches(a)
        txn.summary = f"{who} co-proposes {a.id}"
    return a


def comment(name: str, ident: str, text: str, actor: str | None, home: Home = None) -> Amendment:
    """Add to a proposal's discussion thread: anyone may, on a pending or decided proposal."""
    neg = open_negotiation(name, home)
    who = resolve_actor(actor)
    with neg.action("comment", who) as txn:
        a = txn.amendments.get(ident)
        if not logic.remark(a, who, text):
            raise DraftroomError("the comment is empty: write it with --text")
        txn.amendments.save(a)
        txn.amendment, txn.paragraphs = a.id, _touches(a)
        txn.summary = f"{who} comments on {a.id}"
    return a


# ---- a facilitator's verbs ----------------------------------------------------------------------------
def decide(
    name: str, idents: list[str], verdict: str, actor: str | None, home: Home = None, because: str = ""
) -> list[Amendment]:
    """Accept or reject amendments, all in one action; `because` goes in each one's thread. Ids that
    all name delegations' proposed translations are decided each in its own action, the reason kept
    in the proposal (`translations.decide_translation`); the list returned is then empty."""
    if not idents:
        raise DraftroomError(f"name the amendments to {verdict}")
    if _translation_proposals(name, idents, home):
        from draftroom.workflow.translations import decide_translation

        for ident in idents:
            decide_translation(name, ident, verdict, actor, because, home)
        return []
    neg = open_negotiation(name, home)
    who = resolve_actor(actor)
    with neg.action(verdict, who) as txn:
        require_facilitator(txn, who, verdict)
        chosen = _distinct([txn.amendments.get(i) for i in idents])
        for a in chosen:
            (logic.accept if verdict == "accept" else logic.reject)(a)
            logic.remark(a, who, because, verdict)
            txn.amendments.save(a)
        _about(txn, chosen)
        txn.summary = f"{who} {verdict}s {', '.join(a.id for a in chosen)}"
    return chosen


def _translation_proposals(name: str, idents: list[str], home: Home) -> bool:
    """Whether every id names a delegation's proposed translation (`translate ... --as France`).

    From the names of the files in the work tree's proposals folders (no git process: the head's
    tree took a cat-file process to list, for a negotiation that mostly has none). This only picks
    the verb: what is decided is read under the lock, so a proposal another action adds or undoes
    meanwhile is decided, or refused in one line, as it stands then."""
    from draftroom.store.layout import disk_lister
    from draftroom.store.translations import proposal_files  # file names alone, nothing parsed

    listing = disk_lister(open_negotiation(name, home).path)
    ids = [f.rsplit("/", 1)[1].removesuffix(".json") for f in proposal_files(listing)]
    return all(any(i.startswith(ident.strip()) for i in ids) for ident in idents) if ids else False


def _distinct(found: list[Amendment]) -> list[Amendment]:
    return list({a.id: a for a in found}.values())


def _about(txn: Transaction, chosen: list[Amendment]) -> None:
    txn.amendment = chosen[0].id
    txn.paragraphs = [p for a in chosen for p in _touches(a)]
    txn.extra_trailers += [("Amendment", a.id) for a in chosen[1:]]


def compromise(
    name: str, idents: list[str], text: str, actor: str | None, because: str = "", home: Home = None
) -> Amendment:
    neg = open_negotiation(name, home)
    who = resolve_actor(actor)
    with neg.action("compromise", who) as txn:
        require_facilitator(txn, who, "write a compromise")
        merged = _distinct([txn.amendments.get(i) for i in idents])
        c = logic.compromise(txn.doc, revision_tag(txn.state), who, merged, text, code(who), because)
        for a in [*merged, c]:
            txn.amendments.save(a)
        _about(txn, [c, *merged])
        txn.summary = f"{who} writes a compromise on {where(c, labels_of(txn))} merging {', '.join(c.merges)}"
    return c


def mark(name: str, paragraph_id: str, status: str, actor: str | None, home: Home = None) -> str:
    """Set a paragraph's status (open, bracketed, agreed-ad-ref, agreed); returns its label."""
    if status not in STATUSES:
        raise DraftroomError(f"unknown status {status!r}: use one of {', '.join(STATUSES)}")
    neg = open_negotiation(name, home)
    who = resolve_actor(actor)
    with neg.action("mark", who) as txn:
        require_facilitator(txn, who, "mark paragraphs")
        loc = find_by_id(txn.doc, paragraph_id)
        if loc is None:
            raise DraftroomError(logic.GONE)
        if loc.paragraph.status == status:
            raise DraftroomError(f"{loc.label} is already {status}")
        loc.paragraph.status = status
        txn.paragraphs = [loc.paragraph.id]
        txn.summary = f"{who} marks {loc.label} {status}"
    return loc.label


def change_roles(name: str, op: str, delegation: str, actor: str | None, home: Home = None) -> list[str]:
    """Grant or revoke the facilitator role; returns the facilitators after the change."""
    neg = open_negotiation(name, home)
    who = resolve_actor(actor)
    target = resolve_actor(delegation)
    with neg.action(f"roles-{op}", who) as txn:
        if who != SECRETARIAT:
            raise DraftroomError(f"only the Secretariat grants or revokes the facilitator role; {who} cannot")
        change = roles.grant if op == "grant" else roles.revoke
        now = change(facilitators(txn), target)
        txn.facilitators = now
        if txn.state.facilitator not in now:
            txn.state.facilitator = now[0]
        txn.extra_trailers.append(("Delegation", target))
        txn.summary = f"{who} {'grants' if op == 'grant' else 'revokes'} the facilitator role {'to' if op == 'grant' else 'of'} {target}"
    return now


def current_facilitators(name: str, home: Home = None) -> list[str]:
    return facilitators(open_negotiation(name, home).snapshot())


@record(frozen=True)
class Standing:
    """The negotiation as it stands, read from one commit: what a front end draws first."""

    document: Document  # as `show` gives it: main sponsors named
    revision: Revision
    facilitators: list[str]


def standing(name: str, home: Home = None) -> Standing:
    """The current text, its revision and who facilitates, from the latest commit (one read, where
    show, state and current_facilitators would each read it again)."""
    snap = open_negotiation(name, home).snapshot()
    return Standing(shown(snap), Revision(snap.state().revision), facilitators(snap))
