"""What the program (`draftroom.app`) calls for `draftroom tui` and `draftroom demo`: run the app, create the demo.

`draftroom tui` reads the negotiation in a thread while Textual loads (a fifth of a second of imports
on the main thread): the git processes that read it start at once, and the draft, with its pending
markers when they are counted in time (a few proposals: always), is ready for the app's first frame
instead of being read after it (2,000 proposals: the text first, the markers once counted).
"""

import gc
import threading
from collections.abc import Sequence

from draftroom.errors import DraftroomError
from draftroom.tui.identity import SECRETARIAT, Identity
from draftroom.tui.room import Lobby, Room
from draftroom.tui.rooms import WorkflowLobby
from draftroom.tui.snapshot import Snapshot
from draftroom.workflow import amending
from draftroom.workflow.identity import configured_actor, configured_role, remember, resolve_actor
from draftroom.workflow.negotiation import Home, open_negotiation

PATIENCE = 0.05  # seconds the first frame waits, once the text is read, for its amendments' count


def identity_for(
    actor: str | None, name: str, home: Home, facilitators: Sequence[str] | None = None
) -> Identity | None:
    """Who the user said they are (`--as`, DRAFTROOM_AS, or what they chose last time, saved in the
    config file); the role as they chose it when reviewer or Secretariat, else following from the
    negotiation (facilitator or delegate; `facilitators` when already read); None when they said
    nothing (the app asks)."""
    raw = actor or configured_actor()
    role = None if actor else configured_role()
    if not raw:
        return Identity(None, "reviewer") if role == "reviewer" else None
    who = resolve_actor(raw)
    if who == SECRETARIAT or role == "secretariat":
        return Identity(None, "secretariat")
    if role == "reviewer":
        return Identity(who, "reviewer")
    if facilitators is None:
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


class Opening:
    """A negotiation read in a thread from the moment this is made: its room and draft, then the draft's
    amendments counted. `lock` is held until both are read (the app's store work takes the same lock:
    git's reading process serves one thread at a time)."""

    def __init__(self, lobby: Lobby, name: str, patience: float | None = None) -> None:
        self._lobby, self._name = lobby, name
        self._patience = PATIENCE if patience is None else patience
        self.lock = threading.Lock()
        self.lock.acquire()  # before the thread starts: nothing reads before it
        self._drafted = threading.Event()
        self._draft: tuple[Room, Snapshot] | None = None
        self._counted: Snapshot | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=f"opening {name}", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            room = self._lobby.open(self._name)
            self._draft = (room, room.draft())
            self._drafted.set()
            self._counted = room.snapshot()
        except BaseException as e:  # handed to whoever waits: first() or counted()
            self._error = e
        finally:
            self._drafted.set()
            self.lock.release()

    def first(self) -> tuple[Room, Snapshot]:
        """The room and its draft: counted when the count follows within `patience` seconds (one
        frame then, not a bare text followed by its markers), else the text alone."""
        self._drafted.wait()
        if self._draft is None:
            assert self._error is not None
            raise self._error
        self._thread.join(self._patience)
        self._patience = 0  # spent: asked again (the app, after the launch), it answers at once
        return (self._draft[0], self._counted) if self._counted is not None else self._draft

    def counted(self) -> Snapshot:
        self._thread.join()
        if self._counted is None:
            assert self._error is not None
            raise self._error
        return self._counted


def run(name: str | None, home: Home = None, actor: str | None = None) -> int:
    if name is None:
        from draftroom.tui.demo import DEMO_NAME

        demo(home)
        name = DEMO_NAME
    else:
        open_negotiation(name, home)  # an unknown name is a one-line error before the screen opens
    lobby = WorkflowLobby(home)
    opening = Opening(lobby, name)  # read while the next line imports Textual
    from draftroom.tui.app import DraftroomApp

    identity = identity_for(actor, name, home, opening.first()[1].facilitators)
    app = DraftroomApp(lobby, name, identity, save_identity, opened=opening)
    gc.freeze()  # the modules loaded stay: collections from here on walk only what the app makes
    gc.enable()  # (disabled by the program while they loaded; see draftroom.app)
    app.run()
    return 0
