"""The province's worklist: filters, search, sort by deadline, counts per step.

The exact beslistermijn depends on the suspension ledger, a verdaging and the
Algemene termijnenwet, so it is computed in Python (``termijnen``) for the rows
of one page only, from one query for their ``Opschorting`` rows.

Sorting and the "overdue" filter must work over all cases (100,000 rows), so
each case stores its deadline as ``Verzoek.termijn_sleutel`` (indexed with the
province), written by the services whenever the deadline can move. A running
suspension counts up to the end of its hersteltermijn; a case is suspended
exactly when it waits for an aanvulling, so "overdue" is a plain comparison on
the other cases and "suspended" a filter on the step.

A page costs a fixed number of queries: the counts per step, the paginator's
count, the rows (with their people and bodies), their suspensions, and the two
lists for the filters.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import TypedDict

from django.core.paginator import Paginator
from django.db.models import Q

from ontheffing import termijnen
from ontheffing.models import Gebruiker, Gemeente, Opschorting, Staptelling, Verzoek
from ontheffing.states import OPEN_STATUSSEN, Rol, Status

# 20, not 25: with 25 lines the first page cost just over three times a trivial
# logged-in page in `make bench` (the target is at most three).
PER_PAGINA = 20
BINNENKORT_WERKDAGEN = 10
BESLISTERMIJN = timedelta(weeks=8)

SORTERINGEN = {
    "termijn": ("termijn_sleutel", "pk"),
    "-termijn": ("-termijn_sleutel", "-pk"),
    "ontvangen": ("ontvangen_op", "pk"),
    "-ontvangen": ("-ontvangen_op", "-pk"),
    "kenmerk": ("kenmerk",),
    "-kenmerk": ("-kenmerk",),
}


@dataclass(frozen=True)
class Filters:
    stap: str = ""
    behandelaar: str = ""  # a pk, or "geen"
    gemeente: str = ""
    mijn: bool = False
    verlopen: bool = False
    opgeschort: bool = False
    zoek: str = ""
    sortering: str = "termijn"

    @classmethod
    def uit(cls, data) -> Filters:
        """From the query string; anything unknown is ignored rather than refused."""
        stap = data.get("stap", "")
        sortering = data.get("sortering", "termijn")
        behandelaar = data.get("behandelaar", "")
        gemeente = data.get("gemeente", "")
        return cls(
            stap=stap if stap in OPEN_STATUSSEN else "",
            behandelaar=behandelaar
            if behandelaar == "geen" or behandelaar.isdigit()
            else "",
            gemeente=gemeente if gemeente.isdigit() else "",
            mijn=data.get("mijn") == "1",
            verlopen=data.get("verlopen") == "1",
            opgeschort=data.get("opgeschort") == "1",
            zoek=data.get("zoek", "").strip()[:100],
            sortering=sortering if sortering in SORTERINGEN else "termijn",
        )


def gefilterd(user, filters: Filters, vandaag: date):
    """The open cases of the user's province that match, sorted; not yet paged."""
    qs = Verzoek.objects.zichtbaar_voor(user).open()
    if filters.stap:
        qs = qs.filter(status=filters.stap)
    if filters.behandelaar == "geen":
        qs = qs.filter(behandelaar__isnull=True)
    elif filters.behandelaar:
        qs = qs.filter(behandelaar_id=int(filters.behandelaar))
    if filters.gemeente:
        qs = qs.filter(gemeente_id=int(filters.gemeente))
    if filters.mijn:
        qs = qs.filter(behandelaar=user)
    if filters.opgeschort:
        qs = qs.filter(status=Status.AANVULLING_GEVRAAGD)
    if filters.verlopen:
        qs = qs.filter(termijn_sleutel__lt=vandaag).exclude(
            status=Status.AANVULLING_GEVRAAGD
        )
    if filters.zoek:
        z = filters.zoek
        qs = qs.filter(
            Q(kenmerk__icontains=z)
            | Q(naam__icontains=z)
            | Q(onderwerp__icontains=z)
            | Q(wederpartij_naam__icontains=z)
        )
    return qs.order_by(*SORTERINGEN[filters.sortering])


