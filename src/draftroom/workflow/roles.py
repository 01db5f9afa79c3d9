"""Who may do what: facilitators decide; proposers withdraw their own amendments."""

from draftroom.errors import DraftroomError


def require_facilitator(facilitators: list[str], actor: str, verb: str) -> None:
    if actor not in facilitators:
        who = ", ".join(facilitators) or "nobody yet"
        raise DraftroomError(f"only a facilitator can {verb} ({who}); {actor} is not one")


def grant(facilitators: list[str], delegation: str) -> list[str]:
    if delegation in facilitators:
        raise DraftroomError(f"{delegation} is already a facilitator")
    return [*facilitators, delegation]


def revoke(facilitators: list[str], delegation: str) -> list[str]:
    if delegation not in facilitators:
        raise DraftroomError(f"{delegation} is not a facilitator ({', '.join(facilitators)})")
    if len(facilitators) == 1:
        raise DraftroomError(f"{delegation} is the only facilitator: grant the role to another first")
    return [f for f in facilitators if f != delegation]
