"""Member States, observers, organizations and groups: names in the six languages, sponsor lines.

The curated table `states.tsv` holds UN short names (UNTERM / M49 forms). `resolve` turns any
name, ISO code or common short form into a `State`; `split_sponsors` cuts a printed sponsor line
into one entry per sponsor as printed; `sponsor_line` prints a list in UN order for one language.
"""

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.lang.scripts import CJK_PUNCTUATION, CYRILLIC, HAN
from draftroom.patterns import LazyPattern
from draftroom.record import record

LANGUAGES = ("ar", "zh", "en", "fr", "es", "ru")
KINDS = ("member", "observer", "organization", "group")


@record(frozen=True)
class State:
    """One row of the table: a State, an observer, an organization or a group."""

    code: str  # ISO 3166-1 alpha-3 for States; "XEU", "G77"... for the rest
    iso2: str  # ISO 3166-1 alpha-2, "" for organizations and groups
    kind: str
    ar: str
    zh: str
    en: str
    fr: str
    es: str
    ru: str
    en_sort: str  # English sort key: "Bahamas" for "Bahamas (The)"
    en_running: str  # English form in running text: "the Sudan"
    es_article: str  # article of Spanish lists and running text: "la" Argentina, "el" Brasil
    aliases: tuple[str, ...]

    def name(self, lang: str) -> str:
        """The UN short name in `lang` (one of LANGUAGES)."""
        if lang not in LANGUAGES:
            raise DraftroomError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
        return getattr(self, lang)

    def listed(self, lang: str) -> str:
        """The name as a list of sponsors prints it: Spanish adds its article ("el Brasil")."""
        if lang == "es" and self.es_article:
            return f"{self.es_article} {self.es}"
        return self.name(lang)

    @property
    def is_state(self) -> bool:
        return self.kind in ("member", "observer")

    def names(self) -> tuple[str, ...]:
        """Every name this entity answers to: six languages, codes, sort and running forms, aliases."""
        codes = (self.code, self.iso2) if self.iso2 else (self.code,)
        forms = tuple(f for f in (self.en_sort, self.en_running, self.listed("es")) if f)
        return (*(self.name(lang) for lang in LANGUAGES), *forms, *codes, *self.aliases)


# --- normalization -----------------------------------------------------------------------------

_CJK = HAN + CJK_PUNCTUATION
_CYRILLIC = LazyPattern(f"[{CYRILLIC}]")
_ARTICLE = LazyPattern(r"^(?:the|el|la|los|las|le|les|l')\s*(?=\S)")


_SPACES = LazyPattern(r"\s+")
_CJK_SPACE = LazyPattern(f"(?<=[{_CJK}]) (?=\\S)|(?<=\\S) (?=[{_CJK}])")
_QUOTES = LazyPattern(r"[’‘`´]")
_DASHES = LazyPattern(r"[-‐‑‒–—]")
_OPEN = LazyPattern(r"\s*\(\s*")
_CLOSE = LazyPattern(r"\s*\)")


def tidy(text: str) -> str:
    """Collapse whitespace; drop the spaces a PDF puts around Chinese characters ("77 国集团")."""
    spaced = _SPACES.sub(" ", text).strip()
    return spaced if spaced.isascii() else _CJK_SPACE.sub("", spaced)


def _fold(text: str) -> str:
    """Accent- and case-insensitive form; Arabic alef and hamza forms unified. Cyrillic kept."""
    if text.isascii():  # no accents to drop, no Arabic or Cyrillic forms: most names
        return text.casefold()
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) == "Mn" and out and not _CYRILLIC.match(out[-1]):
            continue
        out.append(ch)
    folded = unicodedata.normalize("NFC", "".join(out)).casefold()
    return folded.replace("ё", "е").replace("ى", "ي").replace("ة", "ه").replace("ـ", "")


def _key(text: str) -> str:
    """Lookup key: full-width forms, quotes, dashes, dots, brackets and spacing normalized."""
    s = unicodedata.normalize("NFKC", text)
    s = _QUOTES.sub("'", s)
    s = _DASHES.sub(" ", s).replace(".", "").replace("*", "")
    s = _OPEN.sub(" (", s)
    s = _CLOSE.sub(")", s)
    return tidy(_fold(s))


