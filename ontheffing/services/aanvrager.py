"""Use cases of the applicant: concept, documents, submission, answer, withdrawal.

Each is idempotent for a repeated identical request (a double click, a form
posted again after a lost answer): under the case's lock the service sees that
what it was asked has already been done, by this applicant, and returns the
case as it is, without a second event, document or e-mail."""

from __future__ import annotations

from contextlib import contextmanager
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


def _vergrendeld(verzoek: Verzoek) -> str:
    """Take the case's row lock (PostgreSQL; SQLite's immediate transactions
    serialise writers anyway) and return its stored state."""
    return (
        Verzoek.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=verzoek.pk)
    )


def concept_aanmaken(
    *, user: Gebruiker, provincie, formulier_sleutel=None, **velden
) -> Verzoek:
    """A new concept. ``formulier_sleutel`` is the key of the form it came
    from: the same form posted again gives the concept it made the first time."""
    require(user, "concept_aanmaken")
    with transaction.atomic():
        if formulier_sleutel is not None:
            Gebruiker.objects.select_for_update().filter(pk=user.pk).exists()
            eerder = Verzoek.objects.filter(
                ingediend_door=user, formulier_sleutel=formulier_sleutel
            ).first()
            if eerder is not None:
                return eerder
        verzoek = Verzoek(
            ingediend_door=user,
            provincie=provincie,
            formulier_sleutel=formulier_sleutel,
            **velden,
        )
        if not verzoek.namens:
            verzoek.ambtsdrager = user
        verzoek.save()
        audit(verzoek, user, Actie.CONCEPT_OPGESLAGEN, naar=verzoek.status)
    return verzoek


def _ongewijzigd(verzoek: Verzoek, velden: dict) -> bool:
    return all(getattr(verzoek, veld) == waarde for veld, waarde in velden.items())


def concept_bijwerken(*, user: Gebruiker, verzoek: Verzoek, velden: dict) -> Verzoek:
    """Save the form as it stands; allowed only for the applicant's own concept.

    The same form posted again after the concept was submitted (a double click
    on "Indienen") changes nothing and is no error."""
    with transaction.atomic():
        if _vergrendeld(verzoek) != verzoek.status:
            verzoek.refresh_from_db()
        if (
            verzoek.status != Status.CONCEPT
            and verzoek.ingediend_door_id == user.pk
            and _ongewijzigd(verzoek, velden)
        ):
            return verzoek
        require(user, "concept_bewerken", verzoek)
        for veld, waarde in velden.items():
            setattr(verzoek, veld, waarde)
        if "namens" in velden:
            verzoek.ambtsdrager = None if verzoek.namens else user
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


