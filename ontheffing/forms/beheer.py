"""Forms of a province's beheerder: staff, letterhead, bodies, beleidsregel."""

import io

from django import forms

from ontheffing import tekst
from ontheffing.forms.fields import datumveld
from ontheffing.models import Beleidsregel, Criterium, Gebruiker, Provincie
from ontheffing.services.beheer import BRIEFHOOFDVELDEN
from ontheffing.states import Rol, Uitkomst

STAFROLLEN = [
    (r.value, r.label) for r in (Rol.BEHANDELAAR, Rol.BESLISSER, Rol.BEHEERDER)
]


class MedewerkerForm(forms.ModelForm):
    rol = forms.ChoiceField(label="Rol", choices=STAFROLLEN, widget=forms.RadioSelect)

    class Meta:
        model = Gebruiker
        fields = ["naam", "rol", "functie", "is_active"]
        labels = {"naam": "Naam", "functie": "Functie (voor de ondertekening)"}
        help_texts = {
            "is_active": "Een gedeactiveerde medewerker kan niet meer inloggen; "
            "wat hij deed, blijft in de historie staan."
        }

    def clean(self):
        cleaned = super().clean()
        cleaned.update(tekst.schoon_velden(cleaned, tekst.NAAM_EN_ADRES))
        return cleaned


class UitnodigenForm(MedewerkerForm):
    class Meta(MedewerkerForm.Meta):
        fields = ["email", "naam", "rol", "functie"]
        labels = {**MedewerkerForm.Meta.labels, "email": "E-mailadres"}
        error_messages = {
            "email": {"unique": "Er bestaat al een account met dit e-mailadres."}
        }

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Gebruiker.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "Er bestaat al een account met dit e-mailadres."
            )
        return email


MAX_LOGO = 200 * 1024


class ProvincieForm(forms.ModelForm):
    class Meta:
        model = Provincie
        fields = list(BRIEFHOOFDVELDEN)
        widgets = {
            "postadres": forms.Textarea(attrs={"rows": 3}),
            "bezoekadres": forms.Textarea(attrs={"rows": 3}),
        }

    logo = forms.FileField(
        label="Logo voor het briefhoofd (PNG)",
        required=False,
        help_text="Een PNG-bestand van hoogstens 200 kB, liefst ongeveer 600 bij 200 "
        "pixels. Zonder eigen logo gebruikt de brief een neutraal beeldmerk.",
    )
    logo_verwijderen = forms.BooleanField(
        label="Eigen logo verwijderen", required=False
    )

    def clean_logo(self):
        bestand = self.cleaned_data.get("logo")
        if not bestand:
            return None
        if bestand.size > MAX_LOGO:
            raise forms.ValidationError("Het logo is groter dan 200 kB.")
        data = bestand.read()
        if not data.startswith(b"\x89PNG\r\n\x1a\n"):
            raise forms.ValidationError("Het logo moet een PNG-bestand zijn.")
        try:
            from PIL import Image

            with Image.open(io.BytesIO(data)) as beeld:
                beeld.verify()
        except Exception as exc:
            raise forms.ValidationError("Dit PNG-bestand is beschadigd.") from exc
        return data

    def clean(self):
        cleaned = super().clean()
        cleaned.update(tekst.schoon_velden(cleaned, tekst.NAAM_EN_ADRES))
        return cleaned

    def save(self, commit=True):
        provincie = super().save(commit=False)
        if self.cleaned_data.get("logo"):
            provincie.logo_png = self.cleaned_data["logo"]
        elif self.cleaned_data.get("logo_verwijderen"):
            provincie.logo_png = None
        if commit:
            provincie.save()
        return provincie


def _emailadressen(waarde: str) -> str:
    """One address a line, each valid; the message names the wrong one."""
    from django.core.validators import validate_email

    for regel in Provincie.regels(waarde):
        try:
            validate_email(regel)
        except forms.ValidationError as exc:
            raise forms.ValidationError(
                f"'{regel}' is geen geldig e-mailadres."
            ) from exc
    return waarde


