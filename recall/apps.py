from django.apps import AppConfig

from core import warmup


class RecallConfig(AppConfig):
    name = "recall"
    verbose_name = "Long-term recall index"

    def ready(self):
        from . import embedding, personal_data  # noqa: F401

        if warmup.wanted():
            embedding.dimensions()  # loads the word table (~0.3 s) before the first query needs it
