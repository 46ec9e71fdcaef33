"""Two other views of the worklist: the deadlines of the coming weeks, by
week, and the list as CSV with the filters of the page.

Both read the cases through ``gefilterd`` (so through
``Verzoek.objects.zichtbaar_voor``): the same cases the worklist shows, and
their lines through ``rijen`` (projections, the exact deadline from
``termijnen``)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ontheffing import termijnen
from ontheffing.states import Status
from ontheffing.werkvoorraad.regels import Rij, rijen
from ontheffing.werkvoorraad.zoeken import Filters, gefilterd

WEKEN = 6  # how far ahead the list of deadlines looks
TERMIJNEN_MAX = 500  # lines on that page; beyond, the worklist's filters narrow it
CSV_BLOK = 500  # lines read per query while streaming


@dataclass
class Week:
    titel: str
    rijen: list[Rij] = field(default_factory=list)


def _weektitel(maandag: date) -> str:
    zondag = maandag + timedelta(days=6)
    week = maandag.isocalendar().week
    return (
        f"Week {week}: {termijnen.datum_nl(maandag)} tot en met "
        f"{termijnen.datum_nl(zondag)}"
    )


def termijnen_per_week(user, filters: Filters, vandaag: date, weken: int = WEKEN):
    """(weeks, more): the open cases whose beslistermijn ends before the end
    of the ``weken``-th week from now, overdue first ("Verstreken"), then one
    ``Week`` per calendar week with its cases, earliest deadline first. A case
    waiting for an aanvulling has no running deadline and is left out."""
    maandag = vandaag - timedelta(days=vandaag.weekday())
    grens = maandag + timedelta(weeks=weken) - timedelta(days=1)
    qs = (
        gefilterd(user, replace(filters, sortering="termijn"), vandaag)
        .exclude(status=Status.AANVULLING_GEVRAAGD)
        .filter(termijn_sleutel__lte=grens)
    )
    lijst = rijen(qs[: TERMIJNEN_MAX + 1], vandaag, user=user)
    meer = len(lijst) > TERMIJNEN_MAX
    verstreken = Week("Verstreken")
    per_week = {
        maandag + timedelta(weeks=n): Week(_weektitel(maandag + timedelta(weeks=n)))
        for n in range(weken)
    }
    for rij in lijst[:TERMIJNEN_MAX]:
        einde = rij["signaal"].einde
        if einde is None or einde > grens:
            continue
        if einde < vandaag:
            verstreken.rijen.append(rij)
        else:
            per_week[einde - timedelta(days=einde.weekday())].rijen.append(rij)
    weken_ = ([verstreken] if verstreken.rijen else []) + list(per_week.values())
    return weken_, meer


KOLOMMEN = (
    ("Kenmerk", lambda r: r["kenmerk"]),
    ("Aanvrager", lambda r: r["naam"]),
    ("Onderwerp", lambda r: r["onderwerp"]),
    ("Ambt", lambda r: r["ambt"]),
    ("Lichaam", lambda r: r["lichaam"]),
    ("Stap", lambda r: r["stap"]),
    ("Behandelaar", lambda r: r["behandelaar"]),
    ("Ontvangen", lambda r: _datum(r["ontvangen_op"])),
    ("Beslistermijn", lambda r: _datum(r["signaal"].einde)),
    ("Termijn", lambda r: r["signaal"].tekst),
    ("Melding", lambda r: r["melding"]),
)


def _datum(d: date | None) -> str:
    return d.isoformat() if d else ""


def _cel(waarde: str) -> str:
    """A spreadsheet runs a cell that starts with = + - @ (or a tab or return)
    as a formula; such a cell is prefixed with an apostrophe."""
    waarde = str(waarde)
    if waarde and waarde[0] in "=+-@\t\r":
        return "'" + waarde
    return waarde


class _Regel:
    """A file-like object whose ``write`` returns the line (for csv.writer)."""

    def write(self, tekst):
        return tekst


def csv_regels(user, filters: Filters, vandaag: date):
    """The worklist with ``filters`` as CSV lines, streamed: a header, then
    every matching case (not only one page) in the page's order, read
    ``CSV_BLOK`` at a time. Semicolons and a byte order mark, so a Dutch
    spreadsheet opens it as columns with the accents intact; dates ISO 8601."""
    schrijver = csv.writer(_Regel(), delimiter=";")
    yield "\ufeff" + schrijver.writerow([naam for naam, _ in KOLOMMEN])
    qs = gefilterd(user, filters, vandaag)
    begin = 0
    while True:
        blok = rijen(qs[begin : begin + CSV_BLOK], vandaag, user=user)
        for rij in blok:
            yield schrijver.writerow([_cel(waarde(rij)) for _, waarde in KOLOMMEN])
        if len(blok) < CSV_BLOK:
            return
        begin += CSV_BLOK
