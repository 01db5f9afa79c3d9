"""The Textual terminal UI: a negotiating room."""
