"""The room as a new user meets it (issue 16): redlines, exports, identity, sponsors, the log's labels."""

import tomllib
from pathlib import Path

import docx
import pytest
from hosting_support import with_remote
from pilot_support import FACILITATOR, NAME, app_in, drive, settle, trafficking_in
from textual.widgets.text_area import Selection
from tui_support import screen_text

from draftroom.tui.app import DraftroomApp
from draftroom.tui.identity import Identity
from draftroom.tui.launch import identity_for, save_identity
from draftroom.tui.screens.identity import IdentityScreen
from draftroom.workflow import amending, listing, revising
from draftroom.workflow import negotiation as nego
from draftroom.workflow.identity import SECRETARIAT, config_path, resolve_actor
from draftroom.workflow.rules import Proposal


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return trafficking_in(tmp_path)


def test_a_footnote_kept_by_a_proposal_shows_once_in_its_card_and_the_editor_preview(home):
    """PP2 cites notes 1 and 2; a proposal changing one word keeps both: each marker shows once."""
    new = "又回顾大会通过《2030 年可持续发展议程》，[^1] 并回顾可持续发展目标的下列具体目标，[^2]"
    amending.propose(NAME, "China", Proposal(kind="replace", target="p2", text=new), home=home)

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"pp2", "enter", "enter")
        await settle(pilot)
        shown = screen_text(app)  # the current text left, the proposal's card right: each marker twice
        assert "又回顾" in shown and shown.count("¹") == 2 and shown.count("²") == 2, shown
        await pilot.press("e")  # the editor's live preview goes the same way
        await settle(pilot)
        await pilot.press("home", *"又")
        await settle(pilot)
        await pilot.pause(0.2)
        preview = screen_text(app).split("Preview", 1)[1].split("because", 1)[0]
        assert "又回顾" in preview and preview.count("¹") == 1 and preview.count("²") == 1, preview

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)


def test_the_tui_exports_the_formal_amendments_as_the_cli_does(home, tmp_path, run_cli):
    amending.propose(NAME, "China", Proposal(kind="delete", target="o3"), home=home)
    amending.propose(NAME, "Pakistan", Proposal(kind="delete", target="o1"), home=home)
    target = tmp_path / "amendments.docx"

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("x")
        await settle(pilot)
        app.screen.query_one("#kind").value = "amendments"
        await pilot.pause()
        app.screen.query_one("#path").value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
        assert not [n.message for n in app._notifications if n.severity == "error"]

    drive(lambda: app_in(home, Identity(None, "secretariat")), scenario)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "A/C.3/74/L.20/Rev.1" in text and "3" in text
    cli = tmp_path / "cli.docx"
    made = run_cli("export", NAME, "--home", str(home), "--kind", "amendments", "-o", str(cli))
    assert made.returncode == 0, made.stderr
    assert [p.text for p in docx.Document(str(cli)).paragraphs] == text.split("\n")


def test_the_identity_saved_is_the_one_shown(home):
    """Belarus choosing the Secretariat's role acts as the Secretariat, in the app and in the next command."""

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press(*"Belarus", "enter", "down", "down", "space", "ctrl+s")
        await settle(pilot)
        assert "Secretariat · secretariat" in screen_text(app)

    drive(lambda: app_in(home, None, save_identity), scenario)
    saved = tomllib.loads(config_path().read_text(encoding="utf-8"))
    assert saved == {"as": SECRETARIAT, "role": "secretariat"}
    assert resolve_actor(None) == SECRETARIAT
    assert identity_for(None, NAME, home) == Identity(None, "secretariat")


def test_a_reviewer_with_no_delegation_leaves_no_delegation_behind(home):
    config_path().parent.mkdir(parents=True)
    config_path().write_text('as = "Pakistan"\n', encoding="utf-8")
    save_identity(Identity(None, "reviewer"))
    assert tomllib.loads(config_path().read_text(encoding="utf-8")) == {"role": "reviewer"}


def test_typing_a_name_on_the_sponsors_screen_adds_that_state(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"France", "enter")
        await settle(pilot)
        await settle(pilot)
        assert "France" in screen_text(app)

    drive(lambda: app_in(home, Identity("France", "delegate")), scenario)
    assert [s.name for s in nego.sponsors(NAME, home=home)] == ["Belarus", "China", "France"]


