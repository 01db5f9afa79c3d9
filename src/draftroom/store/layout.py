"""The plain-UTF-8 files of a negotiation, readable and diffable with git alone.

    meta.json         the document's scalar fields (language, symbol, title, body, closing...); a
                      resolution adopted in parts adds "parts", each part's own scalar fields
    structure.txt     the order of parts and paragraphs: one line per paragraph, indented by depth,
                      each a small JSON object ({"id": ..., "number": 3}); annex and heading lines too;
                      in a resolution adopted in parts, "part N" opens the lines of its N-th part
    text/<id>.txt     one paragraph's text per file (footnote references as [^N])
    footnotes.txt     "[^N]: text", one footnote per line ("[^N][*]: text" when the printed marker is not N)
    sponsors/<slug>.json  one sponsoring delegation each (its record and its place in the joining
                      order), so that independent sponsor actions merge; a negotiation made before
                      keeps them all in sponsors.json, read alike and split up by the next action
                      that changes the sponsors
    negotiation.json  name, created, facilitator, tabled, current revision

So `git diff` and `git blame` on text/ work paragraph by paragraph, and a moved paragraph changes
one line of structure.txt, not its text file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.model import Annex, Document, Footnote, Heading, Paragraph
from draftroom.model.jsonform import from_dict, to_dict
from draftroom.patterns import LazyPattern
from draftroom.store.records import NegotiationState, Sponsor

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from typing import Any

META = "meta.json"
STRUCTURE = "structure.txt"
FOOTNOTES = "footnotes.txt"
OUTLINE_FILES = (META, STRUCTURE, FOOTNOTES)  # all read_outline reads
SPONSORS = "sponsors.json"  # all sponsors in one file: negotiations made before sponsors/
SPONSORS_DIR = "sponsors/"  # one file per sponsoring delegation: sponsors/<slug>.json
STATE = "negotiation.json"
TEXT_DIR = "text/"
AMENDMENTS_DIR = "amendments/"  # one file per amendment: amendments/<id>.json
KEYS_DIR = "keys/"  # a hosted negotiation's public keys, one file per delegation (store.signing)

_SAFE_ID = LazyPattern(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")
_PARTS = ("preamble", "operative", "annexes", "footnotes", "sponsors", "parts")
_PART_LINE = LazyPattern(r"^part (\d+)$")

Reader = Callable[[str], str | None]
Lister = Callable[[str], list[str]]  # a folder ("sponsors") -> the names of the files directly in it


def disk_reader(root: Path) -> Reader:
    """Read files of a work tree: path relative to `root` -> text, or None when absent."""

    def read(rel: str) -> str | None:
        p = root / rel
        return p.read_text(encoding="utf-8") if p.is_file() else None

    return read


def disk_lister(root: Path) -> Lister:
    def listing(folder: str) -> list[str]:
        where = root / folder
        return sorted(p.name for p in where.iterdir() if p.is_file()) if where.is_dir() else []

    return listing


def slug(name: str) -> str:
    """A delegation's or person's name as a file name: "Russian Federation" -> russian-federation."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return plain or "u" + name.encode().hex()[:32]


def text_path(pid: str) -> str:
    """text/<id>.txt, or a digest of the id when the id is not a safe file name."""
    if _SAFE_ID.match(pid) and not pid.endswith(".lock"):
        return f"{TEXT_DIR}{pid}.txt"
    import hashlib  # not at import: OpenSSL loads with it, and few paragraphs need it

    return f"{TEXT_DIR}h-{hashlib.sha1(pid.encode()).hexdigest()[:20]}.txt"


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _compact(data: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in data.items() if v not in (None, "open", [])}, ensure_ascii=False)


