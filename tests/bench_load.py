"""Load benchmark (`make bench-load`): the production set-up under concurrent load.

gunicorn (2 sync workers, production settings, persistent connections) on
PostgreSQL, with 1,000 / 100,000 / 1,000,000 open cases of one province, and a
bounded load generator on 127.0.0.1: 16 clients (threads, ``http.client``),
30 s per page, each client alternating the page with the trivial logged-in page
("Mijn gegevens"), so that the ratio compares two pages under the same load.
Prints req/s, p50, p95, p99, errors and the ratios for each page.

The first 1,000 cases are made as ``make bench`` makes them
(``tests.bench.maak_verzoeken``); larger sizes copy those rows in SQL
(``INSERT ... SELECT`` over ``generate_series``) with a new kenmerk, number and
name, and their suspensions with them: a million rows take minutes.

    python -m tests.bench_load                      # 1.000, 100.000, 1.000.000
    python -m tests.bench_load --groottes 1000,100000
    python -m tests.bench_load --smoke              # CI: 1.000 cases, 5 s, 0 errors

The database (``BENCH_DATABASE_URL``, default ``ontheffing_bench`` on
127.0.0.1) is dropped and created; the role needs CREATEDB.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

BASIS = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL",
    "postgres://ontheffing:ontheffing@127.0.0.1:5432/ontheffing_bench",
)
CSRF = secrets.token_hex(16)  # 32 characters: an unmasked CSRF secret
MEDIA = tempfile.mkdtemp(prefix="ontheffing-bench-load-")
GEERFD = dict(os.environ)  # before tests.bench adds its own settings

# The environment of the server and of this process: production settings.
OMGEVING = {
    "DJANGO_SETTINGS_MODULE": "ontheffing.settings",
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "AUDIT_SLEUTEL": secrets.token_urlsafe(40),  # required without DEBUG
    "ALLOWED_HOSTS": "127.0.0.1,testserver",
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_HSTS_SECONDS": "0",
    "EMAIL_URL": "locmem://",
    "DATABASE_URL": DATABASE_URL,
    "MEDIA_ROOT": MEDIA,
    "STATIC_ROOT": str(Path(MEDIA) / "static"),
    "LOG_LEVEL": "WARNING",
}


def database_opnieuw():
    deel = urlsplit(DATABASE_URL)
    naam = deel.path.lstrip("/")
    with psycopg.connect(
        host=deel.hostname,
        port=deel.port or 5432,
        user=deel.username,
        password=deel.password,
        dbname="postgres",
        autocommit=True,
    ) as beheer:
        beheer.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        beheer.execute(f'CREATE DATABASE "{naam}"')


def django_opzetten():
    os.environ.update(OMGEVING)
    os.environ["BENCH_DATABASE_URL"] = DATABASE_URL
    import django

    django.setup()


# ------------------------------------------------------------------ data


class Wereld:
    """The people, the cases the pages show, and their session cookies."""

    def __init__(self):
        from django.core.management import call_command

        from ontheffing.models import Gebruiker, Gemeente, Provincie
        from ontheffing.states import Rol
        from tests.factories import maak_mandaat

        call_command("migrate", verbosity=0)
        call_command("referentiedata_laden", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        self.provincie = Provincie.objects.get(code="PV25")
        self.gemeenten = list(Gemeente.objects.filter(provincie=self.provincie))
        maak = Gebruiker.objects.create_user
        self.aanvrager = maak("a@bench.nl", "x", naam="Aanvrager", email_bevestigd=True)
        self.behandelaar = maak(
            "b@bench.nl", "x", naam="Behandelaar", rol=Rol.BEHANDELAAR,
            provincie=self.provincie,
        )  # fmt: skip
        self.voorbereider = maak(
            "v@bench.nl", "x", naam="Voorbereider", rol=Rol.BEHANDELAAR,
            provincie=self.provincie,
        )  # fmt: skip
        self.beslisser = maak(
            "s@bench.nl", "x", naam="Beslisser", rol=Rol.BESLISSER,
            provincie=self.provincie, beslisser_bevestigd=True,
        )  # fmt: skip
        maak_mandaat(self.beslisser)  # decides under a GS mandate in force
        self.gemaakt = 0
        self.zaak = None

    def sessie(self, user) -> str:
        from django.test import Client

        from tests.factories import inloggen

        client = Client()
        inloggen(client, user)
        return client.cookies["sessionid"].value

    def groei(self, grootte: int):
        """Open cases up to ``grootte``."""
        from tests import bench

        if self.gemaakt == 0:
            bench.maak_verzoeken(
                self.provincie, self.gemeenten, self.aanvrager, min(grootte, 1000), 0
            )
            self.gemaakt = min(grootte, 1000)
            self._zaak_met_historie()
        stap = 200_000
        while self.gemaakt < grootte:
            tot = min(grootte, self.gemaakt + stap)
            kopieer(self.gemaakt, tot)
            self.gemaakt = tot
        from django.db import connection

        from ontheffing.models import Staptelling

        Staptelling.herbereken()  # the copies bypass the services that count
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def _zaak_met_historie(self):
        """The case of both case pages: 50 events, 20 documents."""
        from ontheffing.models import Bijlage, Gebeurtenis, Verzoek
        from ontheffing.states import Actie, Status

        self.zaak = Verzoek.objects.filter(status=Status.TOETSING).first()
        Verzoek.objects.filter(pk=self.zaak.pk).update(behandelaar=self.behandelaar)
        for i in range(50):
            Gebeurtenis.objects.create(
                verzoek=self.zaak,
                actor=self.behandelaar,
                actie=Actie.NOTITIE_TOEVOEGEN,
                reden=f"Notitie {i}",
                intern=i % 2 == 0,
            )
        Bijlage.objects.bulk_create(
            Bijlage(
                verzoek=self.zaak,
                soort="anders",
                bestand=f"bijlagen/x{i}",
                bestandsnaam=f"document-{i}.pdf",
                content_type="application/pdf",
                grootte=1000,
                sha256="0" * 64,
                geupload_door=self.aanvrager,
            )
            for i in range(20)
        )

    def ter_besluitvorming(self, aantal: int) -> list[int]:
        """Cases with a proposal, through the services, for the decision."""
        from ontheffing import services
        from tests.factories import maak_concept, naar_besluitvorming

        pks = []
        for _ in range(aantal):
            verzoek = maak_concept(aanvrager=self.aanvrager, gemeente=self.gemeenten[0])
            services.verzoek_indienen(user=self.aanvrager, verzoek=verzoek)
            naar_besluitvorming(verzoek, self.voorbereider)
            pks.append(verzoek.pk)
        return pks


def kopieer(van: int, tot: int):
    """Cases ``van`` .. ``tot - 1`` as copies of the first 1,000 (case ``n``
    copies case ``n % 1000``), with a kenmerk, number and name of their own,
    and the copies of their suspensions."""
    from django.db import connection, transaction

    from ontheffing.models import Opschorting, Verzoek

    eigen = {
        "kenmerk": "'2026-' || p.code || '-B' || lpad(g.n::text, 6, '0')",
        "volgnummer": "100000 + g.n",
        "naam": "'Aanvrager ' || g.n",
        "onderwerp": "'Opdracht ' || g.n",
    }
    velden = [f for f in Verzoek._meta.concrete_fields if not f.primary_key]
    kolommen = ", ".join(f'"{f.column}"' for f in velden)
    waarden = ", ".join(eigen.get(f.column, f't."{f.column}"') for f in velden)
    o_velden = [f for f in Opschorting._meta.concrete_fields if not f.primary_key]
    o_kolommen = ", ".join(f'"{f.column}"' for f in o_velden)
    o_waarden = ", ".join(
        "c.id" if f.column == "verzoek_id" else f'o."{f.column}"' for f in o_velden
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO ontheffing_verzoek ({kolommen})
            SELECT {waarden}
            FROM generate_series(%s, %s) AS g(n)
            JOIN ontheffing_verzoek t
              ON t.volgnummer = 100000 + g.n %% 1000
            JOIN ontheffing_provincie p ON p.id = t.provincie_id
            """,
            [van, tot - 1],
        )
        cursor.execute("ANALYZE ontheffing_verzoek")  # or the join below scans
        # Case n copies case n % 1000: the copies of template case i are
        # i + 1000 k, found by an equality on the unique (provincie, jaar,
        # volgnummer) index, not by a range join.
        cursor.execute(
            f"""
            INSERT INTO ontheffing_opschorting ({o_kolommen})
            SELECT {o_waarden}
            FROM ontheffing_opschorting o
            JOIN ontheffing_verzoek t
              ON t.id = o.verzoek_id AND t.volgnummer BETWEEN 100000 AND 100999
            JOIN generate_series(%s / 1000, (%s - 1) / 1000) AS k(k) ON true
            JOIN ontheffing_verzoek c
              ON c.provincie_id = t.provincie_id AND c.jaar = t.jaar
             AND c.volgnummer = t.volgnummer + 1000 * k.k
             AND c.volgnummer BETWEEN 100000 + %s AND 100000 + %s
            """,
            [van, tot, van, tot - 1],
        )