class AfschriftenForm(forms.Form):
    """Who gets a copy, where, and for which outcomes (README, "Afschrift")."""

    afschrift_aan = forms.CharField(
        label="Aan wie gaat een afschrift",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Zoals de brief het noemt, één ontvanger per regel, bijvoorbeeld "
        "'de griffier van de gemeente'.",
    )
    afschrift_emails = forms.CharField(
        label="E-mailadressen voor afschriften",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Eén e-mailadres per regel.",
    )
    afschrift_uitkomsten = forms.MultipleChoiceField(
        label="Bij welke uitkomsten gaat een afschrift",
        required=False,
        choices=Uitkomst.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Zonder gekozen uitkomst gaat er geen afschrift en noemt de brief "
        "er ook geen.",
        error_messages={"invalid_choice": "Kies alleen uitkomsten uit de lijst."},
    )

    def clean_afschrift_emails(self):
        return _emailadressen(self.cleaned_data["afschrift_emails"])

    def clean(self):
        cleaned = super().clean()
        cleaned.update(tekst.schoon_velden(cleaned, ("afschrift_aan",)))
        if cleaned.get("afschrift_uitkomsten"):
            if not Provincie.regels(cleaned.get("afschrift_aan", "")):
                self.add_error(
                    "afschrift_aan",
                    "Vul in aan wie het afschrift gaat; zonder ontvanger gaat er "
                    "geen afschrift.",
                )
            if "afschrift_emails" in cleaned and not Provincie.regels(
                cleaned["afschrift_emails"]
            ):
                self.add_error(
                    "afschrift_emails",
                    "Vul ten minste één e-mailadres in; zonder adres gaat er geen "
                    "afschrift.",
                )
        return cleaned


class DoorzendadresForm(forms.Form):
    """The address of one of the province's own authorities (GS or CdK)."""

    postadres = forms.CharField(
        label="Postadres",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Eén regel per adresregel; de brief aan de aanvrager noemt het.",
    )
    email = forms.EmailField(
        label="E-mailadres voor doorgezonden verzoeken",
        required=False,
        error_messages={"invalid": "Vul een geldig e-mailadres in."},
    )

    def __init__(self, *args, bestaat: bool = False, naam: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.bestaat, self.naam = bestaat, naam

    def clean(self):
        cleaned = super().clean()
        cleaned.update(tekst.schoon_velden(cleaned, ("postadres",)))
        if "email" in cleaned and not cleaned["email"]:
            if self.bestaat:
                self.add_error(
                    "email",
                    "Een ingesteld adres kan niet leeg worden gemaakt: vul het "
                    "nieuwe e-mailadres in.",
                )
            elif cleaned.get("postadres"):
                self.add_error(
                    "email",
                    f"Vul het e-mailadres in waarnaar verzoeken aan {self.naam} "
                    "worden doorgezonden.",
                )
        return cleaned


class LichaamForm(forms.Form):
    soort = forms.ChoiceField(
        label="Soort",
        choices=[
            ("waterschap", "Waterschap"),
            ("regeling", "Gemeenschappelijke regeling"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies waterschap of gemeenschappelijke regeling."},
    )
    naam = forms.CharField(
        label="Naam", max_length=200, error_messages={"required": "Vul de naam in."}
    )


class BeleidsregelForm(forms.ModelForm):
    geldig_vanaf = datumveld("Geldig vanaf")
    voorschriften_tekst = forms.CharField(
        label="Standaardvoorschriften",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Eén voorschrift per regel.",
    )

    class Meta:
        model = Beleidsregel
        fields = ["titel", "geldig_vanaf"]
        labels = {"titel": "Titel"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["voorschriften_tekst"].initial = "\n".join(
            self.instance.voorschriften or []
        )

    def save(self, commit=True):
        regels = self.cleaned_data["voorschriften_tekst"].splitlines()
        self.instance.voorschriften = [r.strip() for r in regels if r.strip()]
        return super().save(commit)


CriteriumFormSet = forms.inlineformset_factory(
    Beleidsregel,
    Criterium,
    fields=["volgorde", "code", "titel", "vraag", "toelichting"],
    extra=1,
    can_delete=True,
    widgets={
        "vraag": forms.Textarea(attrs={"rows": 3}),
        "toelichting": forms.Textarea(attrs={"rows": 2}),
    },
)


class NieuweVersieForm(forms.Form):
    geldig_vanaf = datumveld("Geldig vanaf")
    titel = forms.CharField(label="Titel", max_length=200)
