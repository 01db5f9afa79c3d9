"""Helpers for the store tests: documents built in code, and a worker process that acts on a negotiation.

Run as a script: `python tests/store_support.py NEGOTIATION_PATH WORKER COUNT` performs COUNT actions
as delegation WORKER; action i writes the counter i to two files and into one paragraph, so a
half-done action would show as files that disagree.
"""

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
sys.path.insert(0, str(SRC))

from draftroom.model import Annex, Document, Footnote, Heading, Paragraph  # noqa: E402
from draftroom.store import Negotiation  # noqa: E402

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"


def sample_document(paragraphs: int = 3, lang: str = "zh") -> Document:
    """A small draft with preamble, nested operative items, an annex and footnotes."""
    word = "决定" if lang == "zh" else "Decides"
    return Document(
        language=lang,
        symbol="A/C.3/74/L.20",
        title="改进打击贩运人口工作的协调" if lang == "zh" else "Improving coordination",
        body="大会" if lang == "zh" else "The General Assembly",
        sponsors=[],
        preamble=[Paragraph(f"pp-{i}", f"回顾第{i}号决议[^1]，") for i in range(1, paragraphs + 1)],
        operative=[
            Paragraph(
                f"op-{i}",
                f"{word} {i}；",
                number=i,
                items=[
                    Paragraph(
                        f"op-{i}-a", "子项", marker="a", items=[Paragraph(f"op-{i}-a-i", "细项", marker="i")]
                    )
                ]
                if i == 1
                else [],
            )
            for i in range(1, paragraphs + 1)
        ],
        annexes=[
            Annex(
                "附件", [Heading("一. 导言", "h-1"), Paragraph("an-1", "附件段落[^2]。", number=1)], "annex-1"
            )
        ],
        footnotes=[Footnote(1, "第70/1号决议。"), Footnote(2, "同上，\n附件。")],
    )


def git(path: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(path), *args], capture_output=True, text=True, check=True).stdout


def worker(path: Path, who: str, count: int) -> None:
    neg = Negotiation(path)
    for i in range(count):
        with neg.action("note", who, paragraphs=["op-2"], summary=f"{who} note {i}") as txn:
            txn.write_file(f"notes/{who}-a.txt", f"{i}\n")
            txn.write_file(f"notes/{who}-b.txt", f"{i}\n")
            txn.doc.operative[1].text = f"{who} {i}"


if __name__ == "__main__":
    worker(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
    os._exit(0)


def home_with_t(tmp_path: Path) -> Path:
    """A home with negotiation "t" (a document built in code, facilitator Pakistan, sponsors China
    and Azerbaijan, created by China)."""
    from draftroom.workflow import negotiation as wf

    doc = sample_document()
    doc.sponsors = ["中国", "阿塞拜疆"]
    wf.create_negotiation("t", doc, facilitator="Pakistan", actor="China", home=tmp_path / "home")
    return tmp_path / "home"
