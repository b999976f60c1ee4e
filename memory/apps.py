from django.apps import AppConfig


class MemoryConfig(AppConfig):
    name = "memory"
    verbose_name = "Memory"

    def ready(self):
        from . import personal_data  # noqa: F401  (registers this app's fan data)
