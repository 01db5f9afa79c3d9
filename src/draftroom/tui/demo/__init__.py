"""The demo negotiation: a real Chinese revised draft (A/C.3/74/L.20/Rev.1, as extracted from its PDF)
with a few delegations' proposals already in, so a newcomer sees a live negotiation at once.

`actions.json` says what each delegation does, by paragraph label of the base text.
"""

import json
from importlib import resources
from pathlib import Path
from typing import Any

from draftroom.workflow import amending
from draftroom.workflow import negotiation as nego
from draftroom.workflow.negotiation import Home
from draftroom.workflow.rules import Proposal

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
    recorded = [_act(step, home) for step in script["actions"] if "support" not in step]
    for step in script["actions"]:
        if "support" in step:
            amending.support(DEMO_NAME, recorded[step["support"]], step["as"], home=home)
    return created.negotiation.path, len(recorded)


def _act(step: dict[str, Any], home: Home) -> str:
    """Propose one amendment of the script (withdrawing it again when the script says so); its id."""
    position = "after" if "after" in step else "before" if "before" in step else None
    typed = [step.get("target"), step.get(position) if position else None]
    target, anchor = nego.paragraph_ids(DEMO_NAME, typed, home=home)  # the script names labels
    proposal = Proposal(
        kind=step["kind"],
        target=target,
        anchor=anchor,
        position=position,
        text=step.get("text"),
        find=step.get("find"),
        replace=step.get("replace"),
    )
    a = amending.propose(DEMO_NAME, step["as"], proposal, because=step.get("because", ""), home=home)
    if step.get("withdraw"):
        amending.withdraw(DEMO_NAME, a.id, step["as"], home=home)
    return a.id
