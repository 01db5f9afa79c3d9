"""Brackets around disputed words: a facilitator sets or lifts them in the text at once (one action,
the paragraph marked bracketed while any remain); anyone else proposes them, as a word edit the
facilitator accepts or rejects like any other. See `draftroom.model.brackets` for why they live in
the text.
"""

from draftroom.errors import DraftroomError
from draftroom.model import brackets, find_by_id
from draftroom.model.amendment import Amendment
from draftroom.model.text_rules import check_typed
from draftroom.record import record
from draftroom.workflow import amending
from draftroom.workflow import rules as logic
from draftroom.workflow.identity import resolve_actor
from draftroom.workflow.negotiation import Home, open_negotiation
from draftroom.workflow.patching import is_word_char


@record
class Bracketed:
    label: str
    text: str  # the paragraph's text with the change: as it now is, or as proposed
    proposal: Amendment | None = None  # when the actor is not a facilitator


def changed(text: str, words: str, label: str, lift: bool) -> tuple[str, str, str]:
    """(the words as they stand, what they become, the new text): `words` must occur once."""
    start, end = logic.find_once(text, check_typed(words, "words to bracket"), label)
    for at in (start, end):
        if 0 < at < len(text) and is_word_char(text[at - 1]) and is_word_char(text[at]):
            raise DraftroomError(f"{words.strip()!r} cuts a word of {label}: give whole words")
    if lift:
        start, end = brackets.enclosing(text, start, end)
        new = brackets.unbracket(text, start, end)
        return text[start:end], text[start + 1 : end - 1], new
    start, end = brackets.trimmed(text, start, end)
    return text[start:end], f"[{text[start:end]}]", brackets.bracket(text, start, end)


def bracket(
    name: str,
    paragraph_id: str,
    words: str,
    actor: str | None,
    lift: bool = False,
    because: str = "",
    home: Home = None,
) -> Bracketed:
    """Bracket `words` of a paragraph (lift: remove the brackets around them)."""
    neg = open_negotiation(name, home)
    who = resolve_actor(actor)
    if who not in amending.current_facilitators(name, home):
        text = amending.outline_with(neg, paragraph_id)
        loc = find_by_id(text, paragraph_id)
        if loc is None:
            raise DraftroomError(logic.GONE)
        find, replace, new = changed(loc.paragraph.text, words, loc.label, lift)
        edit = logic.Proposal(kind="edit", target=paragraph_id, find=find, replace=replace)
        a = amending.propose(name, who, edit, because=because, home=home)
        return Bracketed(loc.label, new, a)
    verb = "unbracket" if lift else "bracket"
    with neg.action(verb, who) as txn:
        amending.require_facilitator(txn, who, f"{verb} words")
        loc = find_by_id(txn.doc, paragraph_id)
        if loc is None:
            raise DraftroomError(logic.GONE)
        p = loc.paragraph
        find, _, p.text = changed(p.text, words, loc.label, lift)
        p.status = brackets.status_with(p.text, p.status)
        txn.paragraphs = [p.id]
        txn.summary = f"{who} {'unbrackets' if lift else 'brackets'} {find!r} in {loc.label}"
    return Bracketed(loc.label, p.text)
