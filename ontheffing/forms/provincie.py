"""Forms of the province's staff: one per action on a case.

The forms only parse and check input; the services decide what is allowed."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from ontheffing import kwalificatie as kw
from ontheffing import termijnen
from ontheffing.models import Bijlagesoort, Gebruiker, Oordeel
from ontheffing.states import Rol, Uitkomst

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
JA_NEE_ONBEKEND = [("", "Onbekend"), ("ja", "Ja"), ("nee", "Nee")]


def _ja_nee(waarde):
    return {"ja": True, "nee": False}.get(waarde)


def _als_ja_nee(waarde):
    return {True: "ja", False: "nee"}.get(waarde, "")


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


class AanvullingForm(forms.Form):
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
    hersteltermijn_einde = forms.DateField(
        label="Hersteltermijn tot en met",
        widget=DATUM,
        help_text="Standaard twee weken; valt het einde niet op een werkdag, dan "
        "loopt de termijn door tot de eerstvolgende werkdag.",
        error_messages={
            "required": "Vul de datum in waarop de hersteltermijn eindigt.",
            "invalid": "Vul een geldige datum in, bijvoorbeeld 16-03-2026.",
        },
    )

    def __init__(self, *args, verzoek=None, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = [(s, Bijlagesoort(s).label) for s in verzoek.vereiste_bijlagen()]
        keuzes += [
            (s.value, s.label)
            for s in (Bijlagesoort.TOTSTANDKOMING, Bijlagesoort.NIET_BETROKKEN)
            if s.value not in dict(keuzes)
        ]
        keuzes += [(f"gegeven: {o}", o.capitalize()) for o in verzoek.ontbrekende_gegevens()
                   if not o.startswith("document:")]  # fmt: skip
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
    aan = forms.CharField(
        label="Bevoegd bestuursorgaan",
        max_length=300,
        help_text="Voorgesteld door de kwalificatiehulp; pas zo nodig aan.",
        error_messages={
            "required": "Vul in naar welk bestuursorgaan het verzoek gaat."
        },
    )
    adres = forms.CharField(
        label="Adres van dat bestuursorgaan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Eén regel per adresregel.",
    )
    toelichting = forms.CharField(
        label="Korte toelichting voor de aanvrager",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Leg de aanvrager kort uit waarom u doorzendt."},
    )


class ZienswijzeVragenForm(forms.Form):
    van = forms.CharField(
        label="Aan wie",
        max_length=300,
        error_messages={"required": "Vul in aan wie u de zienswijze vraagt."},
    )
    uiterlijk = forms.DateField(
        label="Zienswijze uiterlijk op",
        widget=DATUM,
        error_messages={
            "required": "Vul de datum in.",
            "invalid": "Vul een geldige datum in.",
        },
    )
    toelichting = forms.CharField(
        label="Waarover (de feiten waarop u de weigering wilt baseren)",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Beschrijf waarover u de zienswijze vraagt."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["uiterlijk"].initial = termijnen.hersteltermijn_einde(
            timezone.localdate()
        )


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
    nieuwe_datum = forms.DateField(
        label="Nieuwe uiterste beslisdatum",
        widget=DATUM,
        error_messages={"required": "Vul de nieuwe datum in.", "invalid": "Vul een geldige datum in."},
    )  # fmt: skip
    reden = forms.CharField(
        label="Reden (de aanvrager krijgt die te lezen)",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Geef de reden van de verdaging."},
    )


class IngebrekestellingForm(forms.Form):
    ontvangen_op = forms.DateField(
        label="Ingebrekestelling ontvangen op",
        widget=DATUM,
        error_messages={"required": "Vul de datum in.", "invalid": "Vul een geldige datum in."},
    )  # fmt: skip


class NotitieForm(forms.Form):
    tekst = forms.CharField(
        label="Interne notitie",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen zichtbaar voor medewerkers van de provincie.",
        error_messages={"required": "Een lege notitie wordt niet opgeslagen."},
    )


# ------------------------------------------------------------ kwalificatie

FEITVELDEN = (
    "ambt", "ambtsstatus", "handeling", "wederpartij", "relatie", "onderhands",
    "om_niet", "aangegaan", "verlenging", "lichaam_in_provincie",
)  # fmt: skip
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


def feiten_initial(feiten: kw.Feiten) -> dict:
    data = {}
    for naam in FEITVELDEN:
        waarde = getattr(feiten, naam)
        data[naam] = _als_ja_nee(waarde) if naam in JA_NEE_VELDEN else waarde.value
    return data


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

    def gecorrigeerd(self) -> list[str]:
        return [
            naam
            for naam in FEITVELDEN
            if self.data.get(naam, "") != self.aanvrager.get(naam)
        ]

    def bevestigd(self, engine: dict) -> tuple[dict | None, bool]:
        """(the confirmed qualification or None to confirm the engine, deviating)."""
        data = self.cleaned_data
        afwijkend = data["uitkomst"] != engine["uitkomst"] or (
            data["onderdeel"] or None
        ) != (engine.get("onderdeel") or None)
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


# ---------------------------------------------------------------- toetsing


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
        if data.get("oordeel") and not (data.get("motivering") or "").strip():
            self.add_error("motivering", "Motiveer uw oordeel over dit criterium.")
        if (data.get("motivering") or "").strip() and not data.get("oordeel"):
            self.add_error("oordeel", "Kies een oordeel over dit criterium.")
        return data


def criterium_forms(criteria, data=None, oordelen=None):
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
