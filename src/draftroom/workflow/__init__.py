"""The verbs of a negotiation, called by both the CLI and the TUI."""
