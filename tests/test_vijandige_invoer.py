"""Hostile and broken input (hypothesis): random, oversized, malformed, wrong-type
and Unicode-hostile POST data to every form and POST endpoint, as a user who may
use it, never gives a 500 and never leaves a case half-written."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontheffing.models import Gebeurtenis, Opschorting, Staptelling, Verzoek
from ontheffing.states import Status
from tests.conftest import inloggen
from tests.test_permissiematrix import ALLEEN_GET, kwargs_voor, url_namen, wereld  # noqa: F401

pytestmark = pytest.mark.django_db

VIJANDIG = st.one_of(
    st.text(max_size=60),
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=20
    ),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "‮evil",
            "<script>alert(1)</script>",
            "'; DROP TABLE ontheffing_verzoek; --",
            "9" * 400,
            "-1",
            "1e309",
            "NaN",
            "2026-02-30",
            "31-12-2026",
            "on",
            "true",
            "0",
            "x" * 20_000,
            "{{ 7*7 }}",
            "../../etc/passwd",
        ]
    ),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
)


def wie_mag(naam):
    if naam.startswith("aanvrager:"):
        return "eigenaar"
    if naam in ("provincie:vaststellen", "provincie:terugsturen"):
        return "beslisser"
    if naam.startswith("provincie:beheer"):
        return "beheerder"
    if naam.startswith("provincie:"):
        return "behandelaar"
    return "anoniem"


POST_URLS = sorted(
    naam for naam, _ in url_namen() if naam not in ALLEEN_GET and naam != "logout"
)


def veldnamen(client, url):
    response = client.get(url)
    if response.status_code != 200:
        return []
    return sorted(
        set(re.findall(r'name="([^"]+)"', response.content.decode()))
        - {"csrfmiddlewaretoken"}
    )


def invarianten():
    """What must hold for every case whatever was posted."""
    assert Staptelling.herbereken() == 0, "de tellingen per stap kloppen niet meer"
    for verzoek in Verzoek.objects.all():
        ingediend = verzoek.status != Status.CONCEPT
        assert bool(verzoek.kenmerk) == ingediend, verzoek
        assert (verzoek.ontvangen_op is not None) == ingediend, verzoek
        lopend = Opschorting.objects.filter(verzoek=verzoek, tot__isnull=True).count()
        assert lopend == (1 if verzoek.status == Status.AANVULLING_GEVRAAGD else 0) or (
            verzoek.status == Status.TER_BESLUITVORMING and lopend == 0
        ), verzoek
        if verzoek.status in (Status.AFGEHANDELD,):
            assert verzoek.uitkomst, verzoek
            assert verzoek.besluiten.exists(), verzoek
        laatste = (
            Gebeurtenis.objects.filter(verzoek=verzoek).exclude(naar_status="").last()
        )
        if laatste is not None:
            assert laatste.naar_status == verzoek.status, verzoek


@pytest.mark.parametrize("naam", POST_URLS)
def test_hostile_posts_never_break_anything(naam, wereld):  # noqa: F811
    client = Client(raise_request_exception=False)
    user = wereld["actoren"][wie_mag(naam)]
    if user is not None:
        inloggen(client, user)
    url = reverse(naam, kwargs=kwargs_voor(naam, _converters(naam), wereld))
    namen = veldnamen(client, url) or ["naam", "email", "tekst", "reden", "datum"]

    @settings(
        max_examples=12,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
        ],
    )
    @given(st.dictionaries(st.sampled_from(namen), VIJANDIG, max_size=len(namen)))
    def post(data):
        response = client.post(url, data)
        assert response.status_code < 500, (naam, data, response.status_code)
        invarianten()

    post()


def _converters(naam):
    return dict(url_namen())[naam]