# ------------------------------------------------------------------ server


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(poort: int, log) -> subprocess.Popen:
    omgeving = {**GEERFD, **OMGEVING}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    proces = subprocess.Popen(
        [
            str(gunicorn), "ontheffing.wsgi", "--workers", "2",
            "--bind", f"127.0.0.1:{poort}", "--timeout", "120",
        ],
        cwd=BASIS, env=omgeving, stdout=log, stderr=log,
    )  # fmt: skip
    einde = time.monotonic() + 60
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise SystemExit("gunicorn is gestopt; zie het log")
        try:
            with socket.create_connection(("127.0.0.1", poort), timeout=1):
                return proces
        except OSError:
            time.sleep(0.1)  # polling for the port, not waiting on a fixed time
    proces.terminate()
    raise SystemExit("gunicorn luistert niet binnen 60 s")


# ------------------------------------------------------------------ load


class Pagina:
    def __init__(self, naam, pad, sessie, methode="GET", verwacht=200, pool=None):
        self.naam, self.pad, self.sessie = naam, pad, sessie
        self.methode, self.verwacht, self.pool = methode, verwacht, pool


def verzoek(poort, methode, pad, sessie) -> tuple[float, int | None]:
    """(seconds, status) of one request; status None when it failed."""
    kop = {"Cookie": f"sessionid={sessie}; csrftoken={CSRF}", "Host": "127.0.0.1"}
    body = None
    if methode == "POST":
        # The one POST is vaststellen, past its confirmation step.
        body = f"csrfmiddlewaretoken={CSRF}&bevestigd=1"
        kop["Content-Type"] = "application/x-www-form-urlencoded"
    t = time.perf_counter()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", poort, timeout=120)
        conn.request(methode, pad, body=body, headers=kop)
        response = conn.getresponse()
        response.read()
        conn.close()
        status = response.status
    except (OSError, http.client.HTTPException):
        status = None
    return time.perf_counter() - t, status


