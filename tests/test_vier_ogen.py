"""Four eyes in full: whoever prepared a decision cannot take it, also with a
mandate in force (README, "Vier ogen")."""

import pytest

from ontheffing import permissions, services
from ontheffing.services import GeenToegang
from ontheffing.states import Rol, Status
from tests.factories import (
    beoordeel_alles,
    kwalificeer,
    maak_gebruiker,
    naar_besluitvorming,
)

pytestmark = pytest.mark.django_db


def _voorstel(verzoek, behandelaar):
    services.besluit_voorstellen(
        user=behandelaar,
        verzoek=verzoek,
        uitkomst="verleend",
        motivering="Aan alle criteria is voldaan.",
        voorschriften=["Alleen deze opdracht."],
    )


@pytest.mark.parametrize("stap", ["kwalificeren", "toetsen"])
def test_who_took_a_step_of_preparing_cannot_decide(
    ingediend, behandelaar, provincie, stap
):
    """A colleague with a mandate in force who qualified the case, or judged
    its criteria, while another behandelaar has it and proposes."""
    collega = maak_gebruiker(Rol.BEHANDELAAR, provincie, mandaat=True)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    kwalificeer(ingediend, collega if stap == "kwalificeren" else behandelaar)
    beoordeel_alles(ingediend, collega if stap == "toetsen" else behandelaar)
    _voorstel(ingediend, behandelaar)
    assert not permissions.beslisser(ingediend, collega)
    with pytest.raises(GeenToegang):
        services.besluit_vaststellen(user=collega, verzoek=ingediend)
    ingediend.refresh_from_db()
    assert ingediend.status == Status.TER_BESLUITVORMING


def test_who_proposed_a_returned_decision_cannot_decide_the_next(
    ingediend, behandelaar, beslisser, provincie
):
    """Returning clears the proposer on the case; the audit trail remembers."""
    voorsteller = maak_gebruiker(Rol.BEHANDELAAR, provincie, mandaat=True)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    kwalificeer(ingediend, behandelaar)
    beoordeel_alles(ingediend, behandelaar)
    _voorstel(ingediend, voorsteller)
    services.voorstel_terugsturen(user=beslisser, verzoek=ingediend, reden="Scherper.")
    assert ingediend.voorgesteld_door_id is None
    _voorstel(ingediend, behandelaar)
    assert voorsteller.pk in permissions.voorbereid_door(ingediend)
    with pytest.raises(GeenToegang):
        services.besluit_vaststellen(user=voorsteller, verzoek=ingediend)


def test_a_beslisser_who_prepared_nothing_decides(ingediend, behandelaar, beslisser):
    naar_besluitvorming(ingediend, behandelaar)
    assert permissions.beslisser(ingediend, beslisser)
    besluit = services.besluit_vaststellen(user=beslisser, verzoek=ingediend)
    assert besluit.pk


def test_the_migration_fills_who_prepared_from_the_audit_trail(
    ingediend, behandelaar, provincie
):
    """Cases from before ``Verzoek.voorbereiders`` get it from their events."""
    from importlib import import_module

    from django.apps import apps

    from ontheffing.models import Verzoek

    migratie = import_module("ontheffing.migrations.0018_regels")
    kwalificeerder = maak_gebruiker(Rol.BEHANDELAAR, provincie)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    kwalificeer(ingediend, kwalificeerder)
    beoordeel_alles(ingediend, behandelaar)
    Verzoek.objects.filter(pk=ingediend.pk).update(voorbereiders=[])
    migratie.voorbereiders_uit_audittrail(apps, None)
    ingediend.refresh_from_db()
    assert ingediend.voorbereiders == [kwalificeerder.pk, behandelaar.pk]
