from django.urls import path

from ontheffing.views import beheer
from ontheffing.views import provincie as v

app_name = "provincie"

urlpatterns = [
    path("", v.werkvoorraad_view, name="werkvoorraad"),
    path("besluitvorming/", v.besluitvorming, name="besluitvorming"),
    path("verzoek/<int:pk>/", v.verzoek_view, name="verzoek"),
    path("verzoek/<int:pk>/oppakken/", v.oppakken, name="oppakken"),
    path("verzoek/<int:pk>/toewijzen/", v.toewijzen, name="toewijzen"),
    path(
        "verzoek/<int:pk>/volledig/",
        v.in_behandeling_nemen,
        name="in_behandeling_nemen",
    ),
    path("verzoek/<int:pk>/aanvulling/", v.aanvulling_vragen, name="aanvulling_vragen"),
    path(
        "verzoek/<int:pk>/buiten-behandeling/",
        v.buiten_behandeling_voorstellen,
        name="buiten_behandeling_voorstellen",
    ),
    path("verzoek/<int:pk>/doorzenden/", v.doorzenden, name="doorzenden"),
    path("verzoek/<int:pk>/kwalificatie/", v.kwalificatie, name="kwalificatie"),
    path("verzoek/<int:pk>/toetsing/", v.toetsing_view, name="toetsing"),
    path("verzoek/<int:pk>/zienswijze/", v.zienswijze_vragen, name="zienswijze_vragen"),
    path(
        "verzoek/<int:pk>/zienswijze/verwerken/",
        v.zienswijze_verwerken,
        name="zienswijze_verwerken",
    ),
    path("verzoek/<int:pk>/voorstel/", v.voorstel, name="voorstel"),
    path("verzoek/<int:pk>/voorstel/brief/", v.concept, name="concept"),
    path("verzoek/<int:pk>/vaststellen/", v.vaststellen, name="vaststellen"),
    path("verzoek/<int:pk>/terugsturen/", v.terugsturen, name="terugsturen"),
    path("verzoek/<int:pk>/verdagen/", v.verdagen, name="verdagen"),
    path(
        "verzoek/<int:pk>/ingebrekestelling/",
        v.ingebrekestelling,
        name="ingebrekestelling",
    ),
    path("verzoek/<int:pk>/notitie/", v.notitie, name="notitie"),
    # beheer
    path("beheer/", beheer.overzicht, name="beheer"),
    path("beheer/medewerkers/nieuw/", beheer.uitnodigen, name="beheer_uitnodigen"),
    path("beheer/medewerkers/<int:pk>/", beheer.medewerker, name="beheer_medewerker"),
    path("beheer/provincie/", beheer.provincie_gegevens, name="beheer_provincie"),
    path("beheer/lichamen/", beheer.lichamen, name="beheer_lichamen"),
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
