"""The other official languages of a negotiation: versions aligned with the working text, their
status paragraph by paragraph, the Secretariat's translations, and the text read in any language.

The working text is negotiated in one language (the `--from` file's); every other language is a
translation under the same paragraph ids (draftroom.store.translations). A translated paragraph
records the digest of the working text it was made from, so a revision that changes a working
paragraph makes its translations `stale` and an inserted paragraph is `missing` in every other
language, without anyone marking anything.
"""

from collections.abc import Callable
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.lang import check_language
from draftroom.model import Document, Heading, Paragraph, find_by_id, iter_located, labels, locate
from draftroom.model.amendment import Amendment, make_id
from draftroom.model.dates import iso_date, printed_date
from draftroom.model.footnotes import references
from draftroom.model.text_rules import check_typed
from draftroom.model.translated_notes import note_statuses, renumbered, set_note
from draftroom.model.translation import (
    AmendmentTranslation,
    TranslatedParagraph,
    Translation,
    TranslationProposal,
    annex_key,
    digest,
    made_from,
)
from draftroom.record import field, record
from draftroom.store import Transaction, new_negotiation_dir
from draftroom.store.layout import Reader
from draftroom.store.translations import (
    FOLDER,
    amendment_translation_file,
    amendment_translation_path,
    proposal_file,
    proposal_files,
    proposal_path,
    read_amendment_translation,
    read_proposals,
    read_translation,
    read_translations,
    save_translation,
    translation_files,
)
from draftroom.workflow.identity import SECRETARIAT, resolve_actor
from draftroom.workflow.negotiation import (
    Created,
    Home,
    create_negotiation,
    open_negotiation,
    show,
    sponsor_names,
)


# ---- status --------------------------------------------------------------------------------------------
def statuses(working: Document, t: Translation) -> dict[str, str]:
    """Working paragraph id -> current, stale or missing in translation `t`, in reading order."""
    out: dict[str, str] = {}
    for loc in iter_located(working):
        tp = t.paragraphs.get(loc.paragraph.id)
        if tp is None:
            out[loc.paragraph.id] = "missing"
        else:
            out[loc.paragraph.id] = "current" if made_from(tp.source, loc.paragraph.text) else "stale"
    return out


@record
class ParagraphStatus:
    id: str
    label: str
    status: dict[str, str]  # language -> current | stale | missing


@record
class NoteStatus:
    number: int  # the working text's footnote number
    status: dict[str, str]  # language -> current | stale | missing


@record
class Report:
    working: str
    languages: list[str]  # the working language first
    paragraphs: list[ParagraphStatus] = field(default_factory=list)
    footnotes: list[NoteStatus] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "working": self.working,
            "languages": self.languages,
            "paragraphs": [{"id": p.id, "label": p.label, "status": p.status} for p in self.paragraphs],
            "footnotes": [{"number": f.number, "status": f.status} for f in self.footnotes],
        }

    def not_current(self, lang: str) -> list[str]:
        return [p.label for p in self.paragraphs if p.status.get(lang) != "current"]

    def notes_not_current(self, lang: str) -> list[int]:
        return [f.number for f in self.footnotes if f.status.get(lang) != "current"]


def report(working: Document, translations: dict[str, Translation]) -> Report:
    per = {lang: statuses(working, t) for lang, t in translations.items()}
    notes = {lang: note_statuses(working, t) for lang, t in translations.items()}
    out = Report(working.language, [working.language, *per])
    for loc in iter_located(working):
        pid = loc.paragraph.id
        out.paragraphs.append(ParagraphStatus(pid, loc.label, {lang: s[pid] for lang, s in per.items()}))
    out.footnotes = [
        NoteStatus(f.number, {lang: s[f.number] for lang, s in notes.items()}) for f in working.footnotes
    ]
    return out


def not_current(working: Document, t: Translation) -> list[str]:
    """The labels of the paragraphs, then the footnotes ("footnote 2"), not current in `t`."""
    names = labels(working)
    return [names[pid] for pid, s in statuses(working, t).items() if s != "current"] + [
        f"footnote {n}" for n, s in note_statuses(working, t).items() if s != "current"
    ]