# --- the table ---------------------------------------------------------------------------------


@record(frozen=True)
class _Table:
    states: tuple[State, ...]
    by_key: dict[str, State]
    shown: dict[str, str]  # key -> the name as written in the table, for suggestions


@cache
def _lines() -> tuple[list[str], list[str]]:
    """The table's header and its rows' lines, tab-separated (no quoting: a name holds no tab)."""
    text = (Path(__file__).parent / "states.tsv").read_text(encoding="utf-8")
    header, *rows = (line for line in text.splitlines() if line and not line.startswith("#"))
    return header.split("\t"), rows


def _state(header: list[str], line: str) -> State:
    row = dict(zip(header, line.split("\t"), strict=True))
    aliases = tuple(a for a in row.pop("aliases").split(";") if a)
    return State(**row, aliases=aliases)


def _written(name: str) -> State | None:
    """The first State naming `name` exactly as the table writes it (a name, a code, an alias),
    read from the few rows whose line holds it; None when none does (a form the table does not
    write, such as "la Argentina", is found by its key)."""
    if not name or "\t" in name:
        return None
    if "_states" in _built:
        return _states()[1].get(name)
    header, rows = _lines()
    for line in rows:
        if name in line:
            state = _state(header, line)
            if name in state.names():
                return state
    return None


_built: set[str] = set()  # "_states" once every row is made: its map answers from then on


@cache
def _states() -> tuple[tuple[State, ...], dict[str, State]]:
    """The rows, and each State by every name exactly as the table writes it (codes included)."""
    header, rows = _lines()
    states = [_state(header, line) for line in rows]
    _built.add("_states")
    exact: dict[str, State] = {}
    for state in reversed(states):  # the first State naming it wins, as in the table's keys
        exact.update(dict.fromkeys(state.names(), state))
    return tuple(states), exact


@cache
def _table() -> _Table:
    states, _ = _states()
    by_key: dict[str, State] = {}
    shown: dict[str, str] = {}
    for state in states:
        for name in state.names():
            key = _key(name)
            if not key:
                continue
            if name not in (state.code, state.iso2):
                shown.setdefault(key, name)
            other = by_key.setdefault(key, state)
            if other.code != state.code:
                raise DraftroomError(f"states.tsv: {name!r} names both {other.code} and {state.code}")
    return _Table(states, by_key, shown)


def all_states() -> tuple[State, ...]:
    """Every row of the table, in file order."""
    return _table().states


@lru_cache(maxsize=8192)
def lookup(name: str) -> State | None:
    """The entity `name` stands for, or None: any language, code or alias; "the"/"la"... ignored."""
    written = _written(name)  # a name as the table writes it names what its key does: most lookups
    # ("CHN" from a sponsors file, "China" typed), answered without normalizing two thousand names
    if written is not None:
        return written
    key = _key(name)
    table = _table().by_key
    return table.get(key) or table.get(_ARTICLE.sub("", key))


def _language_of(state: State, written: str) -> str | None:
    """The language whose UN short name `written` is; None for a code, an alias or another form."""
    return next((lang for lang in LANGUAGES if state.name(lang) == written), None)


def _script_language(text: str) -> str | None:
    """The language a script says (Chinese, Arabic, Russian); None for the Latin ones."""
    if re.search(f"[{HAN}]", text):
        return "zh"
    if re.search("[\u0600-\u06ff]", text):
        return "ar"
    return "ru" if _CYRILLIC.search(text) else None


