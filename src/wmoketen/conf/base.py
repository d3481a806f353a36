"""Settings shared by every environment. Read the environment only through ``config()``."""

from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .config import REPO_ROOT, config, database, maak_mappen, sqlite_mappen

BASE_DIR = Path(__file__).resolve().parents[1]
VAR_DIR = Path(config("WMOKETEN_VAR_DIR", str(REPO_ROOT / "var")))

SECRET_KEY = config("SECRET_KEY", "onveilig-alleen-voor-ontwikkeling")
DEBUG = config("DEBUG", False, cast=bool)
ALLOWED_HOSTS = config("ALLOWED_HOSTS", ["127.0.0.1", "localhost"], cast=list)

INSTALLED_APPS = [
    "wmoketen.accounts.beheer_app.BeheerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "health_check",
    "wmoketen.organisaties",
    "wmoketen.accounts",
    "wmoketen.audit",
    "wmoketen.producten",
    "wmoketen.clienten",
    "wmoketen.termijnen",
    "wmoketen.trajecten",
    "wmoketen.meldingen",
    "wmoketen.berichten",
    "wmoketen.toegang",
    "wmoketen.toewijzingen",
    "wmoketen.declaraties",
    "wmoketen.budgetten",
    "wmoketen.betalingen",
    "wmoketen.eigenbijdrage",
    "wmoketen.verzoeken",
    "wmoketen.mutaties",
    "wmoketen.evaluaties",
    "wmoketen.stromen",
    "wmoketen.portaal",
    "wmoketen.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "wmoketen.operatie.logboek.RequestIdMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "wmoketen.accounts.middleware.TweeFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "wmoketen.termijnen.middleware.KalenderMiddleware",
]

ROOT_URLCONF = "wmoketen.urls"
WSGI_APPLICATION = "wmoketen.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wmoketen.accounts.context_processors.rol",
                "wmoketen.meldingen.context_processors.notificaties",
            ],
        },
    },
]

