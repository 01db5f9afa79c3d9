"""Commits with machine-readable trailers: writing the message, reading actions back from `git log`."""

from draftroom.errors import DraftroomError
from draftroom.model.revision import Revision
from draftroom.patterns import LazyPattern
from draftroom.store.plumbing import Where, git
from draftroom.store.records import Action, RevisionCut

ACTION, ACTOR, PARAGRAPH, AMENDMENT, REVISION = "Action", "Actor", "Paragraph", "Amendment", "Revision"
SYMBOL, REVISION_DATE = "Symbol", "Revision-Date"
_FIELD, _RECORD = "\x1f", "\x1e"
_LOG_FORMAT = _FIELD.join(("%H", "%aI", "%an", "%ae", "%s", "%(trailers:only,unfold)")) + _RECORD
_TRAILER_KEY = LazyPattern(r"^[A-Za-z][A-Za-z0-9-]*$")


def one_line(value: str, what: str) -> str:
    """A trailer or author value: no line breaks or control characters (they would forge trailers)."""
    if any(ord(c) < 32 or ord(c) == 127 for c in value) or not value.strip():
        raise DraftroomError(f"{what} {value!r} must be one non-empty line without control characters")
    return value.strip()


def message(summary: str, trailers: list[tuple[str, str]]) -> str:
    for key, value in trailers:
        if not _TRAILER_KEY.match(key):
            raise DraftroomError(f"{key!r} is not a valid trailer key")
        one_line(value, key)
    subject = " ".join(summary.split()) or trailers[0][1]
    return subject + "\n\n" + "".join(f"{k}: {v}\n" for k, v in trailers)


def parse_trailers(block: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in block.splitlines():
        key, sep, value = line.partition(": ")
        if sep and _TRAILER_KEY.match(key):
            out.setdefault(key, []).append(value.strip())
    return out


def action_from(
    commit: str, when: str, actor: str, email: str, summary: str, trailers: dict[str, list[str]]
) -> Action:
    def first(key: str) -> str | None:
        values = trailers.get(key)
        return values[0] if values else None

    return Action(
        commit=commit,
        when=when,
        actor=first(ACTOR) or actor,
        email=email,
        action=first(ACTION) or "commit",
        summary=summary,
        paragraphs=list(trailers.get(PARAGRAPH, [])),
        amendment=first(AMENDMENT),
        revision=first(REVISION),
        trailers=trailers,
    )


def read_actions(repo: Where, rev_range: str = "HEAD") -> list[Action]:
    """The actions in `rev_range`, newest first (one `git log` call)."""
    out = git(repo, "log", f"--format={_LOG_FORMAT}", rev_range)
    actions = []
    for record in out.split(_RECORD):
        record = record.strip("\n")
        if not record:
            continue
        sha, when, name, email, subject, trailers = record.split(_FIELD)
        actions.append(action_from(sha, when, name, email, subject, parse_trailers(trailers)))
    return actions


def tag_message(action: Action) -> str | None:
    """The annotated tag's message for an action that cut a revision, or None."""
    if not action.revision:
        return None
    fields = [(key, (action.trailers.get(key) or [""])[0]) for key in (SYMBOL, REVISION_DATE)]
    symbol = fields[0][1]
    body = "".join(f"{key}: {value}\n" for key, value in fields if value)
    return f"{action.revision} {symbol}".strip() + "\n\n" + body


def revision_of(action: Action) -> RevisionCut | None:
    """The revision an action cut, from its trailers (Revision:, Symbol:, Revision-Date:)."""
    cut = Revision.from_tag(action.revision)
    if cut is None:
        return None
    symbols = action.trailers.get(SYMBOL)
    symbol = symbols[0] if symbols else None
    date = (action.trailers.get(REVISION_DATE) or [""])[0]
    return RevisionCut(cut.number, cut.tag, symbol, date, action.commit)
