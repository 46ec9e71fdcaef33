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

from ontheffing import kwalificatie as kw
from ontheffing import services
from ontheffing.models import Gebruiker, Gemeente, Provincie, standaard_beleidsregel
from ontheffing.states import Rol, Status, Uitkomst
from ontheffing.toetsing import criteria_voor

_teller = itertools.count(1)

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


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


def maak_gebruiker(rol=Rol.AANVRAGER, provincie=None, **extra) -> Gebruiker:
    n = next(_teller)
    if rol != Rol.AANVRAGER and provincie is None:
        provincie = maak_provincie()
    extra.setdefault("naam", f"{rol.label} {n}")
    extra.setdefault("email_bevestigd", True)
    return Gebruiker.objects.create_user(
        email=f"{rol}{n}@example.nl",
        password="geheim-wachtwoord-123",
        rol=rol,
        provincie=provincie,
        **extra,
    )


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


def naar_besluitvorming(verzoek, behandelaar, uitkomst=Uitkomst.VERLEEND):
    naar_toetsing(verzoek, behandelaar)
    beoordeel_alles(verzoek, behandelaar)
    services.besluit_voorstellen(
        user=behandelaar,
        verzoek=verzoek,
        uitkomst=uitkomst,
        motivering="Aan alle criteria is voldaan.",
        voorschriften=["Alleen deze opdracht."],
    )
    return verzoek


def besluit_nemen(verzoek, behandelaar, beslisser):
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
    )
    return services.besluit_vaststellen(user=beslisser, verzoek=verzoek)


# ------------------------------------------------------------- URLs

# The URLs that answer GET only (a POST may answer 405).
ALLEEN_GET = {
    "gegevens",
    "bijlage",
    "besluit",
    "start",
    "password_reset_done",
    "password_reset_complete",
    "provincie:concept",
    "provincie:verzoek",
    "provincie:voorstel",
    "provincie:werkvoorraad",
    "provincie:besluitvorming",
    "provincie:beheer",
    "provincie:beheer_beleidsregels",
    "provincie:beheer_historie",
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
    if naam == "provincie:beheer_beleidsregel":
        return {"pk": wereld["beleidsregel"].pk}
    waarden = {
        "pk": wereld["verzoek"].pk,
        "sleutel": "ambt",
        "token": "ongeldig-token",
        "uidb64": "MQ",
        "bijlage_pk": 1,
        "besluit_pk": 1,
    }
    return {k: waarden[k] for k in converters}
