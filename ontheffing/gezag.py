"""Who decides: the behandelaar may set another competent authority than the
qualification found only with a written motivation, and never so that
Gedeputeerde Staten decide what the law gives to another organ: the
Commissaris van de Koning for a burgemeester (artikel 69 Gemeentewet), the
Minister of BZK, or another province (then the request is forwarded, Awb 2:3).
Pure: the service and the qualification form both ask it."""

from __future__ import annotations

from ontheffing.kwalificatie import BevoegdGezag

EIGEN_ORGANEN = (
    BevoegdGezag.GEDEPUTEERDE_STATEN,
    BevoegdGezag.COMMISSARIS_VAN_DE_KONING,
)
ANDER_ORGAAN = {
    BevoegdGezag.COMMISSARIS_VAN_DE_KONING: (
        "de Commissaris van de Koning (artikel 69 Gemeentewet)"
    ),
    BevoegdGezag.MINISTER_BZK: (
        "de minister van Binnenlandse Zaken en Koninkrijksrelaties"
    ),
    BevoegdGezag.ANDERE_PROVINCIE: "een andere provincie",
}


def bezwaar_tegen_gezag(
    engine: str | None, gekozen: str | None, motivering: str
) -> str | None:
    """Why the authority ``gekozen`` cannot be recorded where the qualification
    found ``engine``; None when it can. Empty ``gekozen`` keeps the engine's."""
    gekozen = gekozen or engine
    if not gekozen or gekozen == BevoegdGezag.GEEN:
        return None
    if gekozen in (BevoegdGezag.MINISTER_BZK, BevoegdGezag.ANDERE_PROVINCIE):
        return "Deze provincie is niet bevoegd: zend het verzoek door."
    if gekozen not in EIGEN_ORGANEN:
        return "Kies het bevoegd gezag en motiveer die keuze."
    if gekozen == engine:
        return None
    if gekozen == BevoegdGezag.GEDEPUTEERDE_STATEN and engine in ANDER_ORGAAN:
        return (
            f"De wet legt dit besluit bij {ANDER_ORGAAN[BevoegdGezag(engine)]}; "
            "Gedeputeerde Staten kunnen het niet nemen."
        )
    if not motivering.strip():
        return (
            "Motiveer waarom u een ander bevoegd gezag vastlegt dan de "
            "kwalificatiehulp vond."
        )
    return None
