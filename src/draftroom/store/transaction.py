"""One action's changes, and the git commands that commit them while the negotiation's lock is held.

Git runs with the lock's descriptor inherited, so a git child orphaned by a SIGKILL keeps the
negotiation locked until it has finished, and recovery never races with it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path, PurePosixPath

from draftroom.clock import local_stamp
from draftroom.errors import DraftroomError
from draftroom.files import write_atomically
from draftroom.model import Document, Revision
from draftroom.store import gitlog, layout
from draftroom.store.amendments import ROLES, Amendments, read_facilitators, roles_file
from draftroom.store.gitsafe import config_keys
from draftroom.store.plumbing import Where, change, git_dir, head_sha, tags
from draftroom.store.records import Action, NegotiationState, Sponsor

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from typing import Any

PAUSE_ENV = "DRAFTROOM_TEST_PAUSE"  # "stage:seconds[:marker]", for crash tests only


def actor_email(name: str) -> str:
    """A stable e-mail for a delegation or person: "Russian Federation" -> russian-federation@draftroom.invalid."""
    return f"{layout.slug(name)}@draftroom.invalid"


def pause_for_tests(stage: str) -> None:
    """Test hook: PAUSE_ENV="stage:seconds[:marker]" sleeps at `stage`, first creating the marker file."""
    want, _, rest = os.environ.get(PAUSE_ENV, "").partition(":")
    if want == stage:
        seconds, _, marker = rest.partition(":")
        if marker:
            Path(marker).touch()
        time.sleep(float(seconds or 30))


def _plain_rel(rel: str) -> str:
    """`rel` as a plain relative path inside the negotiation; a one-line error for anything else."""
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
    return str(p)


def _safe_rel(rel: str) -> str:
    """A file an action may write directly: a plain path, and not one of the document's own."""
    plain = _plain_rel(rel)
    if rel in (
        layout.META,
        layout.STRUCTURE,
        layout.FOOTNOTES,
        layout.SPONSORS,
        layout.STATE,
        ROLES,
    ) or rel.startswith((layout.TEXT_DIR, layout.SPONSORS_DIR)):
        raise DraftroomError(f"{rel} belongs to the document: change it through the transaction's doc")
    return plain


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)  # amendments/, text/: folders come with their files
    write_atomically(path, text)


def _now() -> str:
    return local_stamp()


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
        self.signing_key: str | None = None  # the actor's private SSH key: the commit is signed with it
        self.revision: tuple[Revision, str | None, str] | None = None  # (revision, symbol, ISO date) if cut
        self._doc: Document | None = None
        self._doc_files: dict[str, str] = {}
        self._state: NegotiationState | None = None
        self._sponsors: list[Sponsor] | None = None
        self._sponsor_records: dict[str, dict[str, Any]] = {}  # as the action found them
        self._touched: set[str] = set()
        self._disk = layout.disk_reader(path)
        self._listing = layout.disk_lister(path)

    def start_with(self, doc: Document, state: NegotiationState, sponsors: list[Sponsor]) -> None:
        """For a new negotiation: everything is new, nothing is on disk yet."""
        self._doc, self._state, self._sponsors = doc, state, sponsors

    # ---- reading and changing -------------------------------------------------------------

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
            self._sponsor_records = layout.sponsor_records(self._disk, self._listing)
            self._sponsors = layout.read_sponsors(self._disk, self._listing)
        return self._sponsors

    @property
    def amendments(self) -> Amendments:
        """The amendment files as the action leaves them: read, look up by id, save."""
        return Amendments(self._disk, lambda: self.list_files(layout.AMENDMENTS_DIR), self.write_file)

    @property
    def facilitators(self) -> list[str] | None:
        """The facilitators roles.json names (None while the roles were never changed)."""
        return read_facilitators(self._disk)

    @facilitators.setter
    def facilitators(self, names: list[str]) -> None:
        self._put(ROLES, roles_file(names), self._disk(ROLES))

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

    def restore(self, rel: str, text: str | None) -> None:
        """Put a file back as an earlier commit had it (None: it did not exist), document files
        included: for undoing an action, which never loads the document."""
        if self._doc is not None:
            raise DraftroomError("restore and a change to the document cannot be one action")
        self._put(_plain_rel(rel), text, self._disk(rel))

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

    def cut_revision(self, symbol: str | None, date: str, revision: Revision | None = None) -> str:
        """Make this action's commit a revision (annotated tag rev-N, by default the next number);
        returns the tag name."""
        cut = revision or Revision(self.state.revision + 1)
        self.state.revision = cut.number
        self.revision = (cut, symbol, date)
        return cut.tag

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
        if self._sponsors is not None:  # one file each; sponsors.json (made before) goes
            orders = {rel: int(r.get("order", 0)) for rel, r in self._sponsor_records.items()}
            files = layout.sponsor_files(self._sponsors, orders)
            for rel in [*self._sponsor_records, layout.SPONSORS]:
                if rel not in files:
                    self._put(rel, None, self._disk(rel))
            for rel, text in files.items():
                self._put(rel, text, self._disk(rel))

    def trailers(self) -> list[tuple[str, str]]:
        out = [(gitlog.ACTION, self.action), (gitlog.ACTOR, self.actor)]
        out += [(gitlog.PARAGRAPH, p) for p in dict.fromkeys(self.paragraphs)]
        if self.amendment:
            out.append((gitlog.AMENDMENT, self.amendment))
        if self.revision:
            cut, symbol, date = self.revision
            out.append((gitlog.REVISION, cut.tag))
            if symbol:
                out.append((gitlog.SYMBOL, symbol))
            out.append((gitlog.REVISION_DATE, date))
        return out + self.extra_trailers

    def commit(self, repo: Where, lock_fd: int | None = None) -> Action:
        """Write back, stage, commit (and tag); the Action as the log will show it.

        Built with git's plumbing from the paths the action wrote or removed, which it knows: the
        index takes just those (`update-index`), `write-tree` makes the tree, `commit-tree` the
        commit (signed with -S when the action has a key) and `update-ref` moves the branch only if
        it still stands at the parent. Nothing looks at the rest of the work tree again, which
        `refuse_unsafe_start` found clean (`git add` and `git commit` each scanned all of it).

        Git runs with the lock's descriptor inherited, so a git child orphaned by a SIGKILL keeps
        the negotiation locked until it has finished, and recovery never races with it."""
        self._write_back()
        pause_for_tests("before-commit")
        if self._touched:
            paths = "".join(f"{rel}\0" for rel in sorted(self._touched)).encode("utf-8")
            _git(repo, lock_fd, "update-index", "--add", "--remove", "-z", "--stdin", stdin=paths)
        tree = change(repo, "write-tree", lock_fd=lock_fd).strip()
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
        parent = _branch_head(repo)
        parents = ["-p", parent] if parent else []
        sign = [*sign_options(self.signing_key), "commit-tree", "-S"] if self.signing_key else ["commit-tree"]
        sha = change(repo, *sign, tree, *parents, env=env, lock_fd=lock_fd, stdin=msg.encode("utf-8")).strip()
        subject = msg.split("\n", 1)[0]
        reflog = f"commit{'' if parent else ' (initial)'}: {subject}"
        _git(repo, lock_fd, "update-ref", "-m", reflog, "HEAD", sha, parent or ZERO_OID)
        if may_need_packing(git_dir(repo)):
            _git(repo, lock_fd, "maintenance", "run", "--auto", "--quiet")
        pause_for_tests("after-commit")
        action = gitlog.action_from(sha, when, self.actor, self.email, subject, gitlog.parse_trailers(msg))
        ensure_tag(repo, action, lock_fd, env)
        return action


