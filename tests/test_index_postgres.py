"""The SQL index on a real PostgreSQL server through DRAFTROOM_DATABASE_URL: same answers as SQLite,
and rebuilt from git alone after the database is wiped."""

import json
import tempfile
from pathlib import Path

import pytest
import sqlalchemy
from corpus_support import SEEDS
from pg_support import postgres_server

SEED = SEEDS / "001_334a0e47d0d674b7.txt"
QUERIES = (("log", "t", "--json"), ("sponsors", "t", "--json"), ("list",), ("show", "t", "--json"))


@pytest.fixture(scope="module")
def pg_url():
    with tempfile.TemporaryDirectory(prefix="draftroom-pg-") as d, postgres_server(Path(d)) as url:
        yield url


def _answers(run_cli, env: dict[str, str]) -> dict[str, str]:
    out = {}
    for q in QUERIES:
        r = run_cli(*q, env=env)
        assert r.returncode == 0, r.stderr
        out[" ".join(q)] = r.stdout
    return out


def _negotiate(run_cli, env: dict[str, str]) -> None:
    for args in (
        (
            "new",
            "t",
            "--from",
            str(SEED),
            "--symbol",
            "A/C.3/74/L.7",
            "--facilitator",
            "Pakistan",
            "--as",
            "China",
        ),
        ("sponsors", "t", "add", "Brazil", "日本", "--as", "Secretariat"),
        ("table", "t", "--as", "Secretariat"),
        ("sponsors", "t", "add", "Norway", "--as", "Norway"),
        ("revise", "t", "--as", "Pakistan"),
    ):
        r = run_cli(*args, env=env)
        assert r.returncode == 0, r.stderr


def test_postgres_index_answers_like_sqlite_and_rebuilds_from_git(run_cli, tmp_path, pg_url):
    pg = {"DRAFTROOM_DATABASE_URL": pg_url, "DRAFTROOM_HOME": str(tmp_path / "pg-home")}
    lite = {"DRAFTROOM_HOME": str(tmp_path / "lite-home")}
    _negotiate(run_cli, pg)
    _negotiate(run_cli, lite)
    on_pg = _answers(run_cli, pg)
    assert len(json.loads(on_pg["log t --json"])) >= 5
    strip_dates = lambda a: {k: v for k, v in a.items() if k != "log t --json"}  # noqa: E731
    assert strip_dates(on_pg) == strip_dates(_answers(run_cli, lite))

    engine = sqlalchemy.create_engine(pg_url)
    with engine.begin() as conn:
        tables = [
            r[0]
            for r in conn.execute(
                sqlalchemy.text("select tablename from pg_tables where schemaname='public'")
            )
        ]
        assert tables, "the index wrote no table to PostgreSQL"
        for t in tables:
            conn.execute(sqlalchemy.text(f'drop table "{t}" cascade'))
    engine.dispose()
    r = run_cli("reindex", "t", env=pg)
    assert r.returncode == 0, r.stderr
    assert _answers(run_cli, pg) == on_pg
