from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Tenancy"

    def ready(self):
        from . import schema  # noqa: F401  (registers the API key scheme with drf-spectacular)