def _para_lines(p: Paragraph, depth: int, out: list[str], texts: dict[str, str]) -> None:
    path = text_path(p.id)
    if path in texts:
        raise DraftroomError(f"paragraph id {p.id!r} appears twice in the document: ids must be unique")
    texts[path] = p.text + "\n"
    line = _compact(
        {
            "id": p.id,
            "number": p.number,
            "marker": p.marker,
            "status": p.status,
            "opener": p.opener,
            "headings": p.headings,
        }
    )
    out.append("  " * depth + line)
    for item in p.items:
        _para_lines(item, depth + 1, out, texts)


def _scalars(doc: Document) -> dict[str, Any]:
    return {k: v for k, v in to_dict(doc).items() if k not in _PARTS}


def document_files(doc: Document) -> dict[str, str]:
    """Every file that holds the document: relative path -> content."""
    meta = _scalars(doc)
    if doc.parts:
        meta["parts"] = [_scalars(part) for part in doc.parts]
    lines: list[str] = []
    texts: dict[str, str] = {}
    for n, part in enumerate(doc.parts, 1):
        lines.append(f"part {n}")
        _structure_lines(part, lines, texts)
    if not doc.parts:
        _structure_lines(doc, lines, texts)
    notes = footnotes_file(doc.footnotes)
    return {META: dump_json(meta), STRUCTURE: "\n".join(lines) + "\n", FOOTNOTES: notes, **texts}


def _structure_lines(doc: Document, lines: list[str], texts: dict[str, str]) -> None:
    for part, paras in (("preamble", doc.preamble), ("operative", doc.operative)):
        lines.append(part)
        for p in paras:
            _para_lines(p, 1, lines, texts)
    for annex in doc.annexes:
        lines.append("annex " + _compact({"id": annex.id, "title": annex.title}))
        for block in annex.blocks:
            if isinstance(block, Heading):
                lines.append("  " + json.dumps({"heading": block.text, "id": block.id}, ensure_ascii=False))
            else:
                _para_lines(block, 1, lines, texts)


def footnotes_file(notes: list[Footnote]) -> str:
    """ "[^N]: text", one footnote per line, continuation lines indented by four spaces; a printed marker
    that is not the number follows it in brackets: "[^1][*]: text"."""
    return "".join(
        f"[^{f.number}]{_marker(f.marker)}: {f.text.replace(chr(10), chr(10) + '    ')}\n" for f in notes
    )


def _marker(marker: str | None) -> str:
    return f"[{' '.join(marker.split())}]" if marker and marker.strip() else ""


def _required(read: Reader, path: str) -> str:
    data = read(path)
    if data is None:
        raise DraftroomError(
            f"the negotiation's {path} is missing: the repository is damaged (see `git log`)"
        )
    return data


def _paragraph(entry: dict[str, Any], read: Reader) -> Paragraph:
    text = _required(read, text_path(entry["id"]))
    return Paragraph(
        id=entry["id"],
        text=text[:-1] if text.endswith("\n") else text,
        number=entry.get("number"),
        marker=entry.get("marker"),
        status=entry.get("status") or "open",
        opener=entry.get("opener"),
        headings=list(entry.get("headings") or []),
    )


_NOTE = LazyPattern(r"^\[\^(\d+)\](?:\[(.+?)\])?: ?(.*)$")


def read_footnotes(data: str) -> list[Footnote]:
    notes: list[Footnote] = []
    for line in data.splitlines():
        m = _NOTE.match(line)
        if m:
            notes.append(Footnote(int(m.group(1)), m.group(3), m.group(2)))
        elif line.startswith("    ") and notes:
            notes[-1].text += "\n" + line[4:]
    return notes


