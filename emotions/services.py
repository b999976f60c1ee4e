"""Writes of the emotions app, and the analysis of a message."""
from .baseline import analyze as baseline_analyze


def analyze_text(text: str) -> dict:
    """The contract's analysis object for one message."""
    return baseline_analyze(text)


def on_interaction(event) -> None:
    """Entry point called by the memory app after each committed event."""
