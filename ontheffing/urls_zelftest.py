from django.urls import path

from ontheffing.views import zelftest

app_name = "zelftest"

urlpatterns = [
    path("", zelftest.start, name="start"),
    path("vraag/<slug:sleutel>/", zelftest.vraag, name="vraag"),
    path("uitslag/", zelftest.uitslag, name="uitslag"),
    path("opnieuw/", zelftest.opnieuw, name="opnieuw"),
]
