"""Forms of the mandate register and of deciding: the mandaatbesluit, its end,
and the day the organ itself decided."""

from django import forms

from ontheffing.forms.fields import datumveld
from ontheffing.models import Gebruiker, Reikwijdte
from ontheffing.states import Bestuursorgaan, Rol


class MandaatForm(forms.Form):
    houder = forms.ModelChoiceField(
        label="Mandaathouder",
        queryset=Gebruiker.objects.none(),
        error_messages={"required": "Kies de mandaathouder."},
    )
    bestuursorgaan = forms.ChoiceField(
        label="Besluiten van",
        choices=Bestuursorgaan.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies van welk bestuursorgaan de besluiten zijn."},
    )
    reikwijdte = forms.ChoiceField(
        label="Reikwijdte",
        choices=Reikwijdte.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies alle uitkomsten of alleen weigeren."},
    )
    geldig_van = datumveld("Geldig vanaf")
    geldig_tot = datumveld(
        "Geldig tot en met", required=False, help_text="Leeg: zonder einddatum."
    )
    bron_titel = forms.CharField(
        label="Titel van het mandaatbesluit",
        max_length=300,
        error_messages={"required": "Vul de titel van het mandaatbesluit in."},
    )
    bron_datum = datumveld("Datum van bekendmaking")

    def __init__(self, *args, provincie_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["houder"].queryset = Gebruiker.objects.filter(
            provincie_id=provincie_id,
            is_active=True,
            rol__in=(Rol.BEHANDELAAR, Rol.BESLISSER),
        ).order_by("naam")


class BeeindigenForm(forms.Form):
    laatste_dag = datumveld(
        "Laatste dag van het mandaat",
        help_text="Gisteren of later; wat onder het mandaat is besloten, blijft staan.",
    )


class VaststellenForm(forms.Form):
    genomen_op = datumveld(
        "Datum van het besluit van het bestuursorgaan zelf",
        required=False,
        help_text="Alleen als Gedeputeerde Staten in hun vergadering besloten (de datum "
        "van die vergadering) of de Commissaris van de Koning zelf tekende. Leeg: u "
        "besluit onder uw mandaat.",
    )
