"""Starts Debian's SimpleSAMLphp as a DigiD-like identity provider (config in
``tests/idp/saml``) under PHP's built-in server on a free loopback port, with
fresh test certificates, and lets a test drive its log-in page as a browser."""

import datetime
import os
import re
import shutil
import subprocess
import time
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from tests.idp.oidc.proces import vrije_poort

CONFIG = Path(__file__).resolve().parent
WWW = Path("/usr/share/simplesamlphp/www")
APP = "http://localhost"
SP_ENTITY_ID = f"{APP}/digid"
ACS = f"{APP}/account/digid/acs/"
WACHTWOORD = "digid"


def ontbreekt() -> str | None:
    if not shutil.which("php"):
        return "php ontbreekt (apt: php8.2-cli)"
    if not WWW.is_dir():
        return "simplesamlphp ontbreekt (apt: simplesamlphp)"
    return None


def sleutelpaar(map_: Path, naam: str) -> tuple[Path, Path]:
    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    onderwerp = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, naam)])
    nu = datetime.datetime.now(datetime.UTC)
    certificaat = (
        x509.CertificateBuilder()
        .subject_name(onderwerp)
        .issuer_name(onderwerp)
        .public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - datetime.timedelta(days=1))
        .not_valid_after(nu + datetime.timedelta(days=30))
        .sign(sleutel, hashes.SHA256())
    )
    sleutelbestand, certbestand = map_ / f"{naam}.key", map_ / f"{naam}.crt"
    sleutelbestand.write_bytes(
        sleutel.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    certbestand.write_bytes(certificaat.public_bytes(serialization.Encoding.PEM))
    return sleutelbestand, certbestand


class SamlProvider:
    def __init__(self, map_: Path):
        (map_ / "tmp").mkdir()
        self.map = map_
        sleutelpaar(map_, "idp")
        self.sp_sleutel, self.sp_certificaat = sleutelpaar(map_, "sp")
        (map_ / "sp.php").write_text(
            "<?php\n"
            f"$metadata['{SP_ENTITY_ID}'] = [\n"
            "  'AssertionConsumerService' => [[\n"
            "    'Binding' => 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact',\n"
            f"    'Location' => '{ACS}', 'index' => 1]],\n"
            "  'certificate' => 'sp.crt',\n"
            "  'validate.authnrequest' => true,\n"
            "  'NameIDFormat' => 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',\n"
            "];\n"
        )
        self.poort = vrije_poort()
        self.url = f"http://127.0.0.1:{self.poort}"
        self.entity_id = f"{self.url}/saml2/idp/metadata.php"
        self.log = open(map_ / "php.log", "wb")  # noqa: SIM115
        self.proces = subprocess.Popen(
            ["php", "-S", f"127.0.0.1:{self.poort}", "-t", str(WWW)],
            env={
                **os.environ,
                "IDP_DATA": str(map_),
                "IDP_BASE_URL": self.url,
                "SIMPLESAMLPHP_CONFIG_DIR": str(CONFIG),
            },
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.metadata = map_ / "idp-metadata.xml"
        self.metadata.write_bytes(self._wachten_op_metadata())

    def _wachten_op_metadata(self, seconden: float = 30) -> bytes:
        einde = time.monotonic() + seconden
        while time.monotonic() < einde:
            if self.proces.poll() is not None:
                raise RuntimeError((self.map / "php.log").read_text()[-2000:])
            try:
                r = requests.get(self.entity_id, timeout=2)
                if r.status_code == 200:
                    return r.content
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("SimpleSAMLphp werd niet op tijd bereikbaar.")

    def stoppen(self) -> None:
        self.proces.terminate()
        self.proces.wait(timeout=10)
        self.log.close()

    def inloggen(self, formulier: str, gebruiker: str) -> str:
        """Posts the AuthnRequest page's form to the IdP, logs in there and
        returns the path and query of the artifact redirect back to the app."""
        actie = unescape(
            re.search(r'<form method="post" action="([^"]+)"', formulier)[1]
        )
        velden = dict(
            (naam, unescape(waarde))
            for naam, waarde in re.findall(
                r'<input type="hidden" name="(\w+)" value="([^"]*)"', formulier
            )
        )
        browser = requests.Session()
        antwoord = browser.post(actie, data=velden, allow_redirects=False, timeout=10)
        url = actie
        for _ in range(10):
            if antwoord.status_code in (301, 302, 303):
                url = urljoin(url, antwoord.headers["Location"])
                if url.startswith(APP + "/"):
                    delen = urlsplit(url)
                    return f"{delen.path}?{delen.query}"
                antwoord = browser.get(url, allow_redirects=False, timeout=10)
            elif antwoord.status_code == 200 and 'name="password"' in antwoord.text:
                velden = dict(
                    re.findall(
                        r'<input type="hidden" name="(\w+)" value="([^"]*)"',
                        antwoord.text,
                    )
                )
                velden.update(username=gebruiker, password=WACHTWOORD)
                antwoord = browser.post(
                    url, data=velden, allow_redirects=False, timeout=10
                )
            else:
                raise AssertionError(
                    f"SimpleSAMLphp antwoordde {antwoord.status_code}: "
                    f"{antwoord.text[:800]}"
                )
        raise AssertionError("SimpleSAMLphp stuurde niet terug naar de toepassing.")
