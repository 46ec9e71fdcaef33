"""A record nobody can quietly change or erase. The hash chain finds a row
altered behind the application's back; the keyed seal finds a chain recomputed,
cut short or emptied and a letter changed; the checkpoint outside the database
finds what vanished with its seal. PostgreSQL refuses the change outright: the
application's role has no right to it, and a trigger stops even the owner."""

import json

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.utils import DatabaseError

from ontheffing import services
from ontheffing.models import Besluit, Gebeurtenis, controleer_keten
from ontheffing.states import Rol
from tests.databaserollen import eigenaar, eigenaarscursor
from tests.factories import inloggen, maak_gebruiker

pytestmark = pytest.mark.django_db

alleen_sqlite = pytest.mark.skipif(
    connection.vendor == "postgresql", reason="PostgreSQL weigert de wijziging zelf"
)
alleen_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="alleen PostgreSQL"
)
# The owner's cursor is Django's or, with separate roles, psycopg's own.
WEIGERING = (DatabaseError, psycopg.Error)


def _behandelaar(verzoek):
    return maak_gebruiker(Rol.BEHANDELAAR, verzoek.provincie)


def _raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _notities(verzoek, *teksten):
    behandelaar = _behandelaar(verzoek)
    for tekst in teksten:
        services.notitie_toevoegen(user=behandelaar, verzoek=verzoek, tekst=tekst)


def _controle_faalt(capsys) -> str:
    """Run the check; it must exit non-zero. Returns what it reported."""
    with pytest.raises(CommandError, match="fout"):
        call_command("audit_controleren")
    return capsys.readouterr().err


def _met_besluit(ingediend, behandelaar, beslisser):
    from tests.factories import naar_besluitvorming

    naar_besluitvorming(ingediend, behandelaar)
    return services.besluit_vaststellen(user=beslisser, verzoek=ingediend)


def test_intact_record_passes(ingediend, capsys):
    _notities(ingediend, "Let op.")
    call_command("audit_controleren")
    assert "In orde" in capsys.readouterr().out


# ------------------------------------------------- tampering, on SQLite


def _herbereken_keten(verzoek_id):
    """What a forger without the key does after an edit: recompute every link
    with the unkeyed SHA-256, so the chain on its own looks whole again."""
    vorige = ""
    for g in Gebeurtenis.objects.filter(verzoek_id=verzoek_id).order_by("pk"):
        g.vorige_hash = vorige
        nieuw = g.bereken_hash()
        _raw(
            "UPDATE ontheffing_gebeurtenis SET vorige_hash = %s, hash = %s WHERE id = %s",
            [vorige, nieuw, g.pk],
        )
        vorige = nieuw


def _bewerkt(verzoek, besluit):
    eerste = verzoek.gebeurtenissen.order_by("pk").first()
    _raw(
        "UPDATE ontheffing_gebeurtenis SET reden = 'vervalst' WHERE id = %s",
        [eerste.pk],
    )


def _bewerkt_en_herberekend(verzoek, besluit):
    _bewerkt(verzoek, besluit)
    _herbereken_keten(verzoek.pk)
    assert controleer_keten(verzoek.pk) == (True, "")  # the unkeyed chain is fooled


def _laatste_verwijderd(verzoek, besluit):
    laatste = verzoek.gebeurtenissen.order_by("-pk").first()
    _raw("DELETE FROM ontheffing_gebeurtenis WHERE id = %s", [laatste.pk])
    assert controleer_keten(verzoek.pk) == (True, "")  # a shorter chain is whole


def _alle_verwijderd(verzoek, besluit):
    _raw("DELETE FROM ontheffing_gebeurtenis WHERE verzoek_id = %s", [verzoek.pk])


def _pdf_vervangen(verzoek, besluit):
    import hashlib

    vals = b"%PDF-1.4 vervalst"
    _raw(
        "UPDATE ontheffing_besluit SET pdf = %s, sha256 = %s WHERE id = %s",
        [vals, hashlib.sha256(vals).hexdigest(), besluit.pk],
    )
    assert Besluit.objects.get(pk=besluit.pk).integer()  # the stored hash agrees


def _html_gewijzigd(verzoek, besluit):
    _raw(
        "UPDATE ontheffing_besluit SET html = html || '<p>ook verleend</p>' WHERE id = %s",
        [besluit.pk],
    )


