"""The verbs of a negotiation, called by both the CLI and the TUI."""

# `revise` applies amendments through a step that `revising` registers on import: import it here so
# that every caller of the workflow, whatever it imports first, gets the same revise.
from draftroom.workflow import revising as _revising  # noqa: F401
