"""Starts the test OpenID provider (``tests/idp/oidc``) in a subprocess on a free
loopback port and lets a test drive its log-in page like a browser would."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import requests

BASE_DIR = Path(__file__).resolve().parents[3]
CLIENT_ID = "ontheffing-test"
CLIENT_SECRET = "test-geheim-van-de-client-0123456789"
REDIRECT_URI = "http://testserver/account/sso/terug/"
MACHTIGEN_CLIENT_ID = "ontheffing-machtigen-test"
MACHTIGEN_REDIRECT_URI = "http://testserver/account/digid-machtigen/terug/"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Provider:
    def __init__(self, map_: Path):
        self.poort = vrije_poort()
        self.url = f"http://127.0.0.1:{self.poort}"
        self.issuer = f"{self.url}/openid"
        omgeving = {
            **os.environ,
            "IDP_DATABASE": str(map_ / "idp.sqlite3"),
            "IDP_SITE_URL": self.url,
            "IDP_CLIENT_ID": CLIENT_ID,
            "IDP_CLIENT_SECRET": CLIENT_SECRET,
            "IDP_REDIRECT_URI": REDIRECT_URI,
            "IDP_MACHTIGEN_CLIENT_ID": MACHTIGEN_CLIENT_ID,
            "IDP_MACHTIGEN_REDIRECT_URI": MACHTIGEN_REDIRECT_URI,
        }
        self.log = open(map_ / "idp.log", "wb")  # noqa: SIM115
        self.proces = subprocess.Popen(
            [sys.executable, "-m", "tests.idp.oidc.starten", str(self.poort)],
            cwd=BASE_DIR,
            env=omgeving,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wachten_tot_klaar(map_)

    def _wachten_tot_klaar(self, map_: Path, seconden: float = 60) -> None:
        einde = time.monotonic() + seconden
        while time.monotonic() < einde:
            if self.proces.poll() is not None:
                raise RuntimeError(
                    "De test-IdP stopte: " + (map_ / "idp.log").read_text()[-2000:]
                )
            try:
                r = requests.get(
                    f"{self.issuer}/.well-known/openid-configuration", timeout=1
                )
                if r.status_code == 200:
                    return
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("De test-IdP werd niet op tijd bereikbaar.")

    def stoppen(self) -> None:
        self.proces.terminate()
        self.proces.wait(timeout=10)
        self.log.close()

    def gebruiker(self, username, groepen, email=None, **extra) -> str:
        """Creates or changes a user at the provider; returns its subject."""
        antwoord = requests.post(
            f"{self.url}/beheer/gebruiker/",
            data=json.dumps(
                {
                    "username": username,
                    "password": "idp-wachtwoord",
                    "email": email or f"{username}@provincie.example",
                    "groepen": list(groepen),
                    **extra,
                }
            ),
            timeout=5,
        )
        antwoord.raise_for_status()
        return antwoord.json()["sub"]

    def modus(self, modus: str, claims: dict | None = None) -> None:
        """``geknoeid``: the id_token leaves the token endpoint with ``claims``
        (by default another subject and e-mail) written over the signed ones."""
        requests.post(
            f"{self.url}/beheer/modus/",
            data=json.dumps({"modus": modus, "claims": claims}),
            timeout=5,
        ).raise_for_status()

    def machtiging(self, username: str, claims: dict) -> None:
        """The claims the DigiD Machtigen client's id_token carries for this
        user (as a broker puts the mandate chosen at DigiD Machtigen there)."""
        requests.post(
            f"{self.url}/beheer/machtiging/",
            data=json.dumps({"username": username, "claims": claims}),
            timeout=5,
        ).raise_for_status()

    def inloggen(self, autorisatie_url: str, username: str) -> str:
        """Follows the authorization request as a browser: the provider's log-in
        form, then back to the client. Returns the callback URL (path and query)."""
        browser = requests.Session()
        url = autorisatie_url
        for _ in range(10):
            antwoord = browser.get(url, allow_redirects=False, timeout=5)
            if antwoord.status_code == 200 and 'name="password"' in antwoord.text:
                volgende = parse_qs(urlsplit(antwoord.url).query).get("next", [""])
                antwoord = browser.post(
                    antwoord.url,
                    data={
                        "username": username,
                        "password": "idp-wachtwoord",
                        "csrfmiddlewaretoken": browser.cookies["csrftoken"],
                        "next": volgende[0],
                    },
                    allow_redirects=False,
                    timeout=5,
                )
            if antwoord.status_code not in (301, 302):
                raise AssertionError(
                    f"De test-IdP antwoordde {antwoord.status_code}: {antwoord.text[:500]}"
                )
            url = urljoin(url, antwoord.headers["Location"])
            if url.startswith("http://testserver/"):
                delen = urlsplit(url)
                return f"{delen.path}?{delen.query}"
        raise AssertionError("De test-IdP stuurde niet terug naar de toepassing.")
