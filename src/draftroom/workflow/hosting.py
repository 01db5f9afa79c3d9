"""A negotiation across machines: host, clone, sync, verify, and the server's guard.

The Secretariat hosts (a bare remote, its guard armed, the Secretariat's key pinned); each delegation
clones it onto its own machine and acts there, offline or not; `sync` fetches everyone's actions,
replays this clone's own on top (an action that no longer applies is redone from its meaning when it
has a rule to be redone by, else refused, named in one line and kept aside) and pushes. Every command
that changes a hosted negotiation syncs by itself afterwards unless --offline (DRAFTROOM_OFFLINE);
what it has to say (offline, refused) goes out as a notice on the "draftroom" logger.
"""

import contextlib
import os
import random
import secrets
import sys
import time
from collections.abc import Callable
from pathlib import Path

from draftroom import notices
from draftroom.errors import DraftroomError
from draftroom.record import field, record
from draftroom.store import Action, Negotiation, gitsafe, new_negotiation_dir, signing, turns
from draftroom.store import remote as rm
from draftroom.store.plumbing import is_ancestor
from draftroom.store.transaction import head_sha
from draftroom.workflow.identity import SECRETARIAT, resolve_actor
from draftroom.workflow.negotiation import Home, open_negotiation
from draftroom.workflow.signer import how_to_make, key_file

OFFLINE_ENV = "DRAFTROOM_OFFLINE"
log = notices.logger()
_replaying: list[bool] = []  # non-empty while sync redoes actions (they must not sync in turn)


def notice(message: str) -> None:
    log.warning(message)


def _public(actor: str) -> str:
    path = key_file(actor)
    if not path.is_file():
        raise DraftroomError(f"{actor} has no signing key on this machine: {how_to_make(actor)}")
    line = path.with_name(path.name + ".pub").read_text(encoding="utf-8").strip()
    kind, blob = signing.public_key(line, str(path) + ".pub")
    return f"{kind} {blob}"


# ---- host, clone -------------------------------------------------------------------------------------
def host(name: str, at: str, actor: str | None = None, home: Home = None) -> str:
    """Host the negotiation at `at` (a new bare repository); returns its path, to hand to delegations."""
    who = resolve_actor(actor)
    if who != SECRETARIAT:
        raise DraftroomError(f"only the Secretariat hosts a negotiation; {who} cannot (use --as Secretariat)")
    root = _public(SECRETARIAT)
    neg = open_negotiation(name, home)
    if rm.is_hosted(neg):
        raise DraftroomError(f"{neg.name} is hosted already: see `git -C {neg.path} remote -v`")
    where = Path(at).expanduser().absolute()
    if where.exists() and any(where.iterdir()):
        raise DraftroomError(f"{where} exists and is not empty: choose a new folder for the remote")
    with neg.action("host", who) as txn:
        txn.write_file(signing.key_path(SECRETARIAT), signing.signers_line(SECRETARIAT, root))
        txn.summary = f"{who} hosts {neg.name}; its key is the root of trust"
    from draftroom.store.index import DATABASE_ENV

    rm.host(neg, where, root, os.environ.get(DATABASE_ENV))
    return str(where)


def clone(url: str, name: str | None = None, actor: str | None = None, home: Home = None) -> Negotiation:
    """Clone a hosted negotiation into the home, as NAME (default: the remote's name)."""
    who = resolve_actor(actor)
    default = url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    path = new_negotiation_dir(name or default, home)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        rm.clone(url, path)
    except rm.Offline as e:
        raise DraftroomError(f"cannot reach {url}: {e}") from None
    neg = open_negotiation(str(path))
    if not key_file(who).is_file():
        notice(f"{who} has no signing key on this machine yet: {how_to_make(who)}")
    return neg


# ---- sync ----------------------------------------------------------------------------------------------
@record
class Synced:
    fetched: int = 0  # others' actions received
    pushed: int = 0  # own actions sent
    refused: list[str] = field(default_factory=list)  # one line each
    set_aside: list[Action] = field(default_factory=list)  # the action of each refused line
    offline: str | None = None  # why the remote could not be reached
    waiting: int = 0  # own actions still not on the remote afterwards


@record(frozen=True)
class Look:
    """A hosted negotiation's remote as one quick look found it."""

    remote: str | None  # the commit its branch points at (None: the remote could not be reached)
    behind: bool  # it holds actions this clone has not fetched
    waiting: int  # this clone's own actions it does not hold yet
    offline: str | None = None  # why it could not be reached


Redo = Callable[[str, Action, Home], None]
REDO: dict[str, Redo] = {}  # action -> how to do it again from its trailers on the new history


def redo_rule(*actions: str) -> Callable[[Redo], Redo]:
    def register(fn: Redo) -> Redo:
        for a in actions:
            REDO[a] = fn
        return fn

    return register


