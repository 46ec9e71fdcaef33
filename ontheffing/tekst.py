"""Text that ends up in a letter's address block or a name.

``schoon`` removes what a reader cannot see but a renderer obeys: bidirectional
controls (U+202E reverses the text after it), zero-width and other invisible
format characters, and control characters other than the line break of an
address block. ``homoglyfwaarschuwing`` tells staff when a name mixes scripts,
such as a Cyrillic 'а' among Latin letters: it looks the same but is not.
"""

from __future__ import annotations

import unicodedata

# Form fields that feed a letter's address block, letterhead or signature, or a name.
NAAM_EN_ADRES = (
    "naam",
    "adres",
    "postcode",
    "woonplaats",
    "wederpartij_naam",
    "via_wie",
    "functie",
    "postadres",
    "bezoekadres",
    "cdk_naam",
    "secretaris_naam",
    "afschrift_aan",
)
# Scripts whose letters look like Latin ones.
GELIJKENDE_SCHRIFTEN = {
    "CYRILLIC": "Cyrillisch",
    "GREEK": "Grieks",
    "ARMENIAN": "Armeens",
    "CHEROKEE": "Cherokee",
    "COPTIC": "Koptisch",
}


def _zichtbaar(teken: str) -> bool:
    if teken == "\n":
        return True
    return unicodedata.category(teken) not in {"Cf", "Cc", "Co", "Cs", "Cn"}


def schoon(waarde):
    """The text without invisible and direction-changing characters (NFC).
    Tabs and other line separators become a space; ``\\r\\n`` becomes ``\\n``."""
    if not isinstance(waarde, str):
        return waarde
    tekst = unicodedata.normalize("NFC", waarde).replace("\r\n", "\n")
    tekst = "".join(
        " " if teken in "\t\r\u2028\u2029\x0b\x0c" else teken for teken in tekst
    )
    return "".join(teken for teken in tekst if _zichtbaar(teken))


def _schrift(teken: str) -> str | None:
    if not teken.isalpha():
        return None
    naam = unicodedata.name(teken, "")
    return naam.split(" ", 1)[0] if naam else None


def homoglyfwaarschuwing(waarde) -> str:
    """A warning for staff, or '' when the letters are of one script."""
    schriften = {s for s in map(_schrift, str(waarde or "")) if s}
    gelijkend = schriften & GELIJKENDE_SCHRIFTEN.keys()
    if len(schriften) > 1 and gelijkend:
        vreemd = ", ".join(sorted(GELIJKENDE_SCHRIFTEN[s] for s in gelijkend))
        return (
            f"Let op: deze naam bevat letters uit een ander schrift ({vreemd}) die "
            "op Latijnse letters lijken. Controleer de naam voordat hij in een brief "
            "komt."
        )
    return ""


def schoon_velden(cleaned: dict, namen) -> dict:
    """``schoon`` applied to those of ``namen`` present in a form's cleaned data."""
    return {naam: schoon(cleaned[naam]) for naam in namen if naam in cleaned}
