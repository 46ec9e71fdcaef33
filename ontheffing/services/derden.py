"""Use cases of a third party's view (zienswijze, artikel 4:8 Awb): the
behandelaar asks a belanghebbende other than the applicant, by a dated letter
sent through the outbox (or printed for the post), and records the view that
comes back, as text, as a document on the case, or both."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from ontheffing import emails
from ontheffing.models import (
    Bijlage,
    Bijlagesoort,
    Derde,
    Gebruiker,
    Verzending,
    Verzoek,
)
from ontheffing.services.base import (
    NietNu,
    audit,
    huidige_datum,
    require,
    run_transition,
)
from ontheffing.states import Actie, Status

AANSPREEKVORMEN = ("", "heer", "mevrouw")


def zienswijze_derde_vragen(
    *,
    user: Gebruiker,
    verzoek: Verzoek,
    naam: str,
    uiterlijk: date,
    toelichting: str,
    email: str = "",
    postadres: str = "",
    aanspreekvorm: str = "",
) -> Derde:
    """Ask a third party for their view: from the assessment the case moves to
    "zienswijze gevraagd" (the applicant is told, and may give theirs too);
    while views are already asked, another third party can be added. The
    letter goes by e-mail when an address is given, otherwise by post (the
    behandelaar prints it from the file; the event says so)."""
    require(user, "zienswijze_derde_vragen", verzoek)
    naam, email, postadres = naam.strip(), email.strip(), postadres.strip()
    if not naam:
        raise NietNu("Vul de naam in van wie u de zienswijze vraagt.")
    if aanspreekvorm not in AANSPREEKVORMEN:
        raise NietNu("Kies de aanhef: de heer, mevrouw, of geen.")
    if not email and not postadres:
        raise NietNu("Vul een e-mailadres of een postadres in: daarheen gaat de brief.")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise NietNu(f"'{email}' is geen geldig e-mailadres.") from None
    if email.lower() in {
        a.lower() for a in (verzoek.email, verzoek.ingediend_door.email) if a
    }:
        raise NietNu(
            "Dit is het adres van de aanvrager; een zienswijze van de aanvrager "
            "vraagt u met 'Zienswijze vragen' (artikel 4:7 Awb)."
        )
    vandaag = huidige_datum()
    if uiterlijk <= vandaag:
        raise NietNu("De datum voor de zienswijze moet na vandaag liggen.")
    if not toelichting.strip():
        raise NietNu(
            "Beschrijf waarover u de zienswijze vraagt: de feiten en belangen die "
            "deze derde betreffen. Dat staat in de brief."
        )
    derde = Derde(
        verzoek=verzoek,
        naam=naam,
        aanspreekvorm=aanspreekvorm,
        email=email,
        postadres=postadres,
        verzending=Verzending.EMAIL if email else Verzending.POST,
        toelichting=toelichting.strip(),
        uiterlijk=uiterlijk,
        gevraagd_op=vandaag,
        gevraagd_door=user,
    )
    details = {
        "derde": naam,
        "verzending": derde.verzending,
        "aan": email or postadres.splitlines()[0],
        "uiterlijk": uiterlijk,
    }

    def brief():
        from ontheffing.brieven import inhoud

        derde.save()
        derde.brief = inhoud.zienswijze_derde_uitgeven(
            verzoek, ondertekenaar=user, derde=derde
        )
        derde.save(update_fields=["brief"])

    def bericht():
        if derde.verzending == Verzending.EMAIL:
            emails.zienswijze_derde_gevraagd(verzoek, derde)

    if verzoek.status == Status.TOETSING:
        run_transition(
            verzoek,
            user,
            "zienswijze_vragen",
            kwargs={"van": naam, "uiterlijk": uiterlijk},
            reden=f"Zienswijze gevraagd aan {naam} (artikel 4:8 Awb).",
            details=details,
            after=brief,
            mails=[
                bericht,
                lambda: emails.zienswijze_gevraagd(
                    verzoek,
                    f"Wij vragen {naam} om een zienswijze over uw aanvraag (artikel "
                    "4:8 Awb). Ook u kunt uw zienswijze geven.",
                ),
            ],
        )
        return derde
    with transaction.atomic():
        _vergrendel(user, verzoek, "zienswijze_derde_vragen")
        brief()
        audit(
            verzoek,
            user,
            Actie.ZIENSWIJZE_VRAGEN,
            van=verzoek.status,
            naar=verzoek.status,
            reden=f"Zienswijze gevraagd aan {naam} (artikel 4:8 Awb).",
            details=details,
        )
        bericht()
    return derde


def _vergrendel(user, verzoek: Verzoek, actie: str) -> None:
    """Under the case's lock: an action that depends on the step is refused
    when the step changed since the page was shown."""
    status = (
        Verzoek.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=verzoek.pk)
    )
    if status != verzoek.status:
        verzoek.refresh_from_db()
        require(user, actie, verzoek)


def zienswijze_derde_vastleggen(
    *,
    user: Gebruiker,
    verzoek: Verzoek,
    derde: Derde,
    ontvangen_op: date,
    tekst: str = "",
    bestand=None,
) -> Derde:
    """Record the view a third party gave (by letter, e-mail or orally): its
    text, a document (a scan, the e-mail), or both, with the day it came in.
    Staff only (an internal event): the decision letter says what was said and
    what the authority does with it, after the behandelaar processed the views
    (``zienswijze_verwerken``)."""
    from ontheffing import uploads

    require(user, "zienswijze_derde_vastleggen", verzoek)
    if not isinstance(derde, Derde) or derde.verzoek_id != verzoek.pk:
        raise NietNu("Kies de derde aan wie de zienswijze is gevraagd.")
    if derde.heeft_gereageerd:
        raise NietNu(
            f"De zienswijze van {derde.naam} is al vastgelegd; een latere aanvulling "
            "legt u vast als notitie of document."
        )
    tekst = tekst.strip()
    if not tekst and not bestand:
        raise NietNu("Schrijf de zienswijze over of voeg het document toe.")
    if ontvangen_op > huidige_datum():
        raise NietNu("De datum van ontvangst kan niet in de toekomst liggen.")
    if ontvangen_op < derde.gevraagd_op:
        raise NietNu("De zienswijze kan niet zijn ontvangen vóór zij werd gevraagd.")
    gecontroleerd = None
    if bestand:
        try:
            gecontroleerd = uploads.controleer(
                bestand, reeds_opgeslagen=verzoek.bijlagen_grootte()
            )
        except uploads.OngeldigBestand as fout:
            raise NietNu(f"Het document is niet toegevoegd: {fout}") from None
    with transaction.atomic():
        _vergrendel(user, verzoek, "zienswijze_derde_vastleggen")
        if gecontroleerd is not None:
            derde.bijlage = Bijlage.opslaan(
                verzoek=verzoek,
                soort=Bijlagesoort.ZIENSWIJZE,
                bestand=gecontroleerd,
                door=user,
            )
        derde.zienswijze = tekst
        derde.ontvangen_op = ontvangen_op
        derde.vastgelegd_door = user
        derde.save(
            update_fields=["zienswijze", "ontvangen_op", "vastgelegd_door", "bijlage"]
        )
        audit(
            verzoek,
            user,
            Actie.ZIENSWIJZE_DERDE_ONTVANGEN,
            reden=tekst,
            intern=True,
            details={
                "derde": derde.naam,
                "ontvangen_op": ontvangen_op,
                "document": derde.bijlage.bestandsnaam if derde.bijlage else "",
            },
        )
    return derde
