"""The forms of the assessment page: a judgement per criterion of the
beleidsregel, and the proposed decision that follows from them."""

from __future__ import annotations

from django import forms

from ontheffing.models import Goedkeuring, Oordeel
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


ONDERDELEN = 3  # numbered parts a partial decision can have on the form

_BESLUIT_ONDERDEEL = [("verleend", "Verlenen"), ("geweigerd", "Weigeren")]


class VoorstelForm(forms.Form):
    """The proposed decision. The rules (4:84, BW 3:43, partial decisions,
    answering a zienswijze) are the service's; the form collects the input."""

    uitkomst = forms.ChoiceField(
        label="Voorgesteld besluit",
        choices=[
            (u.value, u.label)
            for u in (
                Uitkomst.VERLEEND,
                Uitkomst.GEDEELTELIJK_VERLEEND,
                Uitkomst.GEWEIGERD,
            )
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies verlenen, gedeeltelijk verlenen of weigeren."
        },
    )
    motivering = forms.CharField(
        label="Motivering van het besluit",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Geschreven voor de aanvrager: deze tekst staat in de brief.",
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
    goedkeuring = forms.ChoiceField(
        label="Goedkeuring (artikel 3:43 BW)",
        required=False,
        choices=[("", "Niet aan de orde")] + list(Goedkeuring.choices),
        widget=forms.RadioSelect,
        help_text="Verplicht als de kwalificatie zegt dat goedkeuring nodig is of als "
        "de aanvrager erom vraagt.",
    )
    bw_3_43 = forms.BooleanField(
        label="De aanvrager vraagt ook goedkeuring (artikel 3:43 BW)", required=False
    )
    zienswijze_reactie = forms.CharField(
        label="Wat het college met de zienswijze doet",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht als een zienswijze is gegeven; staat in de brief.",
    )
    voorschriften = forms.CharField(
        label="Voorschriften",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Eén voorschrift per regel; maak elk voorschrift concreet (deze "
        "overeenkomst, deze wederpartij, deze looptijd). Alleen bij (gedeeltelijk) "
        "verlenen.",
    )
    tekst_wederpartij = forms.CharField(
        label="Wederpartij, zoals de brief haar noemt",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld 'de gemeente Arnhem'. Wat de aanvrager invulde, blijft "
        "bij het verzoek staan.",
    )
    tekst_contractant = forms.CharField(
        label="Wie de overeenkomst aangaat (bij middellijk)",
        required=False,
        max_length=200,
        help_text="De rechtspersoon, de partner of de hoofdaannemer, bij naam.",
    )
    tekst_onderwerp = forms.CharField(
        label="Onderwerp van de overeenkomst, zoals de brief het noemt",
        required=False,
        max_length=200,
    )

    def __init__(self, *args, voorgesteld=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.voorgesteld = voorgesteld
        for n in range(1, ONDERDELEN + 1):
            self.fields[f"onderdeel_{n}_omschrijving"] = forms.CharField(
                label=f"Onderdeel {n}: waarvoor",
                required=False,
                max_length=500,
                help_text="Alleen bij gedeeltelijk verlenen, bijvoorbeeld 'de "
                "overeenkomst van 3 maart 2026 over ...'.",
            )
            self.fields[f"onderdeel_{n}_besluit"] = forms.ChoiceField(
                label=f"Onderdeel {n}: besluit",
                required=False,
                choices=_BESLUIT_ONDERDEEL,
                widget=forms.RadioSelect,
            )
            self.fields[f"onderdeel_{n}_motivering"] = forms.CharField(
                label=f"Onderdeel {n}: motivering",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def onderdeel_velden(self):
        return [
            [
                self[f"onderdeel_{n}_{deel}"]
                for deel in ("omschrijving", "besluit", "motivering")
            ]
            for n in range(1, ONDERDELEN + 1)
        ]

    def onderdelen(self) -> list[dict]:
        d = self.cleaned_data
        return [
            {
                "omschrijving": d.get(f"onderdeel_{n}_omschrijving", ""),
                "verleend": d.get(f"onderdeel_{n}_besluit") == "verleend",
                "motivering": d.get(f"onderdeel_{n}_motivering", ""),
            }
            for n in range(1, ONDERDELEN + 1)
        ]

    def teksten(self) -> dict:
        d = self.cleaned_data
        return {
            k: d.get(f"tekst_{k}", "")
            for k in ("wederpartij", "contractant", "onderwerp")
        }

    def voorschriften_lijst(self) -> list[str]:
        regels = self.cleaned_data.get("voorschriften", "").splitlines()
        return [r.strip() for r in regels if r.strip()]

    def voorstel(self) -> dict:
        """The keyword arguments of ``services.besluit_voorstellen``."""
        d = self.cleaned_data
        return {
            "uitkomst": d["uitkomst"],
            "motivering": d["motivering"],
            "afwijking": d.get("afwijking", ""),
            "voorschriften": self.voorschriften_lijst(),
            "goedkeuring": d.get("goedkeuring", ""),
            "bw_3_43": d.get("bw_3_43", False),
            "onderdelen": self.onderdelen(),
            "zienswijze_reactie": d.get("zienswijze_reactie", ""),
            "teksten": self.teksten(),
        }
