from django.contrib.auth import views as auth_views
from django.urls import include, path

from tests.idp.oidc import beheer

urlpatterns = [
    path("openid/", include("oidc_provider.urls", namespace="oidc_provider")),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/gebruiker/", beheer.gebruiker),
    path("beheer/modus/", beheer.modus),
    path("beheer/machtiging/", beheer.machtiging),
]
