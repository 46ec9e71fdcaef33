from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ontheffing import gezondheid
from ontheffing.views import algemeen, voet

urlpatterns = [
    path("", algemeen.start, name="start"),
    path("zelftest/", include("ontheffing.urls_zelftest")),
    path("account/", include("ontheffing.urls_account")),
    path("account/", include("ontheffing.identiteit.urls")),
    path("account/uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("mijn/", include("ontheffing.urls_aanvrager")),
    path("provincie/", include("ontheffing.urls_provincie")),
    path(
        "verzoek/<int:pk>/bijlage/<int:bijlage_pk>/",
        algemeen.bijlage_downloaden,
        name="bijlage",
    ),
    path(
        "verzoek/<int:pk>/besluit/<int:besluit_pk>/",
        algemeen.besluit_downloaden,
        name="besluit",
    ),
    path("beheeromgeving/", admin.site.urls),
    path("gezondheid/", gezondheid.gezondheid, name="gezondheid"),
    path("contact/", voet.contact, name="contact"),
    path("privacy/", voet.privacy, name="privacy"),
    path("toegankelijkheid/", voet.toegankelijkheid, name="toegankelijkheid"),
]

handler404 = "ontheffing.views.algemeen.niet_gevonden"
handler403 = "ontheffing.views.algemeen.geen_toegang"
handler500 = "ontheffing.views.algemeen.serverfout"
