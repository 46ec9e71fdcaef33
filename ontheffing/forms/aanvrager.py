"""The applicant's forms: the request (concept) in steps, its documents, the
answer to a request for information, and withdrawal.

Every field of the request form is optional for a concept: saving keeps what is
valid, and the view keeps the raw text of what is not. Completeness is the
model's rule (``Verzoek.ontbrekende_gegevens``), checked on submission. Facts
that can be checked (a postcode, a date that cannot lie in the future or the
past) are checked here, with a Dutch message; what fails is not saved, so it
never reaches a letter."""

import re
from dataclasses import dataclass
from datetime import date

from django import forms
from django.utils import timezone

from ontheffing import kwalificatie as kw
from ontheffing import tekst
from ontheffing.forms.fields import AmountField, YesNoField, datumveld
from ontheffing.models import Bijlagesoort, Gemeente, Regeling, Verzoek, Waterschap
from ontheffing.models.gebruiker import Aanspreekvorm
from ontheffing.models.verzoek import AMBTSDRAGERVELDEN, FEITENVELDEN

# Model fields with a default that must never be blank: an empty answer keeps it.
NIET_LEEG = ("ambtsstatus", "wederpartij", "relatie", "aangegaan", "aanspreekvorm")
POSTCODE = re.compile(r"([1-9][0-9]{3}) ?([A-Za-z]{2})")
VROEGSTE_DATUM = date(1900, 1, 1)


@dataclass(frozen=True)
class Formulierstap:
    """One step of the request form: its address, title and fields."""

    sleutel: str
    titel: str
    velden: tuple[str, ...]


FORMULIERSTAPPEN = (
    Formulierstap(
        "ambtsdrager",
        "Over de ambtsdrager",
        (
            *AMBTSDRAGERVELDEN,
            "tweede_ambt",
            "tweede_ambt_gemeente",
            "tweede_ambt_wederpartij",
            "namens",
        ),
    ),
    Formulierstap(
        "handeling",
        "De handeling",
        (
            "handeling",
            "wederpartij",
            "relatie",
            "via_wie",
            "om_niet",
            "onderhands",
            "aangegaan",
            "verlenging",
        ),
    ),
    Formulierstap(
        "overeenkomst",
        "De overeenkomst",
        (
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
        ),
    ),
    Formulierstap("documenten", "Documenten", ()),
)
FORMULIERSTAP = {s.sleutel: s for s in FORMULIERSTAPPEN}
STAP_VAN_VELD = {veld: s.sleutel for s in FORMULIERSTAPPEN for veld in s.velden}


