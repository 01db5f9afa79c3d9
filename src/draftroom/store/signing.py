"""Signed actions: git's SSH signing, and the keys a negotiation has registered for its delegations.

A hosted negotiation keeps each delegation's public key in keys/<slug>.signers, one line of git's
allowed-signers format (`france@draftroom.invalid namespaces="git" ssh-ed25519 AAAA... France`), one
file per delegation so that registrations merge. A commit's signature is read back with one
`git log` whose allowed-signers file is empty: git then checks each signature and reports the key
that made it (status U for a good one, B for a bad one, N for none), and draftroom itself compares
that key with the ones the negotiation registered for the commit's actor when it was made.
"""

import base64
import binascii
import hashlib
from typing import TYPE_CHECKING

from draftroom.errors import DraftroomError
from draftroom.patterns import LazyPattern
from draftroom.record import record
from draftroom.store import layout
from draftroom.store.committed import Committed
from draftroom.store.transaction import actor_email

if TYPE_CHECKING:
    from git import Repo

KEYS_DIR = layout.KEYS_DIR
_KEY_LINE = LazyPattern(
    r"^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com) ([A-Za-z0-9+/=]+)"
)
_FIELD, _RECORD = "\x1f", "\x1e"


def key_path(actor: str) -> str:
    """keys/<slug>.signers: where the negotiation keeps `actor`'s public key."""
    return f"{KEYS_DIR}{actor_email(actor).split('@')[0]}.signers"


def public_key(line: str, where: str) -> tuple[str, str]:
    """(type, base64 blob) of an OpenSSH public key line; a one-line error for anything else."""
    m = _KEY_LINE.match(line.strip())
    if not m:
        raise DraftroomError(
            f"{where} is not an OpenSSH public key line (ssh-ed25519 AAAA...): give the .pub file"
        )
    try:
        base64.b64decode(m.group(2), validate=True)
    except binascii.Error:
        raise DraftroomError(f"{where}: the key is damaged (not base64)") from None
    return m.group(1), m.group(2)


def fingerprint(blob: str) -> str:
    """The SHA256 fingerprint ssh-keygen and git print for a key."""
    digest = hashlib.sha256(base64.b64decode(blob)).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def signers_line(actor: str, key_line: str) -> str:
    kind, blob = public_key(key_line, f"the key of {actor}")
    return f'{actor_email(actor)} namespaces="git" {kind} {blob} {actor}\n'


@record(frozen=True)
class Registered:
    actor: str
    principal: str
    key: str  # "ssh-ed25519 AAAA..."
    fingerprint: str


def registered(read: layout.Reader, files: list[str]) -> list[Registered]:
    """The keys registered in a negotiation: `files` are the paths under keys/."""
    out = []
    for rel in files:
        for line in (read(rel) or "").splitlines():
            parts = line.split(" ", 4)
            if len(parts) >= 4 and _KEY_LINE.match(f"{parts[2]} {parts[3]}"):
                actor = parts[4].strip() if len(parts) > 4 else parts[0]
                out.append(Registered(actor, parts[0], f"{parts[2]} {parts[3]}", fingerprint(parts[3])))
    return out


def keys_at(snap: Committed) -> list[Registered]:
    return registered(snap.read, [f"{KEYS_DIR}{n}" for n in snap.listing(KEYS_DIR.rstrip("/"))])


@record(frozen=True)
class Signature:
    commit: str
    status: str  # git's %G?: U or G good, B bad, N none, E cannot be checked
    fingerprint: str


def signatures(repo: "Repo", rev_range: str) -> dict[str, Signature]:
    """Every commit's signature in `rev_range` (one git log), by commit."""
    out = repo.git.execute(
        [
            "git",
            "-c",
            "gpg.ssh.allowedSignersFile=/dev/null",
            "log",
            f"--format=%H{_FIELD}%G?{_FIELD}%GF{_RECORD}",
            rev_range,
        ]
    )
    found = {}
    for entry in str(out).split(_RECORD):
        fields = entry.strip("\n").split(_FIELD)
        if len(fields) == 3:
            found[fields[0]] = Signature(*fields)
    return found
