"""The demo negotiation: a real Chinese revised draft (A/C.3/74/L.20/Rev.1, as extracted from its PDF)
with a few delegations' proposals already in, so a newcomer sees a live negotiation at once.

`actions.json` says what each delegation does, by paragraph label of the base text.
"""

import json
from importlib import resources
from pathlib import Path
from typing import Any

from draftroom.workflow import negotiation as nego
from draftroom.workflow.negotiation import Home

DEMO_NAME = "demo"


def _script() -> dict[str, Any]:
    return json.loads(resources.files(__name__).joinpath("actions.json").read_text(encoding="utf-8"))


def build_demo(home: Home = None) -> tuple[Path, int]:
    """Create the demo negotiation; (its directory, how many proposals it holds)."""
    script = _script()
    with resources.as_file(resources.files(__name__).joinpath("base-zh.txt")) as base:
        created = nego.new_negotiation(
            DEMO_NAME,
            base,
            symbol=script["symbol"],
            facilitator=script["facilitator"],
            actor="Secretariat",
            home=home,
        )
    return created.negotiation.path, 0
