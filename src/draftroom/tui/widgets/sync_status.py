"""A hosted negotiation's sync state, as the top bar shows it: online or offline, the last sync, and the
actions waiting to go out."""

from rich.text import Text

from draftroom.tui.syncing import SyncState


def sync_line(state: SyncState) -> Text:
    """ "● online · synced 14:02:31 · 0 waiting" or "○ offline · last sync 14:01:10 · 2 waiting"."""
    line = Text()
    if state.online:
        line.append("● online", style="bold green")
    else:
        line.append("○ offline", style="bold yellow")
    last = state.last_sync or "never"
    line.append(f" · {'synced' if state.online else 'last sync'} {last}", style="dim")
    line.append(f" · {state.waiting} waiting", style="bold" if state.waiting else "dim")
    return line