def tellers(user) -> list[tuple[str, str, int]]:
    """(status, label, number) for each open step, in the order of the workflow,
    from the counts the services keep (``Staptelling``), not by counting cases."""
    # The one visibility rule decides (without a query) whether the user may
    # see the province's cases at all.
    if not Verzoek.objects.zichtbaar_voor(user).query.is_empty() and user.provincie_id:
        rijen = Staptelling.objects.filter(provincie_id=user.provincie_id)
        aantallen = dict(rijen.values_list("status", "aantal"))
    else:
        aantallen = {}
    return [(s.value, str(s.label), aantallen.get(s.value, 0)) for s in OPEN_STATUSSEN]


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
    ledger = [termijnen.Opschorting(van=o.van, tot=o.tot) for o in opschortingen]
    einde = termijnen.beslistermijn(ontvangen_op, ledger, verdaging, peildatum=vandaag)
    lopend = next((o for o in opschortingen if o.tot is None), None)
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
)
# Only the list of proposals shows these (one join fewer for the worklist).
VOORSTELVELDEN = ("voorstel_uitkomst", "voorgesteld_door__naam", "bestuursorgaan")


@cache
def _labels(veld: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in Verzoek._meta.get_field(veld).flatchoices}


def oppakbaar(status: str, behandelaar_id: int | None, user) -> bool:
    """Whether a behandelaar may take an open case of their province: not
    one that is already theirs, nor one that waits for a decision."""
    return (
        user.rol == Rol.BEHANDELAAR
        and status != Status.TER_BESLUITVORMING
        and behandelaar_id != user.pk
    )


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
        verdaging = None
        if w["verdaging_nieuwe_datum"] is not None:
            verdaging = termijnen.Verdaging(
                aangekondigd_op=w["verdaging_aangekondigd_op"],
                nieuwe_datum=w["verdaging_nieuwe_datum"],
            )
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
                    verdaging,
                    vandaag,
                ),
                oppakbaar=user is not None
                and oppakbaar(w["status"], w["behandelaar_id"], user),
            )
        )
    return result


def aantal_uit_tellers(filters: Filters, tellers) -> int | None:
    """The number of matching cases, known from the counts per step when no
    filter but the step is set; None otherwise (the paginator then counts)."""
    if replace(filters, stap="", sortering="termijn") != Filters():
        return None
    return sum(
        n for status, _, n in tellers if not filters.stap or status == filters.stap
    )


class _Paginator(Paginator):
    def __init__(self, *args, aantal=None, **kwargs):
        super().__init__(*args, **kwargs)
        if aantal is not None:
            self.__dict__["count"] = aantal  # already counted: skip COUNT(*)


def pagina(
    qs,
    nummer,
    vandaag: date,
    per_pagina: int = PER_PAGINA,
    aantal: int | None = None,
    user=None,
    voorstel: bool = False,
):
    """One page of ``rijen`` (``page.rijen``), each with its deadline signal."""
    paginator = _Paginator(qs, per_pagina, aantal=aantal)
    page = paginator.get_page(nummer)
    page.rijen = rijen(page.object_list, vandaag, user=user, voorstel=voorstel)
    return page


def behandelaars(user) -> list[tuple[int, str]]:
    """(pk, naam) of the province's active behandelaars, for the filter."""
    return list(
        Gebruiker.objects.filter(
            provincie_id=user.provincie_id, rol=Rol.BEHANDELAAR, is_active=True
        )
        .order_by("naam")
        .values_list("pk", "naam")
    )


def gemeenten(user) -> list[tuple[int, str]]:
    """(pk, naam) of the province's gemeenten, for the filter."""
    return list(
        Gemeente.objects.filter(provincie_id=user.provincie_id)
        .order_by("naam")
        .values_list("pk", "naam")
    )


def besluitvorming(user, vandaag: date):
    """The beslisser's list: proposals waiting, oldest deadline first."""
    qs = Verzoek.objects.zichtbaar_voor(user).filter(status=Status.TER_BESLUITVORMING)
    return qs.order_by("termijn_sleutel", "pk")
