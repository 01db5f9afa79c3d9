"""Who is acting: `--as WHO`, else DRAFTROOM_AS, else `as = "..."` in the user's config file, else
the Secretariat. WHO is a delegation (any name the Member State table resolves: "China", "中国", "CHN")
or "Secretariat"; the canonical English short name is what git records as the author.
"""

import json
import os
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.files import write_atomically
from draftroom.model import states
from draftroom.model.text_rules import check_typed
from draftroom.patterns import LazyPattern

SECRETARIAT = "Secretariat"
AS_ENV = "DRAFTROOM_AS"
ROLES = ("delegate", "facilitator", "secretariat", "reviewer")
_CONFIG_KEY = LazyPattern(r"\s*([A-Za-z0-9_-]+)\s*=")


def config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "draftroom" / "config.toml"


def _config() -> dict[str, object]:
    path = config_path()
    if not path.is_file():
        return {}
    import tomllib  # only when there is a file to read: most commands start without one

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise DraftroomError(f'{path}: not valid TOML ({e}); write e.g. as = "China"') from None


def _config_string(key: str, example: str) -> str | None:
    value = _config().get(key)
    if value is not None and not isinstance(value, str):
        raise DraftroomError(f"{config_path()}: `{key}` must be a string, e.g. {key} = {example!r}")
    return value.strip() if value else None


def configured_actor() -> str | None:
    """The default identity from the environment or the config file, if any."""
    if os.environ.get(AS_ENV, "").strip():
        return os.environ[AS_ENV].strip()
    return _config_string("as", "China")


def configured_role() -> str | None:
    """The role the user last said they act in (`role = "reviewer"`), if any; an unknown one is ignored
    (the role otherwise follows from the negotiation)."""
    role = _config_string("role", "delegate")
    return role if role in ROLES else None


def remember(actor: str | None, role: str) -> Path:
    """Save who the user is (`as`, `role`) in the config file for the next run, keeping its other
    lines and comments; written whole or not at all. `actor` is who acts, as every command records
    it (the Secretariat for its role); None (a reviewer who named no delegation) removes `as`, so the
    next command does not act as someone the user no longer said they are."""
    path = config_path()
    keys = {"as": actor, "role": role}
    _config()  # a broken file is reported, never overwritten
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    top = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines))
    kept = [line for line in lines[:top] if (m := _CONFIG_KEY.match(line)) is None or m[1] not in keys]
    new = [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in keys.items() if value]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DraftroomError(f"{path.parent}: cannot create it ({e.strerror}); set XDG_CONFIG_HOME") from None
    try:
        write_atomically(path, ("\n".join([*new, *kept, *lines[top:]]) + "\n").encode("utf-8"))
    except DraftroomError:
        raise DraftroomError(
            f"{path}: cannot save who you are there; set XDG_CONFIG_HOME to a folder you can write"
        ) from None
    return path


def resolve_actor(raw: str | None) -> str:
    """The canonical name of who acts; one-line error with suggestions for an unknown delegation."""
    if raw is not None and not raw.strip():
        raise DraftroomError('who acts is empty: name a delegation (e.g. China) or "Secretariat"', fix="as")
    who = check_typed((raw or "").strip(), "--as") or configured_actor() or SECRETARIAT
    if who.casefold() in (
        "secretariat",
        "秘书处",
        "secrétariat",
        "secretaría",
        "секретариат",
        "الأمانة العامة",
    ):
        return SECRETARIAT
    return states.resolve(who).en
