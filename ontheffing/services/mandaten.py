"""Use cases of the mandate register and of the beslisser role.

Granting a mandate or the role beslisser takes two people: a beheerder asks,
and another beheerder or a confirmed beslisser of the province confirms (never
the one who asked, never the one it is for). Until then the grantee cannot
decide. Every request is mailed to all beslissers and beheerders of the
province, so a grant nobody expected is seen. Each step is a beheer change with
its record (``Beheergebeurtenis``)."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from ontheffing import emails
from ontheffing import mandaten as regels
from ontheffing.models import Beheeractie, Gebruiker, Mandaat, Reikwijdte
from ontheffing.models.mandaat import BRON_OVERGENOMEN
from ontheffing.services.base import GeenToegang, NietNu, huidige_datum
from ontheffing.states import Bestuursorgaan, Rol

HOUDERROLLEN = (Rol.BEHANDELAAR, Rol.BESLISSER)


# While a page is answered (``eenmaal_gelezen``): each user's confirmed
# mandates by pk. Outside such a block every question reads the register.
_gelezen: ContextVar[dict | None] = ContextVar("mandaten_gelezen", default=None)


@contextmanager
def eenmaal_gelezen():
    """Within this block the register is read once per user: a case page asks
    the same register a handful of questions (decide, return, fix a dwangsom,
    the navigation) and writes nothing in between. Nested blocks share the
    outer one; a service that writes the register is never called inside."""
    if _gelezen.get() is not None:
        yield
        return
    token = _gelezen.set({})
    try:
        yield
    finally:
        _gelezen.reset(token)


def mandaten_van(gebruiker) -> list[Mandaat]:
    if not (gebruiker and gebruiker.is_authenticated and gebruiker.provincie_id):
        return []
    gelezen = _gelezen.get()
    if gelezen is None:
        return list(Mandaat.objects.bevestigd().filter(houder=gebruiker))
    if gebruiker.pk not in gelezen:
        gelezen[gebruiker.pk] = list(
            Mandaat.objects.bevestigd().filter(houder=gebruiker)
        )
    return gelezen[gebruiker.pk]


def mandaat_voor(
    gebruiker, verzoek, *, op: date | None = None, alleen_volledig: bool = False
) -> Mandaat | None:
    """The mandate in force today (or on ``op``) that covers this decision."""
    return regels.mandaat_voor(
        gebruiker,
        verzoek,
        op=op or huidige_datum(),
        mandaten=mandaten_van(gebruiker),
        alleen_volledig=alleen_volledig,
    )


def heeft_mandaat(gebruiker) -> bool:
    return regels.heeft_mandaat_op(
        gebruiker, op=huidige_datum(), mandaten=mandaten_van(gebruiker)
    )


def ondertekening_voor(verzoek, ondertekenaar, *, mandaat=None, genomen_op=None):
    """The signature of the letter; for a concept (no explicit mandate or meeting)
    the mandate the viewer would decide under today, if any."""
    if mandaat is None and genomen_op is None and ondertekenaar is not None:
        mandaat = mandaat_voor(ondertekenaar, verzoek)
    return regels.ondertekening(
        bestuursorgaan=verzoek.bestuursorgaan,
        provincie=verzoek.provincie,
        ondertekenaar=ondertekenaar,
        mandaat=mandaat,
        genomen_op=genomen_op,
    )


# ---------------------------------------------------------------- who acts


def _beheerder_van(user, provincie_id) -> None:
    from ontheffing.services.beheer import beheerder_van

    beheerder_van(user, provincie_id)


def bevestigen_geweigerd(user, provincie_id, *, gevraagd_door_id, voor_id):
    """Why ``user`` may not confirm this grant: a ``Weigering``, or None when
    they may (another beheerder, or a confirmed beslisser, of the province;
    neither the one who asked nor the one it is for)."""
    if not (
        user.is_authenticated
        and user.is_active
        and user.provincie_id == provincie_id
        and (user.rol == Rol.BEHEERDER or regels.is_beslisser(user))
    ):
        return GeenToegang(
            "Alleen een andere beheerder of een beslisser van deze provincie kan "
            "dit bevestigen."
        )
    if user.pk == gevraagd_door_id:
        return NietNu("U heeft dit zelf gevraagd; een tweede persoon moet bevestigen.")
    if user.pk == voor_id:
        return NietNu("U kunt een toekenning aan uzelf niet bevestigen.")
    if gevraagd_door_id in _uitnodigers(user):
        return NietNu(
            "U bent (via een collega) uitgenodigd door wie dit vroeg; een andere "
            "beheerder of beslisser van de provincie bevestigt."
        )
    return None


def _uitnodigers(user) -> set[int]:
    """Who invited ``user``, who invited them, and so on: one beheerder must
    not confirm his own grant with an account he (indirectly) created."""
    gezien: set[int] = set()
    volgende = user.uitgenodigd_door_id
    while volgende is not None and volgende not in gezien:
        gezien.add(volgende)
        volgende = (
            Gebruiker.objects.filter(pk=volgende)
            .values_list("uitgenodigd_door_id", flat=True)
            .first()
        )
    return gezien


def _bevestiger(user, provincie_id, *, gevraagd_door_id, voor_id) -> None:
    weigering = bevestigen_geweigerd(
        user, provincie_id, gevraagd_door_id=gevraagd_door_id, voor_id=voor_id
    )
    if weigering:
        raise weigering


def te_informeren(provincie_id, *, behalve=None) -> list[str]:
    """The e-mail addresses of every active beheerder and confirmed beslisser."""
    staf = Gebruiker.objects.filter(provincie_id=provincie_id, is_active=True).filter(
        rol__in=(Rol.BEHEERDER, Rol.BESLISSER)
    )
    return sorted(
        g.email
        for g in staf
        if (g.rol == Rol.BEHEERDER or regels.is_beslisser(g))
        and (behalve is None or g.pk != behalve.pk)
    )


def _melden(provincie_id, *, wat: str, voor, door) -> None:
    adressen = te_informeren(provincie_id, behalve=voor)
    if adressen:
        transaction.on_commit(
            lambda: emails.toekenning_gevraagd(adressen, wat=wat, voor=voor, door=door)
        )


def _vastleggen(provincie_id, user, actie, onderwerp, details):
    from ontheffing.services.beheer import vastleggen

    return vastleggen(provincie_id, user, actie, onderwerp, details)


# ------------------------------------------------------------ beslisser role


def beslisser_vragen(*, user, medewerker: Gebruiker) -> None:
    """Called inside the transaction that gives ``medewerker`` the role
    beslisser: the role waits for a second person."""
    medewerker.beslisser_bevestigd = False
    medewerker.beslisser_gevraagd_door = user
    Gebruiker.objects.filter(pk=medewerker.pk).update(
        beslisser_bevestigd=False, beslisser_gevraagd_door=user
    )
    _vastleggen(
        medewerker.provincie_id,
        user,
        Beheeractie.BESLISSER_GEVRAAGD,
        f"{medewerker.naam} <{medewerker.email}>",
        {"beslisser_bevestigd": {"oud": None, "nieuw": False}},
    )
    _melden(medewerker.provincie_id, wat="de rol beslisser", voor=medewerker, door=user)


def beslisser_bevestigen(*, user, medewerker: Gebruiker) -> Gebruiker:
    with transaction.atomic():
        opgeslagen = Gebruiker.objects.select_for_update().get(pk=medewerker.pk)
        _bevestiger(
            user,
            opgeslagen.provincie_id,
            gevraagd_door_id=opgeslagen.beslisser_gevraagd_door_id,
            voor_id=opgeslagen.pk,
        )
        if opgeslagen.rol != Rol.BESLISSER or opgeslagen.beslisser_bevestigd:
            raise NietNu("Er wacht geen rol beslisser op bevestiging.")
        opgeslagen.beslisser_bevestigd = True
        opgeslagen.save(update_fields=["beslisser_bevestigd"])
        _vastleggen(
            opgeslagen.provincie_id,
            user,
            Beheeractie.BESLISSER_BEVESTIGD,
            f"{opgeslagen.naam} <{opgeslagen.email}>",
            {"beslisser_bevestigd": {"oud": False, "nieuw": True}},
        )
    medewerker.beslisser_bevestigd = True
    return medewerker


# ------------------------------------------------------------------ mandates


def _mandaatdetails(m: Mandaat) -> dict:
    return {
        "houder": {"oud": None, "nieuw": m.houder.naam},
        "bestuursorgaan": {"oud": None, "nieuw": m.get_bestuursorgaan_display()},
        "reikwijdte": {"oud": None, "nieuw": m.get_reikwijdte_display()},
        "geldig_van": {"oud": None, "nieuw": m.geldig_van},
        "geldig_tot": {"oud": None, "nieuw": m.geldig_tot},
        "bron_titel": {"oud": None, "nieuw": m.bron_titel},
        "bron_datum": {"oud": None, "nieuw": m.bron_datum},
    }


def mandaat_vragen(
    *,
    user,
    houder: Gebruiker,
    bestuursorgaan: str,
    reikwijdte: str,
    geldig_van: date,
    geldig_tot: date | None,
    bron_titel: str,
    bron_datum: date,
) -> Mandaat:
    """Record a mandaatbesluit for ``houder``; it waits for confirmation. To widen
    a mandate, record a new one (it needs confirmation too) and end the old."""
    _beheerder_van(user, houder.provincie_id)
    if not (houder.is_active and houder.rol in HOUDERROLLEN):
        raise NietNu("Een mandaat kan alleen naar een behandelaar of beslisser gaan.")
    if bestuursorgaan not in Bestuursorgaan.values:
        raise NietNu("Kies de besluiten: van Gedeputeerde Staten of van de CdK.")
    if reikwijdte not in Reikwijdte.values:
        raise NietNu("Kies alle uitkomsten of alleen weigeren.")
    bron_titel = bron_titel.strip()
    if not bron_titel:
        raise NietNu("Vul de titel van het mandaatbesluit in.")
    if geldig_tot is not None and geldig_tot < geldig_van:
        raise NietNu("De einddatum ligt vóór de begindatum.")
    if bron_datum > geldig_van:
        raise NietNu(
            "Een mandaat geldt niet vóór de bekendmaking van het mandaatbesluit: "
            "de begindatum ligt vóór de datum van bekendmaking."
        )
    if geldig_tot is not None and geldig_tot < huidige_datum():
        raise NietNu("Dit mandaat is al verlopen.")
    with transaction.atomic():
        mandaat = Mandaat.objects.create(
            provincie_id=houder.provincie_id,
            houder=houder,
            bestuursorgaan=bestuursorgaan,
            reikwijdte=reikwijdte,
            geldig_van=geldig_van,
            geldig_tot=geldig_tot,
            bron_titel=bron_titel,
            bron_datum=bron_datum,
            aangevraagd_door=user,
        )
        _vastleggen(
            houder.provincie_id,
            user,
            Beheeractie.MANDAAT_GEVRAAGD,
            str(mandaat),
            _mandaatdetails(mandaat),
        )
        _melden(
            houder.provincie_id,
            wat=f"een mandaat voor {mandaat.omschrijving}",
            voor=houder,
            door=user,
        )
    return mandaat


def mandaat_bevestigen(*, user, mandaat: Mandaat) -> Mandaat:
    with transaction.atomic():
        opgeslagen = Mandaat.objects.select_for_update().get(pk=mandaat.pk)
        _bevestiger(
            user,
            opgeslagen.provincie_id,
            gevraagd_door_id=opgeslagen.aangevraagd_door_id,
            voor_id=opgeslagen.houder_id,
        )
        if not opgeslagen.wacht_op_bevestiging:
            raise NietNu("Dit mandaat wacht niet (meer) op bevestiging.")
        if opgeslagen.bron_titel == BRON_OVERGENOMEN:
            raise NietNu(
                "Dit mandaat noemt geen mandaatbesluit. Leg het mandaat vast met het "
                "besluit waarop het berust, en beëindig dit record."
            )
        opgeslagen.bevestigd_door = user
        opgeslagen.bevestigd_op = timezone.now()
        opgeslagen.save(update_fields=["bevestigd_door", "bevestigd_op"])
        _vastleggen(
            opgeslagen.provincie_id,
            user,
            Beheeractie.MANDAAT_BEVESTIGD,
            str(opgeslagen),
            {"bevestigd": {"oud": False, "nieuw": True}},
        )
    return opgeslagen


def mandaat_beeindigen(*, user, mandaat: Mandaat, laatste_dag: date) -> Mandaat:
    """End a mandate after ``laatste_dag`` (yesterday at the earliest: no ending
    in the past, decisions taken under it stay valid); a mandate still waiting
    for confirmation is withdrawn. Narrowing needs no second person."""
    _beheerder_van(user, mandaat.provincie_id)
    if laatste_dag < huidige_datum() - timedelta(days=1):
        raise NietNu(
            "Een mandaat eindigt niet met terugwerkende kracht: kies gisteren of later."
        )
    with transaction.atomic():
        opgeslagen = Mandaat.objects.select_for_update().get(pk=mandaat.pk)
        if opgeslagen.beeindigd_op is not None:
            raise NietNu("Dit mandaat is al beëindigd.")
        oud = opgeslagen.geldig_tot
        if oud is not None and oud <= laatste_dag:
            raise NietNu("Dit mandaat eindigt al eerder.")
        opgeslagen.geldig_tot = laatste_dag
        opgeslagen.beeindigd_op = timezone.now()
        opgeslagen.save(update_fields=["geldig_tot", "beeindigd_op"])
        _vastleggen(
            opgeslagen.provincie_id,
            user,
            Beheeractie.MANDAAT_BEEINDIGD,
            str(opgeslagen),
            {"geldig_tot": {"oud": oud or "", "nieuw": laatste_dag}},
        )
    return opgeslagen