def _uitkomst_gewijzigd(verzoek, besluit):
    _raw(
        "UPDATE ontheffing_besluit SET uitkomst = 'geweigerd' WHERE id = %s",
        [besluit.pk],
    )


def _uitgaande_post_geleegd():
    """The outbox refers to the letters it sent: a forger empties it first."""
    _raw("DELETE FROM ontheffing_bezorgpoging")
    _raw("DELETE FROM ontheffing_berichtbijlage")
    _raw("DELETE FROM ontheffing_bericht")


def _beide_tabellen_geleegd(verzoek, besluit):
    # SQLite has no TRUNCATE; an unqualified DELETE is its equivalent.
    _uitgaande_post_geleegd()
    _raw("DELETE FROM ontheffing_gebeurtenis")
    _raw("DELETE FROM ontheffing_besluit")


@alleen_sqlite
@pytest.mark.parametrize(
    ("vervalsing", "melding"),
    [
        (_bewerkt, "inhoud is gewijzigd"),
        (_bewerkt_en_herberekend, "wijkt af van haar zegel"),
        (_laatste_verwijderd, "wijkt af van haar zegel"),
        (_alle_verwijderd, "ontbreken"),
        (_pdf_vervangen, "wijkt af van het zegel van de brief"),
        (_html_gewijzigd, "wijkt af van het zegel van de brief"),
        (_uitkomst_gewijzigd, "wijkt af van het zegel van de brief"),
        (_beide_tabellen_geleegd, "ontbreken"),
    ],
    ids=lambda v: getattr(v, "__name__", "")[1:] or None,
)
def test_each_tampering_is_detected_and_names_the_case(
    ingediend, behandelaar, beslisser, capsys, vervalsing, melding
):
    besluit = _met_besluit(ingediend, behandelaar, beslisser)
    _notities(ingediend, "a", "b")
    call_command("audit_controleren")
    capsys.readouterr()

    vervalsing(ingediend, besluit)

    fouten = _controle_faalt(capsys)
    assert melding in fouten
    regels = [r for r in fouten.splitlines() if melding in r]
    assert all(r.startswith(f"verzoek {ingediend.kenmerk}") for r in regels), fouten


@alleen_sqlite
def test_truncating_both_tables_reports_the_vanished_letter_too(
    ingediend, behandelaar, beslisser, capsys
):
    besluit = _met_besluit(ingediend, behandelaar, beslisser)
    _beide_tabellen_geleegd(ingediend, besluit)
    fouten = _controle_faalt(capsys)
    assert f"verzoek {ingediend.kenmerk}: verzegeld besluit {besluit.pk} ontbreekt" in (
        fouten
    )


@alleen_sqlite
def test_every_break_in_a_chain_is_reported_not_only_the_first(ingediend, capsys):
    _notities(ingediend, "a", "b", "c")
    alle = list(ingediend.gebeurtenissen.order_by("pk"))
    eerste, derde = alle[0], alle[2]
    for g in (eerste, derde):
        _raw("UPDATE ontheffing_gebeurtenis SET reden = 'x' WHERE id = %s", [g.pk])
    fouten = _controle_faalt(capsys)
    assert f"gebeurtenis {eerste.pk}: inhoud is gewijzigd" in fouten
    assert f"gebeurtenis {derde.pk}: inhoud is gewijzigd" in fouten


@alleen_sqlite
def test_a_deleted_row_in_the_middle_breaks_the_chain(ingediend):
    _notities(ingediend, "a", "b")
    midden = list(ingediend.gebeurtenissen.order_by("pk"))[1]
    _raw("DELETE FROM ontheffing_gebeurtenis WHERE id = %s", [midden.pk])
    ok, reden = controleer_keten(ingediend.pk)
    assert not ok
    assert "vorige" in reden


@alleen_sqlite
def test_a_seal_made_without_the_key_is_refused(ingediend, capsys):
    import hashlib

    _bewerkt_en_herberekend(ingediend, None)
    kop = ingediend.gebeurtenissen.order_by("-pk").first().hash
    _raw(
        "UPDATE ontheffing_zegel SET kop = %s, zegel = %s "
        "WHERE soort = 'verzoek' AND sleutel = %s",
        [kop, hashlib.sha256(kop.encode()).hexdigest(), ingediend.pk],
    )
    fouten = _controle_faalt(capsys)
    assert (
        f"verzoek {ingediend.kenmerk}: het zegel van de keten is niet met de sleutel"
        in (fouten)
    )


