"""The JSON form of a document: the `parse --json` contract, and back.

Shape (other keys may be added): language, kind, symbol, session, committee, agenda_item,
sponsors, title, body, preamble, operative, annexes [{title, blocks}], footnotes [{number, text}]
(and the printed `marker` when it is not the number), closing {meeting, date}; Paragraph = {id,
number, label, text, items, opener (the italic opening phrase, or null), headings (printed before
it)}; amendments documents add amends and instructions; a resolution adopted in parts adds
parts [Document, each in this shape], its footnotes numbered across them.
"""

from __future__ import annotations

from draftroom.model.document import (
    Annex,
    Closing,
    Document,
    Footnote,
    Heading,
    Instruction,
    Paragraph,
)
from draftroom.model.labels import labels
from draftroom.record import asdict

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from typing import Any

_SCALARS = (
    "language",
    "kind",
    "symbol",
    "session",
    "committee",
    "agenda_item",
    "agenda_title",
    "date",
    "job_number",
    "title",
    "body",
    "resolution_number",
    "adopted_on",
    "report_line",
    "amends",
)


def _para(p: Paragraph, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": p.id,
        "number": p.number,
        "label": names.get(p.id, ""),
        "marker": p.marker,
        "text": p.text,
        "status": p.status,
        "opener": p.opener,
        "headings": list(p.headings),
        "items": [_para(i, names) for i in p.items],
    }


def to_dict(doc: Document, names: dict[str, str] | None = None) -> dict[str, Any]:
    """`names`: paragraph id -> label, the whole document's for one of its parts ("A OP3")."""
    names = names or labels(doc)
    out: dict[str, Any] = {k: getattr(doc, k) for k in _SCALARS}
    out["sponsors"] = list(doc.sponsors)
    out["preamble"] = [_para(p, names) for p in doc.preamble]
    out["operative"] = [_para(p, names) for p in doc.operative]
    out["annexes"] = [
        {
            "title": a.title,
            "id": a.id,
            "blocks": [
                {"kind": "paragraph", **_para(b, names)}
                if isinstance(b, Paragraph)
                else {"kind": "heading", "text": b.text, "id": b.id}
                for b in a.blocks
            ],
        }
        for a in doc.annexes
    ]
    out["footnotes"] = [
        {"number": f.number, "text": f.text, **({"marker": f.marker} if f.marker else {})}
        for f in doc.footnotes
    ]
    out["closing"] = {"meeting": doc.closing.meeting, "date": doc.closing.date}
    if doc.kind == "amendments" or doc.instructions:
        out["instructions"] = [
            {k: v for k, v in asdict(i).items() if v is not None} for i in doc.instructions
        ]
    if doc.parts:
        out["parts"] = [to_dict(part, names) for part in doc.parts]
    return out


def _para_from(d: dict[str, Any]) -> Paragraph:
    return Paragraph(
        id=d["id"],
        text=d.get("text", ""),
        number=d.get("number"),
        marker=d.get("marker"),
        items=[_para_from(i) for i in d.get("items") or []],
        status=d.get("status") or "open",
        opener=d.get("opener"),
        headings=list(d.get("headings") or []),
    )


def from_dict(d: dict[str, Any]) -> Document:
    scalars: dict[str, Any] = {k: d[k] for k in _SCALARS if d.get(k) is not None}
    doc = Document(**scalars)
    doc.sponsors = list(d.get("sponsors") or [])
    doc.preamble = [_para_from(p) for p in d.get("preamble") or []]
    doc.operative = [_para_from(p) for p in d.get("operative") or []]
    doc.annexes = [
        Annex(
            title=a.get("title", ""),
            id=a.get("id"),
            blocks=[
                _para_from(b) if b.get("kind") == "paragraph" else Heading(b.get("text", ""), b.get("id"))
                for b in a.get("blocks") or []
            ],
        )
        for a in d.get("annexes") or []
    ]
    doc.footnotes = [Footnote(int(f["number"]), f["text"], f.get("marker")) for f in d.get("footnotes") or []]
    c = d.get("closing") or {}
    doc.closing = Closing(c.get("meeting"), c.get("date"))
    doc.instructions = [Instruction(**i) for i in d.get("instructions") or []]
    doc.parts = [from_dict(part) for part in d.get("parts") or []]
    return doc
