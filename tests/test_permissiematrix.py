"""The permission matrix, generated from the URLconf: every URL × every kind of
user × GET and POST gives the expected answer, and a refused request changes
nothing. A URL added without an entry in MATRIX fails this test."""

import pytest
from django.test import Client
from django.urls import reverse

from ontheffing.identiteit.digid import DIGID_SESSION_KEY
from ontheffing.identiteit.oidc import BACKEND as SSO
from ontheffing.models import (
    Beleidsregel,
    Besluit,
    Bijlage,
    Criteriumoordeel,
    Gebeurtenis,
    Gebruiker,
    Opschorting,
    Verzoek,
)
from tests.factories import ALLEEN_GET, inloggen, kwargs_voor, url_namen

pytestmark = pytest.mark.django_db

ACTOREN = (
    "anoniem",
    "eigenaar",
    "andere_aanvrager",
    "behandelaar",
    "beslisser",
    "beheerder",
    "vreemde_behandelaar",
    "vreemde_beheerder",
    "sso_behandelaar",
    "behandelaar_zonder_tweede_factor",
    "digid_aanvrager",
)
STAF = {"behandelaar", "beslisser"}

# What each kind of page answers, per actor; "*" is everyone not named.
# A set allows each of its codes. Refusals are exact.
PUBLIEK = {"*": {200, 302}}
TOKEN = {"*": {200, 302, 404}}  # an invalid link: a page or 404
AANVRAGER_ZAAK = {
    "anoniem": {302},
    "eigenaar": {200, 302, 405},
    "andere_aanvrager": {404},
    "*": {403, 404},
}
AANVRAGER_LIJST = {
    "anoniem": {302},
    "eigenaar": {200},
    "andere_aanvrager": {200},
    "*": {403},
}
MEDEWERKER_ZAAK = {
    "anoniem": {302},
    "behandelaar": {200, 302, 403, 405},
    "beslisser": {200, 302, 403, 405},
    "vreemde_behandelaar": {404},
    "*": {403, 404},
}
MEDEWERKER_LIJST = {
    "anoniem": {302},
    "behandelaar": {200, 403},
    "beslisser": {200},
    "vreemde_behandelaar": {200, 403},
    "*": {403},
}
BEHEER = {
    "anoniem": {302},
    "beheerder": {200, 302},
    "vreemde_beheerder": {200, 302},
    "*": {403},
}
BEHEER_OBJECT = {
    "anoniem": {302},
    "beheerder": {200, 302},
    "vreemde_beheerder": {404},
    "*": {403},
}
# The mandate register: beheerders and beslissers (who confirm) of a province.
REGISTER = {
    "anoniem": {302},
    "beheerder": {200, 302},
    "beslisser": {200, 302},
    "vreemde_beheerder": {200, 302},
    "*": {403},
}
REGISTER_OBJECT = {
    "anoniem": {302},
    "beheerder": {302},
    "beslisser": {302},
    "vreemde_beheerder": {404},
    "*": {403},
}
DOWNLOAD = {
    "anoniem": {404},
    "eigenaar": {200},
    "behandelaar": {200},
    "beslisser": {200},
    "*": {404},
}

