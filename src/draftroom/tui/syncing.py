"""Keeping a hosted negotiation current from the TUI, never blocking it.

Actions made in the app do not sync before returning (the app stays quick): the worker sends them
right after, at its next look. A worker thread looks at the remote (one round trip: its branch's
commit, no fetch, no lock) and syncs only when the look says so: the remote moved (another delegation
pushed), or this clone has actions waiting to go out. How often it looks is `look_interval`: every
0.75 s while the room is active (the user pressed a key or clicked, this clone acted, or the remote
moved, in the last half minute), then less often, up to every SLOW_SECONDS (1 s) however long the
room was quiet, so that another delegation's action shows within 2 s of its push always: the pace, a
look that was under way when the push landed, the next look and the sync that brings the action stay
under SHOWN_WITHIN. A room left open on 193 idle laptops costs the server about 190 looks a second
instead of 260 (see the README's scale notes). "Sync now" syncs whatever the look says. The result is
the app's `sync_state` (online or offline, the last time the remote was reached, actions waiting),
which the top bar shows; every refusal (an own action that no longer holds, the server's guard
refusing a push) and every notice of the actions' own syncs becomes a notification, once.

After the guard refused a push, the same push is not tried again every second: only when this
clone acts again, the remote moves, or the user asks.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from typing import TYPE_CHECKING

from textual.timer import Timer

from draftroom.errors import DraftroomError
from draftroom.record import record
from draftroom.tui.room import Room
from draftroom.workflow.negotiation import sync_in_own_worker

if TYPE_CHECKING:  # the hosting modules load at the first look, after the first paint
    from draftroom.tui.app import DraftroomApp
    from draftroom.workflow.hosting import Look, Synced

SHOWN_WITHIN = 2.0  # another delegation's action shows within 2 s of its push, however quiet the room was
LOOK_AND_SYNC = 1.0  # a look under way when the push lands, the next look, the sync that fetches the action
# and the app's reload: up to 0.8 s on 2 cores loaded by other work (bench/bench_tui_sync.py, active room:
# push to visible p90 1.16 s at a 0.75 s pace)
FAST_SECONDS = 0.75  # the pace while the room is active
SLOW_SECONDS = SHOWN_WITHIN - LOOK_AND_SYNC  # 1.0 s: a room nobody touched for a while
ACTIVE_SECONDS = 30.0  # activity this recent keeps the fast pace


def look_interval(idle: float) -> float:
    """Seconds until the next look, `idle` seconds after the room's last activity: the fast pace while
    active, then doubling every ACTIVE_SECONDS of quiet, up to SLOW_SECONDS."""
    if idle <= ACTIVE_SECONDS:
        return FAST_SECONDS
    doublings = min(16.0, (idle - ACTIVE_SECONDS) / ACTIVE_SECONDS)  # 2.0 ** 1025 overflows: a night's quiet
    return min(SLOW_SECONDS, FAST_SECONDS * 2**doublings)


@record(frozen=True)
class SyncState:
    online: bool
    waiting: int  # this clone's actions not on the remote yet
    last_sync: str = ""  # local time the remote was last reached ("" not yet)
    reason: str = ""  # why it is offline


@record(frozen=True)
class _Result:
    room: Room
    look: Look | None
    synced: Synced | None = None
    refused: str = ""  # the sync's one-line error (the server's guard refusing the push)
    when: str = ""


class _Notices(logging.Handler):
    """The workflow's notices (an action's own sync: offline, refused) as notifications."""

    def __init__(self, syncer: Syncer) -> None:
        super().__init__(logging.WARNING)
        self.syncer = syncer

    def emit(self, record: logging.LogRecord) -> None:
        try:  # from an action's worker thread
            self.syncer.app.call_from_thread(self.syncer.say, record.getMessage())
        except RuntimeError:  # on the app's own thread
            self.syncer.say(record.getMessage())


class Syncer:
    def __init__(self, app: DraftroomApp) -> None:
        self.app = app
        self._busy = False
        self._said: set[str] = set()
        self._refused_at: tuple[str, str | None] | None = None  # (own version, remote) the guard refused
        self._notices = _Notices(self)
        self._last = ""
        self._local: Room | None = None  # the open room, once a look found it is not hosted
        self.clock = time.monotonic
        self._active = self.clock()  # the room's last activity (see look_interval)
        self._timer: Timer | None = None
        self.pace = FAST_SECONDS  # seconds from the last look scheduled to the one after

    def start(self) -> None:
        logging.getLogger("draftroom").addHandler(self._notices)
        sync_in_own_worker(self)  # an action returns at once; this worker sends it right after
        self._schedule()

    def stop(self) -> None:
        sync_in_own_worker(self, on=False)
        logging.getLogger("draftroom").removeHandler(self._notices)
        if self._timer is not None:
            self._timer.stop()

    def touched(self) -> None:
        """The user or the room did something: back to the fast pace (the next look within FAST_SECONDS)."""
        slow = look_interval(self.clock() - self._active) > FAST_SECONDS
        self._active = self.clock()
        if slow and not self._busy:
            self._schedule()

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.pace = look_interval(self.clock() - self._active)
        self._timer = self.app.set_timer(self.pace, self._looked_for)

    def _looked_for(self) -> None:
        self._timer = None
        self.tick()
        if not self._busy:  # nothing to look at now: look again later
            self._schedule()

    def forget(self) -> None:
        """The room was closed: nothing to show until the next one is looked at."""
        self._refused_at, self._last = None, ""
        self.app.sync_state = None

    def tick(self, force: bool = False) -> None:
        room = self.app.room
        if room is None or self._busy or room is self._local:
            return
        self._busy = True
        self.app.run_worker(lambda: self._work(room, force), thread=True, group="sync", description="syncing")

    def _work(self, room: Room, force: bool) -> None:
        result = _Result(room, None)
        try:
            look = room.look()
            result = _Result(room, look)
            if look is not None and (force or look.behind or self._worth_pushing(room, look)):
                with self.app._store_lock:  # one piece of store work at a time (see DraftroomApp.perform)
                    result = _Result(room, look, room.sync(), when=_now())
        except DraftroomError as e:
            result = _Result(room, result.look, refused=str(e), when=_now())
        finally:
            self.app.call_from_thread(self._done, result)

    def _worth_pushing(self, room: Room, look: Look) -> bool:
        return look.waiting > 0 and look.offline is None and self._refused_at != (room.version(), look.remote)

    def _done(self, result: _Result) -> None:
        self._busy = False
        room, look, synced = result.room, result.look, result.synced
        if look is not None and (look.behind or (synced is not None and (synced.fetched or synced.pushed))):
            self._active = self.clock()  # the room moved: keep looking often
        self._schedule()
        if room is not self.app.room:
            return
        if result.refused:
            self.say(result.refused)
        if look is None:  # not hosted (or not readable: said above)
            self._local = None if result.refused else room
            self.app.sync_state = None
            return
        if result.refused:
            self._refused_at = (room.version(), look.remote)
        elif look.offline is None:
            self._last = result.when or _now()
            self._said = {line for line in self._said if not line.startswith("offline")}
        if synced is not None:
            for line in synced.refused:
                self.say(line)
            if synced.fetched or synced.refused:
                self.app.reload()
        offline = (synced.offline if synced else None) or look.offline
        waiting = synced.waiting if synced else look.waiting
        self.app.sync_state = SyncState(offline is None, waiting, self._last, offline or "")

    def say(self, line: str) -> None:
        """A refusal or notice as a notification, once each."""
        if line in self._said:
            return
        self._said.add(line)
        offline = line.startswith("offline")
        self.app.notify(
            line,
            title="Offline" if offline else "Refused",
            severity="warning" if offline else "error",
            timeout=10,
        )


def _now() -> str:
    return datetime.now().strftime("%H:%M:%S")
