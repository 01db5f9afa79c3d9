"""Who is acting: a delegation (or the Secretariat) and a role. Always shown, passed to every action."""

from draftroom.record import record
from draftroom.workflow.identity import ROLES, SECRETARIAT

__all__ = ["CHAIR_ROLES", "ROLES", "SECRETARIAT", "Identity"]
# roles offered a facilitator's keys; the workflow still refuses whoever is not a facilitator
CHAIR_ROLES = ("facilitator", "secretariat")


@record(frozen=True)
class Identity:
    delegation: str | None = None  # a Member State's English short name, or "Secretariat"
    role: str = "reviewer"

    @property
    def acting_as(self) -> str | None:
        """The name recorded as author of an action, or None when nobody has said who they are."""
        if self.role == "secretariat":
            return SECRETARIAT
        return self.delegation

    def describe(self) -> str:
        who = self.acting_as or "nobody yet"
        return f"{who} · {self.role}"
