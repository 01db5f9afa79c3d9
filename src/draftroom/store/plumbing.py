"""Reading a repository with git's plumbing alone, without GitPython (whose import costs more than
a whole read command): refs from their files, objects through one long-lived `git cat-file --batch`
per repository, other answers (`git log`, `git for-each-ref`) from one git process each.

Every git process gets gitsafe's overrides (no hooks, no fsmonitor). The functions take a GitPython
`Repo` or a git directory, so code holding a Repo inside an action reads the same way.
"""

from __future__ import annotations

import atexit
import os
from collections import OrderedDict
from contextlib import suppress
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.store import spawn
from draftroom.store.gitsafe import environment

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from typing import IO, TypeAlias

    from git import Repo

    Where: TypeAlias = Repo | Path | str  # a repository: a GitPython Repo or its git directory
else:
    Where = object  # (for annotations only, as above)
_HEX = frozenset("0123456789abcdef")
TREE_MODE = b"40000"
SUBMODULE_MODE = b"160000"
_CHUNK = 512  # requests written before their answers are read: well within a pipe's buffer
_OPEN = 8  # cat-file processes kept (one per repository, the least recently used closed first)


def git_dir(where: Where) -> Path:
    return Path(where) if isinstance(where, str | Path) else Path(where.git_dir)


def git(where: Where, *args: str, stdin: bytes | None = None) -> str:
    """A git command's output (UTF-8), run in the repository; a one-line error when git fails."""
    root = git_dir(where)
    return _run(["--git-dir", str(root)], args, root, stdin=stdin)


def _run(
    options: list[str],
    args: tuple[str, ...],
    where: Path,
    *,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    lock_fd: int | None = None,
) -> str:
    """`git OPTIONS... ARGS...` with gitsafe's overrides: its output, or a one-line error naming the
    git command (the first of `args` that is not an option) and `where` when git fails."""
    code, out, err = spawn.run(
        ["git", *options, *args],
        {**os.environ, **environment(), **(env or {})},
        input=stdin,
        pass_fds=() if lock_fd is None else (lock_fd,),
    )
    if code != 0:
        problem = err.decode("utf-8", "replace").strip().splitlines()
        verb = next((a for a in args if not a.startswith("-") and "=" not in a), "")
        raise DraftroomError(f"git {verb} failed in {where}: {problem[-1] if problem else code}")
    return out.decode("utf-8")


def work_tree(where: Where) -> Path | None:
    """The repository's work tree (None for a bare one, such as a hosting repository NAME.git)."""
    if not isinstance(where, str | Path):
        return Path(where.working_tree_dir) if where.working_tree_dir else None
    root = Path(where)
    return root.parent if root.name == ".git" else None


def change(
    where: Where,
    *args: str,
    env: dict[str, str] | None = None,
    lock_fd: int | None = None,
    stdin: bytes | None = None,
) -> str:
    """A git command that changes the repository (and its work tree, if it has one), run with the
    negotiation's lock descriptor `lock_fd` inherited; its output, or a one-line error when git fails."""
    root, tree = git_dir(where).absolute(), work_tree(where)
    inside = (tree or root).absolute()  # git runs there (-C), as in the work tree's own folder
    options = ["-C", str(inside), "--git-dir", str(root), *(["--work-tree", str(inside)] if tree else [])]
    return _run(options, args, tree or git_dir(where), env=env, lock_fd=lock_fd, stdin=stdin)


def is_ancestor(where: Where, older: str, newer: str) -> bool:
    """Whether commit `older` is in the history of `newer` (False when either is not a commit here)."""
    argv = ["git", "--git-dir", str(git_dir(where)), "merge-base", "--is-ancestor", older, newer]
    return spawn.run(argv, {**os.environ, **environment()})[0] == 0


def head_sha(where: Where) -> str:
    """The commit HEAD points to, read from the refs' files (no git process)."""
    root = git_dir(where)
    ref = (root / "HEAD").read_text(encoding="utf-8").strip()
    for _ in range(5):  # a symbolic ref may point to another one
        if not ref.startswith("ref: "):
            return ref
        name = ref[5:].strip()
        loose = root / name
        found = loose.read_text(encoding="utf-8").strip() if loose.is_file() else packed_ref(root, name)
        if found is None:
            raise DraftroomError(f"{root}: {name} points nowhere (a repository without commits?)")
        ref = found
    raise DraftroomError(f"HEAD of {root} is a loop of symbolic refs: repair it with git")


def packed_ref(root: Path, name: str) -> str | None:
    """The sha `name` ("refs/heads/main") has in packed-refs (where git's gc moves refs), or None."""
    packed = root / "packed-refs"
    lines = packed.read_text(encoding="utf-8").splitlines() if packed.is_file() else []
    for line in lines:
        sha, _, ref = line.partition(" ")
        if ref == name:
            return sha
    return None


