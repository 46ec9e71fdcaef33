"""Use cases of the applicant: concept, documents, submission, answer, withdrawal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F

from ontheffing import emails
from ontheffing import kwalificatie as kw
from ontheffing.models import (
    Bijlage,
    Bijlagesoort,
    DigidMachtiging,
    Gebruiker,
    Inlogbron,
    Inlogkoppeling,
    Kenmerkteller,
    Verzoek,
)
from ontheffing.services.base import (
    GeenToegang,
    NietNu,
    audit,
    huidige_datum,
    require,
    run_transition,
    save_case,
)
from ontheffing.states import Actie, Bestuursorgaan, Melding, Rol, Status

if TYPE_CHECKING:
    from ontheffing.identiteit.machtigen import Machtiging


def concept_aanmaken(*, user: Gebruiker, provincie, **velden) -> Verzoek:
    require(user, "concept_aanmaken")
    with transaction.atomic():
        verzoek = Verzoek(ingediend_door=user, provincie=provincie, **velden)
        if not verzoek.namens:
            verzoek.ambtsdrager = user
        verzoek.save()
        audit(verzoek, user, Actie.CONCEPT_OPGESLAGEN, naar=verzoek.status)
    return verzoek


def concept_bijwerken(*, user: Gebruiker, verzoek: Verzoek, velden: dict) -> Verzoek:
    """Save the form as it stands; allowed only for the applicant's own concept."""
    require(user, "concept_bewerken", verzoek)
    for veld, waarde in velden.items():
        setattr(verzoek, veld, waarde)
    if "namens" in velden:
        verzoek.ambtsdrager = None if verzoek.namens else user
    with transaction.atomic():
        save_case(verzoek)
    return verzoek


def _kenmerk_toekennen(verzoek: Verzoek, jaar: int) -> None:
    """Take the next number of the province and year. The UPDATE takes the row
    (PostgreSQL) or database (SQLite) write lock first, so parallel
    submissions get distinct numbers without gaps."""
    Kenmerkteller.objects.bulk_create(
        [Kenmerkteller(provincie_id=verzoek.provincie_id, jaar=jaar)],
        ignore_conflicts=True,
    )
    teller = Kenmerkteller.objects.filter(provincie_id=verzoek.provincie_id, jaar=jaar)
    teller.update(laatste=F("laatste") + 1)
    nummer = teller.values_list("laatste", flat=True).get()
    verzoek.jaar = jaar
    verzoek.volgnummer = nummer
    verzoek.kenmerk = f"{jaar}-{verzoek.provincie.code}-{nummer:04d}"


def verzoek_indienen(
    *, user: Gebruiker, verzoek: Verzoek, machtiging: Machtiging | None = None
) -> Verzoek:
    """Submit: sets the receipt date and kenmerk, acknowledges receipt (Awb 4:3a).

    ``machtiging``: the session logged in with DigiD Machtigen. The request is
    then filed namens the person who gave the mandate, and who acted for whom
    is recorded (as HMACs) on the request and in the audit event."""
    require(user, "indienen", verzoek)
    if machtiging is not None and not verzoek.namens:
        raise NietNu(
            "U bent ingelogd met DigiD Machtigen, als gemachtigde. Kies bij "
            "“Wie dient het verzoek in” dat u het indient namens de "
            "ambtsdrager, of log in met uw eigen DigiD om voor uzelf in te dienen."
        )
    vandaag = huidige_datum()
    lichaam = verzoek.lichaam
    if lichaam is not None:
        verzoek.provincie_id = lichaam.provincie_id
    verzoek.bestuursorgaan = (
        Bestuursorgaan.CDK
        if verzoek.ambt == kw.Ambt.BURGEMEESTER
        else Bestuursorgaan.GS
    )

    def voorbereiden():
        _kenmerk_toekennen(verzoek, vandaag.year)
        if machtiging is not None:
            _machtiging_vastleggen(verzoek, machtiging)

    return run_transition(
        verzoek,
        user,
        "indienen",
        kwargs={"ontvangen_op": vandaag},
        before=voorbereiden,
        details=machtiging.als_details() if machtiging else None,
        mails=[lambda: emails.ontvangstbevestiging(verzoek)],
    )


def _machtiging_vastleggen(verzoek: Verzoek, machtiging: Machtiging) -> None:
    """DigiD Machtigen: who acted for whom. When the represented person has an
    account of his own (his DigiD links to it), he sees the request too."""
    DigidMachtiging.objects.create(
        verzoek=verzoek,
        gemachtigde=machtiging.gemachtigde,
        vertegenwoordigde=machtiging.vertegenwoordigde,
        dienst=machtiging.dienst,
    )
    if verzoek.ambtsdrager_id is None:
        koppeling = (
            Inlogkoppeling.objects.filter(
                bron=Inlogbron.DIGID,
                sleutel=machtiging.vertegenwoordigde,
                gebruiker__rol=Rol.AANVRAGER,
            )
            .select_related("gebruiker")
            .first()
        )
        if koppeling is not None:
            verzoek.ambtsdrager = koppeling.gebruiker


