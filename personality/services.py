"""Writes of this app. Learning arrives with its own issue; until then the defaults are served."""


def on_interaction(event) -> None:
    """Entry point called by the memory app after each committed event."""
