"""Benchmarks (`make bench`): prints a table; no timed tests anywhere else.

Each figure is a ratio to a baseline measured in the same run on the same
machine, so the numbers travel between machines:

- worklist with 1,000 / 10,000 / 100,000 cases (bulk-created): median server time
  of the first page / a trivial logged-in view ('Mijn gegevens'), and the query count;
- the applicant's and the staff case page with 50 events and 20 documents;
- the warm render of a two-page letter / its bare-text floor (the same words as
  plain paragraphs, without the stylesheet), and the PDF size.

Runs against a throw-away SQLite database (or BENCH_DATABASE_URL).
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from html import escape

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontheffing.settings")
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 60)
os.environ.setdefault("AUDIT_SLEUTEL", "bench-" + "k" * 40)  # production requires one
os.environ["SECURE_SSL_REDIRECT"] = "0"
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ["EMAIL_URL"] = "locmem://"
os.environ["TESTING"] = "1"
os.environ["AXES_ENABLED"] = "0"
_tmp = tempfile.mkdtemp(prefix="ontheffing-bench-")
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3"
)
os.environ["MEDIA_ROOT"] = _tmp

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from ontheffing.models import (  # noqa: E402
    Bijlage,
    Gebeurtenis,
    Gebruiker,
    Gemeente,
    Opschorting,
    Provincie,
    Staptelling,
    Verzoek,
)
from ontheffing.states import OPEN_STATUSSEN, Actie, Rol, Status  # noqa: E402
from tests.factories import inloggen  # noqa: E402

HERHALINGEN = 101


def mediaan_ms(
    client, url, basis_client, basis_url, n=HERHALINGEN, klok=time.perf_counter
):
    """Median server time (ms) of ``url`` and of the baseline ``basis_url``,
    requested alternately so that both see the same machine state (measuring
    one block after the other let drift and warm caches favour either side).
    ``klok=time.process_time`` counts this process's processor time only: on a
    machine shared with other work, wall time punishes every request that runs
    longer than a scheduler slice."""
    tijden = {url: [], basis_url: []}
    paren = ((client, url), (basis_client, basis_url))
    for c, u in paren:
        c.get(u)  # warm up
    for _ in range(n):
        for c, u in paren:
            t = klok()
            response = c.get(u)
            tijden[u].append((klok() - t) * 1000)
            assert response.status_code in (200, 302), (u, response.status_code)
    return statistics.median(tijden[url]), statistics.median(tijden[basis_url])


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return len(ctx.captured_queries)


def maak_verzoeken(provincie, gemeenten, aanvrager, aantal, start):
    """Bulk-create open cases; every 20th has a suspension (running or closed).
    The stored deadline is computed as the services would."""
    from ontheffing import termijnen

    vandaag = timezone.localdate()
    rijen, opschortingen = [], []
    for i in range(start, start + aantal):
        ontvangen = vandaag - timedelta(days=i % 90)
        status = OPEN_STATUSSEN[i % len(OPEN_STATUSSEN)]
        grootboek = []
        if i % 20 == 0:
            lopend = status == Status.AANVULLING_GEVRAAGD
            van = vandaag - timedelta(days=10)
            grootboek = [termijnen.Opschorting(van, None if lopend else vandaag)]
            opschortingen.append((i, grootboek[0], vandaag + timedelta(days=4)))
        sleutel = termijnen.beslistermijn(
            ontvangen, grootboek, peildatum=vandaag + timedelta(days=4)
        )
        rijen.append(
            Verzoek(
                provincie=provincie,
                kenmerk=f"2026-{provincie.code}-B{i:06d}",
                jaar=2026,
                volgnummer=100000 + i,
                status=status,
                ingediend_door=aanvrager,
                naam=f"Aanvrager {i}",
                ambt="raadslid",
                gemeente=gemeenten[i % len(gemeenten)],
                handeling="aanneming_van_werk",
                wederpartij_naam="Gemeente",
                onderwerp=f"Opdracht {i}",
                ontvangen_op=ontvangen,
                termijn_sleutel=sleutel,
            )
        )
    Verzoek.objects.bulk_create(rijen, batch_size=2000)
    pks = dict(
        Verzoek.objects.filter(volgnummer__gte=100000 + start).values_list(
            "volgnummer", "pk"
        )
    )
    Opschorting.objects.bulk_create(
        [
            Opschorting(
                verzoek_id=pks[100000 + i],
                van=o.van,
                tot=o.tot,
                hersteltermijn_einde=einde,
                gevraagd_door=aanvrager,
            )
            for i, o, einde in opschortingen
        ],
        batch_size=2000,
    )


def zaak_met_historie(aanvrager, behandelaar):
    """One case with 50 events and 20 documents: the case pages' load."""
    verzoek = Verzoek.objects.filter(ingediend_door=aanvrager).first()
    for i in range(50):
        Gebeurtenis.objects.create(
            verzoek=verzoek,
            actor=behandelaar,
            actie=Actie.NOTITIE_TOEVOEGEN,
            reden=f"Notitie {i}",
            intern=i % 2 == 0,
        )
    Bijlage.objects.bulk_create(
        Bijlage(
            verzoek=verzoek,
            soort="anders",
            bestand=f"bijlagen/x{i}",
            bestandsnaam=f"document-{i}.pdf",
            content_type="application/pdf",
            grootte=1000,
            sha256="0" * 64,
            geupload_door=aanvrager,
        )
        for i in range(20)
    )
    return verzoek


