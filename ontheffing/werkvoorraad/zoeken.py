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

# The sort orders the worklist offers: label, and the ORDER BY.
SORTERINGEN = {
    "termijn": ("Beslistermijn (eerst verlopend)", ("termijn_sleutel", "pk")),
    "-termijn": ("Beslistermijn (laatst verlopend)", ("-termijn_sleutel", "-pk")),
    "ontvangen": ("Ontvangen (oudste eerst)", ("ontvangen_op", "pk")),
    "-ontvangen": ("Ontvangen (nieuwste eerst)", ("-ontvangen_op", "-pk")),
    "kenmerk": ("Kenmerk", ("kenmerk",)),
    "-kenmerk": ("Kenmerk (aflopend)", ("-kenmerk",)),
}

ZOEK_MAX = 100  # characters of a search term

# With a search term or a filter the number of matches is counted up to this
# many, not all of them: "meer dan 1.000" is all a person needs to know to
# narrow the search, and counting 400,000 matches cost more than the page.
TELLING_MAX = 1_000


@dataclass(frozen=True)
class Filters:
    """What the worklist shows; built from the query string by
    ``werkvoorraad.formulier.FilterForm``, which validates it."""

    stap: str = ""
    behandelaar: str = ""  # a pk, or "geen"
    gemeente: str = ""
    mijn: bool = False
    verlopen: bool = False
    opgeschort: bool = False
    zoek: str = ""
    sortering: str = "termijn"


def zoekvoorwaarde(zoek: str) -> Q:
    """Part of the kenmerk, name, subject or counterparty, in any case. On
    PostgreSQL each ``icontains`` reads a trigram index (migration
    0009_snelheid); on SQLite it is a scan."""
    return (
        Q(kenmerk__icontains=zoek)
        | Q(naam__icontains=zoek)
        | Q(onderwerp__icontains=zoek)
        | Q(wederpartij_naam__icontains=zoek)
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
        qs = qs.filter(zoekvoorwaarde(filters.zoek))
    return qs.order_by(*SORTERINGEN[filters.sortering][1])


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


def kenmerk_gevonden(user, zoek: str) -> int | None:
    """The pk of the case the user may see whose kenmerk is ``zoek`` in full
    (typed in any case), or None: a full kenmerk goes straight to the case.
    An equality on the unique kenmerk, so an index lookup."""
    if not zoek:
        return None
    return (
        Verzoek.objects.zichtbaar_voor(user)
        .filter(kenmerk__in={zoek, zoek.upper()})
        .values_list("pk", flat=True)
        .first()
    )


def treffers(qs, maximum: int | None = None) -> tuple[list[int], bool]:
    """(pks, more): the pks of the matches of ``qs`` up to ``maximum``
    (``TELLING_MAX``), in no order; with ``more`` there are more. One query
    with a ``LIMIT``, so it stops at the first ``maximum + 1`` matches."""
    maximum = TELLING_MAX if maximum is None else maximum
    pks = list(qs.order_by().values_list("pk", flat=True)[: maximum + 1])
    return pks[:maximum], len(pks) > maximum


def getelde(qs, maximum: int | None = None) -> tuple[int, bool]:
    """(number, more): the matches of ``qs`` counted up to ``maximum``."""
    pks, meer = treffers(qs, maximum)
    return len(pks), meer


def gevonden(aantal: int, meer: bool) -> str:
    """The sentence above the list: how many cases were found."""
    if meer:
        grens = f"{aantal:_}".replace("_", ".")
        return (
            f"Meer dan {grens} verzoeken gevonden; de eerste {grens} zijn te "
            "bladeren. Verfijn de zoekopdracht of de filters."
        )
    return f"{aantal} verzoek{'' if aantal == 1 else 'en'} gevonden."


class _Paginator(Paginator):
    def __init__(self, *args, aantal=None, **kwargs):
        super().__init__(*args, **kwargs)
        if aantal is not None:
            self.__dict__["count"] = aantal  # already counted: skip COUNT(*)


def pagina(
    qs,
    nummer,
    vandaag: date,
    per_pagina: int | None = None,
    aantal: int | None = None,
    user=None,
    voorstel: bool = False,
):
    """One page of ``rijen`` (``page.rijen``), each with its deadline signal,
    and the sentence saying how many were found (``page.gevonden``). Without
    a known ``aantal`` the matches are counted up to ``TELLING_MAX``; paging
    then reaches the first ``TELLING_MAX``."""
    meer = False
    if aantal is None:
        # The matches themselves, up to the cap, in one query without an
        # order (PostgreSQL reads the trigram indexes, or stops at the cap);
        # then the page is sorted among those only. Sorting all cases by the
        # deadline index and filtering on the way took seconds for a term
        # with a hundred matches in a million.
        pks, meer = treffers(qs)
        aantal = len(pks)
        if not meer:
            qs = qs.filter(pk__in=pks)
    paginator = _Paginator(qs, per_pagina or PER_PAGINA, aantal=aantal)
    page = paginator.get_page(nummer)
    page.rijen = rijen(page.object_list, vandaag, user=user, voorstel=voorstel)
    page.gevonden = gevonden(aantal, meer)
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
