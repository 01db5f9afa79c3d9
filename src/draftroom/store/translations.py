"""The translations of the working text, one folder per language, plain UTF-8 like the document:

    translations/<lang>/meta.json        the document's words in that language (title, body, session,
                                         closing...), annex titles and headings by id, and the digest
                                         of the working note each footnote was translated from
    translations/<lang>/paragraphs.txt   one JSON line per translated paragraph: its working id, the
                                         digest of the working text it was translated from, its
                                         marker, opener and headings in that language
    translations/<lang>/text/<id>.txt    the paragraph's translated text
    translations/<lang>/footnotes.txt    the footnotes in that language ("[^N]: text")
    translations/<lang>/amendments/<id>.json   an amendment's wording in that language (text, or the
                                         words an edit finds and replaces)
    translations/<lang>/proposals/<id>.json    a delegation's proposed wording of a paragraph or a
                                         footnote, its status (proposed, accepted, rejected) and
                                         the facilitator's reason

So `git log translations/fr/text/p12.txt` is the history of one French paragraph.
"""

from __future__ import annotations

import json

from draftroom.lang import LANGUAGES
from draftroom.model import Closing
from draftroom.model.translation import (
    FIELDS,
    AmendmentTranslation,
    TranslatedParagraph,
    Translation,
    TranslationProposal,
)
from draftroom.store import layout

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, Protocol

    class Writer(Protocol):
        """What saving needs of a transaction: write, delete and list its free files."""

        def write_file(self, rel: str, text: str) -> None: ...
        def delete_file(self, rel: str) -> None: ...
        def list_files(self, prefix: str = "") -> list[str]: ...


FOLDER = "translations/"


def _base(lang: str) -> str:
    return f"{FOLDER}{lang}/"


def _words(t: Translation) -> dict[str, object]:
    """A text's words in the language (the document's, or one part's): fields, closing, headings."""
    return {
        **{k: t.fields.get(k) for k in FIELDS},
        "closing": {"meeting": t.closing.meeting, "date": t.closing.date},
        "headings": t.headings,
    }


def _words_from(lang: str, meta: dict[str, Any]) -> Translation:
    closing = meta.get("closing") or {}
    return Translation(
        language=lang,
        fields={k: meta.get(k) for k in FIELDS},
        closing=Closing(closing.get("meeting"), closing.get("date")),
        headings=dict(meta.get("headings") or {}),
    )


def translation_files(t: Translation) -> dict[str, str]:
    """Every file that holds one translation: relative path -> content."""
    base = _base(t.language)
    meta = {
        "language": t.language,
        **_words(t),
        "footnote_sources": {str(n): source for n, source in sorted(t.footnote_sources.items())},
    }
    if t.parts:
        meta["parts"] = [_words(part) for part in t.parts]
    lines: list[str] = []
    files: dict[str, str] = {}
    for pid, p in t.paragraphs.items():
        entry = {
            "id": pid,
            "source": p.source,
            "marker": p.marker,
            "opener": p.opener,
            "headings": p.headings,
        }
        lines.append(json.dumps({k: v for k, v in entry.items() if v not in (None, [])}, ensure_ascii=False))
        files[base + layout.text_path(pid)] = p.text + "\n"
    return {
        base + "meta.json": layout.dump_json(meta),
        base + "paragraphs.txt": "".join(line + "\n" for line in lines),
        base + "footnotes.txt": layout.footnotes_file(t.footnotes),
        **files,
    }


def read_translation(read: layout.Reader, lang: str) -> Translation | None:
    """The translation into `lang`, or None when the negotiation has none."""
    base = _base(lang)
    raw = read(base + "meta.json")
    if raw is None:
        return None
    meta = json.loads(raw)
    t = _words_from(lang, meta)
    t.footnotes = layout.read_footnotes(read(base + "footnotes.txt") or "")
    t.footnote_sources = {int(n): str(s) for n, s in (meta.get("footnote_sources") or {}).items()}
    t.parts = [_words_from(lang, part) for part in meta.get("parts") or []]
    for line in (read(base + "paragraphs.txt") or "").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        text = read(base + layout.text_path(entry["id"])) or ""
        t.paragraphs[entry["id"]] = TranslatedParagraph(
            text=text[:-1] if text.endswith("\n") else text,
            source=entry["source"],
            marker=entry.get("marker"),
            opener=entry.get("opener"),
            headings=list(entry.get("headings") or []),
        )
    return t


def read_translations(read: layout.Reader) -> dict[str, Translation]:
    """Every translation the negotiation holds, by language, in the project's order of languages."""
    found = {lang: read_translation(read, lang) for lang in LANGUAGES}
    return {lang: t for lang, t in found.items() if t is not None}


def save_translation(txn: Writer, t: Translation) -> None:
    """Write one translation's files in an action, deleting the text files it no longer holds."""
    files = translation_files(t)
    for rel in txn.list_files(_base(t.language) + "text/"):
        if rel not in files:
            txn.delete_file(rel)
    for rel, text in files.items():
        txn.write_file(rel, text)


def amendment_translation_path(lang: str, amendment_id: str) -> str:
    return f"{_base(lang)}amendments/{amendment_id}.json"


def read_amendment_translation(
    read: layout.Reader, lang: str, amendment_id: str
) -> AmendmentTranslation | None:
    raw = read(amendment_translation_path(lang, amendment_id))
    if raw is None:
        return None
    data = json.loads(raw)
    return AmendmentTranslation(data.get("text"), data.get("find"), data.get("replace"))


def amendment_translation_file(t: AmendmentTranslation) -> str:
    return layout.dump_json({k: v for k, v in vars(t).items() if v is not None})


def proposal_path(lang: str, proposal_id: str) -> str:
    return f"{_base(lang)}proposals/{proposal_id}.json"


def proposal_file(p: TranslationProposal) -> str:
    """Its JSON; a paragraph's undecided proposal is written as before footnotes and reasons were kept."""
    return layout.dump_json({k: v for k, v in vars(p).items() if k not in _OPTIONAL or v not in (None, "")})


_OPTIONAL = ("reason", "footnote")


def proposal_files(listing: Callable[[str], list[str]]) -> list[str]:
    """The proposals' files of every language, from a lister of a folder's files (a commit's)."""
    return [f"{d}/{n}" for d in (f"{_base(lang)}proposals" for lang in LANGUAGES) for n in listing(d)]


def read_proposals(read: layout.Reader, listing: list[str]) -> list[TranslationProposal]:
    """The proposals among `listing` (relative paths), oldest first (their ids sort by time)."""
    found = [read(rel) for rel in listing if "/proposals/" in rel and rel.endswith(".json")]
    return sorted((TranslationProposal(**json.loads(raw)) for raw in found if raw), key=lambda p: p.id)
