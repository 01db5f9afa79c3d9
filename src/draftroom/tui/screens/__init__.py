"""The screens of the negotiating room, one module each."""
