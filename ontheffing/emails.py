"""E-mails to applicants and staff: plain text with an HTML alternative, in Dutch.

The one way a message leaves. Services call these inside their transaction:
each message is rendered now and queued in the outbox (``bezorging.inplannen``),
and a worker sends it after commit, so nothing is sent for a change that was
rolled back and nothing is lost when the mail server is down. Each body is
``templates/emails/<naam>.txt``; the HTML alternative wraps the same text in
``emails/basis.html``, with every address in it a real link and, when the
message is about one page, a button to it whose text fits the addressee
(``KNOP_AANVRAGER``, ``KNOP_MEDEWERKER``).

Every link starts with ``settings.SITE_URL``, the address the site is served
on (``make run HOST=...`` sets it; README, "Snel aan de slag").
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from ontheffing import bezorging, formatting
from ontheffing.brieven import opmaak
from ontheffing.models import Gebruiker, Provincie
from ontheffing.permissions import voorbereid_door
from ontheffing.states import Rol

KNOP_AANVRAGER = "Bekijk uw verzoek"
KNOP_MEDEWERKER = "Open het verzoek"
KNOP_VOORSTEL = "Bekijk het voorstel"


def _link(verzoek) -> str:
    return settings.SITE_URL + reverse("aanvrager:verzoek", args=[verzoek.pk])


def _link_medewerker(verzoek, naam: str = "provincie:verzoek") -> str:
    return settings.SITE_URL + reverse(naam, args=[verzoek.pk])


def _aanhef(verzoek) -> str:
    return opmaak.aanhef(verzoek.aanspreekvorm, formatting.achternaam(verzoek.naam))


def _aanvrager_adressen(verzoek) -> list[str]:
    adressen = [verzoek.ingediend_door.email]
    if verzoek.email and verzoek.email.lower() not in (a.lower() for a in adressen):
        adressen.append(verzoek.email)
    return adressen


def tekst_versturen(
    soort: str,
    onderwerp: str,
    aan: list[str],
    tekst: str,
    *,
    link: str = "",
    knop: str = "",
    **bericht,
) -> None:
    """Queue a message whose plain text is already rendered; with ``link`` and
    ``knop`` the HTML part ends in a button with that text to that page."""
    tekst = tekst.strip() + "\n"
    html = render_to_string(
        "emails/basis.html",
        {"onderwerp": onderwerp, "tekst": tekst, "link": link, "knop": knop},
    )
    bezorging.inplannen(
        soort=soort, aan=aan, onderwerp=onderwerp, tekst=tekst, html=html, **bericht
    )


def verstuur(
    naam: str, onderwerp: str, aan: list[str], context: dict, knop: str = "", **bericht
):
    """Render ``emails/<naam>.txt`` with ``context`` and queue it; the button
    (text ``knop``) goes to ``context["link"]``."""
    context = {**context, "onderwerp": onderwerp}
    tekst = render_to_string(f"emails/{naam}.txt", context)
    link = context.get("link", "") if knop else ""
    tekst_versturen(naam, onderwerp, aan, tekst, link=link, knop=knop, **bericht)


def _aan_aanvrager(naam: str, onderwerp: str, verzoek, besluit=None, **extra):
    verstuur(
        naam,
        f"{onderwerp} ({verzoek.kenmerk})" if verzoek.kenmerk else onderwerp,
        _aanvrager_adressen(verzoek),
        {
            "verzoek": verzoek,
            "link": _link(verzoek),
            "aanhef": _aanhef(verzoek),
            "besluit": besluit,
            **extra,
        },
        knop=KNOP_AANVRAGER,
        verzoek=verzoek,
        besluit=besluit,
        bekendmaking=besluit is not None,
    )


def ontvangstbevestiging(verzoek) -> None:
    """Awb 4:3a: electronic receipt is acknowledged."""
    _aan_aanvrager(
        "ontvangstbevestiging",
        "Ontvangstbevestiging van uw verzoek om ontheffing",
        verzoek,
        beslistermijn=verzoek.beslistermijn,
    )


def aanvulling_gevraagd(verzoek) -> None:
    """The newest request for information (it may be answered by the time a
    surrounding transaction commits and this mail is sent), with its dated
    letter (Awb 4:5) attached."""
    brief = verzoek.besluiten.filter(soort="aanvulling").order_by("-pk").first()
    _aan_aanvrager(
        "aanvulling_gevraagd",
        "Wij hebben meer informatie nodig",
        verzoek,
        brief,
        opschorting=verzoek.opschortingen.order_by("-van", "-pk").first(),
    )


def herinnering_aanvulling(verzoek, opschorting) -> None:
    _aan_aanvrager(
        "herinnering",
        "Herinnering: wij wachten op uw aanvulling",
        verzoek,
        opschorting=opschorting,
    )


def _aan_behandelaar(naam: str, onderwerp: str, verzoek, aan=None, **extra) -> None:
    """To the case's behandelaar (or ``aan``), if it has one: otherwise the
    marker in the worklist shows it to every behandelaar."""
    aan = aan or verzoek.behandelaar
    if aan and aan.email:
        verstuur(
            naam,
            f"{onderwerp} ({verzoek.kenmerk})",
            [aan.email],
            {"verzoek": verzoek, "link": _link_medewerker(verzoek), **extra},
            knop=KNOP_MEDEWERKER,
            verzoek=verzoek,
        )


def beslissers_voor(verzoek) -> list[str]:
    """The addresses of who can take up a waiting proposal: the province's
    active, confirmed beslissers who did not prepare it (four eyes)."""
    return list(
        Gebruiker.objects.filter(
            provincie_id=verzoek.provincie_id,
            rol=Rol.BESLISSER,
            beslisser_bevestigd=True,
            is_active=True,
        )
        .exclude(pk__in=voorbereid_door(verzoek))
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )


def voorstel_klaar(verzoek) -> None:
    """A proposal waits for a decision: every beslisser who may take it hears
    of it (one message each, so no one sees the others' addresses)."""
    for adres in beslissers_voor(verzoek):
        verstuur(
            "voorstel_klaar",
            f"Voorstel wacht op uw besluit ({verzoek.kenmerk})",
            [adres],
            {
                "verzoek": verzoek,
                "link": _link_medewerker(verzoek, "provincie:voorstel"),
            },
            knop=KNOP_VOORSTEL,
            verzoek=verzoek,
        )


def voorstel_teruggestuurd(verzoek, *, reden: str, door, aan) -> None:
    """The beslisser returned the proposal: its author (or the behandelaar)
    reads why."""
    _aan_behandelaar(
        "voorstel_teruggestuurd",
        "Voorstel teruggestuurd",
        verzoek,
        aan=aan,
        reden=reden,
        door=door,
    )


def ingetrokken_behandelaar(verzoek) -> None:
    _aan_behandelaar("ingetrokken_behandelaar", "Verzoek ingetrokken", verzoek)


def aanvulling_ontvangen(verzoek) -> None:
    _aan_behandelaar("aanvulling_ontvangen", "Aanvulling ontvangen", verzoek)


def zienswijze_gevraagd(verzoek, toelichting: str) -> None:
    """Awb 4:7/4:8: before refusing on facts the applicant did not supply, the
    province asks for a view; the applicant hears of it, and may give theirs."""
    _aan_aanvrager(
        "zienswijze_gevraagd",
        "Wij vragen om een zienswijze",
        verzoek,
        toelichting=toelichting,
    )


def zienswijze_ontvangen(verzoek) -> None:
    _aan_behandelaar("zienswijze_ontvangen", "Zienswijze ontvangen", verzoek)


def verdaagd(verzoek) -> None:
    _aan_aanvrager(
        "verdaagd",
        "De beslistermijn van uw verzoek is verlengd",
        verzoek,
        beslistermijn=verzoek.beslistermijn,
    )


def ontvangers_besluit(verzoek, uitkomst: str) -> list[tuple[str, list[str]]]:
    """Who receives the decision on ``verzoek`` with ``uitkomst`` by e-mail,
    as (wie, adressen): the applicant's addresses, and the copy when the
    province sends one for this outcome. What ``besluit_genomen`` sends to."""
    ontvangers = [("De aanvrager", _aanvrager_adressen(verzoek))]
    provincie = verzoek.provincie
    if provincie.afschrift_voor(uitkomst):
        afschrift = list(Provincie.regels(provincie.afschrift_emails))
        if afschrift:
            ontvangers.append(("Afschrift", afschrift))
    return ontvangers


def besluit_genomen(verzoek, besluit) -> None:
    """The decision is made known by sending it (artikel 3:41 Awb); the
    message to the applicant is its proof of sending."""
    _aan_aanvrager(
        "besluit_genomen",
        "Besluit op uw verzoek om ontheffing",
        verzoek,
        besluit=besluit,
    )
    afschrift = dict(ontvangers_besluit(verzoek, verzoek.uitkomst)).get("Afschrift")
    if afschrift:
        verstuur(
            "afschrift",
            f"Afschrift besluit {verzoek.kenmerk}",
            list(afschrift),
            {"verzoek": verzoek, "besluit": besluit},
            verzoek=verzoek,
            besluit=besluit,
        )


def doorgezonden(verzoek) -> None:
    """Awb 2:3: the sender is told the request was forwarded, with the notice attached."""
    besluit = verzoek.besluiten.filter(soort="doorzending").order_by("-pk").first()
    _aan_aanvrager("doorgezonden", "Uw verzoek is doorgezonden", verzoek, besluit)


def verzoek_doorgezonden_aan(verzoek, *, adres, bijlagen) -> None:
    """Awb 2:3: the request itself, with a summary and every document, to
    the competent authority's configured address."""
    verstuur(
        "doorzending_bevoegd_gezag",
        f"Doorgezonden verzoek om ontheffing ({verzoek.kenmerk})",
        [adres.email],
        {"verzoek": verzoek, "adres": adres, "bijlagen": bijlagen},
        verzoek=verzoek,
        bijlagen=bijlagen,
    )


def ingetrokken(verzoek) -> None:
    _aan_aanvrager(
        "ingetrokken", "Bevestiging: u heeft uw verzoek ingetrokken", verzoek
    )


def email_bevestigen(gebruiker, link: str, dagen: int) -> None:
    verstuur(
        "email_bevestigen",
        "Bevestig uw e-mailadres",
        [gebruiker.email],
        {"gebruiker": gebruiker, "link": link, "dagen": dagen},
        knop="E-mailadres bevestigen",
    )


def account_bestaat_al(gebruiker) -> None:
    """Registration with an address that has an account: the owner is told,
    the person registering is answered as for a new address."""
    verstuur(
        "account_bestaat_al",
        "Poging om een account aan te maken met uw e-mailadres",
        [gebruiker.email],
        {
            "gebruiker": gebruiker,
            "inloggen": settings.SITE_URL + reverse("login"),
            "wachtwoord_vergeten": settings.SITE_URL + reverse("password_reset"),
        },
    )


def wachtwoord_herstellen(gebruiker, link: str) -> None:
    verstuur(
        "wachtwoord_herstellen",
        "Nieuw wachtwoord kiezen",
        [gebruiker.email],
        {"gebruiker": gebruiker, "link": link},
        knop="Nieuw wachtwoord kiezen",
    )


def toekenning_gevraagd(adressen: list[str], *, wat: str, voor, door) -> None:
    """To every beheerder and beslisser of the province: a mandate or the role
    beslisser was granted and waits for a second person to confirm it."""
    link = settings.SITE_URL + reverse("provincie:beheer_mandaten")
    for adres in adressen:
        verstuur(
            "toekenning_gevraagd",
            f"Ter bevestiging: {wat} voor {voor.naam}",
            [adres],
            {"wat": wat, "voor": voor, "door": door, "link": link},
            knop="Bekijken en bevestigen",
        )


def uitnodiging(gebruiker, provincie, tekst: str) -> None:
    tekst_versturen(
        "uitnodiging",
        "Uitnodiging: ontheffing verboden handelingen",
        [gebruiker.email],
        tekst,
        provincie=provincie,
    )
