from django.contrib.auth import views as auth_views
from django.urls import path

from ontheffing.forms.account import (
    InlogFormulier,
    NieuwWachtwoordFormulier,
    WachtwoordVergetenFormulier,
)
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
    path(
        "wachtwoord-vergeten/",
        auth_views.PasswordResetView.as_view(
            form_class=WachtwoordVergetenFormulier,
            email_template_name="registration/wachtwoord_email.txt",
            subject_template_name="registration/wachtwoord_onderwerp.txt",
        ),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            form_class=NieuwWachtwoordFormulier
        ),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