def resolve(name: str) -> State:
    """Like `lookup`, but an unknown name is a one-line error with the three closest names."""
    state = lookup(name)
    if state is not None:
        return state
    table = _table()
    key = _key(name)
    containing = sorted((k for k in table.shown if key and key in k), key=len)
    import difflib  # only to suggest names for one not in the table

    close = containing + difflib.get_close_matches(key, table.shown, n=20, cutoff=0.0)
    by_entity: dict[str, tuple[State, str]] = {}
    for key in close:
        by_entity.setdefault(table.by_key[key].code, (table.by_key[key], table.shown[key]))
    nearest = list(by_entity.values())[:3]
    # one language for the list: the script's, else the nearest name's ("Zambie, Gambie, Namibie")
    lang = _script_language(name) or (_language_of(*nearest[0]) if nearest else None) or "en"
    suggestions = [w if _language_of(s, w) in (lang, None) else s.name(lang) for s, w in nearest]
    raise DraftroomError(
        f"unknown State or group {name.strip()!r}: did you mean {', '.join(suggestions)}? "
        "(UN short names in any of the six languages, ISO codes and common short forms are accepted)"
    )


# --- splitting printed sponsor lines ------------------------------------------------------------

_SEPARATORS = LazyPattern(r"\s*[,，、;；،؛]\s*")
_CONJUNCTIONS = {
    "en": r"\s+and\s+",
    "fr": r"\s+et\s+",
    "es": r"\s+[ye]\s+",
    "ru": r"\s+и\s+",
    "zh": r"\s*(?<!共)和\s*",
    "ar": r"\s+و\s*(?=\S)",
}
_ON_BEHALF = r"on\s+behalf\s+of|au\s+nom\s+d|en\s+nombre\s+d|от\s+имени|代表|باسم|بالنيابة\s+عن"
_NOTE_IN_BRACKETS = LazyPattern(rf"[(（][^()（）]*(?:{_ON_BEHALF})[^()（）]*[)）]", re.IGNORECASE)
_NOTE = LazyPattern(rf"(?:{_ON_BEHALF}).*$", re.IGNORECASE | re.DOTALL)


def _join_lines(text: str, lang: str) -> str:
    text = re.sub(r"-[ \t]*\n\s*", "-", text)
    if lang == "zh":
        return re.sub(r"\s*\n\s*", "", text)
    return re.sub(r"\s*\n\s*", " ", text)


def _conjunction(lang: str) -> re.Pattern[str]:
    pattern = _CONJUNCTIONS.get(lang) or "|".join(f"(?:{p})" for p in _CONJUNCTIONS.values())
    return re.compile(pattern, re.IGNORECASE)


def _top_level_chunks(text: str) -> list[str]:
    """Split on list separators outside brackets."""
    chunks, depth, start = [], 0, 0
    for m in re.finditer(r"[(（)）]|" + _SEPARATORS.pattern, text):
        token = m.group()
        if token in "(（":
            depth += 1
        elif token in ")）":
            depth = max(0, depth - 1)
        elif depth == 0:
            chunks.append(text[start : m.start()])
            start = m.end()
    chunks.append(text[start:])
    return [c for c in (tidy(c) for c in chunks) if c]


def _merge_known(chunks: list[str], conj: re.Pattern[str]) -> list[str]:
    """Rejoin chunks that together form one known name ("Korea, Republic of"), also when the
    last of them runs on into the next sponsor through a conjunction ("…, не имеющие выхода к морю и Албания")."""
    out: list[str] = []
    i = 0
    while i < len(chunks):
        merged = None if lookup(chunks[i]) is not None else _known_run_inside(chunks[i:], conj)
        if merged is None:
            out.append(chunks[i])
            i += 1
            continue
        prefix, name, used, rest = merged
        out.extend([prefix, name] if prefix else [name])
        i += used
        if rest:
            out.append(rest)
            i += 1
    return out


def _known_run_inside(chunks: list[str], conj: re.Pattern[str]) -> tuple[str, str, int, str] | None:
    """Like `_known_run`, also when the name starts after a conjunction inside the first chunk."""
    starts = [(0, 0)] + [(m.start(), m.end()) for m in conj.finditer(chunks[0]) if m.start() > 0]
    for cut, begin in starts:
        found = _known_run([chunks[0][begin:], *chunks[1:]], conj)
        if found:
            return (chunks[0][:cut].strip(), *found)
    return None


