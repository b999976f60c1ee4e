from django.apps import AppConfig


class OpenItemsConfig(AppConfig):
    name = "openitems"
    verbose_name = "Open items: complaints, questions, follow-ups"

    def ready(self):
        from . import personal_data  # noqa: F401
