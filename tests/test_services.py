"""Use cases with the database: who may do what, what is recorded, what is sent."""

from datetime import timedelta

import pytest
from django.core import mail

from ontheffing import kwalificatie as kw
from ontheffing import permissions, services
from ontheffing.formatting import datum
from ontheffing.models import (
    Besluit,
    Doorzendadres,
    Gebeurtenis,
    OnveranderbaarError,
    Orgaan,
    Verzoek,
    controleer_keten,
)
from ontheffing.states import Actie, Bestuursorgaan, Rol, Status, Uitkomst
from ontheffing.termijnen import atw_verlengen
from ontheffing.toetsing import criteria_voor
from tests.factories import (
    beoordeel_alles,
    kwalificeer,
    maak_concept,
    maak_gebruiker,
    maak_gemeente,
    maak_provincie,
    naar_besluitvorming,
    naar_toetsing,
    vandaag,
    vraag_offerte,
)

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------ submission


def test_submission_sets_kenmerk_receipt_and_acknowledges_after_commit(
    concept, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.verzoek_indienen(user=concept.ingediend_door, verzoek=concept)
        assert mail.outbox == []  # nothing before commit
    for callback in callbacks:
        callback()
    concept.refresh_from_db()
    assert concept.status == Status.INGEDIEND
    assert concept.kenmerk == f"{vandaag().year}-PV25-0001"
    assert concept.ontvangen_op == vandaag()
    assert len(mail.outbox) == 1
    assert concept.kenmerk in mail.outbox[0].subject
    assert "4:3a" in mail.outbox[0].body


def test_kenmerken_count_per_province_and_year(aanvrager, provincie):
    utrecht = maak_provincie("PV26", "Utrecht")
    kenmerken = []
    for gemeente in [
        maak_gemeente(provincie),
        maak_gemeente(utrecht, "Utrecht"),
        maak_gemeente(provincie, "Ede"),
    ]:
        verzoek = maak_concept(aanvrager=aanvrager, gemeente=gemeente)
        services.verzoek_indienen(user=aanvrager, verzoek=verzoek)
        kenmerken.append(verzoek.kenmerk)
    jaar = vandaag().year
    assert kenmerken == [f"{jaar}-PV25-0001", f"{jaar}-PV26-0001", f"{jaar}-PV25-0002"]


def test_incomplete_concept_cannot_be_submitted(aanvrager, gemeente):
    verzoek = maak_concept(
        aanvrager=aanvrager, gemeente=gemeente, met_bijlage=False, onderwerp=""
    )
    with pytest.raises(services.NietNu) as exc:
        services.verzoek_indienen(user=aanvrager, verzoek=verzoek)
    assert "het onderwerp" in str(exc.value)
    assert "(concept)overeenkomst of offerte" in str(exc.value)
    verzoek.refresh_from_db()
    assert verzoek.status == Status.CONCEPT
    assert verzoek.kenmerk is None


def test_only_the_own_applicant_submits(concept, andere_aanvrager, behandelaar):
    for user in (andere_aanvrager, behandelaar):
        with pytest.raises(services.GeenToegang):
            services.verzoek_indienen(user=user, verzoek=concept)
    assert Verzoek.objects.get(pk=concept.pk).status == Status.CONCEPT


def test_burgemeester_case_goes_to_the_cdk(aanvrager, gemeente):
    verzoek = maak_concept(aanvrager=aanvrager, gemeente=gemeente, ambt="burgemeester")
    services.verzoek_indienen(user=aanvrager, verzoek=verzoek)
    assert verzoek.bestuursorgaan == Bestuursorgaan.CDK


# ----------------------------------------------------- the whole workflow


def test_full_grant_with_audit_trail_and_letter(
    ingediend, behandelaar, beslisser, django_capture_on_commit_callbacks
):
    naar_besluitvorming(ingediend, behandelaar)
    assert ingediend.status == Status.TER_BESLUITVORMING
    with django_capture_on_commit_callbacks(execute=True):
        besluit = services.besluit_vaststellen(user=beslisser, verzoek=ingediend)
    ingediend.refresh_from_db()
    assert ingediend.status == Status.AFGEHANDELD
    assert ingediend.uitkomst == Uitkomst.VERLEEND
    assert besluit.integer()
    assert bytes(besluit.pdf).startswith(b"%PDF")
    assert ingediend.kenmerk in besluit.html
    assert mail.outbox[-1].attachments[0][0] == f"besluit-{ingediend.kenmerk}.pdf"
    acties = list(ingediend.gebeurtenissen.values_list("actie", flat=True))
    assert acties == [
        Actie.CONCEPT_OPGESLAGEN,
        Actie.INDIENEN,
        Actie.IN_BEHANDELING_NEMEN,
        Actie.KWALIFICEREN,
        Actie.TOETSEN,
        Actie.VOORSTELLEN,
        Actie.VASTSTELLEN,
    ]
    assert controleer_keten(ingediend.pk) == (True, "")


@pytest.mark.parametrize(
    ("handeling", "kwalificatie", "voorstel"),
    [
        (
            "gemachtigde_wederpartij_in_geschil",
            kw.Uitkomst.VERBODEN_NIET_ONTHEFFBAAR,
            Uitkomst.GEWEIGERD,
        ),
        (
            "verkoop_onroerende_zaak_aan_overheid",
            kw.Uitkomst.NIET_VERBODEN,
            Uitkomst.GEEN_ONTHEFFING_VEREIST,
        ),
    ],
    ids=[
        "niet-ontheffbaar-wordt-weigering",
        "niet-verboden-wordt-geen-ontheffing-vereist",
    ],
)
def test_qualification_without_assessment_goes_straight_to_a_proposal(
    aanvrager, gemeente, behandelaar, handeling, kwalificatie, voorstel
):
    verzoek = maak_concept(aanvrager=aanvrager, gemeente=gemeente, handeling=handeling)
    services.verzoek_indienen(user=aanvrager, verzoek=verzoek)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    kwalificeer(verzoek, behandelaar)
    assert verzoek.status == Status.TER_BESLUITVORMING
    assert verzoek.kwalificatie["uitkomst"] == kwalificatie
    assert verzoek.voorstel_uitkomst == voorstel


def test_deviation_from_the_engine_needs_motivation(ingediend, behandelaar):
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    engine = services.kwalificatie_gegevens(kw.kwalificeer(ingediend.feiten()))
    afwijkend = {**engine, "uitkomst": kw.Uitkomst.NIET_VERBODEN, "onderdeel": None}
    with pytest.raises(services.NietNu):
        services.verzoek_kwalificeren(
            user=behandelaar,
            verzoek=ingediend,
            feiten=ingediend.feiten(),
            bevestigd=afwijkend,
        )
    assert Verzoek.objects.get(pk=ingediend.pk).status == Status.KWALIFICATIE
    services.verzoek_kwalificeren(
        user=behandelaar,
        verzoek=ingediend,
        feiten=ingediend.feiten(),
        bevestigd=afwijkend,
        motivering="Bijzonder geval.",
    )
    assert (
        ingediend.kwalificatie_berekend["uitkomst"] == kw.Uitkomst.VERBODEN_ONTHEFFBAAR
    )
    assert ingediend.kwalificatie["uitkomst"] == kw.Uitkomst.NIET_VERBODEN


def test_corrected_facts_are_recorded_beside_the_applicants(ingediend, behandelaar):
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    kwalificeer(ingediend, behandelaar, relatie=kw.Relatie.EIGEN_RECHTSPERSOON)
    laatste = ingediend.gebeurtenissen.last()
    assert laatste.details["correcties"] == {
        "relatie": {"aanvrager": "rechtstreeks", "behandelaar": "eigen_rechtspersoon"}
    }
    assert "(middellijk)" in ingediend.kwalificatie["grondslag"]


def test_proposal_needs_every_criterion_judged(ingediend, behandelaar):
    naar_toetsing(ingediend, behandelaar)
    eerste = criteria_voor(ingediend)[0]
    services.criteria_beoordelen(
        user=behandelaar,
        verzoek=ingediend,
        oordelen={eerste: ("voldaan", "Openbare procedure.")},
    )
    with pytest.raises(services.NietNu, match="Beoordeel eerst alle criteria"):
        services.besluit_voorstellen(
            user=behandelaar,
            verzoek=ingediend,
            uitkomst="verleend",
            motivering="m",
            voorschriften=[],
        )


def test_a_criterion_without_motivation_is_refused(ingediend, behandelaar):
    naar_toetsing(ingediend, behandelaar)
    eerste = criteria_voor(ingediend)[0]
    with pytest.raises(services.NietNu, match="motiveer"):
        services.criteria_beoordelen(
            user=behandelaar, verzoek=ingediend, oordelen={eerste: ("voldaan", "  ")}
        )


# ------------------------------------------------------------ four eyes


def test_the_proposer_can_never_decide(ingediend, provincie):
    met_mandaat = maak_gebruiker(Rol.BEHANDELAAR, provincie, mandaat=True)
    naar_besluitvorming(ingediend, met_mandaat)
    assert not permissions.mag(met_mandaat, "vaststellen", ingediend)
    with pytest.raises(services.GeenToegang):
        services.besluit_vaststellen(user=met_mandaat, verzoek=ingediend)
    collega = maak_gebruiker(Rol.BEHANDELAAR, provincie, mandaat=True)
    assert permissions.mag(collega, "vaststellen", ingediend)


def test_who_qualified_or_judged_cannot_decide(ingediend, provincie, behandelaar):
    """Four eyes in full: the services record who qualified the case and who
    judged its criteria, and neither may decide it."""
    kwalificeerder = maak_gebruiker(Rol.BEHANDELAAR, provincie, mandaat=True)
    toetser = maak_gebruiker(Rol.BEHANDELAAR, provincie, mandaat=True)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    kwalificeer(ingediend, kwalificeerder)
    beoordeel_alles(ingediend, toetser)
    services.besluit_voorstellen(
        user=behandelaar,
        verzoek=ingediend,
        uitkomst=Uitkomst.VERLEEND,
        motivering="Aan alle criteria is voldaan.",
        voorschriften=[],
    )
    ingediend = Verzoek.objects.get(pk=ingediend.pk)
    assert ingediend.voorbereiders == [kwalificeerder.pk, toetser.pk, behandelaar.pk]
    for wie in (kwalificeerder, toetser):
        antwoord = permissions.mag(wie, "vaststellen", ingediend)
        assert not antwoord.voor_u
        assert "vier ogen" in antwoord.reden
        with pytest.raises(services.GeenToegang, match="vier ogen"):
            services.besluit_vaststellen(user=wie, verzoek=ingediend)
    assert Verzoek.objects.get(pk=ingediend.pk).status == Status.TER_BESLUITVORMING


def test_judging_and_proposing_is_one_transaction(ingediend, behandelaar):
    """The assessment page's judgements and proposal: both or neither."""
    naar_toetsing(ingediend, behandelaar)
    criteria = criteria_voor(ingediend)
    oordelen = {c: ("voldaan", f"Motivering {c.code}.") for c in criteria}
    with pytest.raises(services.NietNu):
        services.besluit_voorstellen(
            user=behandelaar,
            verzoek=ingediend,
            oordelen=oordelen,
            uitkomst=Uitkomst.VERLEEND,
            motivering=" ",
            voorschriften=[],
        )
    assert not ingediend.oordelen.exists()
    services.besluit_voorstellen(
        user=behandelaar,
        verzoek=ingediend,
        oordelen=oordelen,
        uitkomst=Uitkomst.VERLEEND,
        motivering="Aan alle criteria is voldaan.",
        voorschriften=[],
    )
    assert ingediend.status == Status.TER_BESLUITVORMING
    assert ingediend.oordelen.count() == len(criteria)
    acties = list(ingediend.gebeurtenissen.values_list("actie", flat=True))
    assert acties[-2:] == [Actie.TOETSEN, Actie.VOORSTELLEN]


def test_cdk_case_needs_cdk_mandate(aanvrager, gemeente, behandelaar, provincie):
    verzoek = maak_concept(
        aanvrager=aanvrager,
        gemeente=gemeente,
        ambt="burgemeester",
        handeling="verwerving_onroerende_zaak",
    )
    services.verzoek_indienen(user=aanvrager, verzoek=verzoek)
    naar_besluitvorming(verzoek, behandelaar, goedkeuring="verleend")
    gewone = maak_gebruiker(Rol.BESLISSER, provincie, mag_namens_cdk=False)
    cdk = maak_gebruiker(Rol.BESLISSER, provincie, mag_namens_cdk=True)
    assert not permissions.mag(gewone, "vaststellen", verzoek)
    assert permissions.mag(cdk, "vaststellen", verzoek)


def test_return_goes_back_to_the_step_of_the_proposal(
    ingediend, behandelaar, beslisser
):
    naar_besluitvorming(ingediend, behandelaar)
    with pytest.raises(services.NietNu):
        services.voorstel_terugsturen(user=beslisser, verzoek=ingediend, reden=" ")
    services.voorstel_terugsturen(
        user=beslisser, verzoek=ingediend, reden="Motiveer beter."
    )
    assert ingediend.status == Status.TOETSING
    assert not ingediend.voorstel_uitkomst


# ------------------------------------------------------ roles and provinces


def staff_of_another_province():
    utrecht = maak_provincie("PV26", "Utrecht")
    return [
        maak_gebruiker(rol, utrecht, mandaat=True, mag_namens_cdk=True)
        for rol in (Rol.BEHANDELAAR, Rol.BESLISSER)
    ]


@pytest.mark.parametrize(
    ("actie", "bereiken"),
    [
        ("in_behandeling_nemen", lambda v, b: None),
        ("aanvulling_vragen", lambda v, b: None),
        ("doorzenden", lambda v, b: None),
        (
            "kwalificeren",
            lambda v, b: services.verzoek_in_behandeling_nemen(user=b, verzoek=v),
        ),
        ("voorstellen", naar_toetsing),
        ("vaststellen", naar_besluitvorming),
        ("terugsturen", naar_besluitvorming),
    ],
)
def test_staff_transitions_refused_for_wrong_roles_and_other_provinces(
    ingediend, behandelaar, aanvrager, beheerder, actie, bereiken
):
    bereiken(ingediend, behandelaar)
    status = ingediend.status
    juiste_rol = (
        Rol.BESLISSER if actie in ("vaststellen", "terugsturen") else Rol.BEHANDELAAR
    )
    verkeerd = [aanvrager, beheerder, *staff_of_another_province()]
    verkeerd += [
        maak_gebruiker(r, ingediend.provincie)
        for r in (Rol.BEHANDELAAR, Rol.BESLISSER)
        if r != juiste_rol
    ]
    for user in verkeerd:
        toestemming = permissions.mag(user, actie, ingediend)
        assert not toestemming, user
        assert not toestemming.voor_u, user
        with pytest.raises(services.GeenToegang):
            services.require(user, actie, ingediend)
    assert Verzoek.objects.get(pk=ingediend.pk).status == status


def test_applicant_transitions_refused_for_others(
    ingediend, andere_aanvrager, behandelaar, beslisser, beheerder, vreemde_behandelaar
):
    vraag_offerte(ingediend, behandelaar)
    anderen = (andere_aanvrager, behandelaar, beslisser, beheerder, vreemde_behandelaar)
    for user in anderen:
        with pytest.raises(services.GeenToegang):
            services.verzoek_aanvullen(user=user, verzoek=ingediend, antwoord="x")
        with pytest.raises(services.GeenToegang):
            services.verzoek_intrekken(user=user, verzoek=ingediend)
    assert Verzoek.objects.get(pk=ingediend.pk).status == Status.AANVULLING_GEVRAAGD
    concept = maak_concept(
        aanvrager=ingediend.ingediend_door, gemeente=ingediend.gemeente
    )
    for user in anderen:
        with pytest.raises(services.GeenToegang):
            services.verzoek_indienen(user=user, verzoek=concept)
    assert Verzoek.objects.get(pk=concept.pk).status == Status.CONCEPT


def test_wrong_state_is_a_message_not_a_permission_error(ingediend, beslisser):
    with pytest.raises(services.NietNu):
        services.besluit_vaststellen(user=beslisser, verzoek=ingediend)


# ------------------------------------------------- suspension and deadlines


def test_request_for_information_suspends_and_answer_resumes(ingediend, behandelaar):
    einde = vandaag() + timedelta(days=14)
    services.aanvulling_vragen(
        user=behandelaar,
        verzoek=ingediend,
        ontbrekend=["KvK-uittreksel"],
        toelichting="Stuur het uittreksel.",
        hersteltermijn_einde=einde,
    )
    assert ingediend.status == Status.AANVULLING_GEVRAAGD
    opschorting = ingediend.lopende_opschorting
    assert opschorting.van == vandaag()
    assert opschorting.tot is None
    services.verzoek_aanvullen(
        user=ingediend.ingediend_door, verzoek=ingediend, antwoord="Bijgevoegd."
    )
    opschorting.refresh_from_db()
    assert opschorting.tot == vandaag()
    assert ingediend.status == Status.INGEDIEND


def test_buiten_behandeling_only_after_the_hersteltermijn(ingediend, behandelaar):
    vraag_offerte(ingediend, behandelaar)
    with pytest.raises(services.NietNu, match="nog niet verstreken"):
        services.buiten_behandeling_voorstellen(
            user=behandelaar, verzoek=ingediend, motivering="Geen reactie."
        )
    opschorting = ingediend.lopende_opschorting
    opschorting.van = vandaag() - timedelta(days=30)
    opschorting.hersteltermijn_einde = vandaag() - timedelta(days=16)
    opschorting.save()
    services.buiten_behandeling_voorstellen(
        user=behandelaar, verzoek=ingediend, motivering="Geen reactie."
    )
    assert ingediend.status == Status.TER_BESLUITVORMING
    assert ingediend.voorstel_uitkomst == Uitkomst.BUITEN_BEHANDELING
    opschorting.refresh_from_db()
    assert opschorting.tot == vandaag() - timedelta(days=16)


def test_verdaging_only_before_the_deadline(ingediend, behandelaar):
    Verzoek.objects.filter(pk=ingediend.pk).update(
        ontvangen_op=vandaag() - timedelta(weeks=10)
    )
    ingediend.refresh_from_db()
    with pytest.raises(services.NietNu, match="4:14"):
        services.termijn_verdagen(
            user=behandelaar,
            verzoek=ingediend,
            nieuwe_datum=vandaag() + timedelta(weeks=4),
            reden="Advies.",
        )
    assert not ingediend.gebeurtenissen.filter(actie=Actie.VERDAGEN).exists()


def test_verdaging_moves_the_deadline(ingediend, behandelaar):
    nieuw = ingediend.beslistermijn + timedelta(weeks=4)
    services.termijn_verdagen(
        user=behandelaar,
        verzoek=ingediend,
        nieuwe_datum=nieuw,
        reden="Advies van de gemeente nodig.",
    )
    assert ingediend.beslistermijn >= nieuw


# ------------------------------------------------------------- forwarding


def minister(db):
    return Doorzendadres.objects.create(
        orgaan=Orgaan.MINISTER_BZK,
        postadres="Postbus 20011\n2500 EA Den Haag",
        email="verboden-handelingen@minbzk.example",
    )


def test_forwarding_sends_the_request_and_every_document_and_tells_the_applicant(
    ingediend, behandelaar, django_capture_on_commit_callbacks
):
    aan = minister(None)
    with django_capture_on_commit_callbacks(execute=True):
        services.verzoek_doorzenden(
            user=behandelaar,
            verzoek=ingediend,
            aan=aan,
            toelichting="Het gaat om een Statenlid.",
        )
    assert ingediend.status == Status.DOORGEZONDEN
    brief = ingediend.besluiten.get()
    assert brief.soort == "doorzending"
    naar_minister, aan_aanvrager = mail.outbox[-2:]
    assert naar_minister.to == ["verboden-handelingen@minbzk.example"]
    namen = [naam for naam, _, _ in naar_minister.attachments]
    assert namen == [f"verzoek-{ingediend.kenmerk}.pdf", "offerte.pdf"]
    assert naar_minister.attachments[0][1].startswith(b"%PDF")
    assert "doorgezonden" in aan_aanvrager.subject
    assert "offerte.pdf" in brief.html
    assert "Minister van Binnenlandse Zaken" in brief.html
    gebeurtenis = ingediend.gebeurtenissen.get(actie="doorzenden")
    assert gebeurtenis.details["email"] == "verboden-handelingen@minbzk.example"
    assert gebeurtenis.details["stukken"] == namen


def test_forwarding_refuses_without_a_configured_authority_or_to_itself(
    ingediend, behandelaar, provincie
):
    eigen = Doorzendadres.objects.create(
        orgaan=Orgaan.GS, provincie=provincie, email="gs@gelderland.example"
    )
    for aan in (None, eigen):
        with pytest.raises(services.NietNu):
            services.verzoek_doorzenden(
                user=behandelaar, verzoek=ingediend, aan=aan, toelichting="Elders."
            )
    assert Verzoek.objects.get(pk=ingediend.pk).status == Status.INGEDIEND
    assert not Besluit.objects.exists()


# ------------------------------------------------------------- concurrency


def test_a_stale_save_becomes_a_clear_message(
    ingediend, behandelaar, tweede_behandelaar
):
    kopie = Verzoek.objects.get(pk=ingediend.pk)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    with pytest.raises(services.GelijktijdigGewijzigd, match="zojuist gewijzigd"):
        services.verzoek_doorzenden(
            user=tweede_behandelaar,
            verzoek=kopie,
            aan=minister(None),
            toelichting="Statenlid.",
        )
    assert Verzoek.objects.get(pk=ingediend.pk).status == Status.KWALIFICATIE
    assert kopie.status == Status.KWALIFICATIE  # reloaded, not left half-changed
    assert not Besluit.objects.exists()
    assert ingediend.gebeurtenissen.count() == 3


# -------------------------------------------------------------- the record


def test_audit_events_cannot_be_changed_or_deleted(ingediend):
    gebeurtenis = ingediend.gebeurtenissen.first()
    gebeurtenis.reden = "vervalst"
    with pytest.raises(OnveranderbaarError):
        gebeurtenis.save()
    with pytest.raises(OnveranderbaarError):
        gebeurtenis.delete()
    with pytest.raises(OnveranderbaarError):
        Gebeurtenis.objects.filter(pk=gebeurtenis.pk).update(reden="x")
    with pytest.raises(OnveranderbaarError):
        Gebeurtenis.objects.all().delete()


def test_issued_letter_cannot_be_changed(ingediend, behandelaar, beslisser):
    naar_besluitvorming(ingediend, behandelaar)
    besluit = services.besluit_vaststellen(user=beslisser, verzoek=ingediend)
    besluit.html = "anders"
    with pytest.raises(OnveranderbaarError):
        besluit.save()
    with pytest.raises(OnveranderbaarError):
        besluit.delete()


def test_internal_notes_are_hidden_from_the_applicant(
    ingediend, behandelaar, aanvrager
):
    services.notitie_toevoegen(
        user=behandelaar, verzoek=ingediend, tekst="Bellen met griffie."
    )
    with pytest.raises(services.GeenToegang):
        services.notitie_toevoegen(user=aanvrager, verzoek=ingediend, tekst="x")
    assert not ingediend.gebeurtenissen.voor_aanvrager().filter(
        actie=Actie.NOTITIE_TOEVOEGEN
    )


def test_visibility(
    ingediend, aanvrager, andere_aanvrager, behandelaar, vreemde_behandelaar
):
    zichtbaar = Verzoek.objects.zichtbaar_voor
    assert list(zichtbaar(aanvrager)) == [ingediend]
    assert list(zichtbaar(behandelaar)) == [ingediend]
    assert not zichtbaar(andere_aanvrager).exists()
    assert not zichtbaar(vreemde_behandelaar).exists()


def test_staff_never_see_concepts(concept, behandelaar):
    assert not Verzoek.objects.zichtbaar_voor(behandelaar).exists()


def test_rollback_sends_no_mail(
    concept, django_capture_on_commit_callbacks, monkeypatch
):
    def kapot(*args, **kwargs):
        raise RuntimeError("opslag kapot")

    monkeypatch.setattr(Gebeurtenis.objects, "create", kapot)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        services.verzoek_indienen(user=concept.ingediend_door, verzoek=concept)
    assert mail.outbox == []
    assert Verzoek.objects.get(pk=concept.pk).status == Status.CONCEPT


def test_an_unverified_e_mail_address_cannot_submit(gemeente):
    aanvrager = maak_gebruiker(Rol.AANVRAGER, email_bevestigd=False)
    verzoek = maak_concept(aanvrager=aanvrager, gemeente=gemeente)
    with pytest.raises(services.NietNu, match="Bevestig eerst uw e-mailadres"):
        services.verzoek_indienen(user=aanvrager, verzoek=verzoek)
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.CONCEPT


def test_counts_per_step_follow_every_transition(
    ingediend, aanvrager, gemeente, behandelaar, beslisser
):
    from ontheffing.models import Staptelling

    tweede = maak_concept(aanvrager=aanvrager, gemeente=gemeente)
    services.verzoek_indienen(user=aanvrager, verzoek=tweede)
    naar_besluitvorming(ingediend, behandelaar)
    services.besluit_vaststellen(user=beslisser, verzoek=ingediend)
    services.verzoek_intrekken(user=aanvrager, verzoek=tweede)
    tellingen = dict(
        Staptelling.objects.filter(provincie=ingediend.provincie).values_list(
            "status", "aantal"
        )
    )
    assert tellingen[Status.AFGEHANDELD] == 1
    assert tellingen[Status.INGETROKKEN] == 1
    assert tellingen[Status.INGEDIEND] == 0
    assert tellingen[Status.TER_BESLUITVORMING] == 0
    assert Staptelling.herbereken() == 0  # nothing to repair


def test_request_for_information_mail_names_what_and_by_when(
    ingediend, behandelaar, django_capture_on_commit_callbacks
):
    """Also when the mail goes out after a surrounding transaction in which the
    applicant already answered (the callbacks run at the outer commit)."""
    einde = vandaag() + timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        services.aanvulling_vragen(
            user=behandelaar,
            verzoek=ingediend,
            ontbrekend=["KvK-uittreksel"],
            toelichting="",
            hersteltermijn_einde=einde,
        )
        services.verzoek_aanvullen(
            user=ingediend.ingediend_door, verzoek=ingediend, antwoord="Bijgevoegd."
        )
    gevraagd = next(m for m in mail.outbox if "meer informatie" in m.subject)
    assert gevraagd.body.startswith("Geachte heer Jansen,")
    assert "- KvK-uittreksel" in gevraagd.body
    assert f"uiterlijk op {datum(atw_verlengen(einde))}" in gevraagd.body


def test_a_failing_letter_rolls_everything_back(
    ingediend, behandelaar, beslisser, monkeypatch
):
    from ontheffing.brieven import inhoud

    naar_besluitvorming(ingediend, behandelaar)
    gebeurtenissen = ingediend.gebeurtenissen.count()

    def kapot(*args, **kwargs):
        raise RuntimeError("lettertype ontbreekt")

    monkeypatch.setattr(inhoud, "besluit_uitgeven", kapot)
    with pytest.raises(RuntimeError):
        services.besluit_vaststellen(user=beslisser, verzoek=ingediend)
    assert ingediend.status == Status.TER_BESLUITVORMING
    assert not ingediend.uitkomst
    assert Verzoek.objects.get(pk=ingediend.pk).status == Status.TER_BESLUITVORMING
    assert ingediend.gebeurtenissen.count() == gebeurtenissen
    assert not Besluit.objects.exists()
