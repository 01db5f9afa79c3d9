"""The host's post-receive hook keeps a PostgreSQL index current: the Secretariat hosts with
DRAFTROOM_DATABASE_URL naming the database, then real pushes (its own to the path, two delegations'
through a real `git daemon` that knows nothing of the database) are indexed there, read back from a real
PostgreSQL server."""

import tempfile
import time
from pathlib import Path

import pytest
import sqlalchemy
from hosting_support import hosted
from pg_support import postgres_server


@pytest.fixture
def pg_url():
    with tempfile.TemporaryDirectory(prefix="draftroom-pg-") as d, postgres_server(Path(d)) as url:
        yield url


def _indexed(url: str, path: str) -> tuple[int, int, list[str]] | None:
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.connect() as db:
            if not sqlalchemy.inspect(db).has_table("dr_negotiation"):
                return None
            row = db.execute(
                sqlalchemy.text("SELECT action_count, sponsor_count FROM dr_negotiation WHERE path = :p"),
                {"p": path},
            ).fetchone()
            actors = db.execute(
                sqlalchemy.text("SELECT actor FROM dr_action WHERE negotiation = :p ORDER BY seq DESC"),
                {"p": path},
            ).fetchall()
    finally:
        engine.dispose()
    return (row[0], row[1], [a[0] for a in actors]) if row else None


def test_the_hosts_post_receive_hook_keeps_a_postgres_index_current(tmp_path, run_cli, daemon, pg_url):
    machines = hosted(tmp_path, run_cli, daemon, ["France", "Japan"], {"DRAFTROOM_DATABASE_URL": pg_url})
    fr, jp = machines["France"], machines["Japan"]
    fr.ok("sponsors", "t", "add", "France")
    jp.ok("amend", "t", "delete", "OP3")
    fr.ok("sync", "t")
    history = fr.git("log", "--format=%an").split("\n")[:-1]
    want = (len(history), 3)
    seen = None
    for _ in range(600):  # the hook indexes in the background: wait for it
        seen = _indexed(pg_url, str(daemon.root / "t.git"))
        if seen and seen[:2] == want:
            break
        time.sleep(0.1)
    assert seen is not None and seen[:2] == want
    assert seen[2] == history  # every action, newest first, by its actor
    assert history[:2] == ["Japan", "France"]
    assert not (daemon.root / "index.sqlite").exists()  # whoever pushed, the host wrote to PostgreSQL alone
