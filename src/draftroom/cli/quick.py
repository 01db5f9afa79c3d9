"""The everyday verbs read without argparse: `show`, `amendments`, `log`, `list`, `sponsors`,
`translations`, `amend` (one amendment), `comment`, `support`, `withdraw`, `accept`, `reject`.

Importing argparse and building one verb's parser costs a command more than its own work (argparse
looks up its messages' translations on disk for each option it builds and asks the terminal's width
for each). Written as a user types them (the verb, its positional arguments, then its options, each
option as argparse names it in full, no value starting with "-"), these verbs are read here into the
namespace argparse would have built; anything else (`--help`, an abbreviation, `--opt=value`, an
option before a positional, a choice or a required option missing, a mistake) returns None and
argparse reads the command, with its messages and exit codes. tests/test_cli_quick.py checks each
namespace against argparse's, and that every verb's options here are its options there.
"""

from collections.abc import Callable, Mapping
from importlib import import_module
from types import SimpleNamespace

from draftroom.model.amendment import KIND_FILTERS, PENDING_FILTER
from draftroom.model.amendment import STATUSES as AMENDMENT_STATUSES

FLAG, VALUE, APPEND = "flag", "value", "append"
Options = dict[str, tuple[str, str]]  # "--as" -> ("actor", VALUE)
# a positional: its dest, how many ("1", "?", "*", "+"), and its choices (None: any)
Positional = tuple[str, str, tuple[str, ...] | None]

HOME: Options = {"--home": ("home", VALUE)}
ACTING: Options = {"--as": ("actor", VALUE), "--offline": ("offline", FLAG)}
NAME: Positional = ("name", "1", None)
AMENDMENT_ID: Positional = ("id", "1", None)


