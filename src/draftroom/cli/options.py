"""Options several verbs share."""

from __future__ import annotations

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    import argparse

HOME_HELP = "where negotiations live (default: $DRAFTROOM_HOME, else ./sessions)"
NAME_HELP = "the negotiation's name, or the path of its directory"
ACTOR_HELP = (
    'who acts: a delegation or "Secretariat" (default: $DRAFTROOM_AS, then `as` in '
    "~/.config/draftroom/config.toml, then Secretariat)"
)


def _home(value: str) -> str:
    """An empty --home is a mistake (a variable that expanded to nothing), not a request for the default."""
    import argparse

    if not value.strip():
        raise argparse.ArgumentTypeError(
            "the folder is empty: give one (e.g. --home ~/negotiations), "
            "or leave --home out to use $DRAFTROOM_HOME, else ./sessions"
        )
    return value


def add_home(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--home", type=_home, help=HOME_HELP)


def home_and_acting() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The parents most verbs take: one giving --home, one giving --as."""
    import argparse

    home = argparse.ArgumentParser(add_help=False)
    add_home(home)
    acting = argparse.ArgumentParser(add_help=False)
    acting.add_argument("--as", dest="actor", metavar="WHO", help=ACTOR_HELP)
    return home, acting
