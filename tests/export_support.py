"""A realistic English draft resolution built in code, for export tests that must not depend on the parser."""

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
        sponsors=["Azerbaijan", "Bangladesh", "Belarus", "United Kingdom of Great Britain and Northern Ireland",
                  "Group of 77 and China", "Zimbabwe"],  # fmt: skip
        title="Improving the coordination of efforts against trafficking in persons",
        body="The General Assembly",
        preamble=[
            Paragraph("p1", "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our "
                      "world: the 2030 Agenda for Sustainable Development”,[^1]"),  # fmt: skip
            Paragraph("p2", "Recalling also the United Nations Convention against Transnational Organized "
                      "Crime[^2] and the Protocol thereto,[^3]"),  # fmt: skip
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
                    Paragraph("o2a", "To report on the implementation of the present resolution;", marker="a",
                              items=[Paragraph("o2ai", "in writing;", marker="i")]),  # fmt: skip
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