@alleen_sqlite
def test_a_changed_mandate_record_is_detected(
    provincie, beheerder, behandelaar, capsys
):
    from ontheffing.models import Beheergebeurtenis, controleer_beheerketen

    _beheerwijziging(beheerder, behandelaar, mandaat=True)
    gebeurtenis = Beheergebeurtenis.objects.get()
    _raw(
        "UPDATE ontheffing_beheergebeurtenis SET details = %s WHERE id = %s",
        ['{"mandaat": {"oud": false, "nieuw": false}}', gebeurtenis.pk],
    )
    ok, reden = controleer_beheerketen(provincie.pk)
    assert not ok
    assert "inhoud is gewijzigd" in reden
    assert f"beheer van {provincie.naam}" in _controle_faalt(capsys)


# ------------------------------------------------------------ documents


def test_a_missing_or_changed_document_file_is_reported(ingediend, capsys):
    from django.core.files.storage import default_storage

    bijlage = ingediend.bijlagen.get(soort="overeenkomst")
    with default_storage.open(bijlage.bestand.name, "wb") as bestand:
        bestand.write(b"%PDF-1.4 ander document")
    fouten = _controle_faalt(capsys)
    assert f"verzoek {ingediend.kenmerk}: document '{bijlage.bestandsnaam}'" in fouten
    assert "wijkt af van de opgeslagen SHA-256" in fouten

    default_storage.delete(bijlage.bestand.name)
    fouten = _controle_faalt(capsys)
    assert f"(bijlage {bijlage.pk}): het bestand ontbreekt in de opslag" in fouten


# ------------------------------------------------------------ checkpoints


@pytest.fixture
def controlepunt(tmp_path, settings):
    settings.AUDIT_CONTROLEPUNT = str(tmp_path / "archief" / "controlepunten.jsonl")
    return tmp_path / "archief" / "controlepunten.jsonl"


def test_a_checkpoint_is_written_only_after_a_clean_check(
    ingediend, controlepunt, capsys
):
    from ontheffing.dossiercontrole import controlepunt_geschreven

    ontvangen = []

    def ontvanger(**kwargs):
        ontvangen.append(kwargs["regel"])

    controlepunt_geschreven.connect(ontvanger)
    try:
        call_command("audit_controleren", "--controlepunt")
    finally:
        controlepunt_geschreven.disconnect(ontvanger)
    punt = json.loads(controlepunt.read_text().splitlines()[-1])
    aantal = ingediend.gebeurtenissen.count()
    assert punt["ketens"][f"verzoek:{ingediend.pk}"][0] == aantal
    assert punt["aantallen"]["verzoeken"] == 1
    assert ontvangen == [controlepunt.read_text().strip()]
    call_command("audit_controleren")
    assert "Vergeleken met het controlepunt" in capsys.readouterr().out


@alleen_sqlite
def test_the_checkpoint_finds_a_case_erased_with_its_seals(
    ingediend, behandelaar, beslisser, controlepunt, capsys
):
    besluit = _met_besluit(ingediend, behandelaar, beslisser)
    kenmerk = ingediend.kenmerk
    call_command("audit_controleren", "--controlepunt")
    capsys.readouterr()
    # Everything of the case, seals included: nothing inside the database is left
    # to compare with.
    _uitgaande_post_geleegd()
    _raw("DELETE FROM ontheffing_zegel")
    _raw("DELETE FROM ontheffing_gebeurtenis")
    _raw("DELETE FROM ontheffing_besluit")
    fouten = _controle_faalt(capsys)
    assert (
        f"verzoek {kenmerk}: de keten loopt niet meer door het controlepunt" in fouten
    )
    assert f"verzoek {kenmerk}: besluit {besluit.pk} uit het controlepunt" in fouten
    assert "minder dan de" in fouten


