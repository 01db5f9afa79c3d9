"""The SQL index on PostgreSQL through DRAFTROOM_DATABASE_URL: same answers as from git, after reindex too."""

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import require_tool
from test_store_cli import ok
from test_store_cli import test_reindex_after_deleting_the_database_gives_identical_answers as sqlite_flow

from draftroom.store.index import Index


def _as_postgres_user(*cmd: str) -> list[str]:
    """PostgreSQL refuses to run as root: run its programs as `nobody` then."""
    return ["runuser", "-u", "nobody", "--", *cmd] if os.geteuid() == 0 else list(cmd)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A throw-away PostgreSQL server on a Unix socket (short path, readable by its user)."""
    initdb, pg_ctl = require_tool("initdb"), require_tool("pg_ctl")
    if os.geteuid() == 0 and not shutil.which("runuser"):
        pytest.skip("running as root without runuser: cannot start PostgreSQL")
    run = Path(tempfile.mkdtemp(prefix="drpg-"))
    run.chmod(0o777)
    data = run / "data"
    quiet = {"check": True, "capture_output": True}
    subprocess.run(_as_postgres_user(initdb, "-D", str(data), "-A", "trust", "-U", "draftroom"), **quiet)
    options = f"-k {run} -c listen_addresses=''"
    subprocess.run(
        _as_postgres_user(pg_ctl, "-D", str(data), "-o", options, "-l", str(run / "log"), "-w", "start"),
        **quiet,
    )
    try:
        yield f"postgresql+psycopg://draftroom@/postgres?host={run}"
    finally:
        subprocess.run(
            _as_postgres_user(pg_ctl, "-D", str(data), "-m", "immediate", "stop"), capture_output=True
        )
        shutil.rmtree(run, ignore_errors=True)


def test_index_on_postgresql_answers_like_git(run_cli, tmp_path, postgres_url):
    def cli(*args: str, env: dict | None = None):
        return run_cli(*args, env={"DRAFTROOM_DATABASE_URL": postgres_url, **(env or {})})

    from store_support import sample_document

    from draftroom.workflow import negotiation as wf

    doc = sample_document()
    doc.sponsors = ["中国", "阿塞拜疆"]
    os.environ["DRAFTROOM_DATABASE_URL"] = postgres_url
    try:
        wf.create_negotiation("t", doc, facilitator="Pakistan", actor="China", home=tmp_path / "home")
    finally:
        del os.environ["DRAFTROOM_DATABASE_URL"]
    sqlite_flow(cli, tmp_path / "home")  # deleting the (absent) SQLite file changes nothing here
    assert not (tmp_path / "home" / "index.sqlite").exists()
    queries = [("list", "--json"), ("log", "t", "--json"), ("sponsors", "t", "--json")]
    before = [ok(cli(*q)) for q in queries]
    Index(postgres_url).forget(str(tmp_path / "home" / "t"))  # the rows gone: rebuilt from git on demand
    assert [ok(cli(*q)) for q in queries] == before
