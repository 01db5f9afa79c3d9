"""The languages screen on a real negotiation in three languages, driven by Textual's Pilot: status
marks, the two languages side by side, switching language, the Secretariat translating in place."""

import asyncio
from pathlib import Path

from tui_support import screen_text

from draftroom.tui.app import DraftroomApp
from draftroom.tui.identity import Identity
from draftroom.tui.rooms import WorkflowLobby
from draftroom.tui.screens.languages import NotePicker, TranslationEditor
from draftroom.tui.screens.proposals import ProposalsScreen
from draftroom.tui.screens.reason import ReasonScreen
from draftroom.workflow import translations
from draftroom.workflow.negotiation import open_negotiation

DATA = Path(__file__).parent / "data" / "akn"


def _home(tmp_path: Path) -> Path:
    translations.new_with_translations(
        "r",
        DATA / "en_A_RES_79_3.xml",
        [str(DATA / "fr_A_RES_79_3.xml"), str(DATA / "zh_A_RES_79_3.xml")],
        actor="Secretariat",
        home=tmp_path,
    )
    return tmp_path


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _save(pilot, text: str) -> None:
    """Type `text` into the open translation editor, save it, and let the save and its reload finish."""
    pilot.app.screen.query_one("#translation-text").text = text
    await pilot.press("ctrl+s")
    await _settle(pilot)
    await _settle(pilot)


def _drive(home: Path, identity: Identity, scenario, first: tuple[str, ...] = ("ctrl+l",)) -> None:
    """Run the app on negotiation "r" as `identity`, press the `first` keys, then play `scenario`."""

    async def run() -> None:
        app = DraftroomApp(WorkflowLobby(home), "r", identity)
        async with app.run_test(size=(140, 40)) as pilot:
            await _settle(pilot)
            if first:
                await pilot.press(*first)
                await _settle(pilot)
            await scenario(app, pilot)

    asyncio.run(run())


def test_two_languages_side_by_side_switch_and_the_secretariat_translates_in_place(tmp_path):
    home = _home(tmp_path)

    async def scenario(app, pilot) -> None:
        text = screen_text(app)
        assert "en | zh · 8 of 8 current" in text
        assert "审议了会费委员会" in text and "Having considered chapter V" in text  # PP1 in both
        await pilot.press("l")
        await _settle(pilot)
        text = screen_text(app)
        assert "en | fr · 8 of 8 current" in text and "Ayant examiné le chapitre V" in text
        await pilot.press("down", "e")
        await _settle(pilot)
        await _save(pilot, "Ayant examiné à nouveau la question,")
        assert "PP2 · fr · current" in screen_text(
            app
        ) and "Ayant examiné à nouveau la question," in screen_text(app)

    _drive(home, Identity("Secretariat", "secretariat"), scenario)
    shown = translations.in_language("r", "fr", home=home).document
    assert shown.preamble[1].text == "Ayant examiné à nouveau la question,"
    assert open_negotiation("r", home).git_log()[0].actor == "Secretariat"


def test_stale_is_marked_and_a_delegation_proposes_its_wording(tmp_path):
    home = _home(tmp_path)
    with open_negotiation("r", home).action("edit", "Secretariat") as txn:  # a revised working text
        txn.doc.operative[0].text = "Decides otherwise;"
    count = len(open_negotiation("r", home).git_log())

    async def scenario(app, pilot) -> None:
        text = screen_text(app)
        assert "7 of 8 current" in text and "OP1       ! stale" in text
        await pilot.press("down", "down", "e")
        await _settle(pilot)
        await _save(pilot, "决定另行处理；")
        assert any("proposed as CHN-" in n.message for n in app._notifications)
        assert "OP1       ! stale" in screen_text(app)  # a proposal is not the translation

    _drive(home, Identity("China", "delegate"), scenario)
    assert len(open_negotiation("r", home).git_log()) == count + 1
    [(label, proposal)] = translations.translation_proposals("r", home=home)
    assert (label, proposal.language, proposal.text, proposal.proposer) == (
        "OP1",
        "zh",
        "决定另行处理；",
        "China",
    )


