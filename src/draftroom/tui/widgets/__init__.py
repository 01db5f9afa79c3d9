"""Reusable widgets of the negotiating room, one module each."""
