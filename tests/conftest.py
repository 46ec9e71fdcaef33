"""Fixtures shared by the tests; the data they build comes from ``factories``."""

import pytest

from ontheffing.states import Rol
from tests.factories import maak_concept, maak_gebruiker, maak_gemeente, maak_provincie


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
