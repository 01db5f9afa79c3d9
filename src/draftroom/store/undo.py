"""Undoing an action: a new action that puts back the files it changed, as `git revert` does.

History is never rewritten: the undo is one more commit, authored by whoever undoes, with an
`Undoes:` trailer naming the commit it reverses, so the log shows both and an undo can itself be
undone. An action is undone only when its files are still as it left them (otherwise a later action
would be silently lost; the user is told which one to undo first), and only since the latest
revision.
"""

from collections.abc import Callable

from git import Repo

from draftroom.errors import DraftroomError
from draftroom.store import gitlog
from draftroom.store.committed import Committed
from draftroom.store.records import Action
from draftroom.store.repo import Negotiation, revision_tags
from draftroom.store.transaction import Transaction

UNDOES = "Undoes"
UNDO = "undo"

Check = Callable[[Transaction, Action], None]


def undone_commits(history: list[Action]) -> set[str]:
    """Commits reversed by an undo in `history` (newest first); undoing an undo brings its target back."""
    by_commit = {a.commit: a for a in history}
    undone: set[str] = set()
    for a in reversed(history):
        for target in a.trailers.get(UNDOES, []):
            undone.add(target)
            redone = by_commit.get(target)
            if redone is not None and redone.action == UNDO:
                undone -= set(redone.trailers.get(UNDOES, []))
    return undone


def find_action(history: list[Action], ref: str | None, actor: str) -> Action | None:
    """The action `ref` names (a commit id, at least 4 characters of it), or `actor`'s latest action
    that is not an undo and not undone yet; None when `ref` names none of `history`."""
    if ref is None:
        undone = undone_commits(history)
        mine = [a for a in history if a.actor == actor and a.action != UNDO and a.commit not in undone]
        if not mine:
            raise DraftroomError(
                f"{actor} has no action left to undo since the last revision (see `draftroom log`)"
            )
        return mine[0]
    found = [a for a in history if a.commit.startswith(ref)]
    if len(found) > 1:
        raise DraftroomError(f"{ref} names {len(found)} actions: give more characters of the id")
    return found[0] if found else None


def _action_id(ref: str) -> str:
    ref = ref.strip().lower()
    if len(ref) < 4 or any(c not in "0123456789abcdef" for c in ref):
        raise DraftroomError(f"{ref!r} is not an action id: give the id `draftroom log` shows (e.g. 3f2a9c1)")
    return ref


def _undoable(repo: Repo, ref: str | None, actor: str) -> tuple[Action, list[Action]]:
    """The action to undo and the actions since the latest revision (newest first), the only ones an
    undo may reach: a revision is an issued document, changed by amending the next one."""
    latest = next(reversed(revision_tags(repo)), None)
    recent = gitlog.read_actions(repo, f"{latest}..HEAD" if latest else "HEAD")
    ref = _action_id(ref) if ref is not None else None
    target = find_action(recent, ref, actor)
    if target is not None:
        return target, recent
    older = find_action(gitlog.read_actions(repo), ref, actor)
    if older is None:
        raise DraftroomError(f"no action {ref} in this negotiation (see `draftroom log`)")
    raise DraftroomError(
        f"{older.commit[:7]} ({older.summary}) is in {latest}, an issued revision: it cannot be undone; "
        "propose an amendment to the next revision instead"
    )


def _changed_files(repo: Repo, rev_range: list[str]) -> dict[str, set[str]]:
    """For each commit of `git log REV_RANGE`, the files it changed."""
    out = repo.git.log("--format=%x1e%H", "--name-only", "--no-renames", *rev_range)
    changes: dict[str, set[str]] = {}
    for record in out.split("\x1e"):
        lines = [line for line in record.splitlines() if line.strip()]
        if lines:
            changes[lines[0]] = set(lines[1:])
    return changes


def undo(neg: Negotiation, ref: str | None, actor: str, check: Check) -> Action:
    """Record `actor` undoing the action `ref` (see find_action); `check(txn, target)` raises when the
    workflow's rules forbid it. Returns the action undone."""
    with neg.action(UNDO, actor) as txn, neg.repository() as repo:
        target, history = _undoable(repo, ref, actor)
        check(txn, target)
        changed = _changed_files(repo, ["-1", target.commit])[target.commit]
        after, now = Committed(repo, target.commit), Committed(repo, "HEAD")
        moved = {rel for rel in changed if after.read(rel) != now.read(rel)}
        if moved:  # a later action changed them again: restoring would lose it
            later = _changed_files(repo, [f"{target.commit}..HEAD", "--", *sorted(moved)])
            last = next(a for a in history if a.commit in later)
            raise DraftroomError(
                f"cannot undo {target.commit[:7]} ({target.summary}): {last.commit[:7]} ({last.actor}: "
                f"{last.summary}) changed the same text since; that must be undone first"
            )
        before = Committed(repo, f"{target.commit}^")
        for rel in sorted(changed):
            txn.restore(rel, before.read(rel))
        txn.summary = f"Undo: {target.summary}"
        txn.paragraphs = list(target.paragraphs)
        txn.amendment = target.amendment
        txn.extra_trailers.append((UNDOES, target.commit))
    return target
