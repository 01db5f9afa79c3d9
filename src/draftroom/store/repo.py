"""One negotiation = one git repository; every action one commit, made under one lock.

See the package docstring (draftroom.store) for the contract. Crash safety rests on three rules:
a sentinel file in .git marks an action in progress, so the next command that takes the lock
finds it, removes stale git lock files and resets the work tree to HEAD (the whole action or
none of it); a revision tag is re-created from its commit's trailers if the crash fell between
the commit and the tag; and the SQL index is updated after the commit and brought up to date
from git whenever it is behind.
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager, suppress
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.lang.numbers import decimal
from draftroom.model import Document, Revision
from draftroom.store import gitlog, gitsafe, layout, plumbing, queue
from draftroom.store.committed import Committed
from draftroom.store.head_cache import HeadCache
from draftroom.store.records import Action, NegotiationState, RevisionCut, Sponsor, Summary
from draftroom.store.transaction import (
    PAUSE_ENV,
    Transaction,
    actor_email,
    ensure_tag,
    head_sha,
    pause_for_tests,
    reset_to_head,
)
from draftroom.store.worktree import working_file

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:  # the index pulls in SQLAlchemy, GitPython is for actions: loaded only where used
    from git import Repo

    from draftroom.store.index import Index

SENTINEL = "draftroom-action"  # in .git: an action is in progress (or was killed)
LOCK = "draftroom.lock"  # in .git: flock'ed for the whole of an action
LOCK_WAIT = 120.0  # seconds a command waits with the queue not moving (one command holding it all along)
BRANCH = "main"
REMOTE = "origin"  # the remote a hosted negotiation syncs with
GC_AUTO = 256  # loose objects after which a commit packs them (git's gc.auto)
SEEN = "refs/draftroom/seen"  # the last commit draftroom made or accepted: a rewrite behind it is refused
_GIT_OPERATIONS = (  # a file in .git that marks an unfinished git operation: (file, what, how to abort)
    ("MERGE_HEAD", "a git merge", "merge --abort"),
    ("rebase-merge", "a git rebase", "rebase --abort"),
    ("rebase-apply", "a git rebase or am", "rebase --abort"),
    ("CHERRY_PICK_HEAD", "a git cherry-pick", "cherry-pick --abort"),
    ("REVERT_HEAD", "a git revert", "revert --abort"),
)


class Negotiation:
    """One negotiation's repository. Cheap to make; opens git only inside its methods."""

    def __init__(
        self,
        path: Path,
        index: Index | None = None,
        signer: Callable[[str], str | None] | None = None,
        after: Callable[[Negotiation, Action], None] | None = None,
    ) -> None:
        self.path = Path(path).absolute()
        self.signer = signer  # actor -> the private key its actions are signed with (None: unsigned)
        self.after = after  # called after each action with it, the lock released (e.g. to sync a hosted one)
        self.name = self.path.name.removesuffix(".git")  # a hosting bare repository is NAME.git
        self.home = self.path.parent
        self._index = index
        self._lock_fd: int | None = None

    @property
    def index(self) -> Index:
        if self._index is None:
            from draftroom.store.index import Index

            self._index = Index.for_home(self.home)
        return self._index

    # ---- creating ---------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path,
        doc: Document,
        sponsors: list[Sponsor],
        actor: str,
        *,
        facilitator: str | None = None,
        date: str,
        email: str | None = None,
        index: Index | None = None,
        files: dict[str, str] | None = None,
    ) -> Negotiation:
        """A new negotiation at `path` (which must not exist): one commit `new`, tagged rev-0; `files`
        are more files of that commit (relative path -> text, none of the document's own).

        Built in a hidden sibling directory and renamed into place, so a crash leaves nothing."""
        path = Path(path).absolute()
        from git import Repo

        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_builds(path)
        tmp = path.parent / f".{path.name}.new-{os.getpid()}"
        try:
            with Repo.init(tmp, initial_branch=BRANCH) as repo:
                gitsafe.make_safe(repo)
                with repo.config_writer() as cw:
                    cw.set_value("user", "name", "draftroom")
                    cw.set_value("user", "email", "draftroom@draftroom.invalid")
                    cw.set_value("core", "quotePath", "false")
                    cw.set_value("gc", "autoDetach", "false")
                    # pack loose objects early: reading a thousand amendments from a pack takes git a
                    # tenth of the time it takes from loose files (git's default waits for 6,700)
                    cw.set_value("gc", "auto", str(GC_AUTO))
                txn = Transaction(tmp, "new", actor, email or actor_email(actor))
                txn.start_with(doc, NegotiationState(path.name, date, facilitator), sponsors)
                for rel, text in (files or {}).items():
                    txn.write_file(rel, text)
                txn.summary = f"New negotiation {path.name}" + (f" on {doc.symbol}" if doc.symbol else "")
                txn.cut_revision(doc.symbol, date, Revision(0))
                txn.commit(repo)
            try:
                os.rename(tmp, path)
            except OSError:
                raise DraftroomError(f"a negotiation {path.name!r} already exists in {path.parent}") from None
        finally:
            import shutil  # creating and cleaning up only: not on every command's path

            shutil.rmtree(tmp, ignore_errors=True)
        neg = cls(path, index)
        neg.witness(head_sha(neg.git_dir()))
        neg.sync()
        return neg

    # ---- locking and recovery -----------------------------------------------------------
    def git_dir(self) -> Path:
        """The repository's git directory (a hosting bare repository is its own), its config checked:
        what reading with plumbing needs, without GitPython."""
        found = self.path / ".git"
        if not found.is_dir():
            if not (self.path / "HEAD").is_file():
                raise DraftroomError(f"{self.path} is not a negotiation's repository (no .git folder)")
            found = self.path
        gitsafe.check_config(found)
        return found

    @contextmanager
    def _repo(self) -> Iterator[Repo]:
        self.git_dir()
        with gitsafe.open_repo(self.path) as repo:
            yield repo

    def repository(self) -> AbstractContextManager[Repo]:
        """The git repository, for reading (inside `action` to read under the negotiation's lock)."""
        return self._repo()

    @contextmanager
    def locked(self, wait: float = LOCK_WAIT) -> Iterator[Repo]:
        """Hold the negotiation's lock (recovering from a killed action first); yields the Repo
        (GitPython: for hosting; an action needs only `held`)."""
        with self.held(wait), gitsafe.open_repo(self.path) as repo:
            yield repo

    @contextmanager
    def held(self, wait: float = LOCK_WAIT) -> Iterator[Path]:
        """Hold the negotiation's lock (recovering from a killed action first); yields the git directory.

        Commands wait in turn (store.queue: first come, first served), then take the lock itself,
        which git children inherit; wait=0 takes it only if it is free this instant, queue or not."""
        git_dir = self.path / ".git"
        if not git_dir.is_dir():
            raise DraftroomError(f"{self.path} is not a negotiation's repository (no .git folder)")
        gitsafe.check_config(git_dir)  # before waiting
        with ExitStack() as stack:
            if wait > 0:
                stack.enter_context(queue.turn(git_dir, wait, f"negotiation {self.name}"))
            fd = os.open(git_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
            stack.callback(os.close, fd)
            try:  # in turn, only a git child of a killed command can still hold it: wait for it
                fcntl.flock(fd, fcntl.LOCK_EX if wait > 0 else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise queue.Busy(
                    f"negotiation {self.name} is busy: another draftroom command holds it"
                ) from None
            self._recover(git_dir, fd)
            self._lock_fd = fd
            try:
                yield git_dir
            finally:
                self._lock_fd = None

    def _recover(self, git_dir: Path, lock_fd: int) -> None:
        if not (git_dir / SENTINEL).exists() and not (git_dir / "index.lock").exists():
            return
        for stale in [git_dir / "index.lock", git_dir / "HEAD.lock", git_dir / "packed-refs.lock"]:
            stale.unlink(missing_ok=True)
        for stale in (git_dir / "refs").rglob("*.lock"):
            stale.unlink(missing_ok=True)
        reset_to_head(git_dir, lock_fd)
        head = gitlog.read_actions(git_dir, "-1")
        if head:
            ensure_tag(git_dir, head[0], lock_fd)
        (git_dir / SENTINEL).unlink(missing_ok=True)

    def _heal_if_idle(self) -> None:
        """Before reading: finish recovery of a killed action if nobody is acting right now."""
        if not (self.path / ".git" / SENTINEL).exists():
            return
        with suppress(DraftroomError), self.held(wait=0):
            pass

    # ---- acting -------------------------------------------------------------------------------
    @contextmanager
    def action(
        self,
        action: str,
        actor: str,
        *,
        email: str | None = None,
        paragraphs: list[str] | None = None,
        amendment: str | None = None,
        summary: str | None = None,
    ) -> Iterator[Transaction]:
        """Run one action: lock, yield a Transaction, one commit (+ tag), unlock, then the index update.

        Any exception inside the block rolls the work tree back to HEAD and propagates."""
        key = self.signer(actor) if self.signer else None
        with self.held() as repo:
            self.refuse_unsafe_start(repo)
            sentinel = self.path / ".git" / SENTINEL
            sentinel.write_text(f"{os.getpid()} {action}\n")
            txn = Transaction(self.path, action, actor, email or actor_email(actor))
            txn.paragraphs = list(paragraphs or [])
            txn.amendment = amendment
            txn.summary = summary or action
            txn.signing_key = key
            try:
                yield txn
                parent = head_sha(repo)
                done = txn.commit(repo, self._lock_fd)
            except BaseException:
                reset_to_head(repo, self._lock_fd)
                sentinel.unlink(missing_ok=True)
                raise
            sentinel.unlink(missing_ok=True)
            self.witness(done.commit)
            self._keep_outline(done.commit, lambda rel: working_file(self.path, rel))  # the work tree is it
        pause_for_tests("before-index")
        if self._index_loaded():  # the lock is the commit's only: the index catches up after it
            self._index_after(parent, done)
        if self.after:
            self.after(self, done)

    def has_remote(self) -> bool:
        """Whether the negotiation is hosted: its config names the remote (read without GitPython)."""
        prefix = f"remote.{REMOTE}."
        return any(k.lower().startswith(prefix) for k in gitsafe.config_keys(self.git_dir()))

    def refuse_unsafe_start(self, repo: plumbing.Where) -> None:
        """An action starts from the committed state, in a history draftroom has seen: refuse otherwise,
        leaving a git operation in progress, hand edits and a rewritten history as they are."""
        git_dir = self.path / ".git"
        for marker, what, abort in _GIT_OPERATIONS:
            if (git_dir / marker).exists():
                raise DraftroomError(
                    f"{what} is in progress in {self.path}: finish it or abort it (`git -C {self.path} {abort}`), then try again"
                )
        status = plumbing.change(repo, "status", "--porcelain", "--ignored", "--untracked-files=all")
        dirty = [e[3:] for e in status.splitlines()]
        if dirty:
            more = f" and {len(dirty) - 3} more" if len(dirty) > 3 else ""
            raise DraftroomError(
                f"{self.path} has changes no commit holds ({', '.join(dirty[:3])}{more}): draftroom acts on the "
                f"committed state only; commit them with git or drop them (`git -C {self.path} stash -u`)"
            )
        seen = self.witnessed()
        if seen and seen != head_sha(repo) and not plumbing.is_ancestor(repo, seen, head_sha(repo)):
            raise DraftroomError(
                f"the history of {self.name} was rewritten outside draftroom: it no longer holds commit {seen[:10]}; "
                f"put it back (`git -C {self.path} reset --hard {seen[:10]}`) or accept the new history with "
                f"`draftroom reindex {self.name}`"
            )

    @property
    def lock_fd(self) -> int:
        """The lock's descriptor, inherited by git children (see transaction); only while locked."""
        if self._lock_fd is None:
            raise RuntimeError("the negotiation is not locked")
        return self._lock_fd

    def witnessed(self) -> str | None:
        """The last commit draftroom made or accepted here (refs/draftroom/seen), if any: its file, or
        its line in packed-refs once git's gc has packed the refs."""
        ref = self.path / ".git" / SEEN
        return ref.read_text().strip() if ref.is_file() else plumbing.packed_ref(self.path / ".git", SEEN)

    def witness(self, commit: str) -> None:
        """Record `commit` as seen: history from then on may only grow."""
        ref = self.path / ".git" / SEEN
        ref.parent.mkdir(parents=True, exist_ok=True)
        tmp = ref.with_name(f".seen-{os.getpid()}")
        tmp.write_text(commit + "\n")
        os.replace(tmp, ref)

    # ---- the index ------------------------------------------------------------------------------
    def _index_loaded(self) -> bool:
        """Whether this process already uses the SQL index. A command that does not (an action from
        the CLI) leaves the index behind rather than load SQLAlchemy, which costs more than the action:
        every reader of the index brings it up to date from git first (`sync`)."""
        return self._index is not None or "draftroom.store.index" in sys.modules

    def index_state(self) -> tuple[str, int] | None:
        return self.index.indexed(str(self.path))

    def _summary(self, snap: Committed, actions: int) -> Summary:
        doc_meta = layout.read_document_meta(snap.read)
        state = snap.state()
        return Summary(
            path=str(self.path),
            name=self.name,
            home=str(self.home),
            symbol=doc_meta.get("symbol"),
            title=doc_meta.get("title") or "",
            language=doc_meta.get("language") or "",
            revision=state.revision,
            sponsor_count=len(snap.sponsors()),
            tabled=state.tabled,
            facilitator=state.facilitator,
            action_count=actions,
        )

    def _index_after(self, parent: str, done: Action) -> None:
        """Append the action just committed when the index stood at its parent; otherwise (another
        command moved it, or it was behind) catch up from git."""
        base = self.index_state()
        where = self.git_dir()
        if (
            base is None
            or base[0] != parent
            or not self._advance(base, done.commit, [done], Committed(where, done.commit))
        ):
            self._sync(where)

    def _advance(
        self, base: tuple[str, int] | None, commit: str, actions: list[Action], snap: Committed
    ) -> bool:
        """Move the index from `base` to `commit` by `actions` (oldest first; all of them when base is None).

        Revisions come from the actions' trailers, not from tags, so an index written between a
        revision's commit and its tag is still right. False when another process moved it first."""
        path = str(self.path)
        known = self.index.revisions(path) if base else []
        revisions = known + [r for a in actions if (r := gitlog.revision_of(a))]
        count = (base[1] if base else 0) + len(actions)
        summary = self._summary(snap, count)
        sponsors = snap.sponsors()
        return self.index.update(
            summary, base[0] if base else None, commit, actions, sponsors, revisions, replace=base is None
        )

    def sync(self) -> None:
        """Bring the index up to date with git (a no-op when it already is)."""
        self._heal_if_idle()
        self._sync(self.git_dir())

    def _sync(self, repo: plumbing.Where) -> None:
        head = head_sha(repo)
        base = self.index_state()
        if base and base[0] == head:
            return
        if base and not plumbing.is_ancestor(repo, base[0], head):
            self.index.forget(str(self.path))  # history was rewritten: start again
            base = None
        actions = gitlog.read_actions(repo, f"{base[0]}..{head}" if base else head)
        actions.reverse()
        self._advance(base, head, actions, Committed(repo, head))

    def reindex(self) -> None:
        """Rebuild this negotiation's index rows from git alone."""
        with self.held() as repo:
            self.index.forget(str(self.path))
            self._sync(repo)
            self.witness(head_sha(repo))

    # ---- reading --------------------------------------------------------------------------------
    def resolve_rev(self, repo: plumbing.Where, rev: str | None) -> str:
        """A user's revision ("rev-1", "Rev.1", "1", "latest") as a git revision; one-line error if unknown."""
        if rev is None or rev.strip().lower() in ("head", "latest", "current"):
            return "HEAD"
        typed = Revision.typed(rev)
        known = revision_tags(repo)
        if typed and typed.tag in known:
            return typed.tag
        raise DraftroomError(
            f"no revision {rev!r} in {self.name}: it has {', '.join(known)} (or use 'latest')"
        )

    def head(self) -> str:
        """The latest commit's sha, read from the refs' files (no git process), as `snapshot` reads it."""
        self._heal_if_idle()
        return plumbing.head_sha(self.git_dir())

    def snapshot(self, rev: str | None = None) -> Committed:
        """Every file at a revision (default: the latest commit), read from git objects, lock-free."""
        self._heal_if_idle()
        where = self.git_dir()
        return Committed(where, self.resolve_rev(where, rev))

    def document(self, rev: str | None = None) -> Document:
        return self.snapshot(rev).document()

    def outline(self, rev: str | None = None) -> Document:
        """The document's structure (ids, numbers, so labels) without reading paragraph texts: fast.

        The latest one's files are kept under its commit's sha (store.head_cache), by the action that
        made the commit (or the first lookup after another one did): resolving the label a user typed,
        as every `amend` does, then reads one small file and starts no git process."""
        if rev is not None:
            return self.snapshot(rev).outline()
        kept = HeadCache(self.git_dir(), OUTLINE_CACHE).get(f"{OUTLINE_FORMAT}\n{self.head()}", 0, 1, 2)
        if kept and isinstance(kept[0], list):
            files = dict(zip(layout.OUTLINE_FILES, kept[1], strict=True))
            return layout.read_outline(lambda rel: None if rel in kept[0] else files.get(rel))
        snap = self.snapshot()
        self._keep_outline(snap.commit, snap.read)
        return snap.outline()

    def _keep_outline(self, commit: str, read: layout.Reader) -> None:
        """Keep the outline's files at `commit` (read through `read`): the names of those it lacks, then
        each one's text in OUTLINE_FILES' order ("" for one it lacks)."""
        files = [read(rel) for rel in layout.OUTLINE_FILES]
        missing = [rel for rel, text in zip(layout.OUTLINE_FILES, files, strict=True) if text is None]
        HeadCache(self.git_dir(), OUTLINE_CACHE).put(
            f"{OUTLINE_FORMAT}\n{commit}", missing, [text or "" for text in files]
        )

    def state(self) -> NegotiationState:
        return self.snapshot().state()

    def summary(self) -> Summary:
        """What `list` shows, read from git at the latest commit (the index holds the same row).

        What it says of a commit never changes, so it is kept under the commit's sha
        (store.head_cache): listing a negotiation whose head has not moved since the last `list`
        reads one small file and starts no git process (two before: a home of twenty negotiations
        started forty)."""
        cache = HeadCache(self.git_dir(), SUMMARY_CACHE)
        kept = cache.get(f"{SUMMARY_FORMAT}\n{self.head()}")
        if kept and _kept_summary(kept[0]):
            return Summary(path=str(self.path), name=self.name, home=str(self.home), **kept[0])
        snap = self.snapshot()
        found = self._summary(snap, int(plumbing.git(self.git_dir(), "rev-list", "--count", snap.commit)))
        kept_fields = {k: v for k, v in found.to_json().items() if k in _SUMMARY_KEPT}
        cache.put(f"{SUMMARY_FORMAT}\n{snap.commit}", kept_fields, [])
        return found

    def log(self) -> list[Action]:
        """Every action, newest first, from the index (brought up to date from git first)."""
        self.sync()
        return self.index.actions(str(self.path))

    def sponsors(self) -> list[Sponsor]:
        """Sponsors in the order they joined, read from git (the index is for queries across negotiations)."""
        return self.snapshot().sponsors()

    def revisions(self) -> list[RevisionCut]:
        """The revisions cut, oldest first, from the commits' trailers."""
        actions = gitlog.read_actions(self.git_dir())
        return [r for a in reversed(actions) if (r := gitlog.revision_of(a))]

    def git_log(self) -> list[Action]:
        """Every action, newest first, read from git alone (what reindex rebuilds from)."""
        return gitlog.read_actions(self.git_dir())

    def outlines_before(self, actions: list[Action]) -> list[Document]:
        """For each action of `actions` (newest first, as `git_log` gives them), the document's
        outline as it stood when the action was taken (at its parent; the first commit's own): so its
        labels are the ones the actor saw. One `git log` finds the commits that changed the structure;
        one outline is read per such commit, however many actions fall between two of them."""
        where = self.git_dir()
        changed = set(plumbing.git(where, "log", "--format=%H", "--", layout.META, layout.STRUCTURE).split())
        outlines: dict[str, Document] = {}
        out: list[Document] = []
        before: str | None = None  # the newest structure change older than the action at hand
        for action in reversed(actions):
            source = before or action.commit
            if source not in outlines:
                outlines[source] = Committed(where, source).outline()
            out.append(outlines[source])
            if action.commit in changed:
                before = action.commit
        return out[::-1]

    def fsck(self) -> str:
        """`git fsck --strict` output; raises GitCommandError when the repository is damaged."""
        with self._repo() as repo:
            return repo.git.fsck("--strict", "--no-dangling")


SUMMARY_CACHE, SUMMARY_FORMAT = "summary", "summary 1"
OUTLINE_CACHE, OUTLINE_FORMAT = "outline", "outline 1"
# what a commit determines of its Summary, and the types each may have (path, name, home: the clone's)
_SUMMARY_KEPT: dict[str, tuple[type, ...]] = {
    "symbol": (str, type(None)),
    "title": (str,),
    "language": (str,),
    "revision": (int,),
    "sponsor_count": (int,),
    "tabled": (str, type(None)),
    "facilitator": (str, type(None)),
    "action_count": (int,),
}


def _kept_summary(value: object) -> bool:
    """Whether a kept value has the kept fields of a Summary, each of its type (a damaged or foreign
    file is computed again)."""
    return (
        isinstance(value, dict)
        and value.keys() == _SUMMARY_KEPT.keys()
        and all(type(value[k]) in kinds for k, kinds in _SUMMARY_KEPT.items())
    )


def revision_tags(repo: plumbing.Where) -> list[str]:
    """The revisions' tags, oldest first: rev-0, rev-1..."""
    cuts = (r for t in plumbing.tags(repo) if (r := Revision.from_tag(t)))
    return [r.tag for r in sorted(cuts)]


def _remove_stale_builds(path: Path) -> None:
    for tmp in path.parent.glob(f".{path.name}.new-*"):
        pid = tmp.name.rsplit("-", 1)[-1]
        number = decimal(pid)
        if number is not None and not _alive(number):
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


__all__ = ["PAUSE_ENV", "Committed", "Negotiation", "Transaction", "actor_email"]