def tags(where: Where) -> list[str]:
    """The names of the tags, in git's order."""
    return git(where, "for-each-ref", "--format=%(refname:lstrip=2)", "refs/tags").splitlines()


class _Batch:
    """One `git cat-file --batch`: object names in, (type, bytes) out, in order."""

    def __init__(self, root: Path) -> None:
        argv = ["git", "--git-dir", str(root), "cat-file", "--batch"]
        self.proc = spawn.start(argv, {**os.environ, **environment()}, stdin=True, stderr=False)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin = open(self.proc.stdin, "wb")  # noqa: SIM115 (closed by close())
        self.stdout = open(self.proc.stdout, "rb")  # noqa: SIM115

    def objects(self, names: list[str]) -> list[tuple[str, bytes] | None]:
        inp, out = self._pipes()
        found: list[tuple[str, bytes] | None] = []
        for start in range(0, len(names), _CHUNK):
            chunk = names[start : start + _CHUNK]
            inp.write("".join(f"{n}\n" for n in chunk).encode("utf-8"))
            inp.flush()
            for _ in chunk:
                header = out.readline().split()
                if len(header) != 3:  # "<name> missing" (or ambiguous)
                    found.append(None)
                    continue
                data = out.read(int(header[2]))
                out.read(1)  # the newline after each object
                found.append((header[1].decode("ascii"), data))
        return found

    def _pipes(self) -> tuple[IO[bytes], IO[bytes]]:
        if self.stdin.closed or self.proc.wait(block=False) is not None:
            raise DraftroomError("git cat-file stopped: is git installed and the repository intact?")
        return self.stdin, self.stdout

    def close(self) -> None:
        with suppress(BrokenPipeError):  # it had stopped: its buffered requests go nowhere
            self.stdin.close()
        self.proc.wait()
        self.stdout.close()


_batches: OrderedDict[Path, _Batch] = OrderedDict()


def objects(where: Where, names: list[str]) -> list[tuple[str, bytes] | None]:
    """Each object named (a sha, or any revision git understands): (type, content), None if missing."""
    root = git_dir(where).absolute()
    batch = _batches.pop(root, None) or _Batch(root)
    _batches[root] = batch
    while len(_batches) > _OPEN:
        _batches.popitem(last=False)[1].close()
    try:
        return batch.objects(names)
    except (OSError, ValueError):  # the process died (a repository removed under it): once more, anew
        _batches.pop(root).close()
        return objects(where, names)


@atexit.register
def close_all() -> None:
    """Stop every cat-file process (at exit; tests call it to leave none behind)."""
    while _batches:
        _batches.popitem()[1].close()


def commit_tree(where: Where, rev: str) -> tuple[str, str]:
    """(commit sha, its tree's sha) of a revision ("HEAD", a tag, a sha, "sha^"); a one-line error if none.

    A commit's full name (as git log gives it) is read as it is, without asking git to resolve it."""
    found = objects(where, [rev])[0] if len(rev) in (40, 64) and _HEX.issuperset(rev) else None
    if _tree(found) is not None:
        sha = rev
    elif rev == "HEAD":
        sha = head_sha(where)
    else:
        try:
            sha = git(where, "rev-parse", "--verify", "--end-of-options", f"{rev}^{{commit}}").strip()
        except DraftroomError:
            raise DraftroomError(f"no commit {rev!r} in {git_dir(where)}") from None
    if sha != rev:
        found = objects(where, [sha])[0]
    tree = _tree(found)
    if tree is None:
        raise DraftroomError(f"no commit {rev!r} in {git_dir(where)}")
    return sha, tree


def _tree(found: tuple[str, bytes] | None) -> str | None:
    """A commit object's tree (its first line: "tree <sha>"); None for anything but a commit."""
    if found is None or found[0] != "commit":
        return None
    return found[1].split(b"\n", 1)[0].split()[1].decode("ascii")


def tree_entries(sha: str, data: bytes) -> list[tuple[bytes, str, str]]:
    """The entries of tree `sha` (whose content is `data`): (mode, name, sha of the entry)."""
    size = len(sha) // 2  # 20 bytes in a SHA-1 repository, 32 in a SHA-256 one
    out = []
    at = 0
    while at < len(data):
        space = data.index(b" ", at)
        nul = data.index(b"\0", space)
        out.append(
            (data[at:space], data[space + 1 : nul].decode("utf-8"), data[nul + 1 : nul + 1 + size].hex())
        )
        at = nul + 1 + size
    return out
