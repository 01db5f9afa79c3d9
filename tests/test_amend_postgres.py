"""The amendments index on PostgreSQL (the table a Secretariat dashboard reads; the CLI lists amendments
from git): its rows follow git, and go with their negotiation on reindex."""

import json
import os
import tempfile
from pathlib import Path

import pytest
from amend_support import english
from pg_support import postgres_server

from draftroom.store.amendment_index import indexed_amendments
from draftroom.store.index import Index
from draftroom.store.repo import Negotiation
from draftroom.workflow.negotiation import create_negotiation


@pytest.fixture
def postgres_url():
    with tempfile.TemporaryDirectory(prefix="draftroom-pg-") as d, postgres_server(Path(d)) as url:
        yield url


def test_amendments_index_on_postgresql(run_cli, tmp_path, postgres_url):
    def cli(*args: str) -> str:
        r = run_cli(*args, env={"DRAFTROOM_DATABASE_URL": postgres_url})
        assert r.returncode == 0, r.stderr
        return r.stdout

    os.environ["DRAFTROOM_DATABASE_URL"] = postgres_url
    try:
        create_negotiation("t", english(), facilitator="Mexico", actor="Mexico", home=tmp_path / "home")
    finally:
        del os.environ["DRAFTROOM_DATABASE_URL"]
    a = cli("amend", "t", "--as", "China", "edit", "OP1", "--find", "Strongly", "--replace", "Firmly").strip()
    first = json.loads(cli("amendments", "t", "--json"))
    assert [(x["id"], x["status"]) for x in first] == [(a, "proposed")]
    cli("accept", "t", a, "--as", "Mexico")
    assert [x["status"] for x in json.loads(cli("amendments", "t", "--json"))] == ["accepted"]
    index = Index(postgres_url)
    neg = Negotiation(tmp_path / "home" / "t", index)
    assert [(x.id, x.status) for x in indexed_amendments(neg)] == [(a, "accepted")]
    with index.engine.connect() as conn:
        count = "SELECT count(*) FROM dr_amendment"
        assert conn.exec_driver_sql(count).scalar() == 1
        index.forget(str(tmp_path / "home" / "t"))  # reindex starts so: the amendment rows go too
        assert conn.exec_driver_sql(count).scalar() == 0
    cli("reindex", "t")
    assert [x.status for x in indexed_amendments(neg)] == ["accepted"]
