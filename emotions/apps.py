import logging
import os
import sys

from django.apps import AppConfig

logger = logging.getLogger("fanmemory.emotions")
# Commands that never analyse a message: no need to load the model for them.
COLD_COMMANDS = {"migrate", "makemigrations", "showmigrations", "check", "collectstatic", "ensure_database",
                 "train_emotion_model", "create_api_key", "sqlmigrate"}


class EmotionsConfig(AppConfig):
    name = "emotions"

    def ready(self):
        from . import personal_data  # noqa: F401

        if os.environ.get("EMOTION_WARMUP", "true").lower() in ("0", "false", "no"):
            return
        if len(sys.argv) > 1 and sys.argv[1] in COLD_COMMANDS:
            return
        self._warm_up()

    @staticmethod
    def _warm_up():
        """Load the artifact once per process (~0.3 s) so the first message pays no load time."""
        from .analyzer import warm_up

        try:
            warm_up()
        except OSError as exc:  # no artifact yet (before the first training): analyse lazily later
            logger.warning("emotion model not loaded: %s", type(exc).__name__)