def zaakpagina(profiel: bool = False):
    """Only the staff case page (`python -m tests.bench zaakpagina [--profiel]`):
    200 cases, one with 50 events and 20 documents; the ratio to the trivial
    page, the query count, and with ``--profiel`` where 20 requests spend
    their time (cProfile, sorted by own time)."""
    call_command("migrate", verbosity=0)
    call_command("referentiedata_laden", verbosity=0)
    provincie = Provincie.objects.get(code="PV25")
    gemeenten = list(Gemeente.objects.filter(provincie=provincie))
    aanvrager = Gebruiker.objects.create_user("a@bench.nl", "x", naam="Aanvrager")
    behandelaar = Gebruiker.objects.create_user(
        "b@bench.nl", "x", naam="Behandelaar", rol=Rol.BEHANDELAAR, provincie=provincie
    )
    maak_verzoeken(provincie, gemeenten, aanvrager, 200, 0)
    verzoek = zaak_met_historie(aanvrager, behandelaar)
    staf = Client()
    inloggen(staf, behandelaar)
    url = reverse("provincie:verzoek", args=[verzoek.pk])
    pagina, basis = mediaan_ms(staf, url, staf, reverse("gegevens"))
    cpu, cpu_basis = mediaan_ms(
        staf, url, staf, reverse("gegevens"), klok=time.process_time
    )
    print(
        f"zaakpagina medewerker (50 gebeurtenissen, 20 documenten): {pagina:.1f} ms; "
        f"triviale pagina {basis:.1f} ms; verhouding {pagina / basis:.2f} (doel ≤ 2); "
        f"queries {queries(staf, url)}\n"
        f"in processortijd (ongevoelig voor andere processen op de machine): "
        f"{cpu:.1f} ms; triviale pagina {cpu_basis:.1f} ms; verhouding "
        f"{cpu / cpu_basis:.2f}"
    )
    if profiel:
        import cProfile
        import pstats

        with cProfile.Profile(time.process_time) as p:
            for _ in range(20):
                staf.get(url)
        pstats.Stats(p).sort_stats("tottime").print_stats(25)
        pstats.Stats(p).sort_stats("cumulative").print_stats(40)


def main():
    call_command("migrate", verbosity=0)
    call_command("referentiedata_laden", verbosity=0)
    provincie = Provincie.objects.get(code="PV25")
    gemeenten = list(Gemeente.objects.filter(provincie=provincie))
    aanvrager = Gebruiker.objects.create_user("a@bench.nl", "x", naam="Aanvrager")
    behandelaar = Gebruiker.objects.create_user(
        "b@bench.nl", "x", naam="Behandelaar", rol=Rol.BEHANDELAAR, provincie=provincie
    )
    staf = Client()
    inloggen(staf, behandelaar)
    triviaal = reverse("gegevens")  # a plain logged-in page: base template, no data
    werkvoorraad = reverse("provincie:werkvoorraad")

    rijen = []
    gemaakt = 0
    for grootte in (1_000, 10_000, 100_000):
        maak_verzoeken(provincie, gemeenten, aanvrager, grootte - gemaakt, gemaakt)
        Staptelling.herbereken()  # bulk_create bypasses the services that count
        gemaakt = grootte
        pagina, basis = mediaan_ms(staf, werkvoorraad, staf, triviaal)
        rijen.append(
            (
                f"werkvoorraad, {grootte:_} verzoeken".replace("_", "."),
                pagina,
                basis,
                queries(staf, werkvoorraad),
            )
        )

    verzoek = zaak_met_historie(aanvrager, behandelaar)
    eigen = Client()
    inloggen(eigen, aanvrager)
    for naam, client, url in (
        (
            "zaakpagina aanvrager (50 gebeurtenissen, 20 documenten)",
            eigen,
            reverse("aanvrager:verzoek", args=[verzoek.pk]),
        ),
        (
            "zaakpagina medewerker (50 gebeurtenissen, 20 documenten)",
            staf,
            reverse("provincie:verzoek", args=[verzoek.pk]),
        ),
    ):
        pagina, basis = mediaan_ms(client, url, staf, triviaal)
        rijen.append((naam, pagina, basis, queries(client, url)))

    print(
        f"\nMachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"database {connection.vendor}\n"
    )
    print(
        f"{'meting':<58} {'mediaan ms':>10} {'basis ms':>9} {'verhouding':>10} {'queries':>8}"
    )
    for naam, ms, basis_ms, n in rijen:
        print(f"{naam:<58} {ms:>10.1f} {basis_ms:>9.1f} {ms / basis_ms:>10.2f} {n:>8}")
    klein, groot = rijen[0][1], rijen[2][1]
    print(
        f"\nwerkvoorraad 100.000 / 1.000: {groot / klein:.2f} (doel ≤ 1,5); "
        f"verhouding bij 100.000: {rijen[2][1] / rijen[2][2]:.2f} (doel ≤ 3); "
        f"queries gelijk: {len({r[3] for r in rijen[:3]}) == 1}"
    )
    besluit_benchmark(provincie, behandelaar, staf, triviaal)
    brief_benchmark()


