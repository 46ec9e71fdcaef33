"""A record nobody can quietly change: the hash chain finds rows altered behind
the application's back, and PostgreSQL refuses the change outright."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.utils import DatabaseError

from ontheffing import services
from ontheffing.models import Gebeurtenis, controleer_keten

pytestmark = pytest.mark.django_db


def test_intact_chain_passes(ingediend, capsys):
    services.notitie_toevoegen(
        user=_behandelaar(ingediend), verzoek=ingediend, tekst="Let op."
    )
    call_command("audit_controleren")
    assert "In orde" in capsys.readouterr().out


def _behandelaar(verzoek):
    from ontheffing.states import Rol
    from tests.factories import maak_gebruiker

    return maak_gebruiker(Rol.BEHANDELAAR, verzoek.provincie)


def _raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="PostgreSQL weigert de wijziging zelf"
)
def test_a_row_changed_with_raw_sql_is_detected(ingediend):
    eerste = ingediend.gebeurtenissen.order_by("pk").first()
    _raw(
        "UPDATE ontheffing_gebeurtenis SET reden = %s WHERE id = %s",
        ["vervalst", eerste.pk],
    )
    ok, reden = controleer_keten(ingediend.pk)
    assert not ok
    assert f"gebeurtenis {eerste.pk}" in reden
    with pytest.raises(CommandError, match="1 fout"):
        call_command("audit_controleren")


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="PostgreSQL weigert de wijziging zelf"
)
def test_a_deleted_row_breaks_the_chain(ingediend):
    services.notitie_toevoegen(
        user=_behandelaar(ingediend), verzoek=ingediend, tekst="a"
    )
    services.notitie_toevoegen(
        user=_behandelaar(ingediend), verzoek=ingediend, tekst="b"
    )
    midden = list(ingediend.gebeurtenissen.order_by("pk"))[1]
    _raw("DELETE FROM ontheffing_gebeurtenis WHERE id = %s", [midden.pk])
    ok, reden = controleer_keten(ingediend.pk)
    assert not ok
    assert "vorige" in reden


@pytest.mark.skipif(connection.vendor != "postgresql", reason="alleen PostgreSQL")
def test_postgresql_refuses_update_and_delete(ingediend):
    eerste = Gebeurtenis.objects.filter(verzoek=ingediend).first()
    for sql in (
        "UPDATE ontheffing_gebeurtenis SET reden = 'x' WHERE id = %s",
        "DELETE FROM ontheffing_gebeurtenis WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="alleen worden aangevuld"):
            with transaction.atomic():
                _raw(sql, [eerste.pk])
    assert controleer_keten(ingediend.pk) == (True, "")


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="PostgreSQL weigert de wijziging zelf"
)
def test_a_changed_letter_is_detected(ingediend, behandelaar, beslisser):
    from tests.factories import naar_besluitvorming

    naar_besluitvorming(ingediend, behandelaar)
    besluit = services.besluit_vaststellen(user=beslisser, verzoek=ingediend)
    _raw(
        "UPDATE ontheffing_besluit SET pdf = %s WHERE id = %s",
        [b"%PDF-vervalst", besluit.pk],
    )
    with pytest.raises(CommandError):
        call_command("audit_controleren")


def _beheerwijziging(provincie, beheerder, behandelaar, mandaat):
    services.medewerker_wijzigen(
        user=beheerder,
        medewerker=behandelaar,
        naam=behandelaar.naam,
        rol=behandelaar.rol,
        functie="jurist",
        mandaat=mandaat,
        mag_namens_cdk=False,
        is_active=True,
    )


def test_beheer_changes_are_chained_per_province(provincie, beheerder, behandelaar):
    from ontheffing.models import Beheergebeurtenis, controleer_beheerketen

    _beheerwijziging(provincie, beheerder, behandelaar, mandaat=True)
    _beheerwijziging(provincie, beheerder, behandelaar, mandaat=False)
    eerste, tweede = Beheergebeurtenis.objects.order_by("pk")
    assert tweede.vorige_hash == eerste.hash
    assert controleer_beheerketen(provincie.pk) == (True, "")


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="PostgreSQL weigert de wijziging zelf"
)
def test_a_changed_mandate_record_is_detected(provincie, beheerder, behandelaar):
    from ontheffing.models import Beheergebeurtenis, controleer_beheerketen

    _beheerwijziging(provincie, beheerder, behandelaar, mandaat=True)
    gebeurtenis = Beheergebeurtenis.objects.get()
    _raw(
        "UPDATE ontheffing_beheergebeurtenis SET details = %s WHERE id = %s",
        ['{"mandaat": {"oud": false, "nieuw": false}}', gebeurtenis.pk],
    )
    ok, reden = controleer_beheerketen(provincie.pk)
    assert not ok
    assert "inhoud is gewijzigd" in reden
    with pytest.raises(CommandError):
        call_command("audit_controleren")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="alleen PostgreSQL")
def test_postgresql_refuses_changing_the_beheer_record(
    provincie, beheerder, behandelaar
):
    from ontheffing.models import Beheergebeurtenis

    _beheerwijziging(provincie, beheerder, behandelaar, mandaat=True)
    pk = Beheergebeurtenis.objects.get().pk
    for sql in (
        "UPDATE ontheffing_beheergebeurtenis SET onderwerp = 'x' WHERE id = %s",
        "DELETE FROM ontheffing_beheergebeurtenis WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="alleen worden aangevuld"):
            with transaction.atomic():
                _raw(sql, [pk])
