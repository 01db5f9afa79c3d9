"""One negotiation = one git repository; every action one commit, made under one lock.

See the package docstring (draftroom.store) for the contract. Crash safety rests on three rules:
a sentinel file in .git marks an action in progress, so the next command that takes the lock
finds it, removes stale git lock files and resets the work tree to HEAD (the whole action or
none of it); a revision tag is re-created from its commit's trailers if the crash fell between
the commit and the tag; and the SQL index is updated after the commit and brought up to date
from git whenever it is behind.
"""

import fcntl
import os
import re
import shutil
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from git import Repo
from git.exc import GitCommandError
from git.refs.symbolic import SymbolicReference

from draftroom.errors import DraftroomError
from draftroom.model import Document
from draftroom.store import gitlog, layout
from draftroom.store.records import Action, NegotiationState, Revision, Sponsor

if TYPE_CHECKING:  # the index pulls in SQLAlchemy: imported only by commands that use it
    from draftroom.store.index import Index, Summary

SENTINEL = "draftroom-action"  # in .git: an action is in progress (or was killed)
LOCK = "draftroom.lock"  # in .git: flock'ed for the whole of an action
LOCK_WAIT = 120.0  # seconds a command waits for another one acting on the same negotiation
PAUSE_ENV = "DRAFTROOM_TEST_PAUSE"  # "stage:seconds", for crash tests only
BRANCH = "main"