def test_the_log_shows_each_paragraph_as_labelled_when_the_action_was_taken(home, run_cli):
    """China proposes on OP3; a new OP1 is inserted and the revision renumbers OP3 to OP4: China's
    proposal still reads OP3 in the log, its withdrawal after the revision OP4."""
    chn = amending.propose(NAME, "China", Proposal(kind="delete", target="o3"), home=home)
    new = Proposal(kind="insert", anchor="o1", position="before", text="注意到这个问题；")
    ins = amending.propose(NAME, FACILITATOR, new, home=home)
    amending.decide(NAME, [ins.id], "accept", FACILITATOR, home=home)
    revising.revise(NAME, FACILITATOR, home=home)
    amending.withdraw(NAME, chn.id, "China", home=home)
    entries = nego.log(NAME, home=home)
    by_action = {(e.action.action, e.action.actor): e.labels for e in entries}
    assert by_action[("withdraw", "China")] == ["OP4"]
    assert by_action[("propose", "China")] == ["OP3"]
    printed = run_cli("log", NAME, "--home", str(home)).stdout
    propose_line = next(line for line in printed.splitlines() if "China" in line and "propose" in line)
    assert "OP3" in propose_line and "OP4" not in propose_line, printed


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_a_compilation_has_the_same_formats_in_the_cli_and_the_tui(home, tmp_path, run_cli, suffix):
    amending.propose(NAME, "China", Proposal(kind="delete", target="o3"), home=home)
    by_cli = tmp_path / f"cli{suffix}"
    made = run_cli("compile", NAME, "--home", str(home), "-o", str(by_cli))
    assert made.returncode == 0, made.stderr
    exported = run_cli("export", NAME, "--home", str(home), "--kind", "compilation", "-o", str(by_cli))
    assert exported.returncode == 0, exported.stderr
    by_tui = tmp_path / f"tui{suffix}"

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("x")
        await settle(pilot)
        app.screen.query_one("#kind").value = "compilation"
        await pilot.pause()
        app.screen.query_one("#path").value = str(by_tui)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)

    drive(lambda: app_in(home, Identity(None, "secretariat")), scenario)
    assert by_tui.read_bytes()[:2] == by_cli.read_bytes()[:2]
    for refused in (
        run_cli("compile", NAME, "--home", str(home), "-o", str(tmp_path / "c.pdf")),
        run_cli("export", NAME, "--home", str(home), "--kind", "compilation", "-o", str(tmp_path / "c.pdf")),
    ):
        assert refused.returncode != 0 and ".docx" in refused.stderr and "\n" not in refused.stderr.strip()


def test_the_tui_refuses_a_compilation_format_as_the_cli_does(home, tmp_path, run_cli):
    """Issue 16, fault 7: a format the CLI refuses for a compilation the TUI refuses too, saying the
    same, and writes nothing."""
    amending.propose(NAME, "China", Proposal(kind="delete", target="o3"), home=home)
    target = tmp_path / "c.pdf"
    said: list[str] = []

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("x")
        await settle(pilot)
        app.screen.query_one("#kind").value = "compilation"
        await pilot.pause()
        app.screen.query_one("#path").value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
        said.extend(n.message for n in app._notifications if n.severity == "error")

    drive(lambda: app_in(home, Identity(None, "secretariat")), scenario)
    refused = run_cli("export", NAME, "--home", str(home), "--kind", "compilation", "-o", str(target))
    assert refused.returncode != 0 and not target.exists()
    assert said and refused.stderr.strip().removeprefix("draftroom: error: ") in said[0], (
        said,
        refused.stderr,
    )


def test_a_corrupt_pdf_is_called_a_damaged_pdf(run_cli, tmp_path):
    broken = tmp_path / "L.20.pdf"
    broken.write_bytes(b"\x00\x01\x02garbage" * 100)
    result = run_cli("parse", str(broken))
    assert result.returncode != 0 and "damaged PDF" in result.stderr and "binary" not in result.stderr


