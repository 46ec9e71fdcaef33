"""The lines of a list of cases and their deadline signal, in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TypedDict

from ontheffing import termijnen
from ontheffing.models import Opschorting, Verzoek
from ontheffing.permissions import oppakbaar  # the rule lives there
from ontheffing.werkvoorraad import meldingen

BINNENKORT_WERKDAGEN = 10


@dataclass(frozen=True)
class Termijnsignaal:
    einde: date | None
    tekst: str
    soort: str  # "verlopen", "binnenkort", "opgeschort" or ""
    werkdagen: int | None


def signaal(verzoek, vandaag: date) -> Termijnsignaal:
    """What the worklist says about a case's deadline, in words (not only colour)."""
    return termijnsignaal(
        verzoek.ontvangen_op,
        list(verzoek.opschortingen.all()),
        verzoek.verdaging,
        vandaag,
    )


def termijnsignaal(
    ontvangen_op: date | None,
    opschortingen,
    verdaging: termijnen.Verdaging | None,
    vandaag: date,
) -> Termijnsignaal:
    """The signal from the facts the deadline depends on; ``opschortingen`` are
    rows with ``van``, ``tot`` and ``hersteltermijn_einde`` (models or tuples)."""
    if ontvangen_op is None:
        return Termijnsignaal(None, "", "", None)
    grootboek = termijnen.grootboek(opschortingen)
    einde = termijnen.beslistermijn(
        ontvangen_op, grootboek, verdaging, peildatum=vandaag
    )
    lopend = termijnen.lopende(opschortingen)
    if lopend is not None:
        tot = lopend.hersteltermijn_einde
        tekst = f"Opgeschort tot {termijnen.datum_nl(tot)}" if tot else "Opgeschort"
        return Termijnsignaal(einde, tekst, "opgeschort", None)
    if einde < vandaag:
        return Termijnsignaal(einde, "Termijn verstreken", "verlopen", 0)
    dagen = termijnen.werkdagen_tot(vandaag, einde)
    woord = "werkdag" if dagen == 1 else "werkdagen"
    tekst = "Laatste dag: vandaag" if einde == vandaag else f"Nog {dagen} {woord}"
    soort = "binnenkort" if dagen <= BINNENKORT_WERKDAGEN else ""
    return Termijnsignaal(einde, tekst, soort, dagen)


class Rij(TypedDict):
    """One line of a list of cases: only what the lists show.

    Read with ``values()`` rather than as ``Verzoek`` objects: a case has some
    seventy columns and a state machine, a line needs a dozen facts, and building
    a page of whole cases (with five related objects each) was a third of its
    time. A dict, because a key is the first thing the template engine tries.
    """

    pk: int
    kenmerk: str
    naam: str
    onderwerp: str
    ambt: str  # the label
    lichaam: str
    status: str
    stap: str  # the label of the status
    behandelaar_id: int | None
    behandelaar: str
    ontvangen_op: date | None
    voorstel: str  # the label of the proposed outcome, if any
    voorgesteld_door: str
    bestuursorgaan: str  # the label
    signaal: Termijnsignaal
    melding: str  # the label of a hand-off not yet seen (``meldingen``), or ""
    oppakbaar: bool  # the behandelaar who reads the list may take it


RIJVELDEN = (
    "pk",
    "kenmerk",
    "naam",
    "onderwerp",
    "ambt",
    "status",
    "behandelaar_id",
    "behandelaar__naam",
    "gemeente__naam",
    "waterschap__naam",
    "regeling__naam",
    "ontvangen_op",
    "verdaging_aangekondigd_op",
    "verdaging_nieuwe_datum",
    "melding",
)
# Only the list of proposals shows these (one join fewer for the worklist).
VOORSTELVELDEN = ("voorstel_uitkomst", "voorgesteld_door__naam", "bestuursorgaan")


@cache
def _labels(veld: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in Verzoek._meta.get_field(veld).flatchoices}


def rijen(qs, vandaag: date, *, user=None, voorstel: bool = False) -> list[Rij]:
    """The lines for the cases of ``qs`` (already sliced to one page): two
    queries, whatever the page holds. With ``voorstel`` the proposal's facts
    are read too; without, they are empty. ``oppakbaar`` is for ``user``."""
    velden = RIJVELDEN + VOORSTELVELDEN if voorstel else RIJVELDEN
    waarden = list(qs.values(*velden))
    opschortingen: dict[int, list] = {}
    for o in (
        Opschorting.objects.filter(verzoek_id__in=[w["pk"] for w in waarden])
        .order_by("van")
        .values_list("verzoek_id", "van", "tot", "hersteltermijn_einde", named=True)
    ):
        opschortingen.setdefault(o.verzoek_id, []).append(o)
    ambten, statussen = _labels("ambt"), _labels("status")
    uitkomsten, organen = _labels("voorstel_uitkomst"), _labels("bestuursorgaan")
    result = []
    for w in waarden:
        result.append(
            Rij(
                pk=w["pk"],
                kenmerk=w["kenmerk"],
                naam=w["naam"],
                onderwerp=w["onderwerp"],
                ambt=ambten.get(w["ambt"], ""),
                lichaam=w["gemeente__naam"]
                or w["waterschap__naam"]
                or w["regeling__naam"]
                or "",
                status=w["status"],
                stap=statussen.get(w["status"], w["status"]),
                behandelaar_id=w["behandelaar_id"],
                behandelaar=w["behandelaar__naam"] or "",
                ontvangen_op=w["ontvangen_op"],
                voorstel=uitkomsten.get(w.get("voorstel_uitkomst"), ""),
                voorgesteld_door=w.get("voorgesteld_door__naam") or "",
                bestuursorgaan=organen.get(w.get("bestuursorgaan"), ""),
                signaal=termijnsignaal(
                    w["ontvangen_op"],
                    opschortingen.get(w["pk"], []),
                    termijnen.verdaging_uit(
                        w["verdaging_aangekondigd_op"], w["verdaging_nieuwe_datum"]
                    ),
                    vandaag,
                ),
                melding=meldingen.label(w["melding"]),
                oppakbaar=user is not None
                and oppakbaar(w["status"], w["behandelaar_id"], user),
            )
        )
    return result