@redo_rule("sponsor-add", "sponsor-remove")
def _redo_sponsors(path: str, action: Action, home: Home) -> None:
    from draftroom.workflow import negotiation as wf

    change = wf.add_sponsors if action.action == "sponsor-add" else wf.remove_sponsors
    change(path, action.trailers.get("Sponsor", []), action.actor, home)


@redo_rule("support", "withdraw")
def _redo_joining(path: str, action: Action, home: Home) -> None:
    from draftroom.workflow import amending

    change = amending.support if action.action == "support" else amending.withdraw
    change(path, action.amendment or "", action.actor, home)


@redo_rule("accept", "reject")
def _redo_decision(path: str, action: Action, home: Home) -> None:
    from draftroom.workflow import amending

    amending.decide(path, action.trailers.get("Amendment", []), action.action, action.actor, home)


def sync(name: str, home: Home = None) -> Synced:
    """Fetch everyone's actions, replay this clone's own on top, push; see the module docstring."""
    neg = open_negotiation(name, home)
    if not rm.is_hosted(neg):
        raise DraftroomError(
            f"{neg.name} is not hosted: host it with `draftroom host {neg.name} --at PATH`, or clone a hosted one"
        )
    done = Synced()
    aside: dict[str, str] = {}  # own commits the remote refused -> its line: set aside at the next round
    turn = turns.Turn(secrets.token_hex(8))
    _replaying.append(True)
    try:
        deadline, attempt = time.monotonic() + RETRY_SECONDS, 0
        while True:
            began = time.monotonic()
            if not turn.held and _count_own(neg):
                deadline = _take_turn(neg, turn) or deadline
            if _round(neg, home, done, aside, turn):
                break
            if time.monotonic() > deadline:
                raise _kept_moving(neg)
            attempt += 1
            if not turn.served:  # a remote that deals no turns: race, spread out
                time.sleep(backoff(attempt, time.monotonic() - began))
    except rm.Offline as e:
        done.offline = str(e)
    finally:
        _replaying.pop()
        with contextlib.suppress(rm.Offline):
            rm.give_back_turn(neg, turn)
    done.waiting = _count_own(neg)
    neg.sync()
    return done


RETRY_SECONDS = 300.0  # how long a sync keeps trying while others win the race (or the queue stands still)


def _kept_moving(neg: Negotiation) -> DraftroomError:
    return DraftroomError(f"the remote of {neg.name} kept moving: run `draftroom sync {neg.name}` again")


def _take_turn(neg: Negotiation, turn: turns.Turn) -> float | None:
    """Wait for the turn to push (draftroom.store.turns), as long as the queue moves: a new deadline
    for the rounds that follow when it waited in the queue, else None (the turn was free at once, or
    the remote deals no turns: the rounds keep the deadline they had)."""
    nearest, stuck = None, time.monotonic() + RETRY_SECONDS
    while place := rm.ask_turn(neg, turn):
        if nearest is None or place < nearest:
            nearest, stuck = place, time.monotonic() + RETRY_SECONDS
        if time.monotonic() > stuck:
            raise _kept_moving(neg)
    return time.monotonic() + RETRY_SECONDS if nearest is not None else None


def backoff(attempt: int, round_seconds: float) -> float:
    """The pause before round `attempt` + 1 of a sync whose push lost the race (the remote moved on
    during a round that took `round_seconds`): a random share of a window that doubles with each loss,
    measured in rounds, so that N clones pushing at once spread over about N rounds instead of all
    coming back together; at most 16 rounds (and 30 s), at least 50 ms."""
    window = max(0.05, round_seconds) * min(2**attempt, 16)
    return random.uniform(0, min(window, 30.0))


def look(name: str, home: Home = None) -> Look | None:
    """One round trip to a hosted negotiation's remote (its branch's commit; no fetch, no lock): whether
    a sync has anything to do. None when the negotiation is not hosted. For a front end that keeps a
    negotiation current by looking every second and syncing only when the look says so."""
    neg = open_negotiation(name, home)
    if not rm.is_hosted(neg):
        return None
    waiting = _count_own(neg)
    try:
        remote = rm.remote_head(neg)
    except rm.Offline as e:
        return Look(None, False, waiting, str(e))
    with neg.repository() as repo:
        return Look(remote, remote != rm.upstream(repo), waiting)


