"""Production: PostgreSQL via DATABASE_URL, a real broker, secure cookies, 2FA for everyone."""

from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .config import config

DEBUG = False
SECRET_KEY = config("SECRET_KEY")  # no default: refuse to start without one
# Django only warns (security.W009, and only under --deploy); a weak key here stops the start,
# by Django's own criteria. base.py's development key is too short, so it is refused too.
if (
    len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH
    or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
    or SECRET_KEY.startswith(SECRET_KEY_INSECURE_PREFIX)
):
    raise ImproperlyConfigured(
        f"De SECRET_KEY is te zwak: gebruik ten minste {SECRET_KEY_MIN_LENGTH} tekens, "
        f"waarvan ten minste {SECRET_KEY_MIN_UNIQUE_CHARACTERS} verschillende, en niet de "
        f"ontwikkelsleutel of een sleutel die met '{SECRET_KEY_INSECURE_PREFIX}' begint. Maak "
        "er een met: python -c 'from django.core.management.utils import "
        "get_random_secret_key as k; print(k())'"
    )
TWEEFACTOR_VERPLICHT = True
# Keep a worker's database connection between requests (a new one costs a TCP and auth
# round trip per page); the health check replaces a connection the database has dropped.
DATABASES["default"]["CONN_MAX_AGE"] = config("CONN_MAX_AGE", 300, cast=int)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = config("SECURE_HSTS_SECONDS", 31536000, cast=int)
SECURE_SSL_REDIRECT = config("SECURE_SSL_REDIRECT", True, cast=bool)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
EMAIL_BACKEND = config("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# JSON logs, one object a line, with the request id and user id (operatie/logboek.py), for
# journald and a log collector; base.py keeps the readable format for development.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # the worker and beat log through the same handler
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"verzoek": {"()": "wmoketen.operatie.logboek.VerzoekFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601 in UTC
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["verzoek"]}
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "wmoketen": {
            "handlers": ["console"],
            "level": config("LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        "celery": {"level": "INFO"},  # worker start, tasks received and done
    },
}
