"""The SQL index of negotiations: a cache for queries, rebuilt from git at will (git is the truth).

SQLite file `<home>/index.sqlite` by default; any SQLAlchemy URL through DRAFTROOM_DATABASE_URL.
Every SQLite connection gets a busy timeout and WAL before its first statement, so several
processes can write at once. Each negotiation row remembers the commit it was indexed at;
readers compare it with HEAD and bring the index up to date when it is behind.
"""

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy import update as sql_update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, col, create_engine, delete, select

from draftroom.store.home import INDEX_FILE, check_sqlite_file
from draftroom.store.records import Action, RevisionCut, Sponsor, Summary

DATABASE_ENV = "DRAFTROOM_DATABASE_URL"
BUSY_TIMEOUT_MS = 30_000


class NegotiationRow(SQLModel, table=True):
    __tablename__ = "dr_negotiation"
    path: str = Field(primary_key=True)
    name: str
    home: str = Field(index=True)
    symbol: str | None = None
    title: str = ""
    language: str = ""
    revision: int = 0
    sponsor_count: int = 0
    tabled: str | None = None
    facilitator: str | None = None
    action_count: int = 0
    indexed_commit: str = ""


class ActionRow(SQLModel, table=True):
    __tablename__ = "dr_action"
    id: int | None = Field(default=None, primary_key=True)
    negotiation: str = Field(index=True)
    seq: int  # 1 = the oldest action
    commit: str
    when: str
    actor: str
    email: str
    action: str
    summary: str
    paragraphs: str  # JSON list of paragraph ids
    amendment: str | None = None
    revision: str | None = None
    trailers: str  # JSON object: every trailer of the commit


class SponsorRow(SQLModel, table=True):
    __tablename__ = "dr_sponsor"
    id: int | None = Field(default=None, primary_key=True)
    negotiation: str = Field(index=True)
    position: int
    name: str
    iso3: str | None = None
    main: bool
    joined: str
    added_by: str | None = None


class RevisionRow(SQLModel, table=True):
    __tablename__ = "dr_revision"
    id: int | None = Field(default=None, primary_key=True)
    negotiation: str = Field(index=True)
    number: int
    tag: str
    symbol: str | None = None
    date: str
    commit: str


_ENGINES: dict[str, Engine] = {}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def database_url(home: Path) -> str:
    return os.environ.get(DATABASE_ENV) or f"sqlite:///{home / INDEX_FILE}"


def engine_for(url: str) -> Engine:
    engine = _ENGINES.get(url)
    if engine is None:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        SQLModel.metadata.create_all(
            engine,
            tables=[
                SQLModel.metadata.tables[t.__tablename__]
                for t in (NegotiationRow, ActionRow, SponsorRow, RevisionRow)
            ],
        )
        _ENGINES[url] = engine
    return engine


def _action_row(path: str, seq: int, a: Action) -> ActionRow:
    return ActionRow(
        negotiation=path,
        seq=seq,
        commit=a.commit,
        when=a.when,
        actor=a.actor,
        email=a.email,
        action=a.action,
        summary=a.summary,
        paragraphs=json.dumps(a.paragraphs, ensure_ascii=False),
        amendment=a.amendment,
        revision=a.revision,
        trailers=json.dumps(a.trailers, ensure_ascii=False),
    )


def _action(r: ActionRow) -> Action:
    return Action(
        commit=r.commit,
        when=r.when,
        actor=r.actor,
        email=r.email,
        action=r.action,
        summary=r.summary,
        paragraphs=json.loads(r.paragraphs),
        amendment=r.amendment,
        revision=r.revision,
        trailers=json.loads(r.trailers),
    )


class Index:
    """Queries and updates of the SQL index; one instance per database URL is cheap to make."""

    def __init__(self, url: str) -> None:
        if url.startswith("sqlite:///"):
            check_sqlite_file(Path(url.removeprefix("sqlite:///")))
        self.engine = engine_for(url)

    @classmethod
    def for_home(cls, home: Path) -> "Index":
        return cls(database_url(home))

    def indexed(self, path: str) -> tuple[str, int] | None:
        """(commit, action count) the negotiation was indexed at, or None if it is not indexed."""
        with Session(self.engine) as s:
            row = s.get(NegotiationRow, path)
            return (row.indexed_commit, row.action_count) if row else None

    def update(
        self,
        summary: Summary,
        base: str | None,
        commit: str,
        actions: list[Action],
        sponsors: list[Sponsor],
        revisions: list[RevisionCut],
        replace: bool,
    ) -> bool:
        """Move the negotiation's rows from commit `base` (None: not indexed) to `commit`.

        `actions` (oldest first) are appended, or replace all when `replace`. The first statement
        is a conditional write on the negotiation row, so when two processes race to index the
        same commits exactly one wins; the loser gets False and changes nothing."""
        path = summary.path
        fields = summary.to_json() | {"indexed_commit": commit}
        with Session(self.engine) as s:
            try:
                if base is None:
                    s.add(NegotiationRow(**fields))
                    s.flush()
                else:
                    won = s.exec(
                        sql_update(NegotiationRow)
                        .where(col(NegotiationRow.path) == path, col(NegotiationRow.indexed_commit) == base)
                        .values(**fields)
                    )
                    if won.rowcount != 1:
                        s.rollback()
                        return False
            except IntegrityError:
                s.rollback()
                return False
            if replace:
                s.exec(delete(ActionRow).where(col(ActionRow.negotiation) == path))
            first = summary.action_count - len(actions) + 1
            s.add_all(_action_row(path, first + i, a) for i, a in enumerate(actions))
            s.exec(delete(SponsorRow).where(col(SponsorRow.negotiation) == path))
            s.add_all(
                SponsorRow(negotiation=path, position=i, **sp.to_json()) for i, sp in enumerate(sponsors)
            )
            s.exec(delete(RevisionRow).where(col(RevisionRow.negotiation) == path))
            s.add_all(RevisionRow(negotiation=path, **r.to_json()) for r in revisions)
            s.commit()
            return True

    def forget(self, path: str) -> None:
        with Session(self.engine) as s:
            for table in (ActionRow, SponsorRow, RevisionRow):
                s.exec(delete(table).where(col(table.negotiation) == path))
            s.exec(delete(NegotiationRow).where(col(NegotiationRow.path) == path))
            s.commit()

    def _rows(self, table: Any, path: str, order: Any) -> list[Any]:
        with Session(self.engine) as s:
            return list(s.exec(select(table).where(col(table.negotiation) == path).order_by(order)))

    def actions(self, path: str) -> list[Action]:
        """Newest first."""
        return [_action(r) for r in self._rows(ActionRow, path, col(ActionRow.seq).desc())]

    def sponsors(self, path: str) -> list[Sponsor]:
        rows = self._rows(SponsorRow, path, col(SponsorRow.position))
        return [Sponsor(r.name, r.iso3, r.main, r.joined, r.added_by) for r in rows]

    def revisions(self, path: str) -> list[RevisionCut]:
        rows = self._rows(RevisionRow, path, col(RevisionRow.number))
        return [RevisionCut(r.number, r.tag, r.symbol, r.date, r.commit) for r in rows]
