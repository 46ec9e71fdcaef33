"""The self-check: one question per page, in plain words, for the facts of
``kwalificatie.Feiten``. Questions that cannot matter for the answers given so
far are skipped; the engine decides, this module only asks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django import forms

from ontheffing import kwalificatie as kw
from ontheffing.models import Gemeente, Provincie

A, H, W, R = kw.Ambt, kw.Handeling, kw.Wederpartij, kw.Relatie

GEMEENTELIJKE_AMBTEN = {
    A.RAADSLID,
    A.WETHOUDER,
    A.BURGEMEESTER,
    A.REKENKAMERLID,
    A.GRIFFIER,
    A.GEMEENTESECRETARIS,
    A.PLAATSVERVANGEND_GRIFFIER,
    A.VERVANGER_SECRETARIS,
}
# Waterschap and regeling: the province where the body lies decides (GS).
PROVINCIALE_LICHAMEN = {
    A.AB_LID_WATERSCHAP,
    A.DB_LID_WATERSCHAP_EXTERN,
    A.DIJKGRAAF,
    A.BESTUURSLID_GR,
}
GEEN_BEKEND_AMBT = {A.COMMISSIELID, A.ANDERS}
# The list of art. 15: a-c concern the office holder's own acts, d agreements.
EIGEN_OPTREDEN = {
    H.ADVOCAAT_OF_ADVISEUR_IN_GESCHIL,
    H.GEMACHTIGDE_WEDERPARTIJ_IN_GESCHIL,
    H.VERTEGENWOORDIGER_DERDEN_OVEREENKOMST,
    H.VERTEGENWOORDIGER_DERDEN_LEVERING_ONROERENDE_ZAAK,
}
OVEREENKOMSTEN = {
    H.AANNEMING_VAN_WERK,
    H.WERKZAAMHEDEN_TEGEN_BELONING,
    H.LEVERING_ROERENDE_ZAKEN,
    H.VERHUUR_ROERENDE_ZAKEN,
    H.VERWERVING_BETWISTE_VORDERING,
    H.VERWERVING_ONROERENDE_ZAAK,
    H.HUUR_OF_PACHT_VAN_OVERHEID,
}
ONDERHANDS_RELEVANT = {H.VERWERVING_ONROERENDE_ZAAK, H.HUUR_OF_PACHT_VAN_OVERHEID}
TEGENPRESTATIE_RELEVANT = (OVEREENKOMSTEN - {H.VERWERVING_BETWISTE_VORDERING}) | {
    H.SCHENKING
}
EIGEN_KANT = {W.EIGEN_LICHAAM, W.DEELNEMING, W.HOOFDAANNEMER_VAN_EIGEN_LICHAAM}

RELATIE_LABELS = {
    R.RECHTSTREEKS: "Ikzelf",
    R.EIGEN_RECHTSPERSOON: (
        "Via een bv, stichting of andere rechtspersoon die ik bestuur of waarin ik "
        "de zeggenschap heb"
    ),
    R.PARTNER_GEDEELD_VERMOGEN: (
        "Via mijn echtgenoot of partner, met wie ik mijn vermogen deel"
    ),
    R.ONDERAANNEMER_OF_TOELEVERANCIER: (
        "Ik werk als onderaannemer of leverancier van het bedrijf dat de opdracht "
        "van de gemeente heeft"
    ),
    R.ONBEZOLDIGD_BESTUURDER_VERENIGING_OF_STICHTING: (
        "Via een vereniging of stichting waarvan ik onbetaald bestuurder ben"
    ),
    R.ANDER_FAMILIELID: (
        "Via een ander familielid, bijvoorbeeld een kind, ouder, broer of zus"
    ),
    R.KLEIN_AANDEELHOUDER: "Via een bedrijf waarin ik een klein aandelenbelang heb",
    R.GEEN: "Iemand anders doet het; ik heb er zelf geen belang bij",
}


def _in_functie(a: dict) -> bool:
    return a.get("ambtsstatus") == kw.Ambtsstatus.IN_FUNCTIE


def _bekend_ambt(a: dict) -> bool:
    return bool(a.get("ambt")) and a.get("ambt") not in GEEN_BEKEND_AMBT


def _eigen_kant(a: dict) -> bool:
    return _in_functie(a) and _bekend_ambt(a) and a.get("wederpartij") in EIGEN_KANT


@dataclass(frozen=True)
class Vraag:
    sleutel: str
    tekst: str
    hulptekst: str
    keuzes: Callable[[], list[tuple[str, str]]]
    van_toepassing: Callable[[dict], bool]
    lijst: bool = False  # a long list: a select instead of radio buttons


def _gemeenten():
    return [(str(g.pk), g.naam) for g in Gemeente.objects.order_by("naam")]


def _provincies():
    return [(str(p.pk), p.naam) for p in Provincie.objects.order_by("naam")]


VRAGEN: tuple[Vraag, ...] = (
    Vraag(
        "ambt",
        "Welk ambt heeft u?",
        "Vult u de vragen in voor iemand anders, bijvoorbeeld als griffier? Kies dan "
        "het ambt van die persoon.",
        lambda: kw.keuzes(kw.Ambt),
        lambda a: True,
    ),
    Vraag(
        "ambtsstatus",
        "Bent u nu in functie?",
        "",
        lambda: [
            (kw.Ambtsstatus.IN_FUNCTIE, "Ja, ik ben nu in functie"),
            (
                kw.Ambtsstatus.KANDIDAAT,
                "Nee, ik ben kandidaat of gekozen, maar nog niet geïnstalleerd",
            ),
            (kw.Ambtsstatus.OUD, "Nee, ik heb dit ambt niet meer"),
        ],
        _bekend_ambt,
    ),
    Vraag(
        "gemeente",
        "In welke gemeente heeft u dit ambt?",
        "Daaruit volgt welke provincie over uw verzoek beslist.",
        _gemeenten,
        lambda a: _in_functie(a) and a.get("ambt") in GEMEENTELIJKE_AMBTEN,
        lijst=True,
    ),
    Vraag(
        "provincie",
        "In welke provincie ligt het waterschap of de gemeenschappelijke regeling?",
        "Ligt het in meer dan één provincie? Kies de provincie waar het zijn zetel heeft.",
        _provincies,
        lambda a: _in_functie(a) and a.get("ambt") in PROVINCIALE_LICHAMEN,
        lijst=True,
    ),
    Vraag(
        "handeling",
        "Wat wilt u doen?",
        "Kies wat het best past. Met 'de gemeente' bedoelen we ook het waterschap of "
        "de gemeenschappelijke regeling waar u bestuurder bent.",
        lambda: kw.keuzes(kw.Handeling),
        _bekend_ambt,
    ),
    Vraag(
        "wederpartij",
        "Met wie heeft het te maken?",
        "Met wie sluit u de overeenkomst, of tegen wie loopt het geschil?",
        lambda: kw.keuzes(kw.Wederpartij),
        lambda a: _in_functie(a) and _bekend_ambt(a),
    ),
    Vraag(
        "relatie",
        "Doet u het zelf, of via iemand anders?",
        "Ook via een eigen bedrijf of via uw partner kan het verbod gelden.",
        lambda: [(k, RELATIE_LABELS[k]) for k in kw.Relatie],
        lambda a: (
            _eigen_kant(a)
            and a.get("handeling")
            in (OVEREENKOMSTEN | EIGEN_OPTREDEN | {H.DIENSTBETREKKING})
        ),
    ),
    Vraag(
        "om_niet",
        "Staat er een betaling of iets anders tegenover?",
        "Bijvoorbeeld: de gemeente betaalt u, of u betaalt de gemeente.",
        lambda: [
            ("nee", "Ja, er wordt betaald of er staat iets tegenover"),
            ("ja", "Nee, het is helemaal gratis"),
        ],
        lambda a: _eigen_kant(a) and a.get("handeling") in TEGENPRESTATIE_RELEVANT,
    ),
    Vraag(
        "onderhands",
        "Hoe komt de koop of huur tot stand?",
        "",
        lambda: [
            ("ja", "Rechtstreeks met de gemeente afgesproken (onderhands)"),
            ("nee", "Op een openbare veiling, waar iedereen kan bieden"),
            (
                "onbekend",
                "Via een openbare inschrijving met schriftelijke biedingen, of ik weet het niet",
            ),
        ],
        lambda a: _eigen_kant(a) and a.get("handeling") in ONDERHANDS_RELEVANT,
    ),
    Vraag(
        "aangegaan",
        "Heeft u de overeenkomst al gesloten?",
        "",
        lambda: [
            (kw.Aangegaan.NOG_NIET, "Nee, nog niet"),
            (kw.Aangegaan.VOOR_AMBTSAANVAARDING, "Ja, voordat ik in functie kwam"),
            (kw.Aangegaan.TIJDENS_AMBT, "Ja, terwijl ik al in functie was"),
        ],
        lambda a: _eigen_kant(a) and a.get("handeling") in OVEREENKOMSTEN,
    ),
    Vraag(
        "verlenging",
        "Wordt de overeenkomst nu verlengd, uitgebreid of wezenlijk gewijzigd?",
        "",
        lambda: [("ja", "Ja"), ("nee", "Nee, hij loopt gewoon door")],
        lambda a: (
            _eigen_kant(a)
            and a.get("handeling") in OVEREENKOMSTEN
            and a.get("aangegaan") == kw.Aangegaan.VOOR_AMBTSAANVAARDING
        ),
    ),
)
VRAAG = {v.sleutel: v for v in VRAGEN}


def geldige_antwoorden(antwoorden: dict) -> dict:
    """Only the answers to questions that apply, given the answers before them."""
    geldig: dict = {}
    for vraag in VRAGEN:
        if vraag.van_toepassing(geldig) and vraag.sleutel in antwoorden:
            geldig[vraag.sleutel] = antwoorden[vraag.sleutel]
    return geldig


def van_toepassing(antwoorden: dict) -> list[Vraag]:
    geldig = geldige_antwoorden(antwoorden)
    return [v for v in VRAGEN if v.van_toepassing(geldig)]


def _mogelijke_antwoorden(vraag: Vraag) -> tuple[str, ...]:
    """The answers that can change which questions follow. No condition reads
    the municipality or province, so one stands for all of them."""
    if vraag.lijst:
        return ("",)
    return tuple(str(k) for k, _ in vraag.keuzes())


@cache
def _nog_te_vragen(index: int, geldig: frozenset) -> tuple[int, int]:
    """(fewest, most) questions from VRAGEN[index:] over every possible way
    of answering them, given the answers in ``geldig``."""
    antwoorden = dict(geldig)
    for i in range(index, len(VRAGEN)):
        vraag = VRAGEN[i]
        if vraag.van_toepassing(antwoorden):
            uitkomsten = [
                _nog_te_vragen(i + 1, geldig | {(vraag.sleutel, antwoord)})
                for antwoord in _mogelijke_antwoorden(vraag)
            ]
            return (
                1 + min(u[0] for u in uitkomsten),
                1 + max(u[1] for u in uitkomsten),
            )
    return (0, 0)


@dataclass(frozen=True)
class Voortgang:
    """Where the applicant is: question ``nummer``, of ``minste`` to ``meeste``
    questions in all. Both bounds only narrow as answers are given, so what
    the page says stays true whichever way the path branches."""

    nummer: int
    minste: int
    meeste: int

    @property
    def zeker(self) -> bool:
        return self.minste == self.meeste


def voortgang(antwoorden: dict, sleutel: str) -> Voortgang:
    """The progress at question ``sleutel``, from the answers before it."""
    index = next(i for i, v in enumerate(VRAGEN) if v.sleutel == sleutel)
    eerder = {
        k: v
        for k, v in geldige_antwoorden(antwoorden).items()
        if k in {v.sleutel for v in VRAGEN[:index]}
    }
    nummer = sum(1 for v in VRAGEN[:index] if v.sleutel in eerder) + 1
    minste, meeste = _nog_te_vragen(index, frozenset(eerder.items()))
    return Voortgang(nummer, nummer - 1 + minste, nummer - 1 + meeste)


def eerste_open_vraag(antwoorden: dict) -> Vraag | None:
    return next(
        (v for v in van_toepassing(antwoorden) if v.sleutel not in antwoorden), None
    )


def _ja_nee(waarde, standaard):
    return {"ja": True, "nee": False, "onbekend": None}.get(waarde, standaard)


def feiten(antwoorden: dict) -> kw.Feiten:
    """The engine's facts; a skipped question keeps the engine's default."""
    a = geldige_antwoorden(antwoorden)
    return kw.Feiten(
        ambt=a["ambt"],
        handeling=a.get("handeling", kw.Handeling.ANDERS),
        ambtsstatus=a.get("ambtsstatus", kw.Ambtsstatus.IN_FUNCTIE),
        wederpartij=a.get("wederpartij", kw.Wederpartij.EIGEN_LICHAAM),
        relatie=a.get("relatie", kw.Relatie.RECHTSTREEKS),
        onderhands=_ja_nee(a.get("onderhands"), True),
        om_niet=bool(_ja_nee(a.get("om_niet"), False)),
        aangegaan=a.get("aangegaan", kw.Aangegaan.NOG_NIET),
        verlenging=bool(_ja_nee(a.get("verlenging"), False)),
        lichaam_in_provincie=True,
    )


def verzoek_velden(antwoorden: dict) -> dict:
    """The answers as initial values of the request form."""
    a = geldige_antwoorden(antwoorden)
    velden = {
        k: a[k]
        for k in (
            "ambt",
            "ambtsstatus",
            "handeling",
            "wederpartij",
            "relatie",
            "aangegaan",
        )
        if k in a
    }
    if "gemeente" in a:
        velden["gemeente"] = a["gemeente"]
    if "om_niet" in a:
        velden["om_niet"] = a["om_niet"] == "ja"
    if "verlenging" in a:
        velden["verlenging"] = a["verlenging"] == "ja"
    if "onderhands" in a:
        velden["onderhands"] = a["onderhands"]
    return velden


class VraagForm(forms.Form):
    antwoord = forms.ChoiceField(
        error_messages={
            "required": "Kies een antwoord.",
            "invalid_choice": "Kies een van de antwoorden.",
        }
    )

    def __init__(self, vraag: Vraag, *args, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields["antwoord"]
        veld.label = vraag.tekst
        veld.help_text = vraag.hulptekst
        if vraag.lijst:
            veld.choices = [("", "Kies…"), *vraag.keuzes()]
            veld.widget = forms.Select(choices=veld.choices)
        else:
            veld.choices = vraag.keuzes()
            veld.widget = forms.RadioSelect(choices=veld.choices)
