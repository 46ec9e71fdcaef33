from django import forms

from ontheffing.forms.account import RegistratieFormulier
from ontheffing.models import Gebruiker


class CodeFormulier(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="De zes cijfers uit uw authenticator-app, of een herstelcode.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


class DigiDAccountFormulier(RegistratieFormulier):
    """Name and e-mail address for a first DigiD log-in: the registration form's
    own rules, without a password (the account has none)."""

    password1 = None
    password2 = None

    def clean_email(self):
        """A DigiD log-in never takes over an existing account (README,
        "DigiD"). Unlike registration this says so: the person is identified
        by DigiD, and the way forward is to log in to that account."""
        email = super().clean_email()
        if Gebruiker.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "Er is al een account met dit e-mailadres. Log in, of vraag een nieuw "
                "wachtwoord aan als u het niet meer weet."
            )
        return email