def test_suggestions_for_a_misspelt_country_are_in_the_language_it_was_typed_in():
    from draftroom.errors import DraftroomError
    from draftroom.model.states import resolve

    with pytest.raises(DraftroomError) as err:
        resolve("Zambiee")  # French: Zambie
    suggested = str(err.value).split("did you mean ")[1].split("?")[0].split(", ")
    french = {s.fr for s in map(resolve, suggested)}
    assert set(suggested) == french, suggested


def test_reasons_and_a_discussion_thread_in_the_cli_and_the_tui(home, run_cli):
    def cli(*args: str) -> str:
        done = run_cli(args[0], "--home", str(home), *args[1:])
        assert done.returncode == 0, done.stderr
        return done.stdout

    chn = cli("amend", NAME, "delete", "OP3", "--as", "China").strip()
    pak = cli("amend", NAME, "replace", "OP1", "--text", "敦促会员国批准；", "--as", "Pakistan").strip()
    cli("comment", NAME, chn, "--text", "删除会削弱决议", "--as", "Zambia")
    cli("reject", NAME, pak, "--because", "超出议程", "--as", FACILITATOR)
    listed = cli("amendments", NAME)
    assert "Zambia" in listed and "删除会削弱决议" in listed and "rejects because: 超出议程" in listed
    assert cli("amendments", NAME, "--status", "pending").count("\n    ") >= 1
    assert pak not in cli("amendments", NAME, "--status", "pending")
    assert chn not in cli("amendments", NAME, "--kind", "replace") and pak in cli(
        "amendments", NAME, "--kind", "replace"
    )
    empty = run_cli("comment", "--home", str(home), NAME, chn, "--text", "  ", "--as", "Zambia")
    assert empty.returncode != 0 and "empty" in empty.stderr

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"op3", "enter", "enter")
        await settle(pilot)
        assert "删除会削弱决议" in screen_text(app)  # the thread under the proposal
        await pilot.press("slash", *"同意赞比亚", "enter")
        await settle(pilot)
        await settle(pilot)
        assert "同意赞比亚" in screen_text(app)

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)
    assert "China" in cli("amendments", NAME, "--on", "OP3").split("同意赞比亚")[0].splitlines()[-1]


def test_the_editor_selects_all_with_ctrl_a_and_end_goes_to_the_paragraphs_end(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"op1", "enter", "e")
        await settle(pilot)
        area = app.screen.query_one("#text")
        await pilot.press("home", "end", *"xy")  # the paragraph wraps at 60 columns: End is its end
        assert area.text.endswith("；xy"), area.text
        await pilot.press("ctrl+a", *"new")
        assert area.text == "new"

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario, size=(60, 40))


def test_the_compromise_dialog_shows_the_proposals_it_merges(home):
    for who, text in (
        ("China", "敦促所有会员国批准《公约》；"),
        ("Pakistan", "敦促会员国考虑批准《公约》；"),
    ):
        amending.propose(NAME, who, Proposal(kind="replace", target="o1", text=text), home=home)

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"op1", "enter", "enter", "space", "down", "space", "c")
        await settle(pilot)
        shown = screen_text(app)
        assert "Replaces these 2 proposals" in shown and "China" in shown and "Pakistan" in shown

    drive(lambda: app_in(home, Identity(FACILITATOR, "facilitator")), scenario)


def test_the_palette_leads_with_the_rooms_own_commands(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles[0] != "Quit" and not any("Scroll" in t for t in titles), titles
        await pilot.press("ctrl+p", *"role")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert "Who are you?" in screen_text(app)

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)


def test_the_export_dialog_names_the_file_for_the_kind_and_asks_before_replacing_one(home, tmp_path):
    from draftroom.tui.screens.reason import ReasonScreen

    target = tmp_path / "draft.docx"
    target.write_bytes(b"mine")

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("x")
        await settle(pilot)
        path = app.screen.query_one("#path")
        assert path.value.endswith(f"{NAME}-draft-rev-0.docx"), path.value
        app.screen.query_one("#kind").value = "resolution"
        await pilot.pause()
        assert path.value.endswith(f"{NAME}-resolution-rev-0.docx"), path.value
        app.screen.query_one("#kind").value = "draft"
        await pilot.pause()
        path.value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReasonScreen) and target.read_bytes() == b"mine"
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)

    drive(lambda: app_in(home, Identity(None, "secretariat")), scenario)
    assert target.read_bytes()[:2] == b"PK"


