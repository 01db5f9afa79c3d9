"""The negotiating room: a Textual application over the workflow functions.

The app holds who is acting (`identity`), the open negotiation (`room`) and what it looks like now
(`snapshot`); screens watch `snapshot` and call `perform` for anything that touches the store, so
slow work runs in a thread and a user error becomes a notification, never a traceback.

Only the draft's screen is imported with the app: the others load when first shown, after the
first paint (the proposals screen is built right after it, see `_prepare_proposals`).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from draftroom.errors import DraftroomError
from draftroom.tui.commands import TEXTUAL_KEPT, binding_commands
from draftroom.tui.identity import Identity
from draftroom.tui.room import Lobby, Opened, Room
from draftroom.tui.screens.draft import DraftScreen
from draftroom.tui.snapshot import Snapshot
from draftroom.tui.syncing import Syncer, SyncState

if TYPE_CHECKING:
    from draftroom.tui.screens.proposals import ProposalsScreen

T = TypeVar("T")
POLL_SECONDS = 0.5  # another process's action shows within 2 s


class DraftroomApp(App[None]):
    TITLE = "draftroom"
    CSS_PATH = "styles/app.tcss"
    BINDINGS = [  # noqa: RUF012 (Textual's class-level convention)
        Binding("i", "identity", "I am…", tooltip="choose your delegation and role"),
        Binding(
            "f5",
            "sync_now",
            "Sync now",
            tooltip="send your actions to the hosted negotiation and receive everyone's",
            show=False,
        ),
        Binding("q", "quit", "Quit", show=False),
    ]

    identity: reactive[Identity] = reactive(Identity, always_update=True)
    where: reactive[str] = reactive("")
    snapshot: reactive[Snapshot | None] = reactive(None, always_update=True)
    sync_state: reactive[SyncState | None] = reactive(None)  # None: the negotiation is not hosted

    def __init__(
        self,
        lobby: Lobby,
        name: str | None = None,
        identity: Identity | None = None,
        remember: Callable[[Identity], object] | None = None,
        opened: Opened | None = None,
    ) -> None:
        """`remember` saves the identity the user chooses, for the next run (none in tests);
        `opened`: negotiation `name`, being read since before the app (see launch.Opening)."""
        super().__init__()
        self.lobby = lobby
        self._remember = remember
        self.room: Room | None = None
        self._start = name
        self._opened = opened
        self._counting: Callable[[], Snapshot] | None = None  # the first count, when already under way
        self._reloading = False
        self._store_lock = opened.lock if opened is not None else threading.Lock()
        self._ask_identity = identity is None  # nobody said who they are: ask first
        self.syncer = Syncer(self)
        if identity is not None:
            self.set_reactive(DraftroomApp.identity, identity)

    def on_mount(self) -> None:
        if self._start:  # straight to the draft; the list of negotiations comes when leaving it
            self.open_room(self._start)
        else:
            self.show_lobby()
        if self._ask_identity and not self._start:  # else asked once the negotiation is open
            self._ask_identity = False
            self.action_identity()
        self.set_interval(POLL_SECONDS, self._poll)
        self.syncer.start()

    # --- doing work -------------------------------------------------------------------------

    def perform(
        self,
        work: Callable[[], T],
        done: Callable[[T], Any] | None = None,
        busy: str = "",
        finish: Callable[[], Any] | None = None,
    ) -> None:
        """Run `work` in a thread; then `done(result)` on the UI thread, or a notification on error.

        `finish` runs on the UI thread last, either way (to hide a progress indicator).
        """

        def run() -> None:
            try:
                with self._store_lock:  # git is not thread-safe: one piece of store work at a time
                    result = work()
            except DraftroomError as e:
                self.call_from_thread(self.notify, str(e), title="Not done", severity="error", timeout=8)
            except Exception as e:  # the last guard: a user never sees a traceback
                message = f"internal error: {type(e).__name__}: {e}"
                self.call_from_thread(self.notify, message, title="Not done", severity="error", timeout=12)
            else:
                if done is not None:
                    self.call_from_thread(done, result)
            finally:
                if finish is not None:
                    self.call_from_thread(finish)

        self.run_worker(run, thread=True, group="store", description=busy or "working")

    def act(self, work: Callable[[], T], said: str | Callable[[T], str]) -> None:
        """Record an action, then reload the negotiation and say what was done (`said` may word it
        from the action's result)."""

        def done(result: T) -> None:
            self.notify(said(result) if callable(said) else said, timeout=4)
            self.reload()
            self.syncer.touched()
            self.syncer.tick()  # a hosted negotiation: send it now

        self.perform(work, done, busy="working" if callable(said) else said)

    # --- the open negotiation ---------------------------------------------------------------

    def open_room(self, name: str) -> None:
        """Show the draft screen at once and fill it when the negotiation is read (in a worker)."""

        def opened(pair: tuple[Room, Snapshot]) -> None:
            self.room, snap = pair
            self.snapshot = snap
            self.where = snap.name
            if snap.counted:  # read with its amendments (see launch.Opening): once the draft is drawn
                self.call_after_refresh(self.call_after_refresh, self._prepare_proposals)
            else:
                self.call_after_refresh(self.reload)  # the text drawn first, then its amendments counted
            if self._ask_identity:  # nobody said who they are: asked knowing who facilitates here
                self._ask_identity = False
                self.action_identity()

        def failed() -> None:
            if self.room is None and isinstance(self.screen, DraftScreen):
                self.close_room()

        self.where = f"opening {name}…"
        self.push_screen(DraftScreen())
        ready, self._opened = self._opened, None
        if ready is not None:  # read while Textual loaded: drawn at once
            first = ready.first()
            if first[0].name == name:
                self._counting = None if first[1].counted else ready.counted
                opened(first)
                return
        self.perform(lambda: self._load(name), opened, busy=f"opening {name}", finish=failed)

    def _load(self, name: str) -> tuple[Room, Snapshot]:
        """The text first, its amendments next (reload): the draft is drawn without waiting for the
        SQL index, whose first use loads SQLAlchemy."""
        room = self.lobby.open(name)
        return room, room.draft()

    def reload(self) -> None:
        room = self.room
        if room is None or self._reloading:
            return
        self._reloading = True
        count, self._counting = self._counting or room.snapshot, None

        def loaded(snap: Snapshot) -> None:
            if room is self.room:
                self._still_facilitating(snap)
                self.snapshot = snap
                self.call_after_refresh(self._prepare_proposals)  # once the draft is drawn whole

        def load() -> Snapshot:
            try:
                return count()
            finally:
                self._reloading = False

        self.perform(load, loaded, busy="reloading")

    def _still_facilitating(self, snap: Snapshot) -> None:
        """A facilitator whose role was revoked (here, or by another process or clone) acts as a
        delegate from now on: the facilitator's keys go, and the user is told why."""
        me = self.identity
        if me.role != "facilitator" or snap.facilitators is None or me.delegation in snap.facilitators:
            return
        self.identity = Identity(me.delegation, "delegate")
        chairs = ", ".join(snap.facilitators)
        self.notify(
            f"{me.delegation} no longer facilitates {snap.name} (now: {chairs}): you act as a delegate",
            title="Role revoked",
            severity="warning",
            timeout=10,
        )
        self._keep(self.identity)

    def _keep(self, identity: Identity) -> None:
        """Save the identity shown for the next run (and the next CLI command)."""
        if self._remember is not None:
            try:
                self._remember(identity)
            except DraftroomError as e:
                self.notify(str(e), title="Not saved for next time", severity="warning", timeout=8)

    def watch_snapshot(self, snap: Snapshot | None) -> None:
        """A big negotiation's snapshot is hundreds of thousands of objects, and Python's cyclic
        collector walks them all on each full collection: a pause of 50-100 ms landing on some
        keypress. Once drawn they are frozen out of collections (reference counting still frees them
        when a newer snapshot replaces them); unfrozen when the app ends."""
        if snap is not None:
            self.call_after_refresh(gc.freeze)

    async def on_event(self, event: events.Event) -> None:
        """A key or a click: the user works here, so the remote is looked at often (see syncing)."""
        if isinstance(event, events.Key | events.MouseDown):
            self.syncer.touched()
        await super().on_event(event)

    def on_unmount(self) -> None:
        gc.unfreeze()
        self.syncer.stop()

    def _poll(self) -> None:
        """Cheap check of the negotiation's version; reload when another process recorded an action."""
        if self.room is None or self.snapshot is None or self._reloading:
            return
        if self.room.version() != self.snapshot.version:
            self.reload()

    def close_room(self) -> None:
        """Back to the list of negotiations."""
        from draftroom.tui.screens.negotiations import NegotiationsScreen

        self.room = None
        self.snapshot = None
        self.where = ""
        self.syncer.forget()
        if self.is_screen_installed("proposals"):  # built for this negotiation: let it go
            proposals = self.get_screen("proposals")
            self.uninstall_screen("proposals")
            if proposals.is_running:
                proposals.remove()
        self.pop_screen()
        if not isinstance(self.screen, NegotiationsScreen):
            self.show_lobby()

    def show_lobby(self) -> None:
        from draftroom.tui.screens.negotiations import NegotiationsScreen

        self.push_screen(NegotiationsScreen())

    def _proposals_screen(self) -> ProposalsScreen:
        from draftroom.tui.screens.proposals import ProposalsScreen

        if not self.is_screen_installed("proposals"):
            self.install_screen(ProposalsScreen(), "proposals")
        screen = self.get_screen("proposals")
        assert isinstance(screen, ProposalsScreen)
        return screen

    def _prepare_proposals(self) -> None:
        """Build the proposals screen once the draft is drawn, so the first opening costs no compose
        (Textual composes a screen when it starts; starting it here does not show it)."""
        screen = self._proposals_screen()
        if not screen.is_running:
            self._get_screen(screen)

    def open_proposals(self, paragraph_id: str) -> None:
        """One ProposalsScreen, built after the first paint and reused: opening costs no compose."""
        screen = self._proposals_screen()
        screen.focus_on(paragraph_id)
        self.push_screen(screen)

    # --- identity and the palette -----------------------------------------------------------

    def action_identity(self) -> None:
        from draftroom.tui.screens.identity import Holders, IdentityScreen

        def chosen(identity: Identity | None) -> None:
            if identity is None:
                return
            self.identity = identity
            self._keep(identity)

        room = self.room
        if room is None:  # the lobby: no negotiation's facilitators to offer
            self.push_screen(IdentityScreen(self.identity, Holders()), chosen)
            return
        self.perform(
            lambda: Holders(room.facilitators(), room.secretariat_here()),
            lambda holders: self.push_screen(IdentityScreen(self.identity, holders), chosen),
            busy="reading who holds which role",
        )

    def action_sync_now(self) -> None:
        self.syncer.tick(force=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Sync now is offered in a hosted negotiation only."""
        return action != "sync_now" or self.sync_state is not None

    def watch_sync_state(self, _: SyncState | None) -> None:
        if self.screen_stack:
            self.screen.refresh_bindings()

    def watch_identity(self, _: Identity) -> None:
        """Another role offers other keys: a delegate never sees a facilitator's."""
        if self.screen_stack:
            self.screen.refresh_bindings()

    def require_identity(self) -> str | None:
        """The acting name, or None after asking the user to say who they are."""
        who = self.identity.acting_as
        if who is None:
            self.notify(
                "Say who you are first: press i to choose your delegation and role", severity="warning"
            )
        return who

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from binding_commands(screen)
        yield from (c for c in super().get_system_commands(screen) if c.title.startswith(TEXTUAL_KEPT))
