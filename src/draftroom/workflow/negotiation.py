"""The verbs of a negotiation: new, show, sponsors, table, log, list, reindex (revise: revising.py).

Each verb is one function taking plain values (names, the actor's raw `--as`, the home) and returning
data; the CLI and the TUI only present it. Every change is one `Negotiation.action` (one commit).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from draftroom import clock
from draftroom.errors import DraftroomError
from draftroom.model import Document, states
from draftroom.model.labels import labels, locate
from draftroom.model.text_rules import check_typed
from draftroom.record import field, names, record
from draftroom.store import (
    Action,
    Committed,
    Negotiation,
    Sponsor,
    Summary,
    Transaction,
    list_negotiation_dirs,
    locate_negotiation,
    new_negotiation_dir,
    resolve_home,
)
from draftroom.store.head_cache import HeadCache
from draftroom.workflow.identity import SECRETARIAT, resolve_actor
from draftroom.workflow.signer import signer_for

Home = str | Path | None


def today() -> str:
    return clock.today()


def open_negotiation(name: str, home: Home = None) -> Negotiation:
    path = locate_negotiation(name, home)
    return Negotiation(path, signer=signer_for(path), after=_after_action)


_syncing_elsewhere: list[object] = []  # front ends that sync in a worker of their own (the TUI)


def sync_in_own_worker(owner: object, on: bool = True) -> None:
    """While on, actions of this process leave syncing to `owner` (a front end whose own worker syncs
    right after each action and keeps looking at the remote), instead of syncing before returning."""
    if on:
        _syncing_elsewhere.append(owner)
    elif owner in _syncing_elsewhere:
        _syncing_elsewhere.remove(owner)


def _after_action(neg: Negotiation, made: Action) -> None:
    if _syncing_elsewhere or not neg.has_remote():  # the hosting modules (and GitPython) stay unloaded
        return
    from draftroom.workflow import hosting  # it builds on this module

    hosting.after_action(neg, made)


# ---- new ---------------------------------------------------------------------------------------------
@record
class Created:
    negotiation: Negotiation
    warnings: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)  # the versions aligned in other languages


def _sponsors_from_document(doc: Document, joined: str, actor: str) -> tuple[list[Sponsor], list[str]]:
    """The document's printed sponsors resolved against the Member State table (main sponsors)."""
    sponsors: list[Sponsor] = []
    warnings: list[str] = []
    for printed in doc.sponsors:
        try:
            state = states.resolve(printed)
        except DraftroomError:
            warnings.append(f"sponsor {printed!r} is not in the Member State table: kept as printed")
            sponsors.append(Sponsor(printed, None, True, joined, actor))
            continue
        if any(s.iso3 == state.code for s in sponsors):
            continue
        sponsors.append(Sponsor(state.en, state.code, True, joined, actor))
    return sponsors, warnings


def create_negotiation(
    name: str,
    doc: Document,
    *,
    symbol: str | None = None,
    facilitator: str | None = None,
    actor: str | None = None,
    home: Home = None,
    files: dict[str, str] | None = None,
) -> Created:
    """A negotiation NAME whose base text (rev-0) is `doc`; `files` go into the same first commit."""
    path = new_negotiation_dir(name, home)
    who = resolve_actor(actor)
    lead = states.resolve(check_typed(facilitator, "--facilitator")).en if facilitator else None
    if symbol:
        doc.symbol = check_typed(symbol, "--symbol")
    when = today()
    sponsors, warnings = _sponsors_from_document(doc, when, who)
    neg = Negotiation.create(path, doc, sponsors, who, facilitator=lead, date=when, files=files)
    return Created(neg, warnings)


def new_negotiation(
    name: str,
    source: str | Path,
    *,
    symbol: str | None = None,
    facilitator: str | None = None,
    actor: str | None = None,
    lang: str | None = None,
    home: Home = None,
) -> Created:
    """`draftroom new NAME --from FILE`: parse FILE and store it as rev-0; a warning first when the
    text clearly reads as another language than `lang`."""
    from draftroom.workflow.reading import read_document  # the parsers load only to read a file

    new_negotiation_dir(name, home)  # refuse a bad or taken name before parsing
    warnings: list[str] = []
    doc = read_document(source, lang, warnings.append)
    created = create_negotiation(name, doc, symbol=symbol, facilitator=facilitator, actor=actor, home=home)
    created.warnings[:0] = warnings
    return created


# ---- show ---------------------------------------------------------------------------------------------
def un_order(sponsors: list[Sponsor], lang: str = "en") -> list[Sponsor]:
    """Sponsors in UN order for `lang` ("the Sudan" under S); names outside the table last."""

    def key(s: Sponsor) -> tuple[bool, str]:
        return (s.iso3 is None, states.sort_key(states.resolve(s.iso3), lang) if s.iso3 else s.name)

    return sorted(sponsors, key=key)


