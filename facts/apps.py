from django.apps import AppConfig


class FactsConfig(AppConfig):
    name = "facts"
    verbose_name = "Fan facts, notes, segments and flags"

    def ready(self):
        from . import personal_data  # noqa: F401
