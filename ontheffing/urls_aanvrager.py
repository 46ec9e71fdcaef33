from django.urls import path

from ontheffing.views import aanvrager

app_name = "aanvrager"

urlpatterns = [
    path("", aanvrager.lijst, name="lijst"),
    path("nieuw/", aanvrager.nieuw, name="nieuw"),
    path("voorbeeld/<slug:soort>/", aanvrager.voorbeelddocument, name="voorbeeld"),
    path("<int:pk>/", aanvrager.verzoek, name="verzoek"),
    path("<int:pk>/bewerken/", aanvrager.bewerken, name="bewerken"),
    path("<int:pk>/bewerken/<slug:stap>/", aanvrager.bewerken, name="stap"),
    path("<int:pk>/controleren/", aanvrager.controleren, name="controleren"),
    path("<int:pk>/indienen/", aanvrager.indienen, name="indienen"),
    path("<int:pk>/ingediend/", aanvrager.ingediend, name="ingediend"),
    path("<int:pk>/aanvullen/", aanvrager.aanvullen, name="aanvullen"),
    path("<int:pk>/zienswijze/", aanvrager.zienswijze, name="zienswijze"),
    path("<int:pk>/intrekken/", aanvrager.intrekken, name="intrekken"),
]