def translations(name: str, rev: str | None = None, home: Home = None) -> Report:
    """`draftroom translations NAME`: every paragraph's status in every other language."""
    snap = open_negotiation(name, home).snapshot(rev)
    return report(snap.document(), read_translations(snap.read))


# ---- reading in a language -----------------------------------------------------------------------------
def translated_document(working: Document, t: Translation) -> Document:
    """The working text in `t`'s language: each translated paragraph's text, marker, opener and headings;
    a paragraph not translated yet keeps the working text (the status says so)."""
    import copy  # with weakref: for a translated text, not for the statuses

    doc = copy.deepcopy(working)
    doc.language = t.language
    t = renumbered(working, t)
    _in_words(working, doc, t)
    for working_part, part, words in zip(working.parts, doc.parts, t.parts, strict=False):
        part.language = t.language
        _in_words(working_part, part, words)
    for loc in iter_located(doc):
        p = loc.paragraph
        tp = t.paragraphs.get(p.id)
        if tp is not None:
            p.text, p.marker, p.opener, p.headings = tp.text, tp.marker, tp.opener, list(tp.headings)
    theirs = {f.number: f for f in t.footnotes}  # a footnote added since keeps its working text
    doc.footnotes = [copy.deepcopy(theirs.get(f.number, f)) for f in doc.footnotes]
    return doc


def _in_words(working: Document, doc: Document, words: Translation) -> None:
    """A text's own words (the document's, or one part's) in `words`' language: fields, closing,
    annex titles and headings."""
    for key, value in words.fields.items():
        if value is not None and not (key == "job_number" and working.job_number is None):
            setattr(doc, key, value)  # a revision drops the job number: a new document gets its own
    if words.closing.meeting or words.closing.date:
        import copy

        doc.closing = copy.copy(words.closing)
    _same_dates(working, doc, words.language)
    for i, annex in enumerate(doc.annexes):
        annex.title = words.headings.get(annex_key(annex.id, i), annex.title)
        for block in annex.blocks:
            if isinstance(block, Heading) and block.id and block.id in words.headings:
                block.text = words.headings[block.id]


def _same_dates(working: Document, doc: Document, lang: str) -> None:
    """The dates of the working text (a revision's new date), printed in `lang` where the version's
    own print of them says another day or none."""
    for obj, theirs, key in (
        (working, doc, "date"),
        (working, doc, "adopted_on"),
        (working.closing, doc.closing, "date"),
    ):
        iso = iso_date(getattr(obj, key))
        if iso and iso_date(getattr(theirs, key)) != iso:
            setattr(theirs, key, printed_date(iso, lang))


@record
class InLanguage:
    document: Document
    not_current: list[str]  # labels of the paragraphs whose translation is stale or missing
    translated: bool = True  # False: the negotiation holds no version in that language


def in_language(
    name: str, lang: str | None, rev: str | None = None, home: Home = None, *, required: bool = True
) -> InLanguage:
    """The negotiation's text at `rev` in `lang` (the working language when None). Without a version in
    `lang`: a one-line error, or (`required=False`) the working text, `translated` False."""
    doc = show(name, rev, home)
    if lang is None or lang == doc.language:
        return InLanguage(doc, [])
    snap = open_negotiation(name, home).snapshot(rev)
    t = read_translation(snap.read, check_language(lang))
    if t is None:
        if not required:
            return InLanguage(doc, [], translated=False)
        have = ", ".join(read_translations(snap.read)) or "none yet"
        raise DraftroomError(
            f"{name} has no {lang} version (working language {doc.language}; translations: {have}): "
            f"add one with `draftroom translations {name} add FILE --lang {lang}`"
        )
    stale = not_current(doc, t)
    out = translated_document(doc, t)
    out.sponsors = sponsor_names([s for s in snap.sponsors() if s.main], lang)
    return InLanguage(out, stale)


@record
class LanguageView:
    """What a reader of the draft sees in one language: the text, printed as that language prints it,
    and each paragraph's and footnote's status there (empty in the working language)."""

    document: Document
    languages: list[str]  # the working language first, then every language the negotiation holds
    paragraphs: dict[str, str] = field(default_factory=dict)  # paragraph id -> current | stale | missing
    footnotes: dict[int, str] = field(default_factory=dict)  # working note number -> status


