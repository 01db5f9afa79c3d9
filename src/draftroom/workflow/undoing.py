"""Undo: who may take an action back, and until when.

The proposer of an action, or a facilitator, may undo it until the next revision is cut (a revision
is an issued document: what it applied is changed by amending the next one).
"""

from collections.abc import Callable

from draftroom.errors import DraftroomError
from draftroom.store import Transaction
from draftroom.store.records import Action
from draftroom.store.undo import undo as undo_action
from draftroom.workflow import amending
from draftroom.workflow.identity import resolve_actor
from draftroom.workflow.negotiation import Home, open_negotiation


def _may_undo(who: str) -> Callable[[Transaction, Action, list[Action]], None]:
    def check(txn: Transaction, target: Action, history: list[Action]) -> None:
        if target.actor != who:
            facilitators = amending.facilitators(txn)
            if who not in facilitators:
                raise DraftroomError(
                    f"{target.commit[:7]} is {target.actor}'s action: only {target.actor} or a facilitator "
                    f"({', '.join(facilitators)}) can undo it"
                )
        revision = next((a for a in history if a.revision), None)
        if revision is not None and history.index(revision) < history.index(target):
            raise DraftroomError(
                f"{revision.revision} was cut after {target.commit[:7]}: it is in an issued revision; "
                "propose an amendment instead"
            )

    return check


def undo(name: str, ref: str | None = None, actor: str | None = None, home: Home = None) -> Action:
    """Take back the action `ref` (an id from the log), or the actor's own latest one; returns it."""
    who = resolve_actor(actor)
    return undo_action(open_negotiation(name, home), ref, who, _may_undo(who))
