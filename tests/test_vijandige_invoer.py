"""Hostile and broken input (hypothesis): random, oversized, malformed, wrong-type
and Unicode-hostile POST data in every field of the real form of every POST
endpoint, as a user who may use it, never gives a 500 and never leaves a case
half-written."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontheffing.forms import aanvrager as fa
from ontheffing.forms import account as fc
from ontheffing.forms import beheer as fb
from ontheffing.forms import derden as fd
from ontheffing.forms import mandaten as fm
from ontheffing.forms import papier as fpa
from ontheffing.forms import procedures as fpr
from ontheffing.forms import provincie as fp
from ontheffing.forms import toetsing as ft
from ontheffing.forms.kwalificatie import KwalificatieForm
from ontheffing.forms.zelftest import VraagForm
from ontheffing.identiteit import forms as fi
from ontheffing.models import Criterium, Gebeurtenis, Opschorting, Staptelling, Verzoek
from ontheffing.states import Status
from tests.factories import ALLEEN_GET, inloggen, kwargs_voor, url_namen

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


def velden(form_class, prefix=None) -> list[str]:
    """The names a form posts: its fields, under its prefix."""
    prefix = prefix or getattr(form_class, "prefix", None)
    return [f"{prefix}-{naam}" if prefix else naam for naam in form_class.base_fields]


def formset(prefix, form_class, rijen=2) -> list[str]:
    beheer = [f"{prefix}-{n}_FORMS" for n in ("TOTAL", "INITIAL", "MIN_NUM", "MAX_NUM")]
    return (
        beheer
        + [
            f"{prefix}-{i}-{naam}"
            for i in range(rijen)
            for naam in form_class.base_fields
        ]
        + [f"{prefix}-{i}-DELETE" for i in range(rijen)]
    )


def toetsingvelden() -> list[str]:
    criteria = [
        naam
        for code in Criterium.objects.values_list("code", flat=True).distinct()
        for naam in velden(ft.CriteriumForm, f"c-{code}")
    ]
    return criteria + velden(ft.VoorstelForm) + ["opslaan", "voorstellen", "voorbeeld"]


# The fields each POST endpoint's view reads: the forms it binds, with their
# prefixes and submit buttons. An endpoint without input posts only buttons.
FORMULIEREN = {
    "zelftest:vraag": lambda: velden(VraagForm),
    "zelftest:opnieuw": list,
    "zelftest:start": list,
    "zelftest:uitslag": list,
    "login": lambda: velden(fc.InlogFormulier),
    "registreren": lambda: velden(fc.RegistratieFormulier),
    "bevestigen": list,
    "bevestiging_opnieuw": list,
    "password_reset": lambda: ["email"],
    "password_reset_confirm": lambda: velden(fc.NieuwWachtwoordFormulier),
    "aanvrager:lijst": list,
    "aanvrager:nieuw": lambda: [*velden(fa.VerzoekForm), "actie"],
    "aanvrager:bewerken": lambda: [*velden(fa.VerzoekForm), "actie"],
    "aanvrager:stap": lambda: [*velden(fa.VerzoekForm), "actie", "formulier_sleutel"],
    "aanvrager:verzoek": list,
    "aanvrager:indienen": lambda: ["verklaring"],
    "aanvrager:aanvullen": lambda: velden(fa.AanvullenForm),
    "aanvrager:zienswijze": lambda: velden(fa.ZienswijzeGevenForm),
    "aanvrager:intrekken": lambda: velden(fa.IntrekkenForm),
    "provincie:oppakken": lambda: ["terug"],
    "provincie:toewijzen": lambda: [*velden(fp.ToewijzenForm, "toewijzen"), "terug"],
    "provincie:in_behandeling_nemen": lambda: ["terug"],
    "provincie:aanvulling_vragen": lambda: velden(
        fp.AanvullingVragenForm, "aanvulling_vragen"
    ),
    "provincie:buiten_behandeling_voorstellen": lambda: [
        f"buiten_behandeling_voorstellen-{naam}"
        for naam in ("motivering", "te_laat_bevestigd", "te_laat_motivering")
    ],
    "provincie:doorzenden": lambda: velden(fp.DoorzendenForm, "doorzenden"),
    "provincie:kwalificatie": lambda: [*velden(KwalificatieForm), "berekenen"],
    "provincie:toetsing": toetsingvelden,
    "provincie:zienswijze_vragen": lambda: velden(fp.ZienswijzeVragenForm),
    "provincie:zienswijze_verwerken": lambda: velden(
        fp.ZienswijzeVerwerkenForm, "zienswijze_verwerken"
    ),
    "provincie:vaststellen": lambda: [
        *velden(fm.VaststellenForm, "vaststellen"),
        "vaststellen-te_laat_bevestigd",
        "vaststellen-te_laat_motivering",
    ],
    "provincie:terugsturen": lambda: velden(fp.RedenForm, "terugsturen"),
    "provincie:verdagen": lambda: velden(fp.VerdagenForm, "verdagen"),
    "provincie:ingebrekestelling": lambda: velden(
        fp.IngebrekestellingForm, "ingebrekestelling"
    ),
    "provincie:notitie": lambda: velden(fp.NotitieForm, "notitie"),
    "provincie:zienswijze_derde_vragen": lambda: velden(fd.ZienswijzeDerdeVragenForm),
    "provincie:zienswijze_derde_vastleggen": lambda: velden(
        fd.ZienswijzeDerdeVastleggenForm
    ),
    "provincie:dwangsom_vaststellen": lambda: velden(fd.DwangsomVaststellenForm),
    "provincie:dwangsom_betaling": lambda: velden(fd.DwangsomBetalingForm),
    "provincie:opschorten": lambda: velden(fpr.OpschortenForm, "opschorten"),
    "provincie:splitsen": lambda: ["terug"],
    "provincie:papier_registreren": lambda: velden(fpa.RegistratieForm),
    "provincie:feiten_corrigeren": lambda: velden(fpa.CorrectieForm),
    "provincie:post_verzonden": lambda: velden(fpa.PostVerzondenForm),
    "provincie:aanvulling_registreren": lambda: velden(fpa.AanvullingRegistrerenForm),
    "provincie:terug_naar_kwalificatie": lambda: velden(fpa.TerugNaarKwalificatieForm),
    "provincie:geen_ontheffing_voorstellen": lambda: velden(fpa.GeenOntheffingForm),
    "provincie:intrekking_registreren": lambda: velden(fpa.IntrekkingForm),
    "provincie:beheer_afschriften": lambda: velden(fb.AfschriftenForm),
    "provincie:beheer_doorzendadressen": lambda: [
        *velden(fb.DoorzendadresForm, "gs"),
        *velden(fb.DoorzendadresForm, "cdk"),
    ],
    "provincie:beheer_uitnodigen": lambda: velden(fb.UitnodigenForm),
    "provincie:beheer_medewerker": lambda: velden(fb.MedewerkerForm),
    "provincie:beheer_provincie": lambda: velden(fb.ProvincieForm),
    "provincie:beheer_lichamen": lambda: velden(fb.LichaamForm),
    "provincie:beheer_beleidsregel_nieuw": lambda: velden(fb.NieuweVersieForm),
    "provincie:beheer_beleidsregel": lambda: [
        *velden(fb.BeleidsregelForm),
        *formset("criteria", fb.CriteriumFormSet.form),
    ],
    "provincie:beheer_mandaat_nieuw": lambda: velden(fm.MandaatForm),
    "provincie:beheer_mandaat_bevestigen": list,
    "provincie:beheer_mandaat_beeindigen": lambda: velden(fm.BeeindigenForm, "einde"),
    "provincie:beheer_beslisser_bevestigen": list,
    "provincie:bericht_opnieuw": lambda: ["next"],
    "sso_geweigerd": list,
    "tweede_factor": lambda: [*velden(fi.CodeFormulier), "next"],
    "tweede_factor_instellen": lambda: velden(fi.CodeFormulier),
    "herstelcodes_vernieuwen": list,
    "digid_account": lambda: [
        *velden(fi.DigiDAccountFormulier),
        *velden(fc.InlogFormulier),
        "actie",
        "next",
    ],
    "digid_bevestigen": list,
}


def test_every_post_endpoint_has_its_form():
    assert set(POST_URLS) == set(FORMULIEREN)


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
    namen = FORMULIEREN[naam]() or ["csrfmiddlewaretoken"]

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
