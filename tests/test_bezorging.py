"""The outbox against a real SMTP server process (aiosmtpd on loopback).

The decision is kept and the user sees success while the server refuses; the
mail arrives exactly once after it is back; every attempt is on record; the
decision's sending date is the real one. On PostgreSQL also with real worker
processes: one killed mid-send, and two running at once.
"""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from ontheffing import bezorging, emails, services
from ontheffing.models import Bericht, Bezorgstatus, Opschorting, Pogingresultaat
from ontheffing.states import Status
from ontheffing.termijnen import bezwaartermijn_einde
from tests.factories import inloggen, maak_ingediend, naar_besluitvorming, vraag_offerte

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db(transaction=True)


def alleen_postgresql(test):
    """Worker processes share the test database only on PostgreSQL (SQLite's
    test database lives in this process's memory)."""
    return pytest.mark.postgres(
        pytest.mark.skipif(
            connection.vendor != "postgresql",
            reason="werkers in eigen processen delen alleen een PostgreSQL-database",
        )(test)
    )


def wacht_tot(voorwaarde, seconden=30, wat="de voorwaarde"):
    """Poll a condition until it holds (never a fixed sleep)."""
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        uitkomst = voorwaarde()
        if uitkomst:
            return uitkomst
        time.sleep(0.05)
    raise AssertionError(f"Na {seconden} s geldt {wat} nog niet.")


class SmtpServer:
    def __init__(self, map_: Path):
        self.map = map_
        self.proces = subprocess.Popen(
            [sys.executable, "-m", "tests.smtpserver", str(map_)], cwd=ROOT
        )
        wacht_tot(lambda: (map_ / "poort").exists(), 20, "de start van de server")
        self.poort = int((map_ / "poort").read_text())

    def modus(self, modus: str) -> None:
        (self.map / "modus").write_text(modus)

    def ontvangen(self) -> list[dict]:
        bestand = self.map / "ontvangen.jsonl"
        if not bestand.exists():
            return []
        return [json.loads(r) for r in bestand.read_text().splitlines() if r]

    def vastgehouden(self) -> str:
        bestand = self.map / "vastgehouden"
        return bestand.read_text() if bestand.exists() else ""

    def stop(self):
        self.proces.terminate()
        self.proces.wait(10)


@pytest.fixture
def smtp(tmp_path, settings):
    map_ = tmp_path / "smtp"
    map_.mkdir()
    server = SmtpServer(map_)
    settings.EMAIL_BACKEND = "ontheffing.bezorging.SMTPBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.poort
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.BEZORGING_NA_COMMIT = False  # only workers send here
    settings.BEZORGING_WACHTTIJDEN = [1] * 8
    yield server
    server.stop()


