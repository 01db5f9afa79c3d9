"""A realistic English draft resolution built in code, for export tests that must not depend on the parser."""

import subprocess
from pathlib import Path

from conftest import require_tool

from draftroom.model import Annex, Closing, Document, Footnote, Heading, Paragraph


def english_draft() -> Document:
    """A Third Committee draft with sub-items, a repeated footnote reference and an annex."""
    return Document(
        language="en",
        kind="draft",
        symbol="A/C.3/74/L.20",
        session="Seventy-fourth session",
        committee="Third Committee",
        agenda_item="106",
        agenda_title="Crime prevention and criminal justice",
        date="1 November 2019",
        sponsors=[
            "Azerbaijan",
            "Bangladesh",
            "Belarus",
            "United Kingdom of Great Britain and Northern Ireland",
            "Group of 77 and China",
            "Zimbabwe",
        ],
        title="Improving the coordination of efforts against trafficking in persons",
        body="The General Assembly",
        preamble=[
            Paragraph(
                "p1",
                "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our "
                "world: the 2030 Agenda for Sustainable Development”,[^1]",
            ),
            Paragraph(
                "p2",
                "Recalling also the United Nations Convention against Transnational Organized "
                "Crime[^2] and the Protocol thereto,[^3]",
            ),
            Paragraph(
                "p3",
                "Reaffirming that the Global Plan of Action aims:",
                items=[
                    Paragraph("p3a", "To promote universal ratification of the Convention;", marker="a"),
                    Paragraph("p3b", "To help Member States reinforce their commitments,", marker="b"),
                ],
            ),
        ],
        operative=[
            Paragraph("o1", "Urges Member States to ratify the Convention[^2] without delay;", number=1),
            Paragraph(
                "o2",
                "Requests the Secretary-General:",
                number=2,
                items=[
                    Paragraph(
                        "o2a",
                        "To report on the implementation of the present resolution;",
                        marker="a",
                        items=[Paragraph("o2ai", "in writing;", marker="i")],
                    ),
                    Paragraph("o2b", "To submit the report to the seventy-sixth session;[^4]", marker="b"),
                ],
            ),
            Paragraph("o3", "Decides to remain seized of the matter.", number=3),
        ],
        annexes=[
            Annex(
                "Global Plan of Action",
                [
                    Heading("I. Introduction"),
                    Paragraph("a1", "We, the Member States, reaffirm our commitment.[^5]", number=1),
                    Paragraph("a2", "We recall the Convention.[^3]", number=2),
                ],
            )
        ],
        footnotes=[
            Footnote(1, "Resolution 70/1."),
            Footnote(2, "United Nations, Treaty Series, vol. 2225, No. 39574."),
            Footnote(3, "Ibid., vol. 2237, No. 39574."),
            Footnote(4, "Target 16.2."),
            Footnote(5, "See resolution 64/293."),
        ],
        closing=Closing(),
    )


def chinese_resolution() -> Document:
    """A Chinese adopted resolution in the shape of A/RES/64/293, with an annex and a repeated note."""
    return Document(
        language="zh",
        kind="resolution",
        symbol="A/RES/64/293",
        session="第六十四届会议",
        agenda_item="104",
        date="12 August 2010",
        title="联合国打击贩运人口的全球行动计划",
        body="大会",
        preamble=[
            Paragraph("p1", "依循《联合国宪章》的宗旨和原则，"),
            Paragraph("p2", "回顾在2000年9月8日通过的《联合国千年宣言》，[^1]"),
            Paragraph("p3", "又回顾《联合国打击跨国有组织犯罪公约》，[^2]"),
        ],
        operative=[
            Paragraph("o1", "通过《联合国打击贩运人口全球行动计划》；", number=1),
            Paragraph("o2", "请秘书长执行《公约》[^2]；", number=2),
        ],
        annexes=[
            Annex(
                "联合国打击贩运人口全球行动计划",
                [Heading("一. 导言"), Paragraph("a1", "我们重申承诺。[^3]", number=1)],
            )
        ],
        footnotes=[
            Footnote(1, "见第55/2号决议。"),
            Footnote(2, "联合国，《条约汇编》，第2225卷，第39574号。"),
            Footnote(3, "同上。"),
        ],
        adopted_on="2010-07-30",
        closing=Closing(meeting="第109次全体会议", date="2010年7月30日"),
    )


def pdf_texts(paths: list[Path], outdir: Path) -> dict[Path, str]:
    """Convert .docx files to PDF with LibreOffice (one run) and read each PDF back with pdftotext."""
    require_tool("soffice")
    require_tool("pdftotext")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(outdir), *map(str, paths)],
        capture_output=True,
        check=True,
        timeout=300,
    )
    return {
        p: subprocess.run(
            ["pdftotext", str(outdir / f"{p.stem}.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        for p in paths
    }


def story_lines(story) -> list[str]:
    """The non-empty paragraph texts of a python-docx header or footer, table cells included."""
    from docx.oxml.ns import qn

    lines = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in story._element.iter(qn("w:p")))
    return [line for line in lines if line.strip()]