def _kopie_bewaren(verzoek: Verzoek, user: Gebruiker) -> Bijlage:
    """The PDF of the request as submitted, kept with its documents: the copy
    the applicant downloads and gets by e-mail is the one in the file, made by
    the same summary that goes along when the request is forwarded (Awb 2:3)."""
    import hashlib

    from django.core.files.base import ContentFile

    from ontheffing.brieven import inhoud

    pdf = inhoud.samenvatting_pdf(verzoek)
    bijlage = Bijlage(
        verzoek=verzoek,
        soort=Bijlagesoort.VERZOEK,
        bestandsnaam=kopie_bestandsnaam(verzoek),
        content_type="application/pdf",
        grootte=len(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(),
        geupload_door=user,
    )
    bijlage.bestand.save(bijlage.bestandsnaam, ContentFile(pdf), save=False)
    bijlage.save()
    return bijlage


def kopie_bestandsnaam(verzoek: Verzoek) -> str:
    return f"verzoek-{verzoek.kenmerk}.pdf"


def verzoek_indienen(
    *,
    user: Gebruiker,
    verzoek: Verzoek,
    machtiging: Machtiging | None = None,
    digid_niveau: str | None = None,
    verklaring: bool = False,
) -> Verzoek:
    """Submit: sets the receipt date and kenmerk, keeps the PDF copy of the
    request as submitted and acknowledges receipt with it (Awb 4:3a).

    A second submission of a request this applicant already submitted (a
    double click) returns it unchanged.

    ``verklaring``: the applicant ticked the declaration with this submission
    (the check page). It is stored with the submission, in the same
    transaction: a submission that is refused stores nothing.

    ``machtiging``: the session logged in with DigiD Machtigen. The request is
    then filed namens the person who gave the mandate, and who acted for whom
    is recorded (as HMACs) on the request and in the audit event.

    ``digid_niveau``: the session logged in with DigiD at this level of
    assurance (the class ref, ``identiteit.digid.niveau``); it is recorded in
    the audit event. A password log-in has none."""
    with transaction.atomic():
        if _vergrendeld(verzoek) != verzoek.status:
            verzoek.refresh_from_db()
        if verzoek.status != Status.CONCEPT and verzoek.ingediend_door_id == user.pk:
            return verzoek
        if verklaring and not verzoek.verklaring:
            require(user, "concept_bewerken", verzoek)
            verzoek.verklaring = True
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
        kopie = []

        def voorbereiden():
            _kenmerk_toekennen(verzoek, vandaag.year)
            if machtiging is not None:
                _machtiging_vastleggen(verzoek, machtiging)

        def na_indienen():
            kopie.append(_kopie_bewaren(verzoek, user))

        return run_transition(
            verzoek,
            user,
            "indienen",
            kwargs={"ontvangen_op": vandaag},
            before=voorbereiden,
            after=na_indienen,
            details=_inlogdetails(machtiging, digid_niveau),
            mails=[lambda: emails.ontvangstbevestiging(verzoek, kopie=kopie[0])],
        )


def _inlogdetails(
    machtiging: Machtiging | None, digid_niveau: str | None
) -> dict | None:
    """How the submitter logged in, for the audit event of the submission
    (None for a password log-in, as before the level was recorded)."""
    details = machtiging.als_details() if machtiging else {}
    if digid_niveau:
        details["digid_niveau"] = digid_niveau
    return details or None


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
    *,
    user: Gebruiker,
    verzoek: Verzoek,
    bestand,
    soort: str,
    opschorting=None,
    punt: str = "",
) -> Bijlage:
    """Store an uploaded file (already checked by ``uploads.controleer``)."""
    from ontheffing import uploads

    eigen = user.pk in (verzoek.ingediend_door_id, verzoek.ambtsdrager_id)
    if user.is_medewerker or not eigen:
        raise GeenToegang("U kunt bij dit verzoek geen documenten toevoegen.")
    if soort == Bijlagesoort.VERZOEK:
        raise NietNu("Dit soort document maakt de provincie zelf.")
    with transaction.atomic():
        if verzoek.pk is not None and _vergrendeld(verzoek) != verzoek.status:
            verzoek.refresh_from_db()
        return _bijlage_opslaan(
            user=user,
            verzoek=verzoek,
            bestand=bestand,
            soort=soort,
            opschorting=opschorting,
            punt=punt,
            uploads=uploads,
        )


def _bijlage_opslaan(*, user, verzoek, bestand, soort, opschorting, punt, uploads):
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
    # The same file of the same kind sent again (a double click): the first one.
    eerder = verzoek.bijlagen.filter(
        sha256=gecontroleerd.sha256,
        soort=soort,
        bestandsnaam=gecontroleerd.naam,
        geupload_door=user,
        opschorting=opschorting,
    ).first()
    if eerder is not None:
        return eerder
    with transaction.atomic():
        bijlage = Bijlage.opslaan(
            verzoek=verzoek,
            soort=soort,
            bestand=gecontroleerd,
            door=user,
            opschorting=opschorting,
            punt=punt,
        )
        if verzoek.status != Status.CONCEPT:
            audit(
                verzoek,
                user,
                Actie.BIJLAGE_TOEVOEGEN,
                details={
                    "bestand": bijlage.bestandsnaam,
                    "soort": soort,
                    **({"punt": punt} if punt else {}),
                },
            )
    return bijlage


def _al_gedaan(verzoek: Verzoek, user: Gebruiker, actie: str, reden: str) -> bool:
    """The case's last event is this very action by this user, with the same
    text: the request is a repetition of one already carried out."""
    laatste = verzoek.gebeurtenissen.order_by("-pk").first()
    return (
        laatste is not None
        and laatste.actie == actie
        and laatste.actor_id == user.pk
        and laatste.reden == reden
    )