DATABASES = {"default": database(f"sqlite:///{VAR_DIR / 'wmoketen.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Every transaction takes the write lock at BEGIN (Django's default, DEFERRED, lets two
    # pass a check before either writes); a writer waits up to the timeout for the other.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=config("SQLITE_TIMEOUT_SECONDS", 20, cast=int),
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Gebruiker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "wmoketen.accounts.backends.OrganisatieBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Content-Security-Policy (django-csp): scripts, styles and images only from our own static
# files, no inline code, no plug-ins, never inside a frame (docs/architecture.md). The API
# documentation pages relax it per view (berichten/api/documentatie.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portaal:start"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions end after SESSION_IDLE_MINUTES without a request (sliding expiry).
SESSION_COOKIE_AGE = config("SESSION_IDLE_MINUTES", 15, cast=int) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

# django-axes: lock after repeated failed logins; see accounts/vergrendeling.py. A username
# from one client address locks at AXES_FAILURE_LIMIT, the username from any address at the
# higher AXES_GEBRUIKER_FAILURE_LIMIT; the address never locks on its own (behind the proxy
# whole offices share one).
AXES_FAILURE_LIMIT = config("AXES_FAILURE_LIMIT", 5, cast=int)
AXES_GEBRUIKER_FAILURE_LIMIT = config("AXES_GEBRUIKER_FAILURE_LIMIT", 20, cast=int)
AXES_COOLOFF_TIME = config("AXES_COOLOFF_MINUTES", 30, cast=int) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "wmoketen.accounts.vergrendeling.VergrendelingHandler"
AXES_CLIENT_IP_CALLABLE = "wmoketen.accounts.vergrendeling.client_adres"
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated);
# empty: the client address is REMOTE_ADDR.
VERTROUWDE_PROXIES = config("VERTROUWDE_PROXIES", [], cast=list)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/geblokkeerd.html"
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False  # its lists span all organisations; the admin is per organisation

# Two-factor authentication (TOTP); required for every role in production.
TWEEFACTOR_VERPLICHT = config("TWEEFACTOR_VERPLICHT", False, cast=bool)
OTP_TOTP_ISSUER = "wmoketen"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"

EMAIL_BACKEND = config("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = config("DEFAULT_FROM_EMAIL", "wmoketen@localhost")

# Toegang: a melding received longer ago than this is refused (a typo in the year opens a
# traject of that year and deadlines long overdue); see docs/toegang.md "Plausibility".
MELDING_MAX_DAGEN_TERUG = config("MELDING_MAX_DAGEN_TERUG", 90, cast=int)
# A warning (an unusual but possible value) shows in the portal's orange "waarschuwing" style.
MESSAGE_TAGS = {30: "waarschuwing"}  # django.contrib.messages.constants.WARNING

# Messages: the largest message accepted (the exchanges' own upload limit) and the root of
# the file mailboxes (<root>/<organisation code>/in and out).
BERICHT_MAX_BYTES = config("BERICHT_MAX_BYTES", 25 * 1024 * 1024, cast=int)
# The exchange's limit (OP179) is on the file sent, so a ZIP's members may unpack to more: at
# most this many times BERICHT_MAX_BYTES together, each member and the whole ZIP at most this
# many times their compressed size (more is a zip bomb; a WMO301 packs about 5 times).
BERICHT_ZIP_MAX_FACTOR = config("BERICHT_ZIP_MAX_FACTOR", 4, cast=int)
BERICHT_ZIP_MAX_RATIO = config("BERICHT_ZIP_MAX_RATIO", 100, cast=int)
BERICHTEN_BRIEVENBUS = Path(config("BERICHTEN_BRIEVENBUS", str(VAR_DIR / "brievenbus")))

# The directories these settings name exist before any command needs them: var/ is git-ignored,
# so a fresh clone has none, and SQLite does not create its file's directory.
maak_mappen(STATIC_ROOT, BERICHTEN_BRIEVENBUS, *sqlite_mappen(DATABASES))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["wmoketen.berichten.api.authenticatie.TokenAuthenticatie"],
    "DEFAULT_PERMISSION_CLASSES": ["wmoketen.berichten.api.authenticatie.HeeftOrganisatieToken"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "wmoketen berichten-API",
    "DESCRIPTION": "iWmo/iJw 3.2-berichten versturen en ophalen, per organisatie met een token.",
    "VERSION": "1",
    # Swagger UI and Redoc from the installed sidecar package, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Celery: without a broker, tasks run in-process (eagerly) so the system needs no services.
CELERY_BROKER_URL = config("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
# Sending while the broker is down: give up after about a second (the outbox keeps the intent
# and the recovery job queues it again), instead of holding the user's request.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# A task whose worker dies (kill -9, out of memory) is requeued, not lost; see berichten/tasks.py.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# One task at a time per worker process: a killed worker holds no further unacknowledged ones.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A message still waiting this long for delivery or processing is stuck: the periodic job
# (berichten-herstellen) and `manage.py berichten_herstel` offer it again.
BERICHTEN_HERSTEL_NA_MINUTEN = config("BERICHTEN_HERSTEL_NA_MINUTEN", 10, cast=int)
# The health endpoint (/gezondheid/) fails when a message waits longer than this: by then the
# recovery job has offered it again several times without success.
BERICHTEN_ALARM_NA_MINUTEN = config(
    "BERICHTEN_ALARM_NA_MINUTEN", 3 * BERICHTEN_HERSTEL_NA_MINUTEN, cast=int
)
# Periodic jobs (celery beat). Without a broker, run the matching management commands from cron.
CELERY_BEAT_SCHEDULE = {
    "termijnen-bewaken": {
        "task": "wmoketen.termijnen.tasks.bewaak_termijnen",
        "schedule": 15 * 60,
    },
    "berichten-herstellen": {
        "task": "wmoketen.berichten.tasks.herstel_berichten",
        "schedule": 5 * 60,
    },
    "afwijzingen-herstellen": {
        "task": "wmoketen.verzoeken.tasks.herstel_afwijzingen",
        "schedule": 5 * 60,
    },
    "herindicaties-signaleren": {
        "task": "wmoketen.toegang.tasks.signaleer_herindicaties",
        "schedule": 24 * 60 * 60,
    },
    "declaraties-beantwoorden": {
        "task": "wmoketen.declaraties.tasks.beantwoord_openstaande",
        "schedule": 60 * 60,
    },
    "eigenbijdrage-bijwerken": {
        "task": "wmoketen.eigenbijdrage.tasks.werk_registers_bij",
        "schedule": 24 * 60 * 60,
    },
}
# A received declaration (323) not held for review is answered (325) automatically after this
# many werkdagen; the standard's deadline (antwoord_323) is 10 werkdagen.
DECLARATIES_WACHTTIJD_WERKDAGEN = config("DECLARATIES_WACHTTIJD_WERKDAGEN", 3, cast=int)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"kort": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "kort"}},
    "loggers": {"wmoketen": {"handlers": ["console"], "level": config("LOG_LEVEL", "INFO")}},
}
