"""What the program (`draftroom.app`) calls for `draftroom tui` and `draftroom demo`: run the app, create the demo."""

from draftroom.errors import DraftroomError
from draftroom.tui.identity import SECRETARIAT, Identity
from draftroom.tui.rooms import WorkflowLobby
from draftroom.workflow import amending
from draftroom.workflow.identity import configured_actor, configured_role, remember, resolve_actor
from draftroom.workflow.negotiation import Home, open_negotiation


def identity_for(actor: str | None, name: str, home: Home) -> Identity | None:
    """Who the user said they are (`--as`, DRAFTROOM_AS, or what they chose last time, saved in the
    config file); the role as they chose it when reviewer or Secretariat, else following from the
    negotiation (facilitator or delegate); None when they said nothing (the app asks)."""
    raw = actor or configured_actor()
    role = None if actor else configured_role()
    if not raw:
        return Identity(None, "reviewer") if role == "reviewer" else None
    who = resolve_actor(raw)
    if who == SECRETARIAT or role == "secretariat":
        return Identity(None, "secretariat")
    if role == "reviewer":
        return Identity(who, "reviewer")
    facilitators = amending.current_facilitators(name, home)
    return Identity(who, "facilitator" if who in facilitators else "delegate")


def save_identity(identity: Identity) -> None:
    """Remember who the user chose to be in the app, for the next run: the name the header shows and
    every action records (the Secretariat, not the delegation picked before choosing its role)."""
    remember(identity.acting_as, identity.role)


def demo(home: Home = None) -> str:
    """Create the demo negotiation unless it exists; say where it is."""
    from draftroom.tui.demo import DEMO_NAME, build_demo  # its script and text: only when asked for

    try:
        path = open_negotiation(DEMO_NAME, home).path
    except DraftroomError:
        path, count = build_demo(home)
        return f"created {DEMO_NAME} at {path}: {count} proposals in; open it with `draftroom tui`"
    return f"{DEMO_NAME} already exists at {path}; open it with `draftroom tui`"


def run(name: str | None, home: Home = None, actor: str | None = None) -> int:
    from draftroom.tui.app import DraftroomApp

    if name is None:
        from draftroom.tui.demo import DEMO_NAME

        demo(home)
        name = DEMO_NAME
    else:
        open_negotiation(name, home)  # an unknown name is a one-line error before the screen opens
    DraftroomApp(WorkflowLobby(home), name, identity_for(actor, name, home), save_identity).run()
    return 0
