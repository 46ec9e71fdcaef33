"""The staff case page reads each fact once: its query count does not grow
with the documents and events, and the missing documents read from the
prefetched list are the ones a query gives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ontheffing.models import Bijlage, Gebeurtenis, Verzoek
from ontheffing.states import Actie
from tests.factories import inloggen, maak_ingediend

pytestmark = pytest.mark.django_db


def _queries(client, verzoek):
    url = reverse("provincie:verzoek", args=[verzoek.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    documenten = [
        q["sql"]
        for q in ctx.captured_queries
        if 'FROM "ontheffing_bijlage"' in q["sql"]
    ]
    # The list, the missing documents (page and aanvulling form): one read.
    assert len(documenten) == 1, documenten
    return len(ctx.captured_queries)


def test_staff_page_queries_do_not_grow_with_documents_and_events(
    client, gemeente, behandelaar
):
    verzoek = maak_ingediend(gemeente=gemeente)
    inloggen(client, behandelaar)
    voor = _queries(client, verzoek)
    for i in range(10):
        Bijlage.objects.create(
            verzoek=verzoek, soort="anders", bestand=f"bijlagen/x{i}",
            bestandsnaam=f"stuk-{i}.pdf", content_type="application/pdf",
            grootte=1000, sha256="0" * 64, geupload_door=verzoek.ingediend_door,
        )  # fmt: skip
        Gebeurtenis.objects.create(
            verzoek=verzoek, actor=behandelaar, actie=Actie.NOTITIE_TOEVOEGEN,
            reden=f"Notitie {i}",
        )  # fmt: skip
    assert _queries(client, verzoek) == voor


def test_missing_documents_from_the_prefetch_are_those_of_the_query(gemeente):
    verzoek = maak_ingediend(gemeente=gemeente)
    Bijlage.objects.filter(verzoek=verzoek).delete()
    los = Verzoek.objects.get(pk=verzoek.pk).ontbrekende_bijlagen()
    assert los  # the required agreement is missing
    gelezen = Verzoek.objects.prefetch_related("bijlagen").get(pk=verzoek.pk)
    with CaptureQueriesContext(connection) as ctx:
        assert gelezen.ontbrekende_bijlagen() == los
    assert ctx.captured_queries == []