def actor_email(name: str) -> str:
    """A stable e-mail for a delegation or person: "Russian Federation" -> russian-federation@draftroom.invalid."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return f"{slug or 'u' + name.encode().hex()[:32]}@draftroom.invalid"


def _pause(stage: str) -> None:
    """Test hook: PAUSE_ENV="stage:seconds[:marker]" sleeps at `stage`, first creating the marker file."""
    want, _, rest = os.environ.get(PAUSE_ENV, "").partition(":")
    if want == stage:
        seconds, _, marker = rest.partition(":")
        if marker:
            Path(marker).touch()
        time.sleep(float(seconds or 30))


def _safe_rel(rel: str) -> str:
    p = PurePosixPath(rel)
    bad = (
        not rel
        or p.is_absolute()
        or ".." in p.parts
        or p.parts[0] == ".git"
        or any(ord(c) < 32 for c in rel)
        or "\\" in rel
    )
    if bad:
        raise DraftroomError(f"{rel!r} is not a plain relative file path inside the negotiation")
    if rel in (
        layout.META,
        layout.STRUCTURE,
        layout.FOOTNOTES,
        layout.SPONSORS,
        layout.STATE,
    ) or rel.startswith(layout.TEXT_DIR):
        raise DraftroomError(f"{rel} belongs to the document: change it through the transaction's doc")
    return str(p)


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _now() -> str:
    return datetime.now().astimezone().replace(microsecond=0).isoformat()


class Snapshot:
    """Every file of one commit, read once: the document, state, sponsors and any other file."""

    def __init__(self, repo: Repo, rev: str) -> None:
        commit = repo.commit(rev)
        self.commit = commit.hexsha
        self.files: dict[str, str] = {
            str(b.path): b.data_stream.read().decode("utf-8")
            for b in commit.tree.traverse()
            if b.type == "blob"
        }

    def read(self, rel: str) -> str | None:
        return self.files.get(rel)

    def document(self) -> Document:
        doc = layout.read_document(self.read)
        doc.sponsors = [s.name for s in self.sponsors()]
        return doc

    def state(self) -> NegotiationState:
        return layout.read_state(self.read)

    def sponsors(self) -> list[Sponsor]:
        return layout.read_sponsors(self.read)


class Transaction:
    """What an action may read and change; committed as one commit when the `with` block ends."""

    def __init__(self, path: Path, action: str, actor: str, email: str) -> None:
        self.path = path
        self.action = gitlog.one_line(action, "action")
        self.actor = gitlog.one_line(actor, "actor")
        self.email = email
        self.summary = action  # the commit subject; set a sentence such as "China joins the sponsors"
        self.paragraphs: list[str] = []  # ids of the paragraphs this action touches (Paragraph: trailers)
        self.amendment: str | None = None  # the amendment id this action is about (Amendment: trailer)
        self.extra_trailers: list[tuple[str, str]] = []
        self.revision: tuple[int, str | None, str] | None = None  # (number, symbol, ISO date) if cut
        self._doc: Document | None = None
        self._doc_files: dict[str, str] = {}
        self._state: NegotiationState | None = None
        self._sponsors: list[Sponsor] | None = None
        self._touched: set[str] = set()

    # ---- reading and changing -------------------------------------------------------------
    def _disk(self, rel: str) -> str | None:
        p = self.path / rel
        return p.read_text(encoding="utf-8") if p.is_file() else None

    def _recording(self, rel: str) -> str | None:
        data = self._disk(rel)
        if data is not None:
            self._doc_files[rel] = data
        return data

    @property
    def doc(self) -> Document:
        """The working document, loaded on first use; change it in place (or assign a new one)."""
        if self._doc is None:
            self._doc = layout.read_document(self._recording)
            self._doc.sponsors = [s.name for s in self.sponsors]
        return self._doc

    @doc.setter
    def doc(self, value: Document) -> None:
        _ = self.doc  # load what is on disk, so files the new document drops are deleted
        self._doc = value

    @property
    def state(self) -> NegotiationState:
        if self._state is None:
            self._state = layout.read_state(self._disk)
        return self._state

    @property
    def sponsors(self) -> list[Sponsor]:
        """The sponsors in the order they joined; change the list in place."""
        if self._sponsors is None:
            self._sponsors = layout.read_sponsors(self._disk)
        return self._sponsors

    def read_file(self, rel: str) -> str | None:
        return self._disk(_safe_rel(rel))

    def write_file(self, rel: str, text: str) -> None:
        rel = _safe_rel(rel)
        _write_atomic(self.path / rel, text)
        self._touched.add(rel)

    def delete_file(self, rel: str) -> None:
        rel = _safe_rel(rel)
        (self.path / rel).unlink(missing_ok=True)
        self._touched.add(rel)

    def list_files(self, prefix: str = "") -> list[str]:
        """Relative paths of the files under a folder (e.g. "amendments/"), sorted."""
        base = self.path / _safe_rel(prefix.rstrip("/")) if prefix.strip("/") else self.path
        if not base.is_dir():
            return []
        return sorted(
            p.relative_to(self.path).as_posix()
            for p in base.rglob("*")
            if p.is_file() and ".git" not in p.relative_to(self.path).parts and not p.name.startswith(".")
        )

    def cut_revision(self, symbol: str | None, date: str, number: int | None = None) -> str:
        """Make this action's commit a revision (annotated tag rev-N); returns the tag name."""
        n = self.state.revision + 1 if number is None else number
        self.state.revision = n
        self.revision = (n, symbol, date)
        return f"rev-{n}"

    # ---- committing -------------------------------------------------------------------------
    def _put(self, rel: str, text: str | None, before: str | None) -> None:
        if text == before:
            return
        if text is None:
            (self.path / rel).unlink(missing_ok=True)
        else:
            _write_atomic(self.path / rel, text)
        self._touched.add(rel)

    def _write_back(self) -> None:
        if self._doc is not None:
            files = layout.document_files(self._doc)
            for rel, text in files.items():
                self._put(rel, text, self._doc_files.get(rel) if rel in self._doc_files else self._disk(rel))
            for rel in self._doc_files:
                if rel.startswith(layout.TEXT_DIR) and rel not in files:
                    self._put(rel, None, self._doc_files[rel])
        if self._state is not None:
            self._put(layout.STATE, layout.state_file(self._state), self._disk(layout.STATE))
        if self._sponsors is not None:
            self._put(layout.SPONSORS, layout.sponsors_file(self._sponsors), self._disk(layout.SPONSORS))

    def trailers(self) -> list[tuple[str, str]]:
        out = [(gitlog.ACTION, self.action), (gitlog.ACTOR, self.actor)]
        out += [(gitlog.PARAGRAPH, p) for p in dict.fromkeys(self.paragraphs)]
        if self.amendment:
            out.append((gitlog.AMENDMENT, self.amendment))
        if self.revision:
            n, symbol, date = self.revision
            out.append((gitlog.REVISION, f"rev-{n}"))
            if symbol:
                out.append((gitlog.SYMBOL, symbol))
            out.append((gitlog.REVISION_DATE, date))
        return out + self.extra_trailers

    def commit(self, repo: Repo, lock_fd: int | None = None) -> Action:
        """Write back, stage, commit (and tag); the Action as the log will show it.

        Git runs with the lock's descriptor inherited, so a git child orphaned by a SIGKILL keeps
        the negotiation locked until it has finished, and recovery never races with it."""
        self._write_back()
        _pause("before-commit")
        if self._touched:
            _git(repo, lock_fd, "add", "-A", "--", *sorted(self._touched))
        when = _now()
        env = {
            "GIT_AUTHOR_NAME": self.actor,
            "GIT_AUTHOR_EMAIL": self.email,
            "GIT_COMMITTER_NAME": self.actor,
            "GIT_COMMITTER_EMAIL": self.email,
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
        }
        msg = gitlog.message(self.summary, self.trailers())
        msg_file = self.path / ".git" / "DRAFTROOM_MSG"
        msg_file.write_text(msg, encoding="utf-8")
        _git(repo, lock_fd, "commit", "-q", "--allow-empty", "--no-verify", "-F", str(msg_file), env=env)
        _pause("after-commit")
        sha = head_sha(repo)
        subject = msg.split("\n", 1)[0]
        action = gitlog.action_from(sha, when, self.actor, self.email, subject, gitlog.parse_trailers(msg))
        _tag(repo, action, lock_fd, env)
        return action


