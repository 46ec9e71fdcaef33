from django.contrib.auth import views as auth_views
from django.urls import path

from ontheffing.forms.account import InlogFormulier
from ontheffing.views import account

urlpatterns = [
    path("", account.gegevens, name="gegevens"),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            authentication_form=InlogFormulier, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("registreren/", account.registreren, name="registreren"),
    path("bevestigen/<str:token>/", account.bevestigen, name="bevestigen"),
    path(
        "bevestigen-opnieuw/", account.bevestiging_opnieuw, name="bevestiging_opnieuw"
    ),
    path("wachtwoord-vergeten/", account.wachtwoord_vergeten, name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        account.WachtwoordHerstellen.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
