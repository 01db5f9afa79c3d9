"""The amendments index on PostgreSQL: rows follow git, and go with their negotiation on reindex."""

import json
import os
import tempfile
from pathlib import Path

import pytest
from amend_support import english
from pg_support import postgres_server

from draftroom.store.index import Index
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
    Index(postgres_url).forget(str(tmp_path / "home" / "t"))  # reindex starts so
    cli("reindex", "t")  # the listing is read from git: the index's state changes nothing
    assert [x["status"] for x in json.loads(cli("amendments", "t", "--json"))] == ["accepted"]