def language_view(name: str, lang: str | None, home: Home = None) -> LanguageView:
    """The latest text in `lang` (None: the working language) for reading on screen: the translation
    where there is one (the working text where a paragraph is missing), its quotes and apostrophes as
    the language prints them, with the status of every paragraph and footnote."""
    working = show(name, None, home)
    snap = open_negotiation(name, home).snapshot()
    found = read_translations(snap.read)
    languages = [working.language, *found]
    if lang is None or lang == working.language:
        return LanguageView(working, languages)
    t = found.get(check_language(lang))
    if t is None:
        raise DraftroomError(
            f"{name} has no {lang} version (it holds {', '.join(languages)}): "
            f"add one with `draftroom translations {name} add FILE --lang {lang}`"
        )
    from draftroom.export.typography import printed  # the export's typography loads only for a version

    doc = translated_document(working, t)
    doc.sponsors = sponsor_names([s for s in snap.sponsors() if s.main], lang)
    for loc in iter_located(doc):
        loc.paragraph.text = printed(loc.paragraph.text, lang)
    return LanguageView(doc, languages, statuses(working, t), note_statuses(working, t))


# ---- adding versions ------------------------------------------------------------------------------------
def _version(
    working: Document, path: str | Path, lang: str | None, warn: Callable[[str], None]
) -> Translation:
    from draftroom.workflow.alignment import align  # the parsers load only to add a version
    from draftroom.workflow.reading import read_document

    doc = read_document(path, check_language(lang) if lang else None, warn, refuse_other_language=True)
    if lang:
        doc.language = lang
    return align(working, doc, str(path), warn)


def new_with_translations(
    name: str,
    source: str | Path,
    versions: list[str],
    *,
    symbol: str | None = None,
    facilitator: str | None = None,
    actor: str | None = None,
    lang: str | None = None,
    home: Home = None,
) -> Created:
    """`draftroom new NAME --from FILE --with FILE...`: the working text and its versions in other
    languages, every one aligned before anything is written."""
    new_negotiation_dir(name, home)  # refuse a bad or taken name before parsing
    warnings: list[str] = []
    from draftroom.workflow.reading import read_document

    working = read_document(source, lang, warnings.append)
    found: dict[str, Translation] = {}
    for path in versions:
        t = _version(working, path, None, warnings.append)
        if t.language in found:
            raise DraftroomError(
                f"two versions in {t.language} ({path} and another): give one file per language"
            )
        found[t.language] = t
    files = {rel: text for t in found.values() for rel, text in translation_files(t).items()}
    created = create_negotiation(
        name, working, symbol=symbol, facilitator=facilitator, actor=actor, home=home, files=files
    )
    created.warnings[:0] = warnings
    created.languages = list(found)
    return created


@record
class Added:
    translation: Translation
    not_current: list[str]  # the labels not current in it
    warnings: list[str] = field(default_factory=list)  # the version's faults read through


def add_translation(
    name: str,
    path: str | Path,
    lang: str | None = None,
    actor: str | None = None,
    rev: str | None = None,
    home: Home = None,
) -> Added:
    """`draftroom translations NAME add FILE`: a version in another language, aligned with the working
    text at `rev` (default: the latest); paragraphs changed since `rev` come out stale, inserted ones
    missing."""
    neg = open_negotiation(name, home)
    who = resolve_actor(actor)
    if who != SECRETARIAT:
        raise DraftroomError(
            f"only the Secretariat adds a language version; {who} proposes wordings with `draftroom translate`"
        )
    base = neg.snapshot(rev).document()
    warnings: list[str] = []
    t = _version(base, path, lang, warnings.append)
    with neg.action(
        "translation-add", who, summary=f"{t.language} version added from {Path(path).name}"
    ) as txn:
        if read_translation(txn.read_file, t.language) is not None:
            raise DraftroomError(
                f"{name} already has a {t.language} version: change its paragraphs with `draftroom translate`"
            )
        current = {loc.paragraph.id for loc in iter_located(txn.doc)}
        t.paragraphs = {pid: tp for pid, tp in t.paragraphs.items() if pid in current}
        save_translation(txn, t)
        txn.extra_trailers.append(("Language", t.language))
        stale = not_current(txn.doc, t)
    return Added(t, stale, warnings)


