"""Forms of the province's staff: one per action on the case page.

The qualification and the assessment have pages of their own, with their forms
in ``forms.kwalificatie`` and ``forms.toetsing``. The forms only parse and check
input; the services decide what is allowed."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from ontheffing import termijnen
from ontheffing.forms.fields import datumveld
from ontheffing.models import Bijlagesoort, Doorzendadres, Gebruiker
from ontheffing.states import Rol


class ToewijzenForm(forms.Form):
    behandelaar = forms.ModelChoiceField(
        label="Geef aan collega",
        queryset=Gebruiker.objects.none(),
        empty_label="Kies een behandelaar",
        error_messages={
            "required": "Kies aan wie u het verzoek geeft.",
            "invalid_choice": "Kies een behandelaar van deze provincie.",
        },
    )

    def __init__(self, *args, provincie_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["behandelaar"].queryset = Gebruiker.objects.filter(
            provincie_id=provincie_id, rol=Rol.BEHANDELAAR, is_active=True
        ).order_by("naam")


class AanvullingVragenForm(forms.Form):
    ontbrekend = forms.MultipleChoiceField(
        label="Wat ontbreekt",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="De documenten en gegevens die de feiten van dit verzoek vereisen.",
    )
    toelichting = forms.CharField(
        label="Toelichting voor de aanvrager",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Wat u precies nodig heeft en waarom. De aanvrager krijgt dit te lezen.",
    )
    hersteltermijn_einde = datumveld(
        "Hersteltermijn tot en met",
        verplicht="Vul de datum in waarop de hersteltermijn eindigt.",
        help_text="Standaard twee weken; valt het einde niet op een werkdag, dan "
        "loopt de termijn door tot de eerstvolgende werkdag.",
    )

    def __init__(self, *args, verzoek=None, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = [(s, Bijlagesoort(s).label) for s in verzoek.vereiste_bijlagen()]
        keuzes += [
            (s.value, s.label)
            for s in (Bijlagesoort.TOTSTANDKOMING, Bijlagesoort.NIET_BETROKKEN)
            if s.value not in dict(keuzes)
        ]
        keuzes += [
            (f"gegeven: {veld}", omschrijving.capitalize())
            for veld, omschrijving in verzoek.ontbrekend()
            if veld != "bijlage"
        ]
        self.fields["ontbrekend"].choices = keuzes
        self.fields["ontbrekend"].initial = verzoek.ontbrekende_bijlagen()
        vandaag = timezone.localdate()
        self.fields["hersteltermijn_einde"].initial = termijnen.hersteltermijn_einde(
            vandaag
        )

    def clean(self):
        data = super().clean()
        if not data.get("ontbrekend") and not (data.get("toelichting") or "").strip():
            raise forms.ValidationError(
                "Vink aan wat ontbreekt of beschrijf het in de toelichting."
            )
        einde = data.get("hersteltermijn_einde")
        if einde and einde <= timezone.localdate():
            self.add_error(
                "hersteltermijn_einde", "De hersteltermijn moet na vandaag eindigen."
            )
        return data

    def labels(self) -> list[str]:
        """What is missing, as the applicant reads it."""
        keuzes = dict(self.fields["ontbrekend"].choices)
        return [keuzes[w] for w in self.cleaned_data["ontbrekend"]]


class MotiveringForm(forms.Form):
    motivering = forms.CharField(
        label="Motivering",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Geef een motivering."},
    )


class DoorzendenForm(forms.Form):
    aan = forms.ModelChoiceField(
        label="Bevoegd bestuursorgaan",
        queryset=Doorzendadres.objects.select_related("provincie").order_by(
            "orgaan", "provincie__naam"
        ),
        help_text="Het verzoek en alle documenten gaan naar het ingestelde adres "
        "van dit bestuursorgaan. Ontbreekt het, dan stelt de beheerder het in.",
        error_messages={
            "required": "Kies naar welk bestuursorgaan het verzoek gaat.",
            "invalid_choice": "Kies een bestuursorgaan uit de lijst.",
        },
    )
    toelichting = forms.CharField(
        label="Korte toelichting voor de aanvrager",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Leg de aanvrager kort uit waarom u doorzendt."},
    )


class ZienswijzeVragenForm(forms.Form):
    """Asked from the case page and from the assessment page: the same prefixed
    names wherever it is shown, so the view reads what either page posts."""

    prefix = "zienswijze_vragen"

    van = forms.CharField(
        label="Aan wie",
        max_length=300,
        error_messages={"required": "Vul in aan wie u de zienswijze vraagt."},
    )
    uiterlijk = datumveld("Zienswijze uiterlijk op")
    toelichting = forms.CharField(
        label="Waarover (de feiten waarop u de weigering wilt baseren)",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Beschrijf waarover u de zienswijze vraagt."},
    )

    def __init__(self, *args, verzoek=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["uiterlijk"].initial = termijnen.hersteltermijn_einde(
            timezone.localdate()
        )
        if verzoek is not None:
            self.fields["van"].initial = verzoek.naam


class ZienswijzeVerwerkenForm(forms.Form):
    samenvatting = forms.CharField(
        label="Samenvatting van de zienswijze",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Of: 'Er is geen zienswijze ontvangen.'",
        error_messages={
            "required": "Vat de zienswijze samen of vermeld dat er geen is."
        },
    )


class RedenForm(forms.Form):
    reden = forms.CharField(
        label="Reden",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Geef de reden."},
    )


class VerdagenForm(forms.Form):
    nieuwe_datum = datumveld(
        "Nieuwe uiterste beslisdatum", verplicht="Vul de nieuwe datum in."
    )
    reden = forms.CharField(
        label="Reden (de aanvrager krijgt die te lezen)",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Geef de reden van de verdaging."},
    )


class IngebrekestellingForm(forms.Form):
    ontvangen_op = datumveld("Ingebrekestelling ontvangen op")


class NotitieForm(forms.Form):
    tekst = forms.CharField(
        label="Interne notitie",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen zichtbaar voor medewerkers van de provincie.",
        error_messages={"required": "Een lege notitie wordt niet opgeslagen."},
    )
