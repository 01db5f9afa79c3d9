"""The screens' wiring, driven by Pilot over recording doubles of the workflow (tests/tui_support.py)."""

import asyncio

from pilot_support import settle
from tui_support import FakeLobby, FakeRoom, chinese_document, english_document, sample_proposals, screen_text

from draftroom.tui.app import DraftroomApp
from draftroom.tui.identity import Identity
from draftroom.tui.screens.draft import DraftScreen
from draftroom.tui.screens.proposals import ProposalsScreen
from draftroom.tui.widgets.draft_view import DraftView
from draftroom.tui.widgets.key_bar import KeyBar, KeyHelp


def make_app(identity: Identity | None = None) -> tuple[DraftroomApp, FakeRoom]:
    room = FakeRoom("demo", chinese_document(), sample_proposals())
    return DraftroomApp(FakeLobby({"demo": room}), "demo", identity or Identity("China", "delegate")), room


def test_draft_lists_paragraphs_in_reading_order_with_details():
    async def scenario() -> None:
        app, _ = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, DraftScreen)
            view = app.screen.query_one(DraftView)
            ids = [view.get_option_at_index(i).id for i in range(view.option_count)]
            assert [i for i in ids if i] == ["p1", "p2", "o1", "o2", "o2a", "o2b", "o3", "a1", "a2"]
            await pilot.press("down")  # PP2, which cites footnotes 1 and 2
            await pilot.pause()
            detail = screen_text(app)
            assert "第 70/1 号决议。" in detail and "具体目标 5.2。" in detail

    asyncio.run(scenario())


def test_delegate_withdraws_through_proposals_screen():
    async def scenario() -> None:
        app, room = make_app(Identity("China", "delegate"))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("down", "down", "enter")  # OP1 has two proposals
            await settle(pilot)
            assert isinstance(app.screen, ProposalsScreen)
            await pilot.press("delete", "enter")  # asked first; the reason is optional
            await settle(pilot)
            assert room.calls[0] == ("withdraw", "CHN-1", "China", "")

    asyncio.run(scenario())


def detail_text(app: DraftroomApp) -> str:
    """The screen's rows beside the detail pane, under the list of proposals (the current text left)."""
    region = app.screen.query_one("#proposal-detail").content_region
    return "\n".join(screen_text(app).splitlines()[region.y : region.bottom])


def test_detail_pane_follows_the_highlighted_proposal():
    async def scenario() -> None:
        app, room = make_app(Identity("China", "delegate"))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("down", "down", "enter")  # OP1: China's replacement, then Pakistan's deletion
            await settle(pilot)
            card = detail_text(app)
            assert "CHN-1" in card and "所有会员国" in card and "PAK-1" not in card
            await pilot.press("down")
            await settle(pilot)
            card = detail_text(app)
            assert "PAK-1" in card and "Delete the paragraph" in card and "CHN-1" not in card
            await pilot.press("plus")
            await settle(pilot)
            assert room.calls[-1] == ("support", "PAK-1", "China")

    asyncio.run(scenario())


def test_key_bar_shows_each_key_and_redraws_only_when_they_change():
    async def scenario() -> None:
        app, _ = make_app(Identity("China", "delegate"))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("down", "down", "enter")
            await settle(pilot)

            def accept_key() -> KeyHelp | None:
                return next((k for k in app.screen.query_one(KeyBar).keys if k.key == "y"), None)

            first = app.screen.query_one(KeyBar).keys
            assert accept_key() is None and "Accept" not in screen_text(app)  # a delegate is not offered it
            assert "Withdraw" in screen_text(app) and "palette" in screen_text(app)
            await pilot.press("escape", "enter")  # back to the draft and in again: the same keys
            await settle(pilot)
            assert app.screen.query_one(KeyBar).keys is first
            app.identity = Identity("China", "facilitator")
            app.screen.refresh_bindings()
            await settle(pilot)
            await pilot.pause(0.05)
            key = accept_key()
            assert app.screen.query_one(KeyBar).keys is not first and key is not None and key.enabled

    asyncio.run(scenario())