def _language(lang: str) -> str:
    return lang if lang in states.LANGUAGES else "en"


def sponsor_names(sponsors: list[Sponsor], lang: str) -> list[str]:
    """Each sponsor's name in `lang` (English for other languages), in UN order."""
    lang = _language(lang)
    return [states.resolve(s.iso3).name(lang) if s.iso3 else s.name for s in un_order(sponsors, lang)]


def sponsor_line(sponsors: list[Sponsor], lang: str) -> str:
    """The printed sponsor line in `lang` ("阿塞拜疆、孟加拉国……和津巴布韦"); names outside the table last."""
    lang = _language(lang)
    line = states.sponsor_line([states.resolve(s.iso3) for s in sponsors if s.iso3], lang)
    extra = [s.name for s in sponsors if s.iso3 is None]
    return ", ".join([line, *extra]) if extra and line else line or ", ".join(extra)


def paragraph_ids(
    name: str, typed: list[str | None], rev: str | None = None, home: Home = None
) -> list[str | None]:
    """The ids of the paragraphs labels a user typed ("op 3", "OP10(a)") name in the text at `rev`
    (the latest by default), None for None: a front end resolves what was typed once, at its edge,
    and names paragraphs to the workflow by id from then on."""
    if all(label is None for label in typed):
        return [None for _ in typed]
    doc = open_negotiation(name, home).outline(rev)
    return [None if label is None else locate(doc, label).paragraph.id for label in typed]


def show(name: str, rev: str | None = None, home: Home = None) -> Document:
    """The text at the latest or any revision, its sponsors (main ones) named in its language."""
    return shown(open_negotiation(name, home).snapshot(rev))


def shown(snap: Committed) -> Document:
    """The text of one commit as `show` gives it: its main sponsors named in its language."""
    doc = snap.document()
    doc.sponsors = sponsor_names([s for s in snap.sponsors() if s.main], doc.language)
    return doc


# ---- sponsors -----------------------------------------------------------------------------------------
def sponsors(name: str, home: Home = None) -> list[Sponsor]:
    """All sponsors, in UN order; `main` tells main from additional sponsors."""
    return un_order(open_negotiation(name, home).sponsors())


def _resolve_all(names: list[str]) -> list[states.State]:
    if not names:
        raise DraftroomError("name at least one State, e.g. `draftroom sponsors NAME add China`")
    resolved = [states.resolve(check_typed(n, "State's name")) for n in names]
    seen: set[str] = set()
    for raw, state in zip(names, resolved, strict=True):
        if state.code in seen:
            raise DraftroomError(f"{raw!r} is named twice ({state.en}): name each sponsor once")
        seen.add(state.code)
    return resolved


@contextmanager
def _sponsor_action(
    name: str, names: list[str], actor: str | None, home: Home, action: str, verb: str
) -> Iterator[tuple[Transaction, list[states.State], str]]:
    """One sponsor action on the named States: (transaction, States, who acts)."""
    neg = open_negotiation(name, home)
    chosen = _resolve_all(names)
    who = resolve_actor(actor)
    with neg.action(action, who, summary=f"Sponsors {verb}: {', '.join(s.en for s in chosen)}") as txn:
        yield txn, chosen, who
        txn.extra_trailers += [("Sponsor", state.code) for state in chosen]


def _own_only(who: str, chosen: list[states.State], verb: str) -> None:
    """Only a delegation itself (or the Secretariat) adds or removes its sponsorship."""
    others = [s.en for s in chosen if s.en != who]
    if who != SECRETARIAT and others:
        raise DraftroomError(
            f"{who} cannot {verb} {', '.join(others)}: each delegation {verb}s its own sponsorship "
            "(or the Secretariat does)"
        )


def add_sponsors(name: str, names: list[str], actor: str | None = None, home: Home = None) -> list[Sponsor]:
    """Add sponsors; main sponsors before tabling, additional ones (with the date they joined) after."""
    with _sponsor_action(name, names, actor, home, "sponsor-add", "added") as (txn, new, who):
        _own_only(who, new, "add")
        for state in new:
            if any(s.iso3 == state.code for s in txn.sponsors):
                raise DraftroomError(f"{state.en} is already a sponsor of {txn.path.name}")
            txn.sponsors.append(Sponsor(state.en, state.code, txn.state.tabled is None, today(), who))
        added = txn.sponsors[-len(new) :]
    return added


