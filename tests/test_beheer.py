"""Beheer by a province's beheerder: staff, letterhead, bodies, beleidsregel."""

import io
from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ontheffing import services, toetsing
from ontheffing.models import (
    Beheeractie,
    Beheergebeurtenis,
    Beleidsregel,
    Gebruiker,
    OnveranderbaarError,
    Waterschap,
)
from ontheffing.states import Rol
from tests.factories import inloggen, maak_gebruiker, maak_ingediend


@pytest.fixture
def als_beheerder(client, beheerder):
    inloggen(client, beheerder)
    return client


@pytest.mark.parametrize("naam", ["beheer", "beheer_provincie", "beheer_lichamen",
                                  "beheer_beleidsregels", "beheer_uitnodigen",
                                  "beheer_afschriften",
                                  "beheer_doorzendadressen"])  # fmt: skip
def test_other_roles_get_403(client, behandelaar, aanvrager, naam):
    for user in (behandelaar, aanvrager):
        inloggen(client, user)
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
            "functie": "Teamleider",
        })  # fmt: skip
    assert response.status_code == 302
    nieuw = Gebruiker.objects.get(email="nieuw@provincie.nl")
    assert nieuw.provincie == beheerder.provincie
    assert nieuw.rol == Rol.BESLISSER
    assert not nieuw.beslisser_bevestigd  # a second person confirms the role
    assert not nieuw.has_usable_password()
    melding, uitnodiging = sorted(mail.outbox, key=lambda m: m.subject)
    assert uitnodiging.to == ["nieuw@provincie.nl"]
    assert melding.to == [beheerder.email]
    assert melding.subject == "Ter bevestiging: de rol beslisser voor Nina Nieuw"
    link = next(r for r in uitnodiging.body.split() if "wachtwoord-herstellen" in r)
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
                             "functie": "jurist"})  # fmt: skip
    behandelaar.refresh_from_db()
    assert not behandelaar.is_active
    assert behandelaar.functie == "jurist"


def test_beheerder_cannot_deactivate_self(als_beheerder, beheerder):
    url = reverse("provincie:beheer_medewerker", args=[beheerder.pk])
    response = als_beheerder.post(url, {"naam": beheerder.naam, "rol": "beheerder"})
    assert "U kunt uzelf niet deactiveren" in response.content.decode()
    beheerder.refresh_from_db()
    assert beheerder.is_active


def test_letterhead(als_beheerder, provincie):
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


# ------------------------------------------------- the trail of beheer changes


def beheergebeurtenissen(provincie):
    return list(Beheergebeurtenis.objects.filter(provincie=provincie))


def png() -> bytes:
    from PIL import Image

    uitvoer = io.BytesIO()
    Image.new("RGB", (6, 2), "navy").save(uitvoer, format="PNG")
    return uitvoer.getvalue()


def criteria_van(regel) -> list[dict]:
    return [
        {"pk": c.pk, "volgorde": c.volgorde, "code": c.code, "titel": c.titel,
         "vraag": c.vraag, "toelichting": c.toelichting}
        for c in regel.criteria.all()
    ]  # fmt: skip