def test_the_draft_itself_reads_in_another_language_and_the_secretariat_translates_there(tmp_path):
    """`l` turns the draft view to the next language: its text, stale paragraphs marked, the working text
    beside the focused paragraph, no amendment keys (they would put French into the English text),
    `e` translating in place instead; after the last language `l` comes back to the working text."""
    home = _home(tmp_path)
    with open_negotiation("r", home).action("edit", "Secretariat") as txn:  # a revised working text
        txn.doc.operative[0].text = "Decides otherwise;"

    async def scenario(app, pilot) -> None:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert any(t.startswith("Language — Read the draft in the next language") for t in titles)
        await pilot.press("l")  # the languages in the project's order: Chinese, then French
        await _settle(pilot)
        assert "in zh: 7 of 8 current" in screen_text(app) and "审议了会费委员会" in screen_text(app)
        await pilot.press("l")
        await _settle(pilot)
        text = screen_text(app)
        assert "in fr: 7 of 8 current" in text and "Ayant examiné le chapitre V" in text
        assert "Having considered chapter V" in text  # PP1 in the working language, beside it
        keys = {k: b.binding.action for k, b in app.screen.active_bindings.items()}
        assert keys["e"] == "translate" and not {"w", "a", "b"} & set(keys)
        assert not any(t.startswith("Words") for t in (c.title for c in app.get_system_commands(app.screen)))
        await pilot.press("down", "down")
        await _settle(pilot)
        text = screen_text(app)
        assert "[stale]" in text and "Decides otherwise;" in text  # OP1, beside its old French
        await pilot.press("e")
        await _settle(pilot)
        await _save(pilot, "Décide autrement ;")
        assert "in fr: 8 of 8 current" in screen_text(app) and "Décide autrement" in screen_text(app)
        await pilot.press("l")
        await _settle(pilot)
        text = screen_text(app)
        assert " in " not in text.splitlines()[1] and "Decides otherwise;" in text
        assert {k: b.binding.action for k, b in app.screen.active_bindings.items()}[
            "e"
        ] == "propose('replace')"

    _drive(home, Identity("Secretariat", "secretariat"), scenario, first=())
    shown = translations.in_language("r", "fr", home=home)
    assert shown.document.operative[0].text == "Décide autrement ;" and "OP1" not in shown.not_current
    assert open_negotiation("r", home).git_log()[0].actor == "Secretariat"


def test_the_secretariat_translates_a_footnote_in_place_from_the_draft(tmp_path):
    """`n` on the draft read in another language edits the focused paragraph's footnote there (the one
    not current first), through the same workflow as `translate --footnote`; the palette lists it."""
    home = _home(tmp_path)
    with open_negotiation("r", home).action("edit", "Secretariat") as txn:  # the working note changes
        txn.doc.footnotes[0].text = txn.doc.footnotes[0].text + " Corrected."
    assert translations.translations("r", home=home).footnotes[0].status["fr"] == "stale"

    async def scenario(app, pilot) -> None:
        await pilot.press("n")  # the working text: nothing to translate
        await _settle(pilot)
        assert not isinstance(app.screen, TranslationEditor)
        await pilot.press("l", "l")
        await _settle(pilot)
        assert "in fr:" in screen_text(app)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert any(t.startswith("Translate footnote — ") for t in titles)
        await pilot.press("down", "n")  # PP2 has no footnote
        await _settle(pilot)
        assert not isinstance(app.screen, TranslationEditor)
        assert any("PP2 has no footnote" in n.message for n in app._notifications)
        await pilot.press("up", "n")  # PP1 refers to footnote 1
        await _settle(pilot)
        assert isinstance(app.screen, TranslationEditor)
        assert "Footnote 1 of PP1 in fr" in screen_text(app) and "Corrected." in screen_text(app)
        area = app.screen.query_one("#translation-text")
        assert "Documents officiels" in area.text  # the stale French note, to correct
        await _save(pilot, "Documents officiels de l’Assemblée générale, corrigés.")
        assert any("footnote 1 in fr is current" in n.message for n in app._notifications)

    _drive(home, Identity("Secretariat", "secretariat"), scenario, first=())
    assert translations.translations("r", home=home).footnotes[0].status["fr"] == "current"
    note = translations.in_language("r", "fr", home=home).document.footnotes[0]
    assert note.text == "Documents officiels de l’Assemblée générale, corrigés."
    assert open_negotiation("r", home).git_log()[0].actor == "Secretariat"


