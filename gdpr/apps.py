from django.apps import AppConfig


class GdprConfig(AppConfig):
    name = "gdpr"
    verbose_name = "GDPR"
