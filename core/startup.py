"""What a process checks before it serves: its secrets are real ones.

Every secret NAME is read from the environment variable NAME, or from the file named by NAME_FILE
(the container convention: a mounted secret), or from NAME_WRAPPED_FILE unwrapped by the key
provider (core.keyprovider). A process refuses to start, with one line on stderr and exit status 2
(no traceback), when a secret cannot be read or when SECRET_KEY or FIELD_ENCRYPTION_KEY is missing,
shorter than MIN_KEY_LENGTH, or one of the development keys below, unless its settings allow
development keys (config.settings_dev and config.settings_test do; production settings never).

Pure Python (no Django): settings call `secret` while they are being read, and `config` calls
`check_keys` before Django loads anything.
"""
import importlib
import sys

from .keyprovider import KeyProviderError, unwrap_file

# Public values, in the repository: for a laptop only (config.settings_dev), refused elsewhere.
DEV_SECRET_KEY = "dev-only-insecure-secret-key-change-me-in-production-0000"
DEV_ENCRYPTION_KEY = "dev-only-insecure-field-encryption-key-change-me-0000"
DEVELOPMENT_KEYS = {DEV_SECRET_KEY, DEV_ENCRYPTION_KEY}
MIN_KEY_LENGTH = 32
EXIT_STATUS = 2


def refuse(reason: str):
    """Stop the process now: one line, no traceback."""
    sys.stderr.write(f"fan-memory refuses to start: {reason}\n")
    sys.stderr.flush()
    raise SystemExit(EXIT_STATUS)


def secret(name: str, environ) -> str | None:
    """The secret NAME from NAME, NAME_FILE or NAME_WRAPPED_FILE (only one may be set), or None."""
    sources = [source for source in (name, f"{name}_FILE", f"{name}_WRAPPED_FILE") if environ.get(source)]
    if len(sources) > 1:
        refuse(f"{' and '.join(sources)} are all set: set only one")
    if not sources:
        return None
    source, value = sources[0], environ[sources[0]]
    try:
        if source.endswith("_WRAPPED_FILE"):
            return unwrap_file(value, environ)
        if source.endswith("_FILE"):
            return _read_text(value, source)
    except KeyProviderError as exc:
        refuse(f"{source}: {exc}")
    return value


def _read_text(path: str, source: str) -> str:
    try:
        with open(path, encoding="utf-8") as file:
            return file.read().strip()
    except (OSError, UnicodeDecodeError) as exc:
        refuse(f"{source}: cannot read {path} ({getattr(exc, 'strerror', None) or type(exc).__name__})")


def key_problem(name: str, value: str | None, development_allowed: bool) -> str | None:
    if not value:
        return f"{name} is not set (set {name}, {name}_FILE or {name}_WRAPPED_FILE)"
    if value in DEVELOPMENT_KEYS:
        return None if development_allowed else f"{name} is a development key from the repository"
    if len(value) < MIN_KEY_LENGTH:
        return f"{name} is shorter than {MIN_KEY_LENGTH} characters"
    return None


def check_keys(settings_module: str) -> None:
    """Refuse to start unless the settings' keys are real ones. Reads the settings module itself,
    before Django does: models with encrypted columns must never load with a missing key."""
    settings = importlib.import_module(settings_module)
    allowed = getattr(settings, "DEVELOPMENT_KEYS_ALLOWED", False)
    keys = {name: getattr(settings, name, None) for name in ("SECRET_KEY", "FIELD_ENCRYPTION_KEY")}
    problems = [problem for name, value in keys.items() if (problem := key_problem(name, value, allowed))]
    if problems:
        hint = "" if allowed else " (for development use DJANGO_SETTINGS_MODULE=config.settings_dev)"
        refuse("; ".join(problems) + hint)
