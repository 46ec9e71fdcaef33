"""Small factories: each test states the data it needs."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ontheffing.identiteit.tweede_factor import tweede_factor_verplicht
from ontheffing.models import Gebruiker, Gemeente, Provincie, standaard_beleidsregel
from ontheffing.states import Rol
from tests.databaserollen import django_db_setup  # noqa: F401 (the owner migrates)

_teller = itertools.count(1)


def maak_pdf(*objecten: bytes) -> bytes:
    """A PDF whose objects are numbered from 1 (1 is the catalog), with a
    correct cross-reference table, so a parser reads it as a viewer would."""
    uit = bytearray(b"%PDF-1.4\n")
    posities = []
    for nummer, inhoud in enumerate(objecten, 1):
        posities.append(len(uit))
        uit += b"%d 0 obj\n%s\nendobj\n" % (nummer, inhoud)
    xref = len(uit)
    uit += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    uit += b"".join(b"%010d 00000 n \n" % positie for positie in posities)
    uit += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objecten) + 1,
        xref,
    )
    return bytes(uit)


PDF = maak_pdf(b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[]/Count 0>>")


def pdf_upload(naam="offerte.pdf", inhoud=PDF):
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


def maak_provincie(code="PV25", naam="Gelderland", beleid=True) -> Provincie:
    provincie, _ = Provincie.objects.get_or_create(
        code=code,
        defaults={
            "naam": naam,
            "postadres": "Postbus 9090\n6800 GX Arnhem",
            "bezoekadres": "Markt 11\n6811 CG Arnhem",
            "email": "post@provincie.example",
            "cdk_naam": "J. de Commissaris",
            "secretaris_naam": "S. Secretaris",
        },
    )
    if beleid and not provincie.beleidsregels.exists():
        standaard_beleidsregel(provincie, date(2026, 1, 1))
    return provincie


def maak_gemeente(provincie=None, naam="Arnhem", code=None) -> Gemeente:
    provincie = provincie or maak_provincie()
    return Gemeente.objects.get_or_create(
        code=code or f"GM{next(_teller):04d}",
        defaults={"naam": naam, "provincie": provincie},
    )[0]


def maak_gebruiker(
    rol=Rol.AANVRAGER, provincie=None, *, mandaat=None, mag_namens_cdk=False, **extra
) -> Gebruiker:
    """A user. Staff who decide get confirmed entries in the mandate register:
    ``mandaat`` a GS mandate for all outcomes (default for a beslisser),
    ``mag_namens_cdk`` one of the CdK; a beslisser's role is confirmed."""
    n = next(_teller)
    if rol != Rol.AANVRAGER and provincie is None:
        provincie = maak_provincie()
    extra.setdefault("naam", f"{rol.label} {n}")
    extra.setdefault("email_bevestigd", True)
    if rol == Rol.BESLISSER:
        extra.setdefault("beslisser_bevestigd", True)
    gebruiker = Gebruiker.objects.create_user(
        email=f"{rol}{n}@example.nl",
        password="geheim-wachtwoord-123",
        rol=rol,
        provincie=provincie,
        **extra,
    )
    if mandaat is None:
        mandaat = rol == Rol.BESLISSER
    for orgaan, ja in (("gs", mandaat), ("cdk", mag_namens_cdk)):
        if ja:
            maak_mandaat(gebruiker, bestuursorgaan=orgaan)
    return gebruiker


def maak_mandaat(houder, *, bevestigd=True, **extra):
    from django.utils import timezone

    from ontheffing.models import Mandaat

    velden = dict(
        provincie=houder.provincie,
        houder=houder,
        bestuursorgaan="gs",
        reikwijdte="alle",
        geldig_van=date(2020, 1, 1),
        bron_titel=f"Mandaatbesluit verboden handelingen {houder.provincie.naam}",
        bron_datum=date(2019, 12, 15),
        aangevraagd_door=houder,
    )
    velden.update(extra)
    if bevestigd:
        velden.setdefault("bevestigd_door", houder)
        velden.setdefault("bevestigd_op", timezone.now())
    return Mandaat.objects.create(**velden)


def totp_apparaat(user) -> TOTPDevice:
    """The user's confirmed TOTP device (a real key; tests compute its codes)."""
    return TOTPDevice.objects.filter(
        user=user, confirmed=True
    ).first() or TOTPDevice.objects.create(user=user, name="Test", confirmed=True)


def totp_code(apparaat: TOTPDevice, stappen: int = 0) -> str:
    """The code the user's authenticator app shows now (or ``stappen`` periods
    away), computed from the device key as RFC 6238 prescribes."""
    return f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, stappen):0{apparaat.digits}d}"


def ongebruikte_code(apparaat: TOTPDevice) -> str:
    """The code a person gets by waiting for a fresh one when the current code
    was already used (a code works once): the next period's, which the device
    accepts within its tolerance of one step."""
    apparaat.refresh_from_db()
    nu = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits).t()
    return totp_code(apparaat, stappen=max(0, apparaat.last_t - nu + 1))


def inloggen(client, user):
    """Logs ``user`` in on the test client. An account that must use a second
    factor (staff, admin) is also marked verified with its real TOTP device,
    through django-otp's own session key, as ``django_otp.login`` does."""
    client.force_login(user)
    if tweede_factor_verplicht(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = totp_apparaat(user).persistent_id
        session.save()


def verzoek_velden(gemeente, **extra) -> dict:
    velden = dict(
        naam="Jan Jansen",
        aanspreekvorm="heer",
        adres="Dorpsstraat 1",
        postcode="6811 AA",
        woonplaats="Arnhem",
        email="jan.jansen@example.nl",
        ambt="raadslid",
        gemeente=gemeente,
        handeling="aanneming_van_werk",
        wederpartij="eigen_lichaam",
        relatie="rechtstreeks",
        wederpartij_naam="Gemeente Arnhem",
        onderwerp="Schilderwerk gemeentehuis",
        omschrijving="Buitenschilderwerk van het gemeentehuis, zomer 2027.",
        waarde=Decimal("12500.00"),
        looptijd_van=date(2027, 6, 1),
        looptijd_tot=date(2027, 8, 31),
        totstandkoming="Meervoudig onderhandse aanbesteding met drie offertes.",
        verklaring=True,
    )
    velden.update(extra)
    return velden


def maak_concept(aanvrager=None, gemeente=None, met_bijlage=True, **extra):
    from ontheffing import services

    aanvrager = aanvrager or maak_gebruiker()
    gemeente = gemeente or maak_gemeente()
    verzoek = services.concept_aanmaken(
        user=aanvrager,
        provincie=gemeente.provincie,
        **verzoek_velden(gemeente, **extra),
    )
    if met_bijlage:
        services.bijlage_toevoegen(
            user=aanvrager, verzoek=verzoek, bestand=pdf_upload(), soort="overeenkomst"
        )
    return verzoek


def maak_ingediend(**extra):
    from ontheffing import services

    verzoek = maak_concept(**extra)
    return services.verzoek_indienen(user=verzoek.ingediend_door, verzoek=verzoek)


@pytest.fixture
def provincie(db):
    return maak_provincie()


@pytest.fixture
def andere_provincie(db):
    return maak_provincie(code="PV26", naam="Utrecht")


@pytest.fixture
def gemeente(provincie):
    return maak_gemeente(provincie)


@pytest.fixture
def aanvrager(db):
    return maak_gebruiker(Rol.AANVRAGER, naam="Jan Jansen")


@pytest.fixture
def behandelaar(provincie):
    return maak_gebruiker(Rol.BEHANDELAAR, provincie, naam="Bea Behandelaar")


@pytest.fixture
def tweede_behandelaar(provincie):
    return maak_gebruiker(Rol.BEHANDELAAR, provincie, naam="Tom Tweede")


@pytest.fixture
def beslisser(provincie):
    return maak_gebruiker(
        Rol.BESLISSER, provincie, naam="Dirk Beslisser", mag_namens_cdk=True
    )


@pytest.fixture
def beheerder(provincie):
    return maak_gebruiker(Rol.BEHEERDER, provincie, naam="Bep Beheerder")


@pytest.fixture
def vreemde_behandelaar(andere_provincie):
    return maak_gebruiker(Rol.BEHANDELAAR, andere_provincie, naam="Vera Vreemd")


@pytest.fixture
def vreemde_beslisser(andere_provincie):
    return maak_gebruiker(Rol.BESLISSER, andere_provincie, naam="Victor Vreemd")


@pytest.fixture
def andere_aanvrager(db):
    return maak_gebruiker(Rol.AANVRAGER, naam="Anna Anders")


@pytest.fixture
def concept(aanvrager, gemeente):
    return maak_concept(aanvrager=aanvrager, gemeente=gemeente)


@pytest.fixture
def ingediend(concept):
    from ontheffing import services

    return services.verzoek_indienen(user=concept.ingediend_door, verzoek=concept)
