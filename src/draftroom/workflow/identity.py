"""Who is acting: `--as WHO`, else DRAFTROOM_AS, else `as = "..."` in the user's config file, else
the Secretariat. WHO is a delegation (any name the Member State table resolves: "China", "中国", "CHN")
or "Secretariat"; the canonical English short name is what git records as the author.
"""

import os
import tomllib
from pathlib import Path

from draftroom.errors import DraftroomError
from draftroom.model import states

SECRETARIAT = "Secretariat"
AS_ENV = "DRAFTROOM_AS"


def config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "draftroom" / "config.toml"


def configured_actor() -> str | None:
    """The default identity from the environment or the config file, if any."""
    if os.environ.get(AS_ENV, "").strip():
        return os.environ[AS_ENV].strip()
    path = config_path()
    if not path.is_file():
        return None
    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get("as")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise DraftroomError(f'{path}: not valid TOML ({e}); write e.g. as = "China"') from None
    if value is not None and not isinstance(value, str):
        raise DraftroomError(f'{path}: `as` must be a string, e.g. as = "China"')
    return value.strip() if value else None


def resolve_actor(raw: str | None) -> str:
    """The canonical name of who acts; one-line error with suggestions for an unknown delegation."""
    if raw is not None and not raw.strip():
        raise DraftroomError('--as is empty: name a delegation (e.g. --as China) or "Secretariat"')
    who = (raw or "").strip() or configured_actor() or SECRETARIAT
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