def test_the_revise_dialog_shows_the_new_symbol_and_what_stays_pending(home):
    amending.propose(NAME, "China", Proposal(kind="delete", target="o3"), home=home)

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("R")
        await settle(pilot)
        shown = screen_text(app)
        assert "A/C.3/74/L.20/Rev.2" in shown and "1 pending proposals stay pending" in shown, shown

    drive(lambda: app_in(home, Identity(FACILITATOR, "facilitator")), scenario)


def test_a_facilitator_brackets_words_in_the_tui_and_a_delegate_proposes_them(home):
    """b on the draft: the facilitator's brackets are in the text at once (and drawn), a delegate's
    are a proposal; the preview is the workflow's own change, refusals said before anything is done."""

    async def as_facilitator(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"op1", "enter", "b", *"考虑批准或加入")
        await pilot.pause()
        preview = screen_text(app).split("Preview", 1)[1]
        assert "[考虑批准或加入]" in preview, preview
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert "[考虑批准或加入]" in screen_text(app)

    drive(lambda: app_in(home, Identity(FACILITATOR, "facilitator")), as_facilitator)
    (op1,) = [p for p in nego.show(NAME, home=home).operative if p.id == "o1"]
    assert "的会员国[考虑批准或加入]；" in op1.text and op1.status == "bracketed"

    async def as_delegate(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"op3", "enter", "b", *"第七十六届会议")
        await pilot.press("enter")
        await settle(pilot)

    drive(lambda: app_in(home, Identity("China", "delegate")), as_delegate)
    (a,) = [a for a in listing.list_amendments(NAME, home=home).amendments if a.target == "o3"]
    assert a.kind == "edit" and a.proposers == ["China"] and "[第七十六届会议]" in (a.text or "")
    assert "[" not in nego.show(NAME, home=home).operative[2].text


def test_the_editor_brackets_the_selected_words_with_ctrl_b(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"op3", "enter", "e")
        await settle(pilot)
        area = app.screen.query_one("#text")
        area.selection = Selection((0, 1), (0, 4))  # 定在第
        await pilot.press("ctrl+b")
        assert area.text.startswith("决[定在第]七十六届会议"), area.text

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)


def test_the_secretariat_grants_and_revokes_the_facilitator_role_in_the_tui(home):
    async def as_secretariat(app: DraftroomApp, pilot) -> None:
        await pilot.press("f")
        await settle(pilot)
        assert "Facilitators of A/C.3/74/L.20/Rev.1: 1" in screen_text(app)
        await pilot.press(*"墨西哥", "enter")  # typed in the picker: Mexico
        await settle(pilot)
        await settle(pilot)
        assert "Mexico" in screen_text(app)
        app.screen.query_one("#facilitators").focus()
        await pilot.press("home", "delete")  # Belarus, first in the list
        await settle(pilot)
        assert "Revoke Belarus's facilitator role?" in screen_text(app)
        assert amending.current_facilitators(NAME, home=home) == ["Belarus", "Mexico"]  # asked first
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)

    drive(lambda: app_in(home, Identity(None, "secretariat")), as_secretariat)
    assert amending.current_facilitators(NAME, home=home) == ["Mexico"]

    async def as_delegate(app: DraftroomApp, pilot) -> None:
        await pilot.press("f")
        await settle(pilot)
        assert "Mexico" in screen_text(app) and "Grant the facilitator role" not in screen_text(app)
        assert "Revoke" not in screen_text(app)  # a key that would be refused is not offered
        app.screen.query_one("#facilitators").focus()
        await pilot.press("delete")
        await settle(pilot)

    drive(lambda: app_in(home, Identity("China", "delegate")), as_delegate)
    assert amending.current_facilitators(NAME, home=home) == ["Mexico"]


