"""Where two readings of one document differ: structure, text, footnote markers, openers, headings.

Used to hold a round trip (read, write, read again) and a reader against an answer key.
"""

from collections.abc import Iterator

from draftroom.model.document import Document, Heading
from draftroom.model.labels import iter_located

HEAD_FIELDS = (
    "kind", "language", "symbol", "resolution_number", "title", "body", "session", "committee", "agenda_item",
    "agenda_title", "date", "job_number", "report_line", "adopted_on", "sponsors", "amends",
)  # fmt: skip


def _blocks(doc: Document) -> Iterator[tuple[str, str]]:
    """(where, what) for every heading, paragraph field and footnote, in reading order."""
    for loc in iter_located(doc):
        p = loc.paragraph
        yield loc.label, f"number={p.number} marker={p.marker}"
        yield f"{loc.label} text", p.text
        yield f"{loc.label} opener", p.opener or ""
        yield f"{loc.label} headings", " / ".join(p.headings)
    for a, annex in enumerate(doc.annexes, 1):
        yield f"annex {a} title", annex.title
        yield f"annex {a} headings", " / ".join(b.text for b in annex.blocks if isinstance(b, Heading))
        yield f"annex {a} shape", "".join("h" if isinstance(b, Heading) else "p" for b in annex.blocks)
    for f in doc.footnotes:
        yield f"footnote {f.number}", f"[{f.marker or f.number}] {f.text}"
    yield "closing", f"{doc.closing.meeting} | {doc.closing.date}"


def differences(a: Document, b: Document, limit: int = 5) -> list[str]:
    """The first `limit` places where `b` does not read as `a`, one line each; empty when none."""
    out = [
        f"{name}: {getattr(a, name)!r} != {getattr(b, name)!r}"
        for name in HEAD_FIELDS
        if getattr(a, name) != getattr(b, name)
    ]
    left, right = list(_blocks(a)), list(_blocks(b))
    for (where, x), (where_b, y) in zip(left, right, strict=False):
        if where != where_b:
            out.append(f"structure: {where} where the other has {where_b}")
            break
        if x != y:
            out.append(f"{where}: {x[:80]!r} != {y[:80]!r}")
        if len(out) >= limit:
            break
    if len(left) != len(right) and len(out) < limit:
        out.append(f"{len(left)} parts against {len(right)}")
    if len(a.parts) != len(b.parts):
        out.append(f"{len(a.parts)} resolution part(s) against {len(b.parts)}")
    for pa, pb in zip(a.parts, b.parts, strict=False):
        out.extend(f"part {pa.symbol}: {d}" for d in differences(pa, pb, limit))
    return out[:limit]
