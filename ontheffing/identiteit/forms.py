from django import forms

from ontheffing.forms.account import RegistratieFormulier


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
    own rules, without a password (the account has none). Whether the address
    has an account is not said here (``identiteit.koppelen``)."""

    password1 = None
    password2 = None
