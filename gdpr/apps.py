from django.apps import AppConfig


class GdprConfig(AppConfig):
    name = "gdpr"
    verbose_name = "GDPR"

    def ready(self):
        from . import personal_data  # noqa: F401
        from .rotation import install_old_key_fallback

        install_old_key_fallback()