def belasten(poort, pagina: Pagina, triviaal: Pagina, clients: int, duur: float):
    """``clients`` threads for ``duur`` seconds, each alternating ``pagina``
    and ``triviaal``. Returns the samples of both and the elapsed time."""
    metingen = {"pagina": [], "triviaal": []}
    fouten = {"pagina": [], "triviaal": []}
    slot = threading.Lock()
    einde = time.monotonic() + duur

    def client():
        while time.monotonic() < einde:
            pad = pagina.pad
            if pagina.pool is not None:
                try:
                    pad = pagina.pad.format(pagina.pool.get_nowait())
                except queue.Empty:
                    return
            for soort, p, u in (("pagina", pagina, pad), ("triviaal", triviaal, None)):
                tijd, status = verzoek(poort, p.methode, u or p.pad, p.sessie)
                with slot:
                    metingen[soort].append(tijd)
                    if status != p.verwacht:
                        fouten[soort].append(status)

    start = time.monotonic()
    draden = [threading.Thread(target=client) for _ in range(clients)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    return metingen, fouten, time.monotonic() - start


def percentiel(waarden, p):
    if not waarden:
        return float("nan")
    return statistics.quantiles(waarden, n=100, method="inclusive")[p - 1]


def samenvatten(naam, metingen, fouten, duur):
    pag, triv = metingen["pagina"], metingen["triviaal"]
    r = {
        "pagina": naam,
        "n": len(pag),
        "req_s": len(pag) / duur if duur else 0.0,
        "p50": statistics.median(pag) * 1000 if pag else float("nan"),
        "p95": percentiel(pag, 95) * 1000,
        "p99": percentiel(pag, 99) * 1000,
        "fouten": len(fouten["pagina"]) + len(fouten["triviaal"]),
        "foutcodes": sorted({str(c) for c in fouten["pagina"] + fouten["triviaal"]}),
        "triviaal_p50": statistics.median(triv) * 1000 if triv else float("nan"),
        "triviaal_p95": percentiel(triv, 95) * 1000,
    }
    r["ratio_p50"] = r["p50"] / r["triviaal_p50"]
    r["ratio_p95"] = r["p95"] / r["triviaal_p95"]
    return r


def tabel(grootte, rijen):
    print(f"\n{grootte:_} verzoeken".replace("_", "."))
    kop = (
        f"{'pagina':<44} {'n':>5} {'req/s':>6} {'p50':>7} {'p95':>7} {'p99':>7} "
        f"{'fout':>4} {'triv p50':>8} {'× p50':>6} {'× p95':>6}"
    )
    print(kop)
    for r in rijen:
        print(
            f"{r['pagina']:<44} {r['n']:>5} {r['req_s']:>6.1f} {r['p50']:>7.0f} "
            f"{r['p95']:>7.0f} {r['p99']:>7.0f} {r['fouten']:>4} "
            f"{r['triviaal_p50']:>8.0f} {r['ratio_p50']:>6.2f} {r['ratio_p95']:>6.2f}"
        )
    sys.stdout.flush()


def paginas(wereld, besluiten: list[int]) -> list[Pagina]:
    from django.urls import reverse

    staf = wereld.sessie(wereld.behandelaar)
    eigen = wereld.sessie(wereld.aanvrager)
    beslisser = wereld.sessie(wereld.beslisser)
    lijst = reverse("provincie:werkvoorraad")
    gemeente = wereld.gemeenten[3].pk
    pool = queue.Queue()
    for pk in besluiten:
        pool.put(pk)
    vaststellen = reverse("provincie:vaststellen", args=[987654321])
    return [
        Pagina("werkvoorraad, eerste pagina", lijst, staf),
        Pagina("zoeken: 'Aanvrager 4242' (weinig treffers)",
               f"{lijst}?zoek=Aanvrager+4242", staf),
        Pagina("zoeken: 'opdracht' (alle treffers)", f"{lijst}?zoek=opdracht", staf),
        Pagina("gefilterd op gemeente", f"{lijst}?gemeente={gemeente}", staf),
        Pagina("gefilterd op termijn verstreken", f"{lijst}?verlopen=1", staf),
        Pagina("zaakpagina medewerker (50 gebeurt., 20 doc.)",
               reverse("provincie:verzoek", args=[wereld.zaak.pk]), staf),
        Pagina("zaakpagina aanvrager (50 gebeurt., 20 doc.)",
               reverse("aanvrager:verzoek", args=[wereld.zaak.pk]), eigen),
        Pagina("besluit vaststellen (brief, verzending)",
               vaststellen.replace("987654321", "{}"), beslisser, methode="POST",
               verwacht=302, pool=pool),
    ]  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groottes", default="1000,100000,1000000")
    parser.add_argument("--duur", type=float, default=30.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--besluiten", type=int, default=100)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--uitvoer", default=str(BASIS / "build" / "bench-load.json"))
    args = parser.parse_args()
    if args.smoke:
        args.groottes, args.duur, args.besluiten = "1000", 5.0, 30
    groottes = [int(g) for g in args.groottes.split(",")]

    start = time.monotonic()
    database_opnieuw()
    django_opzetten()
    wereld = Wereld()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    print(
        f"Machine: {os.cpu_count()} cores, belasting {os.getloadavg()[0]:.1f} "
        f"(1 min), Python {sys.version.split()[0]}, PostgreSQL {pg}; gunicorn 2 "
        f"workers, {args.clients} clients, {args.duur:.0f} s per pagina, "
        f"CONN_MAX_AGE={os.environ.get('CONN_MAX_AGE', 'standaard')}"
    )
    Path(args.uitvoer).parent.mkdir(parents=True, exist_ok=True)
    log = open(Path(args.uitvoer).with_suffix(".log"), "w")  # noqa: SIM115
    triviaal_pad = None
    uitkomsten = {}
    for grootte in groottes:
        t = time.monotonic()
        wereld.groei(grootte)
        besluiten = wereld.ter_besluitvorming(args.besluiten)
        connection.close()
        print(
            f"\n{grootte:_} verzoeken gemaakt in {time.monotonic() - t:.0f} s "
            f"(belasting {os.getloadavg()[0]:.1f})".replace("_", ".")
        )
        from django.urls import reverse

        triviaal_pad = reverse("gegevens")
        poort = vrije_poort()
        server = start_server(poort, log)
        try:
            triviaal = Pagina(
                "triviaal", triviaal_pad, wereld.sessie(wereld.behandelaar)
            )
            rijen = []
            for pagina in paginas(wereld, besluiten):
                if pagina.pool is None:
                    verzoek(poort, pagina.methode, pagina.pad, pagina.sessie)  # warm
                metingen, fouten, duur = belasten(
                    poort, pagina, triviaal, args.clients, args.duur
                )
                rijen.append(samenvatten(pagina.naam, metingen, fouten, duur))
            connection.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
        tabel(grootte, rijen)
        uitkomsten[grootte] = rijen
    Path(args.uitvoer).write_text(json.dumps(uitkomsten, indent=1))

    fouten = sum(r["fouten"] for rijen in uitkomsten.values() for r in rijen)
    print(f"\nfouten in totaal: {fouten}; duur {time.monotonic() - start:.0f} s")
    if len(groottes) > 1:
        klein, groot = uitkomsten[groottes[0]], uitkomsten[groottes[-1]]
        print(f"\ndoelen bij {groottes[-1]:_} verzoeken".replace("_", "."))
        for a, b in zip(klein, groot, strict=True):
            groei = b["p50"] / a["p50"]
            print(
                f"  {b['pagina']:<44} × triviaal {b['ratio_p50']:.2f} / "
                f"{b['ratio_p95']:.2f} (≤ 3: {max(b['ratio_p50'], b['ratio_p95']) <= 3})"
                f"; groot/klein {groei:.2f} (≤ 1,5: {groei <= 1.5})"
            )
    if fouten:
        raise SystemExit(f"{fouten} fouten; zie {log.name}")


if __name__ == "__main__":
    main()
