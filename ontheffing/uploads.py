"""Checking uploaded documents: by their content, never by name or the browser's word.

Allowed: PDF (parsed; without scripts, embedded files or actions that run by
themselves), Word (.docx) and OpenDocument text/spreadsheet (without macros,
embedded objects, external templates or HTML), PNG and JPEG. The old binary
Word format (.doc) is refused: its embedded objects and macros cannot be
checked reliably. At most 10 MB per file and 50 MB per request; archives are
read with hard limits (see README, "Beveiliging"). The stored name is random;
the original name is kept, sanitised, for display and download.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass

from django.core.files.base import ContentFile

from ontheffing import formatting, pdfcontrole

MAX_BESTAND = 10 * 1024 * 1024
MAX_PER_VERZOEK = 50 * 1024 * 1024
# Office documents are zip archives: limits on what unpacking may cost.
MAX_LEDEN = 1000
MAX_UITGEPAKT = 50 * 1024 * 1024
MAX_VERHOUDING = 100
BLOK = 64 * 1024

TOEGESTAAN_TEKST = "PDF, Word (.docx), OpenDocument (.odt of .ods), PNG of JPEG"

OLE_HANDTEKENING = bytes.fromhex("D0CF11E0A1B11AE1")
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": (
        "application/vnd.oasis.opendocument.text",
        ".odt",
    ),
    b"application/vnd.oasis.opendocument.spreadsheet": (
        "application/vnd.oasis.opendocument.spreadsheet",
        ".ods",
    ),
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

MACRO = "Documenten met macro's worden niet geaccepteerd. Sla het document op zonder macro's, of als PDF."
INGESLOTEN = (
    "Dit document bevat een ingesloten object of programma en wordt om "
    "veiligheidsredenen geweigerd. Sla het op zonder ingesloten objecten, of als PDF."
)
EXTERN = (
    "Dit document verwijst naar een extern sjabloon of bestand en wordt om "
    "veiligheidsredenen geweigerd. Sla het op als gewoon document, of als PDF."
)
HTML = "Dit document bevat HTML en wordt om veiligheidsredenen geweigerd. Sla het op als PDF."
TE_GROOT_UITGEPAKT = (
    "Dit document is uitgepakt veel te groot of bestaat uit te veel delen, en wordt "
    "daarom geweigerd. Sla het opnieuw op, of als PDF."
)
BESCHADIGD = "Dit document is beschadigd en kan niet worden gelezen. Sla het opnieuw op, of als PDF."

# Members whose name or first bytes show an executable, a script or HTML.
GEVAARLIJKE_EXTENSIES = (
    ".exe",
    ".dll",
    ".com",
    ".scr",
    ".bat",
    ".cmd",
    ".msi",
    ".ps1",
    ".vbs",
    ".vbe",
    ".js",
    ".jse",
    ".wsf",
    ".hta",
    ".jar",
    ".lnk",
    ".sh",
    ".ole",
)
HTML_EXTENSIES = (".html", ".htm", ".xhtml", ".mht", ".mhtml", ".svg")
UITVOERBAAR_BEGIN = (b"MZ", b"\x7fELF", OLE_HANDTEKENING, b"#!", b"\xca\xfe\xba\xbe")
OOXML_VERBODEN_MAPPEN = ("word/embeddings/", "word/activex/")
OOXML_EXTERN_TOEGESTAAN = (
    # A hyperlink opens only when the reader clicks it.
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
)
ODF_MACRO_MAPPEN = ("basic/", "scripts/")
ODF_SCRIPT = re.compile(rb"vnd\.sun\.star\.script|script:event-listener|macro:///")
MANIFEST_HTML = re.compile(rb'media-type="(text/html|application/xhtml)')
EXTERNE_RELATIE = re.compile(
    rb"<Relationship\b[^>]*?TargetMode=\"External\"[^>]*>", re.IGNORECASE
)
RELATIETYPE = re.compile(rb'Type="([^"]*)"')


class OngeldigBestand(ValueError):
    """The file is refused; str(exc) says why, in Dutch."""


@dataclass(frozen=True)
class GecontroleerdBestand:
    naam: str
    content_type: str
    grootte: int
    sha256: str
    inhoud: ContentFile


def _lees(archief: zipfile.ZipFile, lid: zipfile.ZipInfo, limiet: int) -> bytes:
    """A member's content, unpacked in blocks: past ``limiet`` it is refused,
    whatever its header claims."""
    stukken, gelezen = [], 0
    with archief.open(lid) as bron:
        while blok := bron.read(BLOK):
            gelezen += len(blok)
            if gelezen > limiet:
                raise OngeldigBestand(TE_GROOT_UITGEPAKT)
            stukken.append(blok)
    return b"".join(stukken)


def _begin(archief: zipfile.ZipFile, lid: zipfile.ZipInfo) -> bytes:
    with archief.open(lid) as bron:
        return bron.read(16)


def _grenzen(archief: zipfile.ZipFile, grootte: int) -> list[zipfile.ZipInfo]:
    leden = archief.infolist()
    if len(leden) > MAX_LEDEN:
        raise OngeldigBestand(TE_GROOT_UITGEPAKT)
    uitgepakt = sum(lid.file_size for lid in leden)
    if uitgepakt > MAX_UITGEPAKT or uitgepakt > MAX_VERHOUDING * max(grootte, 1):
        raise OngeldigBestand(TE_GROOT_UITGEPAKT)
    return leden


def _geen_programma_of_html(archief, leden) -> None:
    for lid in leden:
        naam = lid.filename.lower()
        if naam.endswith(HTML_EXTENSIES):
            raise OngeldigBestand(HTML)
        if naam.endswith(GEVAARLIJKE_EXTENSIES):
            raise OngeldigBestand(INGESLOTEN)
        if lid.is_dir():
            continue
        begin = _begin(archief, lid)
        if begin.startswith(UITVOERBAAR_BEGIN):
            raise OngeldigBestand(INGESLOTEN)
        if begin.lstrip().lower().startswith((b"<html", b"<!doctype html")):
            raise OngeldigBestand(HTML)


def _odf(archief, leden) -> tuple[str, str] | None:
    lid = next((lid for lid in leden if lid.filename == "mimetype"), None)
    soort = ODF_MIMETYPES.get(_lees(archief, lid, 200).strip())
    if soort is None:
        return None
    for lid in leden:
        naam = lid.filename.lower()
        if naam.startswith(ODF_MACRO_MAPPEN):
            raise OngeldigBestand(MACRO)
        if naam.endswith(".xml"):
            inhoud = _lees(archief, lid, MAX_UITGEPAKT)
            if ODF_SCRIPT.search(inhoud):
                raise OngeldigBestand(MACRO)
            if naam == "meta-inf/manifest.xml" and MANIFEST_HTML.search(inhoud):
                raise OngeldigBestand(HTML)
    _geen_programma_of_html(archief, leden)
    return soort


def _ooxml(archief, leden) -> tuple[str, str]:
    for lid in leden:
        naam = lid.filename.lower()
        if "vbaproject" in naam or naam.endswith((".docm", ".dotm")):
            raise OngeldigBestand(MACRO)
        if naam.startswith(OOXML_VERBODEN_MAPPEN):
            raise OngeldigBestand(INGESLOTEN)
        if naam == "[content_types].xml":
            inhoud = _lees(archief, lid, MAX_UITGEPAKT).lower()
            if b"macroenabled" in inhoud or b"vbaproject" in inhoud:
                raise OngeldigBestand(MACRO)
            if b"oleobject" in inhoud or b"activex" in inhoud:
                raise OngeldigBestand(INGESLOTEN)
        if naam.endswith(".rels"):
            for relatie in EXTERNE_RELATIE.findall(_lees(archief, lid, MAX_UITGEPAKT)):
                soort = RELATIETYPE.search(relatie)
                if not soort or soort.group(1).decode() not in OOXML_EXTERN_TOEGESTAAN:
                    raise OngeldigBestand(EXTERN)
    _geen_programma_of_html(archief, leden)
    return DOCX, ".docx"


def _zip_soort(data: bytes) -> tuple[str, str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archief:
            leden = _grenzen(archief, len(data))
            namen = {lid.filename for lid in leden}
            if "mimetype" in namen:
                return _odf(archief, leden)
            if "[Content_Types].xml" in namen and any(
                n.startswith("word/") for n in namen
            ):
                return _ooxml(archief, leden)
    except OngeldigBestand:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error):
        raise OngeldigBestand(BESCHADIGD) from None
    except (NotImplementedError, RuntimeError):
        # An unknown compression method or an encrypted member.
        raise OngeldigBestand(BESCHADIGD) from None
    return None


def herken(data: bytes) -> tuple[str, str]:
    """(content type, extension) judged by content; raises OngeldigBestand."""
    if data.startswith(b"%PDF-"):
        reden = pdfcontrole.bezwaar(data)
        if reden:
            raise OngeldigBestand(reden)
        return "application/pdf", ".pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", ".png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", ".jpg"
    if data.startswith(OLE_HANDTEKENING):
        raise OngeldigBestand(
            "Oude Office-bestanden (zoals .doc) accepteren wij niet, omdat wij ze niet "
            "veilig kunnen controleren. Sla het document op als .docx of als PDF."
        )
    if data.startswith(b"PK\x03\x04"):
        soort = _zip_soort(data)
        if soort:
            return soort
        raise OngeldigBestand(
            f"Archiefbestanden (zoals .zip) worden niet geaccepteerd. Toegestaan: {TOEGESTAAN_TEKST}."
        )
    raise OngeldigBestand(
        f"Dit soort bestand wordt niet geaccepteerd. Toegestaan: {TOEGESTAAN_TEKST}."
    )


def veilige_naam(naam: str, extensie: str) -> str:
    """A display name without path, control characters or odd punctuation,
    ending in the extension that matches the content."""
    naam = unicodedata.normalize("NFKC", naam or "").replace("\\", "/").split("/")[-1]
    stam = naam.rsplit(".", 1)[0] if "." in naam else naam
    stam = "".join(
        c for c in stam if unicodedata.category(c)[0] not in "CZ" or c == " "
    )
    stam = re.sub(r"[^\w\- ().,]", "_", stam).strip(" ._")[:100] or "document"
    return stam + extensie


def controleer(bestand, *, reeds_opgeslagen: int = 0) -> GecontroleerdBestand:
    grootte = bestand.size
    if grootte == 0:
        raise OngeldigBestand("Het bestand is leeg.")
    if grootte > MAX_BESTAND:
        raise OngeldigBestand(
            f"Het bestand is {formatting.grootte(grootte)}; het maximum is 10 MB per "
            "bestand."
        )
    if reeds_opgeslagen + grootte > MAX_PER_VERZOEK:
        raise OngeldigBestand(
            "Samen zijn de documenten groter dan 50 MB, het maximum per verzoek."
        )
    bestand.seek(0)
    data = bestand.read()
    content_type, extensie = herken(data)
    naam = veilige_naam(getattr(bestand, "name", ""), extensie)
    return GecontroleerdBestand(
        naam=naam,
        content_type=content_type,
        grootte=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        inhoud=ContentFile(data, name=naam),
    )