MATRIX = {
    "start": PUBLIEK,
    "zelftest:start": PUBLIEK,
    "zelftest:vraag": PUBLIEK,
    "zelftest:uitslag": PUBLIEK,
    "zelftest:opnieuw": PUBLIEK,
    "login": PUBLIEK,
    "gegevens": {"anoniem": {302}, "*": {200}},
    "registreren": PUBLIEK,
    "bevestigen": TOKEN,
    "bevestiging_opnieuw": PUBLIEK,
    "password_reset": PUBLIEK,
    "password_reset_done": PUBLIEK,
    "password_reset_confirm": TOKEN,
    "password_reset_complete": PUBLIEK,
    "gezondheid": PUBLIEK,
    "logout": {"*": {302, 405}},
    "aanvrager:lijst": AANVRAGER_LIJST,
    "aanvrager:nieuw": AANVRAGER_LIJST,
    "aanvrager:verzoek": AANVRAGER_ZAAK,
    "aanvrager:bewerken": AANVRAGER_ZAAK,
    "aanvrager:stap": AANVRAGER_ZAAK,
    "aanvrager:controleren": AANVRAGER_ZAAK,
    "aanvrager:ingediend": AANVRAGER_ZAAK,
    "aanvrager:voorbeeld": PUBLIEK,
    "contact": PUBLIEK,
    "privacy": PUBLIEK,
    "toegankelijkheid": PUBLIEK,
    "aanvrager:indienen": AANVRAGER_ZAAK,
    "aanvrager:aanvullen": AANVRAGER_ZAAK,
    "aanvrager:zienswijze": AANVRAGER_ZAAK,
    "aanvrager:intrekken": AANVRAGER_ZAAK,
    "provincie:werkvoorraad": MEDEWERKER_LIJST,
    "provincie:besluitvorming": MEDEWERKER_LIJST,
    "provincie:termijnen": MEDEWERKER_LIJST,
    "provincie:werkvoorraad_csv": MEDEWERKER_LIJST,
    "provincie:beheer": BEHEER,
    "provincie:beheer_uitnodigen": BEHEER,
    "provincie:beheer_medewerker": BEHEER_OBJECT,
    "provincie:beheer_provincie": BEHEER,
    "provincie:beheer_afschriften": BEHEER,
    "provincie:beheer_doorzendadressen": BEHEER,
    "provincie:beheer_lichamen": BEHEER,
    "provincie:beheer_historie": BEHEER,
    "provincie:beheer_beleidsregels": BEHEER,
    "provincie:beheer_beleidsregel_nieuw": BEHEER,
    "provincie:beheer_beleidsregel": BEHEER_OBJECT,
    "provincie:beheer_mandaten": REGISTER,
    "provincie:beheer_mandaat_nieuw": BEHEER,
    "provincie:beheer_mandaat_bevestigen": REGISTER_OBJECT,
    "provincie:beheer_mandaat_beeindigen": BEHEER_OBJECT,
    # Confirmed by the beslisser first (actors in order), then no longer waiting: 404.
    "provincie:beheer_beslisser_bevestigen": {**REGISTER_OBJECT, "beheerder": {404}},
    "bijlage": DOWNLOAD,
    "besluit": DOWNLOAD,
    "sso_inloggen": {"*": {404}},  # SSO is not configured here (see test_sso)
    "sso_terug": {"*": {404}},
    "digid_inloggen": {"*": {404}},  # DigiD is not configured here (see test_digid)
    "digid_acs": {"*": {404}},
    "digid_account": {"*": {404}},
    "digid_metadata": {"*": {404}},
    "digid_bevestigen": {"*": {404}},
    "machtigen_inloggen": {"*": {404}},  # not configured here (see test_machtigen)
    "machtigen_terug": {"*": {404}},
    "sso_geweigerd": {"*": {403}, "behandelaar_zonder_tweede_factor": {403}},
    "tweede_factor": {"anoniem": {302}, "*": {200, 302}},
    "tweede_factor_instellen": {
        "anoniem": {302},
        "behandelaar_zonder_tweede_factor": {200},
        "*": {200, 302},
    },
    "herstelcodes_vernieuwen": {"anoniem": {302}, "*": {200, 302}},
    "provincie:berichten_mislukt": {
        "anoniem": {302},
        "eigenaar": {403},
        "andere_aanvrager": {403},
        "*": {200},
    },
    "provincie:bericht_opnieuw": {
        "anoniem": {302},
        "behandelaar": {302},
        "beslisser": {302},
        "eigenaar": {403},
        "andere_aanvrager": {403},
        "*": {404},
    },
}
MEDEWERKER_ACTIES = (
    "verzoek oppakken toewijzen in_behandeling_nemen aanvulling_vragen "
    "buiten_behandeling_voorstellen doorzenden kwalificatie toetsing zienswijze_vragen "
    "zienswijze_verwerken voorstel concept vaststellen terugsturen verdagen "
    "ingebrekestelling notitie feiten_corrigeren post_verzonden aanvulling_registreren "
    "intrekking_registreren terug_naar_kwalificatie geen_ontheffing_voorstellen "
    "zienswijze_derde_vragen zienswijze_derde_vastleggen "
    "dwangsom_vaststellen dwangsom_betaling "
    "opschorten splitsen"
).split()
MATRIX.update({f"provincie:{naam}": MEDEWERKER_ZAAK for naam in MEDEWERKER_ACTIES})
# Registering a request by post or e-mail: a behandelaar, for their own province.
MATRIX["provincie:papier_registreren"] = {
    "anoniem": {302},
    "behandelaar": {200, 302},
    "vreemde_behandelaar": {200, 302},
    "*": {403},
}
# Logged in through the identity provider, a behandelaar may what a local one
# may; a local one who has not given the second factor is sent to give it
# (302) from every page that is not public.
for _regel in MATRIX.values():
    if "behandelaar" in _regel:
        _regel["sso_behandelaar"] = _regel["behandelaar"]
    if "andere_aanvrager" in _regel:
        _regel["digid_aanvrager"] = _regel["andere_aanvrager"]
    if (
        _regel not in (PUBLIEK, TOKEN)
        and "behandelaar_zonder_tweede_factor" not in _regel
    ):
        _regel["behandelaar_zonder_tweede_factor"] = {302}