def head_sha(repo: Repo) -> str:
    """The commit HEAD points to, read from the refs alone (no git process)."""
    return str(SymbolicReference.dereference_recursive(repo, "HEAD"))


def _git(repo: Repo, lock_fd: int | None, *args: str, env: dict[str, str] | None = None) -> None:
    """A git command that changes the repository, holding the negotiation's lock while it runs."""
    repo.git.execute(["git", *args], env=env, pass_fds=(lock_fd,) if lock_fd is not None else ())


def _reset_to_head(repo: Repo, lock_fd: int) -> None:
    _git(repo, lock_fd, "reset", "-q", "--hard", "HEAD")
    _git(repo, lock_fd, "clean", "-qfdx")


def _tag(repo: Repo, action: Action, lock_fd: int | None, env: dict[str, str] | None = None) -> None:
    text = gitlog.tag_message(action)
    if text is None or action.revision is None or action.revision in {t.name for t in repo.tags}:
        return
    tag_file = Path(repo.git_dir) / "DRAFTROOM_TAGMSG"
    tag_file.write_text(text, encoding="utf-8")
    _git(repo, lock_fd, "tag", "-a", action.revision, action.commit, "-F", str(tag_file), env=env)


class Negotiation:
    """One negotiation's repository. Cheap to make; opens git only inside its methods."""

    def __init__(self, path: Path, index: "Index | None" = None) -> None:
        self.path = Path(path).absolute()
        self.name = self.path.name
        self.home = self.path.parent
        self._index = index
        self._lock_fd: int | None = None

    @property
    def index(self) -> "Index":
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
        index: "Index | None" = None,
    ) -> "Negotiation":
        """A new negotiation at `path` (which must not exist): one commit `new`, tagged rev-0.

        Built in a hidden sibling directory and renamed into place, so a crash leaves nothing."""
        path = Path(path).absolute()
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_builds(path)
        tmp = path.parent / f".{path.name}.new-{os.getpid()}"
        try:
            with Repo.init(tmp, initial_branch=BRANCH) as repo:
                with repo.config_writer() as cw:
                    cw.set_value("user", "name", "draftroom")
                    cw.set_value("user", "email", "draftroom@draftroom.invalid")
                    cw.set_value("core", "quotePath", "false")
                    cw.set_value("gc", "autoDetach", "false")
                txn = Transaction(tmp, "new", actor, email or actor_email(actor))
                txn._doc, txn._state, txn._sponsors = (
                    doc,
                    NegotiationState(path.name, date, facilitator),
                    sponsors,
                )
                txn.summary = f"New negotiation {path.name}" + (f" on {doc.symbol}" if doc.symbol else "")
                txn.cut_revision(doc.symbol, date, number=0)
                txn.commit(repo)
            try:
                os.rename(tmp, path)
            except OSError:
                raise DraftroomError(f"a negotiation {path.name!r} already exists in {path.parent}") from None
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        neg = cls(path, index)
        neg.sync()
        return neg

    # ---- locking and recovery -----------------------------------------------------------
    @contextmanager
    def _repo(self) -> Iterator[Repo]:
        with Repo(self.path) as repo:
            yield repo

    @contextmanager
    def locked(self, wait: float = LOCK_WAIT) -> Iterator[Repo]:
        """Hold the negotiation's lock (recovering from a killed action first); yields the Repo."""
        fd = os.open(self.path / ".git" / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise DraftroomError(
                            f"negotiation {self.name} is busy: another draftroom command has held it for {wait:.0f} s; try again"
                        ) from None
                    time.sleep(0.01)
            with self._repo() as repo:
                self._recover(repo, fd)
                self._lock_fd = fd
                try:
                    yield repo
                finally:
                    self._lock_fd = None
        finally:
            os.close(fd)

    def _recover(self, repo: Repo, lock_fd: int) -> None:
        git_dir = self.path / ".git"
        if not (git_dir / SENTINEL).exists() and not (git_dir / "index.lock").exists():
            return
        for stale in [git_dir / "index.lock", git_dir / "HEAD.lock", git_dir / "packed-refs.lock"]:
            stale.unlink(missing_ok=True)
        for stale in (git_dir / "refs").rglob("*.lock"):
            stale.unlink(missing_ok=True)
        _reset_to_head(repo, lock_fd)
        head = gitlog.read_actions(repo, "-1")
        if head:
            _tag(repo, head[0], lock_fd)
        (git_dir / SENTINEL).unlink(missing_ok=True)

    def _heal_if_idle(self) -> None:
        """Before reading: finish recovery of a killed action if nobody is acting right now."""
        if not (self.path / ".git" / SENTINEL).exists():
            return
        with suppress(DraftroomError), self.locked(wait=0):
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
        """Run one action: lock, yield a Transaction, then one commit (+ tag) and the index update.

        Any exception inside the block rolls the work tree back to HEAD and propagates."""
        with self.locked() as repo:
            sentinel = self.path / ".git" / SENTINEL
            sentinel.write_text(f"{os.getpid()} {action}\n")
            txn = Transaction(self.path, action, actor, email or actor_email(actor))
            txn.paragraphs = list(paragraphs or [])
            txn.amendment = amendment
            txn.summary = summary or action
            try:
                yield txn
                base = self.index_state()
                parent = head_sha(repo)
                done = txn.commit(repo, self._lock_fd)
            except BaseException:
                _reset_to_head(repo, self._lock_fd)  # type: ignore[arg-type]
                sentinel.unlink(missing_ok=True)
                raise
            sentinel.unlink(missing_ok=True)
            _pause("before-index")
            self._index_after(repo, base, parent, done)

    # ---- the index ------------------------------------------------------------------------------
    def index_state(self) -> tuple[str, int] | None:
        return self.index.indexed(str(self.path))

    def _summary(self, read: layout.Reader, actions: int) -> "Summary":
        from draftroom.store.index import Summary

        doc_meta = layout.read_document_meta(read)
        state = layout.read_state(read)
        return Summary(
            path=str(self.path),
            name=self.name,
            home=str(self.home),
            symbol=doc_meta.get("symbol"),
            title=doc_meta.get("title") or "",
            language=doc_meta.get("language") or "",
            revision=state.revision,
            sponsor_count=len(layout.read_sponsors(read)),
            tabled=state.tabled,
            facilitator=state.facilitator,
            action_count=actions,
        )

    def _index_after(self, repo: Repo, base: tuple[str, int] | None, parent: str, done: Action) -> None:
        """Append the action just committed when the index was current; otherwise catch up from git."""
        if (
            base is None
            or base[0] != parent
            or not self._advance(base, done.commit, [done], self._disk_reader())
        ):
            self._sync(repo)

    def _disk_reader(self) -> layout.Reader:
        """Files of the work tree (equal to HEAD right after an action's commit, under the lock)."""

        def read(rel: str) -> str | None:
            p = self.path / rel
            return p.read_text(encoding="utf-8") if p.is_file() else None

        return read

    def _advance(
        self, base: tuple[str, int] | None, commit: str, actions: list[Action], read: layout.Reader
    ) -> bool:
        """Move the index from `base` to `commit` by `actions` (oldest first; all of them when base is None).

        Revisions come from the actions' trailers, not from tags, so an index written between a
        revision's commit and its tag is still right. False when another process moved it first."""
        path = str(self.path)
        known = self.index.revisions(path) if base else []
        revisions = known + [r for a in actions if (r := gitlog.revision_of(a))]
        count = (base[1] if base else 0) + len(actions)
        summary = self._summary(read, count)
        sponsors = layout.read_sponsors(read)
        return self.index.update(
            summary, base[0] if base else None, commit, actions, sponsors, revisions, replace=base is None
        )

    def sync(self) -> None:
        """Bring the index up to date with git (a no-op when it already is)."""
        self._heal_if_idle()
        with self._repo() as repo:
            self._sync(repo)

    def _sync(self, repo: Repo) -> None:
        head = head_sha(repo)
        base = self.index_state()
        if base and base[0] == head:
            return
        if base and not repo.is_ancestor(base[0], head):
            self.index.forget(str(self.path))  # history was rewritten: start again
            base = None
        actions = gitlog.read_actions(repo, f"{base[0]}..{head}" if base else head)
        actions.reverse()
        self._advance(base, head, actions, _HeadFiles(repo, head).read)

    def reindex(self) -> None:
        """Rebuild this negotiation's index rows from git alone."""
        with self.locked() as repo:
            self.index.forget(str(self.path))
            self._sync(repo)

    # ---- reading --------------------------------------------------------------------------------
    def resolve_rev(self, repo: Repo, rev: str | None) -> str:
        """A user's revision ("rev-1", "Rev.1", "1", "latest") as a git revision; one-line error if unknown."""
        if rev is None or rev.strip().lower() in ("", "head", "latest", "current"):
            return "HEAD"
        m = re.fullmatch(r"(?i)\s*(?:rev)?[-._ ]?(\d+)\s*", rev)
        known = sorted(
            (t.name for t in repo.tags if re.fullmatch(r"rev-\d+", t.name)), key=lambda t: int(t[4:])
        )
        if m and f"rev-{int(m.group(1))}" in known:
            return f"rev-{int(m.group(1))}"
        raise DraftroomError(
            f"no revision {rev!r} in {self.name}: it has {', '.join(known)} (or use 'latest')"
        )

    def snapshot(self, rev: str | None = None) -> Snapshot:
        """Every file at a revision (default: the latest commit), read from git objects, lock-free."""
        self._heal_if_idle()
        with self._repo() as repo:
            return Snapshot(repo, self.resolve_rev(repo, rev))

    def document(self, rev: str | None = None) -> Document:
        return self.snapshot(rev).document()

    def outline(self, rev: str | None = None) -> Document:
        """The document's structure (ids, numbers, so labels) without reading paragraph texts: fast."""
        with self._repo() as repo:
            files = _HeadFiles(repo, self.resolve_rev(repo, rev))
            return layout.read_document(
                lambda rel: "" if rel.startswith(layout.TEXT_DIR) else files.read(rel)
            )

    def state(self) -> NegotiationState:
        with self._repo() as repo:
            return layout.read_state(_HeadFiles(repo, "HEAD").read)

    def log(self) -> list[Action]:
        """Every action, newest first, from the index (brought up to date from git first)."""
        self.sync()
        return self.index.actions(str(self.path))

    def sponsors(self) -> list[Sponsor]:
        """Sponsors in the order they joined, from the index (brought up to date first)."""
        self.sync()
        return self.index.sponsors(str(self.path))

    def revisions(self) -> list[Revision]:
        self.sync()
        return self.index.revisions(str(self.path))

    def git_log(self) -> list[Action]:
        """Every action, newest first, read from git alone (what reindex rebuilds from)."""
        with self._repo() as repo:
            return gitlog.read_actions(repo)

    def fsck(self) -> str:
        """`git fsck --strict` output; raises GitCommandError when the repository is damaged."""
        with self._repo() as repo:
            return repo.git.fsck("--strict", "--no-dangling")


class _HeadFiles:
    """Lazy reader of single files at one commit (for the few files the index needs)."""

    def __init__(self, repo: Repo, rev: str) -> None:
        self.tree = repo.commit(rev).tree

    def read(self, rel: str) -> str | None:
        try:
            return (self.tree / rel).data_stream.read().decode("utf-8")
        except KeyError:
            return None


def _remove_stale_builds(path: Path) -> None:
    for tmp in path.parent.glob(f".{path.name}.new-*"):
        pid = tmp.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(tmp, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


__all__ = ["GitCommandError", "Negotiation", "Snapshot", "Transaction", "actor_email"]