def test_invite_records_who_was_invited_with_which_role(
    beheerder, provincie, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        nieuw = services.medewerker_uitnodigen(
            user=beheerder, provincie=provincie, email=" Nina@Provincie.nl ",
            naam="Nina Nieuw", rol=Rol.BESLISSER,
            basis_url="https://ontheffing.example",
        )  # fmt: skip
    gevraagd, g = beheergebeurtenissen(provincie)
    assert (gevraagd.actor, gevraagd.actie) == (
        beheerder,
        Beheeractie.BESLISSER_GEVRAAGD,
    )
    assert (g.actor, g.actie) == (beheerder, Beheeractie.MEDEWERKER_UITGENODIGD)
    assert g.onderwerp == "Nina Nieuw <nina@provincie.nl>"
    assert g.details == {
        "email": {"oud": None, "nieuw": "nina@provincie.nl"},
        "naam": {"oud": None, "nieuw": "Nina Nieuw"},
        "rol": {"oud": None, "nieuw": "beslisser"},
        "functie": {"oud": None, "nieuw": ""},
    }
    assert not nieuw.has_usable_password()
    [uitnodiging] = [m for m in mail.outbox if m.to == ["nina@provincie.nl"]]
    assert "wachtwoord-herstellen" in uitnodiging.body


def test_invite_of_existing_address_records_nothing(beheerder, provincie, behandelaar):
    with pytest.raises(services.NietNu, match="bestaat al een account"):
        services.medewerker_uitnodigen(
            user=beheerder, provincie=provincie, email=behandelaar.email.upper(),
            naam="Dubbel", rol=Rol.BEHANDELAAR,
        )  # fmt: skip
    assert beheergebeurtenissen(provincie) == []


def test_change_records_only_the_changed_fields_and_no_password(
    beheerder, behandelaar, provincie
):
    services.medewerker_wijzigen(
        user=beheerder, medewerker=behandelaar, naam=behandelaar.naam,
        rol=Rol.BESLISSER, functie="", is_active=False,
    )  # fmt: skip
    gevraagd, g = beheergebeurtenissen(provincie)
    assert gevraagd.actie == Beheeractie.BESLISSER_GEVRAAGD
    assert g.actie == Beheeractie.MEDEWERKER_GEWIJZIGD
    assert g.onderwerp == f"Bea Behandelaar <{behandelaar.email}>"
    assert g.details == {
        "rol": {"oud": "behandelaar", "nieuw": "beslisser"},
        "is_active": {"oud": True, "nieuw": False},
    }
    assert "password" not in str(g.details)
    behandelaar.refresh_from_db()
    assert (behandelaar.rol, behandelaar.is_active) == (Rol.BESLISSER, False)


def test_change_through_the_page_records_the_stored_old_values(
    als_beheerder, behandelaar, provincie
):
    """The bound form changes the instance first; the trail has the real old value."""
    url = reverse("provincie:beheer_medewerker", args=[behandelaar.pk])
    als_beheerder.post(url, {"naam": "Bea de Vries", "rol": "behandelaar",
                             "is_active": "on"})  # fmt: skip
    [g] = beheergebeurtenissen(provincie)
    assert g.details == {"naam": {"oud": "Bea Behandelaar", "nieuw": "Bea de Vries"}}


def test_saving_without_a_change_records_nothing(beheerder, behandelaar, provincie):
    services.medewerker_wijzigen(
        user=beheerder, medewerker=behandelaar, naam=behandelaar.naam,
        rol=Rol.BEHANDELAAR, functie="",
        is_active=True,
    )  # fmt: skip
    assert beheergebeurtenissen(provincie) == []


def test_own_role_refused_and_not_recorded(beheerder, provincie):
    with pytest.raises(services.NietNu, match="uzelf niet deactiveren"):
        services.medewerker_wijzigen(
            user=beheerder, medewerker=beheerder, naam=beheerder.naam,
            rol=Rol.BEHANDELAAR, functie="",
            is_active=True,
        )  # fmt: skip
    assert beheergebeurtenissen(provincie) == []


def test_letterhead_records_changes_and_only_the_fact_of_a_new_logo(
    als_beheerder, provincie
):
    url = reverse("provincie:beheer_provincie")
    velden = {"postadres": provincie.postadres, "bezoekadres": provincie.bezoekadres,
              "email": provincie.email, "cdk_naam": "Mr. C. de Commissaris",
              "secretaris_naam": provincie.secretaris_naam}  # fmt: skip
    logo = SimpleUploadedFile("logo.png", png(), content_type="image/png")
    assert als_beheerder.post(url, {**velden, "logo": logo}).status_code == 302
    als_beheerder.post(url, {**velden, "logo_verwijderen": "on"})
    verwijderd, gewijzigd = beheergebeurtenissen(provincie)
    assert gewijzigd.actie == Beheeractie.PROVINCIEGEGEVENS_GEWIJZIGD
    assert gewijzigd.details == {
        "cdk_naam": {"oud": "J. de Commissaris", "nieuw": "Mr. C. de Commissaris"},
        "logo": "gewijzigd",
    }
    assert verwijderd.details == {"logo": "verwijderd"}
    provincie.refresh_from_db()
    assert provincie.logo_png is None


def test_adding_a_body_records_it_once(beheerder, provincie):
    services.lichaam_toevoegen(
        user=beheerder, provincie=provincie, soort="regeling", naam=" Regio Arnhem "
    )
    with pytest.raises(services.NietNu, match="staat er al"):
        services.lichaam_toevoegen(
            user=beheerder, provincie=provincie, soort="regeling", naam="Regio Arnhem"
        )
    [g] = beheergebeurtenissen(provincie)
    assert (g.actie, g.onderwerp) == (Beheeractie.REGELING_TOEGEVOEGD, "Regio Arnhem")
    assert g.details == {
        "soort": {"oud": None, "nieuw": "regeling"},
        "naam": {"oud": None, "nieuw": "Regio Arnhem"},
    }


def test_new_version_is_recorded(beheerder, provincie):
    regel = services.beleidsregel_aanmaken(
        user=beheerder, provincie=provincie, geldig_vanaf=date(2027, 1, 1),
        titel="Beleidskader 2027",
    )  # fmt: skip
    [g] = beheergebeurtenissen(provincie)
    assert (g.actie, g.onderwerp) == (
        Beheeractie.BELEIDSREGEL_AANGEMAAKT,
        "Beleidskader 2027, versie 2",
    )
    assert g.details == {
        "versie": {"oud": None, "nieuw": 2},
        "titel": {"oud": None, "nieuw": "Beleidskader 2027"},
        "geldig_vanaf": {"oud": None, "nieuw": "2027-01-01"},
        "overgenomen_van": 1,
    }
    assert regel.criteria.count() == 6


def test_editing_a_version_records_text_and_criteria_old_and_new(beheerder, provincie):
    regel = Beleidsregel.objects.get(provincie=provincie)
    eerste, tweede, *rest = criteria_van(regel)
    services.beleidsregel_wijzigen(
        user=beheerder, beleidsregel=regel, titel="Beleidskader aangepast",
        geldig_vanaf=regel.geldig_vanaf, voorschriften=["Voorschrift A.", " "],
        criteria=[{**eerste, "titel": "Wijze van totstandkoming"}, *rest,
                  {"volgorde": 7, "code": "duurzaamheid", "titel": "Duurzaamheid",
                   "vraag": "Past het?", "toelichting": ""}],
    )  # fmt: skip
    [g] = beheergebeurtenissen(provincie)
    assert g.actie == Beheeractie.BELEIDSREGEL_GEWIJZIGD
    assert g.onderwerp == "Beleidskader aangepast, versie 1"
    assert g.details["titel"]["nieuw"] == "Beleidskader aangepast"
    assert g.details["voorschriften"]["nieuw"] == ["Voorschrift A."]
    assert "geldig_vanaf" not in g.details
    verwijderd, gewijzigd, toegevoegd = g.details["criteria"]
    assert verwijderd == {"oud": {k: v for k, v in tweede.items() if k != "pk"},
                          "nieuw": None}  # fmt: skip
    assert gewijzigd == {
        "oud": {"code": "totstandkoming", "titel": "Totstandkoming"},
        "nieuw": {"code": "totstandkoming", "titel": "Wijze van totstandkoming"},
    }
    assert toegevoegd["oud"] is None
    assert toegevoegd["nieuw"]["code"] == "duurzaamheid"
    assert list(regel.criteria.values_list("code", flat=True)) == [
        "totstandkoming", *(c["code"] for c in rest), "duurzaamheid",
    ]  # fmt: skip


def test_duplicate_code_is_refused_and_nothing_is_recorded(beheerder, provincie):
    regel = Beleidsregel.objects.get(provincie=provincie)
    eerste, tweede, *rest = criteria_van(regel)
    with pytest.raises(services.NietNu, match="elke code uniek"):
        services.beleidsregel_wijzigen(
            user=beheerder, beleidsregel=regel, titel="Nieuw",
            geldig_vanaf=regel.geldig_vanaf, voorschriften=[],
            criteria=[eerste, {**tweede, "code": eerste["code"]}, *rest],
        )  # fmt: skip
    assert beheergebeurtenissen(provincie) == []
    regel.refresh_from_db()
    assert regel.titel != "Nieuw"


def _alle_beheerwijzigingen(provincie, collega):
    regel = Beleidsregel.objects.get(provincie=provincie)
    return {
        "uitnodigen": lambda user: services.medewerker_uitnodigen(
            user=user, provincie=provincie, email="x@example.nl", naam="X",
            rol=Rol.BEHANDELAAR,
        ),
        "wijzigen": lambda user: services.medewerker_wijzigen(
            user=user, medewerker=collega, naam="X", rol=Rol.BEHEERDER, functie="",
            is_active=True,
        ),
        "briefhoofd": lambda user: services.provinciegegevens_wijzigen(
            user=user, provincie=provincie, gegevens={"cdk_naam": "X"},
            logo_verwijderen=True,
        ),
        "lichaam": lambda user: services.lichaam_toevoegen(
            user=user, provincie=provincie, soort="waterschap", naam="X"
        ),
        "versie": lambda user: services.beleidsregel_aanmaken(
            user=user, provincie=provincie, geldig_vanaf=date(2027, 1, 1), titel="X"
        ),
        "versie_wijzigen": lambda user: services.beleidsregel_wijzigen(
            user=user, beleidsregel=regel, titel="X", geldig_vanaf=date(2027, 1, 1),
            voorschriften=[], criteria=[],
        ),
    }  # fmt: skip


@pytest.mark.parametrize(
    "wijziging",
    ["uitnodigen", "wijzigen", "briefhoofd", "lichaam", "versie", "versie_wijzigen"],
)
@pytest.mark.parametrize(
    "wie", ["behandelaar", "beslisser", "aanvrager", "vreemde_beheerder", "inactief"]
)
def test_only_an_active_beheerder_of_the_province_may_change_anything(
    wijziging, wie, provincie, andere_provincie, behandelaar
):
    user = {
        "behandelaar": lambda: maak_gebruiker(Rol.BEHANDELAAR, provincie),
        "beslisser": lambda: maak_gebruiker(Rol.BESLISSER, provincie, mandaat=True),
        "aanvrager": lambda: maak_gebruiker(Rol.AANVRAGER),
        "vreemde_beheerder": lambda: maak_gebruiker(Rol.BEHEERDER, andere_provincie),
        "inactief": lambda: maak_gebruiker(Rol.BEHEERDER, provincie, is_active=False),
    }[wie]()
    voor = (
        list(Gebruiker.objects.order_by("pk").values()),
        list(provincie.waterschappen.values()),
        list(Beleidsregel.objects.order_by("pk").values()),
    )
    with pytest.raises(services.GeenToegang):
        _alle_beheerwijzigingen(provincie, behandelaar)[wijziging](user)
    assert not Beheergebeurtenis.objects.exists()
    assert voor == (
        list(Gebruiker.objects.order_by("pk").values()),
        list(provincie.waterschappen.values()),
        list(Beleidsregel.objects.order_by("pk").values()),
    )


def test_a_colleague_of_another_province_cannot_be_changed(
    beheerder, vreemde_behandelaar
):
    with pytest.raises(services.GeenToegang):
        services.medewerker_wijzigen(
            user=beheerder, medewerker=vreemde_behandelaar, naam="X",
            rol=Rol.BEHEERDER, functie="",
            is_active=True,
        )  # fmt: skip
    assert not Beheergebeurtenis.objects.exists()


def test_events_cannot_be_changed_or_deleted(beheerder, provincie):
    services.lichaam_toevoegen(
        user=beheerder, provincie=provincie, soort="waterschap", naam="Rijn en IJssel"
    )
    g = Beheergebeurtenis.objects.get()
    g.onderwerp = "Iets anders"
    with pytest.raises(OnveranderbaarError):
        g.save()
    with pytest.raises(OnveranderbaarError):
        g.delete()
    with pytest.raises(OnveranderbaarError):
        Beheergebeurtenis.objects.update(onderwerp="Iets anders")
    with pytest.raises(OnveranderbaarError):
        Beheergebeurtenis.objects.filter(pk=g.pk).delete()
    assert Beheergebeurtenis.objects.get().onderwerp == "Rijn en IJssel"


def test_history_shows_the_own_province_newest_first(
    als_beheerder, beheerder, provincie, andere_provincie
):
    vreemde = maak_gebruiker(Rol.BEHEERDER, andere_provincie)
    for naam in ("Eerste waterschap", "Tweede waterschap"):
        services.lichaam_toevoegen(
            user=beheerder, provincie=provincie, soort="waterschap", naam=naam
        )
    services.lichaam_toevoegen(
        user=vreemde, provincie=andere_provincie, soort="waterschap", naam="Vreemd"
    )
    overzicht = als_beheerder.get(reverse("provincie:beheer")).content.decode()
    assert reverse("provincie:beheer_historie") in overzicht
    html = als_beheerder.get(reverse("provincie:beheer_historie")).content.decode()
    assert html.index("Tweede waterschap") < html.index("Eerste waterschap")
    assert "Waterschap toegevoegd" in html
    assert beheerder.naam in html
    assert "Vreemd" not in html


def test_history_pages_by_fifty(als_beheerder, beheerder, provincie):
    for i in range(51):
        Beheergebeurtenis.objects.create(
            provincie=provincie, actor=beheerder, onderwerp=f"Lichaam {i:02d}",
            actie=Beheeractie.WATERSCHAP_TOEGEVOEGD,
        )  # fmt: skip
    url = reverse("provincie:beheer_historie")
    eerste = als_beheerder.get(url).content.decode()
    assert "Lichaam 50" in eerste
    assert "Lichaam 00" not in eerste
    assert "Pagina 1 van 2" in eerste
    tweede = als_beheerder.get(url, {"pagina": 2}).content.decode()
    assert "Lichaam 00" in tweede


def test_history_is_for_the_beheerder_only(client, behandelaar, beslisser):
    for user in (behandelaar, beslisser):
        inloggen(client, user)
        assert client.get(reverse("provincie:beheer_historie")).status_code == 403


# ------------------------------------------------- afschriften and doorzenden


def _afschriften(client, **data):
    return client.post(reverse("provincie:beheer_afschriften"), data)


def test_an_outcome_without_recipient_or_address_is_refused_in_dutch(
    als_beheerder, provincie
):
    response = _afschriften(
        als_beheerder, afschrift_uitkomsten=["verleend"], afschrift_emails="geen-adres"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "&#x27;geen-adres&#x27; is geen geldig e-mailadres." in html
    assert "Vul in aan wie het afschrift gaat" in html
    response = _afschriften(
        als_beheerder,
        afschrift_uitkomsten=["verleend"],
        afschrift_aan="de griffier van de gemeente",
    )
    html = response.content.decode()
    assert "Vul ten minste één e-mailadres in" in html
    assert "de griffier van de gemeente" in html  # the input is kept
    provincie.refresh_from_db()
    assert provincie.afschrift_uitkomsten == []
    assert not Beheergebeurtenis.objects.filter(
        actie=Beheeractie.AFSCHRIFTEN_GEWIJZIGD
    ).exists()


def test_afschriften_are_set_per_outcome_and_recorded_once(als_beheerder, provincie):
    data = {
        "afschrift_aan": "de griffier van de gemeente",
        "afschrift_emails": "griffie@gemeente.example",
        "afschrift_uitkomsten": ["gedeeltelijk_verleend", "verleend"],
    }
    assert _afschriften(als_beheerder, **data).status_code == 302
    _afschriften(als_beheerder, **data)  # no real change: nothing recorded
    provincie.refresh_from_db()
    assert provincie.afschrift_uitkomsten == ["verleend", "gedeeltelijk_verleend"]
    assert provincie.afschrift_voor("verleend") == ("de griffier van de gemeente",)
    assert provincie.afschrift_voor("geweigerd") == ()
    (gebeurtenis,) = Beheergebeurtenis.objects.filter(
        actie=Beheeractie.AFSCHRIFTEN_GEWIJZIGD
    )
    assert gebeurtenis.details["afschrift_uitkomsten"] == {
        "oud": [],
        "nieuw": ["Ontheffing verleend", "Ontheffing gedeeltelijk verleend"],
    }
    html = als_beheerder.get(reverse("provincie:beheer_historie")).content.decode()
    assert "Afschriften gewijzigd" in html
    assert "Ontheffing gedeeltelijk verleend" in html


def test_only_the_beheerder_of_the_province_sets_afschriften(
    provincie, andere_provincie, behandelaar
):
    from ontheffing.permissions import mag

    vreemde_beheerder = maak_gebruiker(Rol.BEHEERDER, andere_provincie)
    for user in (behandelaar, vreemde_beheerder):
        assert not mag(user, "afschriften_instellen", provincie_id=provincie.pk)
        with pytest.raises(services.GeenToegang):
            services.afschriften_instellen(
                user=user,
                provincie=provincie,
                afschrift_aan="x",
                afschrift_emails="x@example.org",
                afschrift_uitkomsten=["verleend"],
            )
    provincie.refresh_from_db()
    assert provincie.afschrift_uitkomsten == []


def _doorzenden(client, **data):
    return client.post(reverse("provincie:beheer_doorzendadressen"), data)


def test_the_beheerder_sets_the_addresses_of_the_own_gs_and_cdk(
    als_beheerder, provincie
):
    from ontheffing.models import Doorzendadres

    response = _doorzenden(
        als_beheerder,
        **{
            "gs-postadres": "Postbus 9090\n6800 GX Arnhem",
            "gs-email": "Post@GS.example",
        },
    )
    assert response.status_code == 302
    (adres,) = Doorzendadres.objects.filter(provincie=provincie)
    assert (adres.orgaan, adres.email) == ("gs", "post@gs.example")
    (gebeurtenis,) = Beheergebeurtenis.objects.filter(
        actie=Beheeractie.DOORZENDADRES_GEWIJZIGD
    )
    assert (
        gebeurtenis.onderwerp == "Doorzendadres van Gedeputeerde Staten van Gelderland"
    )
    assert gebeurtenis.details["email"] == {"oud": None, "nieuw": "post@gs.example"}
    html = als_beheerder.get(reverse("provincie:beheer_doorzendadressen")).content
    assert "post@gs.example" in html.decode()


def test_a_set_address_cannot_be_emptied_and_a_postal_one_needs_an_email(
    als_beheerder, provincie
):
    from ontheffing.models import Doorzendadres

    Doorzendadres.objects.create(orgaan="gs", provincie=provincie, email="gs@x.example")
    response = _doorzenden(
        als_beheerder, **{"gs-email": "", "cdk-postadres": "Postbus 1\n6800 AA Arnhem"}
    )
    html = response.content.decode()
    assert "Een ingesteld adres kan niet leeg worden gemaakt" in html
    assert (
        "Vul het e-mailadres in waarnaar verzoeken aan de Commissaris van de Koning "
        "in Gelderland worden doorgezonden."
    ) in html
    assert Doorzendadres.objects.get(provincie=provincie).email == "gs@x.example"
    assert not Doorzendadres.objects.filter(orgaan="cdk").exists()


def test_the_ministers_address_and_another_province_are_not_the_beheerders(
    beheerder, andere_provincie
):
    from ontheffing.permissions import mag

    assert not mag(beheerder, "doorzendadres_instellen", provincie_id=None)
    assert (
        "functioneel beheerder"
        in mag(beheerder, "doorzendadres_instellen", provincie_id=None).reden
    )
    with pytest.raises(services.GeenToegang):
        services.doorzendadressen_instellen(
            user=beheerder,
            provincie=andere_provincie,
            adressen={"gs": ("", "gs@elders.example")},
        )