# A request with the wrong method may answer 405 (it reveals nothing and changes
# nothing); otherwise it answers as the table says.
ALLEEN_POST = {
    "logout",
    "herstelcodes_vernieuwen",
    "zelftest:opnieuw",
    "bevestiging_opnieuw",
    "aanvrager:indienen",
    "aanvrager:aanvullen",
    "aanvrager:zienswijze",
    "provincie:bericht_opnieuw",
    *(
        f"provincie:{naam}"
        for naam in "oppakken toewijzen in_behandeling_nemen aanvulling_vragen "
        "buiten_behandeling_voorstellen doorzenden zienswijze_vragen zienswijze_verwerken "
        "vaststellen "
        "terugsturen verdagen ingebrekestelling notitie feiten_corrigeren "
        "post_verzonden aanvulling_registreren intrekking_registreren "
        "terug_naar_kwalificatie "
        "geen_ontheffing_voorstellen zienswijze_derde_vragen "
        "zienswijze_derde_vastleggen dwangsom_vaststellen dwangsom_betaling "
        "opschorten splitsen".split()
    ),
    "provincie:beheer_mandaat_bevestigen",
    "provincie:beheer_mandaat_beeindigen",
    "provincie:beheer_beslisser_bevestigen",
}


def test_every_url_has_an_entry():
    namen = {naam for naam, _ in url_namen()}
    assert namen == set(MATRIX), (
        f"Zonder regel in MATRIX: {sorted(namen - set(MATRIX))}; "
        f"verouderd: {sorted(set(MATRIX) - namen)}"
    )


def momentopname():
    return (
        list(
            Verzoek.objects.order_by("pk").values_list("pk", "status", "behandelaar_id")
        ),
        Gebeurtenis.objects.count(),
        Besluit.objects.count(),
        Opschorting.objects.count(),
        Bijlage.objects.count(),
        Criteriumoordeel.objects.count(),
        list(Gebruiker.objects.order_by("pk").values_list("pk", "is_active", "rol")),
        Beleidsregel.objects.count(),
    )


def verwacht(naam, actor):
    regel = MATRIX[naam]
    return regel.get(actor, regel.get("*"))


def test_permission_matrix(wereld, settings):
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, SSO]
    afwijkingen = []
    for naam, converters in sorted(url_namen()):
        url = reverse(naam, kwargs=kwargs_voor(naam, converters, wereld))
        for actor in ACTOREN:
            toegestaan = verwacht(naam, actor)
            for methode in ("get", "post"):
                client = Client()
                user = wereld["actoren"][actor]
                if actor == "sso_behandelaar":
                    client.force_login(user, backend=SSO)
                elif actor == "behandelaar_zonder_tweede_factor":
                    client.force_login(user)
                elif actor == "digid_aanvrager":
                    client.force_login(user)
                    sessie = client.session
                    sessie[DIGID_SESSION_KEY] = True
                    sessie.save()
                elif user is not None:
                    inloggen(client, user)
                voor = momentopname()
                response = getattr(client, methode)(url)
                code = response.status_code
                geweigerd = code in (403, 404) or (actor == "anoniem" and code == 302)
                verkeerde_methode = (methode == "get" and naam in ALLEEN_POST) or (
                    methode == "post" and naam in ALLEEN_GET
                )
                if verkeerde_methode and code == 405:
                    goed = True
                elif methode == "get":
                    goed = code in toegestaan
                else:  # a POST without data: refused exactly, or a message/form
                    open_ = 200 in toegestaan or 302 in toegestaan
                    goed = code in toegestaan | ({200, 302} if open_ else set())
                if not goed:
                    afwijkingen.append(
                        f"{methode.upper()} {naam} als {actor}: {code}, verwacht {toegestaan}"
                    )
                if geweigerd and momentopname() != voor:
                    afwijkingen.append(
                        f"{methode.upper()} {naam} als {actor}: geweigerd, maar wel gewijzigd"
                    )
    assert not afwijkingen, "\n".join(afwijkingen)


def test_other_provinces_worklist_does_not_show_the_case(wereld):
    client = Client()
    inloggen(client, wereld["actoren"]["vreemde_behandelaar"])
    response = client.get(reverse("provincie:werkvoorraad"))
    assert wereld["verzoek"].kenmerk not in response.content.decode()
