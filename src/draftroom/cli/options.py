"""Options several verbs share."""

from __future__ import annotations

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    import argparse

HOME_HELP = "where negotiations live (default: $DRAFTROOM_HOME, else ./sessions)"


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
