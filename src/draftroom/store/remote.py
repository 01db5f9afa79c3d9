"""A negotiation shared through a remote: the bare repository that hosts it, its server-side guard, and
the git commands that fetch, replay and push a clone's actions.

The remote is a plain bare git repository (any git server can serve it). Its pre-receive hook calls
draftroom (`draftroom guard pre-receive`), which judges every pushed commit with draftroom.store.rules
and refuses rewritten history; its post-receive hook brings the host's SQL index up to date. Its config
pins the Secretariat's key (draftroom.root) as the root of trust: the first commit that registers
keys must be signed by it.

A clone's own actions that the remote does not hold yet are replayed on top of the remote's history
by cherry-picking them one by one (each commit carries its meaning in its trailers, so a replayed
action is the same action); one that does not apply is left for the workflow to redo or refuse.
"""

import os
import shlex
import subprocess
import sys
from pathlib import Path

from git import GitCommandError, Repo

from draftroom.errors import DraftroomError
from draftroom.store import gitlog, gitsafe, network, plumbing, rules, signing, turns
from draftroom.store.committed import Committed
from draftroom.store.network import Offline
from draftroom.store.plumbing import is_ancestor
from draftroom.store.records import Action
from draftroom.store.repo import BRANCH, REMOTE, Negotiation, revision_tags
from draftroom.store.transaction import ensure_tag, head_sha, reset_to_head, sign_options

UPSTREAM = f"refs/remotes/{REMOTE}/{BRANCH}"
REMOTE_TAGS = "refs/draftroom/origin-tags/"
REPLAYING = "refs/draftroom/replaying"  # this clone's HEAD before a replay, while it lasts
ASIDE = "refs/draftroom/refused/"  # own actions the remote's history no longer allows, kept
ROOT_KEY = "draftroom.root"
DATABASE_KEY = "draftroom.database"  # the host's SQL index (a SQLAlchemy URL), named when it was hosted
ZERO = "0" * 40
_OFFLINE = (
    "could not read from remote",
    "unable to connect",
    "connection refused",
    "unable to access",
    "could not resolve",
    "network is unreachable",
    "connection timed out",
    "no route to host",
)


_BEHIND = (
    "fetch first",
    "non-fast-forward",
    "failed to update ref",
    "cannot lock ref",
    "incorrect old value",
    turns.WAIT_FOR_TURN,
)


def _git(cwd: Path, *args: str, env: dict[str, str] | None = None, timeout: float | None = None) -> str:
    try:
        done = gitsafe.run(list(args), cwd, env, timeout)
    except subprocess.TimeoutExpired:
        raise network.no_answer(timeout or 0) from None
    if done.returncode != 0:
        text = (done.stderr or done.stdout).strip()
        if any(s in text.lower() for s in _OFFLINE):
            raise Offline(_why_offline(text))
        raise GitCommandError(["git", *args], done.returncode, done.stderr, done.stdout)
    return done.stdout


def _why_offline(text: str) -> str:
    """The lines of git's (or ssh's) complaint that say why, joined, not its closing advice ("...and
    the repository exists."): "unable to connect to 127.0.0.1:" goes on with "errno=Connection refused"."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    said = [line for line in lines if any(s in line.lower() for s in _OFFLINE)]
    return " ".join(said or lines[:1] or ["the remote cannot be reached"])


def _said(e: GitCommandError) -> str:
    """What git said on failing, without GitPython's wrapping of it ("\\n  stderr: '...'")."""
    lines = [line.strip().removeprefix("stderr: '") for line in str(e.stderr or "").splitlines()]
    said = [line for line in (line.removesuffix("'").strip() for line in lines) if line]
    return said[-1] if said else str(e)


# ---- judging commits (guard, verify, replay) ----------------------------------------------------
def changed_files(repo: Repo, parent: str, commit: str) -> list[str]:
    out = repo.git.diff_tree("-r", "--no-renames", "--no-commit-id", "--name-only", parent, commit)
    return [line for line in str(out).splitlines() if line]