def test_the_facilitator_tables_the_draft_once_from_the_tui(home):
    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("T")
        await settle(pilot)
        assert "additional sponsor" in screen_text(app)
        await pilot.press(*"A/C.3/74/L.20/Rev.2", "enter")
        await settle(pilot)
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        assert "was tabled on" in "\n".join(n.message for n in app._notifications)

    drive(lambda: app_in(home, Identity(FACILITATOR, "facilitator")), scenario)
    state = nego.open_negotiation(NAME, home).state()
    assert state.tabled and nego.show(NAME, home=home).symbol == "A/C.3/74/L.20/Rev.2"
    assert [e.action.action for e in nego.log(NAME, home=home)].count("table") == 1


def test_the_compilation_on_screen_names_the_draft_by_its_symbol_not_its_tag(home):
    """C on the draft: the heading is the draft's symbol and title, as its readers know it; rev-0 is
    draftroom's git tag and appears nowhere."""

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("C")
        await settle(pilot)
        shown = screen_text(app)
        assert "Compilation text: A/C.3/74/L.20/Rev.1 改进打击贩运人口工作的协调" in shown, shown
        assert "rev-0" not in shown

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)


@pytest.mark.parametrize(("key", "kind"), [("C", "compilation"), ("A", "amendments")])
def test_the_compilation_and_the_formal_amendments_read_in_the_tui_as_the_cli_exports_them(
    home, tmp_path, run_cli, key, kind
):
    amending.propose(NAME, "China", Proposal(kind="delete", target="o3"), home=home)
    new = "敦促所有会员国批准或加入《公约》；"
    amending.propose(NAME, "Pakistan", Proposal(kind="replace", target="o1", text=new), home=home)
    exported = tmp_path / f"{kind}.txt"
    made = run_cli("export", NAME, "--home", str(home), "--kind", kind, "-o", str(exported))
    assert made.returncode == 0, made.stderr
    shown: list[str] = []

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press(key)
        await settle(pilot)
        shown.append(str(app.screen.query_one("#document").render()))

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)
    assert shown[0] == exported.read_text(encoding="utf-8")
    assert ("PAK" if kind == "compilation" else "巴基斯坦") in shown[0]  # Pakistan's, attributed


def test_the_identity_dialog_offers_a_role_only_to_whoever_holds_it(home):
    """China is no facilitator of the negotiation (Belarus is): the role is shown disabled, with who
    holds it, until Belarus is picked; the Secretariat's role is disabled once the negotiation is hosted
    (a keys/ folder) and its signing key is not on this machine."""

    def button(app: DraftroomApp, role: str):
        return next(b for b in app.screen.query("RadioButton") if b.name == role)

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("i")
        await settle(pilot)
        facilitator = button(app, "facilitator")
        assert facilitator.disabled and "granted to Belarus" in str(facilitator.label)
        assert not button(app, "secretariat").disabled
        facilitator.value = True  # even when forced, the dialog refuses a role not held
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, IdentityScreen) and "You do not hold this role" in notes(app)
        app.screen.query_one("#picker Input").focus()
        await pilot.press(*"白俄罗斯", "enter")
        await settle(pilot)
        assert not button(app, "facilitator").disabled
        button(app, "facilitator").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.identity == Identity("Belarus", "facilitator")

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)
    (nego.open_negotiation(NAME, home).path / "keys").mkdir()

    async def hosted(app: DraftroomApp, pilot) -> None:
        await pilot.press("i")
        await settle(pilot)
        assert button(app, "secretariat").disabled
        assert "signing key" in str(button(app, "secretariat").label)

    drive(lambda: app_in(home, Identity("China", "delegate")), hosted)


def test_tab_in_the_identity_dialog_goes_from_the_name_to_the_role(home):
    """The search results are moved through from the typing (down, enter picks), not a stop for tab:
    tab after the name reaches the roles, and up/down there choose one."""

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("i", *"Bel")  # Belgium, Belarus, Belize...
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert "Delegation: Belarus" in screen_text(app)
        app.screen.query_one("#picker Input").focus()
        await pilot.press("tab")
        assert app.screen.focused is app.screen.query_one("#role")
        await pilot.press("shift+tab")
        assert app.screen.focused is app.screen.query_one("#picker Input")
        await pilot.press("tab", "down", "space", "ctrl+s")  # delegate, then facilitator (Belarus holds it)
        await settle(pilot)
        assert app.identity == Identity("Belarus", "facilitator")

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)


