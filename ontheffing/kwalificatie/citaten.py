"""Citeren: artikelen, leden, onderdelen en organen als Nederlandse tekst.

Bij artikel 20 Wgr heet onderdeel d "c" (regel 6): zie `_letter`.
"""

from __future__ import annotations

from ontheffing.kwalificatie.begrippen import Ambt, BevoegdGezag
from ontheffing.kwalificatie.regimes import GS, REGIMES, Regime


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


# ----------------------------------------------------------- in letters
# What a letter cites per office: the power to exempt, and the rule on
# abstaining. An article is cited with a lid only where it is certain.

_GEMW = "van de Gemeentewet"

# The power clause per office, from the one table of articles (`REGIMES`):
# only the offices on which this province (GS or the CdK) decides.
BEVOEGDHEID: dict[Ambt, str] = {
    ambt: r.bevoegdheid for ambt, r in REGIMES.items() if r.bevoegdheid
}

# Art. 3:43, third paragraph, BW gives the approval for a raadslid or a
# wethouder to GS and for the burgemeester to the CdK; for others it is the
# Crown's ("Onze goedkeuring"), not the province's.
GOEDKEURING_DOOR_PROVINCIE = frozenset(
    {Ambt.RAADSLID, Ambt.WETHOUDER, Ambt.BURGEMEESTER}
)
BW_3_43 = "artikel 3:43, eerste lid, onder c, en derde lid, van het Burgerlijk Wetboek"

# Elected office: an exemption lasts at most the zittingsperiode.
GEKOZEN = frozenset({Ambt.RAADSLID, Ambt.AB_LID_WATERSCHAP})

# The abstention rule that governs the office; elsewhere a plain wording.
ONTHOUDING: dict[Ambt, str] = {Ambt.RAADSLID: f"artikel 28 {_GEMW}"}


def grondslag(ambt: str, onderdeel: str | None, *, middellijk: bool = False) -> str:
    """The prohibition at issue, e.g. 'artikel 15, eerste lid, onder d, 3°, van
    de Gemeentewet, in samenhang met artikel 41c', cited exactly as the
    qualification cites it (`citeer`). Falls back to the article of the office
    when the act is not (yet) qualified, never a hole."""
    regime = REGIMES.get(Ambt(ambt)) if ambt else None
    if regime is None:
        return ""
    letter = onderdeel[0] if onderdeel else None
    nr = int(onderdeel[1:]) if onderdeel and onderdeel[1:].isdigit() else None
    if regime.wgr and letter == "c" and nr:
        letter = "d"  # the stored code is Wgr's own: "c3" is the list under d
    return citeer(regime, letter, nr, middellijk=middellijk and bool(letter))


def onthouding(ambt: str) -> str:
    """The sentence on abstaining, with the article that governs the office."""
    artikel = ONTHOUDING.get(Ambt(ambt)) if ambt else None
    zin = (
        "U neemt niet deel aan de beraadslaging en stemming over onderwerpen die "
        "met deze overeenkomst samenhangen"
    )
    return (
        f"{zin} ({artikel})."
        if artikel
        else f"{zin}, en u onthoudt zich van elke bemoeienis daarmee."
    )


def standaardvoorschriften(ambt: str, *, orgaan: str, ambt_naam: str) -> list[str]:
    """Voorschriften that fit the office: its abstention rule, changes reported
    to the authority that decided, 'zittingsperiode' only for elected office."""
    voorschriften = [
        "Deze ontheffing geldt uitsluitend voor de in dit besluit omschreven "
        "overeenkomst, tussen de daarin genoemde partijen, met het daarin genoemde "
        "onderwerp en de daarin genoemde looptijd.",
        onthouding(ambt),
        "Voor verlenging, uitbreiding of een wezenlijke wijziging van de overeenkomst "
        "is een nieuwe ontheffing nodig.",
        "U meldt wijzigingen in de feiten waarop deze ontheffing berust onverwijld "
        f"aan {orgaan}.",
    ]
    if ambt and Ambt(ambt) in GEKOZEN:
        voorschriften.append(
            "Deze ontheffing geldt ten hoogste voor de lopende zittingsperiode."
        )
    elif ambt_naam:
        voorschriften.append(
            f"Deze ontheffing vervalt zodra u geen {ambt_naam} meer bent."
        )
    return voorschriften