class Verb:
    """One verb as this module reads it: the handler (module of draftroom.cli, function; or the
    function itself, for a verb the program adds beside the command line's), its positionals in
    order, its options, the options it requires, the choices an option allows."""

    __slots__ = ("choices", "handler", "options", "positionals", "required")

    def __init__(
        self,
        handler: tuple[str, str] | Callable[..., int],
        positionals: tuple[Positional, ...],
        options: Options,
        required: tuple[str, ...] = (),
        choices: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.handler, self.positionals, self.options = handler, positionals, options
        self.required, self.choices = required, choices or {}


VERBS: dict[str, Verb] = {
    "show": Verb(
        ("negotiation_cmd", "_show"),
        (NAME,),
        {**HOME, "--rev": ("rev", VALUE), "--json": ("json", FLAG), "--lang": ("lang", VALUE)},
    ),
    "amendments": Verb(
        ("amend_cmd", "_amendments"),
        (NAME,),
        {
            **HOME,
            "--json": ("json", FLAG),
            "--status": ("status", VALUE),
            "--by": ("by", VALUE),
            "--on": ("on", VALUE),
            "--kind": ("kind", VALUE),
        },
        choices={"--status": (PENDING_FILTER, *AMENDMENT_STATUSES), "--kind": KIND_FILTERS},
    ),
    "log": Verb(("negotiation_cmd", "_log"), (NAME,), {**HOME, "--json": ("json", FLAG)}),
    "list": Verb(("negotiation_cmd", "_list"), (), {**HOME, "--json": ("json", FLAG)}),
    "sponsors": Verb(
        ("negotiation_cmd", "_sponsors"),
        (NAME, ("op", "?", ("add", "remove")), ("states", "*", None)),
        {**HOME, **ACTING, "--json": ("json", FLAG)},
    ),
    "translations": Verb(
        ("translations_cmd", "_translations"),
        (NAME, ("op", "?", ("add", "proposals")), ("file", "?", None)),
        {**HOME, **ACTING, "--lang": ("lang", VALUE), "--rev": ("rev", VALUE), "--json": ("json", FLAG)},
    ),
    "withdraw": Verb(
        ("amend_cmd", "_withdraw"), (NAME, AMENDMENT_ID), {**HOME, **ACTING, "--because": ("because", VALUE)}
    ),
    "support": Verb(("amend_cmd", "_support"), (NAME, AMENDMENT_ID), {**HOME, **ACTING}),
    "comment": Verb(
        ("amend_cmd", "_comment"),
        (NAME, AMENDMENT_ID),
        {**HOME, **ACTING, "--text": ("text", VALUE)},
        required=("--text",),
    ),
    **{
        verdict: Verb(
            ("amend_cmd", "_decide"),
            (NAME, ("ids", "+", None)),
            {**HOME, **ACTING, "--because": ("because", VALUE), "--reason": ("because", VALUE)},
        )
        for verdict in ("accept", "reject")
    },
}

# `amend NAME KIND ...`: what the verb's own parser sets, then each kind of amendment's parser
AMEND_DEFAULTS = {
    "home": None,
    "actor": None,
    "co": None,
    "because": None,
    "rev": None,
    "private": False,
    "from_document": None,
    "force": False,
    "offline": False,
}
_PROPOSING: Options = {  # accepted after the kind too, where they are set only when given
    "--as": ("actor", VALUE),
    "--with": ("co", APPEND),
    "--because": ("because", VALUE),
    "--rev": ("rev", VALUE),
    "--private": ("private", FLAG),
    "--offline": ("offline", FLAG),
}
_TARGET: Positional = ("target", "1", None)
AMEND_KINDS: dict[str, Verb] = {
    "replace": Verb(
        ("amend_cmd", "_amend"),
        (_TARGET,),
        {**_PROPOSING, "--text": ("text", VALUE), "--lang": ("lang", VALUE)},
        required=("--text",),
    ),
    "edit": Verb(
        ("amend_cmd", "_amend"),
        (_TARGET,),
        {**_PROPOSING, "--find": ("find", VALUE), "--replace": ("replace", VALUE)},
        required=("--find", "--replace"),
    ),
    "insert": Verb(
        ("amend_cmd", "_amend"),
        (),
        {**_PROPOSING, "--after": ("after", VALUE), "--before": ("before", VALUE), "--text": ("text", VALUE)},
        required=("--text",),
    ),
    "delete": Verb(("amend_cmd", "_amend"), (_TARGET,), dict(_PROPOSING)),
    "move": Verb(
        ("amend_cmd", "_amend"),
        (_TARGET,),
        {**_PROPOSING, "--after": ("after", VALUE), "--before": ("before", VALUE)},
    ),
}
_PLACED = ("insert", "move")


def parse(argv: list[str], more: Mapping[str, Verb] | None = None) -> SimpleNamespace | None:
    """The namespace argparse would build for `argv` (the verb first), or None: let argparse read it.
    `more`: the verbs the program adds (`draftroom tui`), read alike."""
    verbs = {**VERBS, **(more or {})}
    if not argv or argv[0] not in (*verbs, "amend"):
        return None
    verb, rest = argv[0], argv[1:]
    given = _positionals(rest)
    if verb == "amend":
        return _amend(given, rest[len(given) :])
    spec = verbs[verb]
    values = _read(spec, given, rest[len(given) :], defaults=True)
    if values is None:
        return None
    if callable(spec.handler):
        return SimpleNamespace(command=verb, **values, func=spec.handler)
    module, name = spec.handler
    func = getattr(import_module(f"draftroom.cli.{module}"), name)
    if name == "_decide":  # accept, reject: one handler made for each verdict
        func = func(verb)
    return SimpleNamespace(command=verb, **values, func=func)


def reads(args: object) -> bool:
    """Whether these arguments (quick's or argparse's) are a read: it never syncs, so it has nothing
    to say beside its result."""
    verb = getattr(args, "command", None)
    if verb in ("sponsors", "translations"):
        return getattr(args, "op", None) in (None, "proposals")
    return verb in ("show", "amendments", "log", "list")


def _positionals(rest: list[str]) -> list[str]:
    """The arguments before the first option."""
    for n, arg in enumerate(rest):
        if arg.startswith("-"):
            return rest[:n]
    return rest


def _amend(given: list[str], options: list[str]) -> SimpleNamespace | None:
    if len(given) < 2 or given[1] not in AMEND_KINDS:
        return None  # --from-document, or the options before the kind: argparse's
    name, kind = given[0], given[1]
    spec = AMEND_KINDS[kind]
    values = _read(spec, given[2:], options, defaults=False)
    if values is None:
        return None
    if kind in _PLACED and sum(values.get(d) is not None for d in ("after", "before")) != 1:  # one of them
        return None
    for opt, (dest, _kind) in spec.options.items():  # the kind's own options: None when not given
        if opt not in _PROPOSING:
            values.setdefault(dest, None)
    module = import_module("draftroom.cli.amend_cmd")
    return SimpleNamespace(
        command="amend", **{**AMEND_DEFAULTS, "name": name, **values}, func=module._amend, kind=kind
    )


def _read(spec: Verb, given: list[str], options: list[str], defaults: bool) -> dict[str, object] | None:
    """The positionals' and options' values; None for anything argparse should read (or refuse)."""
    values = _fill(spec.positionals, given)
    if values is None:
        return None
    if defaults:
        for dest, kind in spec.options.values():
            values[dest] = False if kind == FLAG else None
    seen: set[str] = set()
    at = 0
    while at < len(options):
        opt = options[at]
        if opt not in spec.options:
            return None
        dest, kind = spec.options[opt]
        seen.add(opt)
        if kind == FLAG:
            values[dest] = True
            at += 1
            continue
        if at + 1 >= len(options) or options[at + 1].startswith("-"):
            return None
        value = options[at + 1]
        if opt in spec.choices and value not in spec.choices[opt]:
            return None
        if opt == "--home" and not value.strip():
            return None
        earlier = values.get(dest)
        values[dest] = [*(earlier if isinstance(earlier, list) else []), value] if kind == APPEND else value
        at += 2
    return values if all(r in seen for r in spec.required) else None


def _fill(positionals: tuple[Positional, ...], given: list[str]) -> dict[str, object] | None:
    """Positionals as argparse fills them from one run of arguments: each in turn takes as many as it
    may (one, one if any, all the rest, at least one)."""
    values: dict[str, object] = {}
    left = list(given)
    for dest, count, choices in positionals:
        if count == "1" or (count == "?" and left):
            if not left:
                return None
            values[dest] = left.pop(0)
        elif count == "?":
            values[dest] = None
        else:
            if count == "+" and not left:
                return None
            values[dest], left = left, []
        chosen = values[dest]
        if choices and isinstance(chosen, str) and chosen not in choices:
            return None
    return None if left else values
