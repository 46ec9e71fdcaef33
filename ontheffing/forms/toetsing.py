"""The forms of the assessment page: a judgement per criterion of the
beleidsregel, and the proposed decision that follows from them."""

from __future__ import annotations

from django import forms

from ontheffing.models import Oordeel
from ontheffing.states import Uitkomst


class CriteriumForm(forms.Form):
    oordeel = forms.ChoiceField(
        label="Oordeel",
        choices=Oordeel.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    motivering = forms.CharField(
        label="Motivering", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean(self):
        data = super().clean()
        gemotiveerd = bool((data.get("motivering") or "").strip())
        if data.get("oordeel") and not gemotiveerd:
            self.add_error("motivering", "Motiveer uw oordeel over dit criterium.")
        if gemotiveerd and not data.get("oordeel"):
            self.add_error("oordeel", "Kies een oordeel over dit criterium.")
        return data


def criteriumformulieren(criteria, data=None, oordelen=None):
    """One form per criterion, prefixed by its code; pre-filled with stored judgements."""
    oordelen = oordelen or {}
    result = []
    for criterium in criteria:
        bestaand = oordelen.get(criterium.pk)
        initial = (
            {"oordeel": bestaand.oordeel, "motivering": bestaand.motivering}
            if bestaand
            else {}
        )
        form = CriteriumForm(data, prefix=f"c-{criterium.code}", initial=initial)
        form.criterium = criterium
        result.append(form)
    return result


class VoorstelForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label="Voorgesteld besluit",
        choices=[
            (Uitkomst.VERLEEND.value, Uitkomst.VERLEEND.label),
            (Uitkomst.GEWEIGERD.value, Uitkomst.GEWEIGERD.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies verlenen of weigeren."},
    )
    motivering = forms.CharField(
        label="Motivering van het besluit",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Geef een motivering voor het voorgestelde besluit."
        },
    )
    afwijking = forms.CharField(
        label="Motivering van de afwijking (artikel 4:84 Awb)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht als u afwijkt van de uitkomst die uit de oordelen volgt.",
    )
    voorschriften = forms.CharField(
        label="Voorschriften",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Eén voorschrift per regel; maak elk voorschrift concreet (deze "
        "overeenkomst, deze wederpartij, deze looptijd). Alleen bij verlenen.",
    )
    bw_3_43 = forms.BooleanField(
        label="Ook goedkeuring op grond van artikel 3:43 BW", required=False
    )

    def __init__(self, *args, voorgesteld=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.voorgesteld = voorgesteld

    def clean(self):
        data = super().clean()
        uitkomst = data.get("uitkomst")
        if (
            uitkomst
            and self.voorgesteld
            and uitkomst != self.voorgesteld
            and not (data.get("afwijking") or "").strip()
        ):
            self.add_error(
                "afwijking",
                "U wijkt af van de uitkomst die uit de oordelen volgt: motiveer de afwijking.",
            )
        return data

    def voorschriften_lijst(self) -> list[str]:
        regels = self.cleaned_data.get("voorschriften", "").splitlines()
        return [r.strip() for r in regels if r.strip()]

    def volledige_motivering(self) -> str:
        motivering = self.cleaned_data["motivering"].strip()
        afwijking = (self.cleaned_data.get("afwijking") or "").strip()
        return f"{motivering}\n\n{afwijking}" if afwijking else motivering
