"""Beheer by a province's beheerder: staff, letterhead, bodies, beleidsregel."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from ontheffing import services, toetsing
from ontheffing.models import Beleidsregel, Gebruiker, Waterschap
from ontheffing.states import Rol
from tests.conftest import maak_ingediend


@pytest.fixture
def als_beheerder(client, beheerder):
    client.force_login(beheerder)
    return client


@pytest.mark.parametrize("naam", ["beheer", "beheer_provincie", "beheer_lichamen",
                                  "beheer_beleidsregels", "beheer_uitnodigen"])  # fmt: skip
def test_other_roles_get_403(client, behandelaar, aanvrager, naam):
    for user in (behandelaar, aanvrager):
        client.force_login(user)
        assert client.get(reverse(f"provincie:{naam}")).status_code == 403


def test_staff_of_another_province_is_not_listed_and_404(
    als_beheerder, behandelaar, vreemde_behandelaar
):
    html = als_beheerder.get(reverse("provincie:beheer")).content.decode()
    assert behandelaar.naam in html
    assert vreemde_behandelaar.naam not in html
    url = reverse("provincie:beheer_medewerker", args=[vreemde_behandelaar.pk])
    assert als_beheerder.get(url).status_code == 404
    assert als_beheerder.post(url, {"naam": "X", "rol": "beheerder"}).status_code == 404


def test_invite_creates_user_without_password_and_sends_a_link(
    als_beheerder, beheerder, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = als_beheerder.post(reverse("provincie:beheer_uitnodigen"), {
            "email": "Nieuw@Provincie.nl", "naam": "Nina Nieuw", "rol": "beslisser",
            "functie": "Teamleider", "mag_namens_cdk": "on",
        })  # fmt: skip
    assert response.status_code == 302
    nieuw = Gebruiker.objects.get(email="nieuw@provincie.nl")
    assert nieuw.provincie == beheerder.provincie
    assert nieuw.rol == Rol.BESLISSER
    assert nieuw.mag_namens_cdk
    assert not nieuw.has_usable_password()
    assert len(mail.outbox) == 1
    link = next(r for r in mail.outbox[0].body.split() if "wachtwoord-herstellen" in r)
    pad = link.split("://", 1)[-1].split("/", 1)[1]
    response = als_beheerder.get("/" + pad, follow=True)
    assert response.status_code == 200


def test_invite_with_existing_email_keeps_input(als_beheerder, behandelaar):
    response = als_beheerder.post(reverse("provincie:beheer_uitnodigen"), {
        "email": behandelaar.email, "naam": "Dubbel", "rol": "behandelaar",
    })  # fmt: skip
    html = response.content.decode()
    assert "Er bestaat al een account met dit e-mailadres." in html
    assert 'value="Dubbel"' in html


def test_deactivate_instead_of_delete(als_beheerder, behandelaar, gemeente):
    verzoek = maak_ingediend(gemeente=gemeente)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    url = reverse("provincie:beheer_medewerker", args=[behandelaar.pk])
    assert (
        "kan daarom niet worden verwijderd" in als_beheerder.get(url).content.decode()
    )
    als_beheerder.post(url, {"naam": behandelaar.naam, "rol": "behandelaar",
                             "mandaat": "on"})  # fmt: skip
    behandelaar.refresh_from_db()
    assert not behandelaar.is_active
    assert behandelaar.mandaat


def test_beheerder_cannot_deactivate_self(als_beheerder, beheerder):
    url = reverse("provincie:beheer_medewerker", args=[beheerder.pk])
    response = als_beheerder.post(url, {"naam": beheerder.naam, "rol": "beheerder"})
    assert "U kunt uzelf niet deactiveren" in response.content.decode()
    beheerder.refresh_from_db()
    assert beheerder.is_active


def test_letterhead(als_beheerder, provincie):
    response = als_beheerder.post(reverse("provincie:beheer_provincie"), {
        "postadres": "Postbus 1\n6800 AA Arnhem", "email": "post@gelderland.nl",
        "cdk_naam": "Mr. C. de Commissaris", "afschrift_emails": "geen-adres",
    })  # fmt: skip
    assert "is geen geldig e-mailadres" in response.content.decode()
    als_beheerder.post(reverse("provincie:beheer_provincie"), {
        "postadres": "Postbus 1\n6800 AA Arnhem", "email": "post@gelderland.nl",
        "cdk_naam": "Mr. C. de Commissaris",
    })  # fmt: skip
    provincie.refresh_from_db()
    assert provincie.cdk_naam == "Mr. C. de Commissaris"


def test_add_waterschap_once(als_beheerder, provincie):
    data = {"soort": "waterschap", "naam": "Waterschap Rijn en IJssel"}
    als_beheerder.post(reverse("provincie:beheer_lichamen"), data)
    response = als_beheerder.post(reverse("provincie:beheer_lichamen"), data)
    assert "staat er al" in response.content.decode()
    assert Waterschap.objects.filter(provincie=provincie).count() == 1


def test_new_version_copies_criteria_and_used_version_is_frozen(
    als_beheerder, provincie, behandelaar, gemeente
):
    v1 = Beleidsregel.objects.get(provincie=provincie)
    response = als_beheerder.post(reverse("provincie:beheer_beleidsregel_nieuw"), {
        "geldig_vanaf": "2027-01-01", "titel": "Beleidskader 2027",
    })  # fmt: skip
    v2 = Beleidsregel.objects.get(provincie=provincie, versie=2)
    assert response["Location"] == reverse(
        "provincie:beheer_beleidsregel", args=[v2.pk]
    )
    assert v2.criteria.count() == v1.criteria.count() == 6
    assert v2.voorschriften == v1.voorschriften
    assert v2.geldig_vanaf == date(2027, 1, 1)

    # Use version 1 for a case: it cannot be edited any more.
    verzoek = maak_ingediend(gemeente=gemeente)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    services.verzoek_kwalificeren(
        user=behandelaar, verzoek=verzoek, feiten=verzoek.feiten()
    )
    criterium = toetsing.criteria_voor(verzoek)[0]
    services.criteria_beoordelen(user=behandelaar, verzoek=verzoek,
                                 oordelen={criterium: ("voldaan", "Ja.")})  # fmt: skip
    assert criterium.beleidsregel == v1
    url = reverse("provincie:beheer_beleidsregel", args=[v1.pk])
    assert "kan niet meer worden gewijzigd" in als_beheerder.get(url).content.decode()
    response = als_beheerder.post(url, {"titel": "Gewijzigd", "geldig_vanaf": "2026-01-01"},
                                  follow=True)  # fmt: skip
    assert "kan niet meer worden gewijzigd" in response.content.decode()
    v1.refresh_from_db()
    assert v1.titel != "Gewijzigd"


def test_edit_unused_version(als_beheerder, provincie):
    regel = Beleidsregel.objects.get(provincie=provincie)
    url = reverse("provincie:beheer_beleidsregel", args=[regel.pk])
    response = als_beheerder.get(url)
    criteria = list(regel.criteria.all())
    data = {
        "titel": "Beleidskader aangepast", "geldig_vanaf": "2026-01-01",
        "voorschriften_tekst": "Voorschrift A.\nVoorschrift B.",
        "criteria-TOTAL_FORMS": str(len(criteria) + 1),
        "criteria-INITIAL_FORMS": str(len(criteria)),
        "criteria-MIN_NUM_FORMS": "0", "criteria-MAX_NUM_FORMS": "1000",
    }  # fmt: skip
    for i, c in enumerate(criteria):
        data.update({f"criteria-{i}-id": c.pk, f"criteria-{i}-volgorde": c.volgorde,
                     f"criteria-{i}-code": c.code, f"criteria-{i}-titel": c.titel,
                     f"criteria-{i}-vraag": c.vraag, f"criteria-{i}-toelichting": ""})  # fmt: skip
    n = len(criteria)
    data.update({f"criteria-{n}-volgorde": "7", f"criteria-{n}-code": "duurzaamheid",
                 f"criteria-{n}-titel": "Duurzaamheid", f"criteria-{n}-vraag": "Past het?"})  # fmt: skip
    assert response.status_code == 200
    response = als_beheerder.post(url, data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    regel.refresh_from_db()
    assert regel.titel == "Beleidskader aangepast"
    assert regel.voorschriften == ["Voorschrift A.", "Voorschrift B."]
    assert regel.criteria.count() == 7


def test_beleidsregel_of_another_province_is_404(als_beheerder, andere_provincie):
    vreemd = Beleidsregel.objects.get(provincie=andere_provincie)
    url = reverse("provincie:beheer_beleidsregel", args=[vreemd.pk])
    assert als_beheerder.get(url).status_code == 404