ZERO_OID = "0" * 40  # update-ref's old value for a branch that must not exist yet


def _branch_head(repo: Where) -> str | None:
    """The commit HEAD points to, or None before the first commit (a branch not born yet)."""
    try:
        return head_sha(repo)
    except DraftroomError:
        return None


_HEX = frozenset("0123456789abcdef")
PACK_LIMIT = 50  # git's gc.autoPackLimit when the repository does not set it


def may_need_packing(git_dir: Path) -> bool:
    """Whether `git maintenance run --auto` might find work: git's own test for loose objects (more
    than gc.auto / 256 in objects/17, so more than one for any gc.auto, draftroom's 256 among them)
    or for packs (more than gc.autoPackLimit: 50 unless the repository sets it); two folder
    listings (the config's keys are known since the action began), no git process."""
    try:
        loose = sum(
            1 for n in os.listdir(git_dir / "objects" / "17") if len(n) in (38, 62) and _HEX.issuperset(n)
        )
    except OSError:
        loose = 0
    if loose > 1:
        return True
    try:
        names = set(os.listdir(git_dir / "objects" / "pack"))
    except OSError:
        return False
    packs = sum(1 for n in names if n.endswith(".pack") and n[:-5] + ".keep" not in names)
    limit = 1 if "gc.autopacklimit" in (k.lower() for k in config_keys(git_dir)) else PACK_LIMIT
    return packs > limit


def sign_options(key_file: str) -> list[str]:
    """The git options that sign the next commit with an SSH key (git's SSH signing)."""
    return ["-c", "gpg.format=ssh", "-c", f"user.signingKey={key_file}"]


def _git(
    repo: Where,
    lock_fd: int | None,
    *args: str,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
) -> None:
    """A git command that changes the repository, holding the negotiation's lock while it runs."""
    change(repo, *args, env=env, lock_fd=lock_fd, stdin=stdin)


def reset_to_head(repo: Where, lock_fd: int | None) -> None:
    _git(repo, lock_fd, "reset", "-q", "--hard", "HEAD")
    _git(repo, lock_fd, "clean", "-qfdx")


def ensure_tag(repo: Where, action: Action, lock_fd: int | None, env: dict[str, str] | None = None) -> None:
    text = gitlog.tag_message(action)
    if text is None or action.revision is None or action.revision in tags(repo):
        return
    tag_file = git_dir(repo) / "DRAFTROOM_TAGMSG"
    tag_file.write_text(text, encoding="utf-8")
    _git(repo, lock_fd, "tag", "-a", action.revision, action.commit, "-F", str(tag_file), env=env)
