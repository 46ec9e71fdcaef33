"""The mandate register, the competent authority and the signature that is true
(Awb 10:10; artikel 69 Gemeentewet)."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ontheffing import kwalificatie as kw
from ontheffing import mandaten, permissions, services
from ontheffing.brieven import opmaak, voorbeelden
from ontheffing.models import (
    Beheeractie,
    Beheergebeurtenis,
    Besluit,
    Gebruiker,
    Mandaat,
    Provincie,
    controleer_beheerketen,
)
from ontheffing.services import mandaten as register
from ontheffing.states import Bestuursorgaan, Rol, Status, Uitkomst
from tests.factories import (
    inloggen,
    maak_concept,
    maak_gebruiker,
    maak_mandaat,
    maak_provincie,
    naar_besluitvorming,
)

VANDAAG = timezone.localdate
GISTEREN = lambda: VANDAAG() - timedelta(days=1)  # noqa: E731


def burgemeesterszaak(aanvrager, gemeente):
    verzoek = maak_concept(
        aanvrager=aanvrager,
        gemeente=gemeente,
        ambt="burgemeester",
        handeling="verwerving_onroerende_zaak",
    )
    return services.verzoek_indienen(user=aanvrager, verzoek=verzoek)


def zonder_mandaat(rol, provincie, **extra):
    return maak_gebruiker(rol, provincie, mandaat=False, **extra)


# ----------------------------------------------------- the pure rule


def _mandaat(**extra):
    velden = dict(
        pk=1, houder_id=7, provincie_id=3, bestuursorgaan="gs", reikwijdte="alle",
        geldig_van=date(2026, 1, 1), geldig_tot=date(2026, 12, 31),
        bevestigd_op=timezone.now(), bron_titel="Mandaatbesluit", bron_datum=date(2025, 12, 1),
    )  # fmt: skip
    velden.update(extra)
    return Mandaat(**velden)


class _Verzoek:
    provincie_id = 3
    bestuursorgaan = "gs"
    voorstel_uitkomst = Uitkomst.VERLEEND


class _Gebruiker:
    pk = 7


@pytest.mark.parametrize(
    ("extra", "op", "uitkomst", "geldt"),
    [
        ({}, date(2026, 6, 1), Uitkomst.VERLEEND, True),
        ({}, date(2026, 1, 1), Uitkomst.VERLEEND, True),  # first day
        ({}, date(2026, 12, 31), Uitkomst.VERLEEND, True),  # last day
        ({}, date(2025, 12, 31), Uitkomst.VERLEEND, False),  # not yet started
        ({}, date(2027, 1, 1), Uitkomst.VERLEEND, False),  # expired
        ({"geldig_tot": None}, date(2040, 1, 1), Uitkomst.VERLEEND, True),
        ({"bestuursorgaan": "cdk"}, date(2026, 6, 1), Uitkomst.VERLEEND, False),
        ({"reikwijdte": "weigeren"}, date(2026, 6, 1), Uitkomst.VERLEEND, False),
        ({"reikwijdte": "weigeren"}, date(2026, 6, 1), Uitkomst.GEWEIGERD, True),
        ({"bevestigd_op": None}, date(2026, 6, 1), Uitkomst.VERLEEND, False),
        ({"provincie_id": 4}, date(2026, 6, 1), Uitkomst.VERLEEND, False),
        ({"houder_id": 8}, date(2026, 6, 1), Uitkomst.VERLEEND, False),
    ],
)
def test_mandate_in_force_on_the_day(extra, op, uitkomst, geldt):
    verzoek = _Verzoek()
    verzoek.voorstel_uitkomst = uitkomst
    m = _mandaat(**extra)
    gevonden = mandaten.mandaat_voor(_Gebruiker(), verzoek, op=op, mandaten=[m])
    assert (gevonden is m) is geldt


# ------------------------------------------------- competent authority


def test_gs_cannot_be_made_competent_for_a_burgemeester(
    aanvrager, gemeente, behandelaar
):
    verzoek = burgemeesterszaak(aanvrager, gemeente)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    feiten = verzoek.feiten()
    engine = services.kwalificatie_gegevens(kw.kwalificeer(feiten))
    assert engine["bevoegd_gezag"] == kw.BevoegdGezag.COMMISSARIS_VAN_DE_KONING
    with pytest.raises(services.NietNu, match="artikel 69 Gemeentewet"):
        services.verzoek_kwalificeren(
            user=behandelaar, verzoek=verzoek, feiten=feiten,
            bevestigd={**engine, "bevoegd_gezag": "gedeputeerde_staten"},
            motivering="GS beslissen liever zelf.",
        )  # fmt: skip
    verzoek.refresh_from_db()
    assert verzoek.status == Status.KWALIFICATIE
    assert verzoek.bestuursorgaan == Bestuursorgaan.CDK


def test_a_minister_case_is_never_kept_by_gs(aanvrager, gemeente, behandelaar):
    verzoek = services.verzoek_indienen(
        user=aanvrager,
        verzoek=maak_concept(aanvrager=aanvrager, gemeente=gemeente),
    )
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    feiten = kw.Feiten(**{**verzoek.feiten().__dict__, "ambt": kw.Ambt.STATENLID})
    engine = services.kwalificatie_gegevens(kw.kwalificeer(feiten))
    assert engine["bevoegd_gezag"] == kw.BevoegdGezag.MINISTER_BZK
    for gekozen in ("gedeputeerde_staten", None):
        bevestigd = {**engine, "uitkomst": "verboden_ontheffbaar"}
        if gekozen:
            bevestigd["bevoegd_gezag"] = gekozen
        with pytest.raises(services.NietNu, match="minister|zend het verzoek door"):
            services.verzoek_kwalificeren(
                user=behandelaar, verzoek=verzoek, feiten=feiten,
                bevestigd=bevestigd, motivering="Toch zelf doen.",
            )  # fmt: skip
    assert verzoek.status == Status.KWALIFICATIE


def test_another_authority_than_the_engine_needs_a_motivation(ingediend, behandelaar):
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    feiten = ingediend.feiten()
    engine = services.kwalificatie_gegevens(kw.kwalificeer(feiten))
    bevestigd = {**engine, "bevoegd_gezag": "commissaris_van_de_koning"}
    with pytest.raises(services.NietNu, match="Motiveer"):
        services.verzoek_kwalificeren(
            user=behandelaar, verzoek=ingediend, feiten=feiten, bevestigd=bevestigd
        )
    services.verzoek_kwalificeren(
        user=behandelaar, verzoek=ingediend, feiten=feiten, bevestigd=bevestigd,
        motivering="De aanvrager is waarnemend burgemeester; de CdK is bevoegd.",
    )  # fmt: skip
    assert ingediend.bestuursorgaan == Bestuursorgaan.CDK


def test_the_form_refuses_gs_for_a_burgemeester_with_a_clear_message(
    client, aanvrager, gemeente, behandelaar
):
    verzoek = burgemeesterszaak(aanvrager, gemeente)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    from ontheffing.forms.kwalificatie import feiten_als_formulier

    data = feiten_als_formulier(verzoek.feiten())
    data.update(
        uitkomst="verboden_ontheffbaar", bevoegd_gezag="gedeputeerde_staten",
        motivering="Liever GS.", onderdeel="d6",
    )  # fmt: skip
    inloggen(client, behandelaar)
    response = client.post(reverse("provincie:kwalificatie", args=[verzoek.pk]), data)
    assert response.status_code == 200
    assert "Gedeputeerde Staten kunnen het niet nemen" in response.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.status == Status.KWALIFICATIE


# ------------------------------------------------ deciding within a mandate


@pytest.mark.parametrize(
    "mandaat",
    [
        pytest.param({"geldig_tot": GISTEREN}, id="verlopen"),
        pytest.param(
            {"geldig_van": lambda: VANDAAG() + timedelta(days=1)}, id="nog-niet"
        ),
        pytest.param({"bestuursorgaan": "cdk"}, id="verkeerde-soort"),
        pytest.param({"reikwijdte": "weigeren"}, id="alleen-weigeren-bij-verlenen"),
        pytest.param({"bevestigd": False}, id="niet-bevestigd"),
    ],
)
def test_no_decision_without_a_mandate_in_force(
    mandaat, ingediend, behandelaar, provincie
):
    houder = zonder_mandaat(Rol.BEHANDELAAR, provincie, functie="jurist")
    velden = {k: (v() if callable(v) else v) for k, v in mandaat.items()}
    maak_mandaat(houder, **velden)
    naar_besluitvorming(ingediend, behandelaar)
    assert not permissions.mag(houder, "vaststellen", ingediend)
    with pytest.raises(services.GeenToegang):
        services.besluit_vaststellen(user=houder, verzoek=ingediend)
    ingediend.refresh_from_db()
    assert ingediend.status == Status.TER_BESLUITVORMING
    assert not Besluit.objects.filter(verzoek=ingediend).exists()


def test_refusals_only_mandate_signs_a_refusal_namens_deze(
    ingediend, behandelaar, provincie
):
    houder = zonder_mandaat(Rol.BEHANDELAAR, provincie, naam="Mr. A. Smit",
                            functie="senior jurist")  # fmt: skip
    m = maak_mandaat(houder, reikwijdte="weigeren", bron_titel="Mandaatbesluit 2026",
                     bron_datum=date(2025, 12, 15))  # fmt: skip
    naar_besluitvorming(
        ingediend,
        behandelaar,
        uitkomst=Uitkomst.GEWEIGERD,
        afwijking="Het college weigert om een bijzondere reden (artikel 4:84 Awb).",
    )
    besluit = services.besluit_vaststellen(user=houder, verzoek=ingediend)
    assert besluit.mandaat == m
    assert besluit.namens
    assert besluit.genomen_op is None
    assert "Gedeputeerde Staten van Gelderland,<br>namens deze,</p>" in besluit.html
    assert "Mr. A. Smit<br>senior jurist" in besluit.html
    assert "Mandaatbesluit 2026 (bekendgemaakt op 15 december 2025)" in besluit.html
    assert "voorzitter" not in besluit.html


def test_a_single_gedeputeerde_without_mandate_cannot_sign_as_the_college(
    ingediend, behandelaar, provincie
):
    gedeputeerde = zonder_mandaat(Rol.BESLISSER, provincie, naam="G. Gedeputeerde")
    naar_besluitvorming(ingediend, behandelaar)
    assert permissions.mag(gedeputeerde, "vaststellen", ingediend)
    with pytest.raises(services.NietNu, match="geen mandaat"):
        services.besluit_vaststellen(user=gedeputeerde, verzoek=ingediend)
    ingediend.refresh_from_db()
    assert ingediend.status == Status.TER_BESLUITVORMING
    with pytest.raises(services.NietNu, match="toekomst"):
        services.besluit_vaststellen(
            user=gedeputeerde, verzoek=ingediend,
            genomen_op=VANDAAG() + timedelta(days=1),
        )  # fmt: skip

    vergadering = VANDAAG()
    besluit = services.besluit_vaststellen(
        user=gedeputeerde, verzoek=ingediend, genomen_op=vergadering
    )
    assert besluit.genomen_op == vergadering
    assert not besluit.namens
    assert besluit.mandaat is None
    html = besluit.html
    assert "Gedeputeerde Staten van Gelderland,</p>" in html
    assert "J. de Commissaris, voorzitter" in html
    assert "S. Secretaris, secretaris" in html
    assert "Aldus besloten in de vergadering van Gedeputeerde Staten van" in html
    assert "G. Gedeputeerde" not in html
    assert "namens deze" not in html


def test_a_gs_beslisser_cannot_decide_a_cdk_case(
    aanvrager, gemeente, behandelaar, provincie
):
    verzoek = burgemeesterszaak(aanvrager, gemeente)
    naar_besluitvorming(verzoek, behandelaar, goedkeuring="verleend")
    gs = maak_gebruiker(Rol.BESLISSER, provincie)  # GS mandate only
    assert not permissions.mag(gs, "vaststellen", verzoek)
    with pytest.raises(services.GeenToegang):
        services.besluit_vaststellen(user=gs, verzoek=verzoek, genomen_op=VANDAAG())
    verzoek.refresh_from_db()
    assert verzoek.status == Status.TER_BESLUITVORMING


def test_cdk_mandate_holder_signs_namens_deze_and_never_as_the_cdk(
    aanvrager, gemeente, behandelaar, provincie
):
    verzoek = burgemeesterszaak(aanvrager, gemeente)
    naar_besluitvorming(verzoek, behandelaar, goedkeuring="verleend")
    kabinet = zonder_mandaat(Rol.BEHANDELAAR, provincie, naam="K. Kabinet",
                             functie="kabinetschef", mag_namens_cdk=True)  # fmt: skip
    besluit = services.besluit_vaststellen(user=kabinet, verzoek=verzoek)
    html = besluit.html
    assert "De Commissaris van de Koning in Gelderland,<br>namens deze,</p>" in html
    assert "K. Kabinet<br>kabinetschef" in html
    assert "J. de Commissaris" not in html.split('class="ondertekening"')[1]


def test_the_cdk_himself_signs_with_his_own_name(
    aanvrager, gemeente, behandelaar, provincie
):
    verzoek = burgemeesterszaak(aanvrager, gemeente)
    naar_besluitvorming(verzoek, behandelaar, goedkeuring="verleend")
    kabinet = zonder_mandaat(Rol.BEHANDELAAR, provincie, naam="K. Kabinet",
                             mag_namens_cdk=True)  # fmt: skip
    besluit = services.besluit_vaststellen(
        user=kabinet, verzoek=verzoek, genomen_op=VANDAAG()
    )
    ondertekening = besluit.html.split('class="ondertekening"')[1]
    assert "De Commissaris van de Koning in Gelderland,</p>" in ondertekening
    assert "J. de Commissaris" in ondertekening
    assert "K. Kabinet" not in ondertekening
    assert "namens deze" not in ondertekening


# ------------------------------------------------------- letters


def _brief(ondertekening):
    brief = voorbeelden.voorbeelden()["verleend-bw343"]
    return opmaak.render_html(replace(brief, ondertekening=ondertekening))


def _provincie():
    return Provincie(naam="Gelderland", cdk_naam="drs. C. Commissaris",
                     secretaris_naam="mr. S. Secretaris")  # fmt: skip


def _houder():
    return Gebruiker(naam="mr. A. Rietveld", functie="teamleider Juridische Zaken")


def test_letter_collegial_gs_signature_with_meeting_date():
    html = _brief(mandaten.ondertekening(
        bestuursorgaan="gs", provincie=_provincie(), ondertekenaar=_houder(),
        genomen_op=date(2026, 4, 14),
    ))  # fmt: skip
    assert (
        "Aldus besloten in de vergadering van Gedeputeerde Staten van 14 april 2026."
        in html
    )
    assert "Gedeputeerde Staten van Gelderland,</p>" in html
    assert "drs. C. Commissaris, voorzitter" in html
    assert "mr. S. Secretaris, secretaris" in html
    assert "Rietveld" not in html


def test_letter_gs_mandate_signature_names_the_mandate():
    m = _mandaat(bron_titel="Mandaatbesluit verboden handelingen Gelderland 2026",
                 bron_datum=date(2025, 12, 15))  # fmt: skip
    html = _brief(mandaten.ondertekening(
        bestuursorgaan="gs", provincie=_provincie(), ondertekenaar=_houder(), mandaat=m,
    ))  # fmt: skip
    assert "Gedeputeerde Staten van Gelderland,<br>namens deze,</p>" in html
    assert "mr. A. Rietveld<br>teamleider Juridische Zaken" in html
    assert (
        "op grond van: Mandaatbesluit verboden handelingen Gelderland 2026 "
        "(bekendgemaakt op 15 december 2025)." in html
    )
    assert "voorzitter" not in html
    assert "vergadering" not in html


def test_letter_cdk_signature_is_the_cdk_himself():
    html = _brief(mandaten.ondertekening(
        bestuursorgaan="cdk", provincie=_provincie(), ondertekenaar=_houder(),
        genomen_op=date(2026, 4, 14),
    ))  # fmt: skip
    assert "De Commissaris van de Koning in Gelderland,</p>" in html
    assert "drs. C. Commissaris" in html
    assert "Rietveld" not in html
    assert "namens deze" not in html
    assert "vergadering" not in html


def test_letter_cdk_mandate_signature():
    m = _mandaat(bestuursorgaan="cdk", bron_titel="Mandaatbesluit CdK 2026",
                 bron_datum=date(2026, 1, 8))  # fmt: skip
    html = _brief(mandaten.ondertekening(
        bestuursorgaan="cdk", provincie=_provincie(), ondertekenaar=_houder(), mandaat=m,
    ))  # fmt: skip
    assert "De Commissaris van de Koning in Gelderland,<br>namens deze,</p>" in html
    assert "mr. A. Rietveld<br>teamleider Juridische Zaken" in html
    assert "Mandaatbesluit CdK 2026 (bekendgemaakt op 8 januari 2026)" in html
    assert "drs. C. Commissaris" not in html


# --------------------------------------------- the register: two people


def _mandaat_vragen(beheerder, houder, **extra):
    velden = dict(
        houder=houder, bestuursorgaan="cdk", reikwijdte="alle",
        geldig_van=VANDAAG(), geldig_tot=None,
        bron_titel="Mandaatbesluit CdK Gelderland 2026", bron_datum=VANDAAG(),
    )  # fmt: skip
    velden.update(extra)
    return register.mandaat_vragen(user=beheerder, **velden)


def test_a_cdk_mandate_granted_alone_waits_for_a_second_person(
    aanvrager, gemeente, behandelaar, provincie, beheerder,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    bestaande = maak_gebruiker(Rol.BESLISSER, provincie)
    tweede_beheerder = maak_gebruiker(Rol.BEHEERDER, provincie)
    wachtend = zonder_mandaat(Rol.BESLISSER, provincie, beslisser_bevestigd=False)
    maak_gebruiker(Rol.BEHEERDER, maak_provincie("PV26", "Utrecht"))
    grantee = zonder_mandaat(Rol.BEHANDELAAR, provincie, naam="Gerrit Grantee")
    verzoek = burgemeesterszaak(aanvrager, gemeente)
    naar_besluitvorming(verzoek, behandelaar, goedkeuring="verleend")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        mandaat = _mandaat_vragen(beheerder, grantee)
    assert mandaat.wacht_op_bevestiging
    ontvangers = sorted(a for m in mail.outbox for a in m.to)
    assert ontvangers == sorted(
        [beheerder.email, bestaande.email, tweede_beheerder.email]
    )
    assert wachtend.email not in ontvangers
    assert grantee.email not in ontvangers
    assert "Gerrit Grantee" in mail.outbox[0].subject
    assert "pas als een andere beheerder of een beslisser" in mail.outbox[0].body

    assert not permissions.mag(grantee, "vaststellen", verzoek)
    with pytest.raises(services.GeenToegang):
        services.besluit_vaststellen(user=grantee, verzoek=verzoek)
    with pytest.raises(services.NietNu, match="zelf gevraagd"):
        register.mandaat_bevestigen(user=beheerder, mandaat=mandaat)
    with pytest.raises(services.GeenToegang):
        register.mandaat_bevestigen(user=grantee, mandaat=mandaat)
    with pytest.raises(services.GeenToegang):
        register.mandaat_bevestigen(user=behandelaar, mandaat=mandaat)
    with pytest.raises(services.GeenToegang):  # role not yet confirmed
        register.mandaat_bevestigen(user=wachtend, mandaat=mandaat)

    register.mandaat_bevestigen(user=bestaande, mandaat=mandaat)
    assert permissions.mag(grantee, "vaststellen", verzoek)
    besluit = services.besluit_vaststellen(user=grantee, verzoek=verzoek)
    assert besluit.mandaat_id == mandaat.pk
    acties = list(
        Beheergebeurtenis.objects.filter(provincie=provincie)
        .order_by("pk")
        .values_list("actie", flat=True)
    )
    assert acties[-2:] == [Beheeractie.MANDAAT_GEVRAAGD, Beheeractie.MANDAAT_BEVESTIGD]
    assert controleer_beheerketen(provincie.pk) == (True, "")


def test_a_migrated_entry_without_mandaatbesluit_cannot_be_confirmed(
    provincie, beheerder, behandelaar
):
    from ontheffing.models.mandaat import BRON_OVERGENOMEN

    m = maak_mandaat(behandelaar, bevestigd=False, bron_titel=BRON_OVERGENOMEN)
    tweede = maak_gebruiker(Rol.BEHEERDER, provincie)
    with pytest.raises(services.NietNu, match="geen mandaatbesluit"):
        register.mandaat_bevestigen(user=tweede, mandaat=m)
    m.refresh_from_db()
    assert m.wacht_op_bevestiging


def test_invalid_mandates_are_refused_with_a_message(provincie, beheerder, behandelaar):
    with pytest.raises(services.NietNu, match="bekendmaking"):
        _mandaat_vragen(beheerder, behandelaar, bron_datum=VANDAAG() + timedelta(1))
    with pytest.raises(services.NietNu, match="einddatum"):
        _mandaat_vragen(beheerder, behandelaar, geldig_tot=GISTEREN())
    with pytest.raises(services.NietNu, match="titel"):
        _mandaat_vragen(beheerder, behandelaar, bron_titel="  ")
    with pytest.raises(services.NietNu, match="behandelaar of beslisser"):
        _mandaat_vragen(beheerder, beheerder)
    with pytest.raises(services.GeenToegang):
        _mandaat_vragen(behandelaar, behandelaar)
    assert not Mandaat.objects.exists()


def test_ending_a_mandate_is_recorded_and_never_retroactive(
    ingediend, behandelaar, provincie, beheerder
):
    houder = zonder_mandaat(Rol.BEHANDELAAR, provincie)
    m = maak_mandaat(houder)
    naar_besluitvorming(ingediend, behandelaar)
    with pytest.raises(services.NietNu, match="terugwerkende kracht"):
        register.mandaat_beeindigen(
            user=beheerder, mandaat=m, laatste_dag=VANDAAG() - timedelta(days=2)
        )
    with pytest.raises(services.GeenToegang):
        register.mandaat_beeindigen(user=houder, mandaat=m, laatste_dag=GISTEREN())
    register.mandaat_beeindigen(user=beheerder, mandaat=m, laatste_dag=GISTEREN())
    assert not permissions.mag(houder, "vaststellen", ingediend)
    laatste = Beheergebeurtenis.objects.filter(provincie=provincie).first()
    assert laatste.actie == Beheeractie.MANDAAT_BEEINDIGD
    assert laatste.details["geldig_tot"]["nieuw"] == GISTEREN().isoformat()


# ------------------------------------------------- the role beslisser


def test_an_invited_beslisser_waits_for_a_second_person(
    ingediend, behandelaar, provincie, beheerder, django_capture_on_commit_callbacks
):
    bestaande = maak_gebruiker(Rol.BESLISSER, provincie)
    naar_besluitvorming(ingediend, behandelaar)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        nieuw = services.medewerker_uitnodigen(
            user=beheerder, provincie=provincie, email="nieuw@beheerder-adres.nl",
            naam="Nina Nieuw", rol=Rol.BESLISSER,
        )  # fmt: skip
    assert not nieuw.beslisser_bevestigd
    meldingen = [m for m in mail.outbox if m.subject.startswith("Ter bevestiging")]
    assert sorted(a for m in meldingen for a in m.to) == sorted(
        [beheerder.email, bestaande.email]
    )
    assert not permissions.mag(nieuw, "vaststellen", ingediend)
    with pytest.raises(services.NietNu, match="zelf gevraagd"):
        register.beslisser_bevestigen(user=beheerder, medewerker=nieuw)
    with pytest.raises(services.GeenToegang):  # not a confirmed beslisser yet
        register.beslisser_bevestigen(user=nieuw, medewerker=nieuw)

    register.beslisser_bevestigen(user=bestaande, medewerker=nieuw)
    nieuw.refresh_from_db()
    assert nieuw.beslisser_bevestigd
    assert permissions.mag(nieuw, "vaststellen", ingediend)
    acties = set(
        Beheergebeurtenis.objects.filter(provincie=provincie).values_list(
            "actie", flat=True
        )
    )
    assert {Beheeractie.BESLISSER_GEVRAAGD, Beheeractie.BESLISSER_BEVESTIGD} <= acties


def test_promoting_to_beslisser_waits_and_demoting_ends_the_confirmation(
    provincie, beheerder, behandelaar
):
    services.medewerker_wijzigen(
        user=beheerder, medewerker=behandelaar, naam=behandelaar.naam,
        rol=Rol.BESLISSER, functie="", is_active=True,
    )  # fmt: skip
    behandelaar.refresh_from_db()
    assert behandelaar.rol == Rol.BESLISSER
    assert not behandelaar.beslisser_bevestigd
    assert not mandaten.is_beslisser(behandelaar)
    tweede = maak_gebruiker(Rol.BEHEERDER, provincie)
    register.beslisser_bevestigen(user=tweede, medewerker=behandelaar)
    assert mandaten.is_beslisser(behandelaar)
    services.medewerker_wijzigen(
        user=beheerder, medewerker=behandelaar, naam=behandelaar.naam,
        rol=Rol.BEHANDELAAR, functie="", is_active=True,
    )  # fmt: skip
    behandelaar.refresh_from_db()
    assert not behandelaar.beslisser_bevestigd


# ------------------------------------------------------------ views


def test_register_pages_by_role_and_province(
    client, provincie, beheerder, behandelaar, vreemde_beslisser
):
    url = reverse("provincie:beheer_mandaten")
    inloggen(client, behandelaar)
    assert client.get(url).status_code == 403
    inloggen(client, beheerder)
    response = client.post(reverse("provincie:beheer_mandaat_nieuw"), {
        "houder": behandelaar.pk, "bestuursorgaan": "gs", "reikwijdte": "weigeren",
        "geldig_van": VANDAAG().isoformat(), "bron_titel": "Mandaatbesluit 2026",
        "bron_datum": VANDAAG().isoformat(),
    })  # fmt: skip
    assert response.status_code == 302
    m = Mandaat.objects.get(houder=behandelaar)
    assert m.wacht_op_bevestiging
    pagina = client.get(url).content.decode()
    assert "Wacht op bevestiging" in pagina
    assert reverse("provincie:beheer_mandaat_bevestigen", args=[m.pk]) not in pagina

    inloggen(client, vreemde_beslisser)
    bevestigen = reverse("provincie:beheer_mandaat_bevestigen", args=[m.pk])
    assert client.post(bevestigen).status_code == 404

    beslisser = maak_gebruiker(Rol.BESLISSER, provincie)
    inloggen(client, beslisser)
    assert bevestigen in client.get(url).content.decode()
    assert client.post(bevestigen).status_code == 302
    m.refresh_from_db()
    assert m.bevestigd_door == beslisser
    nieuw = reverse("provincie:beheer_mandaat_nieuw")
    assert client.get(nieuw).status_code == 403


def test_the_new_mandate_form_says_what_is_wrong(client, beheerder, behandelaar):
    inloggen(client, beheerder)
    response = client.post(reverse("provincie:beheer_mandaat_nieuw"), {
        "houder": behandelaar.pk, "bestuursorgaan": "gs", "reikwijdte": "alle",
        "geldig_van": "2026-13-45", "bron_titel": "",
    })  # fmt: skip
    tekst = response.content.decode()
    assert response.status_code == 200
    assert "Vul een geldige datum in, bijvoorbeeld " in tekst
    assert "Vul de titel van het mandaatbesluit in." in tekst
    assert not Mandaat.objects.exists()


def test_deciding_in_the_page_records_the_meeting_date(
    client, ingediend, behandelaar, provincie
):
    gedeputeerde = zonder_mandaat(Rol.BESLISSER, provincie)
    naar_besluitvorming(ingediend, behandelaar)
    inloggen(client, gedeputeerde)
    url = reverse("provincie:vaststellen", args=[ingediend.pk])
    response = client.post(
        url, {"vaststellen-genomen_op": "", "bevestigd": "1"}, follow=True
    )
    assert "geen mandaat" in response.content.decode()
    ingediend.refresh_from_db()
    assert ingediend.status == Status.TER_BESLUITVORMING
    client.post(
        url, {"vaststellen-genomen_op": VANDAAG().isoformat(), "bevestigd": "1"}
    )
    ingediend.refresh_from_db()
    assert ingediend.status == Status.AFGEHANDELD
    assert ingediend.besluiten.get().genomen_op == VANDAAG()


def test_an_account_the_asker_invited_cannot_confirm_his_grant(
    beheerder, behandelaar, provincie
):
    """One beheerder cannot confirm his own grant through a second beheerder he
    invited (or one that an invitee of his invited)."""
    handlanger = services.medewerker_uitnodigen(
        user=beheerder, provincie=provincie, email="handlanger@example.nl",
        naam="H. Langer", rol=Rol.BEHEERDER,
    )  # fmt: skip
    tweede = services.medewerker_uitnodigen(
        user=handlanger, provincie=provincie, email="tweede@example.nl",
        naam="T. Weede", rol=Rol.BEHEERDER,
    )  # fmt: skip
    mandaat = register.mandaat_vragen(
        user=beheerder, houder=behandelaar, bestuursorgaan="cdk", reikwijdte="alle",
        geldig_van=date(2026, 1, 1), geldig_tot=None,
        bron_titel="Mandaatbesluit CdK 2026", bron_datum=date(2025, 12, 15),
    )  # fmt: skip
    for wie in (handlanger, tweede):
        with pytest.raises(services.NietNu, match="uitgenodigd door wie dit vroeg"):
            register.mandaat_bevestigen(user=wie, mandaat=mandaat)
    mandaat.refresh_from_db()
    assert mandaat.wacht_op_bevestiging
    onafhankelijk = maak_gebruiker(Rol.BEHEERDER, provincie)
    register.mandaat_bevestigen(user=onafhankelijk, mandaat=mandaat)
    mandaat.refresh_from_db()
    assert not mandaat.wacht_op_bevestiging
