"""Uploads are judged by their content: what is refused, and why (in Dutch)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ontheffing import uploads
from tests.factories import PDF


def bestand(inhoud: bytes, naam="document.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(naam, inhoud, content_type=content_type)


def zip_met(bestanden: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        for naam, inhoud in bestanden.items():
            archief.writestr(naam, inhoud)
    return buffer.getvalue()


DOCX = zip_met(
    {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}
)
ODT = zip_met(
    {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
DOC = (
    bytes.fromhex("D0CF11E0A1B11AE1")
    + b"\x00" * 64
    + "WordDocument".encode("utf-16-le")
)


@pytest.mark.parametrize(
    ("inhoud", "naam", "verwacht_type", "verwachte_naam"),
    [
        (PDF, "offerte.pdf", "application/pdf", "offerte.pdf"),
        (PDF, "offerte.exe", "application/pdf", "offerte.pdf"),  # the content decides
        (DOCX, "contract.docx", uploads.DOCX, "contract.docx"),
        (ODT, "brief.odt", "application/vnd.oasis.opendocument.text", "brief.odt"),
        (PNG, "foto.png", "image/png", "foto.png"),
        (JPEG, "foto.jpeg", "image/jpeg", "foto.jpg"),
        (DOC, "oud.doc", "application/msword", "oud.doc"),
    ],
)
def test_accepted_kinds(inhoud, naam, verwacht_type, verwachte_naam):
    resultaat = uploads.controleer(bestand(inhoud, naam, "application/octet-stream"))
    assert resultaat.content_type == verwacht_type
    assert resultaat.naam == verwachte_naam
    assert len(resultaat.sha256) == 64


@pytest.mark.parametrize(
    ("inhoud", "naam", "reden"),
    [
        (b"<html><script>alert(1)</script></html>", "offerte.pdf", "niet geaccepteerd"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
            "logo.png",
            "niet geaccepteerd",
        ),
        (b"MZ\x90\x00" + b"\x00" * 64, "offerte.pdf", "niet geaccepteerd"),
        (b"\x7fELF" + b"\x00" * 64, "run.pdf", "niet geaccepteerd"),
        (zip_met({"a.txt": b"x"}), "stukken.zip", "Archiefbestanden"),
        (
            PDF.replace(
                b"/Type/Catalog",
                b"/Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>",
            ),
            "offerte.pdf",
            "JavaScript",
        ),
        (
            PDF.replace(
                b"/Type/Catalog", b"/Type/Catalog/Names<</EmbeddedFiles 3 0 R>>"
            ),
            "offerte.pdf",
            "ingesloten",
        ),
        (
            zip_met(
                {
                    "[Content_Types].xml": b"",
                    "word/document.xml": b"",
                    "word/vbaProject.bin": b"macro",
                }
            ),
            "m.docx",
            "macro",
        ),
        (b"", "leeg.pdf", "leeg"),
    ],
)
def test_refused_kinds_say_why(inhoud, naam, reden):
    with pytest.raises(uploads.OngeldigBestand, match=reden):
        uploads.controleer(bestand(inhoud, naam))


def test_size_limits():
    groot = bestand(PDF + b"0" * (uploads.MAX_BESTAND + 1 - len(PDF)))
    with pytest.raises(uploads.OngeldigBestand, match="maximum is 10 MB"):
        uploads.controleer(groot)
    with pytest.raises(uploads.OngeldigBestand, match="50 MB"):
        uploads.controleer(bestand(PDF), reeds_opgeslagen=uploads.MAX_PER_VERZOEK - 10)


@pytest.mark.parametrize(
    ("naam", "verwacht"),
    [
        ("../../etc/passwd", "passwd.pdf"),
        ("C:\\Users\\jan\\offerte definitief.PDF", "offerte definitief.pdf"),
        ("<script>alert(1)</script>.pdf", "script.pdf"),
        ("<b>rapport.pdf", "b_rapport.pdf"),
        ("\u202egnp.pdf", "gnp.pdf"),
        ("", "document.pdf"),
        ("a" * 300 + ".pdf", "a" * 100 + ".pdf"),
    ],
)
def test_file_names_are_sanitised(naam, verwacht):
    assert uploads.veilige_naam(naam, ".pdf") == verwacht
