"""Concurrency on PostgreSQL with real connections (threads): one winner, and
the loser gets a clear message; kenmerken stay unique and gapless."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections

from ontheffing import services
from ontheffing.models import Besluit, Gebeurtenis, Verzoek
from ontheffing.states import Actie, Rol, Status
from tests.factories import maak_concept, maak_gebruiker, maak_gemeente, maak_provincie

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="alleen op PostgreSQL"
    ),
]


def gelijktijdig(*taken):
    """Run each task in its own thread with its own connection, released together."""
    start = threading.Barrier(len(taken))
    uitkomsten = [None] * len(taken)

    def draai(i, taak):
        try:
            start.wait()
            uitkomsten[i] = ("ok", taak())
        except services.Weigering as exc:
            uitkomsten[i] = ("geweigerd", str(exc))
        except Exception as exc:  # noqa: BLE001 - reported to the test
            uitkomsten[i] = ("fout", repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=draai, args=(i, t)) for i, t in enumerate(taken)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return uitkomsten


def test_twenty_parallel_submissions_get_distinct_gapless_kenmerken():
    gemeente = maak_gemeente(maak_provincie())
    concepten = [maak_concept(gemeente=gemeente) for _ in range(20)]
    uitkomsten = gelijktijdig(
        *[
            (
                lambda v=v: (
                    services.verzoek_indienen(user=v.ingediend_door, verzoek=v).kenmerk
                )
            )
            for v in concepten
        ]
    )
    assert all(soort == "ok" for soort, _ in uitkomsten), uitkomsten
    nummers = sorted(Verzoek.objects.values_list("volgnummer", flat=True))
    assert nummers == list(range(1, 21))
    assert len({k for _, k in uitkomsten}) == 20


def _ter_besluitvorming():
    from tests.factories import naar_besluitvorming

    gemeente = maak_gemeente(maak_provincie())
    verzoek = maak_concept(gemeente=gemeente)
    services.verzoek_indienen(user=verzoek.ingediend_door, verzoek=verzoek)
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR, gemeente.provincie)
    return naar_besluitvorming(verzoek, behandelaar)


def test_two_beslissers_deciding_at_once_make_one_decision():
    verzoek = _ter_besluitvorming()
    beslissers = [maak_gebruiker(Rol.BESLISSER, verzoek.provincie) for _ in range(2)]
    uitkomsten = gelijktijdig(
        *[
            (
                lambda b=b: (
                    services.besluit_vaststellen(
                        user=b, verzoek=Verzoek.objects.get(pk=verzoek.pk)
                    ).pk
                )
            )
            for b in beslissers
        ]
    )
    soorten = sorted(s for s, _ in uitkomsten)
    assert soorten == ["geweigerd", "ok"], uitkomsten
    assert Besluit.objects.filter(verzoek=verzoek).count() == 1
    assert (
        Gebeurtenis.objects.filter(verzoek=verzoek, actie=Actie.VASTSTELLEN).count()
        == 1
    )
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.AFGEHANDELD


def test_withdrawing_while_the_beslisser_decides_one_wins():
    verzoek = _ter_besluitvorming()
    beslisser = maak_gebruiker(Rol.BESLISSER, verzoek.provincie)
    uitkomsten = gelijktijdig(
        lambda: services.besluit_vaststellen(
            user=beslisser, verzoek=Verzoek.objects.get(pk=verzoek.pk)
        ),
        lambda: services.verzoek_intrekken(
            user=verzoek.ingediend_door, verzoek=Verzoek.objects.get(pk=verzoek.pk)
        ),
    )
    assert sorted(s for s, _ in uitkomsten) == ["geweigerd", "ok"], uitkomsten
    eind = Verzoek.objects.get(pk=verzoek.pk).status
    assert eind in (Status.AFGEHANDELD, Status.INGETROKKEN)
    assert Besluit.objects.filter(verzoek=verzoek).exists() == (
        eind == Status.AFGEHANDELD
    )


def test_a_view_given_while_the_behandelaar_processes_never_lands_after_it():
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import naar_toetsing

    gemeente = maak_gemeente(maak_provincie())
    verzoek = maak_concept(gemeente=gemeente)
    services.verzoek_indienen(user=verzoek.ingediend_door, verzoek=verzoek)
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR, gemeente.provincie)
    naar_toetsing(verzoek, behandelaar)
    services.zienswijze_vragen(
        user=behandelaar,
        verzoek=verzoek,
        van="Jan Jansen",
        uiterlijk=timezone.localdate() + timedelta(days=14),
        toelichting="Over de aandelen.",
    )
    uitkomsten = gelijktijdig(
        lambda: services.zienswijze_geven(
            user=verzoek.ingediend_door,
            verzoek=Verzoek.objects.get(pk=verzoek.pk),
            tekst="Verkocht.",
        ),
        lambda: services.zienswijze_verwerken(
            user=behandelaar,
            verzoek=Verzoek.objects.get(pk=verzoek.pk),
            samenvatting="Verwerkt.",
        ),
    )
    assert uitkomsten[1][0] == "ok", uitkomsten
    assert uitkomsten[0][0] in ("ok", "geweigerd"), uitkomsten
    volgorde = list(
        Gebeurtenis.objects.filter(
            verzoek=verzoek,
            actie__in=[Actie.ZIENSWIJZE_GEVEN, Actie.ZIENSWIJZE_VERWERKEN],
        )
        .order_by("pk")
        .values_list("actie", flat=True)
    )
    if uitkomsten[0][0] == "ok":
        assert volgorde == [Actie.ZIENSWIJZE_GEVEN, Actie.ZIENSWIJZE_VERWERKEN]
    else:
        assert volgorde == [Actie.ZIENSWIJZE_VERWERKEN]


def test_eight_notes_and_transitions_at_once_never_fork_the_chain(capsys):
    """Each round, six staff add a note while two others move the case in two
    different ways; the chain stays one line and the check stays clean."""
    from django.core.management import call_command

    from ontheffing.models import controleer_keten
    from tests.factories import vandaag

    gemeente = maak_gemeente(maak_provincie())
    staf = [maak_gebruiker(Rol.BEHANDELAAR, gemeente.provincie) for _ in range(8)]
    for ronde in range(20):
        verzoek = maak_concept(gemeente=gemeente)
        services.verzoek_indienen(user=verzoek.ingediend_door, verzoek=verzoek)
        voor = Gebeurtenis.objects.filter(verzoek=verzoek).count()

        def vers(v=verzoek):
            return Verzoek.objects.get(pk=v.pk)

        notities = [
            (
                lambda u=u, r=ronde: services.notitie_toevoegen(
                    user=u, verzoek=vers(), tekst=f"Ronde {r}, notitie {u.pk}."
                )
            )
            for u in staf[:6]
        ]
        uitkomsten = gelijktijdig(
            *notities,
            lambda: services.verzoek_in_behandeling_nemen(user=staf[6], verzoek=vers()),
            lambda: services.aanvulling_vragen(
                user=staf[7],
                verzoek=vers(),
                ontbrekend=["offerte"],
                toelichting="",
                hersteltermijn_einde=vandaag() + timedelta(days=14),
            ),
        )
        assert [s for s, _ in uitkomsten[:6]] == ["ok"] * 6, (ronde, uitkomsten)
        assert sorted(s for s, _ in uitkomsten[6:]) == ["geweigerd", "ok"], (
            ronde,
            uitkomsten,
        )
        assert Gebeurtenis.objects.filter(verzoek=verzoek).count() == voor + 7
        assert controleer_keten(verzoek.pk) == (True, ""), ronde
    call_command("audit_controleren")
    assert "In orde: 20 verzoeken" in capsys.readouterr().out
