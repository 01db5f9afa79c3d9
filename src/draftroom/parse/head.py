"""The head of a UN text: masthead, session, committee, agenda item, sponsors or adoption lines, title,
and the line naming the authoring body where the paragraphs begin."""

import re
from dataclasses import dataclass, field

from draftroom.lang.scripts import is_cjk
from draftroom.parse import vocab
from draftroom.parse.instructions import starts_instruction
from draftroom.parse.lines import Line, join_pair
from draftroom.parse.wrapping import Wrapping

_HEAD_MARKS = (
    vocab.SESSION,
    vocab.COMMITTEE,
    vocab.AGENDA,
    vocab.ADOPTED,
    vocab.RESOLUTION_NUMBER,
    vocab.COUNCIL_NUMBER,
    vocab.COUNCIL_ADOPTED,
)
_LIST_INSIDE = re.compile(r"[,，、،]|\b(?:and|et|y|и)\b|[和及]")
_OPEN_END = re.compile(r"\s[^\W\d_A-Z]{1,3}$")  # "... protection of": a line that cannot end a title
_REVISED = re.compile(r"revised|révisé|revisado|пересмотр|订正|منقح", re.I)


@dataclass
class Head:
    kind: str = "draft"
    session: str | None = None
    committee: str | None = None
    agenda_item: str | None = None
    agenda_title: str | None = None
    date: str | None = None
    sponsor_text: str | None = None
    submitted: bool = False  # "Draft resolution submitted by the Chair": sponsor_text names the submitter
    title: str = ""
    resolution_number: str | None = None
    adopted_on: str | None = None
    report_line: str | None = None
    amends: str | None = None
    meeting: str | None = None  # the meeting's number a Security Council resolution's head names
    consumed: set[int] = field(default_factory=set)


def _joined(lines: list[Line], start: int, end: int) -> str:
    text = ""
    for i in range(start, end):
        text = join_pair(text, lines[i].text, lines[i - 1].tight_end if i > start else False)
    return text


def is_head_mark(text: str) -> bool:
    return any(p.match(text) for p in _HEAD_MARKS) or bool(sponsor_match(text))


def sponsor_match(text: str) -> re.Match[str] | None:
    return vocab.SPONSOR_LINE.match(text) or vocab.SUBMITTED_LINE.match(text)


def find_body(lines: list[Line]) -> int | None:
    """Index of the line naming the authoring body ("The General Assembly,", "大会，")."""
    after_head = False
    for i, line in enumerate(lines):
        t = line.text
        if is_head_mark(t):
            after_head = True
            continue
        if len(t) > 150 or not vocab.BODY.match(t) or i + 1 >= len(lines):
            continue
        if vocab.MASTHEAD.match(t) and not after_head:
            continue
        if vocab.BODY.match(lines[i + 1].text) and len(lines[i + 1].text) <= 150:
            continue
        return i
    return None


def find_sponsor_line(
    lines: list[Line], limit: int, wrapping: Wrapping
) -> tuple[int, int, re.Match[str]] | None:
    """(first line, last line + 1, match) of the sponsor line, which may wrap over several lines."""
    for end in range(min(limit, len(lines))):
        for back in range(0, 3):
            start = end - back
            if start < 0:
                break
            m = sponsor_match(_joined(lines, start, end + 1))
            if m:
                return start, _wrapped_end(lines, start, end + 1, limit, wrapping), m
    return None


def _wrapped_end(lines: list[Line], start: int, end: int, limit: int, wrapping: Wrapping) -> int:
    """A line that names its sponsor last ("submitted by the President of the General / Assembly")
    goes on over the lines it wrapped onto."""
    while end < limit and not wrapping.ends_short(lines[end - 1], lines[end]):
        if (wrapping.blanks_mark_paragraphs and lines[end].blank_before) or wrapping.starts_deeper(
            lines[end]
        ):
            break
        if not sponsor_match(_joined(lines, start, end + 1)) or is_head_mark(lines[end].text):
            break
        end += 1
    return end


