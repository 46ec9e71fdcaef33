"""Settings, read from the environment (see README, "Omgevingsvariabelen").

Safe defaults for development; production sets DEBUG off and a real SECRET_KEY,
without which the application refuses to start.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from digid_eherkenning.choices import DigiDAssuranceLevels as _DigiDNiveaus
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

# The key of the seals over the audit chains and issued letters; it lives outside
# the database (README, "Audit en manipulatie").
AUDIT_SLEUTEL = os.environ.get("AUDIT_SLEUTEL", "")
if not AUDIT_SLEUTEL and DEBUG:
    AUDIT_SLEUTEL = INSECURE_KEY_PREFIX + "auditsleutel-alleen-voor-ontwikkeling"
if len(AUDIT_SLEUTEL) < 32:
    raise ImproperlyConfigured(
        "AUDIT_SLEUTEL ontbreekt of is te kort. Zet een willekeurige sleutel van "
        "minstens 32 tekens (buiten de database bewaren), of DEBUG=1 voor ontwikkeling."
    )
# The file to which ``audit_controleren --controlepunt`` appends a checkpoint.
AUDIT_CONTROLEPUNT = os.environ.get("AUDIT_CONTROLEPUNT", "")

# The address the site is served on: every link in an e-mail starts with it
# (``make run HOST=...`` sets it to the same address the server listens on).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# In development the host of SITE_URL is allowed too, so `make run HOST=...`
# serves the address its e-mails link to.
_SITE_HOST = urlsplit(SITE_URL).hostname or "127.0.0.1"
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", f"127.0.0.1,localhost,{_SITE_HOST}" if DEBUG else ""
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_fsm",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "ontheffing",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ontheffing.middleware.SecurityHeadersMiddleware",
    "ontheffing.middleware.RequestSizeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ontheffing.identiteit.middleware.TweedeFactorMiddleware",
    "ontheffing.identiteit.middleware.DigiDSessieMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
                "ontheffing.identiteit.context_processors.inlogkeuzes",
            ],
            "builtins": [
                "ontheffing.templatetags.nl",
                "ontheffing.templatetags.lijsten",
                "ontheffing.templatetags.tekst",
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
    # Every transaction takes the write lock at its start, so two appends to one
    # audit chain are serialised (on PostgreSQL the case row is locked instead).
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
# The login role the application runs as, when it is not the owner that runs
# ``migrate``: after each migration the owner grants it only what it needs
# (README, "Audit en manipulatie").
DATABASE_APP_ROL = os.environ.get("DATABASE_APP_ROL", "")
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
    {"NAME": "ontheffing.wachtwoorden.NederlandsWachtwoordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "start"

# Log-in rate limiting (django-axes): five failures lock that account from
# that address for 15 minutes (README, "Beveiliging"). The name is counted as
# log-in matches it (any spelling of the address), the address comes from
# X-Forwarded-For only behind TRUSTED_PROXY_COUNT proxies, and failures during
# a lockout do not extend it; a password reset lifts it.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "ontheffing.beveiliging.axes_gebruikersnaam"
AXES_CLIENT_IP_CALLABLE = "ontheffing.beveiliging.client_ip"
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_VERBOSE = False
# Proxies in front of the app that append to X-Forwarded-For (0: none; the
# header is then ignored, as a client can write it).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Staff single sign-on with OpenID Connect (mozilla-django-oidc), on when a
# client id is set; see README "Inloggen voor medewerkers (SSO)". Endpoints left
# empty are read from the issuer's discovery document.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "").rstrip("/")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_GROEPEN_CLAIM = os.environ.get("OIDC_GROEPEN_CLAIM", "groups")
# "groep=rol:PROVINCIECODE;groep=rol:PROVINCIECODE", the first match wins.
OIDC_ROLLEN = os.environ.get("OIDC_ROLLEN", "")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "sso_terug"
LOGIN_REDIRECT_URL_FAILURE = "sso_geweigerd"
if OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("ontheffing.identiteit.oidc.MedewerkerBackend")

# Second factor (django-otp, TOTP with recovery codes) for every local account
# with a staff role or admin access; see README "Tweede factor".
TWEEDE_FACTOR_SSO_OVERSLAAN = env_bool("TWEEDE_FACTOR_SSO_OVERSLAAN", True)
OTP_TOTP_ISSUER = "Ontheffing verboden handelingen"

# DigiD for applicants (SAML, artifact binding; django-digid-eherkenning's
# client), on when DIGID_ENTITY_ID is set; see README "DigiD".
DIGID_ENTITY_ID = os.environ.get("DIGID_ENTITY_ID", "")
DIGID_BASE_URL = os.environ.get("DIGID_BASE_URL", SITE_URL).rstrip("/")
DIGID_IDP_METADATA = os.environ.get("DIGID_IDP_METADATA", "")
DIGID_IDP_ENTITY_ID = os.environ.get("DIGID_IDP_ENTITY_ID", "")
DIGID_CERTIFICAAT = os.environ.get("DIGID_CERTIFICAAT", "")
DIGID_SLEUTEL = os.environ.get("DIGID_SLEUTEL", "")
# The minimum level of assurance: asked in the AuthnRequest and checked in the
# response (README "DigiD"); one of the class refs of DigiD's levels.
DIGID_BETROUWBAARHEIDSNIVEAU = os.environ.get(
    "DIGID_BETROUWBAARHEIDSNIVEAU",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
)
if DIGID_BETROUWBAARHEIDSNIVEAU not in _DigiDNiveaus.values:
    raise ImproperlyConfigured(
        "DIGID_BETROUWBAARHEIDSNIVEAU is geen DigiD-niveau. Kies een van: "
        + ", ".join(_DigiDNiveaus.values)
        + " (Basis, Midden, Substantieel, Hoog)."
    )
# DigiD's norm: a session ends after 15 minutes without activity (the same
# default as the library's DIGID_SESSION_AGE).
DIGID_SESSIEDUUR = int(os.environ.get("DIGID_SESSIEDUUR", str(15 * 60)))
DIGID_BSN_SLEUTEL = os.environ.get("DIGID_BSN_SLEUTEL", "")

# DigiD Machtigen through an OpenID Connect broker: a gemachtigde logs in with
# his own DigiD for the person who authorised him; on when a client id is set
# (README "DigiD Machtigen"). The claims are modelled as django-digid-eherkenning
# models them (a path into the id_token; the defaults are that library's).
DIGID_MACHTIGEN_CLIENT_ID = os.environ.get("DIGID_MACHTIGEN_CLIENT_ID", "")
DIGID_MACHTIGEN_CLIENT_SECRET = os.environ.get("DIGID_MACHTIGEN_CLIENT_SECRET", "")
DIGID_MACHTIGEN_ISSUER = os.environ.get("DIGID_MACHTIGEN_ISSUER", "").rstrip("/")
DIGID_MACHTIGEN_SCOPES = os.environ.get("DIGID_MACHTIGEN_SCOPES", "openid bsn")
DIGID_MACHTIGEN_SIGN_ALGO = os.environ.get("DIGID_MACHTIGEN_SIGN_ALGO", "RS256")
DIGID_MACHTIGEN_VERTEGENWOORDIGDE_CLAIM = os.environ.get(
    "DIGID_MACHTIGEN_VERTEGENWOORDIGDE_CLAIM", ""
)
DIGID_MACHTIGEN_GEMACHTIGDE_CLAIM = os.environ.get(
    "DIGID_MACHTIGEN_GEMACHTIGDE_CLAIM", ""
)
DIGID_MACHTIGEN_DIENST_CLAIM = os.environ.get("DIGID_MACHTIGEN_DIENST_CLAIM", "")
DIGID_MACHTIGEN_DIENST_ID = os.environ.get("DIGID_MACHTIGEN_DIENST_ID", "")

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
# Request size (README, "Beveiliging"): form fields at most 2.5 MB, a whole
# request at most one document (uploads.MAX_BESTAND, 10 MB) plus the fields.
# Bigger files are spooled to disk, not held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
MAX_REQUEST_BODY_SIZE = 10 * 1024 * 1024 + DATA_UPLOAD_MAX_MEMORY_SIZE
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
    EMAIL_BACKEND = "ontheffing.bezorging.SMTPBackend"
    EMAIL_HOST = _parts.hostname or "localhost"
    EMAIL_PORT = _parts.port or 25
    EMAIL_HOST_USER = unquote(_parts.username or "")
    EMAIL_HOST_PASSWORD = unquote(_parts.password or "")
    EMAIL_USE_TLS = _parts.scheme in {"smtp+tls", "submission"}
    EMAIL_USE_SSL = _parts.scheme == "smtps"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Ontheffing verboden handelingen <noreply@ontheffing.example>"
)
# Seconds one network operation with the mail server may take.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))

# The outbox (ontheffing/bezorging.py, README "Berichten"): messages are rows,
# written with the change, and sent by `manage.py berichten_bezorgen` workers
# through django-tasks' database backend (one queue table, many workers).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Seconds to wait after each failed attempt: 9 attempts over about 27 hours.
BEZORGING_WACHTTIJDEN = [
    int(s)
    for s in env_list("BEZORGING_WACHTTIJDEN", "60,300,900,3600,7200,14400,28800,43200")
]
# How long a worker holds a message while it talks to the mail server; a claim
# that ran out belongs to a worker that died, and the message is tried again.
BEZORGING_CLAIM_SECONDEN = int(os.environ.get("BEZORGING_CLAIM_SECONDEN", "600"))
# Tests only: run the worker's send step in-process right after commit.
BEZORGING_NA_COMMIT = env_bool("BEZORGING_NA_COMMIT")
# The health endpoint reports "fout" for the outbox once its oldest waiting
# message is older than this (README, "Beveiliging"): longer than the whole
# retry schedule means the workers are not running.
BEZORGING_MAX_WACHTTIJD_UREN = int(os.environ.get("BEZORGING_MAX_WACHTTIJD_UREN", "30"))

# Security: production values unless DEBUG.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# The load balancer probes the health endpoint over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^gezondheid/$"]
# Only behind a proxy that sets (and overwrites) this header may it say the
# request came in over HTTPS: e.g. SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto.
_proto_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "").strip()
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proto_header.upper().replace("-", "_"), "https")
    if _proto_header
    else None
)
SECURE_HSTS_SECONDS = (
    0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = 60 * 60 * 8

# Logging to stderr: JSON lines for a log collector (LOG_FORMAT=json, the
# default without DEBUG) or text (LOG_FORMAT=tekst). See ontheffing.logboek.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "tekst" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "ontheffing.logboek.JsonFormatter"},
        "tekst": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "tekst",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
        "pypdf": {"level": "ERROR"},
        # The SAML library logs whole responses (with the BSN) at DEBUG.
        "onelogin": {"level": "WARNING"},
        "digid_eherkenning": {"level": "WARNING"},
    },
}

# Error reporting (sentry-sdk), only with SENTRY_DSN; personal data is scrubbed.
if os.environ.get("SENTRY_DSN"):
    from ontheffing.foutmelding import start as _sentry_start

    _sentry_start(
        os.environ["SENTRY_DSN"],
        omgeving=os.environ.get("SENTRY_ENVIRONMENT", "productie"),
    )