@record
class Translated:
    label: str
    proposal: str | None = None  # the proposal's id when a delegation proposed the wording


def _version_in(txn: Transaction, name: str, lang: str) -> Translation:
    if lang == txn.doc.language:
        raise DraftroomError(f"{lang} is the working language of {name}: change its text by amendment")
    t = read_translation(txn.read_file, lang)
    if t is None:
        raise DraftroomError(
            f"{name} has no {lang} version yet: add one with `draftroom translations {name} add FILE --lang {lang}`"
        )
    return t


def _set(txn: Transaction, t: Translation, p: Paragraph, text: str, source: str) -> None:
    """One paragraph's translation set and saved, made from the working text of digest `source`; the
    translation's footnotes numbered as the working text's, as the text typed refers to them."""
    t = renumbered(txn.doc, t)
    old = t.paragraphs.get(p.id)
    opener = old.opener if old and old.opener and text.startswith(old.opener) else None
    t.paragraphs[p.id] = TranslatedParagraph(
        text, source, old.marker if old else p.marker, opener, old.headings if old else []
    )
    order = [loc.paragraph.id for loc in iter_located(txn.doc)]
    t.paragraphs = {pid: t.paragraphs[pid] for pid in order if pid in t.paragraphs}
    save_translation(txn, t)
    txn.paragraphs.append(p.id)
    txn.extra_trailers.append(("Language", t.language))


def translate(
    name: str, label: str, lang: str, text: str, actor: str | None = None, home: Home = None
) -> Translated:
    """`draftroom translate NAME OP3 --lang fr --text ...`: the Secretariat sets one paragraph's
    translation, made from the working text as it stands now (so it is current); a delegation
    proposes that wording instead, for the Secretariat to accept (`accept_translation`)."""
    text = check_typed(text, "translation (--text)")
    who = resolve_actor(actor)
    lang = check_language(lang)
    if not text.strip():
        raise DraftroomError("--text is empty: give the paragraph's translation")
    neg = open_negotiation(name, home)
    secretariat = who == SECRETARIAT
    with neg.action("translate" if secretariat else "translation-propose", who) as txn:
        t = _version_in(txn, name, lang)
        loc = locate(txn.doc, label)
        p = loc.paragraph
        if not secretariat:
            proposal = _propose(txn, TranslationProposal("", p.id, lang, text.strip(), who, digest(p.text)))
            txn.extra_trailers.append(("Language", lang))
            txn.summary = f"{who} proposes {loc.label} in {lang}"
            return Translated(loc.label, proposal.id)
        _set(txn, t, p, text.strip(), digest(p.text))
        txn.summary = f"{loc.label} translated into {lang}"
        return Translated(loc.label)


def translate_footnote(
    name: str, number: int, lang: str, text: str, actor: str | None = None, home: Home = None
) -> Translated:
    """`draftroom translate NAME --footnote 2 --lang fr --text ...`: the Secretariat sets the translation
    of the working text's footnote 2 as it reads now (so it is current); a delegation proposes that
    wording instead, accepted or rejected like a paragraph's (`decide_translation`)."""
    text = check_typed(text, "translation (--text)").strip()
    who = resolve_actor(actor)
    lang = check_language(lang)
    if not text:
        raise DraftroomError("--text is empty: give the footnote's translation")
    neg = open_negotiation(name, home)
    secretariat = who == SECRETARIAT
    with neg.action("translate" if secretariat else "translation-propose", who) as txn:
        t = _version_in(txn, name, lang)
        note = next((f for f in txn.doc.footnotes if f.number == number), None)
        if note is None:
            have = [f.number for f in txn.doc.footnotes]
            raise DraftroomError(
                f"{name} has no footnote {number}: its footnotes are "
                f"{', '.join(map(str, have)) or 'none'} (see `draftroom translations {name}`)"
            )
        txn.extra_trailers.append(("Language", lang))
        if not secretariat:
            where = next(
                (
                    loc.paragraph.id
                    for loc in iter_located(txn.doc)
                    if number in references(loc.paragraph.text)
                ),
                "",
            )
            proposal = _propose(
                txn, TranslationProposal("", where, lang, text, who, digest(note.text), footnote=number)
            )
            txn.summary = f"{who} proposes footnote {number} in {lang}"
            return Translated(f"footnote {number}", proposal.id)
        save_translation(txn, set_note(txn.doc, t, number, text))
        txn.summary = f"footnote {number} translated into {lang}"
    return Translated(f"footnote {number}")


