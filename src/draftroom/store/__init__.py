"""The git-backed negotiation store and its rebuildable SQL index.

A negotiation is a directory (under the home: --home > DRAFTROOM_HOME > ./sessions) holding one git
repository of plain UTF-8 files (see `draftroom.store.layout`). Git is the truth; the SQL index
(`draftroom.store.index`) is a cache rebuilt from it at will.

The API other packages build on (workflow only; cli/tui go through workflow):

    from draftroom.store import Negotiation, locate_negotiation
    neg = Negotiation(locate_negotiation("trafficking", home))

    neg.document()                # Document at the latest commit (read from git objects, no lock)
    neg.document("rev-1")         # ... at a revision: "rev-1", "Rev.1", "1", "latest"
    snap = neg.snapshot("rev-0")  # Committed: one commit's files: snap.document(), .outline(), .state(), .sponsors(),
                                  # .read("amendments/chn-1.json"), snap.files (path -> text), snap.commit
    snap.amendments.all() / .get("chn-1" or a unique start of an id); snap.facilitators()

    with neg.action("propose", "China", paragraphs=[pid], amendment="chn-1",
                    summary="China proposes to replace OP3") as txn:
        txn.doc                   # the working Document: change it in place (or assign txn.doc = new)
        txn.state                 # NegotiationState (facilitator, tabled, revision), mutable
        txn.sponsors              # list[Sponsor] in joining order, mutable
        txn.read_file("amendments/chn-1.json") / txn.write_file(path, text)
        txn.list_files("amendments/")
        txn.amendments.all() / .get(ident) / .save(amendment)   # amendments/<id>.json (ids checked)
        txn.facilitators          # roles.json's list (None until changed); assign to change it
        txn.paragraphs.append(pid); txn.amendment = "chn-1"; txn.summary = "..."
        txn.extra_trailers.append(("Key", "value"))
        txn.cut_revision(symbol, iso_date)   # this commit becomes revision rev-N (annotated tag)
    # leaving the block: files written (temp + rename), ONE commit authored by the actor
    # (e-mail `actor_email(actor)` unless `email=` is given) with trailers
    #   Action:, Actor:, Paragraph: (one per id), Amendment:, Revision:, Symbol:, Revision-Date:
    # then the tag, then the SQL index. An exception inside the block resets the work tree to HEAD
    # and propagates: nothing half-done remains. Files of the document itself (meta.json,
    # structure.txt, footnotes.txt, text/, sponsors/, negotiation.json) change only through
    # txn.doc / txn.state / txn.sponsors; any other relative path is free (e.g. amendments/<id>.json).

    neg.log()                     # list[Action], newest first: when, actor, action, paragraphs,
                                  # amendment, revision (the tag it produced), summary, trailers
    neg.git_log()                 # the same, read from git alone
    neg.sponsors(), neg.revisions(), neg.state()
    neg.reindex()                 # rebuild this negotiation's index rows from git

    Negotiation.create(path, doc, sponsors, actor, facilitator=..., date=iso_date)  # commit "new", tag rev-0
                                  # (files={path: text} more files of that commit: a negotiation's translations)

    draftroom.store.translations: translations/<lang>/ (read_translation(read, lang), save_translation(txn, t),
    amendments' wordings and proposed wordings in that language)

`draftroom revise` (draftroom.workflow.revising) applies the accepted amendments inside its one
action and then cuts the revision (`txn.cut_revision(symbol, date, Revision(n))`).

Concurrency and crashes: commands wait in turn (store.queue, a ticket queue on flock: first come,
first served) for one fcntl lock per negotiation (.git/draftroom.lock), held for the commit only (the
index is updated after it); a sentinel (.git/draftroom-action) marks an action in progress, so after a SIGKILL
the next command removes stale git lock files and resets to HEAD (all of the action or none), and
re-creates a revision tag from its commit's trailers if the kill fell between commit and tag. The
index stores the commit it was built at and catches up from git whenever it is behind (its
revisions come from the Revision: trailers, so they never depend on tag timing). GitPython is
used only inside `with Repo(...)` blocks and never from threads.
"""

from draftroom.store.home import (
    enclosing_negotiation,
    list_negotiation_dirs,
    locate_negotiation,
    new_negotiation_dir,
    resolve_home,
    validate_name,
)
from draftroom.store.records import Action, NegotiationState, RevisionCut, Sponsor, Summary
from draftroom.store.repo import Committed, Negotiation, Transaction, actor_email

_LAZY = {"Index"}  # SQLAlchemy loads only for commands that query the index


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from draftroom.store import index

        return getattr(index, name)
    raise AttributeError(f"module 'draftroom.store' has no attribute {name!r}")


__all__ = [
    "Action",
    "Committed",
    "Index",
    "Negotiation",
    "NegotiationState",
    "RevisionCut",
    "Sponsor",
    "Summary",
    "Transaction",
    "actor_email",
    "enclosing_negotiation",
    "list_negotiation_dirs",
    "locate_negotiation",
    "new_negotiation_dir",
    "resolve_home",
    "signing",
    "validate_name",
]
