from django.urls import path

from ontheffing.views import (
    beheer,
    beoordeling,
    berichten,
    besluit,
    derden,
    intake,
    mandaten,
    papier,
    procedures,
    termijn,
    werkvoorraad,
    zaak,
)

app_name = "provincie"

urlpatterns = [
    path("", werkvoorraad.werkvoorraad, name="werkvoorraad"),
    path("werkvoorraad.csv", werkvoorraad.werkvoorraad_csv, name="werkvoorraad_csv"),
    path("termijnen/", werkvoorraad.termijnen, name="termijnen"),
    path("besluitvorming/", werkvoorraad.besluitvorming, name="besluitvorming"),
    path("verzoek/<int:pk>/", zaak.verzoek, name="verzoek"),
    path("berichten/mislukt/", berichten.mislukt, name="berichten_mislukt"),
    path("berichten/<int:pk>/opnieuw/", berichten.opnieuw, name="bericht_opnieuw"),
    path("verzoek/<int:pk>/oppakken/", intake.oppakken, name="oppakken"),
    path("verzoek/<int:pk>/toewijzen/", intake.toewijzen, name="toewijzen"),
    path(
        "verzoek/<int:pk>/volledig/",
        intake.in_behandeling_nemen,
        name="in_behandeling_nemen",
    ),
    path(
        "verzoek/<int:pk>/aanvulling/",
        intake.aanvulling_vragen,
        name="aanvulling_vragen",
    ),
    path(
        "verzoek/<int:pk>/buiten-behandeling/",
        intake.buiten_behandeling_voorstellen,
        name="buiten_behandeling_voorstellen",
    ),
    path("verzoek/<int:pk>/doorzenden/", intake.doorzenden, name="doorzenden"),
    path(
        "verzoek/<int:pk>/kwalificatie/", beoordeling.kwalificatie, name="kwalificatie"
    ),
    path("verzoek/<int:pk>/toetsing/", beoordeling.toetsing, name="toetsing"),
    path(
        "verzoek/<int:pk>/zienswijze/",
        beoordeling.zienswijze_vragen,
        name="zienswijze_vragen",
    ),
    path(
        "verzoek/<int:pk>/zienswijze/verwerken/",
        beoordeling.zienswijze_verwerken,
        name="zienswijze_verwerken",
    ),
    path("verzoek/<int:pk>/voorstel/", besluit.voorstel, name="voorstel"),
    path("verzoek/<int:pk>/voorstel/brief/", besluit.concept, name="concept"),
    path("verzoek/<int:pk>/vaststellen/", besluit.vaststellen, name="vaststellen"),
    path("verzoek/<int:pk>/terugsturen/", besluit.terugsturen, name="terugsturen"),
    path("verzoek/<int:pk>/verdagen/", termijn.verdagen, name="verdagen"),
    path(
        "verzoek/<int:pk>/ingebrekestelling/",
        termijn.ingebrekestelling,
        name="ingebrekestelling",
    ),
    path("verzoek/<int:pk>/opschorten/", procedures.opschorten, name="opschorten"),
    path("verzoek/<int:pk>/splitsen/", procedures.splitsen, name="splitsen"),
    path("verzoek/<int:pk>/notitie/", zaak.notitie, name="notitie"),
    # requests by post or e-mail, corrections, the way back (views/papier.py)
    path("registreren/", papier.registreren, name="papier_registreren"),
    path(
        "verzoek/<int:pk>/corrigeren/",
        papier.feiten_corrigeren,
        name="feiten_corrigeren",
    ),
    path(
        "verzoek/<int:pk>/post-verzonden/",
        papier.post_verzonden,
        name="post_verzonden",
    ),
    path(
        "verzoek/<int:pk>/aanvulling/vastleggen/",
        papier.aanvulling_registreren,
        name="aanvulling_registreren",
    ),
    path(
        "verzoek/<int:pk>/intrekking/vastleggen/",
        papier.intrekking_registreren,
        name="intrekking_registreren",
    ),
    path(
        "verzoek/<int:pk>/terug-naar-kwalificatie/",
        papier.terug_naar_kwalificatie,
        name="terug_naar_kwalificatie",
    ),
    path(
        "verzoek/<int:pk>/geen-ontheffing/",
        papier.geen_ontheffing_voorstellen,
        name="geen_ontheffing_voorstellen",
    ),
    # a third party's view (Awb 4:8) and the dwangsom decision (Awb 4:18)
    path(
        "verzoek/<int:pk>/zienswijze/derde/",
        derden.zienswijze_derde_vragen,
        name="zienswijze_derde_vragen",
    ),
    path(
        "verzoek/<int:pk>/zienswijze/derde/vastleggen/",
        derden.zienswijze_derde_vastleggen,
        name="zienswijze_derde_vastleggen",
    ),
    path(
        "verzoek/<int:pk>/dwangsom/",
        derden.dwangsom_vaststellen,
        name="dwangsom_vaststellen",
    ),
    path(
        "verzoek/<int:pk>/dwangsom/betaling/",
        derden.dwangsom_betaling,
        name="dwangsom_betaling",
    ),
    # beheer
    path("beheer/", beheer.overzicht, name="beheer"),
    path("beheer/medewerkers/nieuw/", beheer.uitnodigen, name="beheer_uitnodigen"),
    path("beheer/medewerkers/<int:pk>/", beheer.medewerker, name="beheer_medewerker"),
    path("beheer/provincie/", beheer.provincie_gegevens, name="beheer_provincie"),
    path("beheer/afschriften/", beheer.afschriften, name="beheer_afschriften"),
    path(
        "beheer/doorzendadressen/",
        beheer.doorzendadressen,
        name="beheer_doorzendadressen",
    ),
    path("beheer/lichamen/", beheer.lichamen, name="beheer_lichamen"),
    path("beheer/historie/", beheer.historie, name="beheer_historie"),
    path("beheer/mandaten/", mandaten.register, name="beheer_mandaten"),
    path("beheer/mandaten/nieuw/", mandaten.nieuw, name="beheer_mandaat_nieuw"),
    path(
        "beheer/mandaten/<int:pk>/bevestigen/",
        mandaten.bevestigen,
        name="beheer_mandaat_bevestigen",
    ),
    path(
        "beheer/mandaten/<int:pk>/beeindigen/",
        mandaten.beeindigen,
        name="beheer_mandaat_beeindigen",
    ),
    path(
        "beheer/beslissers/<int:pk>/bevestigen/",
        mandaten.beslisser_bevestigen,
        name="beheer_beslisser_bevestigen",
    ),
    path("beheer/beleidsregels/", beheer.beleidsregels, name="beheer_beleidsregels"),
    path(
        "beheer/beleidsregels/nieuw/",
        beheer.beleidsregel_nieuw,
        name="beheer_beleidsregel_nieuw",
    ),
    path(
        "beheer/beleidsregels/<int:pk>/",
        beheer.beleidsregel,
        name="beheer_beleidsregel",
    ),
]
