"""Use cases of a province's beheerder: staff and their mandates, the letterhead,
waterschappen and regelingen (the beleidsregel versions: ``beleidsregels``).
Each checks that the user is an active beheerder of that province, changes,
saves and records a ``Beheergebeurtenis`` in one transaction; the helpers for
that are shared with ``beleidsregels``."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ontheffing import emails
from ontheffing.models import (
    Beheeractie,
    Beheergebeurtenis,
    Doorzendadres,
    Gebruiker,
    Provincie,
    Regeling,
    Waterschap,
)
from ontheffing.models.besluit import Orgaan
from ontheffing.services import mandaten
from ontheffing.services.base import GeenToegang, NietNu, require
from ontheffing.states import Rol, Uitkomst

STAFROLLEN = (Rol.BEHANDELAAR, Rol.BESLISSER, Rol.BEHEERDER)
MEDEWERKERVELDEN = ("naam", "rol", "functie", "is_active", "beslisser_bevestigd")
BRIEFHOOFDVELDEN = (
    "postadres",
    "bezoekadres",
    "telefoon",
    "email",
    "website",
    "cdk_naam",
    "secretaris_naam",
    "privacyverklaring",
    "toegankelijkheidsverklaring",
)
AFSCHRIFTVELDEN = ("afschrift_aan", "afschrift_emails", "afschrift_uitkomsten")
EMAIL_BESTAAT = "Er bestaat al een account met dit e-mailadres."


def beheerder_van(user, provincie_id, actie: str = "provincie_beheren") -> None:
    """The rule is ``permissions.mag`` (``REGELS``); refuses with its reason."""
    require(user, actie, provincie_id=provincie_id)


def vastleggen(provincie_id, user, actie, onderwerp, details) -> Beheergebeurtenis:
    return Beheergebeurtenis.objects.create(
        provincie_id=provincie_id,
        actor=user,
        actie=actie,
        onderwerp=onderwerp[:300],
        details=details,
    )


def verschil_toepassen(obj, nieuw: dict) -> dict:
    """Set the new values on ``obj``; return ``{veld: {"oud", "nieuw"}}`` of the
    fields that really change."""
    details = {}
    for veld, waarde in nieuw.items():
        oud = getattr(obj, veld)
        if oud != waarde:
            details[veld] = {"oud": oud, "nieuw": waarde}
            setattr(obj, veld, waarde)
    return details


def _stafrol(rol) -> None:
    if rol not in STAFROLLEN:
        raise NietNu("Kies de rol behandelaar, beslisser of beheerder.")


# ------------------------------------------------------------------ staff


def medewerker_uitnodigen(
    *,
    user,
    provincie: Provincie,
    email: str,
    naam: str,
    rol: str,
    functie: str = "",
    basis_url: str = "",
) -> Gebruiker:
    """An account without a password; after commit an e-mail with a link to set
    one (``basis_url`` is the site's address when ``SITE_URL`` is not set). The
    role beslisser waits for a second person (``services.mandaten``); mandates
    are granted in the register."""
    beheerder_van(user, provincie.pk)
    _stafrol(rol)
    email = email.strip().lower()
    velden = {"email": email, "naam": naam, "rol": rol, "functie": functie}
    if Gebruiker.objects.filter(email__iexact=email).exists():
        raise NietNu(EMAIL_BESTAAT)
    nieuw = Gebruiker(
        provincie=provincie, email_bevestigd=True, uitgenodigd_door=user, **velden
    )
    nieuw.set_unusable_password()
    try:
        with transaction.atomic():
            nieuw.save()
            vastleggen(
                provincie.pk,
                user,
                Beheeractie.MEDEWERKER_UITGENODIGD,
                f"{naam} <{email}>",
                {veld: {"oud": None, "nieuw": w} for veld, w in velden.items()},
            )
            if rol == Rol.BESLISSER:
                mandaten.beslisser_vragen(user=user, medewerker=nieuw)
            _uitnodiging_sturen(nieuw, user, provincie, basis_url)
    except IntegrityError as exc:
        raise NietNu(EMAIL_BESTAAT) from exc
    return nieuw


def _uitnodiging_sturen(nieuw, uitnodiger, provincie, basis_url) -> None:
    """A link to set a password: Django's password-reset token, valid once."""
    uid = urlsafe_base64_encode(force_bytes(nieuw.pk))
    token = default_token_generator.make_token(nieuw)
    pad = reverse("password_reset_confirm", args=[uid, token])
    link = getattr(settings, "SITE_URL", "") or basis_url
    tekst = render_to_string(
        "beheer/uitnodiging.txt",
        {
            "user": nieuw,
            "link": link + pad,
            "provincie": provincie,
            "uitnodiger": uitnodiger,
        },
    )
    emails.uitnodiging(nieuw, provincie, tekst)


def medewerker_wijzigen(
    *,
    user,
    medewerker: Gebruiker,
    naam: str,
    rol: str,
    functie: str,
    is_active: bool,
) -> Gebruiker:
    """Name, role and (de)activation of a colleague. Nobody is deleted: who acted
    on a case stays in its history. Becoming beslisser waits for a second person;
    leaving that role ends its confirmation."""
    if medewerker.rol == Rol.AANVRAGER:
        raise GeenToegang("Dit is geen medewerker van de provincie.")
    beheerder_van(user, medewerker.provincie_id)
    _stafrol(rol)
    if medewerker.pk == user.pk and (not is_active or rol != Rol.BEHEERDER):
        raise NietNu("U kunt uzelf niet deactiveren of uw eigen rol wijzigen.")
    with transaction.atomic():
        # Read the stored values: a bound form has already changed the instance.
        opgeslagen = Gebruiker.objects.select_for_update().get(pk=medewerker.pk)
        details = verschil_toepassen(
            opgeslagen,
            {
                "naam": naam,
                "rol": rol,
                "functie": functie,
                "is_active": is_active,
            },
        )
        if "rol" in details and opgeslagen.beslisser_bevestigd:
            opgeslagen.beslisser_bevestigd = False
            details["beslisser_bevestigd"] = {"oud": True, "nieuw": False}
        if details:
            opgeslagen.save(update_fields=list(details))
            vastleggen(
                opgeslagen.provincie_id,
                user,
                Beheeractie.MEDEWERKER_GEWIJZIGD,
                f"{opgeslagen.naam} <{opgeslagen.email}>",
                details,
            )
        if "rol" in details and rol == Rol.BESLISSER:
            mandaten.beslisser_vragen(user=user, medewerker=opgeslagen)
    for veld in MEDEWERKERVELDEN:
        setattr(medewerker, veld, getattr(opgeslagen, veld))
    return medewerker


# ------------------------------------------------------------ letterhead


def provinciegegevens_wijzigen(
    *,
    user,
    provincie: Provincie,
    gegevens: dict,
    logo: bytes | None = None,
    logo_verwijderen: bool = False,
) -> Provincie:
    """The letterhead, signatories and afschrift recipients; a new PNG logo (already
    checked by the form) or none."""
    beheerder_van(user, provincie.pk)
    onbekend = set(gegevens) - set(BRIEFHOOFDVELDEN)
    if onbekend:
        raise NietNu(f"Deze gegevens kunt u hier niet wijzigen: {sorted(onbekend)}.")
    with transaction.atomic():
        opgeslagen = Provincie.objects.select_for_update().get(pk=provincie.pk)
        details = verschil_toepassen(opgeslagen, gegevens)
        if logo:
            if bytes(opgeslagen.logo_png or b"") != bytes(logo):
                opgeslagen.logo_png = logo
                details["logo"] = "gewijzigd"
        elif logo_verwijderen and opgeslagen.logo_png:
            opgeslagen.logo_png = None
            details["logo"] = "verwijderd"
        if details:
            opgeslagen.save()
            vastleggen(
                provincie.pk,
                user,
                Beheeractie.PROVINCIEGEGEVENS_GEWIJZIGD,
                f"Briefhoofd provincie {opgeslagen.naam}",
                details,
            )
    return opgeslagen


# ------------------------------------------------------------ afschriften


def afschriften_instellen(
    *,
    user,
    provincie: Provincie,
    afschrift_aan: str,
    afschrift_emails: str,
    afschrift_uitkomsten: list[str],
) -> Provincie:
    """Who gets a copy of a decision, at which addresses, and for which
    outcomes (README, "Afschrift"). A copy goes only with a recipient named for
    the letter and an address to send it to, so choosing an outcome without
    both is refused rather than saved as a promise the letter cannot keep."""
    beheerder_van(user, provincie.pk, "afschriften_instellen")
    if set(afschrift_uitkomsten) - set(Uitkomst.values):
        raise NietNu("Kies alleen uitkomsten uit de lijst.")
    uitkomsten = [u for u in Uitkomst.values if u in set(afschrift_uitkomsten)]
    if uitkomsten and not Provincie.regels(afschrift_aan):
        raise NietNu(
            "Vul in aan wie het afschrift gaat, zoals de brief het noemt; zonder "
            "ontvanger gaat er geen afschrift."
        )
    if uitkomsten and not Provincie.regels(afschrift_emails):
        raise NietNu(
            "Vul ten minste één e-mailadres in; zonder adres gaat er geen afschrift."
        )
    with transaction.atomic():
        opgeslagen = Provincie.objects.select_for_update().get(pk=provincie.pk)
        details = verschil_toepassen(
            opgeslagen,
            {
                "afschrift_aan": afschrift_aan.strip(),
                "afschrift_emails": afschrift_emails.strip(),
                "afschrift_uitkomsten": uitkomsten,
            },
        )
        if details:
            opgeslagen.save(update_fields=list(details))
            if "afschrift_uitkomsten" in details:  # the history shows the labels
                details["afschrift_uitkomsten"] = {
                    k: [Uitkomst(u).label for u in v]
                    for k, v in details["afschrift_uitkomsten"].items()
                }
            vastleggen(
                provincie.pk,
                user,
                Beheeractie.AFSCHRIFTEN_GEWIJZIGD,
                f"Afschriften provincie {opgeslagen.naam}",
                details,
            )
    return opgeslagen


# ------------------------------------------------------------ doorzenden

DOORZENDORGANEN = (Orgaan.GS, Orgaan.CDK)


def doorzendadressen_instellen(
    *, user, provincie: Provincie, adressen: dict[str, tuple[str, str]]
) -> list[Doorzendadres]:
    """The addresses where other authorities forward requests (Awb 2:3) to this
    province's GS and CdK: ``{orgaan: (postadres, email)}``. An address once
    set can be changed but not emptied, so forwarding never loses its target."""
    beheerder_van(user, provincie.pk, "doorzendadres_instellen")
    if set(adressen) - {o.value for o in DOORZENDORGANEN}:
        raise NietNu("Hier stelt u alleen de adressen van GS en de CdK in.")
    gewijzigd = []
    with transaction.atomic():
        for orgaan, (postadres, email) in adressen.items():
            postadres, email = postadres.strip(), email.strip().lower()
            adres = (
                Doorzendadres.objects.select_for_update()
                .filter(orgaan=orgaan, provincie=provincie)
                .first()
            )
            if adres is None and not (postadres or email):
                continue
            adres = adres or Doorzendadres(orgaan=orgaan, provincie=provincie)
            if not email:
                raise NietNu(
                    f"Vul het e-mailadres in waarnaar verzoeken aan {adres.naam} "
                    "worden doorgezonden."
                )
            nieuw = adres.pk is None
            details = verschil_toepassen(
                adres, {"postadres": postadres, "email": email}
            )
            if nieuw:
                details = {
                    v: {"oud": None, "nieuw": w["nieuw"]} for v, w in details.items()
                }
            if details:
                adres.save()
                vastleggen(
                    provincie.pk,
                    user,
                    Beheeractie.DOORZENDADRES_GEWIJZIGD,
                    f"Doorzendadres van {adres.naam}",
                    details,
                )
                gewijzigd.append(adres)
    return gewijzigd


# ---------------------------------------------------------------- bodies

LICHAMEN = {
    "waterschap": (Waterschap, Beheeractie.WATERSCHAP_TOEGEVOEGD),
    "regeling": (Regeling, Beheeractie.REGELING_TOEGEVOEGD),
}


def lichaam_toevoegen(*, user, provincie: Provincie, soort: str, naam: str):
    """A waterschap or gemeenschappelijke regeling; each name once."""
    beheerder_van(user, provincie.pk)
    if soort not in LICHAMEN:
        raise NietNu("Kies waterschap of gemeenschappelijke regeling.")
    model, actie = LICHAMEN[soort]
    naam = naam.strip()
    if not naam:
        raise NietNu("Vul de naam in.")
    with transaction.atomic():
        lichaam, nieuw = model.objects.get_or_create(provincie=provincie, naam=naam)
        if not nieuw:
            raise NietNu(f"{naam} staat er al.")
        vastleggen(
            provincie.pk,
            user,
            actie,
            naam,
            {
                "soort": {"oud": None, "nieuw": soort},
                "naam": {"oud": None, "nieuw": naam},
            },
        )
    return lichaam
