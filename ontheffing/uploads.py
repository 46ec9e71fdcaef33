"""Checking uploaded documents: by their content, never by name or the browser's word.

Allowed: PDF (without JavaScript or embedded files), Word (.docx and the old
.doc), OpenDocument text/spreadsheet, PNG and JPEG. At most 10 MB per file and
50 MB per request. The stored name is random; the original name is kept,
sanitised, for display and download.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.core.files.base import ContentFile

MAX_BESTAND = 10 * 1024 * 1024
MAX_PER_VERZOEK = 50 * 1024 * 1024

TOEGESTAAN_TEKST = "PDF, Word (.docx of .doc), OpenDocument (.odt of .ods), PNG of JPEG"

OLE_HANDTEKENING = bytes.fromhex("D0CF11E0A1B11AE1")
PDF_GEVAARLIJK = re.compile(
    rb"/(JavaScript|JS|EmbeddedFile|EmbeddedFiles|Launch|RichMedia|XFA)\b"
)
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


class OngeldigBestand(ValueError):
    """The file is refused; str(exc) says why, in Dutch."""


@dataclass(frozen=True)
class GecontroleerdBestand:
    naam: str
    content_type: str
    grootte: int
    sha256: str
    inhoud: ContentFile


def _zip_soort(data: bytes) -> tuple[str, str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archief:
            namen = set(archief.namelist())
            if "mimetype" in namen:
                return ODF_MIMETYPES.get(archief.read("mimetype").strip())
            if "[Content_Types].xml" in namen and any(
                n.startswith("word/") for n in namen
            ):
                if any(
                    n.lower().endswith(".bin") and "vbaproject" in n.lower()
                    for n in namen
                ):
                    raise OngeldigBestand(
                        "Word-documenten met macro's worden niet geaccepteerd."
                    )
                return DOCX, ".docx"
    except zipfile.BadZipFile:
        return None
    return None


def herken(data: bytes) -> tuple[str, str]:
    """(content type, extension) judged by content; raises OngeldigBestand."""
    if data.startswith(b"%PDF-"):
        if PDF_GEVAARLIJK.search(data):
            raise OngeldigBestand(
                "Deze PDF bevat JavaScript, ingesloten bestanden of acties en wordt om "
                "veiligheidsredenen geweigerd. Sla het document opnieuw op als gewone PDF."
            )
        return "application/pdf", ".pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", ".png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", ".jpg"
    if data.startswith(OLE_HANDTEKENING):
        if b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t" not in data:
            raise OngeldigBestand(
                "Van de oude Office-formaten accepteren wij alleen Word (.doc)."
            )
        if (
            b"_\x00V\x00B\x00A\x00_\x00P\x00R\x00O\x00J\x00E\x00C\x00T" in data
            or b"Macros" in data
        ):
            raise OngeldigBestand(
                "Word-documenten met macro's worden niet geaccepteerd."
            )
        return "application/msword", ".doc"
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
            f"Het bestand is {grootte / 1_048_576:.1f} MB; het maximum is 10 MB per bestand."
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