def werker_ronde():
    """django-tasks-db's own worker loop, in this process, until nothing is ready."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-werker",
        excluded_queue_names=[],
    ).run()


def werker_proces(smtp, *extra, claim=3, naam="werker"):
    """``manage.py berichten_bezorgen`` as its own process on the test database;
    returns once the worker has started."""
    db = connection.settings_dict
    omgeving = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/"
            f"{db['NAME']}"
        ),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp.poort}",
        "EMAIL_TIMEOUT": "5",
        "BEZORGING_NA_COMMIT": "0",
        "BEZORGING_CLAIM_SECONDEN": str(claim),
        "BEZORGING_WACHTTIJDEN": ",".join(["1"] * 8),
    }
    log = smtp.map / f"{naam}-{time.monotonic_ns()}.log"
    with log.open("w") as uit:
        proces = subprocess.Popen(
            [sys.executable, "manage.py", "berichten_bezorgen", "--no-reload",
             "--no-startup-delay", "--interval", "0.1", "--herstel", "0.5",
             "--worker-id", naam, *extra],
            cwd=ROOT, env=omgeving, stdout=uit, stderr=subprocess.STDOUT,
        )  # fmt: skip
    wacht_tot(
        lambda: "Starting worker" in log.read_text() or proces.poll() is not None,
        60,
        "de start van de werker",
    )
    assert proces.poll() is None, log.read_text()
    return proces


def besluitbericht(verzoek) -> Bericht:
    return Bericht.objects.get(verzoek=verzoek, bekendmaking=True)


# ------------------------------------------------------------ the schedule


def test_at_least_eight_attempts_over_at_least_a_day():
    wachttijden = [
        bezorging.wachttijd(n) for n in range(1, 20) if bezorging.wachttijd(n)
    ]
    pogingen = len(wachttijden) + 1
    assert pogingen >= 8
    assert sum(wachttijden, timedelta()) >= timedelta(hours=24)
    assert bezorging.wachttijd(pogingen) is None  # then it is given up


def test_a_rolled_back_change_leaves_no_message_and_no_task(aanvrager):
    def wijziging():
        with transaction.atomic():
            emails.tekst_versturen("test", "Onderwerp", [aanvrager.email], "Tekst")
            assert Bericht.objects.count() == 1
            raise RuntimeError("de wijziging mislukt")

    with pytest.raises(RuntimeError):
        wijziging()
    assert Bericht.objects.count() == 0
    assert DBTaskResult.objects.count() == 0


# ------------------------------------------------- refuse, then accept


def test_decision_while_the_server_refuses_then_accepts(
    client, smtp, ingediend, behandelaar, beslisser
):
    verzoek = naar_besluitvorming(ingediend, behandelaar)
    smtp.modus("weigeren")
    inloggen(client, beslisser)
    response = client.post(
        reverse("provincie:vaststellen", args=[verzoek.pk]),
        {"bevestigd": "1"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Het besluit is vastgesteld" in response.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.status == Status.AFGEHANDELD
    besluit = verzoek.besluiten.get()
    bericht = besluitbericht(verzoek)
    assert bericht.status == Bezorgstatus.WACHTEND

    werker_ronde()  # the server answers 451
    bericht.refresh_from_db()
    (poging,) = bericht.pogingen.all()
    assert poging.resultaat == Pogingresultaat.TIJDELIJK
    assert f"{verzoek.email}: 451 4.3.2" in poging.antwoord
    assert bericht.volgende_poging_op > poging.begonnen_op
    assert smtp.ontvangen() == []
    assert besluit.verzonden_op is None
    assert besluit.bezwaartermijn_einde is None
    inloggen(client, verzoek.ingediend_door)
    pagina = client.get(reverse("aanvrager:verzoek", args=[verzoek.pk]))
    assert "verzonden" not in pagina.content.decode().lower()

    smtp.modus("aannemen")

    def verzonden():
        werker_ronde()
        bericht.refresh_from_db()
        return bericht.is_verzonden

    wacht_tot(verzonden, 30, "de verzending")
    werker_ronde()  # nothing left: no second copy
    ontvangen = [m for m in smtp.ontvangen() if m["message_id"] == bericht.message_id]
    assert len(ontvangen) == 1
    assert sorted(ontvangen[0]["aan"]) == sorted(bericht.aan)
    pogingen = list(bericht.pogingen.all())
    assert [p.resultaat for p in pogingen][-1] == Pogingresultaat.VERZONDEN
    assert all(p.resultaat == Pogingresultaat.TIJDELIJK for p in pogingen[:-1])
    assert pogingen[-1].antwoord.startswith("250 2.0.0 Aangenomen")
    assert pogingen[-1].begonnen_op <= bericht.verzonden_op
    assert bericht.verzonden_op > pogingen[0].geeindigd_op
    dag = timezone.localdate(bericht.verzonden_op)
    besluit = verzoek.besluiten.get()
    assert besluit.verzonden_op == dag
    assert besluit.bezwaartermijn_einde == bezwaartermijn_einde(dag)
    pagina = client.get(reverse("aanvrager:verzoek", args=[verzoek.pk]))
    assert "Per e-mail aan u verzonden op" in pagina.content.decode()


def test_the_objection_term_runs_from_the_real_sending_day(
    ingediend, behandelaar, beslisser, settings
):
    settings.BEZORGING_NA_COMMIT = False
    verzoek = naar_besluitvorming(ingediend, behandelaar)
    besluit = services.besluit_vaststellen(user=beslisser, verzoek=verzoek)
    # The server came back three days after the decision was made.
    later = timezone.now() + timedelta(days=3)
    Bericht.objects.filter(pk=besluitbericht(verzoek).pk).update(
        status=Bezorgstatus.VERZONDEN, verzonden_op=later
    )
    assert besluit.verzonden_op == timezone.localdate(later)
    assert besluit.verzonden_op != besluit.datum
    assert besluit.bezwaartermijn_einde == bezwaartermijn_einde(
        timezone.localdate(later)
    )


def test_with_the_server_down_every_change_still_succeeds(
    client, smtp, aanvrager, behandelaar
):
    smtp.modus("weigeren")
    response = client.post(
        reverse("registreren"),
        {"naam": "Riet", "email": "riet@example.nl", "password1": "Zeer-geheim-2026!",
         "password2": "Zeer-geheim-2026!"},
    )  # fmt: skip
    # The same answer for a new and a known address (no account disclosure).
    assert response.status_code == 200
    assert "Controleer uw e-mail" in response.content.decode()
    client.logout()
    response = client.post(reverse("password_reset"), {"email": aanvrager.email})
    assert response.status_code == 302
    verzoek = maak_ingediend(aanvrager=aanvrager)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    inloggen(client, behandelaar)
    einde = timezone.localdate() + timedelta(days=21)
    response = client.post(
        reverse("provincie:aanvulling_vragen", args=[verzoek.pk]),
        {"aanvulling_vragen-ontbrekend": ["totstandkoming"],
         "aanvulling_vragen-toelichting": "Stuur de offertes mee.",
         "aanvulling_vragen-hersteltermijn_einde": einde.isoformat()},
    )  # fmt: skip
    assert response.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == Status.AANVULLING_GEVRAAGD
    inloggen(client, aanvrager)
    response = client.post(
        reverse("aanvrager:intrekken", args=[verzoek.pk]), {"reden": "Niet meer nodig"}
    )
    assert response.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == Status.INGETROKKEN
    soorten = set(
        Bericht.objects.filter(status=Bezorgstatus.WACHTEND).values_list(
            "soort", flat=True
        )
    )
    assert {
        "email_bevestigen",
        "wachtwoord_herstellen",
        "aanvulling_gevraagd",
        "ingetrokken",
    } <= soorten
    werker_ronde()
    assert smtp.ontvangen() == []
    smtp.modus("aannemen")
    wacht_tot(
        lambda: (werker_ronde() or not Bericht.objects.exclude(
            status=Bezorgstatus.VERZONDEN).exists()),
        30,
        "de verzending van alles",
    )  # fmt: skip
    ids = [m["message_id"] for m in smtp.ontvangen()]
    assert sorted(ids) == sorted(Bericht.objects.values_list("message_id", flat=True))


# ------------------------------------------------------- failed for good


def test_a_permanent_refusal_is_listed_and_can_be_sent_again(
    client, smtp, ingediend, behandelaar, vreemde_behandelaar, aanvrager
):
    smtp.modus("blijvend")
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    vraag_offerte(ingediend, behandelaar)
    werker_ronde()
    bericht = Bericht.objects.get(verzoek=ingediend, soort="aanvulling_gevraagd")
    assert bericht.status == Bezorgstatus.MISLUKT
    assert bericht.pogingen.get().antwoord.endswith(
        "550 5.1.1 Onbekende ontvanger (test)"
    )

    inloggen(client, behandelaar)
    lijst = client.get(reverse("provincie:berichten_mislukt")).content.decode()
    assert bericht.onderwerp in lijst
    assert "550 5.1.1" in lijst
    zaak = client.get(
        reverse("provincie:verzoek", args=[ingediend.pk])
    ).content.decode()
    assert "Mislukt" in zaak
    assert "Opnieuw versturen" in zaak

    opnieuw = reverse("provincie:bericht_opnieuw", args=[bericht.pk])
    inloggen(client, vreemde_behandelaar)
    assert client.post(opnieuw).status_code == 404
    assert (
        bericht.onderwerp
        not in client.get(reverse("provincie:berichten_mislukt")).content.decode()
    )
    inloggen(client, aanvrager)
    assert client.get(reverse("provincie:berichten_mislukt")).status_code == 403

    smtp.modus("aannemen")
    inloggen(client, behandelaar)
    response = client.post(opnieuw, follow=True)
    assert "weer klaar voor verzending" in response.content.decode()
    werker_ronde()
    bericht.refresh_from_db()
    assert bericht.is_verzonden
    assert bericht.opnieuw_door == behandelaar
    assert [p.resultaat for p in bericht.pogingen.all()] == [
        Pogingresultaat.MISLUKT,
        Pogingresultaat.VERZONDEN,
    ]
    assert len(smtp.ontvangen()) == 1
    response = client.post(opnieuw, follow=True)  # not failed any more
    assert "hoeft niet opnieuw" in response.content.decode()


# ------------------------------------------------------------- reminders


def test_a_reminder_is_marked_only_together_with_its_message(
    smtp, ingediend, behandelaar
):
    from django.core.management import call_command

    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    vraag_offerte(ingediend, behandelaar)
    opschorting = Opschorting.objects.get(verzoek=ingediend)
    call_command("herinneringen_versturen", datum=opschorting.hersteltermijn_einde)
    opschorting.refresh_from_db()
    assert opschorting.herinnering_verstuurd_op is not None
    assert Bericht.objects.filter(verzoek=ingediend, soort="herinnering").count() == 1
    call_command("herinneringen_versturen", datum=opschorting.hersteltermijn_einde)
    assert Bericht.objects.filter(verzoek=ingediend, soort="herinnering").count() == 1


# ----------------------------------------------- real worker processes


@alleen_postgresql
def test_a_worker_killed_mid_send_and_restarted_sends_exactly_once(
    smtp, ingediend, behandelaar, beslisser
):
    verzoek = naar_besluitvorming(ingediend, behandelaar)
    services.besluit_vaststellen(user=beslisser, verzoek=verzoek)
    bericht = besluitbericht(verzoek)
    Bericht.objects.exclude(pk=bericht.pk).update(status=Bezorgstatus.VERZONDEN)
    smtp.modus("vasthouden")
    werker = werker_proces(smtp, naam="eerste")
    wacht_tot(lambda: smtp.vastgehouden() == bericht.message_id, 30, "het versturen")
    werker.send_signal(signal.SIGKILL)
    werker.wait(10)
    smtp.modus("aannemen")
    bericht.refresh_from_db()
    assert bericht.status == Bezorgstatus.WACHTEND
    assert bericht.geclaimd_door
    assert smtp.ontvangen() == []  # the server never answered, so never delivered

    tweede = werker_proces(smtp, naam="tweede")
    try:
        wacht_tot(
            lambda: Bericht.objects.get(pk=bericht.pk).is_verzonden, 60, "het herstel"
        )
    finally:
        tweede.send_signal(signal.SIGTERM)
        tweede.wait(20)
    ontvangen = [m for m in smtp.ontvangen() if m["message_id"] == bericht.message_id]
    assert len(ontvangen) == 1
    assert [p.resultaat for p in bericht.pogingen.all()] == [
        Pogingresultaat.ONDERBROKEN,
        Pogingresultaat.VERZONDEN,
    ]
    assert not DBTaskResult.objects.filter(status="RUNNING").exists()
    assert verzoek.besluiten.get().verzonden_op == timezone.localdate(
        Bericht.objects.get(pk=bericht.pk).verzonden_op
    )


@alleen_postgresql
def test_the_at_least_once_window_is_a_resend_with_the_same_message_id(smtp, aanvrager):
    """A worker that dies after the server took the message but before the
    attempt was recorded: the message is sent again, recognisably the same."""
    with transaction.atomic():
        emails.tekst_versturen("test", "Venster", [aanvrager.email], "Tekst")
    bericht = Bericht.objects.get()
    smtp.modus("aannemen_zonder_antwoord")
    werker = werker_proces(smtp, naam="eerste")
    wacht_tot(lambda: smtp.vastgehouden() == bericht.message_id, 30, "het versturen")
    werker.send_signal(signal.SIGKILL)
    werker.wait(10)
    smtp.modus("aannemen")
    tweede = werker_proces(smtp, naam="tweede")
    try:
        wacht_tot(
            lambda: Bericht.objects.get(pk=bericht.pk).is_verzonden, 60, "het herstel"
        )
    finally:
        tweede.send_signal(signal.SIGTERM)
        tweede.wait(20)
    ids = [m["message_id"] for m in smtp.ontvangen()]
    assert ids == [bericht.message_id, bericht.message_id]
    onderbroken = bericht.pogingen.first()
    assert onderbroken.resultaat == Pogingresultaat.ONDERBROKEN
    assert "onbekend" in onderbroken.antwoord


@alleen_postgresql
def test_two_workers_at_once_send_every_message_exactly_once(smtp, aanvrager):
    werkers = [werker_proces(smtp, claim=600, naam=f"werker-{i}") for i in (1, 2)]
    try:
        with transaction.atomic():
            for i in range(30):
                emails.tekst_versturen(
                    "test", f"Bericht {i}", [aanvrager.email], "Tekst"
                )
            # A second task for every message as well: the message's own claim
            # holds even where the queue would run both.
            for bericht in Bericht.objects.all():
                bezorging.taak_plaatsen(bericht)
        wacht_tot(
            lambda: not Bericht.objects.exclude(status=Bezorgstatus.VERZONDEN).exists(),
            90,
            "de verzending van alle berichten",
        )
        wacht_tot(
            lambda: not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
            .exists(),
            60,
            "het einde van alle taken",
        )  # fmt: skip
    finally:
        for werker in werkers:
            werker.send_signal(signal.SIGTERM)
        for werker in werkers:
            werker.wait(20)
    ids = [m["message_id"] for m in smtp.ontvangen()]
    assert len(ids) == 30
    assert len(set(ids)) == 30
    for bericht in Bericht.objects.all():
        assert [p.resultaat for p in bericht.pogingen.all()] == [
            Pogingresultaat.VERZONDEN
        ]
    gedraaid = {w for t in DBTaskResult.objects.all() for w in t.worker_ids}
    assert gedraaid == {"werker-1", "werker-2"}


def test_settings_default_to_a_durable_database_queue():
    assert settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert settings.EMAIL_TIMEOUT > 0


# ------------------------------------------------------------ error pages


@alleen_postgresql  # SQLite's in-memory test database refuses to be closed
def test_with_the_database_down_the_user_gets_the_dutch_error_page(aanvrager):
    from django.test import Client

    client = Client(raise_request_exception=False)
    inloggen(client, aanvrager)
    instellingen = connection.settings_dict
    bewaard = dict(instellingen)
    connection.close()
    instellingen["PORT"] = "1"  # nothing listens there
    try:
        response = client.get(reverse("aanvrager:lijst"))
    finally:
        connection.close()
        instellingen.update(bewaard)
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Tijdelijk niet bereikbaar" in html
    assert "Internal Server Error" not in html


def test_a_database_error_gets_its_own_page_without_the_database(rf):
    from django.db import OperationalError

    from ontheffing.views.algemeen import serverfout

    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = serverfout(rf.get("/"))
    assert response.status_code == 500
    assert "Tijdelijk niet bereikbaar" in response.content.decode()


def test_the_error_page_does_not_claim_that_nothing_was_saved(rf):
    from ontheffing.views.algemeen import serverfout

    try:
        raise ValueError("na de commit")
    except ValueError:
        response = serverfout(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "niets opgeslagen" not in html
    assert "Mogelijk is uw laatste actie toch opgeslagen" in html


@pytest.mark.parametrize(
    "terug", ["0", "provincie:werkvoorraad", "https://elders.example/"]
)
def test_opnieuw_versturen_never_reads_next_as_a_view_name_or_leaves_the_site(
    client, ingediend, behandelaar, settings, terug
):
    settings.BEZORGING_NA_COMMIT = False
    bericht = Bericht.objects.filter(verzoek=ingediend).latest("pk")
    inloggen(client, behandelaar)
    response = client.post(
        reverse("provincie:bericht_opnieuw", args=[bericht.pk]), {"next": terug}
    )
    assert response.status_code == 302  # "0" gave a 500: read as a view name
    if ":" in terug:  # a view name or another site: back to the list
        assert response["Location"] == reverse("provincie:berichten_mislukt")
    else:
        assert response["Location"] == terug
