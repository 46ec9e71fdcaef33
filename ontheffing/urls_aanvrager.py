from django.urls import path

from ontheffing.views import aanvrager

app_name = "aanvrager"

urlpatterns = [
    path("", aanvrager.lijst, name="lijst"),
    path("nieuw/", aanvrager.nieuw, name="nieuw"),
    path("<int:pk>/", aanvrager.verzoek, name="verzoek"),
    path("<int:pk>/bewerken/", aanvrager.bewerken, name="bewerken"),
    path("<int:pk>/indienen/", aanvrager.indienen, name="indienen"),
    path("<int:pk>/aanvullen/", aanvrager.aanvullen, name="aanvullen"),
    path("<int:pk>/zienswijze/", aanvrager.zienswijze, name="zienswijze"),
    path("<int:pk>/intrekken/", aanvrager.intrekken, name="intrekken"),
]
