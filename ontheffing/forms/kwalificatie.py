"""The form of the qualification page: the facts (the applicant's, corrected
where needed) and the qualification the behandelaar confirms or deviates from.

The engine itself is ``ontheffing.kwalificatie``; this module only turns its
facts and outcome into form values and back."""

from __future__ import annotations

from django import forms

from ontheffing import gezag
from ontheffing import kwalificatie as kw

JA_NEE_ONBEKEND = [("", "Onbekend"), ("ja", "Ja"), ("nee", "Nee")]
FEITVELDEN = (
    "ambt",
    "ambtsstatus",
    "handeling",
    "wederpartij",
    "relatie",
    "onderhands",
    "om_niet",
    "aangegaan",
    "verlenging",
    "lichaam_in_provincie",
)
JA_NEE_VELDEN = ("onderhands", "om_niet", "verlenging", "lichaam_in_provincie")
UITKOMSTEN = [
    (u.value, u.label)
    for u in (
        kw.Uitkomst.VERBODEN_ONTHEFFBAAR,
        kw.Uitkomst.VERBODEN_NIET_ONTHEFFBAAR,
        kw.Uitkomst.NIET_VERBODEN,
    )
]
GEZAG = [
    (g.value, g.label)
    for g in (
        kw.BevoegdGezag.GEDEPUTEERDE_STATEN,
        kw.BevoegdGezag.COMMISSARIS_VAN_DE_KONING,
    )
]


def _ja_nee(waarde):
    return {"ja": True, "nee": False}.get(waarde)


def _als_ja_nee(waarde):
    return {True: "ja", False: "nee"}.get(waarde, "")


def feiten_als_formulier(feiten: kw.Feiten) -> dict:
    """The facts as the form's values."""
    data = {}
    for naam in FEITVELDEN:
        waarde = getattr(feiten, naam)
        data[naam] = _als_ja_nee(waarde) if naam in JA_NEE_VELDEN else waarde.value
    return data


def uitkomst_als_formulier(kwalificatie: kw.Kwalificatie | None) -> dict:
    """The engine's outcome as the form's values; one the form does not offer
    (onzeker, onbevoegd) is left for the behandelaar to choose."""
    if kwalificatie is None:
        return {}
    uitkomst = kwalificatie.uitkomst.value
    gezag = kwalificatie.bevoegd_gezag.value
    return {
        "uitkomst": uitkomst if uitkomst in dict(UITKOMSTEN) else None,
        "onderdeel": kwalificatie.onderdeel or "",
        "grondslag": kwalificatie.grondslag,
        "bevoegd_gezag": gezag if gezag in dict(GEZAG) else "",
    }


