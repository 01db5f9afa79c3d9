"""Where this machine keeps each delegation's private signing key, and which key signs an action.

A delegation's private key is $XDG_CONFIG_HOME/draftroom/keys/<slug> (default ~/.config), its public
key beside it as <slug>.pub. Every action by an actor who has a key here is a signed commit; in a
hosted negotiation (one with a keys/ folder) an actor without a key cannot act at all.
"""

from collections.abc import Callable
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.store import actor_email
from draftroom.store.layout import KEYS_DIR
from draftroom.workflow.identity import config_path

Signer = Callable[[str], str | None]


def key_dir() -> Path:
    return config_path().parent / "keys"


def key_file(actor: str) -> Path:
    """The private key of `actor` on this machine (it may not exist yet)."""
    return key_dir() / actor_email(actor).split("@")[0]


def how_to_make(actor: str) -> str:
    flag = f'"{actor}"' if " " in actor else actor
    return f"make one with `draftroom keys new --as {flag}` and have the Secretariat register its public key"


def may_sign(negotiation: Path, actor: str) -> bool:
    """Whether `actor` can act in the negotiation from this machine: it holds the actor's key, or the
    negotiation is not hosted (no keys/ folder: its actions are not signed)."""
    return key_file(actor).is_file() or not (negotiation / KEYS_DIR).is_dir()


def signer_for(negotiation: Path) -> Signer:
    """The store's signer for a negotiation: actor -> the private key to sign with, or None when the
    actor has none and the negotiation is not hosted; a one-line error when it is hosted."""

    def signer(actor: str) -> str | None:
        path = key_file(actor)
        if path.is_file():
            mode = path.stat().st_mode & 0o777
            if mode & 0o077:  # ssh-keygen ignores a private key others may read
                raise DraftroomError(
                    f"{path} is open to others (mode {mode:04o}): ssh refuses to sign with it; "
                    f"protect it with `chmod 600 {path}`"
                )
            return str(path)
        if (negotiation / KEYS_DIR).is_dir():
            raise DraftroomError(f"{actor} has no signing key on this machine: {how_to_make(actor)}")
        return None

    return signer
