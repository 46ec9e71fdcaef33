"""Dutch formatting of dates and amounts, for pages, e-mails and letters."""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAGEN = (
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
)


def datum(d: date | datetime | None, weekdag: bool = False) -> str:
    """'28 november 2026' (or 'zaterdag 28 november 2026')."""
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = d.date()
    tekst = f"{d.day} {MAANDEN[d.month - 1]} {d.year}"
    return f"{WEEKDAGEN[d.weekday()]} {tekst}" if weekdag else tekst


def bedrag(waarde: Decimal | int | float | None) -> str:
    """'€ 12.500,00': thousands with a dot, decimals with a comma."""
    if waarde is None:
        return ""
    waarde = Decimal(str(waarde)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    teken = "-" if waarde < 0 else ""
    euros, centen = f"{abs(waarde):.2f}".split(".")
    groepen = []
    while euros:
        groepen.insert(0, euros[-3:])
        euros = euros[:-3]
    return f"{teken}€ {'.'.join(groepen)},{centen}"


def grootte(aantal_bytes: int | None) -> str:
    """'8,0 kB', '30,0 MB': one Dutch number format for file sizes."""
    if aantal_bytes is None:
        return ""
    if aantal_bytes < 1024:
        return f"{aantal_bytes} bytes"
    for eenheid in ("kB", "MB", "GB"):
        aantal_bytes /= 1024
        if aantal_bytes < 1024 or eenheid == "GB":
            return f"{aantal_bytes:.1f}".replace(".", ",") + f" {eenheid}"
    raise AssertionError("unreachable")


def midden_in_zin(tekst: str) -> str:
    """A label inside a sentence: only its first letter lowered, so a name
    such as 'KvK' keeps its capitals ('(Concept)overeenkomst' becomes
    '(concept)overeenkomst')."""
    for i, teken in enumerate(tekst):
        if teken.isalpha():
            return tekst[:i] + teken.lower() + tekst[i + 1 :]
    return tekst


TUSSENVOEGSELS = {
    "van",
    "de",
    "der",
    "den",
    "ten",
    "ter",
    "te",
    "het",
    "in",
    "'t",
    "op",
    "aan",
    "la",
    "le",
    "du",
    "von",
    "vd",
}


def achternaam(naam: str) -> str:
    """'Jan van der Linden' -> 'van der Linden'; 'Ingrid Smit' -> 'Smit'.

    Without separate name fields this is the usual Dutch reading: the surname
    starts at the first tussenvoegsel after the first name, otherwise it is the
    last word."""
    delen = naam.split()
    if len(delen) < 2:
        return naam.strip()
    for i, deel in enumerate(delen[1:-1], start=1):
        if deel.lower() in TUSSENVOEGSELS:
            return " ".join(delen[i:])
    return delen[-1]
