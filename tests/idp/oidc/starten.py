"""Prepares and serves the test provider: ``python -m tests.idp.oidc.starten PORT``
with IDP_DATABASE, IDP_SITE_URL, IDP_CLIENT_ID, IDP_CLIENT_SECRET,
IDP_REDIRECT_URI, IDP_MACHTIGEN_CLIENT_ID and IDP_MACHTIGEN_REDIRECT_URI in the
environment."""

import os
import sys

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.idp.oidc.settings"


def main(port: str) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from oidc_provider.models import Client, ResponseType, RSAKey

    call_command("migrate", verbosity=0)
    if not RSAKey.objects.exists():
        call_command("creatersakey")
    client, _ = Client.objects.update_or_create(
        client_id=os.environ["IDP_CLIENT_ID"],
        defaults={
            "name": "Ontheffing (test)",
            "client_type": "confidential",
            "client_secret": os.environ["IDP_CLIENT_SECRET"],
            "jwt_alg": "RS256",
            "require_consent": False,
            "_redirect_uris": os.environ["IDP_REDIRECT_URI"],
            "_scope": "openid email profile groups",
        },
    )
    client.response_types.set([ResponseType.objects.get(value="code")])
    # The DigiD Machtigen broker: a client whose id_token carries the mandate.
    machtigen, _ = Client.objects.update_or_create(
        client_id=os.environ["IDP_MACHTIGEN_CLIENT_ID"],
        defaults={
            "name": "Ontheffing, DigiD Machtigen (test)",
            "client_type": "confidential",
            "client_secret": os.environ["IDP_CLIENT_SECRET"],
            "jwt_alg": "RS256",
            "require_consent": False,
            "_redirect_uris": os.environ["IDP_MACHTIGEN_REDIRECT_URI"],
            "_scope": "openid bsn",
        },
    )
    machtigen.response_types.set([ResponseType.objects.get(value="code")])
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, verbosity=0)


if __name__ == "__main__":
    main(sys.argv[1])
