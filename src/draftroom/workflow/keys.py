"""Signing keys: each delegation's own (made with ssh-keygen, kept in the user's config folder, see
`signer`), and the ones a negotiation registers (an action of the Secretariat, in git's allowed-signers
format, see draftroom.store.signing)."""

import shutil
import subprocess
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.record import record
from draftroom.store import Negotiation, signing
from draftroom.workflow.identity import SECRETARIAT, resolve_actor
from draftroom.workflow.negotiation import Home, open_negotiation
from draftroom.workflow.signer import key_file


@record
class Key:
    actor: str
    path: Path  # the private key
    public: str  # "ssh-ed25519 AAAA... comment"
    created: bool


def new_key(actor: str | None) -> Key:
    """The acting delegation's signing key: made with ssh-keygen (ed25519), or the one already here."""
    who = resolve_actor(actor)
    path = key_file(who)
    created = not path.is_file()
    if created:
        if shutil.which("ssh-keygen") is None:
            raise DraftroomError(
                "ssh-keygen is not installed: install OpenSSH (e.g. apt install openssh-client)"
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as e:
            raise DraftroomError(
                f"{path.parent}: cannot create it ({e.strerror}); set XDG_CONFIG_HOME"
            ) from None
        made = subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"draftroom {who}", "-f", str(path)],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
        )
        if made.returncode != 0:
            raise DraftroomError(
                f"ssh-keygen could not make {path}: {made.stderr.strip() or made.returncode}"
            )
    return Key(who, path, _public_line(path.with_name(path.name + ".pub")), created)


def _public_line(path: Path) -> str:
    try:
        line = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as e:
        raise DraftroomError(f"{path}: cannot read the public key ({e}); give a .pub file") from None
    signing.public_key(line, str(path))
    return line


def add_key(
    name: str, delegation: str, pub_file: str, actor: str | None, home: Home = None
) -> signing.Registered:
    """Register a delegation's public key in the negotiation (the Secretariat only)."""
    who = resolve_actor(actor)
    if who != SECRETARIAT:
        raise DraftroomError(f"only the Secretariat registers keys; {who} cannot (use --as Secretariat)")
    target = resolve_actor(delegation)
    line = signing.signers_line(target, _public_line(Path(pub_file).expanduser()))
    neg = open_negotiation(name, home)
    with neg.action("keys-add", who) as txn:
        rel = signing.key_path(target)
        if txn.read_file(rel) == line:
            raise DraftroomError(f"{target}'s key is already registered in {neg.name}")
        txn.write_file(rel, line)
        txn.extra_trailers.append(("Delegation", target))
        txn.summary = f"{who} registers the signing key of {target}"
    return next(k for k in registered(name, home) if k.actor == target)


def registered(name: str, home: Home = None) -> list[signing.Registered]:
    neg: Negotiation = open_negotiation(name, home)
    return signing.keys_at(neg.snapshot())
