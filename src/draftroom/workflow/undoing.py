"""Undo: who may take an action back. The one who took it, or a facilitator; until the next revision
is cut (the store's rule: a revision is an issued document, changed by amending the next one)."""

from collections.abc import Callable

from draftroom.errors import DraftroomError
from draftroom.store import Transaction
from draftroom.store.records import Action
from draftroom.store.undo import undo as undo_action
from draftroom.workflow import amending
from draftroom.workflow.identity import resolve_actor
from draftroom.workflow.negotiation import Home, open_negotiation


def _may_undo(who: str) -> Callable[[Transaction, Action], None]:
    def check(txn: Transaction, target: Action) -> None:
        if target.actor != who:
            facilitators = amending.facilitators(txn)
            if who not in facilitators:
                raise DraftroomError(
                    f"{target.commit[:7]} is {target.actor}'s action: only {target.actor} or a facilitator "
                    f"({', '.join(facilitators)}) can undo it"
                )

    return check


def undo(name: str, ref: str | None = None, actor: str | None = None, home: Home = None) -> Action:
    """Take back the action `ref` (an id from the log), or the actor's own latest one; returns it."""
    who = resolve_actor(actor)
    return undo_action(open_negotiation(name, home), ref, who, _may_undo(who))
