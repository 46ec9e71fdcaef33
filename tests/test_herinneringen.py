"""The daily reminder: three werkdagen before the hersteltermijn ends, once."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from ontheffing import services, termijnen
from ontheffing.models import Opschorting

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_vraag(ingediend, behandelaar):
    services.aanvulling_vragen(
        user=behandelaar, verzoek=ingediend, ontbrekend=["De offerte"], toelichting="",
        hersteltermijn_einde=termijnen.hersteltermijn_einde(date.today(), weken=3),
    )  # fmt: skip
    mail.outbox.clear()
    return Opschorting.objects.get(verzoek=ingediend)


def draai(datum: date):
    call_command("herinneringen_versturen", datum=datum, stdout=open("/dev/null", "w"))


def test_drie_werkdagen_voor_het_einde_een_herinnering(
    open_vraag, django_capture_on_commit_callbacks
):
    dag = termijnen.werkdag_voor(open_vraag.hersteltermijn_einde, 3)
    with django_capture_on_commit_callbacks(execute=True):
        draai(dag - timedelta(days=1))
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        draai(dag)
        draai(dag)  # idempotent
        draai(dag + timedelta(days=1))
    assert len(mail.outbox) == 1
    assert "Herinnering" in mail.outbox[0].subject
    assert open_vraag.verzoek.kenmerk in mail.outbox[0].subject
    open_vraag.refresh_from_db()
    assert open_vraag.herinnering_verstuurd_op is not None


def test_geen_herinnering_na_het_einde_of_na_aanvulling(
    open_vraag, aanvrager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draai(open_vraag.hersteltermijn_einde + timedelta(days=1))
    assert mail.outbox == []
    services.verzoek_aanvullen(
        user=aanvrager, verzoek=open_vraag.verzoek, antwoord="Hier"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        draai(termijnen.werkdag_voor(open_vraag.hersteltermijn_einde, 3))
    assert mail.outbox == []