def besluit_benchmark(provincie, behandelaar, staf, triviaal, n=11):
    """A decision request (vaststellen: letter rendered, stored and the e-mail
    to the applicant handed on) against the trivial page, alternately."""
    from ontheffing import services
    from tests.factories import (
        maak_concept,
        maak_gebruiker,
        maak_gemeente,
        naar_besluitvorming,
    )

    beslisser = maak_gebruiker(Rol.BESLISSER, provincie)
    gemeente = maak_gemeente(provincie)
    zaken = []
    for _ in range(n + 1):
        concept = maak_concept(gemeente=gemeente)
        verzoek = services.verzoek_indienen(
            user=concept.ingediend_door, verzoek=concept
        )
        zaken.append(naar_besluitvorming(verzoek, behandelaar))
    client = Client()
    inloggen(client, beslisser)
    tijden, basis = [], []
    for i, verzoek in enumerate(zaken):
        url = reverse("provincie:vaststellen", args=[verzoek.pk])
        t = time.perf_counter()
        response = client.post(url, {"bevestigd": "1"})
        ms = (time.perf_counter() - t) * 1000
        assert response.status_code == 302, response.status_code
        for _ in range(5):
            t = time.perf_counter()
            staf.get(triviaal)
            if i:
                basis.append((time.perf_counter() - t) * 1000)
        if i:  # the first one warms up
            tijden.append(ms)
    mediaan, mediaan_basis = statistics.median(tijden), statistics.median(basis)
    print(
        f"\nbesluit vaststellen (brief en e-mail, {n}×): {mediaan:.0f} ms; "
        f"triviale pagina {mediaan_basis:.1f} ms; verhouding "
        f"{mediaan / mediaan_basis:.0f}"
    )


def brief_benchmark():
    """The letter against a one-page minimal document, and against the floor:
    the letter's own words as bare paragraphs, without its stylesheet, fonts,
    letterhead or tagging. No two-page letter can render faster than that."""
    import io

    from pypdf import PdfReader
    from weasyprint import HTML

    from ontheffing.brieven import opmaak
    from ontheffing.brieven.voorbeelden import voorbeelden

    brief = voorbeelden()["geweigerd-niet-ontheffbaar"]  # a two-page letter
    html = opmaak.render_html(brief)
    pdf = opmaak.render_pdf(html)  # also the warm-up
    tekst = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    kaal = "".join(f"<p>{escape(r)}</p>" for r in tekst.splitlines() if r.strip())
    kaal_pdf = HTML(string=kaal).write_pdf()

    def meet(functie):
        functie()  # warm
        tijden = []
        for _ in range(9):
            t = time.perf_counter()
            functie()
            tijden.append(time.perf_counter() - t)
        return statistics.median(tijden) * 1000

    brief_ms = meet(lambda: opmaak.render_pdf(html))
    minimaal_ms = meet(lambda: HTML(string="<p>Eén pagina.</p>").write_pdf())
    kaal_ms = meet(lambda: HTML(string=kaal).write_pdf())
    paginas = len(PdfReader(io.BytesIO(pdf)).pages)
    kaal_paginas = len(PdfReader(io.BytesIO(kaal_pdf)).pages)
    print(
        f"\nbrief ({paginas} pagina's, {len(pdf) / 1024:.0f} kB, doel ≤ 150 kB): "
        f"warm {brief_ms:.0f} ms\n"
        f"ondergrens: dezelfde tekst als kale alinea's ({kaal_paginas} pagina's, "
        f"zonder stijlblad) {kaal_ms:.0f} ms; verhouding brief / ondergrens "
        f"{brief_ms / kaal_ms:.2f} (doel ≤ 2)\n"
        f"ter vergelijking: minimaal document van één regel {minimaal_ms:.0f} ms "
        f"(brief {brief_ms / minimaal_ms:.2f} ×)"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["zaakpagina"]:
        zaakpagina(profiel="--profiel" in sys.argv)
    else:
        main()
