"""A machine of its own for each clone in the sync benchmarks: its home and config under one folder."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def env_for(root: Path) -> dict[str, str]:
    return {
        **os.environ,
        "XDG_CONFIG_HOME": str(root / "config"),
        "DRAFTROOM_HOME": str(root / "home"),
        "PYTHONPATH": str(ROOT / "src"),
    }


def dr(root: Path, *args: str) -> str:
    """Run draftroom as the machine at `root`; its output, or exit naming the command and its error."""
    done = subprocess.run(
        [sys.executable, "-m", "draftroom", *args], env=env_for(root), capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"draftroom {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout
