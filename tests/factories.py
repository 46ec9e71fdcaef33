"""Test data: small factory functions, each test states the data it needs.

The only place test data is built; test modules import from here, never from
one another."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ontheffing import kwalificatie as kw
from ontheffing import services
from ontheffing.identiteit.tweede_factor import tweede_factor_verplicht
from ontheffing.models import (
    Gebruiker,
    Gemeente,
    Mandaat,
    Provincie,
    standaard_beleidsregel,
)
from ontheffing.states import Rol, Status, Uitkomst
from ontheffing.toetsing import criteria_voor

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
    verzoek = maak_concept(**extra)
    return services.verzoek_indienen(user=verzoek.ingediend_door, verzoek=verzoek)


def vandaag():
    return timezone.localdate()


def papier_velden(gemeente, **extra) -> dict:
    """What a behandelaar types from a request that came by post."""
    velden = verzoek_velden(gemeente, **extra)
    velden.pop("verklaring")
    return velden


def maak_papieren_verzoek(
    behandelaar, gemeente=None, *, berichten_per="post", ontvangen_op=None, **extra
):
    """A request by post, registered by ``behandelaar`` with a scanned offer."""
    gemeente = gemeente or maak_gemeente(behandelaar.provincie)
    return services.papieren_verzoek_registreren(
        user=behandelaar,
        ontvangen_op=ontvangen_op or vandaag() - timedelta(days=3),
        ontvangen_via="post",
        berichten_per=berichten_per,
        velden=papier_velden(gemeente, **extra),
        documenten=[("overeenkomst", pdf_upload("scan-offerte.pdf"))],
    )


def kwalificeer(verzoek, behandelaar, **feiten):
    return services.verzoek_kwalificeren(
        user=behandelaar,
        verzoek=verzoek,
        feiten=kw.Feiten(**{**verzoek.feiten().__dict__, **feiten}),
        motivering="Gecontroleerd aan de hand van de offerte.",
    )


def beoordeel_alles(verzoek, behandelaar, oordeel="voldaan"):
    services.criteria_beoordelen(
        user=behandelaar,
        verzoek=verzoek,
        oordelen={
            c: (oordeel, f"Motivering {c.code}.") for c in criteria_voor(verzoek)
        },
    )


def vraag_offerte(verzoek, behandelaar):
    """Ask for the quotation, with the default hersteltermijn of two weeks."""
    services.aanvulling_vragen(
        user=behandelaar,
        verzoek=verzoek,
        ontbrekend=["offerte"],
        toelichting="",
        hersteltermijn_einde=vandaag() + timedelta(days=14),
    )


def naar_toetsing(verzoek, behandelaar):
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    kwalificeer(verzoek, behandelaar)
    assert verzoek.status == Status.TOETSING
    return verzoek


def naar_besluitvorming(verzoek, behandelaar, uitkomst=Uitkomst.VERLEEND, **voorstel):
    naar_toetsing(verzoek, behandelaar)
    beoordeel_alles(verzoek, behandelaar)
    services.besluit_voorstellen(
        user=behandelaar,
        verzoek=verzoek,
        uitkomst=uitkomst,
        motivering="Aan alle criteria is voldaan.",
        voorschriften=["Alleen deze opdracht."],
        **voorstel,
    )
    return verzoek


def besluit_nemen(verzoek, behandelaar, beslisser, zienswijze_reactie=""):
    """Through the services: complete, qualified (unless it already is), judged,
    proposed, decided."""
    if verzoek.status != Status.TOETSING:
        services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
        services.verzoek_kwalificeren(
            user=behandelaar,
            verzoek=verzoek,
            feiten=verzoek.feiten(),
            motivering="Gecontroleerd.",
        )
    assert verzoek.status == Status.TOETSING, kw.kwalificeer(verzoek.feiten())
    beoordeel_alles(verzoek, behandelaar)
    services.besluit_voorstellen(
        user=behandelaar,
        verzoek=verzoek,
        uitkomst=Uitkomst.VERLEEND,
        motivering="Voldoet aan alle criteria.",
        voorschriften=["Alleen deze overeenkomst."],
        zienswijze_reactie=zienswijze_reactie,
    )
    return services.besluit_vaststellen(user=beslisser, verzoek=verzoek)


# ------------------------------------------------------------- URLs

# The URLs that answer GET only (a POST may answer 405).
ALLEEN_GET = {
    "gegevens",
    "sso_inloggen",
    "sso_terug",
    "digid_inloggen",
    "digid_acs",
    "digid_metadata",
    "machtigen_inloggen",
    "machtigen_terug",
    "bijlage",
    "besluit",
    "start",
    "password_reset_done",
    "password_reset_complete",
    "gezondheid",
    "provincie:concept",
    "provincie:verzoek",
    "provincie:voorstel",
    "provincie:werkvoorraad",
    "provincie:besluitvorming",
    "provincie:termijnen",
    "provincie:werkvoorraad_csv",
    "provincie:beheer",
    "provincie:beheer_beleidsregels",
    "provincie:beheer_historie",
    "provincie:beheer_mandaten",
    "provincie:berichten_mislukt",
    "aanvrager:controleren",
    "aanvrager:ingediend",
    "aanvrager:voorbeeld",
    "contact",
    "privacy",
    "toegankelijkheid",
}


def url_namen(patronen=None, namespace=None):
    for patroon in patronen if patronen is not None else get_resolver().url_patterns:
        if isinstance(patroon, URLResolver):
            if patroon.namespace == "admin":
                continue  # Django's own admin, guarded by is_staff
            yield from url_namen(patroon.url_patterns, patroon.namespace or namespace)
        elif isinstance(patroon, URLPattern):
            naam = f"{namespace}:{patroon.name}" if namespace else patroon.name
            yield naam, patroon.pattern.converters.keys()


def kwargs_voor(naam, converters, wereld):
    if naam == "besluit":
        return {"pk": wereld["besloten"].pk, "besluit_pk": wereld["besluit"].pk}
    if naam == "bijlage":
        return {
            "pk": wereld["verzoek"].pk,
            "bijlage_pk": wereld["verzoek"].bijlagen.first().pk,
        }
    if naam == "provincie:beheer_medewerker":
        return {"pk": wereld["actoren"]["behandelaar"].pk}
    if naam in (
        "provincie:beheer_mandaat_bevestigen",
        "provincie:beheer_mandaat_beeindigen",
    ):
        return {"pk": wereld["mandaat"].pk}
    if naam == "provincie:beheer_beslisser_bevestigen":
        return {"pk": wereld["nieuwe_beslisser"].pk}
    if naam == "provincie:beheer_beleidsregel":
        return {"pk": wereld["beleidsregel"].pk}
    if naam == "provincie:bericht_opnieuw":
        return {"pk": wereld["verzoek"].berichten.first().pk}
    waarden = {
        "pk": wereld["verzoek"].pk,
        "sleutel": "ambt",
        "token": "ongeldig-token",
        "uidb64": "MQ",
        "bijlage_pk": 1,
        "besluit_pk": 1,
        "stap": "handeling",
        "soort": "niet_betrokken",
    }
    return {k: waarden[k] for k in converters}


# ---------------------------------------------------------- form posts


def formulier(lichaam, **extra):
    """A complete request form as the browser posts it."""
    data = {
        "naam": "Jan Jansen",
        "aanspreekvorm": "heer",
        "adres": "Dorpsstraat 1",
        "postcode": "6811 AA",
        "woonplaats": "Arnhem",
        "email": "jan@example.nl",
        "ambt": "raadslid",
        "ambtsstatus": "in_functie",
        "gemeente": str(lichaam.pk),
        "handeling": "aanneming_van_werk",
        "wederpartij": "eigen_lichaam",
        "relatie": "rechtstreeks",
        "aangegaan": "nog_niet",
        "wederpartij_naam": "Gemeente Arnhem",
        "onderwerp": "Schilderwerk",
        "omschrijving": "Buitenschilderwerk",
        "waarde": "12.500",
        "looptijd_van": "2027-06-01",
        "looptijd_tot": "2027-08-31",
        "totstandkoming": "Drie offertes",
        "verklaring": "on",
        "actie": "opslaan",
    }
    data.update(extra)
    return data


def kwalificatie_post(verzoek, **extra):
    data = {
        "ambt": "raadslid",
        "ambtsstatus": "in_functie",
        "handeling": "aanneming_van_werk",
        "wederpartij": "eigen_lichaam",
        "relatie": "rechtstreeks",
        "onderhands": "ja",
        "om_niet": "nee",
        "aangegaan": "nog_niet",
        "verlenging": "nee",
        "lichaam_in_provincie": "ja",
        "uitkomst": "verboden_ontheffbaar",
        "onderdeel": "",
        "grondslag": "",
        "bevoegd_gezag": "",
        "motivering": "",
        "reden_correctie": "",
        "vastleggen": "1",
    }
    engine = kw.kwalificeer(verzoek.feiten())
    data.update(onderdeel=engine.onderdeel or "", grondslag=engine.grondslag)
    data.update(extra)
    return data