@alleen_sqlite
def test_the_checkpoint_finds_a_cut_chain_with_a_forged_seal_row(
    ingediend, controlepunt, capsys
):
    _notities(ingediend, "a", "b")
    call_command("audit_controleren", "--controlepunt")
    capsys.readouterr()
    # An old seal row copied back (a replay) after cutting the tail: the seal is
    # genuine, only the checkpoint shows the chain used to be longer.
    oud = ingediend.gebeurtenissen.order_by("pk")[1]
    zegel = _oud_zegel(ingediend.pk, 2, oud.hash)
    _raw(
        "DELETE FROM ontheffing_gebeurtenis WHERE verzoek_id = %s AND id > %s",
        [ingediend.pk, oud.pk],
    )
    _raw(
        "UPDATE ontheffing_zegel SET aantal = 2, kop = %s, zegel = %s "
        "WHERE soort = 'verzoek' AND sleutel = %s",
        [oud.hash, zegel, ingediend.pk],
    )
    fouten = _controle_faalt(capsys)
    assert "wijkt af van haar zegel" not in fouten
    assert f"verzoek {ingediend.kenmerk}: de keten loopt niet meer door" in fouten


def _oud_zegel(verzoek_pk, aantal, kop):
    from ontheffing import zegels

    return zegels.zegel(zegels.ketenbericht("verzoek", verzoek_pk, aantal, kop))


def test_a_checkpoint_edited_without_the_key_is_refused(
    ingediend, controlepunt, capsys
):
    call_command("audit_controleren", "--controlepunt")
    punt = json.loads(controlepunt.read_text())
    punt["aantallen"]["verzoeken"] = 0
    controlepunt.write_text(json.dumps(punt) + "\n")
    assert "niet met de sleutel gemaakt" in _controle_faalt(capsys)


# ------------------------------------------------------------ PostgreSQL


@alleen_postgresql
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "tabel", ["ontheffing_gebeurtenis", "ontheffing_besluit", "ontheffing_zegel"]
)
def test_postgresql_refuses_truncate_even_to_the_owner(tabel):
    with eigenaarscursor() as cursor:
        with pytest.raises(WEIGERING, match="alleen worden aangevuld"):
            cursor.execute(f"TRUNCATE {tabel} CASCADE")


@alleen_postgresql
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_postgresql_triggers_refuse_update_and_delete_to_the_owner(ingediend):
    eerste = Gebeurtenis.objects.filter(verzoek=ingediend).first()
    with eigenaarscursor() as cursor:
        for sql in (
            "UPDATE ontheffing_gebeurtenis SET reden = 'x' WHERE id = %s",
            "DELETE FROM ontheffing_gebeurtenis WHERE id = %s",
            "DELETE FROM ontheffing_zegel WHERE sleutel = %s",
        ):
            with pytest.raises(WEIGERING, match="alleen worden aangevuld"):
                cursor.execute(
                    sql, [eerste.verzoek_id if "zegel" in sql else eerste.pk]
                )
    assert controleer_keten(ingediend.pk) == (True, "")


@alleen_postgresql
@pytest.mark.postgres
def test_the_application_role_may_not_erase_or_alter(ingediend):
    if eigenaar() is None:
        pytest.skip("alleen met een aparte eigenaarsrol (DATABASE_EIGENAAR_URL)")
    eerste = Gebeurtenis.objects.filter(verzoek=ingediend).first()
    for sql in (
        "UPDATE ontheffing_gebeurtenis SET reden = 'x' WHERE id = %s",
        "DELETE FROM ontheffing_gebeurtenis WHERE id = %s",
        "DELETE FROM ontheffing_zegel WHERE id = %s",
        "UPDATE ontheffing_besluit SET html = '' WHERE id = %s",
        "TRUNCATE ontheffing_gebeurtenis, ontheffing_besluit CASCADE",
        "TRUNCATE ontheffing_verzoek CASCADE",
        "ALTER TABLE ontheffing_gebeurtenis DISABLE TRIGGER USER",
        "DROP TRIGGER ontheffing_gebeurtenis_alleen_toevoegen ON ontheffing_gebeurtenis",
        "CREATE TABLE ontheffing_iets (id int)",
    ):
        with pytest.raises(DatabaseError, match="permission denied|must be owner"):
            with transaction.atomic():
                _raw(sql, [eerste.pk] if "%s" in sql else None)


