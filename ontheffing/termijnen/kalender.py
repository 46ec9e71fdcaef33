"""Dates in Dutch, the feestdagen and the Algemene termijnenwet (art. 1-4), and
the short terms built on them: hersteltermijn, bezwaartermijn, buiten behandeling."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

EERSTE_JAAR = 1900
LAATSTE_JAAR = 2200
DAG = timedelta(days=1)


def _vandaag() -> date:
    return datetime.now(ZoneInfo("Europe/Amsterdam")).date()


def _pasen(jaar: int) -> date:
    """Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekdag = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekdag) // 451
    maand, dag = divmod(h + weekdag - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


@cache
def _feestdagen(jaar: int) -> dict[date, str]:
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise ValueError(f"Feestdagen alleen voor {EERSTE_JAAR}-{LAATSTE_JAAR}: {jaar}")
    pasen = _pasen(jaar)
    koningsdag = date(jaar, 4, 27)
    if koningsdag.weekday() == 6:
        koningsdag = date(jaar, 4, 26)
    dagen: dict[date, str] = {}
    for dag, naam in (
        (date(jaar, 1, 1), "Nieuwjaarsdag"),
        (pasen - 2 * DAG, "Goede Vrijdag"),
        (pasen + DAG, "Tweede Paasdag"),
        (koningsdag, "Koningsdag"),
        (date(jaar, 5, 5), "Bevrijdingsdag"),
        (pasen + 39 * DAG, "Hemelvaartsdag"),
        (pasen + 50 * DAG, "Tweede Pinksterdag"),
        (date(jaar, 12, 25), "Eerste Kerstdag"),
        (date(jaar, 12, 26), "Tweede Kerstdag"),
    ):
        dagen[dag] = f"{dagen[dag]} en {naam}" if dag in dagen else naam
    return dagen


def atw_feestdagen(jaar: int) -> dict[date, str]:
    """The algemeen erkende feestdagen of Atw art. 3 in ``jaar`` (1900-2200).

    The current statute for every year: Koningsdag is 27 April, or 26 April when
    the 27th is a Sunday; 5 May counts every year. When two coincide (Bevrijdingsdag
    and Hemelvaartsdag in 2016) the date carries both names, joined by "en".
    """
    return dict(_feestdagen(jaar))


def is_werkdag(d: date) -> bool:
    """Not a Saturday, Sunday or algemeen erkende feestdag (Atw art. 1 and 3).

    Raises ValueError outside 1900-2200, like ``atw_feestdagen``.
    """
    return d.weekday() < 5 and d not in _feestdagen(d.year)


def atw_verlengen(einde: date) -> date:
    """Atw art. 1: a term ending on a non-werkdag runs to the next werkdag."""
    while not is_werkdag(einde):
        einde += DAG
    return einde


def werkdagen_tot(van: date, tot: date) -> int:
    """The werkdagen after ``van`` up to and including ``tot`` (0 if tot <= van)."""
    return sum(is_werkdag(van + n * DAG) for n in range(1, (tot - van).days + 1))


def werkdag_voor(d: date, n: int) -> date:
    """The date ``n`` werkdagen before ``d`` (for reminders; ``d`` itself for 0)."""
    if n < 0:
        raise ValueError(f"Aantal werkdagen kan niet negatief zijn: {n}")
    while n:
        d -= DAG
        n -= is_werkdag(d)
    return d


def hersteltermijn_einde(verzonden: date, weken: int = 2) -> date:
    """The end of a hersteltermijn (Awb 4:5) set on ``verzonden``, ``weken`` later.

    Awb 4:5 leaves the length to the authority; two weeks and applying Atw art. 1
    to it are conventions of this product.
    """
    return atw_verlengen(verzonden + timedelta(weeks=weken))


def bezwaartermijn_einde(bekendgemaakt: date) -> date:
    """Awb 6:7 and 6:8: six weeks from the day after sending, then Atw art. 1."""
    return atw_verlengen(bekendgemaakt + timedelta(weeks=6))


def buiten_behandeling_uiterlijk(hersteld_of_verstreken: date) -> date:
    """Awb 4:5, fourth paragraph: notify within four weeks, then Atw art. 1."""
    return atw_verlengen(hersteld_of_verstreken + timedelta(weeks=4))
