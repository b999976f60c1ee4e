from django.apps import AppConfig


class PreferencesConfig(AppConfig):
    name = "preferences"

    def ready(self):
        from . import personal_data  # noqa: F401
