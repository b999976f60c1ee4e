from django.apps import AppConfig


class PersonalityConfig(AppConfig):
    name = "personality"

    def ready(self):
        from . import personal_data  # noqa: F401