def _sponsor_start(lines: list[Line], start: int, floor: int, wrapping: Wrapping) -> int:
    """Walk back over the earlier lines of a wrapped sponsor list."""
    while start - 1 >= floor:
        prev, cur = lines[start - 1], lines[start]
        if is_head_mark(prev.text) or vocab.MASTHEAD.match(prev.text) or vocab.DATE.match(prev.text):
            break
        if wrapping.blanks_mark_paragraphs and cur.blank_before:
            break
        if wrapping.starts_deeper(cur):
            break
        # a list going on: a comma or "and" ends the line before, or this line opens in small letters,
        # or a full line of Chinese wrapped inside a name ("……赞比亚和津巴 / 布韦：订正决议草案")
        wrapped_cjk = is_cjk(prev.text[-1:]) and is_cjk(cur.text[:1]) and not wrapping.ends_short(prev, cur)
        listed = (
            vocab.LIST_END.search(prev.text)
            or vocab.LIST_START.match(cur.text)
            or cur.text[:1].islower()
            or wrapped_cjk
        )
        # a line naming one sponsor ("Russian Federation:* amendment ...") ends no list before it
        if not listed and (wrapping.ends_short(prev, cur) or not _LIST_INSIDE.search(cur.text)):
            break
        start -= 1
    return start


def parse_head(lines: list[Line], body: int | None, wrapping: Wrapping, lang: str) -> Head:
    """Read the head from `lines[:body]` of a text in `lang`; with no body line (an amendments
    document), from the lines before its first instruction, so that a quoted text opening with "["
    (a bracket, a language flag "[en]") is never read as the report line."""
    head = Head()
    limit = (
        body
        if body is not None
        else next((i for i, line in enumerate(lines) if starts_instruction(line.text, lang)), len(lines))
    )
    marks: list[int] = []
    i = 0
    while i < limit:
        t = lines[i].text
        if vocab.SESSION.match(t) and not head.session:
            head.session = t
        elif vocab.COMMITTEE.match(t) and not head.committee:
            head.committee = t
        elif (m := vocab.AGENDA.match(t)) and not head.agenda_item:
            head.agenda_item = next(g for g in m.groups() if g)
        elif (m := vocab.COUNCIL_NUMBER.match(t)) and not head.resolution_number:
            head.resolution_number, head.kind = vocab.council_number(m), "resolution"
        elif (council := _council_adoption(lines, i, limit)) and not head.adopted_on:
            (head.meeting, head.adopted_on), more = council
            head.kind = "resolution"
            marks.extend(range(i, i + more))
            i += more
        elif (found := _adoption(lines, i, limit)) and not head.adopted_on:
            head.adopted_on, more = found
            head.kind = "decision" if vocab.DECISION_WORDS.search(t) else "resolution"
            marks.extend(range(i, i + more))
            i += more
        elif t.startswith("[") and not head.report_line:
            end = _closing_bracket(lines, i, limit)
            head.report_line = _joined(lines, i, end + 1)
            marks.extend(range(i, end))
            i = end
        elif (m := vocab.RESOLUTION_NUMBER.match(t)) and not head.resolution_number and head.adopted_on:
            head.resolution_number = m.group("num")
            head.title = _title_lines(m.group("title").strip(), lines, i + 1, limit)
            marks.extend(range(i, limit))
            break
        elif vocab.DATE.match(t) and not head.date and not head.session:
            head.date = t
        elif (m := vocab.DISTR_DATE.match(t)) and not head.date and not head.session:
            head.date = m.group("date")
        elif vocab.MASTHEAD.match(t) and not head.session:
            pass
        else:
            i += 1
            continue
        marks.append(i)
        i += 1
    head.consumed = set(marks)
    if not head.resolution_number:
        _sponsors_and_title(lines, limit, head, wrapping, lang)
    _agenda_title(lines, limit, head)
    return head


def _closing_bracket(lines: list[Line], i: int, limit: int) -> int:
    """The line that closes the bracket line i opens (the report line wraps), else the head's last."""
    end = i
    while end + 1 < limit and "]" not in lines[end].text:
        end += 1
    return end


def _title_lines(title: str, lines: list[Line], start: int, limit: int) -> str:
    """The title that opens after an adopted resolution's number, with every line up to the body."""
    for k in range(start, limit):
        title = join_pair(title, lines[k].text, lines[k - 1].tight_end) if title else lines[k].text
    return title


