"""Forms of a third party's view (Awb 4:8) and of the dwangsom decision (Awb
4:18), on the case page. They only parse input; the services decide."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone

from ontheffing import termijnen
from ontheffing.forms.fields import datumveld
from ontheffing.models import Derde


class ZienswijzeDerdeVragenForm(forms.Form):
    prefix = "zienswijze_derde_vragen"

    naam = forms.CharField(
        label="Naam van de derde",
        max_length=200,
        help_text="Een persoon (bijvoorbeeld P. de Boer) of een organisatie.",
        error_messages={"required": "Vul de naam in van wie u de zienswijze vraagt."},
    )
    aanspreekvorm = forms.ChoiceField(
        label="Aanhef",
        required=False,
        choices=[
            ("", "Geen (organisatie of onbekend)"),
            ("heer", "De heer"),
            ("mevrouw", "Mevrouw"),
        ],
    )
    email = forms.EmailField(
        label="E-mailadres",
        required=False,
        help_text="Met een e-mailadres gaat de brief per e-mail; zonder per post.",
        error_messages={"invalid": "Vul een geldig e-mailadres in."},
    )
    postadres = forms.CharField(
        label="Postadres",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Straat en huisnummer, postcode en plaats, elk op een regel.",
    )
    uiterlijk = datumveld("Zienswijze uiterlijk op")
    toelichting = forms.CharField(
        label="Waarover (de feiten en belangen die deze derde betreffen)",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Dit staat in de brief aan de derde.",
        error_messages={"required": "Beschrijf waarover u de zienswijze vraagt."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["uiterlijk"].initial = termijnen.hersteltermijn_einde(
            timezone.localdate()
        )

    def clean(self):
        data = super().clean()
        if not data.get("email") and not (data.get("postadres") or "").strip():
            raise forms.ValidationError(
                "Vul een e-mailadres of een postadres in: daarheen gaat de brief."
            )
        return data


class ZienswijzeDerdeVastleggenForm(forms.Form):
    prefix = "zienswijze_derde_vastleggen"

    derde = forms.ModelChoiceField(
        label="Van wie",
        queryset=Derde.objects.none(),
        empty_label="Kies de derde",
        error_messages={
            "required": "Kies van wie de zienswijze is.",
            "invalid_choice": "Kies een derde aan wie de zienswijze is gevraagd.",
        },
    )
    ontvangen_op = datumveld("Ontvangen op")
    tekst = forms.CharField(
        label="De zienswijze (of een samenvatting van een mondelinge zienswijze)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    bestand = forms.FileField(
        label="Document (de brief of e-mail van de derde)",
        required=False,
        help_text="PDF, Word (.docx), OpenDocument, PNG of JPEG; hoogstens 10 MB.",
    )

    def __init__(self, *args, verzoek=None, **kwargs):
        super().__init__(*args, **kwargs)
        if verzoek is not None:
            self.fields["derde"].queryset = verzoek.derden.filter(
                ontvangen_op__isnull=True
            )
        self.fields["ontvangen_op"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        if not (data.get("tekst") or "").strip() and not data.get("bestand"):
            raise forms.ValidationError(
                "Schrijf de zienswijze over of voeg het document toe."
            )
        return data


class DwangsomVaststellenForm(forms.Form):
    prefix = "dwangsom_vaststellen"

    genomen_op = datumveld(
        "Besloten door het orgaan zelf op",
        required=False,
        help_text="Alleen als het college (of de Commissaris) zelf besloot: de "
        "datum van dat besluit. Leeg: u besluit onder uw mandaat.",
    )


class DwangsomBetalingForm(forms.Form):
    prefix = "dwangsom_betaling"

    betaald_op = datumveld("Betaald op")
    bedrag = forms.CharField(
        label="Betaald bedrag in euro's",
        max_length=20,
        help_text="Bijvoorbeeld 392,00: het bedrag van het besluit.",
        error_messages={"required": "Vul het betaalde bedrag in."},
    )

    def clean_bedrag(self):
        tekst = self.cleaned_data["bedrag"].replace("€", "").replace(" ", "")
        tekst = tekst.replace(".", "").replace(",", ".")
        try:
            return Decimal(tekst)
        except InvalidOperation:
            raise forms.ValidationError(
                "Vul het betaalde bedrag in, bijvoorbeeld 392,00."
            ) from None