def _propose(txn: Transaction, proposal: TranslationProposal) -> TranslationProposal:
    """A delegation's wording saved in the action under a new id of its own."""
    from draftroom.workflow.amending import code  # the amendment rules load only to propose

    proposal.id = make_id(code(proposal.proposer))
    txn.write_file(proposal_path(proposal.language, proposal.id), proposal_file(proposal))
    if proposal.paragraph:
        txn.paragraphs.append(proposal.paragraph)
    return proposal


def _proposals(files: list[str], read: Reader) -> list[TranslationProposal]:
    return read_proposals(read, [f for f in files if f.startswith(FOLDER)])


def translation_proposals(name: str, home: Home = None) -> list[tuple[str, TranslationProposal]]:
    """Every proposed wording of a paragraph in another language, oldest first, with the label."""
    snap = open_negotiation(name, home).snapshot()
    names = labels(snap.document())
    found = _proposals(proposal_files(snap.listing), snap.read)
    return [(_proposal_label(names, p), p) for p in found]


def accept_translation(name: str, ident: str, actor: str | None = None, home: Home = None) -> Translated:
    """`draftroom translate NAME --accept ID` (or `accept NAME ID`): see `decide_translation`."""
    return decide_translation(name, ident, "accept", actor, home=home)


def decide_translation(
    name: str, ident: str, verdict: str, actor: str | None = None, because: str = "", home: Home = None
) -> Translated:
    """`draftroom accept|reject NAME ID`: the Secretariat or a facilitator decides a delegation's
    proposed wording as a facilitator decides any amendment. Accepted, it becomes the translation
    (current while the working text is the one it translated); rejected, it stays in the proposals
    file, marked so, with the reason (`because`)."""
    if verdict not in ("accept", "reject"):
        raise DraftroomError(f"a proposed translation is accepted or rejected, not {verdict!r}ed")
    who = resolve_actor(actor)
    neg = open_negotiation(name, home)
    with neg.action(f"translation-{verdict}", who) as txn:
        if who != SECRETARIAT:
            from draftroom.workflow.amending import require_facilitator

            require_facilitator(txn, who, f"{verdict} a proposed translation")
        proposal = _proposal(txn, name, ident)
        label = _proposal_label(labels(txn.doc), proposal)
        if verdict == "accept":
            _accept(txn, name, proposal)
        proposal.status, proposal.reason = f"{verdict}ed", because.strip()
        txn.write_file(proposal_path(proposal.language, proposal.id), proposal_file(proposal))
        if proposal.paragraph and proposal.paragraph not in txn.paragraphs:
            txn.paragraphs.append(proposal.paragraph)
        if ("Language", proposal.language) not in txn.extra_trailers:
            txn.extra_trailers.append(("Language", proposal.language))
        txn.summary = f"{who} {verdict}s {proposal.proposer}'s {label} in {proposal.language}"
        return Translated(label, proposal.id)


def _proposal(txn: Transaction, name: str, ident: str) -> TranslationProposal:
    """The one undecided proposal `ident` (a unique start of its id) names."""
    want = ident.strip()
    found = [p for p in _proposals(txn.list_files(FOLDER), txn.read_file) if want and p.id.startswith(want)]
    if len(found) != 1:
        what = "no" if not found else f"{len(found)}"
        raise DraftroomError(
            f"{what} proposed translation(s) with id {ident!r}: see `draftroom translations {name} proposals`"
        )
    if found[0].status != "proposed":
        raise DraftroomError(f"{found[0].id} was already {found[0].status}")
    return found[0]


def _proposal_label(names: dict[str, str], p: TranslationProposal) -> str:
    """What a proposal translates, as a negotiator names it now: "OP3", "footnote 2"."""
    return p.what or names.get(p.paragraph, "(deleted)")