def _adoption(lines: list[Line], i: int, limit: int) -> tuple[str, int] | None:
    """(date, lines it wrapped onto) of an adoption line starting at line i: the joined lines when
    only they hold the whole date ("... في 18 كانون" / "الأول/ديسمبر 2019")."""
    found: list[tuple[str, int]] = []
    for more in range(min(3, limit - i)):
        m = vocab.ADOPTED.match(_joined(lines, i, i + more + 1))
        if m:
            found.append((next(g for g in m.groups() if g).strip(), more))
    return next((f for f in found if vocab.DATE.match(f[0])), found[0] if found else None)


def _council_adoption(lines: list[Line], i: int, limit: int) -> tuple[tuple[str, str], int] | None:
    """((meeting, date), lines it wrapped onto) of a Security Council adoption line starting at line i."""
    for more in range(min(3, limit - i)):
        if m := vocab.COUNCIL_ADOPTED.match(_joined(lines, i, i + more + 1)):
            meeting, date = vocab.council_adoption(m)
            if vocab.DATE.match(date) or more == 2:
                return (meeting, date), more
    return None


def _sponsors_and_title(lines: list[Line], limit: int, head: Head, wrapping: Wrapping, lang: str) -> None:
    found = find_sponsor_line(lines, limit, wrapping)
    last_mark = max(head.consumed, default=-1)
    if found:
        start, end, m = found
        start = _sponsor_start(lines, start, last_mark + 1, wrapping)
        m = sponsor_match(_joined(lines, start, end)) or m
        groups = m.groupdict()
        head.sponsor_text = (groups.get("sp") or groups.get("sp_zh") or "").strip().rstrip("*").strip()
        head.submitted = vocab.SUBMITTED_LINE.match(m.string) is not None
        if groups.get("amend"):
            head.kind = "amendments"
            head.amends = next(groups[k] for k in groups if k.startswith("sym_") and groups[k]).rstrip(".,;")
        elif _REVISED.search(groups.get("draft") or "") or groups.get("rev_zh"):
            head.kind = "revised-draft"
        head.consumed.update(range(start, end))
        title_from = end
    else:
        title_from = last_mark + 1
    title_lines = [i for i in range(title_from, limit) if i not in head.consumed]
    if head.kind == "amendments":
        title_lines = _first_block(lines, title_lines, lang, wrapping)
    head.title = _joined_indices(lines, title_lines)
    head.consumed.update(title_lines)


def _first_block(lines: list[Line], indices: list[int], lang: str, wrapping: Wrapping) -> list[int]:
    """The lines of the first block (an amendments document's quoted title): up to a blank line or
    the first instruction, or, in a text without blank lines, up to the line that ends short of a
    wrapped line's width."""
    blanks = any(lines[i].blank_before for i in indices[1:])
    block: list[int] = []
    for i in indices:
        if block and (
            lines[i].blank_before or lines[i].cut_before or starts_instruction(lines[i].text, lang)
        ):
            break
        if block and not blanks and _title_ends(lines[block[-1]], lines[i], wrapping):
            break
        block.append(i)
    return block


def _title_ends(last: Line, following: Line, wrapping: Wrapping) -> bool:
    """A title line ended short, not on a word that leads on ("of"), and what follows does not go
    on in small letters."""
    if _OPEN_END.search(last.text) or following.text[:1].islower():
        return False
    return bool(wrapping.full) and wrapping.ends_short(last, following)


def _joined_indices(lines: list[Line], indices: list[int]) -> str:
    text = ""
    for n, i in enumerate(indices):
        text = join_pair(text, lines[i].text, lines[indices[n - 1]].tight_end if n else False)
    return text.strip()


def _agenda_title(lines: list[Line], limit: int, head: Head) -> None:
    """Lines right after the agenda item line that nothing else claimed."""
    agenda = next((i for i in range(limit) if vocab.AGENDA.match(lines[i].text)), None)
    if agenda is None:
        return
    taken: list[int] = []
    for i in range(agenda + 1, limit):
        if i in head.consumed or is_head_mark(lines[i].text):
            break
        taken.append(i)
    if taken:
        head.agenda_title = _joined_indices(lines, taken)
        head.consumed.update(taken)