def judge_range(repo: Repo, old: str | None, new: str, signed: bool = True) -> list[rules.Verdict]:
    """Every commit of old..new (all of history when old is None) that breaks a rule, oldest first.

    The first commit is the negotiation's `new`; signatures are required from the commit that first
    registers keys (hosting) on, checked against the keys registered in its parent (for the hosting
    commit itself, the Secretariat's key it registers)."""
    rev_range = f"{old}..{new}" if old else new
    actions = list(reversed(gitlog.read_actions(repo, rev_range)))
    sigs = signing.signatures(repo, rev_range) if signed and actions else {}
    parents = dict(
        (line.split(" ", 1)[0], line.split(" ")[1:])
        for line in str(repo.git.rev_list("--parents", rev_range)).splitlines()
    )
    out = []
    for action in actions:
        ups = parents.get(action.commit, [])
        if not ups:
            continue  # the negotiation's first commit
        if len(ups) > 1:
            out.append(
                rules.Verdict(action.commit, action.summary, "a merge: a negotiation's history is linear")
            )
            continue
        problem = judge_commit(repo, action, ups[0], sigs.get(action.commit) if signed else None, signed)
        if problem:
            out.append(rules.Verdict(action.commit, action.summary, problem))
    return out


def judge_commit(
    repo: Repo, action: Action, parent: str, sig: signing.Signature | None, signed: bool
) -> str | None:
    before, after = Committed(repo, parent), Committed(repo, action.commit)
    keys = signing.keys_at(before)
    if signed and (keys or signing.keys_at(after)):
        root = keys or [k for k in signing.keys_at(after) if k.actor == rules.SECRETARIAT]
        pinned = _hosted_with(repo, "root")
        if not keys and pinned and {k.key for k in root} != {pinned}:
            return "registers a Secretariat key other than the one this remote pinned"
        problem = rules.signer_problem(action, sig, root)
        if problem:
            return problem
    return rules.judge(action, before, after, changed_files(repo, parent, action.commit))


def host_database(repo: Repo) -> str | None:
    """The SQL index the host keeps for this remote, if one was named when it was hosted."""
    return _hosted_with(repo, "database")


def _hosted_with(repo: Repo, key: str) -> str | None:
    """The remote's `draftroom.KEY` setting (its database, its pinned Secretariat key), None if unset."""
    with repo.config_reader("repository") as cr:
        value = cr.get_value("draftroom", key, "")
    return str(value) or None


# ---- hosting ---------------------------------------------------------------------------------------
PENDING, INDEXING = "draftroom-index.pending", "draftroom-index.lock"  # in the bare repository


def hook_script(verb: str) -> str:
    """A hook that runs this draftroom (same interpreter, same package) as the server's guard.

    The post-receive one indexes in the background, so a pusher never waits for the host's index, and
    pushes that land while an indexer runs share its next round instead of each starting Python (and
    SQLAlchemy) of its own: a push marks the index stale (PENDING) and the one indexer holding the
    INDEXING lock reindexes until no mark is left; it checks once more after letting the lock go, so
    a push whose own try at the lock failed is never missed. Without `flock`, one indexer per push."""
    package = Path(__file__).resolve().parent.parent.parent
    env = f"PYTHONPATH={shlex.quote(str(package))}${{PYTHONPATH:+:$PYTHONPATH}}"
    run = f"{env} {shlex.quote(sys.executable)} -m draftroom guard {verb}"
    if verb != "post-receive":
        return (
            f"#!/bin/sh\nupdates=$(cat)\n{turns.pre_receive()}"
            f"printf '%s\\n' \"$updates\" | {env} exec {shlex.quote(sys.executable)} -m draftroom guard {verb}\n"
        )
    return (
        f"#!/bin/sh\n{turns.post_receive()}cat >/dev/null\n"
        f"command -v flock >/dev/null || {{ ({run} </dev/null >/dev/null 2>&1 &); exit 0; }}\n"
        f"touch {PENDING}\n"
        f"(while [ -e {PENDING} ]; do\n"
        "  flock -n 9 || exit 0\n"
        f"  while [ -e {PENDING} ]; do rm -f {PENDING}; {run}; done\n"
        "  flock -u 9\n"
        f"done) 9>{INDEXING} </dev/null >/dev/null 2>&1 &\n"
    )


def host(neg: Negotiation, at: Path, root_key: str, database: str | None = None) -> None:
    """Create the bare remote at `at`, push the negotiation into it, then arm its guard; `database` is
    the SQL index its post-receive hook keeps, whoever pushes (default: index.sqlite beside it)."""
    if at.exists() and any(at.iterdir()):
        raise DraftroomError(f"{at} exists and is not empty: choose a new folder for the remote")
    at.mkdir(parents=True, exist_ok=True)
    _git(at, "init", "-q", "--bare", f"--initial-branch={BRANCH}")
    for key, value in (
        ("receive.denyNonFastForwards", "true"),
        ("receive.denyDeletes", "true"),
        ("receive.advertisePushOptions", "true"),  # the turn to push (draftroom.store.turns)
        (ROOT_KEY, root_key),
        *([(DATABASE_KEY, database)] if database else []),
    ):
        _git(at, "config", key, value)
    with neg.locked() as repo:
        _git(neg.path, "remote", "add", REMOTE, str(at))
        _git(neg.path, "config", f"branch.{BRANCH}.remote", REMOTE)
        _git(neg.path, "config", f"branch.{BRANCH}.merge", f"refs/heads/{BRANCH}")
        _git(
            neg.path,
            "push",
            "-q",
            REMOTE,
            f"{BRANCH}:{BRANCH}",
            *[f"refs/tags/{t}" for t in revision_tags(repo)],
        )
    for verb in ("pre-receive", "post-receive"):
        hook = at / "hooks" / verb
        hook.write_text(hook_script(verb))
        hook.chmod(0o755)
    fetch(neg)


