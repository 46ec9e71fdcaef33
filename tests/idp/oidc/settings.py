"""A small OpenID provider (django-oidc-provider) for the SSO tests, run as its
own Django project in a subprocess on a loopback port. Never for production."""

import os
from pathlib import Path

HIER = Path(__file__).resolve().parent
DEBUG = False
SECRET_KEY = "test-identity-provider-" + "x" * 40
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SITE_URL = os.environ["IDP_SITE_URL"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oidc_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tests.idp.oidc.beheer.KnoeiMiddleware",
]
ROOT_URLCONF = "tests.idp.oidc.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HIER / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": ["django.template.context_processors.request"]
        },
    }
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["IDP_DATABASE"],
        "OPTIONS": {"timeout": 20},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
USE_TZ = True
LOGIN_URL = "/inloggen/"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
OIDC_USERINFO = "tests.idp.oidc.beheer.userinfo"
OIDC_EXTRA_SCOPE_CLAIMS = "tests.idp.oidc.beheer.GroepenClaims"
OIDC_IDTOKEN_PROCESSING_HOOK = "tests.idp.oidc.beheer.id_token_bewerken"
LOGGING = {"version": 1, "disable_existing_loggers": True}