class VerzoekForm(forms.ModelForm):
    """The request, or one step of it (``stap``: only that step's fields).
    Documents have their own form (``DocumentenForm``)."""

    aanspreekvorm = forms.ChoiceField(
        label="Aanhef in de brief",
        choices=Aanspreekvorm.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    in_functie_sinds = datumveld("In functie sinds", required=False)
    looptijd_van = datumveld("Looptijd: vanaf", required=False)
    looptijd_tot = datumveld("Looptijd: tot en met", required=False)
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

    class Meta:
        model = Verzoek
        fields = [*AMBTSDRAGERVELDEN, "namens", *FEITENVELDEN, "verklaring"]
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

    def __init__(self, *args, stap: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            veld.required = False
        self.fields["postcode"].help_text = "Bijvoorbeeld 6811 AA."
        if "verklaring" in self.fields:  # not on staff's registration of a letter
            self.fields["verklaring"].error_messages["required"] = (
                "Kruis de verklaring aan om het verzoek in te dienen."
            )
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
        if stap is not None:
            houden = set(FORMULIERSTAP[stap].velden)
            for naam in list(self.fields):
                if naam not in houden:
                    del self.fields[naam]

    def _waarde(self, cleaned, naam):
        """The value in this post, or else the one already saved."""
        if naam in self.fields:
            return cleaned.get(naam)
        return getattr(self.instance, naam, None)

    def clean_postcode(self):
        waarde = (self.cleaned_data.get("postcode") or "").strip()
        if not waarde:
            return ""
        passend = POSTCODE.fullmatch(waarde)
        if passend is None:
            raise forms.ValidationError(
                "Vul een Nederlandse postcode in: vier cijfers en twee letters, "
                "bijvoorbeeld 6811 AA."
            )
        return f"{passend.group(1)} {passend.group(2).upper()}"

    def clean(self):
        cleaned = super().clean()
        cleaned.update(tekst.schoon_velden(cleaned, tekst.NAAM_EN_ADRES))
        vandaag = timezone.localdate()
        sinds = cleaned.get("in_functie_sinds")
        if (
            sinds
            and sinds > vandaag
            and (self._waarde(cleaned, "ambtsstatus") == kw.Ambtsstatus.IN_FUNCTIE)
        ):
            self.add_error(
                "in_functie_sinds",
                "Deze datum ligt in de toekomst. Vul de dag in waarop de ambtsdrager "
                "in functie kwam, of kies hierboven dat hij of zij nog niet in "
                "functie is.",
            )
        for naam in ("in_functie_sinds", "looptijd_van", "looptijd_tot"):
            datum = cleaned.get(naam)
            if datum and datum < VROEGSTE_DATUM:
                self.add_error(naam, "Deze datum ligt te ver in het verleden.")
        van, tot = cleaned.get("looptijd_van"), cleaned.get("looptijd_tot")
        if van and tot and tot < van:
            self.add_error(
                "looptijd_tot", "Deze datum ligt vóór het begin van de looptijd."
            )
        if (
            van
            and van < vandaag
            and self._waarde(cleaned, "aangegaan") == kw.Aangegaan.NOG_NIET
        ):
            self.add_error(
                "looptijd_van",
                "Deze datum ligt vóór vandaag, maar de overeenkomst is nog niet "
                "gesloten: ontheffing geldt niet met terugwerkende kracht. Kies een "
                "datum vanaf vandaag, of geef bij de handeling aan dat de "
                "overeenkomst al is gesloten.",
            )
        return cleaned

    def _post_clean(self):
        # Model validation (choices, lengths) is left to the form fields: a
        # concept may be incomplete, and invalid fields are simply not saved.
        pass

    def geldige_velden(self) -> dict:
        """The model fields that validated, with their cleaned values."""
        namen = set(self.Meta.fields) & set(self.fields)
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


class MeerdereBestandenInput(forms.FileInput):
    allow_multiple_selected = True


class MeerdereBestandenField(forms.FileField):
    """Several files at once from one file input; the value is a list."""

    widget = MeerdereBestandenInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        enkel = super().clean
        if isinstance(data, list | tuple):
            return [enkel(d, initial) for d in data if d]
        return [enkel(data, initial)] if data else []


BESTANDEN_HULP = (
    "PDF, Word (.docx), OpenDocument, PNG of JPEG; hoogstens 10 MB per bestand. U kunt "
    "meer bestanden tegelijk kiezen (samen hoogstens 10 MB per keer)."
)

# What each kind of document is for and what it must say, for the applicant.
UITLEG = {
    Bijlagesoort.OVEREENKOMST: (
        "De overeenkomst, het concept ervan of de offerte: wie de partijen zijn, wat "
        "er wordt geleverd of gedaan, voor welk bedrag en voor hoelang."
    ),
    Bijlagesoort.TOTSTANDKOMING: (
        "Hoe de opdracht of koop tot stand kwam: bijvoorbeeld de uitnodiging tot "
        "offerte, de andere offertes, het gunningsbesluit of het proces-verbaal "
        "van de veiling."
    ),
    Bijlagesoort.RELATIE: (
        "Waaruit blijkt hoe de ambtsdrager bij de wederpartij betrokken is: "
        "bijvoorbeeld een KvK-uittreksel van de eigen bv, of het contract met de "
        "hoofdaannemer."
    ),
    Bijlagesoort.NIET_BETROKKEN: (
        "Een ondertekende verklaring van de ambtsdrager dat hij of zij niet "
        "betrokken was bij de voorbereiding van of het besluit over deze "
        "overeenkomst, en zich onthoudt van beraadslaging en stemming erover "
        "(artikel 28 Gemeentewet). Noem de overeenkomst, de datum en uw naam."
    ),
    Bijlagesoort.MACHTIGING: (
        "Een door de ambtsdrager ondertekende machtiging waarin staat dat u dit "
        "verzoek namens hem of haar indient."
    ),
    Bijlagesoort.VERKLARING_GEMEENTE: (
        "Een verklaring van de gemeente (bijvoorbeeld de afdeling inkoop) over hoe "
        "de opdracht werd gegund en dat de ambtsdrager daarbij geen rol had."
    ),
    Bijlagesoort.ANDERS: "Elk ander stuk dat uw verzoek toelicht.",
}
# Kinds with a model text to download (``aanvrager:voorbeeld``).
MET_VOORBEELD = {Bijlagesoort.NIET_BETROKKEN}
UPLOADSOORTEN = [
    s
    for s in Bijlagesoort
    if s not in (Bijlagesoort.AANVULLING, Bijlagesoort.ZIENSWIJZE, Bijlagesoort.VERZOEK)
]


def soort_van_label(label: str) -> Bijlagesoort | None:
    """The kind of document an item of a request for information names."""
    return next((s for s in Bijlagesoort if s.label == label), None)


class DocumentenForm(forms.Form):
    """The documents step: one file input per kind, several files each. The
    kinds the facts require come first (``vereist``)."""

    def __init__(self, *args, vereist=(), **kwargs):
        super().__init__(*args, **kwargs)
        volgorde = [s for s in vereist if s in UPLOADSOORTEN] + [
            s for s in UPLOADSOORTEN if s not in vereist
        ]
        for soort in volgorde:
            self.fields[f"soort_{soort.value}"] = MeerdereBestandenField(
                label=soort.label, help_text=UITLEG.get(soort, "")
            )
        self.soorten = volgorde

    def documenten(self) -> list[tuple]:
        """(file, kind) for every chosen file."""
        return [
            (bestand, soort)
            for soort in self.soorten
            for bestand in self.cleaned_data.get(f"soort_{soort.value}", [])
        ]


class AanvullenForm(forms.Form):
    """The answer to a request for information: text, and for each item the
    province asked for one or more documents (``punten``: the items)."""

    LEEG = "Geef een antwoord of voeg een document toe."

    antwoord = forms.CharField(
        label="Uw antwoord",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Beantwoord de vraag van de provincie, of licht de documenten toe.",
    )

    def __init__(self, *args, punten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.punten = list(punten)
        for i, punt in enumerate(self.punten):
            soort = soort_van_label(punt)
            self.fields[f"punt_{i}"] = MeerdereBestandenField(
                label=f"Document bij: {punt}",
                help_text=UITLEG.get(soort, "") if soort else "",
            )
            self.fields[f"punt_{i}"].soort = soort
        self.fields["bestand"] = MeerdereBestandenField(
            label="Ander document (niet verplicht)"
            if self.punten
            else "Document meesturen (niet verplicht)",
            help_text=BESTANDEN_HULP,
        )

    def documentvelden(self):
        return [self[naam] for naam in self.fields if naam != "antwoord"]

    def documenten(self) -> list[tuple]:
        """(file, item asked for) for every chosen file."""
        gekozen = []
        for i, punt in enumerate(self.punten):
            gekozen += [(b, punt) for b in self.cleaned_data.get(f"punt_{i}", [])]
        gekozen += [(b, "") for b in self.cleaned_data.get("bestand", [])]
        return gekozen

    def clean(self):
        cleaned = super().clean()
        if (
            not self.errors
            and not (cleaned.get("antwoord") or "").strip()
            and not self.documenten()
        ):
            raise forms.ValidationError(self.LEEG)
        return cleaned


class ZienswijzeGevenForm(AanvullenForm):
    """The applicant's view (Awb 4:7): text, documents, or both."""

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