def is_hosted(neg: Negotiation) -> bool:
    return neg.has_remote()


def clone(url: str, path: Path) -> None:
    """Clone a hosted negotiation into `path` (which must not exist); refuse what is not one."""
    tmp = path.with_name(f".{path.name}.clone-{os.getpid()}")
    try:
        _git(path.parent, "clone", "-q", "--no-checkout", url, str(tmp), timeout=network.timeout())
    except GitCommandError as e:
        raise DraftroomError(f"cannot clone {url}: {_said(e)}") from None
    try:
        with gitsafe.open_repo(tmp) as repo:
            ls = str(repo.git.ls_tree("--name-only", "HEAD")).split() if _has_head(repo) else []
            if "negotiation.json" not in ls or "keys" not in ls:
                raise DraftroomError(
                    f"{url} is not a hosted draftroom negotiation (no negotiation.json and keys/)"
                )
            for key, value in (
                ("user.name", "draftroom"),
                ("user.email", "draftroom@draftroom.invalid"),
                ("core.quotePath", "false"),
                ("gc.autoDetach", "false"),
            ):
                _git(tmp, "config", key, value)
            _git(tmp, "checkout", "-q", BRANCH)
            root = [k for k in signing.keys_at(Committed(repo, "HEAD")) if k.actor == rules.SECRETARIAT]
            if root:  # trust on first use: the Secretariat's key as the remote holds it now
                _git(tmp, "config", ROOT_KEY, root[0].key)
        os.rename(tmp, path)
    finally:
        if tmp.exists():
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
    neg = Negotiation(path)
    fetch(neg)
    with neg.repository() as repo:
        mirror_tags(repo)
        neg.witness(head_sha(repo))


def _has_head(repo: Repo) -> bool:
    try:
        repo.git.rev_parse("--verify", "-q", "HEAD")
    except GitCommandError:
        return False
    return True


# ---- syncing -----------------------------------------------------------------------------------------
def fetch(neg: Negotiation) -> None:
    """Fetch the remote's branch and tags. The guard lets a remote's history only grow: when its branch
    no longer holds the one fetched before (rewritten on the server, or the URL now names another
    negotiation), the clone keeps its view of the remote and the sync is refused in one line.

    A clone does not take the server's word for the actions it receives: every commit new to it is
    judged by the guard's own rules (signed by its actor's registered key, allowed for the actor's
    role), so a server whose hooks were bypassed or never installed cannot hand a delegation an action
    nobody may make; the first that breaks a rule refuses the sync, the clone's view kept."""
    before = _fetched(neg)
    _git(
        neg.path,
        "fetch",
        "-q",
        "--no-tags",
        "--prune",
        REMOTE,
        f"+refs/heads/{BRANCH}:{UPSTREAM}",
        f"+refs/tags/*:{REMOTE_TAGS}*",
        timeout=network.timeout(neg.path),
    )
    if before and not plumbing.is_ancestor(neg.git_dir(), before, UPSTREAM):
        _git(neg.path, "update-ref", UPSTREAM, before)
        raise DraftroomError(
            f"the remote of {neg.name} no longer holds the history this clone fetched from it "
            f"({before[:10]}): it was rewritten, or its URL names another negotiation; nothing was changed here"
        )
    after = _fetched(neg)
    if before and after != before:
        _refuse_unruly(neg, before, after)


def _fetched(neg: Negotiation) -> str:
    """The commit this clone last fetched from the remote's branch ("" before the first fetch)."""
    return _git(neg.path, "for-each-ref", "--format=%(objectname)", UPSTREAM).strip()


