"""Snapshots of the main screens in Chinese and English (pytest-textual-snapshot; update with
`pytest tests/test_tui_snapshots.py --snapshot-update` after looking at the report)."""

import pytest
from pilot_support import settle
from tui_support import FakeLobby, FakeRoom, chinese_document, english_document, sample_proposals

from draftroom.model import Footnote, iter_located
from draftroom.model.amendment import Amendment
from draftroom.tui.app import DraftroomApp
from draftroom.tui.identity import Identity
from draftroom.workflow.translations import LanguageView

SIZE = (120, 36)


def english_proposals() -> list[Amendment]:
    return [
        Amendment(
            "GBR-1",
            "edit",
            ["United Kingdom", "France"],
            "rev-0",
            target="o1",
            text="Urges all Member States to ratify the Convention without delay;",
        ),
        Amendment(
            "USA-1",
            "insert",
            ["United States"],
            "rev-0",
            anchor="o1",
            position="after",
            text="Encourages Member States to train border officials;",
            rationale="prevention first",
        ),
        Amendment("RUS-1", "delete", ["Russian Federation"], "rev-0", target="o3", status="rejected"),
    ]


def app_for(language: str, role: str = "delegate") -> DraftroomApp:
    if language == "zh":
        room = FakeRoom("demo", chinese_document(), sample_proposals())
    else:
        room = FakeRoom("demo", english_document(), english_proposals())
    if role == "facilitator":
        room.facilitating.append("China")  # else the app, seeing China does not facilitate, demotes it
    return DraftroomApp(FakeLobby({"demo": room}), "demo", Identity("China", role))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_draft_screen(snap_compare, language):
    assert snap_compare(app_for(language), terminal_size=SIZE, press=["down"], run_before=settle)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_proposals_screen(snap_compare, language):
    async def open_op1(pilot) -> None:
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)

    assert snap_compare(app_for(language, "facilitator"), terminal_size=SIZE, run_before=open_op1)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_word_edit_preview(snap_compare, language):
    find, replace = (
        ("尚未批准或加入", "尚未批准") if language == "zh" else ("that have not yet done so", "without delay")
    )

    async def edit(pilot) -> None:
        await settle(pilot)
        await pilot.press("down", "down", "w")
        await settle(pilot)
        await pilot.press(*find, "tab", *replace)
        await settle(pilot)

    assert snap_compare(app_for(language), terminal_size=SIZE, run_before=edit)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_history_diff(snap_compare, language):
    async def diff(pilot) -> None:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)

    assert snap_compare(app_for(language), terminal_size=SIZE, run_before=diff)


def english_in_chinese() -> LanguageView:
    """The English draft's Chinese version: OP1 stale (the English changed since), OP2(b) not translated."""
    doc = english_document()
    doc.language, doc.title, doc.body = "zh", "加强协调努力打击贩运人口行为", "大会"
    texts = {
        "p1": "重申强烈谴责贩运人口特别是贩运妇女和儿童行为，",
        "p2": "回顾《2030年可持续发展议程》，[^1]",
        "o1": "敦促尚未批准《公约》的会员国批准《公约》；",
        "o2": "吁请会员国：",
        "o2a": "加强预防；",
        "o3": "决定在第八十二届会议上继续审议这个问题。",
    }
    status = {pid: "current" for pid in texts} | {"o1": "stale", "o2b": "missing"}
    for loc in iter_located(doc):
        loc.paragraph.text = texts.get(loc.paragraph.id, loc.paragraph.text)
    doc.footnotes = [Footnote(1, "第70/1号决议。")]
    return LanguageView(doc, ["en", "zh"], status, {1: "current"})


def test_draft_screen_in_another_language(snap_compare):
    room = FakeRoom(
        "demo", english_document(), english_proposals(), translations={"zh": english_in_chinese()}
    )
    app = DraftroomApp(FakeLobby({"demo": room}), "demo", Identity("Secretariat", "secretariat"))

    async def in_chinese(pilot) -> None:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, press=["down", "down"], run_before=in_chinese)
