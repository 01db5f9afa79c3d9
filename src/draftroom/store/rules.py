"""What an action may change, judged from the commit alone: the same rules on every machine and on the
server (the pre-receive guard, `verify`, a clone replaying its own actions).

A commit is judged against its parent: who the Actor: trailer names, the key that signed it (one the
negotiation registered for that actor before the commit), and the files it changed:

    keys/, roles.json        the Secretariat only (it registers keys and grants the facilitator role)
    text/                    a facilitator's `revise`; a facilitator's other decisions (bracket,
                             unbracket, an undo of one) only in its square brackets
    meta.json, structure.txt, footnotes.txt, negotiation.json
                             a facilitator's revise, mark, bracket or table (the Secretariat may
                             table too)
    sponsors/<slug>.json     a delegation adds or removes itself only (the Secretariat anyone); each
                             file holds the sponsor it is named for. Judged by the sponsors before and
                             after, so splitting sponsors.json (made before) into files changes nothing
    amendments/<id>.json     a new one proposed by its proposer alone (co-proposers are invited and
                             join by supporting it); a delegation otherwise only joins, leaves or
                             withdraws; a facilitator decides; never a private proposal's file
    translations/<lang>/proposals/<id>.json
                             a new one proposed by its proposer; a facilitator or the Secretariat
                             accepts it
    translations/<lang>/amendments/<id>.json
                             an amendment's wording: the Secretariat, a facilitator or a proposer
    translations/ otherwise  the Secretariat (it adds and translates the language versions) or a
                             facilitator accepting a proposed wording
    anything else            refused

A commit marked private (a `Private:` trailer) is refused whatever it changes: a private proposal
stays in its clone until `draftroom submit` makes it an ordinary action.
"""

import json
from typing import Any

from draftroom.errors import DraftroomError
from draftroom.model.brackets import without_brackets
from draftroom.record import record
from draftroom.store import layout, signing, translations
from draftroom.store.amendments import ROLES, parse_amendment, read_facilitators
from draftroom.store.committed import Committed
from draftroom.store.private import marked_private
from draftroom.store.records import Action

SECRETARIAT = "Secretariat"
PRIVATE_TRAILER = "Private"
_KEPT_PRIVATE = "a private proposal stays in its clone: `draftroom submit` shares it as an ordinary action"
_DOCUMENT = (layout.META, layout.STRUCTURE, layout.FOOTNOTES, layout.STATE)
_DECISIONS = ("revise", "mark", "bracket", "unbracket", "table", "accept", "reject", "compromise", "undo")


@record(frozen=True)
class Verdict:
    commit: str
    summary: str
    reason: str

    def line(self) -> str:
        return f"{self.commit[:10]} ({self.summary}): {self.reason}"


def facilitators(snap: Committed) -> list[str]:
    return read_facilitators(snap.read) or [snap.state().facilitator or SECRETARIAT]


def _json(snap: Committed, rel: str) -> Any:
    data = snap.read(rel)
    return json.loads(data) if data else None


def _sponsor_problem(actor: str, before: Committed, after: Committed, changed: list[str]) -> str | None:
    try:
        old = layout.sponsor_records(before.read, before.listing)
        new = layout.sponsor_records(after.read, after.listing)
    except DraftroomError as e:
        return str(e)
    for rel in changed:
        name = new.get(rel, {}).get("name")
        if rel.startswith(layout.SPONSORS_DIR) and name is not None and layout.sponsor_path(name) != rel:
            return f"{rel} holds {name}'s sponsorship: each file holds the sponsor it is named for"
    if actor == SECRETARIAT:
        return None
    others = sorted(
        (new.get(rel) or old[rel])["name"]
        for rel in old.keys() | new.keys()
        if old.get(rel) != new.get(rel) and (new.get(rel) or old[rel])["name"] != actor
    )
    if others:
        return f"{actor} changed the sponsorship of {', '.join(others)}: a delegation changes only its own"
    return None


def _amendment_problem(
    actor: str, rel: str, before: Committed, after: Committed, chairs: list[str]
) -> str | None:
    aid = rel[len(layout.AMENDMENTS_DIR) :].removesuffix(".json")
    if marked_private(after.read(rel)):
        return f"{aid} is marked private: {_KEPT_PRIVATE}"
    try:
        for snap in (before, after):
            text = snap.read(rel)
            if text is not None:
                parse_amendment(rel, text)
    except DraftroomError as e:
        return str(e)
    old, new = _json(before, rel), _json(after, rel)
    if actor in chairs:
        return None
    if new is None:
        return f"{actor} deleted {aid}: only a facilitator can"
    if old is None:
        if new.get("proposers") != [actor] or new.get("status") != "proposed":
            return f"{aid} must be proposed by {actor} alone (the others named are invited to join)"
        return None
    rest_old = {k: v for k, v in old.items() if k not in ("proposers", "status", "invited")}
    rest_new = {k: v for k, v in new.items() if k not in ("proposers", "status", "invited")}
    if rest_old != rest_new:
        return f"{actor} changed {aid}'s content: only a facilitator can"
    joined = set(new.get("proposers", [])) ^ set(old.get("proposers", []))
    uninvited = set(old.get("invited", [])) - set(new.get("invited", []))
    if joined - {actor} or uninvited - {actor} or set(new.get("invited", [])) - set(old.get("invited", [])):
        return f"{actor} changed who proposes {aid}: a delegation joins or leaves it for itself only"
    if old.get("status") != new.get("status") and not (
        new.get("status") == "withdrawn" and old.get("proposers", [None])[0] == actor
    ):
        return f"{actor} set {aid} {new.get('status')}: only a facilitator decides"
    return None