def test_a_click_on_a_key_presses_it_and_keys_wrap_between_entries():
    async def scenario() -> None:
        app, _ = make_app(Identity("China", "delegate"))
        async with app.run_test(size=(60, 30)) as pilot:  # narrow: the draft's keys take lines
            await settle(pilot)
            bar = app.screen.query_one(KeyBar)
            assert bar.size.height >= 2
            lines = screen_text(app).splitlines()[-bar.size.height :]
            for k in bar.keys:  # every key whole on one line
                assert any(f"{k.shown} {k.description}".strip() in line for line in lines), k
            y = next(i for i, line in enumerate(lines) if " h History" in line)
            await pilot.click(KeyBar, offset=(lines[y].index(" h History") + 3, y))
            await settle(pilot)
            assert type(app.screen).__name__ == "HistoryScreen"

    asyncio.run(scenario())


def test_proposals_screen_is_ready_before_the_first_enter_and_follows_the_negotiation():
    """Built once the draft is drawn (so the first opening is as quick as the next); let go with the
    negotiation, so another negotiation's paragraph never shows the first one's proposals."""

    async def scenario() -> None:
        zh = FakeRoom("demo", chinese_document(), sample_proposals())
        en = FakeRoom("other", english_document(), [])
        app = DraftroomApp(FakeLobby({"demo": zh, "other": en}), "demo", Identity("China", "delegate"))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            prepared = app.get_screen("proposals")
            assert prepared.is_running and not prepared.is_current
            await pilot.press("down", "down", "enter")
            await settle(pilot)
            assert app.screen is prepared and "CHN-1" in screen_text(app)
            await pilot.press("escape", "escape")  # the draft, then the list of negotiations
            await settle(pilot)
            assert not prepared.is_running
            await pilot.press("down", "enter")  # the English negotiation
            await settle(pilot)
            await pilot.press("down", "down", "enter")
            await settle(pilot)
            shown = screen_text(app)
            assert isinstance(app.screen, ProposalsScreen) and app.screen is not prepared
            assert "Urges Member States" in shown and "CHN-1" not in shown

    asyncio.run(scenario())


def test_the_text_is_drawn_before_its_amendments_are_counted():
    """The draft comes from git at once; the amendments (the SQL index, SQLAlchemy's import) follow."""
    import threading

    release = threading.Event()

    class SlowRoom(FakeRoom):
        def snapshot(self):
            release.wait(10)
            return super().snapshot()

    async def scenario() -> None:
        room = SlowRoom("demo", chinese_document(), sample_proposals())
        app = DraftroomApp(FakeLobby({"demo": room}), "demo", Identity("China", "delegate"))
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(100):
                await pilot.pause(0.02)
                if "再次强烈谴责" in screen_text(app):
                    break
            shown = screen_text(app)
            assert "再次强烈谴责" in shown and "counting proposals…" in shown and "●" not in shown
            release.set()
            await settle(pilot)
            shown = screen_text(app)
            assert "2 pending" in shown and "●2" in shown and "counting" not in shown

    asyncio.run(scenario())


def test_at_80_columns_the_label_gutter_narrows_and_chinese_keeps_most_of_a_line():
    """At 120 columns the gutter reads `OP1 ●2` in 19 cells; at 80 it is the label as written and the
    marker (11 cells, after the list's padding) and the draft takes two thirds of the width: Chinese got 12 characters a line."""

    def first_row(app: DraftroomApp, label: str) -> str:
        return next(line for line in screen_text(app).splitlines() if line.lstrip().startswith(label))

    async def scenario(width: int) -> str:
        app, _ = make_app()
        async with app.run_test(size=(width, 30)) as pilot:
            await settle(pilot)
            return first_row(app, "OP1")

    wide, narrow = asyncio.run(scenario(120)), asyncio.run(scenario(80))
    text = "敦促尚未批准或加入《联合国打击跨国有组织犯罪公约》的会员国考虑批准或加入；"
    assert wide.index("敦") >= 19 and "●2" in wide
    assert narrow.index("敦") <= 12 and "●2" in narrow  # a cell of the list's padding first
    shown = narrow[narrow.index("敦") :].split("│")[0].split("▊")[0].rstrip()
    assert text.startswith(shown) and len(shown) >= 18, narrow


def test_a_formal_amendments_document_is_recorded_from_its_reading_screen(tmp_path):
    async def scenario() -> FakeRoom:
        app, room = make_app(Identity("China", "delegate"))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("A")
            await settle(pilot)
            assert "Amendments to draft resolution" in screen_text(app)
            await pilot.press("o", *str(tmp_path / "L.62.pdf"), "enter")
            await settle(pilot)
        return room

    room = asyncio.run(scenario())
    assert ("record_document", tmp_path / "L.62.pdf") in room.calls
