"""Citeren: artikelen, leden, onderdelen en organen als Nederlandse tekst.

Bij artikel 20 Wgr heet onderdeel d "c" (regel 6): zie `_letter`.
"""

from __future__ import annotations

from ontheffing.kwalificatie.begrippen import BevoegdGezag
from ontheffing.kwalificatie.regimes import GS, Regime


def werkwoord_beslissen(gezag: BevoegdGezag) -> str:
    return "beslissen" if gezag is GS else "beslist"


def orgaan_in_provincie(gezag: BevoegdGezag, provincie: str) -> str:
    if gezag is GS:
        return f"Gedeputeerde Staten van {provincie}"
    return f"de Commissaris van de Koning in {provincie}"


def citeer(
    r: Regime,
    letter: str | None = None,
    nr: int | None = None,
    middellijk: bool = False,
) -> str:
    """Bijv. 'artikel 15, eerste lid, onder d, 3°, van de Gemeentewet, in samenhang
    met artikel 41c, eerste lid (middellijk)'."""
    delen = [f"artikel {r.artikel}"]
    if r.lid:
        delen.append(r.lid)
    if letter:
        delen.append(f"onder {_letter(r, letter)}")
    if nr:
        delen.append(f"{nr}°")
    tekst = ", ".join(delen) + ("," if len(delen) > 1 else "") + f" van de {r.wet}"
    if r.schakel:
        tekst += f", in samenhang met {r.schakel}"
    return tekst + (" (middellijk)" if middellijk else "")


def _letter(r: Regime, letter: str) -> str:
    return "c" if r.wgr and letter == "d" else letter


def onderdeel_code(r: Regime, letter: str, nr: int | None) -> str:
    return _letter(r, letter) + (str(nr) if nr else "")


def onderdeel_tekst(r: Regime, letter: str, nr: int | None = None) -> str:
    return f"onderdeel {_letter(r, letter)}" + (f", {nr}°" if nr else "")


def ontheffbaar_onderdeel(onderdeel: str | None, *, wgr: bool) -> bool:
    return (
        bool(onderdeel) and onderdeel[0] == ("c" if wgr else "d") and len(onderdeel) > 1
    )


def hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def kleine_beginletter(tekst: str) -> str:
    """'De minister' -> 'de minister'; 'Gedeputeerde Staten' blijft staan."""
    return tekst[:1].lower() + tekst[1:] if tekst.startswith(("De ", "Een ")) else tekst
