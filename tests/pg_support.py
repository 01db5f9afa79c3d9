"""A throwaway PostgreSQL server for the index tests: initdb in a temporary directory, on a free port."""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def postgres_server(workdir: Path) -> Iterator[str]:
    """Yield a SQLAlchemy URL of a fresh PostgreSQL cluster; stop and remove it afterwards."""
    bindir = _pg_bin()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed although CI should have installed it (.ci/run)")
        pytest.skip("PostgreSQL server not installed (apt-get install postgresql)")
    workdir.mkdir(parents=True, exist_ok=True)
    workdir.chmod(0o777)
    data, port = workdir / "data", _free_port()
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run(
        [*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "draftroom", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    opts = f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
    ctl = [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(workdir / "log")]
    subprocess.run([*ctl, "-o", opts, "start"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://draftroom@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*ctl, "-m", "immediate", "stop"], capture_output=True)
