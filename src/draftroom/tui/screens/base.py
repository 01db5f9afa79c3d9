"""What every screen of an open negotiation shares: typed access to the app and the current snapshot."""

from typing import TYPE_CHECKING, cast

from textual.css.query import NoMatches
from textual.screen import Screen

from draftroom.model import Located, find_by_id
from draftroom.tui.identity import CHAIR_ROLES
from draftroom.tui.snapshot import Snapshot

if TYPE_CHECKING:
    from draftroom.tui.app import DraftroomApp


class AppScreen(Screen[None]):
    """A screen of this app, with typed access to it."""

    @property
    def room_app(self) -> "DraftroomApp":
        return cast("DraftroomApp", self.app)


class RoomScreen(AppScreen):
    """A screen that follows the app's snapshot: `show(snapshot)` runs on every change.

    Keys of `CHAIR_ACTIONS` are offered (in the key bar and the palette) only to a facilitator or the
    Secretariat: a delegate never sees a key that would only be refused.
    """

    CHAIR_ACTIONS: frozenset[str] = frozenset()

    @property
    def snap(self) -> Snapshot | None:
        return self.room_app.snapshot

    _stale = True

    def on_mount(self) -> None:
        self.watch(self.app, "snapshot", self._changed, init=True)

    def on_screen_resume(self) -> None:
        if self._stale:
            self._changed(self.snap)

    def mark_stale(self) -> None:
        self._stale = True

    def _changed(self, snap: Snapshot | None) -> None:
        if snap is None:
            return
        if not self.is_current:  # shown again on resume
            self._stale = True
            return
        self._stale = False
        try:
            self.show(snap)
        except NoMatches:  # the app exited while this screen was being built: nothing to show
            if self.app.is_running and self.is_attached and self.children:
                raise

    def show(self, snap: Snapshot) -> None:
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in self.CHAIR_ACTIONS or self.room_app.identity.role in CHAIR_ROLES

    def locate(self, paragraph_id: str | None) -> Located | None:
        snap = self.snap
        if snap is None or paragraph_id is None:
            return None
        return find_by_id(snap.document, paragraph_id)
