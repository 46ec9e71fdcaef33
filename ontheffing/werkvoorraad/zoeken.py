"""Which open cases a list shows: filters, search, sorting, counts per step,
paging, and the lists the filters offer."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.core.paginator import Paginator
from django.db.models import Q

from ontheffing.models import Gebruiker, Gemeente, Staptelling, Verzoek
from ontheffing.states import OPEN_STATUSSEN, Rol, Status
from ontheffing.werkvoorraad.regels import rijen

# 20, not 25: with 25 lines the first page cost just over three times a trivial
# logged-in page in `make bench` (the target is at most three).
PER_PAGINA = 20

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
