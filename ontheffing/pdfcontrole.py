"""What a PDF would do when opened, judged from its parsed objects (pypdf).

Names arrive decoded (``/Java#53cript`` is ``/JavaScript``) and objects inside
compressed object streams are unpacked, so a viewer and this check see the
same file. Every object in the cross-reference table is inspected, reachable
or not. A hyperlink the reader must click (``/URI`` on a link) is allowed; an
action that runs by itself (``/OpenAction``, ``/AA``) is not, whatever it does.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

JAVASCRIPT = "JavaScript"
INGESLOTEN = "ingesloten bestanden"
AUTOMATISCH = "een actie die vanzelf wordt uitgevoerd bij het openen"
PROGRAMMA = "een actie die een programma of ander bestand opent"
VERSTUREN = "een formulier dat gegevens verstuurt of inleest"
XFA = "een XFA-formulier"
MULTIMEDIA = "ingesloten multimedia"

SLEUTELS = {
    "/JS": JAVASCRIPT,
    "/JavaScript": JAVASCRIPT,
    "/EmbeddedFile": INGESLOTEN,
    "/EmbeddedFiles": INGESLOTEN,
    "/EF": INGESLOTEN,
    "/XFA": XFA,
    "/RichMediaContent": MULTIMEDIA,
    "/AA": AUTOMATISCH,
}
ACTIES = {
    "/JavaScript": JAVASCRIPT,
    "/Launch": PROGRAMMA,
    "/GoToR": PROGRAMMA,
    "/GoToE": INGESLOTEN,
    "/SubmitForm": VERSTUREN,
    "/ImportData": VERSTUREN,
    "/Rendition": MULTIMEDIA,
    "/RichMediaExecute": MULTIMEDIA,
    "/Movie": MULTIMEDIA,
    "/Sound": MULTIMEDIA,
}
SOORTEN = {"/EmbeddedFile": INGESLOTEN, "/FileAttachment": INGESLOTEN}
# Inspecting costs time per object: a limit, as for the parts of an archive.
MAX_OBJECTEN = 50_000
ONLEESBAAR = (
    "Deze PDF kan niet worden gelezen en wordt daarom geweigerd. Sla het document "
    "opnieuw op als PDF, bijvoorbeeld met 'Afdrukken als PDF'."
)
TE_VEEL = (
    "Deze PDF bestaat uit te veel onderdelen om te controleren en wordt daarom "
    "geweigerd. Deel het document op, of sla het opnieuw op als PDF."
)
WACHTWOORD = (
    "Deze PDF is met een wachtwoord beveiligd en kan daarom niet worden gecontroleerd. "
    "Sla het document op zonder wachtwoord."
)


def _melding(wat: str) -> str:
    return (
        f"Deze PDF bevat {wat} en wordt om veiligheidsredenen geweigerd. Sla het "
        "document opnieuw op als gewone PDF, bijvoorbeeld met 'Afdrukken als PDF'."
    )


def _objecten(reader: PdfReader):
    yield reader.trailer
    for generatie, nummers in reader.xref.items():
        for nummer in nummers:
            yield IndirectObject(nummer, generatie, reader).get_object()
    for nummer in reader.xref_objStm:
        yield IndirectObject(nummer, 0, reader).get_object()


def _open_actie(waarde) -> str | None:
    """An /OpenAction that is an action (not just a page to show) runs by itself."""
    actie = waarde.get_object() if waarde is not None else None
    if isinstance(actie, DictionaryObject) and actie.get("/S") != "/GoTo":
        return ACTIES.get(actie.get("/S"), AUTOMATISCH)
    return None


def _in_object(obj) -> str | None:
    """The first objection found in one object, without following references
    (every indirect object is inspected on its own)."""
    stapel = [obj]
    while stapel:
        huidig = stapel.pop()
        if isinstance(huidig, DictionaryObject):
            for sleutel, waarde in huidig.items():
                if sleutel in SLEUTELS:
                    return SLEUTELS[sleutel]
                if sleutel == "/OpenAction" and (reden := _open_actie(waarde)):
                    return reden
                if sleutel == "/S" and waarde in ACTIES:
                    return ACTIES[waarde]
                if sleutel in ("/Type", "/Subtype") and waarde in SOORTEN:
                    return SOORTEN[waarde]
                stapel.append(waarde)
        elif isinstance(huidig, ArrayObject):
            stapel.extend(huidig)
    return None


def bezwaar(data: bytes) -> str | None:
    """Why this PDF is refused (Dutch, for the uploader), or None if it is fine."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return WACHTWOORD
        if not isinstance(reader.root_object, DictionaryObject):
            return ONLEESBAAR
        aantal = sum(map(len, reader.xref.values())) + len(reader.xref_objStm)
        if aantal > MAX_OBJECTEN:
            return TE_VEEL
        for obj in _objecten(reader):
            if reden := _in_object(obj):
                return _melding(reden)
    except Exception:  # noqa: BLE001 - any parser failure on hostile input refuses the file
        logging.getLogger(__name__).info("PDF niet leesbaar", exc_info=True)
        return ONLEESBAAR
    return None
