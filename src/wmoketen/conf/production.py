"""Production: PostgreSQL via DATABASE_URL, a real broker, secure cookies, 2FA for everyone."""

from .base import *  # noqa: F403
from .config import config

DEBUG = False
SECRET_KEY = config("SECRET_KEY")  # no default: refuse to start without one
TWEEFACTOR_VERPLICHT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = config("SECURE_HSTS_SECONDS", 31536000, cast=int)
SECURE_SSL_REDIRECT = config("SECURE_SSL_REDIRECT", True, cast=bool)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
EMAIL_BACKEND = config("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
