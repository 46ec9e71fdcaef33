"""Fixtures shared by the tests; the data they build comes from ``factories``."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ontheffing import services
from ontheffing.models import Beleidsregel
from ontheffing.states import Rol
from tests.databaserollen import django_db_setup  # noqa: F401 (the owner migrates)
from tests.factories import (
    maak_concept,
    maak_gebruiker,
    maak_gemeente,
    maak_mandaat,
    maak_provincie,
    naar_besluitvorming,
)


@pytest.fixture
def provincie(db):
    return maak_provincie()


@pytest.fixture
def andere_provincie(db):
    return maak_provincie(code="PV26", naam="Utrecht")


@pytest.fixture
def gemeente(provincie):
    return maak_gemeente(provincie)


@pytest.fixture
def aanvrager(db):
    return maak_gebruiker(Rol.AANVRAGER, naam="Jan Jansen")


@pytest.fixture
def behandelaar(provincie):
    return maak_gebruiker(Rol.BEHANDELAAR, provincie, naam="Bea Behandelaar")


@pytest.fixture
def tweede_behandelaar(provincie):
    return maak_gebruiker(Rol.BEHANDELAAR, provincie, naam="Tom Tweede")


@pytest.fixture
def beslisser(provincie):
    return maak_gebruiker(
        Rol.BESLISSER, provincie, naam="Dirk Beslisser", mag_namens_cdk=True
    )


@pytest.fixture
def beheerder(provincie):
    return maak_gebruiker(Rol.BEHEERDER, provincie, naam="Bep Beheerder")


@pytest.fixture
def vreemde_behandelaar(andere_provincie):
    return maak_gebruiker(Rol.BEHANDELAAR, andere_provincie, naam="Vera Vreemd")


@pytest.fixture
def vreemde_beslisser(andere_provincie):
    return maak_gebruiker(Rol.BESLISSER, andere_provincie, naam="Victor Vreemd")


@pytest.fixture
def andere_aanvrager(db):
    return maak_gebruiker(Rol.AANVRAGER, naam="Anna Anders")


@pytest.fixture
def concept(aanvrager, gemeente):
    return maak_concept(aanvrager=aanvrager, gemeente=gemeente)


@pytest.fixture
def ingediend(concept):
    from ontheffing import services

    return services.verzoek_indienen(user=concept.ingediend_door, verzoek=concept)


@pytest.fixture
def wereld(db):
    """One province with a case of every kind a URL needs, and one user of
    each kind (the permission matrix and the hostile-input test)."""
    provincie = maak_provincie()
    andere = maak_provincie("PV26", "Utrecht")
    eigenaar = maak_gebruiker(Rol.AANVRAGER)
    actoren = {
        "anoniem": None,
        "eigenaar": eigenaar,
        "andere_aanvrager": maak_gebruiker(Rol.AANVRAGER),
        "behandelaar": maak_gebruiker(Rol.BEHANDELAAR, provincie),
        "beslisser": maak_gebruiker(Rol.BESLISSER, provincie, mag_namens_cdk=True),
        "beheerder": maak_gebruiker(Rol.BEHEERDER, provincie),
        "vreemde_behandelaar": maak_gebruiker(Rol.BEHANDELAAR, andere),
        "vreemde_beheerder": maak_gebruiker(Rol.BEHEERDER, andere),
        "sso_behandelaar": maak_gebruiker(Rol.BEHANDELAAR, provincie),
        "behandelaar_zonder_tweede_factor": maak_gebruiker(Rol.BEHANDELAAR, provincie),
        "digid_aanvrager": maak_gebruiker(Rol.AANVRAGER),
    }
    verzoek = maak_concept(aanvrager=eigenaar, gemeente=maak_gemeente(provincie))
    services.verzoek_indienen(user=eigenaar, verzoek=verzoek)
    services.aanvulling_vragen(
        user=actoren["behandelaar"],
        verzoek=verzoek,
        ontbrekend=["KvK-uittreksel"],
        toelichting="",
        hersteltermijn_einde=timezone.localdate() + timedelta(days=14),
    )
    # A decided case for the letter download.
    besloten = maak_concept(aanvrager=eigenaar, gemeente=maak_gemeente(provincie))
    services.verzoek_indienen(user=eigenaar, verzoek=besloten)
    naar_besluitvorming(besloten, maak_gebruiker(Rol.BEHANDELAAR, provincie))
    besluit = services.besluit_vaststellen(user=actoren["beslisser"], verzoek=besloten)
    return {
        "actoren": actoren,
        "mandaat": maak_mandaat(actoren["behandelaar"], bevestigd=False),
        "nieuwe_beslisser": maak_gebruiker(
            Rol.BESLISSER, provincie, mandaat=False, beslisser_bevestigd=False
        ),
        "verzoek": verzoek,
        "besloten": besloten,
        "besluit": besluit,
        "beleidsregel": Beleidsregel.objects.filter(provincie=provincie).first(),
    }