class KwalificatieForm(forms.Form):
    ambt = forms.ChoiceField(label="Ambt", choices=kw.keuzes(kw.Ambt))
    ambtsstatus = forms.ChoiceField(
        label="In functie?", choices=kw.keuzes(kw.Ambtsstatus)
    )
    handeling = forms.ChoiceField(label="Handeling", choices=kw.keuzes(kw.Handeling))
    wederpartij = forms.ChoiceField(
        label="Wederpartij", choices=kw.keuzes(kw.Wederpartij)
    )
    relatie = forms.ChoiceField(
        label="Relatie (rechtstreeks of middellijk)", choices=kw.keuzes(kw.Relatie)
    )
    onderhands = forms.ChoiceField(
        label="Onderhands (niet via een openbare procedure)?",
        choices=JA_NEE_ONBEKEND,
        required=False,
    )
    om_niet = forms.ChoiceField(label="Om niet?", choices=JA_NEE_ONBEKEND[1:])
    aangegaan = forms.ChoiceField(label="Aangegaan", choices=kw.keuzes(kw.Aangegaan))
    verlenging = forms.ChoiceField(label="Verlenging?", choices=JA_NEE_ONBEKEND[1:])
    lichaam_in_provincie = forms.ChoiceField(
        label="Lichaam ligt in deze provincie?", choices=JA_NEE_ONBEKEND, required=False
    )
    reden_correctie = forms.CharField(
        label="Reden van de correctie van de feiten",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Verplicht als u een feit anders vastlegt dan de aanvrager opgaf.",
    )
    uitkomst = forms.ChoiceField(
        label="Uitkomst die u vastlegt",
        choices=UITKOMSTEN,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies de uitkomst die u vastlegt."},
    )
    onderdeel = forms.CharField(label="Onderdeel", required=False, max_length=20)
    grondslag = forms.CharField(label="Grondslag", required=False, max_length=300)
    bevoegd_gezag = forms.ChoiceField(
        label="Bevoegd gezag", choices=GEZAG, required=False
    )
    motivering = forms.CharField(
        label="Motivering",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Verplicht als u afwijkt van de kwalificatiehulp of als die "
        "uitkomst onzeker is.",
    )
    bw_3_43 = forms.BooleanField(
        label="De aanvrager vraagt ook goedkeuring (artikel 3:43 BW)", required=False
    )
    goedkeuring = forms.ChoiceField(
        label="Goedkeuring (artikel 3:43 BW), als er geen ontheffing nodig of mogelijk is",
        required=False,
        choices=[
            ("", "Niet aan de orde"),
            ("verleend", "Goedkeuring verleend"),
            ("geweigerd", "Goedkeuring geweigerd"),
        ],
        widget=forms.RadioSelect,
        help_text="Bij verboden en ontheffbaar beslist u hierover bij het voorstel.",
    )

    def __init__(self, *args, aanvrager: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.aanvrager = aanvrager
        for naam in FEITVELDEN:
            self.fields[naam].error_messages["required"] = "Kies een waarde."

    def feiten(self) -> kw.Feiten | None:
        """The facts as posted (also when the rest is invalid), or None."""
        data = {}
        for naam in FEITVELDEN:
            waarde = self.data.get(naam, "")
            if naam in JA_NEE_VELDEN:
                waarde = _ja_nee(waarde)
            data[naam] = waarde
        try:
            return kw.Feiten(**data)
        except (ValueError, TypeError):
            return None

    def feitvelden_met_opgave(self) -> list[tuple[forms.BoundField, str]]:
        """Each fact's field, with what the applicant answered as its label."""
        result = []
        for naam in FEITVELDEN:
            keuzes = dict(self.fields[naam].choices)
            opgave = keuzes.get(self.aanvrager.get(naam, ""), "Onbekend")
            result.append((self[naam], opgave))
        return result

    def gecorrigeerd(self) -> list[str]:
        return [
            naam
            for naam in FEITVELDEN
            if self.data.get(naam, "") != self.aanvrager.get(naam)
        ]

    def bevestigd(self, engine: dict) -> tuple[dict | None, bool]:
        """(the confirmed qualification or None to confirm the engine, deviating)."""
        data = self.cleaned_data
        afwijkend = (
            data["uitkomst"] != engine["uitkomst"]
            or (data["onderdeel"] or None) != (engine.get("onderdeel") or None)
            or (data["bevoegd_gezag"] or engine.get("bevoegd_gezag"))
            != engine.get("bevoegd_gezag")
        )
        if not afwijkend:
            return None, False
        bevestigd = dict(engine)
        bevestigd.update(
            uitkomst=data["uitkomst"],
            onderdeel=data["onderdeel"] or None,
            grondslag=data["grondslag"] or engine.get("grondslag", ""),
            bevoegd_gezag=data["bevoegd_gezag"] or engine.get("bevoegd_gezag"),
        )
        return bevestigd, True

    def clean(self):
        data = super().clean()
        if self.gecorrigeerd() and not (data.get("reden_correctie") or "").strip():
            self.add_error(
                "reden_correctie",
                "U heeft feiten gecorrigeerd: geef de reden van de correctie.",
            )
        return data

    def check(self, engine: dict) -> None:
        """Deviating from the engine, or an ONZEKER engine, needs a motivation
        (the service checks it again)."""
        _, afwijkend = self.bevestigd(engine)
        onzeker = engine["uitkomst"] == kw.Uitkomst.ONZEKER
        if (afwijkend or onzeker) and not self.cleaned_data["motivering"].strip():
            reden = (
                "de uitkomst is onzeker"
                if onzeker
                else "u wijkt af van de kwalificatiehulp"
            )
            self.add_error("motivering", f"Motiveer de kwalificatie: {reden}.")
        bezwaar = gezag.bezwaar_tegen_gezag(
            engine.get("bevoegd_gezag"),
            self.data.get("bevoegd_gezag", ""),
            self.data.get("motivering", ""),
        )
        if bezwaar:
            self.add_error("bevoegd_gezag", bezwaar)

    def volledige_motivering(self) -> str:
        """The motivation, followed by the reason for correcting the facts."""
        motivering = self.cleaned_data["motivering"].strip()
        reden = self.cleaned_data["reden_correctie"].strip()
        if reden:
            motivering = (motivering + "\n\nCorrectie van de feiten: " + reden).strip()
        return motivering
