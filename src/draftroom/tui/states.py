"""Member State search for the pickers, over the Member State table of `draftroom.model.states`."""


def search_states(query: str) -> list[tuple[str, str]]:
    """[(English short name, line to show)] matching `query` in any language; all states when empty."""
    return []
