"""Citeren: artikelen, leden, onderdelen en organen als Nederlandse tekst.

Bij artikel 20 Wgr heet onderdeel d "c" (regel 6): zie `_letter`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ontheffing.kwalificatie.begrippen import BevoegdGezag
from ontheffing.kwalificatie.lijst import _LIJST
from ontheffing.kwalificatie.regimes import _GS, _Regime

if TYPE_CHECKING:
    from ontheffing.kwalificatie.redenering import _Redenering


def _beslist(gezag: BevoegdGezag) -> str:
    return "beslissen" if gezag is _GS else "beslist"


def _orgaan(gezag: BevoegdGezag, provincie: str) -> str:
    if gezag is _GS:
        return f"Gedeputeerde Staten van {provincie}"
    return f"de Commissaris van de Koning in {provincie}"


def _citeer(
    r: _Regime,
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


def _citeer_zin(red: _Redenering, letter: str, nr: int | None) -> str:
    kort = _citeer(red.regime, letter, nr).split(", in samenhang met")[0]
    return f"Dit valt onder {kort}: {_omschrijving(red)}."


def _omschrijving(red: _Redenering) -> str:
    return _LIJST[red.feiten.handeling][2].format(l=red.regime.lichaam)


def _letter(r: _Regime, letter: str) -> str:
    return "c" if r.wgr and letter == "d" else letter


def _code(r: _Regime, letter: str, nr: int | None) -> str:
    return _letter(r, letter) + (str(nr) if nr else "")


def _ond(r: _Regime, letter: str, nr: int | None = None) -> str:
    return f"onderdeel {_letter(r, letter)}" + (f", {nr}°" if nr else "")


def _ontheffbaar_onderdeel(onderdeel: str | None, *, wgr: bool) -> bool:
    return (
        bool(onderdeel) and onderdeel[0] == ("c" if wgr else "d") and len(onderdeel) > 1
    )


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _klein(tekst: str) -> str:
    """'De minister' -> 'de minister'; 'Gedeputeerde Staten' blijft staan."""
    return tekst[:1].lower() + tekst[1:] if tekst.startswith(("De ", "Een ")) else tekst
