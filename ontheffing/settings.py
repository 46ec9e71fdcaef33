"""Settings, read from the environment (see README, "Omgevingsvariabelen").

Safe defaults for development; production sets DEBUG off and a real SECRET_KEY,
without which the application refuses to start.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG")
INSECURE_KEY_PREFIX = "django-insecure-"
SECRET_KEY = os.environ.get(
    "SECRET_KEY", INSECURE_KEY_PREFIX + "alleen-voor-ontwikkeling"
)
if not DEBUG and (SECRET_KEY.startswith(INSECURE_KEY_PREFIX) or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY ontbreekt of is onveilig. Zet een willekeurige SECRET_KEY van "
        "minstens 50 tekens, of DEBUG=1 voor ontwikkeling."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_fsm",
    "axes",
    "ontheffing",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ontheffing.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ontheffing.urls"
WSGI_APPLICATION = "ontheffing.wsgi.application"
ASGI_APPLICATION = "ontheffing.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ontheffing.context_processors.navigatie",
            ],
            "builtins": [
                "ontheffing.templatetags.nl",
                "ontheffing.templatetags.lijsten",
            ],
        },
    },
]

# Persistent connections: opening one per request was most of a page's fixed
# cost on PostgreSQL. The health check (once per request, before the first
# query) replaces a connection the server closed, e.g. after a restart; a
# connection that fails mid-request is rolled back by the server and not
# reused. Each process holds at most one connection per thread (README,
# "Databaseverbindingen").
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0" if DEBUG else "60")),
        conn_health_checks=env_bool("CONN_HEALTH_CHECKS", True),
    )
}
# Behind PgBouncer in transaction mode a server-side cursor cannot outlive
# its transaction: switch them off there (README, "Databaseverbindingen").
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool(
    "DISABLE_SERVER_SIDE_CURSORS"
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a write lock instead of failing at once under concurrent requests.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "ontheffing.Gebruiker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "start"

# Log-in rate limiting (django-axes): five failures lock that account from
# that address for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_VERBOSE = False

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "ontheffing" / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded files and letters are private: there is no MEDIA_URL route; they are
# served only through views that check who may see them.
STORAGES = {
    "default": {
        "BACKEND": os.environ.get(
            "FILE_STORAGE", "django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": {"location": str(MEDIA_ROOT)},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG and not env_bool("TESTING")
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Development and tests serve static files from the finders (no collectstatic).
WHITENOISE_USE_FINDERS = DEBUG or env_bool("TESTING")
WHITENOISE_AUTOREFRESH = DEBUG or env_bool("TESTING")
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640

# E-mail: EMAIL_URL such as smtp+tls://user:password@smtp.example.nl:587,
# console:// (development default) or locmem:// (tests).
_email_url = os.environ.get("EMAIL_URL", "console://")
if _email_url.startswith("console:"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
elif _email_url.startswith("locmem:"):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
else:
    from urllib.parse import unquote, urlsplit

    _parts = urlsplit(_email_url)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _parts.hostname or "localhost"
    EMAIL_PORT = _parts.port or 25
    EMAIL_HOST_USER = unquote(_parts.username or "")
    EMAIL_HOST_PASSWORD = unquote(_parts.password or "")
    EMAIL_USE_TLS = _parts.scheme in {"smtp+tls", "submission"}
    EMAIL_USE_SSL = _parts.scheme == "smtps"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Ontheffing verboden handelingen <noreply@ontheffing.example>"
)

# Security: production values unless DEBUG.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = (
    0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = 60 * 60 * 8

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}
