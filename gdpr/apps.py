from django.apps import AppConfig


class GdprConfig(AppConfig):
    name = "gdpr"
    verbose_name = "GDPR"

    def ready(self):
        from core import consent

        from . import personal_data  # noqa: F401
        from .rotation import install_old_key_fallback
        from .selectors import purpose_allowed

        consent.register_reader(purpose_allowed)
        install_old_key_fallback()