def bijlage_toevoegen(
    *, user: Gebruiker, verzoek: Verzoek, bestand, soort: str, opschorting=None
) -> Bijlage:
    """Store an uploaded file (already checked by ``uploads.controleer``)."""
    from ontheffing import uploads

    eigen = user.pk in (verzoek.ingediend_door_id, verzoek.ambtsdrager_id)
    if user.is_medewerker or not eigen:
        raise GeenToegang("U kunt bij dit verzoek geen documenten toevoegen.")
    toegestaan = {Status.CONCEPT, Status.AANVULLING_GEVRAAGD}
    if soort == Bijlagesoort.ZIENSWIJZE:
        toegestaan.add(Status.ZIENSWIJZE_GEVRAAGD)
    if verzoek.status not in toegestaan:
        raise NietNu(
            "Documenten kunt u alleen toevoegen aan een concept, bij een aanvulling "
            "of bij een zienswijze."
        )
    gecontroleerd = uploads.controleer(
        bestand, reeds_opgeslagen=verzoek.bijlagen_grootte()
    )
    with transaction.atomic():
        bijlage = Bijlage(
            verzoek=verzoek,
            soort=soort,
            bestandsnaam=gecontroleerd.naam,
            content_type=gecontroleerd.content_type,
            grootte=gecontroleerd.grootte,
            sha256=gecontroleerd.sha256,
            geupload_door=user,
            opschorting=opschorting,
        )
        bijlage.bestand.save(gecontroleerd.naam, gecontroleerd.inhoud, save=False)
        bijlage.save()
        if verzoek.status != Status.CONCEPT:
            audit(
                verzoek,
                user,
                Actie.BIJLAGE_TOEVOEGEN,
                details={"bestand": bijlage.bestandsnaam, "soort": soort},
            )
    return bijlage


def verzoek_aanvullen(
    *, user: Gebruiker, verzoek: Verzoek, antwoord: str, bestanden=()
) -> Verzoek:
    """The applicant answers the request for information; the suspension ends today."""
    require(user, "aanvullen", verzoek)
    opschorting = verzoek.lopende_opschorting
    if not antwoord.strip() and not bestanden:
        raise NietNu("Geef een antwoord of voeg een document toe.")

    def sluit():
        if opschorting is not None:
            opschorting.tot = max(huidige_datum(), opschorting.van)
            opschorting.antwoord = antwoord
            opschorting.save(update_fields=["tot", "antwoord"])

    with transaction.atomic():
        for bestand in bestanden:
            bijlage_toevoegen(
                user=user,
                verzoek=verzoek,
                bestand=bestand,
                soort="aanvulling",
                opschorting=opschorting,
            )
        run_transition(
            verzoek,
            user,
            "aanvullen",
            reden=antwoord,
            before=sluit,
            details={"documenten": len(bestanden)},
            mails=[lambda: emails.aanvulling_ontvangen(verzoek)],
        )
    return verzoek


def zienswijze_geven(
    *, user: Gebruiker, verzoek: Verzoek, tekst: str, bestanden=()
) -> Verzoek:
    """Awb 4:7: the applicant gives their view while the province asks for one.

    Recorded as an event the applicant can read back (and documents of the
    kind "zienswijze"); the step does not change: the behandelaar processes
    the view (``zienswijze_verwerken``) and is told by e-mail."""
    require(user, "zienswijze_geven", verzoek)
    if not tekst.strip() and not bestanden:
        raise NietNu("Schrijf uw zienswijze of voeg een document toe.")
    with transaction.atomic():
        # Under the case's lock: a view that arrives after the behandelaar has
        # processed the views is refused, not recorded out of order.
        status = (
            Verzoek.objects.select_for_update()
            .values_list("status", flat=True)
            .get(pk=verzoek.pk)
        )
        if status != verzoek.status:
            verzoek.refresh_from_db()
            require(user, "zienswijze_geven", verzoek)
        for bestand in bestanden:
            bijlage_toevoegen(
                user=user,
                verzoek=verzoek,
                bestand=bestand,
                soort=Bijlagesoort.ZIENSWIJZE,
            )
        audit(
            verzoek,
            user,
            Actie.ZIENSWIJZE_GEVEN,
            reden=tekst,
            details={"documenten": len(bestanden)},
        )
        verzoek.melding = Melding.ZIENSWIJZE_ONTVANGEN
        Verzoek.objects.filter(pk=verzoek.pk).update(melding=verzoek.melding)
        emails.zienswijze_ontvangen(verzoek)
    return verzoek


def verzoek_intrekken(*, user: Gebruiker, verzoek: Verzoek, reden: str = "") -> Verzoek:
    def sluit_opschorting():
        lopend = verzoek.lopende_opschorting
        if lopend is not None:
            lopend.tot = max(huidige_datum(), lopend.van)
            lopend.save(update_fields=["tot"])

    return run_transition(
        verzoek,
        user,
        "intrekken",
        reden=reden,
        before=sluit_opschorting,
        mails=[
            lambda: emails.ingetrokken(verzoek),
            lambda: emails.ingetrokken_behandelaar(verzoek),
        ],
    )
