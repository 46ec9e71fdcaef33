"""Account forms: log in by e-mail address, register as an applicant, ask for
a new password."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    SetPasswordForm,
)

from ontheffing import tekst
from ontheffing.beveiliging import normaliseer_email
from ontheffing.models import Gebruiker

WACHTWOORDFOUTEN = {
    "password_too_short": "Dit wachtwoord is te kort. Gebruik minstens %(min_length)d tekens.",
    "password_too_common": "Dit wachtwoord wordt te vaak gebruikt. Kies een ander.",
    "password_entirely_numeric": "Een wachtwoord mag niet alleen uit cijfers bestaan.",
    "password_too_similar": "Dit wachtwoord lijkt te veel op uw naam of e-mailadres.",
}


def wachtwoord_controleren(wachtwoord: str, gebruiker) -> list[str]:
    """Django's password validators, with their messages in plain Dutch."""
    try:
        password_validation.validate_password(wachtwoord, gebruiker)
    except forms.ValidationError as fout:
        return [
            WACHTWOORDFOUTEN[f.code] % (f.params or {})
            if f.code in WACHTWOORDFOUTEN
            else " ".join(f.messages)
            for f in fout.error_list
        ]
    return []


class NieuwWachtwoordFormulier(SetPasswordForm):
    """Password reset: the same rules, the same Dutch messages."""

    def validate_password_for_user(self, user, password_field_name="new_password2"):
        wachtwoord = self.cleaned_data.get(password_field_name)
        if wachtwoord:
            for fout in wachtwoord_controleren(wachtwoord, user):
                self.add_error(password_field_name, fout)


class InlogFormulier(AuthenticationForm):
    username = forms.EmailField(
        label="E-mailadres",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label="Wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": (
            "Het e-mailadres of het wachtwoord klopt niet. Let op: bij het wachtwoord "
            "tellen hoofdletters en kleine letters mee."
        ),
        "inactive": "Dit account is niet actief. Neem contact op met de provincie.",
    }


class RegistratieFormulier(forms.Form):
    naam = forms.CharField(
        label="Uw naam",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="E-mailadres",
        help_text="Hierheen sturen wij de bevestiging en berichten over uw verzoek.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label="Wachtwoord",
        strip=False,
        help_text="Minstens 10 tekens; niet alleen cijfers en geen veelgebruikt wachtwoord.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Herhaal het wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self):
        # Whether the address has an account is not said here (views.account).
        return normaliseer_email(self.cleaned_data["email"])

    def clean_naam(self):
        return tekst.schoon(self.cleaned_data["naam"])

    def clean(self):
        cleaned = super().clean()
        een, twee = cleaned.get("password1"), cleaned.get("password2")
        if een and twee and een != twee:
            self.add_error("password2", "De twee wachtwoorden zijn niet gelijk.")
        elif een:
            gebruiker = Gebruiker(
                email=cleaned.get("email", ""), naam=cleaned.get("naam", "")
            )
            for fout in wachtwoord_controleren(een, gebruiker):
                self.add_error("password1", fout)
        return cleaned


class WachtwoordVergetenFormulier(forms.Form):
    email = forms.EmailField(
        label="E-mailadres",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Vul het e-mailadres van uw account in.",
            "invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
        },
    )