def notes(app: DraftroomApp) -> str:
    return "\n".join(n.message for n in app._notifications)


def test_a_facilitator_whose_role_is_revoked_meanwhile_acts_as_a_delegate(home):
    """The Secretariat revokes Belarus in another process while Belarus's TUI is open: at the next
    reload the TUI says so, acts as a delegate, offers no facilitator key, and saves that identity."""
    saved: list[Identity] = []

    async def scenario(app: DraftroomApp, pilot) -> None:
        assert "Revise" in screen_text(app)
        amending.change_roles(NAME, "grant", "Mexico", SECRETARIAT, home=home)
        amending.change_roles(NAME, "revoke", FACILITATOR, SECRETARIAT, home=home)
        for _ in range(20):  # the poll notices the new commit within half a second
            await pilot.pause(0.2)
            await settle(pilot)
            if app.identity.role == "delegate":
                break
        assert app.identity == Identity(FACILITATOR, "delegate")
        assert "no longer facilitates" in notes(app) and "Mexico" in notes(app)
        shown = screen_text(app)
        assert "Belarus · delegate" in shown and "Revise" not in shown, shown
        await pilot.press("R")  # the facilitator's key is gone: no revise dialog
        await settle(pilot)
        assert "Cut the revision" not in screen_text(app) and app.screen.__class__.__name__ == "DraftScreen"

    drive(lambda: app_in(home, Identity(FACILITATOR, "facilitator"), saved.append), scenario)
    assert saved == [Identity(FACILITATOR, "delegate")]


def test_keep_private_is_offered_only_in_a_hosted_negotiation(home):
    """The fixture's negotiation is one repository, not hosted: the editor has no "Keep private" box
    and its key is neither in the key bar nor in the palette; once it has a remote, both are there."""

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"op3", "enter", "d")  # propose to delete OP3
        await settle(pilot)
        commands = [c.title.split(" — ")[0] for c in app.get_system_commands(app.screen)]
        offered = (
            bool(app.screen.query("#private")),
            "Private" in commands,
            "Keep private" in screen_text(app),
        )
        seen.append(offered)

    seen: list[tuple[bool, bool, bool]] = []
    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)
    with_remote(nego.open_negotiation(NAME, home).path, home / f"{NAME}.git")
    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)
    assert seen == [(False, False, False), (True, True, True)]


def test_every_proposal_listed_as_the_text_reads_with_what_it_does(home):
    """P lists by the paragraph's place in the text, then by when each was made (not the order they
    were made alone), and each row shows the proposal's change: the words struck and inserted, an
    insertion's text, a deletion struck."""
    from textual.widgets import OptionList

    late = amending.propose(NAME, "China", Proposal(kind="delete", target="o3"), home=home)
    edit = Proposal(kind="edit", target="o1", find="考虑批准或加入", replace="尽快批准")
    first = amending.propose(NAME, "Pakistan", edit, home=home)
    insert = Proposal(kind="insert", anchor="p1", position="after", text="欢迎各国采取的新措施；")
    early = amending.propose(NAME, "Zambia", insert, home=home)
    again = amending.propose(NAME, "China", Proposal(kind="delete", target="o1"), home=home)

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("P")
        await settle(pilot)
        rows = app.screen.query_one("#all-proposals", OptionList)
        listed = [rows.get_option_at_index(n).id for n in range(rows.option_count)]
        assert listed == [early.id, first.id, again.id, late.id]  # PP1, OP1 (twice, oldest first), OP3
        shown = screen_text(app)
        assert "欢迎各国采取的新措施" in shown  # the insertion's text
        assert "考虑批准或加入尽快批准" in shown  # OP1's edit: the words struck, then the new ones
        assert "Delete: 决定在第七十六届会议上" in shown  # OP3's deletion, its text struck

    drive(lambda: app_in(home, Identity("Belarus", "facilitator")), scenario)


