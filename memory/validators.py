from django.core.validators import RegexValidator

PLATFORM_ID_PATTERN = r"^[A-Za-z0-9_.:@-]{1,255}$"

platform_id_validator = RegexValidator(
    PLATFORM_ID_PATTERN, "Must be 1 to 255 characters from A-Z a-z 0-9 _ . : @ -."
)
