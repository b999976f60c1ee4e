"""Development settings (`make run`, `make demo`, `make migrate`, `make bench`): DEBUG on unless
DEBUG=false, and the repository's public development keys unless real ones are given. Never in
production: config.settings refuses these keys.
"""
from core.startup import DEV_ENCRYPTION_KEY, DEV_SECRET_KEY

from config.settings import *  # noqa: F401,F403
from config.settings import FIELD_ENCRYPTION_KEY, SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", True)
DEVELOPMENT_KEYS_ALLOWED = True
SECRET_KEY = SECRET_KEY or DEV_SECRET_KEY
FIELD_ENCRYPTION_KEY = CRYPTOGRAPHY_KEY = FIELD_ENCRYPTION_KEY or DEV_ENCRYPTION_KEY
