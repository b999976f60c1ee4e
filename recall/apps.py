from django.apps import AppConfig


class RecallConfig(AppConfig):
    name = "recall"
    verbose_name = "Long-term recall index"

    def ready(self):
        from . import personal_data  # noqa: F401