def test_every_proposal_on_one_screen_filtered_by_paragraph_delegation_status_and_kind(home):
    """P on the draft: every pending proposal of the negotiation (the decided one only with its
    status chosen), narrowed by delegation, paragraph and kind as `amendments --by --on --kind`;
    Enter opens the proposal's paragraph."""
    from textual.widgets import OptionList, Select

    from draftroom.tui.screens.all_proposals import AllProposalsScreen
    from draftroom.tui.screens.proposals import ProposalsScreen

    chn = amending.propose(NAME, "China", Proposal(kind="delete", target="o3"), home=home)
    pak = amending.propose(
        NAME, "Pakistan", Proposal(kind="replace", target="o1", text="敦促会员国批准；"), home=home
    )
    old = amending.propose(NAME, "Pakistan", Proposal(kind="delete", target="o1"), home=home)
    amending.decide(NAME, [old.id], "reject", FACILITATOR, because="超出议程", home=home)

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("P")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AllProposalsScreen)

        def listed() -> list[str]:
            rows = screen.query_one("#all-proposals", OptionList)
            return [rows.get_option_at_index(n).id or "" for n in range(rows.option_count)]

        assert listed() == [pak.id, chn.id] and "2 shown of 3" in screen_text(app)  # OP1, then OP3
        for which, value, left in (
            ("by", "Pakistan", [pak.id]),
            ("by", Select.BLANK, [pak.id, chn.id]),
            ("on", "o3", [chn.id]),
            ("kind", "replace", []),
            ("status", Select.BLANK, []),
            ("on", Select.BLANK, [pak.id]),
            ("kind", "delete", [old.id, chn.id]),
        ):
            select = screen.query_one(f"#{which}", Select)
            if value == Select.BLANK:
                select.clear()
            else:
                select.value = value
            await settle(pilot)
            assert listed() == left, (which, value)
        await pilot.press("k")
        assert app.focused is screen.query_one("#kind", Select)
        rows = screen.query_one("#all-proposals", OptionList)
        rows.focus()
        rows.highlighted = 0  # Pakistan's rejected deletion of OP1
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProposalsScreen) and app.screen.paragraph_id == "o1"

    drive(lambda: app_in(home, Identity("Belarus", "facilitator")), scenario)


def test_the_word_edit_dialog_shows_the_paragraph_until_words_are_typed_and_again_when_cleared(home):
    """The dialog covers the draft: its preview shows the paragraph's text to pick the words from,
    the redline once words are typed, and the text again (not the last redline) when they are cleared."""
    from textual.widgets import Input, Static

    op3 = nego.show(NAME, home=home).operative[2].text

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"op3", "enter", "w")
        await settle(pilot)
        preview = app.screen.query_one("#preview", Static)

        def shown() -> str:
            return "".join(line.text for line in preview.render_lines(preview.region.reset_offset)).replace(
                " ", ""
            )

        assert op3[:12] in shown(), shown()
        find = app.screen.query_one("#find", Input)
        find.value = op3[:4]
        app.screen.query_one("#replace", Input).value = "删去"
        await settle(pilot)
        assert "删去" in shown()
        find.value = ""
        await settle(pilot)
        assert "删去" not in shown() and op3[:12] in shown(), shown()

    drive(lambda: app_in(home, Identity("China", "delegate")), scenario)


