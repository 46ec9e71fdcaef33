"""Backups that restore (README, "Back-up en herstel"): a populated database and
its documents are dumped with pg_dump and tar, restored into a fresh database
and folder, and ``audit_controleren`` on the restored copy finds chains, seals,
letters and every document whole, as the operator would run it."""

import os
import shutil
import subprocess
import sys
import tarfile
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from ontheffing import services
from ontheffing.models import Besluit, Bijlage, Doorzendadres, Orgaan, Verzoek
from ontheffing.states import Rol, Status
from tests.databaserollen import eigenaar
from tests.factories import maak_concept, maak_gebruiker, maak_gemeente, maak_provincie

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="alleen op PostgreSQL"
    ),
]


def _bevolken():
    """One case in every state, each with a document; two issued letters; a
    beheer change."""
    from tests.factories import naar_besluitvorming, naar_toetsing, vraag_offerte

    provincie = maak_provincie()
    gemeente = maak_gemeente(provincie)
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR, provincie)
    beslisser = maak_gebruiker(Rol.BESLISSER, provincie, mag_namens_cdk=True)
    beheerder = maak_gebruiker(Rol.BEHEERDER, provincie)

    def ingediend():
        v = maak_concept(gemeente=gemeente)
        return services.verzoek_indienen(user=v.ingediend_door, verzoek=v)

    maak_concept(gemeente=gemeente)
    ingediend()
    vraag_offerte(ingediend(), behandelaar)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend())
    naar_toetsing(ingediend(), behandelaar)
    services.zienswijze_vragen(
        user=behandelaar,
        verzoek=naar_toetsing(ingediend(), behandelaar),
        van="Jan Jansen",
        uiterlijk=timezone.localdate() + timedelta(days=14),
        toelichting="Over de aandelen.",
    )
    naar_besluitvorming(ingediend(), behandelaar)
    services.besluit_vaststellen(
        user=beslisser, verzoek=naar_besluitvorming(ingediend(), behandelaar)
    )
    services.verzoek_doorzenden(
        user=behandelaar,
        verzoek=ingediend(),
        aan=Doorzendadres.objects.create(
            orgaan=Orgaan.MINISTER_BZK,
            postadres="Postbus 20011\n2500 EA Den Haag",
            email="verboden-handelingen@minbzk.example",
        ),
        toelichting="Voor een Statenlid beslist de Minister.",
    )
    v = ingediend()
    services.verzoek_intrekken(user=v.ingediend_door, verzoek=v)
    services.medewerker_wijzigen(
        user=beheerder,
        medewerker=behandelaar,
        naam=behandelaar.naam,
        rol=behandelaar.rol,
        functie="senior jurist",
        is_active=True,
    )


def _pg(*args, dbname):
    s = settings.DATABASES["default"]
    e = eigenaar() or s
    env = {**os.environ, "PGPASSWORD": e["PASSWORD"]}
    basis = ["-h", s["HOST"] or "127.0.0.1", "-p", str(s["PORT"] or 5432)]
    basis += ["-U", e["USER"]]
    commando, *rest = args
    subprocess.run(
        [commando, *basis, *rest, *([] if dbname is None else ["-d", dbname])],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )


def _controleren(dbname, media, *extra):
    """``manage.py audit_controleren`` on the restored copy, as the
    application's role, with the same key."""
    s = settings.DATABASES["default"]
    url = (
        f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:"
        f"{s['PORT'] or 5432}/{dbname}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(media),
        "AUDIT_SLEUTEL": settings.AUDIT_SLEUTEL,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "audit_controleren", *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=settings.BASE_DIR,
    )


def test_a_dump_and_the_media_restore_into_a_copy_that_passes_the_check(tmp_path):
    from django.core.management import call_command

    _bevolken()
    statussen = set(Verzoek.objects.values_list("status", flat=True))
    assert statussen == set(Status.values), statussen
    # The decision, the notice of forwarding and the 4:5 request for completion.
    assert sorted(Besluit.objects.values_list("soort", flat=True)) == [
        "aanvulling",
        "doorzending",
        "verleend",
    ]
    controlepunt = tmp_path / "controlepunten.jsonl"
    settings.AUDIT_CONTROLEPUNT = str(controlepunt)
    try:
        call_command("audit_controleren", "--controlepunt")
    finally:
        settings.AUDIT_CONTROLEPUNT = ""

    bron = settings.DATABASES["default"]["NAME"]
    herstel = f"{bron}_herstel"
    dump = tmp_path / "ontheffing.dump"
    _pg("pg_dump", "--format=custom", f"--file={dump}", dbname=bron)
    with tarfile.open(tmp_path / "media.tar.gz", "w:gz") as tar:
        tar.add(settings.MEDIA_ROOT, arcname=".")

    media = tmp_path / "media-herstel"
    media.mkdir()
    _pg("dropdb", "--if-exists", herstel, dbname=None)
    _pg("createdb", herstel, dbname=None)
    try:
        _pg("pg_restore", "--exit-on-error", str(dump), dbname=herstel)
        with tarfile.open(tmp_path / "media.tar.gz") as tar:
            tar.extractall(media, filter="data")

        uitslag = _controleren(
            herstel, media, "--controlepuntbestand", str(controlepunt)
        )
        assert uitslag.returncode == 0, uitslag.stderr
        assert "Vergeleken met het controlepunt" in uitslag.stdout
        assert f"In orde: {Verzoek.objects.count()} verzoeken" in uitslag.stdout, (
            uitslag.stdout
        )
        assert f"{Bijlage.objects.count()} documenten" in uitslag.stdout

        # A document lost on the way is reported, naming its case.
        bijlage = Bijlage.objects.select_related("verzoek").order_by("pk").last()
        (media / bijlage.bestand.name).unlink()
        uitslag = _controleren(herstel, media)
        assert uitslag.returncode != 0
        assert (
            f"verzoek {bijlage.verzoek.kenmerk}: document '{bijlage.bestandsnaam}'"
            in uitslag.stderr
        )
        assert "ontbreekt in de opslag" in uitslag.stderr
    finally:
        _pg("dropdb", "--if-exists", herstel, dbname=None)
        shutil.rmtree(media, ignore_errors=True)