def remove_sponsors(name: str, names: list[str], actor: str | None = None, home: Home = None) -> None:
    with _sponsor_action(name, names, actor, home, "sponsor-remove", "removed") as (txn, gone, who):
        _own_only(who, gone, "remove")
        for state in gone:
            if not any(s.iso3 == state.code for s in txn.sponsors):
                raise DraftroomError(
                    f"{state.en} is not a sponsor of {txn.path.name}: see `draftroom sponsors {txn.path.name}`"
                )
        codes = {s.code for s in gone}
        txn.sponsors[:] = [s for s in txn.sponsors if s.iso3 not in codes]


# ---- table -----------------------------------------------------------------------------------------------
def table(name: str, actor: str | None = None, symbol: str | None = None, home: Home = None) -> str:
    """Mark the draft tabled (today); sponsors added from now on are additional sponsors."""
    if symbol:
        symbol = check_typed(symbol, "--symbol")
    neg = open_negotiation(name, home)
    who = resolve_actor(actor)
    with neg.action("table", who) as txn:
        chairs = txn.facilitators or [txn.state.facilitator or SECRETARIAT]
        if who != SECRETARIAT and who not in chairs:
            raise DraftroomError(
                f"only a facilitator ({', '.join(chairs)}) or the Secretariat tables the draft"
            )
        if txn.state.tabled:
            raise DraftroomError(f"{neg.name} was already tabled on {txn.state.tabled}")
        txn.state.tabled = today()
        if symbol:
            txn.doc.symbol = symbol
        txn.summary = "Tabled" + (f" as {symbol}" if symbol else "")
        return txn.state.tabled


# ---- log, list, reindex -------------------------------------------------------------------------------
@record
class LogEntry:
    action: Action
    labels: list[str]  # the touched paragraphs' labels when the action was taken ("" when unknown)


def log(name: str, home: Home = None) -> list[LogEntry]:
    """Every action, newest first, with the labels the touched paragraphs had when it was taken (a
    proposal on OP10 reads OP10 after a revision renumbered it OP11).

    Read with `git log` rather than from the index: as fast, always current, and the command
    then never loads SQLAlchemy, which costs more than the rest of the command together. The log of
    a commit never changes: it is kept under the head's sha (store.head_cache), and the next `log`
    of the same head reads one file and starts no git process (three to compute it)."""
    neg = open_negotiation(name, home)
    cache = HeadCache(neg.git_dir(), LOG_CACHE)
    kept = cache.get(f"{LOG_FORMAT}\n{neg.head()}")
    entries = _kept_log(kept[0]) if kept else None
    if entries is not None:
        return entries
    actions = neg.git_log()
    if not any(a.paragraphs for a in actions):
        entries = [LogEntry(a, []) for a in actions]
    else:
        labelling: dict[int, dict[str, str]] = {}  # one per outline, shared by the actions under it
        entries = []
        for a, outline in zip(actions, neg.outlines_before(actions), strict=True):
            at = labelling.setdefault(id(outline), labels(outline))
            entries.append(LogEntry(a, [at.get(p, "") for p in a.paragraphs]))
    if actions:
        rows = [[*(getattr(e.action, f) for f in _ACTION_FIELDS), e.labels] for e in entries]
        cache.put(f"{LOG_FORMAT}\n{actions[0].commit}", rows, [])
    return entries


LOG_CACHE, LOG_FORMAT = "log", "log 1"
_ACTION_FIELDS = names(Action)  # a kept row: these fields of the Action in turn, then its labels


def _kept_log(rows: object) -> list[LogEntry] | None:
    """The entries of a kept log; None when the rows do not have their shape (a damaged or foreign
    file is computed again)."""
    if not isinstance(rows, list) or not all(_log_row(r) for r in rows):
        return None
    return [LogEntry(Action(*r[:-1]), r[-1]) for r in rows]


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _log_row(r: object) -> bool:
    """commit, when, actor, email, action, summary (strings), paragraphs (strings), amendment and
    revision (a string or None), trailers (strings to lists of strings), labels (strings)."""
    if not isinstance(r, list) or len(r) != len(_ACTION_FIELDS) + 1:
        return False
    trailers = r[9]
    return (
        all(isinstance(v, str) for v in r[:6])
        and _strings(r[6])
        and all(v is None or isinstance(v, str) for v in r[7:9])
        and isinstance(trailers, dict)
        and all(_strings(v) for v in trailers.values())
        and _strings(r[10])
    )


def list_negotiations(home: Home = None) -> list[Summary]:
    """Every negotiation under the home, by name, read from git (as fast as the SQL index would answer,
    which a command would first have to load and bring up to date)."""
    return sorted(
        (Negotiation(p).summary() for p in list_negotiation_dirs(resolve_home(home))), key=lambda s: s.name
    )


def reindex(name: str, home: Home = None) -> int:
    """Rebuild the negotiation's index rows from git; returns the number of actions indexed."""
    neg = open_negotiation(name, home)
    neg.reindex()
    return len(neg.log())
