"""The workflow of a case: the guards and every ``@transition``, declared once.

A mixin of ``Verzoek`` (``models/verzoek.py``), so the case's fields and its
moves can each be read on their own. The state field is protected: only these
methods change it, and they change nothing but the case in memory. The use
cases in ``ontheffing.services`` check who may act, call a transition, save,
audit and send mail.
"""

from datetime import date

from django.db import models
from django_fsm import RETURN_VALUE, transition

from ontheffing import kwalificatie as kw
from ontheffing import permissions
from ontheffing.formatting import midden_in_zin
from ontheffing.models.bijlage import Bijlagesoort
from ontheffing.states import OPEN_STATUSSEN, Status, Uitkomst


class Werkstroom:
    """Guards and transitions of ``Verzoek`` (``field="status"``)."""

    # -------------------------------------------------------------- guards
    VERPLICHTE_VELDEN = {
        "naam": "uw naam",
        "adres": "uw adres",
        "postcode": "uw postcode",
        "woonplaats": "uw woonplaats",
        "email": "uw e-mailadres",
        "ambt": "uw ambt",
        "handeling": "de handeling",
        "wederpartij_naam": "de wederpartij",
        "onderwerp": "het onderwerp",
        "omschrijving": "de omschrijving van de overeenkomst",
        "totstandkoming": "hoe de overeenkomst tot stand komt",
    }

    def ontbrekend(self) -> list[tuple[str, str]]:
        """What must be filled in before the request can be submitted, as
        (field, Dutch description); a missing document is ("bijlage", ...)."""
        ontbreekt = [
            (veld, omschrijving)
            for veld, omschrijving in self.VERPLICHTE_VELDEN.items()
            if not getattr(self, veld)
        ]
        if self.lichaam is None:
            ontbreekt.append(("gemeente", "de gemeente, het waterschap of de regeling"))
        if not self.verklaring:
            ontbreekt.append(("verklaring", "de verklaring dat de gegevens juist zijn"))
        for soort in self.ontbrekende_bijlagen():
            ontbreekt.append(
                ("bijlage", "document: " + midden_in_zin(Bijlagesoort(soort).label))
            )
        return ontbreekt

    def ontbrekende_gegevens(self) -> list[str]:
        """The Dutch descriptions of ``ontbrekend``."""
        return [omschrijving for _, omschrijving in self.ontbrekend()]

    def vereiste_bijlagen(self) -> list[str]:
        """Document kinds the facts require (README, "Wat het product doet")."""
        vereist = [Bijlagesoort.OVEREENKOMST]
        if self.relatie and self.relatie != kw.Relatie.RECHTSTREEKS:
            vereist.append(Bijlagesoort.RELATIE)
        if self.namens:
            vereist.append(Bijlagesoort.MACHTIGING)
        return vereist

    def ontbrekende_bijlagen(self) -> list[str]:
        if self.pk is None:
            aanwezig = set()
        elif "bijlagen" in getattr(self, "_prefetched_objects_cache", {}):
            # A page that lists the documents asks this several times: once
            # they are read, no query per question.
            aanwezig = {b.soort for b in self.bijlagen.all()}
        else:
            aanwezig = set(self.bijlagen.values_list("soort", flat=True))
        return [s for s in self.vereiste_bijlagen() if s not in aanwezig]

    def bijlagen_grootte(self) -> int:
        if self.pk is None:
            return 0
        return self.bijlagen.aggregate(t=models.Sum("grootte"))["t"] or 0

    def hersteltermijn_verstreken(self, vandaag: date) -> bool:
        """Awb 4:5: the running hersteltermijn ended before ``vandaag``. Not a
        transition condition (it reads the suspensions); ``permissions.mag``
        asks it with the service's date."""
        lopend = self.lopende_opschorting
        return bool(
            lopend
            and lopend.hersteltermijn_einde
            and lopend.hersteltermijn_einde < vandaag
        )

    # Transition conditions are pure: they read only the case's own fields,
    # never the database or the clock (what needs those is in ``permissions``).
    def heeft_voorstel(self) -> bool:
        return bool(self.voorstel_uitkomst)

    # --------------------------------------------------------- transitions
    @transition(
        field="status",
        source=Status.CONCEPT,
        target=Status.INGEDIEND,
        permission=permissions.aanvrager,
    )
    def indienen(self, *, ontvangen_op: date):
        self.ontvangen_op = ontvangen_op

    @transition(
        field="status",
        source=Status.CONCEPT,
        target=Status.INGEDIEND,
        permission=permissions.behandelaar,
    )
    def registreren(self, *, ontvangen_op: date):
        """A request that came by post or e-mail, registered by a behandelaar
        with its real date of receipt (the decision term runs from it)."""
        self.ontvangen_op = ontvangen_op

    @transition(
        field="status",
        source=Status.INGEDIEND,
        target=Status.KWALIFICATIE,
        permission=permissions.behandelaar,
    )
    def in_behandeling_nemen(self, *, behandelaar):
        if self.behandelaar_id is None:
            self.behandelaar = behandelaar

    @transition(
        field="status",
        source=[Status.INGEDIEND, Status.KWALIFICATIE, Status.TOETSING],
        target=Status.AANVULLING_GEVRAAGD,
        permission=permissions.behandelaar,
    )
    def aanvulling_vragen(self):
        pass

    @transition(
        field="status",
        source=Status.AANVULLING_GEVRAAGD,
        target=Status.INGEDIEND,
        permission=permissions.aanvrager_of_registratie,
    )
    def aanvullen(self):
        pass

    @transition(
        field="status",
        source=Status.AANVULLING_GEVRAAGD,
        target=Status.TER_BESLUITVORMING,
        permission=permissions.behandelaar,
    )
    def buiten_behandeling_voorstellen(self, *, voorgesteld_door, motivering: str):
        self._voorstel(voorgesteld_door, Uitkomst.BUITEN_BEHANDELING, motivering)

    @transition(
        field="status",
        source=[Status.INGEDIEND, Status.KWALIFICATIE],
        target=Status.DOORGEZONDEN,
        permission=permissions.behandelaar,
    )
    def doorzenden(self, *, aan: str):
        self.doorgezonden_aan = aan

    @transition(
        field="status",
        source=Status.KWALIFICATIE,
        target=RETURN_VALUE(Status.TOETSING, Status.TER_BESLUITVORMING),
        permission=permissions.behandelaar,
    )
    def kwalificeren(
        self,
        *,
        feiten: dict,
        berekend: dict,
        bevestigd: dict,
        motivering: str,
        gekwalificeerd_door,
        voorstel_motivering: str = "",
        goedkeuring: str = "",
    ):
        """Store the confirmed qualification. Exemptable goes on to the assessment;
        otherwise the qualification itself is the proposal: "geen ontheffing
        vereist" or a refusal because GS have no power to exempt."""
        self.kwalificatie_feiten = feiten
        self.kwalificatie_berekend = berekend
        self.voorbereider_toevoegen(gekwalificeerd_door)
        self.kwalificatie = bevestigd
        self.kwalificatie_motivering = motivering
        uitkomst = bevestigd["uitkomst"]
        if uitkomst == kw.Uitkomst.VERBODEN_ONTHEFFBAAR:
            return Status.TOETSING
        voorstel = (
            Uitkomst.GEEN_ONTHEFFING_VEREIST
            if uitkomst == kw.Uitkomst.NIET_VERBODEN
            else Uitkomst.GEWEIGERD
        )
        self._voorstel(
            gekwalificeerd_door,
            voorstel,
            voorstel_motivering or motivering,
            goedkeuring=goedkeuring,
        )
        return Status.TER_BESLUITVORMING

    @transition(
        field="status",
        source=Status.TOETSING,
        target=Status.ZIENSWIJZE_GEVRAAGD,
        permission=permissions.behandelaar,
    )
    def zienswijze_vragen(self, *, van: str, uiterlijk: date):
        self.zienswijze_van = van
        self.zienswijze_uiterlijk = uiterlijk

    @transition(
        field="status",
        source=Status.ZIENSWIJZE_GEVRAAGD,
        target=Status.TOETSING,
        permission=permissions.behandelaar,
    )
    def zienswijze_verwerken(self):
        pass

    @transition(
        field="status",
        source=Status.TOETSING,
        target=Status.KWALIFICATIE,
        permission=permissions.behandelaar,
    )
    def terug_naar_kwalificatie(self):
        """The assessment shows the qualification must be looked at again;
        the judgements of the criteria are kept."""

    @transition(
        field="status",
        source=Status.TOETSING,
        target=Status.TER_BESLUITVORMING,
        permission=permissions.behandelaar,
    )
    def geen_ontheffing_voorstellen(
        self, *, voorgesteld_door, motivering: str, goedkeuring: str = ""
    ):
        """The assessment shows the act is not prohibited after all: the
        qualification becomes "niet verboden" (its ground kept, so the letter
        names the prohibition it does not fall under) and that is the proposal.
        The earlier reasoning of the qualification no longer holds; it stays in
        the audit trail, and the letter gives this motivation."""
        self.kwalificatie = {
            **(self.kwalificatie or {}),
            "uitkomst": kw.Uitkomst.NIET_VERBODEN.value,
        }
        self.kwalificatie_motivering = ""
        self._voorstel(
            voorgesteld_door,
            Uitkomst.GEEN_ONTHEFFING_VEREIST,
            motivering,
            goedkeuring=goedkeuring,
        )

    @transition(
        field="status",
        source=Status.TOETSING,
        target=Status.TER_BESLUITVORMING,
        permission=permissions.behandelaar,
    )
    def voorstellen(
        self,
        *,
        voorgesteld_door,
        uitkomst: str,
        motivering: str,
        voorschriften: list[str],
        **dictum,
    ):
        """``dictum``: goedkeuring, onderdelen, zienswijze, teksten (_voorstel)."""
        self._voorstel(voorgesteld_door, uitkomst, motivering, voorschriften, **dictum)

    @transition(
        field="status",
        source=Status.TER_BESLUITVORMING,
        target=RETURN_VALUE(
            Status.AANVULLING_GEVRAAGD, Status.KWALIFICATIE, Status.TOETSING
        ),
        conditions=[heeft_voorstel],
        permission=permissions.beslisser,
    )
    def terugsturen(self):
        """Back to the step the proposal came from; the proposal is kept as history
        in the audit trail and cleared on the case."""
        terug = self.voorstel_van_status or Status.TOETSING
        self.voorstel_uitkomst = ""
        self.voorstel_van_status = ""
        self.voorgesteld_door = None
        return terug

    @transition(
        field="status",
        source=Status.TER_BESLUITVORMING,
        target=Status.AFGEHANDELD,
        conditions=[heeft_voorstel],
        permission=permissions.beslisser,
    )
    def vaststellen(self, *, op: date):
        self.uitkomst = self.voorstel_uitkomst
        self.afgehandeld_op = op

    @transition(
        field="status",
        source=list(OPEN_STATUSSEN),
        target=Status.INGETROKKEN,
        permission=permissions.aanvrager_of_registratie,
    )
    def intrekken(self):
        pass

    def voorbereider_toevoegen(self, gebruiker) -> bool:
        """Record that ``gebruiker`` prepared this decision (four eyes); in
        memory only. True when they were not recorded yet."""
        if gebruiker is None or gebruiker.pk in self.voorbereiders:
            return False
        self.voorbereiders = [*self.voorbereiders, gebruiker.pk]
        return True

    def _voorstel(
        self,
        door,
        uitkomst,
        motivering,
        voorschriften=(),
        *,
        goedkeuring: str = "",
        onderdelen=(),
        zienswijze: str = "",
        teksten=None,
    ):
        self.voorstel_van_status = self.status
        self.voorgesteld_door = door
        self.voorbereider_toevoegen(door)
        self.voorstel_uitkomst = uitkomst
        self.voorstel_motivering = motivering
        self.voorstel_voorschriften = list(voorschriften)
        self.voorstel_bw_3_43 = bool(goedkeuring)
        self.voorstel_goedkeuring = goedkeuring
        self.voorstel_onderdelen = list(onderdelen)
        self.voorstel_zienswijze = zienswijze
        self.voorstel_teksten = dict(teksten or {})