def _round(neg: Negotiation, home: Home, done: Synced, aside: dict[str, str], turn: turns.Turn) -> bool:
    """One fetch-replay-push round (holding `turn` when it can); True when the clone and the remote
    agree. An own commit the remote refused (a hand-made one) is set aside and the others replayed on
    the remote's history without it."""
    pending: list[Action] | None = None
    with neg.locked() as repo:
        neg.refuse_unsafe_start(repo)
        rm.fetch(neg)
        up, head = rm.upstream(repo), head_sha(repo)
        if up == head:
            return True
        if is_ancestor(repo, head, up):  # only others acted: move on to their history
            done.fetched += len(str(repo.git.rev_list(f"{head}..{up}")).split())
            repo.git.execute(["git", "reset", "-q", "--hard", up], pass_fds=(neg.lock_fd,))
            rm.mirror_tags(repo)
            neg.witness(up)
            return True
        if aside or not is_ancestor(repo, up, head):
            done.fetched += len(str(repo.git.rev_list(f"{head}..{up}")).split())
            pending = rm.start_replay(neg, neg.lock_fd, repo)
    for action in pending or []:
        if action.commit in aside:
            with neg.repository() as repo:
                done.refused.append(
                    f"refused {aside.pop(action.commit)}; kept as {rm.set_aside(repo, action)}"
                )
                done.set_aside.append(action)
        else:
            _replay_one(neg, home, action, done)
    if pending is not None:
        with neg.locked() as repo:  # not while another sync of this clone starts its replay
            rm.end_replay(repo)
    ahead = _count_own(neg)
    refused = rm.push(neg, turn)
    if refused == "behind":  # the turn lapsed, or a clone without one pushed: ask again
        turn.held = False
        return False
    if refused:
        with neg.repository() as repo:
            named = [c for c in rm.own_commits(repo) if refused.startswith(c[:10])]
        if not named or named[0] in aside:
            raise DraftroomError(f"the remote refused {refused}")
        aside[named[0]] = refused
        return False
    done.pushed += ahead
    return True


def _count_own(neg: Negotiation) -> int:
    with neg.repository() as repo:
        return len(rm.own_commits(repo))


def _replay_one(neg: Negotiation, home: Home, action: Action, done: Synced) -> None:
    key = key_file(action.actor)
    with neg.locked() as repo:
        problem = rm.replay(neg, repo, neg.lock_fd, action, str(key) if key.is_file() else None)
    if problem and action.action in REDO:
        try:
            REDO[action.action](str(neg.path), action, home)
            problem = None
        except DraftroomError as e:
            problem = str(e)
    if problem:
        with neg.repository() as repo:
            ref = rm.set_aside(repo, action)
        done.refused.append(f"refused {action.commit[:10]} ({action.summary}): {problem}; kept as {ref}")
        done.set_aside.append(action)


def after_action(neg: Negotiation, made: Action) -> None:
    """Sync a hosted negotiation after a change (not while syncing, not --offline; not when a front
    end syncs in its own worker: negotiation.sync_in_own_worker). When the sync refuses the action
    `made` itself (the guard, or a replay on the remote's history), the action failed: its refusal is
    raised (the action is kept aside); other refusals are notices."""
    if _replaying or os.environ.get(OFFLINE_ENV) or not rm.is_hosted(neg):
        return
    try:
        done = sync(str(neg.path))
    except DraftroomError as e:
        notice(f"not synced: {e}")
        return
    failed = None
    for line, action in zip(done.refused, done.set_aside, strict=True):
        if failed is None and _same_action(action, made):  # the commit itself may have been replayed
            failed = line
        else:
            notice(line)
    if done.offline:
        notice(f"offline ({done.offline}): the action is kept here and goes out at the next `draftroom sync`")
    if failed:
        raise DraftroomError(failed)


def _same_action(a: Action, b: Action) -> bool:
    return (a.actor, a.action, a.summary, a.trailers) == (b.actor, b.action, b.summary, b.trailers)


# ---- verify, guard ---------------------------------------------------------------------------------------
def verify(name: str, home: Home = None) -> list[str]:
    """Every action in the history that breaks a rule or whose signature does not show its actor."""
    neg = open_negotiation(name, home)
    with neg.repository() as repo:
        return [v.line() for v in rm.judge_range(repo, None, head_sha(repo))]


def guard(hook: str, git_dir: str | None = None) -> int:
    """The server's hook: pre-receive judges the pushed refs (stdin: old new ref), post-receive indexes."""
    where = Path(git_dir or os.environ.get("GIT_DIR") or ".").absolute()
    if hook == "post-receive":
        from draftroom.store.index import Index

        sys.stdin.read()
        with gitsafe.open_repo(where) as repo:
            database = rm.host_database(repo)
        Negotiation(where, Index(database) if database else None).sync()
        return 0
    updates = [tuple(line.split()) for line in sys.stdin.read().splitlines() if line.strip()]
    with gitsafe.open_repo(where) as repo:
        problem = rm.guard(repo, [(u[0], u[1], u[2]) for u in updates if len(u) == 3])
    if problem:
        print(f"draftroom: refused {problem}", file=sys.stderr)
        return 1
    return 0
