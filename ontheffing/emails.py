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
from ontheffing.models import Gebruiker, Poststuk, Provincie
from ontheffing.permissions import voorbereid_door
from ontheffing.states import Rol

KNOP_AANVRAGER = "Bekijk uw verzoek"
KNOP_MEDEWERKER = "Open het verzoek"
KNOP_VOORSTEL = "Bekijk het voorstel"


def _link(verzoek) -> str:
    """The applicant's page in the portal; none for a request registered from
    post or e-mail (that applicant has no account)."""
    if verzoek.geregistreerd:
        return ""
    return settings.SITE_URL + reverse("aanvrager:verzoek", args=[verzoek.pk])


def _link_medewerker(verzoek, naam: str = "provincie:verzoek") -> str:
    return settings.SITE_URL + reverse(naam, args=[verzoek.pk])


def _aanhef(verzoek) -> str:
    return opmaak.aanhef(verzoek.aanspreekvorm, formatting.achternaam(verzoek.naam))


def _aanvrager_adressen(verzoek) -> list[str]:
    if verzoek.geregistreerd:
        # Registered by staff: the account that filed it is the behandelaar's.
        return [verzoek.email] if verzoek.email else []
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


def _aan_aanvrager(
    naam: str, onderwerp: str, verzoek, besluit=None, *, bijlagen=(), **extra
):
    """To the applicant by the channel they chose: by e-mail through the
    outbox (with ``bijlagen``), or by post (``_per_post``)."""
    onderwerp = f"{onderwerp} ({verzoek.kenmerk})" if verzoek.kenmerk else onderwerp
    context = {
        "verzoek": verzoek,
        "link": _link(verzoek),
        "aanhef": _aanhef(verzoek),
        "besluit": besluit,
        "per_post": verzoek.per_post,
        **extra,
    }
    if verzoek.per_post:
        _per_post(naam, onderwerp, verzoek, besluit, context)
        return
    verstuur(
        naam,
        onderwerp,
        _aanvrager_adressen(verzoek),
        context,
        knop=KNOP_AANVRAGER,
        verzoek=verzoek,
        besluit=besluit,
        bekendmaking=besluit is not None,
        bijlagen=bijlagen,
    )


def _per_post(naam: str, onderwerp: str, verzoek, besluit, context: dict) -> None:
    """The applicant chose post: the same text, with the letter it carries,
    waits on the case to be printed and posted. Staff record the day of
    posting (``services.post_verzonden``); a decision is made known on that
    day (artikel 3:41 Awb), never earlier."""
    tekst = render_to_string(f"emails/{naam}.txt", {**context, "onderwerp": onderwerp})
    Poststuk.objects.create(
        verzoek=verzoek,
        besluit=besluit,
        bekendmaking=besluit is not None,
        soort=naam,
        onderwerp=onderwerp,
        tekst=tekst.strip() + "\n",
        adres=[
            r
            for r in (
                verzoek.naam,
                verzoek.adres,
                f"{verzoek.postcode}  {verzoek.woonplaats}".strip(),
            )
            if r
        ],
    )


def ontvangstbevestiging(verzoek, kopie=None) -> None:
    """Awb 4:3a: electronic receipt is acknowledged, with the PDF copy of the
    request as submitted (``kopie``, the document kept in the file)."""
    bijlagen = []
    if kopie is not None:
        with kopie.bestand.open("rb") as bestand:
            bijlagen.append((kopie.bestandsnaam, bestand.read(), kopie.content_type))
    _aan_aanvrager(
        "ontvangstbevestiging",
        "Ontvangstbevestiging van uw verzoek om ontheffing",
        verzoek,
        bijlagen=bijlagen,
        beslistermijn=verzoek.beslistermijn,
        kopie=kopie,
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
        opschorting=verzoek.opschortingen.aanvullingen()
        .order_by("-van", "-pk")
        .first(),
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


def zienswijze_derde_gevraagd(verzoek, derde) -> None:
    """Awb 4:8: the dated letter to a third party who gave an e-mail address;
    the message is the letter's proof of sending. By post, the behandelaar
    prints the letter from the file and nothing is sent here."""
    verstuur(
        "zienswijze_derde",
        f"Gelegenheid om uw zienswijze te geven ({verzoek.kenmerk})",
        [derde.email],
        {
            "verzoek": verzoek,
            "derde": derde,
            "aanhef": _aanhef_derde(derde),
        },
        verzoek=verzoek,
        besluit=derde.brief,
        bekendmaking=True,
    )


def _aanhef_derde(derde) -> str:
    vorm = (derde.aanspreekvorm or "").lower()
    if vorm in ("heer", "mevrouw"):
        return opmaak.aanhef(vorm, formatting.achternaam(derde.naam))
    return "Geachte heer/mevrouw,"


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
    """Who receives the decision on ``verzoek`` with ``uitkomst``, as (wie,
    adressen): the applicant's addresses (or postal address), and the copy when the
    province sends one for this outcome. What ``besluit_genomen`` sends to."""
    if verzoek.per_post:
        adres = (
            f"{verzoek.naam}, {verzoek.adres}, {verzoek.postcode} {verzoek.woonplaats}"
        )
        ontvangers = [("De aanvrager, per post", [adres])]
    else:
        ontvangers = [("De aanvrager", _aanvrager_adressen(verzoek))]
    provincie = verzoek.provincie
    if provincie.afschrift_voor(uitkomst):
        afschrift = list(Provincie.regels(provincie.afschrift_emails))
        if afschrift:
            ontvangers.append(("Afschrift", afschrift))
    return ontvangers


def opgeschort(verzoek, opschorting, *, beslistermijn) -> None:
    """Awb 4:15, second and third paragraph: the term stands still for the
    period registered, and the day by which the decision now comes."""
    _aan_aanvrager(
        "opgeschort",
        "De beslistermijn van uw verzoek is opgeschort",
        verzoek,
        opschorting=opschorting,
        beslistermijn=beslistermijn,
    )


def gesplitst(verzoek, nieuw) -> None:
    """The request was split per competent authority: which case is which."""
    _aan_aanvrager(
        "gesplitst",
        "Uw verzoek wordt per bestuursorgaan behandeld",
        verzoek,
        nieuw=nieuw,
    )


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
    for derde in verzoek.derden.exclude(email=""):
        # Awb 3:41: a third party heard on the case (4:8) is a belanghebbende;
        # by post, the behandelaar sends the letter (the case page says so).
        verstuur(
            "besluit_derde",
            f"Besluit op een aanvraag om ontheffing ({verzoek.kenmerk})",
            [derde.email],
            {
                "verzoek": verzoek,
                "besluit": besluit,
                "derde": derde,
                "aanhef": _aanhef_derde(derde),
            },
            verzoek=verzoek,
            besluit=besluit,
        )


def dwangsom_vastgesteld(verzoek, besluit) -> None:
    """Awb 4:18: the decision fixing the dwangsom, made known by sending it."""
    _aan_aanvrager(
        "dwangsom_vastgesteld",
        "Besluit over de dwangsom",
        verzoek,
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


def digid_koppelen(
    adres: str, *, naam: str, link: str, bestaand: bool, reden: str | None, minuten: int
) -> None:
    """A first DigiD log-in gave this address: the link that makes the account,
    or links the existing one (``identiteit.koppelen``)."""
    verstuur(
        "digid_koppelen",
        "Uw e-mailadres bij inloggen met DigiD",
        [adres],
        {
            "naam": naam,
            "link": link,
            "bestaand": bestaand,
            "reden": reden,
            "minuten": minuten,
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
