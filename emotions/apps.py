from django.apps import AppConfig


class EmotionsConfig(AppConfig):
    name = "emotions"

    def ready(self):
        from . import personal_data  # noqa: F401