def _brackets_only(before: str | None, after: str | None) -> bool:
    """The paragraph is still there and only its square brackets changed."""
    return before is not None and after is not None and without_brackets(before) == without_brackets(after)


def _translation_problem(
    actor: str, rel: str, before: Committed, after: Committed, chairs: list[str]
) -> str | None:
    """Who may change a file of the language versions (see the module's table)."""
    if actor == SECRETARIAT or actor in chairs:
        return None
    parts = rel.split("/")  # translations/<lang>/<kind>/<id>.json
    if len(parts) == 4 and parts[2] == "proposals":
        old, new = _json(before, rel), _json(after, rel)
        if (
            old is None
            and new is not None
            and new.get("proposer") == actor
            and new.get("status") == "proposed"
        ):
            return None
        return f"{actor} changed {rel}: a delegation proposes a wording of its own; the Secretariat or a facilitator accepts it"
    if len(parts) == 4 and parts[2] == "amendments":
        amendment = _json(after, f"{layout.AMENDMENTS_DIR}{parts[3]}") or {}
        if actor in amendment.get("proposers", []):
            return None
        return f"{actor} worded {rel}: only the Secretariat or a proposer of that amendment gives its wording"
    return f"{actor} changed {rel}: only the Secretariat translates (a delegation proposes a wording)"


def judge(action: Action, before: Committed, after: Committed, changed: list[str]) -> str | None:
    """Why the action may not be done by its actor (None when it may), from the files it changed."""
    if PRIVATE_TRAILER in action.trailers:
        return f"the commit is marked private: {_KEPT_PRIVATE}"
    chairs = facilitators(before)
    for rel in changed:
        problem = _file_problem(action, rel, before, after, changed, chairs)
        if problem:
            return problem
    return _revision_problem(action, before, chairs) if action.revision else None


def _file_problem(
    action: Action, rel: str, before: Committed, after: Committed, changed: list[str], chairs: list[str]
) -> str | None:
    """Why the actor may not change file `rel` in this action (None when it may)."""
    actor = action.actor
    if rel.startswith(signing.KEYS_DIR) or rel == ROLES:
        if actor != SECRETARIAT:
            return f"{actor} changed {rel}: only the Secretariat registers keys and grants roles"
        return None
    if rel.startswith(layout.TEXT_DIR):
        if actor not in chairs or not (
            action.action == "revise"
            or (action.action in _DECISIONS and _brackets_only(before.read(rel), after.read(rel)))
        ):
            return (
                f"{actor} changed {rel} outside a revision: only a facilitator's revise changes the "
                "text (and a facilitator's brackets)"
            )
        return None
    if rel in _DOCUMENT:
        if action.action not in _DECISIONS or not (
            actor in chairs or (actor == SECRETARIAT and action.action == "table")
        ):
            return f"{actor} changed {rel}: only a facilitator revises, marks or tables"
        return None
    if rel == layout.SPONSORS or rel.startswith(layout.SPONSORS_DIR):
        return _sponsor_problem(actor, before, after, changed)
    if rel.startswith(layout.AMENDMENTS_DIR):
        return _amendment_problem(actor, rel, before, after, chairs)
    if rel.startswith(translations.FOLDER):
        return _translation_problem(actor, rel, before, after, chairs)
    return f"{rel} is no file of a negotiation"


def _revision_problem(action: Action, before: Committed, chairs: list[str]) -> str | None:
    """Why the action may not cut the revision it names (None when it may)."""
    if action.action != "revise" or action.actor not in chairs:
        return f"{action.actor} cut {action.revision}: only a facilitator revises"
    if action.revision != f"rev-{before.state().revision + 1}":
        return f"{action.revision} was already cut: revise again on the current text"
    return None


def signer_problem(
    action: Action, sig: signing.Signature | None, keys: list[signing.Registered]
) -> str | None:
    """Why the commit's signature does not show its actor did it (None when it does)."""
    if sig is None or sig.status == "N":
        return "unsigned: every action in a hosted negotiation is signed by its delegation's key"
    if sig.status not in ("G", "U"):
        return f"its signature does not verify (git status {sig.status})"
    mine = [k for k in keys if k.actor == action.actor]
    if not mine:
        return (
            f"no key is registered for {action.actor}: the Secretariat registers it with `draftroom keys add`"
        )
    if sig.fingerprint not in {k.fingerprint for k in mine}:
        return f"signed by {sig.fingerprint}, which is not the key registered for {action.actor}"
    return None
