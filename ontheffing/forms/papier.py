"""Forms for requests by post or e-mail, corrections of the facts and the way
back from the assessment. They parse input; ``services.papier`` decides."""

from __future__ import annotations

from django import forms

from ontheffing.forms.aanvrager import VerzoekForm
from ontheffing.forms.fields import AmountField, datumveld
from ontheffing.models import Bijlagesoort, Goedkeuring
from ontheffing.services.papier import CORRIGEERBARE_FEITEN, REGISTRATIEVELDEN
from ontheffing.states import Berichtkanaal, Ontvangstkanaal

UPLOAD_HULP = (
    "PDF, Word (.docx), OpenDocument, PNG of JPEG; hoogstens 10 MB per bestand en "
    "50 MB per verzoek."
)


class RegistratieForm(VerzoekForm):
    """The portal's request form, as a behandelaar fills it from a letter or an
    e-mail, with how and when it came and the scans."""

    bestand = None
    bestand_soort = None

    ontvangen_via = forms.ChoiceField(
        label="Hoe kwam het verzoek binnen?",
        choices=[
            (Ontvangstkanaal.POST.value, Ontvangstkanaal.POST.label),
            (Ontvangstkanaal.EMAIL.value, Ontvangstkanaal.EMAIL.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe het verzoek binnenkwam."},
    )
    ontvangen_op = datumveld(
        "Datum van ontvangst",
        help_text="De dag waarop het verzoek bij de provincie binnenkwam (de "
        "datumstempel of de dag van de e-mail); de beslistermijn loopt vanaf die dag.",
    )
    gedagtekend_op = datumveld(
        "Datum van de brief of e-mail (niet verplicht)",
        required=False,
        help_text="De ontvangst kan niet vóór deze datum liggen.",
    )
    toelichting_ontvangst = forms.CharField(
        label="Toelichting bij de datum van ontvangst (niet verplicht)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Verplicht als de ontvangst meer dan twee weken terug ligt: "
        "waarom het verzoek nu pas wordt geregistreerd.",
    )
    berichten_per = forms.ChoiceField(
        label="Hoe wil de aanvrager berichten en brieven ontvangen?",
        choices=Berichtkanaal.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe de aanvrager berichten ontvangt."},
        help_text="Per post: u drukt elke brief af, verstuurt hem en legt de dag "
        "van verzending vast. Per e-mail: het e-mailadres is verplicht.",
    )
    scan_verzoek = forms.FileField(
        label="Scan van de brief of de e-mail", required=False, help_text=UPLOAD_HULP
    )
    scan_overeenkomst = forms.FileField(
        label="(Concept)overeenkomst of offerte (niet verplicht)", required=False
    )
    scan_overig = forms.FileField(
        label="Ander document (niet verplicht)", required=False
    )

    class Meta(VerzoekForm.Meta):
        fields = list(REGISTRATIEVELDEN)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam in ("ontvangen_via", "ontvangen_op", "berichten_per"):
            self.fields[naam].required = True
        self.fields[
            "email"
        ].help_text = "Verplicht als de aanvrager berichten per e-mail wil."

    def documenten(self) -> list:
        """(kind, file) of what was uploaded."""
        soorten = {
            "scan_verzoek": Bijlagesoort.ANDERS,
            "scan_overeenkomst": Bijlagesoort.OVEREENKOMST,
            "scan_overig": Bijlagesoort.ANDERS,
        }
        return [
            (soort, self.cleaned_data[naam])
            for naam, soort in soorten.items()
            if self.cleaned_data.get(naam)
        ]

    def geldige_velden(self) -> dict:
        return {
            k: v for k, v in super().geldige_velden().items() if k in REGISTRATIEVELDEN
        }


class CorrectieForm(forms.Form):
    """The facts of the agreement as the letter will use them, with the reason."""

    prefix = "feiten_corrigeren"

    wederpartij_naam = forms.CharField(
        label="Wederpartij", max_length=200, required=False
    )
    via_wie = forms.CharField(label="Via wie", max_length=200, required=False)
    onderwerp = forms.CharField(label="Onderwerp", max_length=200, required=False)
    omschrijving = forms.CharField(
        label="Omschrijving van de overeenkomst",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    waarde = AmountField(label="Waarde in euro's", required=False)
    looptijd_van = datumveld("Looptijd: vanaf", required=False)
    looptijd_tot = datumveld("Looptijd: tot en met", required=False)
    totstandkoming = forms.CharField(
        label="Hoe de overeenkomst tot stand komt",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reden = forms.CharField(
        label="Reden van de correctie",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Bijvoorbeeld: volgens de offerte, of de aanvulling van de "
        "aanvrager. De aanvrager kan de correctie en de reden lezen.",
        error_messages={"required": "Geef de reden van de correctie."},
    )

    def __init__(self, *args, verzoek=None, **kwargs):
        if verzoek is not None and not kwargs.get("data") and not args:
            kwargs.setdefault(
                "initial",
                {veld: getattr(verzoek, veld) for veld in CORRIGEERBARE_FEITEN},
            )
        super().__init__(*args, **kwargs)

    def wijzigingen(self) -> dict:
        return {veld: self.cleaned_data.get(veld) for veld in CORRIGEERBARE_FEITEN}


class PostVerzondenForm(forms.Form):
    prefix = "post_verzonden"

    poststuk = forms.IntegerField(widget=forms.HiddenInput)
    op = datumveld("Op de post gedaan op")


class AanvullingRegistrerenForm(forms.Form):
    prefix = "aanvulling_registreren"

    ontvangen_op = datumveld("Aanvulling ontvangen op")
    antwoord = forms.CharField(
        label="Samenvatting van het antwoord",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    bestand = forms.FileField(
        label="Scan van de aanvulling (niet verplicht)",
        required=False,
        help_text=UPLOAD_HULP,
    )


class TerugNaarKwalificatieForm(forms.Form):
    prefix = "terug_naar_kwalificatie"

    reden = forms.CharField(
        label="Waarom terug naar de kwalificatie?",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Geef de reden om terug te gaan."},
    )


class GeenOntheffingForm(forms.Form):
    prefix = "geen_ontheffing_voorstellen"

    motivering = forms.CharField(
        label="Waarom valt de handeling toch niet onder het verbod?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Deze motivering komt in de brief.",
        error_messages={"required": "Motiveer het voorstel."},
    )
    goedkeuring = forms.ChoiceField(
        label="Goedkeuring van artikel 3:43 BW (alleen als die aan de orde is)",
        required=False,
        choices=[("", "Niet aan de orde"), *Goedkeuring.choices],
    )


class IntrekkingForm(forms.Form):
    prefix = "intrekking_registreren"

    reden = forms.CharField(
        label="Wat schreef de aanvrager?",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="De datum en de kern van de brief of e-mail waarin de aanvrager "
        "het verzoek intrekt.",
        error_messages={"required": "Vat de intrekking van de aanvrager samen."},
    )