def _known_run(chunks: list[str], conj: re.Pattern[str]) -> tuple[str, int, str] | None:
    """(name, chunks fully used, rest of the next chunk) when the first chunks spell a known name."""
    for width in (3, 2):
        if width > len(chunks):
            continue
        head, last = chunks[: width - 1], chunks[width - 1]
        if lookup(", ".join(chunks[:width])) is not None:
            return ", ".join(chunks[:width]), width, ""
        for m in conj.finditer(last):
            name = ", ".join([*head, last[: m.start()].strip()])
            if m.start() > 0 and lookup(name) is not None:
                return name, width - 1, last[m.end() :].strip()
    return None


def _segment(chunk: str, conj: re.Pattern[str]) -> list[str]:
    """Cut a chunk at conjunctions so that the pieces cover as much known-name text as possible."""
    cuts = [(m.start(), m.end()) for m in conj.finditer(chunk) if m.start() > 0][:12]

    @cache
    def best(pos: int) -> tuple[tuple[int, int], tuple[str, ...]]:
        def score(piece: str) -> int:
            return len(piece) if lookup(piece) is not None else 0

        rest = chunk[pos:]
        options: list[tuple[tuple[int, int], tuple[str, ...]]] = [((score(rest), 1), (rest,))]
        for start, end in cuts:
            if start > pos and end < len(chunk):
                piece = chunk[pos:start]
                (known, count), pieces = best(end)
                options.append(((known + score(piece), count + 1), (piece, *pieces)))
        return max(options, key=lambda option: option[0])

    return list(best(0)[1])


def _clean(entry: str, conj: re.Pattern[str]) -> str:
    entry = tidy(entry).strip("*").strip()
    entry = re.sub(r"\*+(?=\s|$)", "", entry).strip()
    lead = conj.match(" " + entry)  # "and C" after an Oxford comma
    if lead and lookup(entry) is None:
        entry = entry[lead.end() - 1 :]
    return entry.rstrip(".。").strip()


def split_sponsors(text: str, lang: str) -> list[str]:
    """One entry per sponsor as printed, in order; the ": draft resolution" tail and notes dropped."""
    if lang == "ar":  # PDF text of Arabic may carry presentation forms (ﻭ for و)
        text = unicodedata.normalize("NFKC", text)
    text = _join_lines(text, lang)
    text = re.split(r"[:：]", text, maxsplit=1)[0]
    text = _NOTE_IN_BRACKETS.sub(" ", text)
    text = _NOTE.sub("", text)
    conj = _conjunction(lang)
    entries: list[str] = []
    for chunk in _merge_known(_top_level_chunks(text.replace("*", " ")), conj):
        entries.extend(_clean(piece, conj) for piece in _segment(chunk, conj))
    return [entry for entry in entries if entry]


# --- UN order and printed lines -----------------------------------------------------------------


def sort_key(state: State, lang: str) -> str:
    """UN order: English and Chinese by the English sort key; other languages by their own names
    (accents, case and articles ignored: Spanish "el Brasil" sorts as Brasil, Arabic ال is skipped)."""
    if lang in ("en", "zh"):
        return _fold(state.en_sort)
    name = state.name(lang)
    if lang == "ar":
        name = re.sub(r"^ال(?=\S{2})", "", name)
    return _fold(name)


def _last_joiner(lang: str, last: str) -> str:
    if lang == "es":
        return " e " if re.match(r"(?i)h?[ií](?![aeiouáéó])", last) else " y "
    return {"en": " and ", "fr": " et ", "ru": " и ", "zh": "和", "ar": " و"}[lang]


def sponsor_line(states: list[State], lang: str) -> str:
    """The sponsors joined in UN order: "A, B and C", "A、B和C", "A, B et C", "A، B وC"."""
    ordered = sorted(dict.fromkeys(states), key=lambda s: (sort_key(s, lang), _fold(s.en_sort)))
    names = [s.listed(lang) for s in ordered]
    if len(names) < 2:
        line = "".join(names)
    else:
        comma = {"zh": "、", "ar": "، "}.get(lang, ", ")
        line = comma.join(names[:-1]) + _last_joiner(lang, names[-1]) + names[-1]
    return line[:1].upper() + line[1:]
