"""The real app driven headless by Pilot, on a real negotiation of tui_support's Chinese draft."""

import asyncio
from collections.abc import Callable
from pathlib import Path

from tui_support import chinese_document

from draftroom.tui.app import DraftroomApp
from draftroom.tui.identity import Identity
from draftroom.tui.rooms import WorkflowLobby
from draftroom.workflow import negotiation as nego

NAME = "trafficking"
FACILITATOR = "Belarus"


def trafficking_in(home: Path) -> Path:
    """The Chinese draft negotiated as NAME under `home`: sponsored by Belarus and China, Belarus facilitating."""
    doc = chinese_document()
    doc.sponsors = ["白俄罗斯", "中国"]
    nego.create_negotiation(NAME, doc, facilitator=FACILITATOR, actor="Secretariat", home=home)
    return home


def app_in(home: Path, identity: Identity | None, remember: Callable | None = None) -> DraftroomApp:
    return DraftroomApp(WorkflowLobby(home), NAME, identity, remember)


async def settle(pilot) -> None:
    """Let the app's workers finish and the screen catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def drive(make: Callable[[], DraftroomApp], scenario: Callable, size: tuple[int, int] = (120, 40)) -> None:
    """Run the app headless, let it open the negotiation, then play `scenario(app, pilot)`."""

    async def run() -> None:
        app = make()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await scenario(app, pilot)

    asyncio.run(run())
