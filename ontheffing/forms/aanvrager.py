"""The applicant's forms: the request (concept), the answer to a request for
information, and withdrawal.

Every field of the request form is optional for a concept: saving keeps what is
valid, and the view keeps the raw text of what is not. Completeness is the
model's rule (``Verzoek.ontbrekende_gegevens``), checked on submission."""

from django import forms

from ontheffing import kwalificatie as kw
from ontheffing import tekst
from ontheffing.forms.fields import DATE_FORMATS, AmountField, DateInput, YesNoField
from ontheffing.models import Bijlagesoort, Gemeente, Regeling, Verzoek, Waterschap
from ontheffing.models.gebruiker import Aanspreekvorm

# Model fields with a default that must never be blank: an empty answer keeps it.
NIET_LEEG = ("ambtsstatus", "wederpartij", "relatie", "aangegaan", "aanspreekvorm")


def datumveld(label, **kwargs):
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        error_messages={
            "invalid": "Vul een geldige datum in, bijvoorbeeld 31-12-2026."
        },
        **kwargs,
    )


class VerzoekForm(forms.ModelForm):
    """The request, in the sections of the issue. The file field is not a model
    field: the view passes an upload to ``services.bijlage_toevoegen``."""

    aanspreekvorm = forms.ChoiceField(
        label="Aanhef in de brief",
        choices=Aanspreekvorm.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    in_functie_sinds = datumveld("In functie sinds")
    looptijd_van = datumveld("Looptijd: vanaf")
    looptijd_tot = datumveld("Looptijd: tot en met")
    waarde = AmountField(
        label="Waarde in euro's",
        required=False,
        help_text="Het totale bedrag van de overeenkomst, bijvoorbeeld 12.500.",
    )
    onderhands = YesNoField(
        "Komt de koop of huur onderhands tot stand?",
        keuzes=[
            ("ja", "Ja, rechtstreeks met de gemeente afgesproken"),
            ("nee", "Nee, via een openbare veiling"),
            ("onbekend", "Via een openbare inschrijving, of weet ik niet"),
        ],
        geen="onbekend",
        help_text="Alleen van belang bij het kopen, huren of pachten van de gemeente.",
    )
    betrokken_bij_besluitvorming = YesNoField(
        "Was de ambtsdrager betrokken bij de voorbereiding of het besluit over deze "
        "overeenkomst?"
    )
    onthouding = YesNoField(
        "Onthoudt de ambtsdrager zich van beraadslaging en stemming over deze zaak?",
        help_text="Artikel 28 Gemeentewet.",
    )
    gemeente = forms.ModelChoiceField(
        label="Gemeente",
        queryset=Gemeente.objects.order_by("naam"),
        required=False,
        empty_label="Kies een gemeente…",
        help_text="De gemeente waar het ambt bij hoort. Bij een waterschap of "
        "gemeenschappelijke regeling: laat leeg en kies hieronder.",
        error_messages={"invalid_choice": "Kies een gemeente uit de lijst."},
    )
    waterschap = forms.ModelChoiceField(
        label="Of: waterschap",
        required=False,
        empty_label="Geen",
        queryset=Waterschap.objects.select_related("provincie").order_by("naam"),
        error_messages={"invalid_choice": "Kies een waterschap uit de lijst."},
    )
    regeling = forms.ModelChoiceField(
        label="Of: gemeenschappelijke regeling",
        required=False,
        empty_label="Geen",
        queryset=Regeling.objects.select_related("provincie").order_by("naam"),
        error_messages={"invalid_choice": "Kies een regeling uit de lijst."},
    )
    # Several offices (README, "Keuzes": "Meer ambten"): one further office,
    # stored in ``Verzoek.overige_ambten``; the province qualifies each.
    tweede_ambt = forms.ChoiceField(
        label="Heeft de ambtsdrager nog een ambt? (niet verplicht)",
        required=False,
        help_text="Bijvoorbeeld raadslid én Statenlid. De provincie beoordeelt het "
        "verzoek voor elk ambt; beslist over een ambt een ander bestuursorgaan, dan "
        "wordt dat deel doorgezonden.",
    )
    tweede_ambt_gemeente = forms.ModelChoiceField(
        label="Gemeente van dat ambt",
        queryset=Gemeente.objects.order_by("naam"),
        required=False,
        empty_label="Geen gemeente (bijvoorbeeld bij een Statenlid)",
        error_messages={"invalid_choice": "Kies een gemeente uit de lijst."},
    )
    tweede_ambt_wederpartij = forms.ChoiceField(
        label="Sluit de ambtsdrager de overeenkomst met het lichaam van dat ambt "
        "(bijvoorbeeld de provincie bij een Statenlid)?",
        required=False,
        widget=forms.RadioSelect,
        choices=[
            (kw.Wederpartij.EIGEN_LICHAAM.value, "Ja"),
            (kw.Wederpartij.ANDER_LICHAAM.value, "Nee, met een andere overheid"),
        ],
    )
    bestand = forms.FileField(
        label="Document toevoegen",
        required=False,
        help_text="PDF, Word (.docx), OpenDocument, PNG of JPEG; hoogstens 10 MB per bestand "
        "en 50 MB per verzoek.",
    )
    bestand_soort = forms.ChoiceField(
        label="Wat voor document is het?",
        required=False,
        choices=[("", "Kies…")]
        + [
            (k, v)
            for k, v in Bijlagesoort.choices
            if k not in (Bijlagesoort.AANVULLING, Bijlagesoort.ZIENSWIJZE)
        ],
    )

    class Meta:
        model = Verzoek
        fields = [
            "naam",
            "aanspreekvorm",
            "adres",
            "postcode",
            "woonplaats",
            "email",
            "telefoon",
            "ambt",
            "ambtsstatus",
            "in_functie_sinds",
            "gemeente",
            "waterschap",
            "regeling",
            "namens",
            "handeling",
            "wederpartij",
            "relatie",
            "via_wie",
            "onderhands",
            "om_niet",
            "aangegaan",
            "verlenging",
            "wederpartij_naam",
            "onderwerp",
            "omschrijving",
            "waarde",
            "looptijd_van",
            "looptijd_tot",
            "totstandkoming",
            "betrokken_bij_besluitvorming",
            "onthouding",
            "toelichting_betrokkenheid",
            "verklaring",
        ]
        labels = {
            "naam": "Naam van de ambtsdrager",
            "adres": "Straat en huisnummer",
            "postcode": "Postcode",
            "woonplaats": "Woonplaats",
            "email": "E-mailadres van de ambtsdrager",
            "telefoon": "Telefoonnummer",
            "ambt": "Ambt",
            "ambtsstatus": "Is de ambtsdrager nu in functie?",
            "namens": "Ik dien dit verzoek in namens de ambtsdrager (bijvoorbeeld als "
            "griffier)",
            "handeling": "Wat wil de ambtsdrager doen?",
            "wederpartij": "Met wie heeft het te maken?",
            "relatie": "Wie gaat de overeenkomst aan?",
            "via_wie": "Via wie? (naam van het bedrijf, de partner of de hoofdaannemer)",
            "om_niet": "Het is gratis: er staat geen betaling of andere tegenprestatie "
            "tegenover",
            "aangegaan": "Is de overeenkomst al gesloten?",
            "verlenging": "Het gaat om een verlenging, uitbreiding of wezenlijke "
            "wijziging van een bestaande overeenkomst",
            "wederpartij_naam": "Wederpartij (met wie de overeenkomst wordt gesloten)",
            "onderwerp": "Onderwerp (kort)",
            "omschrijving": "Omschrijving van de overeenkomst",
            "totstandkoming": "Hoe komt de overeenkomst tot stand?",
            "toelichting_betrokkenheid": "Toelichting op de betrokkenheid (niet verplicht)",
            "verklaring": "Ik verklaar dat ik dit formulier naar waarheid heb ingevuld",
        }
        help_texts = {
            "naam": "Zoals die in de brief moet komen.",
            "namens": "Voeg dan een machtiging van de ambtsdrager toe.",
            "onderwerp": "Bijvoorbeeld: schilderwerk gemeentehuis.",
            "omschrijving": "Wat wordt er geleverd of gedaan, waar en wanneer?",
            "totstandkoming": "Bijvoorbeeld: meervoudig onderhandse aanbesteding met "
            "drie offertes, of een openbare veiling.",
            "via_wie": "Alleen invullen als de ambtsdrager het niet zelf doet.",
            "telefoon": "Niet verplicht.",
        }
        widgets = {
            "ambtsstatus": forms.RadioSelect,
            "wederpartij": forms.RadioSelect,
            "relatie": forms.RadioSelect,
            "aangegaan": forms.RadioSelect,
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "naam": forms.TextInput(attrs={"autocomplete": "name"}),
            "adres": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
            "woonplaats": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "telefoon": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "omschrijving": forms.Textarea(attrs={"rows": 4}),
            "totstandkoming": forms.Textarea(attrs={"rows": 4}),
            "toelichting_betrokkenheid": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            veld.required = False
        self.fields["ambt"].choices = [("", "Kies een ambt…"), *kw.keuzes(kw.Ambt)]
        self.fields["tweede_ambt"].choices = [
            ("", "Geen ander ambt"),
            *kw.keuzes(kw.Ambt),
        ]
        tweede = (self.instance.overige_ambten or [{}])[0] if self.instance else {}
        self.initial.setdefault("tweede_ambt", tweede.get("ambt", ""))
        self.initial.setdefault("tweede_ambt_gemeente", tweede.get("gemeente"))
        self.initial.setdefault(
            "tweede_ambt_wederpartij",
            tweede.get("wederpartij", kw.Wederpartij.EIGEN_LICHAAM.value),
        )
        self.fields["handeling"].choices = [("", "Kies…"), *kw.keuzes(kw.Handeling)]
        for naam in ("ambtsstatus", "wederpartij", "relatie", "aangegaan"):
            self.fields[naam].choices = [
                c for c in self.fields[naam].choices if c[0] != ""
            ]
        self.fields["email"].error_messages["invalid"] = (
            "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."
        )
        waterschap = self.fields["waterschap"]
        waterschap.label_from_instance = lambda w: f"{w.naam} ({w.provincie.naam})"
        regeling = self.fields["regeling"]
        regeling.label_from_instance = lambda r: f"{r.naam} ({r.provincie.naam})"

    def clean(self):
        cleaned = super().clean()
        cleaned.update(tekst.schoon_velden(cleaned, tekst.NAAM_EN_ADRES))
        van, tot = cleaned.get("looptijd_van"), cleaned.get("looptijd_tot")
        if van and tot and tot < van:
            self.add_error(
                "looptijd_tot", "Deze datum ligt vóór het begin van de looptijd."
            )
        if cleaned.get("bestand") and not cleaned.get("bestand_soort"):
            self.add_error("bestand_soort", "Kies wat voor document het is.")
        return cleaned

    def _post_clean(self):
        # Model validation (choices, lengths) is left to the form fields: a
        # concept may be incomplete, and invalid fields are simply not saved.
        pass

    def geldige_velden(self) -> dict:
        """The model fields that validated, with their cleaned values."""
        namen = set(self.Meta.fields)
        velden = {k: v for k, v in self.cleaned_data.items() if k in namen}
        if "tweede_ambt" in self.cleaned_data:
            velden["overige_ambten"] = self._overige_ambten()
        for naam in NIET_LEEG:
            if velden.get(naam) in ("", None):
                velden.pop(naam, None)
        return velden

    def _overige_ambten(self) -> list[dict]:
        ambt = self.cleaned_data.get("tweede_ambt")
        if not ambt:
            return []
        gemeente = self.cleaned_data.get("tweede_ambt_gemeente")
        return [
            {
                "ambt": ambt,
                "gemeente": gemeente.pk if gemeente else None,
                "wederpartij": self.cleaned_data.get("tweede_ambt_wederpartij")
                or kw.Wederpartij.EIGEN_LICHAAM.value,
            }
        ]


class AanvullenForm(forms.Form):
    LEEG = "Geef een antwoord of voeg een document toe."

    antwoord = forms.CharField(
        label="Uw antwoord",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Beantwoord de vraag van de provincie, of licht de documenten toe.",
    )
    bestand = forms.FileField(
        label="Document meesturen (niet verplicht)",
        required=False,
        help_text="PDF, Word (.docx), OpenDocument, PNG of JPEG; hoogstens 10 MB.",
    )

    def clean(self):
        cleaned = super().clean()
        if (
            not self.errors
            and not (cleaned.get("antwoord") or "").strip()
            and not cleaned.get("bestand")
        ):
            raise forms.ValidationError(self.LEEG)
        return cleaned


class ZienswijzeGevenForm(AanvullenForm):
    """The applicant's view (Awb 4:7): text, a document, or both."""

    LEEG = "Schrijf uw zienswijze of voeg een document toe."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["antwoord"].label = "Uw zienswijze"
        self.fields[
            "antwoord"
        ].help_text = (
            "Wat u vindt van de feiten en de overweging die de provincie noemt."
        )


class IntrekkenForm(forms.Form):
    reden = forms.CharField(
        label="Waarom trekt u het verzoek in? (niet verplicht)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
