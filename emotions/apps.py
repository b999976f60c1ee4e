import logging

from django.apps import AppConfig

from core import warmup

logger = logging.getLogger("fanmemory.emotions")


class EmotionsConfig(AppConfig):
    name = "emotions"

    def ready(self):
        from . import personal_data  # noqa: F401

        if warmup.wanted():
            self._warm_up()

    @staticmethod
    def _warm_up():
        """Load the artifact once per process (~0.3 s) so the first message pays no load time."""
        from .analyzer import warm_up

        try:
            warm_up()
        except OSError as exc:  # no artifact yet (before the first training): analyse lazily later
            logger.warning("emotion model not loaded: %s", type(exc).__name__)