def _accept(txn: Transaction, name: str, proposal: TranslationProposal) -> None:
    t = _version_in(txn, name, proposal.language)
    if proposal.footnote is not None:
        number = _note_of(txn.doc, proposal)
        save_translation(txn, set_note(txn.doc, t, number, proposal.text, proposal.source))
        return
    loc = find_by_id(txn.doc, proposal.paragraph)
    if loc is None:
        raise DraftroomError(f"{proposal.id} translates a paragraph the working text no longer has")
    _set(txn, t, loc.paragraph, proposal.text, proposal.source)


def _note_of(working: Document, proposal: TranslationProposal) -> int:
    """The working note a footnote's proposed wording translates: the one whose text it was made from
    (renumbered since, perhaps), else the one under its number (changed since: the wording is stale)."""
    for f in working.footnotes:
        if made_from(proposal.source, f.text):
            return f.number
    if any(f.number == proposal.footnote for f in working.footnotes):
        return proposal.footnote or 0
    raise DraftroomError(f"{proposal.id} translates a footnote the working text no longer has")


# ---- amendments in another language ---------------------------------------------------------------------
def translate_amendment(
    name: str,
    ident: str,
    lang: str,
    text: str | None = None,
    find: str | None = None,
    replace: str | None = None,
    actor: str | None = None,
    home: Home = None,
) -> Amendment:
    """`draftroom translate NAME --amendment ID --lang fr --text ...`: an amendment's wording in another
    language, for the formal amendments document in that language. The Secretariat, or a proposer of
    the amendment (a delegation proposing its amendment in that language too)."""
    who = resolve_actor(actor)
    lang = check_language(lang)
    neg = open_negotiation(name, home)
    with neg.action("translate-amendment", who) as txn:
        if lang == txn.doc.language:
            raise DraftroomError(f"{lang} is the working language of {name}: the amendment is already in it")
        a = txn.amendments.get(ident)
        if who != SECRETARIAT and who not in a.proposers:
            raise DraftroomError(
                f"only the Secretariat or a proposer of {a.id} ({', '.join(a.proposers)}) gives its {lang} wording"
            )
        wording = _wording(a, text, find, replace)
        txn.write_file(amendment_translation_path(lang, a.id), amendment_translation_file(wording))
        txn.amendment = a.id
        txn.extra_trailers.append(("Language", lang))
        txn.summary = f"Amendment {a.id} worded in {lang}"
        return a


def _wording(a: Amendment, text: str | None, find: str | None, replace: str | None) -> AmendmentTranslation:
    text, find, replace = (
        None if value is None else check_typed(value, what)
        for value, what in ((text, "--text"), (find, "--find"), (replace, "--replace"))
    )
    if a.kind in ("replace", "insert"):
        if not (text or "").strip() or find is not None or replace is not None:
            raise DraftroomError(f"{a.id} is a {a.kind}: give its new text in that language with --text")
        return AmendmentTranslation(text=(text or "").strip())
    if a.kind == "edit" and a.find:
        if not (find or "").strip() or replace is None or text is not None:
            raise DraftroomError(
                f"{a.id} is a word edit: give the words with --find and their replacement with --replace"
            )
        return AmendmentTranslation(find=(find or "").strip(), replace=replace)
    raise DraftroomError(f"{a.id} is a {a.kind}: it quotes no text of its own to translate")


def in_language_amendments(
    name: str, lang: str, amendments: list[Amendment], home: Home = None
) -> list[bool]:
    """Put each amendment's wording in `lang` in place where one was given (in place, on copies the
    caller owns); for each, whether it was."""
    snap = open_negotiation(name, home).snapshot()
    worded: list[bool] = []
    for a in amendments:
        t = read_amendment_translation(snap.read, lang, a.id)
        if t is not None:
            a.text = t.text if t.text is not None else a.text
            a.find = t.find if t.find is not None else a.find
            a.replace = t.replace if t.replace is not None else a.replace
            if a.kind == "edit" and a.find is not None and a.replace is not None:
                a.text = None  # the edit's result in the working language no longer applies
        worded.append(t is not None)
    return worded
