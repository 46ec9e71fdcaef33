"""Use cases of the applicant: concept, documents, submission, answer, withdrawal."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from ontheffing import emails, permissions
from ontheffing import kwalificatie as kw
from ontheffing.models import (
    Bijlage,
    Bijlagesoort,
    Kenmerkteller,
    Verzoek,
)
from ontheffing.services.base import (
    GeenToegang,
    NietNu,
    audit,
    controleer,
    huidige_datum,
    opslaan,
    uitvoeren,
)
from ontheffing.states import Actie, Bestuursorgaan, Rol, Status


def concept_aanmaken(*, user, provincie, **velden) -> Verzoek:
    if not user.is_authenticated or user.rol != Rol.AANVRAGER:
        raise GeenToegang("Alleen aanvragers kunnen een verzoek indienen.")
    with transaction.atomic():
        verzoek = Verzoek(ingediend_door=user, provincie=provincie, **velden)
        if not verzoek.namens:
            verzoek.ambtsdrager = user
        verzoek.save()
        audit(verzoek, user, Actie.CONCEPT_OPGESLAGEN, naar=verzoek.status)
    return verzoek


def concept_bijwerken(*, user, verzoek: Verzoek, velden: dict) -> Verzoek:
    """Save the form as it stands; allowed only for the applicant's own concept."""
    if verzoek.ingediend_door_id != user.pk:
        raise GeenToegang("Alleen de indiener kan dit concept wijzigen.")
    if verzoek.status != Status.CONCEPT:
        raise NietNu("Dit verzoek is al ingediend en kan niet meer worden gewijzigd.")
    for veld, waarde in velden.items():
        setattr(verzoek, veld, waarde)
    if "namens" in velden:
        verzoek.ambtsdrager = None if verzoek.namens else user
    with transaction.atomic():
        opslaan(verzoek)
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


def verzoek_indienen(*, user, verzoek: Verzoek) -> Verzoek:
    """Submit: sets the receipt date and kenmerk, acknowledges receipt (Awb 4:3a)."""
    controleer(verzoek, user, "indienen")
    if not user.email_bevestigd:
        raise NietNu(
            "Bevestig eerst uw e-mailadres met de link die wij u stuurden; "
            "daarna kunt u het verzoek indienen. Uw gegevens zijn opgeslagen."
        )
    ontbreekt = verzoek.ontbrekende_gegevens()
    if ontbreekt:
        raise NietNu(
            "Het verzoek is nog niet compleet. Vul nog in: "
            + ", ".join(ontbreekt)
            + "."
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
    return uitvoeren(
        verzoek,
        user,
        "indienen",
        vandaag,
        voor=lambda: _kenmerk_toekennen(verzoek, vandaag.year),
        mails=[lambda: emails.ontvangstbevestiging(verzoek)],
    )


def bijlage_toevoegen(
    *, user, verzoek: Verzoek, bestand, soort: str, opschorting=None
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
    *, user, verzoek: Verzoek, antwoord: str, bestanden=()
) -> Verzoek:
    """The applicant answers the request for information; the suspension ends today."""
    opschorting = verzoek.lopende_opschorting
    if not antwoord.strip() and not bestanden:
        raise NietNu("Geef een antwoord of voeg een document toe.")

    def sluit():
        if opschorting is not None:
            opschorting.tot = max(huidige_datum(), opschorting.van)
            opschorting.antwoord = antwoord
            opschorting.save(update_fields=["tot", "antwoord"])

    controleer(verzoek, user, "aanvullen")
    with transaction.atomic():
        for bestand in bestanden:
            bijlage_toevoegen(
                user=user,
                verzoek=verzoek,
                bestand=bestand,
                soort="aanvulling",
                opschorting=opschorting,
            )
        uitvoeren(
            verzoek,
            user,
            "aanvullen",
            reden=antwoord,
            voor=sluit,
            details={"documenten": len(bestanden)},
            mails=[lambda: emails.aanvulling_ontvangen(verzoek)],
        )
    return verzoek


def zienswijze_geven(*, user, verzoek: Verzoek, tekst: str, bestanden=()) -> Verzoek:
    """Awb 4:7: the applicant gives their view while the province asks for one.

    Recorded as an event the applicant can read back (and documents of the
    kind "zienswijze"); the step does not change: the behandelaar processes
    the view (``zienswijze_verwerken``) and is told by e-mail."""
    if not permissions.is_aanvrager_van(verzoek, user):
        raise GeenToegang("U kunt bij dit verzoek geen zienswijze geven.")
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
        if status != Status.ZIENSWIJZE_GEVRAAGD:
            raise NietNu("Er wordt bij dit verzoek (nu) geen zienswijze gevraagd.")
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
        emails.zienswijze_ontvangen(verzoek)
    return verzoek


def verzoek_intrekken(*, user, verzoek: Verzoek, reden: str = "") -> Verzoek:
    def sluit_opschorting():
        lopend = verzoek.lopende_opschorting
        if lopend is not None:
            lopend.tot = max(huidige_datum(), lopend.van)
            lopend.save(update_fields=["tot"])

    return uitvoeren(
        verzoek,
        user,
        "intrekken",
        reden=reden,
        voor=sluit_opschorting,
        mails=[lambda: emails.ingetrokken(verzoek)],
    )
