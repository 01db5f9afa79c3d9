"""Documents built in code for the amendment tests: one English, one Chinese."""

import subprocess
from collections.abc import Callable
from pathlib import Path

from conftest import ok

from draftroom.model import Annex, Document, Footnote, Heading, Paragraph, locate
from draftroom.model.amendment import Amendment
from draftroom.workflow.negotiation import create_negotiation
from draftroom.workflow.rules import Proposal, propose


def english() -> Document:
    return Document(
        language="en",
        symbol="A/C.3/80/L.99",
        title="Improving the coordination of efforts against trafficking in persons",
        body="The General Assembly",
        preamble=[
            Paragraph("pp-a", "Recalling its resolution 64/178,[^1]"),
            Paragraph("pp-b", "Reaffirming its resolution 64/293 on the Global Plan of Action,[^2]"),
            Paragraph("pp-c", "Deeply concerned about the scale of trafficking in persons,"),
        ],
        operative=[
            Paragraph("op-a", "Strongly condemns trafficking in persons, especially women and children;", 1),
            Paragraph(
                "op-b",
                "Calls upon Member States to take measures:",
                2,
                items=[
                    Paragraph("op-b-a", "to ratify the Protocol;[^3]", marker="a"),
                    Paragraph("op-b-b", "to protect victims;", marker="b"),
                ],
            ),
            Paragraph("op-c", "Urges Governments to strengthen cooperation with civil society;", 3),
            Paragraph("op-d", "Requests the Secretary-General to report on paragraph 3 above;", 4),
            Paragraph(
                "op-e", "Decides to remain seized of the matter, as set out in paragraph 2 of the annex.", 5
            ),
        ],
        annexes=[
            Annex(
                "Plan of action",
                [
                    Heading("I. Prevention"),
                    Paragraph("an-a", "States shall prevent trafficking.[^2]", 1),
                    Paragraph("an-b", "States shall protect victims, as in paragraph 1 above.", 2),
                ],
            )
        ],
        footnotes=[
            Footnote(1, "Resolution 64/178."),
            Footnote(2, "Resolution 64/293."),
            Footnote(3, "United Nations, Treaty Series, vol. 2237, No. 39574."),
        ],
    )


def chinese() -> Document:
    return Document(
        language="zh",
        body="大会",
        preamble=[
            Paragraph("zp-a", "重申对下述问题的关切，即贩运人口问题仍然是严重挑战之一，"),
            Paragraph("zp-b", "回顾其第 64/178 号决议，¹".replace("¹", "[^1]")),
        ],
        operative=[
            Paragraph("zo-a", "强烈谴责贩运人口行为；", 1),
            Paragraph("zo-b", "吁请会员国加强合作，并执行上文第 1 段；", 2),
            Paragraph("zo-c", "决定继续处理此案。", 3),
        ],
        footnotes=[Footnote(1, "第 55/67 号决议。")],
    )


def amend(doc: Document, who: str, kind: str, base: str = "rev-0", **kw: str) -> Amendment:
    """`who` proposes on `doc`; target and anchor given as labels, as a user types them."""
    for side in ("target", "anchor"):
        if kw.get(side):
            kw[side] = locate(doc, kw[side]).paragraph.id
    return propose(doc, base, [who], Proposal(kind, **kw), who[:3])


def english_room(
    tmp_path: Path, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> Callable[..., str]:
    """A negotiation "t" on english() under tmp_path/home, facilitated by Mexico; returns a runner of
    draftroom commands that asserts each succeeds and gives its stdout."""
    create_negotiation("t", english(), facilitator="Mexico", actor="Mexico", home=tmp_path / "home")
    return lambda *args: ok(run_cli(*args))