def _refuse_unruly(neg: Negotiation, before: str, after: str) -> None:
    """Judge the commits the fetch brought that this clone does not hold yet (its own, pushed, were
    judged when it made them); on the first that breaks a rule, put the remote's view back."""
    with neg.repository() as repo:
        head = head_sha(repo)
        if plumbing.is_ancestor(neg.git_dir(), after, head):
            return
        since = head if plumbing.is_ancestor(neg.git_dir(), before, head) else before
        verdicts = judge_range(repo, since, after)
    if verdicts:
        _git(neg.path, "update-ref", UPSTREAM, before)
        raise DraftroomError(
            f"the remote of {neg.name} holds an action that breaks its rules, {verdicts[0].line()}: its "
            "server does not guard it (tell the Secretariat; `draftroom verify` lists every fault); "
            "nothing was taken from it"
        )


def remote_head(neg: Negotiation) -> str:
    """The commit the remote's branch points at now: one round trip, no pack, no lock; Offline when
    the remote does not answer in time (see draftroom.store.network)."""
    wait = network.timeout(neg.path)
    out = _git(neg.path, "ls-remote", "--heads", REMOTE, f"refs/heads/{BRANCH}", timeout=wait)
    return out.split()[0] if out.strip() else ""


def upstream(repo: Repo) -> str:
    return str(repo.git.rev_parse(UPSTREAM)).strip()


def own_commits(repo: Repo) -> list[str]:
    """This clone's commits the remote does not hold, oldest first."""
    return str(repo.git.rev_list("--reverse", f"{UPSTREAM}..HEAD")).split()


def mirror_tags(repo: Repo) -> None:
    """Local revision tags as the remote has them (own, unpushed ones are re-made when replayed)."""
    remote = {
        line.split()[1][len(REMOTE_TAGS) :]: line.split()[0]
        for line in str(repo.git.for_each_ref("--format=%(objectname) %(refname)", REMOTE_TAGS)).splitlines()
    }
    for tag in revision_tags(repo):
        if tag not in remote:
            repo.git.tag("-d", tag)
    for tag, obj in remote.items():
        repo.git.update_ref(f"refs/tags/{tag}", obj)


def start_replay(neg: Negotiation, lock_fd: int, repo: Repo) -> list[Action]:
    """Move HEAD to the remote's history; returns this clone's own actions to replay, oldest first.

    The old HEAD stays reachable under refs/draftroom/replaying until the replay is over (`end_replay`)."""
    mine = own_commits(repo)
    repo.git.update_ref(REPLAYING, head_sha(repo))
    actions = {a.commit: a for a in gitlog.read_actions(repo, f"{UPSTREAM}..HEAD")} if mine else {}
    repo.git.execute(["git", "reset", "-q", "--hard", UPSTREAM], pass_fds=(lock_fd,))
    mirror_tags(repo)
    neg.witness(head_sha(repo))
    return [actions[c] for c in mine]


def end_replay(repo: Repo) -> None:
    """Every own action replayed or set aside: the old HEAD need not stay reachable any longer."""
    repo.git.update_ref("-d", REPLAYING)


def replay(neg: Negotiation, repo: Repo, lock_fd: int, action: Action, key: str | None) -> str | None:
    """Cherry-pick one own action onto HEAD, signed again; None when it applied and its rules hold,
    else why not (HEAD is then unchanged)."""
    env = {"GIT_COMMITTER_NAME": action.actor, "GIT_COMMITTER_EMAIL": action.email}
    sign = [*sign_options(key)] if key else []
    try:
        repo.git.execute(
            [
                "git",
                *sign,
                "cherry-pick",
                "--allow-empty",
                "--keep-redundant-commits",
                *(["-S"] if key else []),
                action.commit,
            ],
            env=env,
            pass_fds=(lock_fd,),
        )
    except GitCommandError:
        repo.git.execute(["git", "cherry-pick", "--abort"], pass_fds=(lock_fd,), with_exceptions=False)
        reset_to_head(repo, lock_fd)
        return "it conflicts with what the others did meanwhile"
    new = gitlog.read_actions(repo, "-1")[0]
    problem = judge_commit(repo, new, f"{new.commit}~1", None, signed=False)
    if problem:
        repo.git.execute(["git", "reset", "-q", "--hard", "HEAD~1"], pass_fds=(lock_fd,))
        return problem
    ensure_tag(repo, new, lock_fd)
    neg.witness(new.commit)
    return None


def set_aside(repo: Repo, action: Action) -> str:
    ref = f"{ASIDE}{action.commit[:12]}"
    repo.git.update_ref(ref, action.commit)
    return ref