def read_document(read: Reader) -> Document:
    """The document back from its files; `read(path)` gives a file's text or None."""
    whole = from_dict(json.loads(_required(read, META)))
    doc = whole  # the text the lines at hand fill: the document, or one of its parts
    stack: list[tuple[int, list[Paragraph]]] = []
    for raw in _required(read, STRUCTURE).splitlines():
        if not raw.strip():
            continue
        depth = (len(raw) - len(raw.lstrip(" "))) // 2
        line = raw.strip()
        if depth == 0:
            if m := _PART_LINE.match(line):
                n = int(m.group(1))
                if not 1 <= n <= len(whole.parts):
                    raise DraftroomError(
                        f"the negotiation's {STRUCTURE} names part {n} of {len(whole.parts)}: "
                        "the repository is damaged (see `git log`)"
                    )
                doc = whole.parts[n - 1]
                stack = []
            elif line.startswith("annex"):
                a = json.loads(line[len("annex") :].strip() or "{}")
                doc.annexes.append(Annex(title=a.get("title", ""), id=a.get("id")))
                stack = [(0, doc.annexes[-1].blocks)]  # type: ignore[list-item]
            else:
                stack = [(0, doc.preamble if line == "preamble" else doc.operative)]
            continue
        entry = json.loads(line)
        if "heading" in entry:
            doc.annexes[-1].blocks.append(Heading(entry["heading"], entry.get("id")))
            continue
        while stack and stack[-1][0] >= depth:
            stack.pop()
        para = _paragraph(entry, read)
        stack[-1][1].append(para)
        stack.append((depth, para.items))
    whole.footnotes = read_footnotes(read(FOOTNOTES) or "")
    return whole


def read_outline(read: Reader) -> Document:
    """The document's structure, numbers, statuses and footnotes, read from OUTLINE_FILES alone:
    paragraph texts left empty."""
    return read_document(lambda rel: "" if rel.startswith(TEXT_DIR) else read(rel))


def read_document_meta(read: Reader) -> dict[str, Any]:
    """The document's scalar fields (symbol, title, language...) without reading its paragraphs."""
    meta: dict[str, Any] = json.loads(_required(read, META))
    return meta


def read_state(read: Reader) -> NegotiationState:
    return NegotiationState.from_json(json.loads(_required(read, STATE)))


def sponsor_path(name: str) -> str:
    """sponsors/<slug>.json: where a sponsoring delegation's record is kept."""
    return f"{SPONSORS_DIR}{slug(name)}.json"


def sponsor_records(read: Reader, listing: Lister) -> dict[str, dict[str, Any]]:
    """Each sponsor's record (with its "order") by the file that holds it or, in a negotiation made
    before sponsors/, that will hold it: sponsors.json's entries take their place in it as order."""
    records: dict[str, dict[str, Any]] = {}
    for number, entry in enumerate(json.loads(read(SPONSORS) or "[]")):
        records[sponsor_path(entry["name"])] = {**entry, "order": number}
    for name in listing(SPONSORS_DIR.rstrip("/")):
        rel = SPONSORS_DIR + name
        try:
            entry = json.loads(read(rel) or "")
            valid = isinstance(entry, dict) and isinstance(entry.get("name"), str)
        except json.JSONDecodeError:
            valid = False
        if not valid or not name.endswith(".json"):
            raise DraftroomError(f"{rel} is not a sponsor's record: remove it with git (`git rm {rel}`)")
        records[rel] = entry
    return records


def read_sponsors(read: Reader, listing: Lister) -> list[Sponsor]:
    """The sponsors in the order they joined (two who joined at once on two machines: by file name)."""
    records = sponsor_records(read, listing)
    ranked = sorted(records.items(), key=lambda kv: (kv[1].get("order", 0), kv[0]))
    return [Sponsor.from_json(entry) for _, entry in ranked]


def sponsor_files(sponsors: list[Sponsor], orders: dict[str, int]) -> dict[str, str]:
    """Each sponsor's file (path -> text): one already sponsoring keeps its place in `orders` (path ->
    order), a new one comes after all of them."""
    after = max(orders.values(), default=-1) + 1
    files = {}
    for sponsor in sponsors:
        rel = sponsor_path(sponsor.name)
        if rel not in orders:
            orders = {**orders, rel: after}
            after += 1
        files[rel] = dump_json({**sponsor.to_json(), "order": orders[rel]})
    return files


def state_file(state: NegotiationState) -> str:
    return dump_json(state.to_json())
