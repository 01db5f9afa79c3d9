"""The amendments of a negotiation in the SQL index, so listing thousands takes one query.

Like the rest of the index it is a cache of git: each negotiation's amendment rows remember the
commit they were read at and catch up from git (only the amendment files that changed) whenever
HEAD moved. `reindex` rebuilds them: deleting a negotiation's row (Index.forget) deletes its
amendment rows too (a foreign key with ON DELETE CASCADE, and a trigger for SQLite, which does
not enforce foreign keys by default), and the next read rebuilds them from git.
"""

from git import Blob
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Field, Session, SQLModel, col, delete, select

from draftroom.model.amendment import Amendment
from draftroom.store import plumbing
from draftroom.store.amendments import amendment_path, parse_amendment
from draftroom.store.layout import AMENDMENTS_DIR as DIR
from draftroom.store.repo import Negotiation

_READY: set[int] = set()  # engines whose tables exist


class AmendmentRow(SQLModel, table=True):
    __tablename__ = "dr_amendment"
    negotiation: str = Field(primary_key=True, foreign_key="dr_negotiation.path", ondelete="CASCADE")
    id: str = Field(primary_key=True)
    status: str = Field(index=True)
    created: str
    data: str  # the amendment file, as committed


class AmendmentStateRow(SQLModel, table=True):
    __tablename__ = "dr_amendment_state"
    negotiation: str = Field(primary_key=True, foreign_key="dr_negotiation.path", ondelete="CASCADE")
    commit: str


_SQLITE_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS dr_amendment_forget AFTER DELETE ON dr_negotiation BEGIN
  DELETE FROM dr_amendment WHERE negotiation = OLD.path;
  DELETE FROM dr_amendment_state WHERE negotiation = OLD.path;
END
"""


def _ready(engine: Engine) -> Engine:
    if id(engine) not in _READY:
        SQLModel.metadata.create_all(
            engine,
            tables=[SQLModel.metadata.tables[t.__tablename__] for t in (AmendmentRow, AmendmentStateRow)],
        )
        if engine.dialect.name == "sqlite":
            with engine.begin() as conn:
                conn.execute(text(_SQLITE_TRIGGER))
        _READY.add(id(engine))
    return engine


def _rows(neg: Negotiation, engine: Engine) -> None:
    """Bring the negotiation's amendment rows up to the repository's HEAD."""
    path = str(neg.path)
    with neg.repository() as repo, Session(engine) as s:
        head = repo.head.commit.hexsha
        state = s.get(AmendmentStateRow, path)
        if state and state.commit == head:
            return
        tree = repo.commit(head).tree
        folder = DIR.rstrip("/")
        blobs = {b.path: b for b in tree[folder].traverse() if isinstance(b, Blob)} if folder in tree else {}
        # a row left by a repository deleted by hand names a commit unknown here: read all again
        if state and plumbing.is_ancestor(repo, state.commit, head):
            changed = repo.git.diff("--name-only", "--no-renames", state.commit, head, "--", DIR).split()
            for rel in changed:
                _replace(s, path, rel, blobs.get(rel))
        else:
            s.exec(delete(AmendmentRow).where(col(AmendmentRow.negotiation) == path))
            s.add_all(_row(path, blob) for blob in blobs.values())
        if state:
            state.commit = head
        else:
            s.add(AmendmentStateRow(negotiation=path, commit=head))
        s.commit()


def _row(path: str, blob: Blob) -> AmendmentRow:
    data = blob.data_stream.read().decode("utf-8")
    a = parse_amendment(str(blob.path), data)
    return AmendmentRow(negotiation=path, id=a.id, status=a.status, created=a.created, data=data)


def _replace(s: Session, path: str, rel: str, blob: Blob | None) -> None:
    """The row of one amendment file that changed (or was deleted when `blob` is None)."""
    old = s.get(AmendmentRow, (path, rel[len(DIR) : -len(".json")]))
    if blob is None:
        if old:
            s.delete(old)
        return
    new = _row(path, blob)
    if old:
        old.status, old.created, old.data = new.status, new.created, new.data
    else:
        s.add(new)


def indexed_amendments(neg: Negotiation, status: str | None = None) -> list[Amendment]:
    """Every amendment of the negotiation (or those with `status`), oldest first, from the index."""
    neg.sync()  # the negotiation's own row must exist and be current
    engine = _ready(neg.index.engine)
    _rows(neg, engine)
    query = select(AmendmentRow.id, AmendmentRow.data).where(col(AmendmentRow.negotiation) == str(neg.path))
    if status:
        query = query.where(col(AmendmentRow.status) == status)
    with Session(engine) as s:
        rows = s.exec(query.order_by(col(AmendmentRow.created), col(AmendmentRow.id))).all()
    return [parse_amendment(amendment_path(aid), data) for aid, data in rows]