def push(neg: Negotiation, turn: turns.Turn | None = None) -> str | None:
    """Push this clone's actions and new revision tags (holding `turn`, which landing gives back);
    None when done, the server's refusal line when refused, "behind" when the remote moved on
    meanwhile (or another clone holds the turn)."""
    with neg.repository() as repo:
        remote_tags = set(str(repo.git.for_each_ref("--format=%(refname:lstrip=3)", REMOTE_TAGS)).split())
        tags = [f"refs/tags/{t}" for t in revision_tags(repo) if t not in remote_tags]
        up = str(repo.git.for_each_ref("--format=%(objectname)", UPSTREAM)).strip()
        if not tags and up == str(repo.git.rev_parse("HEAD")).strip():
            # nothing to send (every own action was set aside): no push, for a push that updates no ref
            # but carries push options can be cut short by the server ("unable to write flush packet")
            return None
    holding = ["-o", f"{turns.OPTION}={turn.token}"] if turn is not None and turn.held else []
    done = _push(neg, [*holding, REMOTE, f"HEAD:refs/heads/{BRANCH}", *tags])
    if done.returncode == 0:
        if turn is not None and holding:
            turn.held = turn.ticket = False
        fetch(neg)
        return None
    text = f"{done.stdout}\n{done.stderr}"
    if any(s in text.lower() for s in _OFFLINE):
        raise Offline(_why_offline(text))
    if any(s in text for s in _BEHIND):
        return "behind"
    refused = [
        line.split("draftroom: refused ", 1)[1].strip()
        for line in text.splitlines()
        if "draftroom: refused " in line
    ]
    return refused[0] if refused else text.strip().splitlines()[-1]


def _push(neg: Negotiation, args: list[str]) -> subprocess.CompletedProcess[str]:
    wait = network.timeout(neg.path)
    try:
        return gitsafe.run(["push", "--porcelain", *args], neg.path, None, wait)
    except subprocess.TimeoutExpired:  # it may have landed meanwhile: the next sync's fetch tells
        raise network.no_answer(wait) from None


def ask_turn(neg: Negotiation, turn: turns.Turn) -> int:
    """Ask the remote for the turn to push (see draftroom.store.turns): 0 when `turn` holds it now (or
    the remote deals no turns: `turn.served` is then False), else its place in the queue."""
    if turn.served is False:
        return 0
    wait = max(1, min(5, int(network.timeout(neg.path) / 2)))
    gitsafe.run(["mktree"], neg.path)  # git's empty tree, the object every request pushes
    options = ["-o", f"{turns.OPTION}={turn.token}", "-o", f"{turns.WAIT_OPTION}={wait}"]
    done = _push(neg, [*options, REMOTE, f"{turns.EMPTY_TREE}:{turns.REF}"])
    text = f"{done.stdout}\n{done.stderr}"
    place = turns.answer(text)
    if place is None and any(s in text.lower() for s in _OFFLINE):
        raise Offline(_why_offline(text))
    turn.served = turn.ticket = place is not None
    turn.held = place == 0 and turn.served
    return place or 0


def give_back_turn(neg: Negotiation, turn: turns.Turn) -> None:
    """Give the turn (or the place in the queue) back unused: a sync that had nothing left to push, or
    gave up; the lease ends it otherwise."""
    if turn.ticket:
        turn.held = turn.ticket = False
        options = ["-o", f"{turns.OPTION}={turn.token}", "-o", turns.DONE_OPTION]
        _push(neg, [*options, REMOTE, f"{turns.EMPTY_TREE}:{turns.REF}"])


def guard(repo: Repo, updates: list[tuple[str, str, str]]) -> str | None:
    """The pre-receive verdict on a push (old, new, ref each): None, or one line naming what and why."""
    branch = f"refs/heads/{BRANCH}"
    main = next((new for _old, new, ref in updates if ref == branch), None)
    if main is None:
        main = str(repo.git.rev_parse("--verify", "-q", branch)).strip()
    for old, new, ref in updates:
        if new == ZERO:
            return f"{ref}: deleting a ref rewrites the negotiation's history"
        if ref == branch:
            if old != ZERO and not is_ancestor(repo, old, new):
                return f"{new[:10]}: a non-fast-forward push rewrites history; sync first, then push"
            verdicts = judge_range(repo, old if old != ZERO else None, new)
            if verdicts:
                return verdicts[0].line()
        elif ref.startswith("refs/tags/"):
            tag = ref[len("refs/tags/") :]
            target = str(repo.git.rev_parse(f"{new}^{{commit}}")).strip()  # the commit the pusher names
            if old != ZERO:
                return f"{ref} at {target[:10]}: a revision tag never moves"
            cut = gitlog.read_actions(repo, target)[0] if is_ancestor(repo, target, main) else None
            if cut is None or cut.revision != tag:
                return f"{ref} at {target[:10]}: a tag names the commit of `revise` that cut it, in {BRANCH}'s history"
        else:
            return f"{ref}: only {BRANCH} and revision tags are pushed to a negotiation"
    return None