@contextmanager
def _met_bestandsnaam(bestand):
    """A refused document names itself: the answer holds several."""
    from ontheffing.uploads import OngeldigBestand

    try:
        yield
    except OngeldigBestand as fout:
        naam = getattr(bestand, "name", "") or "Een document"
        raise OngeldigBestand(f"{naam} is niet toegevoegd. {fout}") from fout


def _documenten(bestanden) -> list[tuple]:
    """``bestanden`` as (file, item): a bare file answers no item in particular."""
    return [b if isinstance(b, tuple) else (b, "") for b in bestanden]


def verzoek_aanvullen(
    *, user: Gebruiker, verzoek: Verzoek, antwoord: str, bestanden=()
) -> Verzoek:
    """The applicant answers the request for information; the suspension ends
    today. ``bestanden`` are files, or (file, item asked for) pairs, so each
    document is tied to the item of the request (``Opschorting.ontbrekend``)
    it answers."""
    documenten = _documenten(bestanden)
    with transaction.atomic():
        if _vergrendeld(verzoek) != verzoek.status:
            verzoek.refresh_from_db()
        if verzoek.status != Status.AANVULLING_GEVRAAGD and _al_gedaan(
            verzoek, user, Actie.AANVULLEN, antwoord
        ):
            return verzoek
        require(user, "aanvullen", verzoek)
        opschorting = verzoek.lopende_opschorting
        if not antwoord.strip() and not documenten:
            raise NietNu("Geef een antwoord of voeg een document toe.")

        def sluit():
            if opschorting is not None:
                opschorting.tot = max(huidige_datum(), opschorting.van)
                opschorting.antwoord = antwoord
                opschorting.save(update_fields=["tot", "antwoord"])

        for bestand, punt in documenten:
            with _met_bestandsnaam(bestand):
                bijlage_toevoegen(
                    user=user,
                    verzoek=verzoek,
                    bestand=bestand,
                    soort="aanvulling",
                    opschorting=opschorting,
                    punt=punt,
                )
        run_transition(
            verzoek,
            user,
            "aanvullen",
            reden=antwoord,
            before=sluit,
            details={"documenten": len(documenten)},
            mails=[lambda: emails.aanvulling_ontvangen(verzoek)],
        )
    return verzoek


def zienswijze_geven(
    *, user: Gebruiker, verzoek: Verzoek, tekst: str, bestanden=()
) -> Verzoek:
    """Awb 4:7: the applicant gives their view while the province asks for one.

    Recorded as an event the applicant can read back (and documents of the
    kind "zienswijze"); the step does not change: the behandelaar processes
    the view (``zienswijze_verwerken``) and is told by e-mail. The same view
    sent twice in a row is recorded once."""
    with transaction.atomic():
        # Under the case's lock: a view that arrives after the behandelaar has
        # processed the views is refused, not recorded out of order.
        if _vergrendeld(verzoek) != verzoek.status:
            verzoek.refresh_from_db()
        if _al_gedaan(verzoek, user, Actie.ZIENSWIJZE_GEVEN, tekst):
            return verzoek
        require(user, "zienswijze_geven", verzoek)
        if not tekst.strip() and not bestanden:
            raise NietNu("Schrijf uw zienswijze of voeg een document toe.")
        for bestand, _punt in _documenten(bestanden):
            with _met_bestandsnaam(bestand):
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
    """Withdraw; withdrawing again what this applicant just withdrew is no error."""

    def sluit_opschorting():
        lopend = verzoek.lopende_opschorting
        if lopend is not None:
            lopend.tot = max(huidige_datum(), lopend.van)
            lopend.save(update_fields=["tot"])

    with transaction.atomic():
        if _vergrendeld(verzoek) != verzoek.status:
            verzoek.refresh_from_db()
        if verzoek.status == Status.INGETROKKEN and _al_gedaan(
            verzoek, user, Actie.INTREKKEN, reden
        ):
            return verzoek
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