def test_a_facilitator_accepts_and_rejects_proposed_translations_from_the_proposals_screen(tmp_path):
    """The paragraph's proposals screen lists the delegations' proposed translations after its
    amendments; `y` and `n` ask as for an amendment (a rejection needs its reason) and decide through
    the workflow `accept`/`reject NAME ID` use: the accepted wording is the translation, the rejected
    one keeps its reason."""
    home = _home(tmp_path)
    china = translations.translate("r", "OP1", "zh", "决定另行处理；", "China", home).proposal
    france = translations.translate("r", "OP1", "fr", "Décide autrement ;", "France", home).proposal
    before = translations.in_language("r", "fr", home=home).document.operative[0].text

    async def scenario(app, pilot) -> None:
        await pilot.press("g", *"OP1", "enter", "enter")
        await _settle(pilot)
        assert isinstance(app.screen, ProposalsScreen)
        text = screen_text(app)
        assert "2 proposed translations" in text and f"zh translation  by China  {china}" in text
        assert (
            f"fr translation  by France  {france}" in text and "决定另行处理；" in text
        )  # the first in full
        await pilot.press("y")
        await _settle(pilot)
        assert isinstance(app.screen, ReasonScreen) and "决定另行处理；" in screen_text(app)
        await pilot.press("enter")
        await _settle(pilot)
        await _settle(pilot)
        assert isinstance(app.screen, ProposalsScreen)
        await pilot.press("n", "enter")  # the next undecided comes first; a rejection needs its reason
        await _settle(pilot)
        assert isinstance(app.screen, ReasonScreen) and "Décide autrement ;" in screen_text(app)
        await pilot.press(*"trop libre", "enter")
        await _settle(pilot)
        await _settle(pilot)
        assert "0 proposed translations" in screen_text(app)
        await pilot.press("down")
        await _settle(pilot)
        assert "Rejected because: trop libre" in screen_text(app)

    _drive(home, Identity("Secretariat", "secretariat"), scenario, first=())
    decided = {p.id: (p.status, p.reason) for _, p in translations.translation_proposals("r", home=home)}
    assert decided == {china: ("accepted", ""), france: ("rejected", "trop libre")}
    assert translations.in_language("r", "zh", home=home).document.operative[0].text == "决定另行处理；"
    assert translations.in_language("r", "fr", home=home).document.operative[0].text == before
    assert [e.actor for e in open_negotiation("r", home).git_log()[:2]] == ["Secretariat", "Secretariat"]


def test_a_delegation_picks_one_of_a_paragraphs_footnotes_and_proposes_its_translation(tmp_path):
    """`n` on a paragraph with several notes (79/328's PP1 refers to 1 and 2) offers them to pick from,
    each with its status, instead of editing the first; a delegation's wording of the note picked is a
    proposal (the translation unchanged until a facilitator accepts it), through translate_footnote."""
    translations.new_with_translations(
        "r",
        DATA / "en_A_RES_79_328.xml",
        [str(DATA / "es_A_RES_79_328.xml")],
        actor="Secretariat",
        home=tmp_path,
    )
    before = translations.in_language("r", "es", home=tmp_path).document.footnotes[1].text

    async def scenario(app, pilot) -> None:
        await pilot.press("l")
        await _settle(pilot)
        assert "in es:" in screen_text(app)
        await pilot.press("n")  # PP1, focused first
        await _settle(pilot)
        assert isinstance(app.screen, NotePicker)
        text = screen_text(app)
        assert "The footnotes of PP1 in es" in text and "footnote 1" in text and "footnote 2" in text
        await pilot.press("down", "enter")
        await _settle(pilot)
        assert isinstance(app.screen, TranslationEditor)
        assert "Footnote 2 of PP1 in es" in screen_text(app)
        area = app.screen.query_one("#translation-text")
        assert area.text == before
        await _save(pilot, "Resolución 260 A (III), anexo (propuesta).")
        assert any("footnote 2 in es proposed as CHL-" in n.message for n in app._notifications)

    _drive(tmp_path, Identity("Chile", "delegate"), scenario, first=())
    [(label, proposal)] = translations.translation_proposals("r", home=tmp_path)
    assert (label, proposal.footnote, proposal.proposer, proposal.status) == (
        "footnote 2",
        2,
        "Chile",
        "proposed",
    )
    assert proposal.text == "Resolución 260 A (III), anexo (propuesta)."
    assert translations.in_language("r", "es", home=tmp_path).document.footnotes[1].text == before