def test_the_decision_dialog_shows_what_the_proposal_does_to_the_text(home):
    """Reject asks for a reason: the dialog shows the proposal's redline (the words it strikes and
    adds), not only its heading, so the facilitator sees what is decided."""
    from draftroom.tui.screens.reason import ReasonScreen

    amending.propose(
        NAME, "Pakistan", Proposal(kind="edit", target="o1", find="尚未批准", replace="尚未签署"), home=home
    )

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("g", *"op1", "enter", "enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ReasonScreen)
        about = screen_text(app).split("Reject", 1)[1].split("why", 1)[0].replace(" ", "").replace("█", "")
        assert "Pakistan" in about and "签署" in about and "批准" in about, about

    drive(lambda: app_in(home, Identity(FACILITATOR, "facilitator")), scenario)


def test_the_export_form_keeps_the_users_choices_when_the_negotiation_moves_on(home):
    """The Secretariat picks the compilation; a delegation's proposal arrives meanwhile: the kind and
    the file stay as chosen (the form was filled anew on every change). The adoption's date and
    meeting are asked for a resolution only."""
    import time

    from textual.widgets import Input, Select

    async def scenario(app: DraftroomApp, pilot) -> None:
        await pilot.press("x")
        await settle(pilot)
        screen = app.screen
        adoption = screen.query_one("#adoption")
        assert not adoption.display  # the draft's own kind
        screen.query_one("#kind", Select).value = "resolution"
        await settle(pilot)
        assert adoption.display
        screen.query_one("#kind", Select).value = "compilation"
        await settle(pilot)
        chosen = screen.query_one("#path", Input).value
        assert not adoption.display and chosen.endswith("-compilation-rev-0.docx"), chosen
        before = app.snapshot.version
        amending.propose(NAME, "China", Proposal(kind="delete", target="o3"), home=home)
        began = time.monotonic()
        while app.snapshot.version == before and time.monotonic() - began < 5:
            await pilot.pause(0.05)
        await settle(pilot)
        assert app.snapshot.version != before and app.screen is screen
        assert screen.query_one("#kind", Select).value == "compilation"
        assert screen.query_one("#path", Input).value == chosen

    drive(lambda: app_in(home, Identity(None, "secretariat")), scenario)


# actions that change the negotiation on one key; a decision, a revision, tabling and a compromise
# open their dialog first, so their keys may mean something else elsewhere
IRREVERSIBLE = {"withdraw", "revoke", "remove", "undo", "support", "submit"}
TAKE_AWAY = {"withdraw", "revoke", "remove"}  # Delete: take away the highlighted one, asked first


def test_no_key_acts_irreversibly_on_one_screen_and_otherwise_on_another():
    """A key bound to an action that changes the negotiation (withdraw, support, undo, ...) on one
    screen means that same action, or nothing, on every other screen (the draft's `w` was Words and
    the proposals screen's `w` Withdraw; the sponsors' `d` removed a sponsor at once, the draft's
    `d` proposes a deletion). Delete takes away the highlighted one everywhere, and asks first."""
    from draftroom.tui.app import DraftroomApp as App
    from draftroom.tui.screens import all_proposals, draft, history, proposals, roles, sponsors

    screens = [
        draft.DraftScreen,
        proposals.ProposalsScreen,
        history.HistoryScreen,
        roles.RolesScreen,
        sponsors.SponsorsScreen,
        all_proposals.AllProposalsScreen,
    ]
    meaning: dict[str, set[str]] = {}
    for screen in [*screens, App]:
        for b in screen.BINDINGS:
            for key in b.key.split(","):
                meaning.setdefault(key, set()).add(b.action.split("(")[0].removeprefix("app."))
    meaning["delete"] -= TAKE_AWAY
    meaning["delete"].add("take away")
    clashes = {k: acts for k, acts in meaning.items() if len(acts) > 1 and acts & IRREVERSIBLE}
    assert not clashes, clashes
    assert {"take away", "support", "undo"} <= {a for acts in meaning.values() for a in acts}


def test_a_delegate_is_not_offered_the_facilitators_keys_and_the_facilitator_is(home):
    amending.propose(NAME, "Pakistan", Proposal(kind="delete", target="o3"), home=home)

    def keys(identity: Identity) -> str:
        seen: list[str] = []

        async def scenario(app: DraftroomApp, pilot) -> None:
            await pilot.press("g", *"op3", "enter", "enter")
            await settle(pilot)
            seen.append(screen_text(app).splitlines()[-2] + screen_text(app).splitlines()[-1])

        drive(lambda: app_in(home, identity), scenario, size=(160, 40))
        return seen[0]

    delegate, chair = keys(Identity("China", "delegate")), keys(Identity(FACILITATOR, "facilitator"))
    for key in ("Accept", "Reject", "Compromise", "Status"):
        assert key not in delegate and key in chair, (key, delegate, chair)
    assert "Withdraw" in delegate and "Comment" in delegate