@alleen_postgresql
@pytest.mark.postgres
def test_the_application_role_owns_nothing_and_has_no_truncate_anywhere():
    if eigenaar() is None:
        pytest.skip("alleen met een aparte eigenaarsrol (DATABASE_EIGENAAR_URL)")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_class WHERE relowner = "
            "(SELECT oid FROM pg_roles WHERE rolname = current_user)"
        )
        assert cursor.fetchone()[0] == 0
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "AND (has_table_privilege(current_user, format('%I.%I', schemaname, tablename), 'TRUNCATE') "
            "  OR has_table_privilege(current_user, format('%I.%I', schemaname, tablename), 'REFERENCES') "
            "  OR has_table_privilege(current_user, format('%I.%I', schemaname, tablename), 'TRIGGER'))"
        )
        assert cursor.fetchall() == []
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename IN ('ontheffing_gebeurtenis', 'ontheffing_besluit', "
            "'ontheffing_beheergebeurtenis', 'ontheffing_zegel') "
            "AND (has_table_privilege(current_user, format('%I.%I', schemaname, tablename), 'DELETE') "
            "  OR (tablename <> 'ontheffing_zegel' "
            "      AND has_table_privilege(current_user, format('%I.%I', schemaname, tablename), 'UPDATE')))"
        )
        assert cursor.fetchall() == []


# ------------------------------------------------------------ beheer


def _beheerwijziging(beheerder, behandelaar, mandaat):
    services.medewerker_wijzigen(
        user=beheerder,
        medewerker=behandelaar,
        naam=behandelaar.naam,
        rol=behandelaar.rol,
        functie="senior jurist" if mandaat else "jurist",
        is_active=True,
    )


def test_beheer_changes_are_chained_and_sealed_per_province(
    provincie, beheerder, behandelaar, capsys
):
    from ontheffing.models import Beheergebeurtenis, Zegel, controleer_beheerketen

    _beheerwijziging(beheerder, behandelaar, mandaat=True)
    _beheerwijziging(beheerder, behandelaar, mandaat=False)
    eerste, tweede = Beheergebeurtenis.objects.order_by("pk")
    assert tweede.vorige_hash == eerste.hash
    assert controleer_beheerketen(provincie.pk) == (True, "")
    zegel = Zegel.objects.get(soort="provincie", sleutel=provincie.pk)
    assert (zegel.aantal, zegel.kop) == (2, tweede.hash)
    call_command("audit_controleren")
    assert "In orde" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("pad", "gegevens"),
    [
        ("gebruiker/{b}/change/", {"email": "x@example.nl", "mandaat": "on"}),
        (
            "gebruiker/{b}/password/",
            {"password1": "n1euw-Wachtw00rd", "password2": "n1euw-Wachtw00rd"},
        ),
        ("gebruiker/add/", {"email": "nieuw@example.nl", "naam": "Nieuw"}),
        ("gebruiker/{b}/delete/", {"post": "yes"}),
        ("provincie/{p}/change/", {"naam": "Vervalst", "cdk_naam": "X"}),
        ("beleidsregel/add/", {"titel": "Eigen regel"}),
        ("waterschap/add/", {"naam": "Waterschap X"}),
    ],
)
def test_the_admin_cannot_change_staff_mandates_or_letterhead_past_the_record(
    client, provincie, behandelaar, pad, gegevens
):
    from ontheffing.models import Beheergebeurtenis, Gebruiker

    beheer = Gebruiker.objects.create_superuser("super@example.nl", "geheim-123-abc")
    inloggen(client, beheer)
    url = "/beheeromgeving/ontheffing/" + pad.format(b=behandelaar.pk, p=provincie.pk)
    voor = (
        Gebruiker.objects.count(),
        Gebruiker.objects.get(pk=behandelaar.pk).rol,
        Gebruiker.objects.get(pk=behandelaar.pk).password,
        _provincienaam(provincie),
    )
    assert client.post(url, gegevens).status_code == 403
    na = (
        Gebruiker.objects.count(),
        Gebruiker.objects.get(pk=behandelaar.pk).rol,
        Gebruiker.objects.get(pk=behandelaar.pk).password,
        _provincienaam(provincie),
    )
    assert na == voor
    assert not Beheergebeurtenis.objects.exists()


def _provincienaam(provincie):
    from ontheffing.models import Provincie

    return Provincie.objects.get(pk=provincie.pk).naam


def test_the_admin_still_shows_staff_for_reading(client, behandelaar):
    from ontheffing.models import Gebruiker

    beheer = Gebruiker.objects.create_superuser("super@example.nl", "geheim-123-abc")
    inloggen(client, beheer)
    antwoord = client.get(
        f"/beheeromgeving/ontheffing/gebruiker/{behandelaar.pk}/change/"
    )
    assert antwoord.status_code == 200
    assert behandelaar.email in antwoord.content.decode()
