"""What the request form checks (postcode, dates), the question counter of the
self-check, and the Dutch formats of file sizes and labels: pure tables."""

import importlib
from datetime import date, timedelta

import pytest
from django import forms as django_forms
from django.utils import timezone

from ontheffing import formatting
from ontheffing.forms import zelftest as zt
from ontheffing.forms.aanvrager import VerzoekForm
from ontheffing.forms.fields import DATE_FORMATS, ONGELDIGE_DATUM, voorbeelddatum
from ontheffing.forms.provincie import IngebrekestellingForm


@pytest.mark.parametrize(
    ("invoer", "opgeslagen"),
    [
        ("6811 AA", "6811 AA"),
        ("6811aa", "6811 AA"),
        (" 1234 ab ", "1234 AB"),
        ("0123 AB", None),
        ("123", None),
        ("6811 A1", None),
        ("B-1000", None),
        ("", ""),
    ],
)
def test_postcode(invoer, opgeslagen):
    form = VerzoekForm({"postcode": invoer}, stap="ambtsdrager")
    form.is_valid()
    if opgeslagen is None:
        assert "Nederlandse postcode" in form.errors["postcode"][0]
        assert "postcode" not in form.geldige_velden()  # never into a letter
    else:
        assert form.geldige_velden()["postcode"] == opgeslagen


def _over(dagen: int) -> str:
    return (timezone.localdate() + timedelta(days=dagen)).isoformat()


@pytest.mark.parametrize(
    ("data", "fout_in"),
    [
        ({"ambtsstatus": "in_functie", "in_functie_sinds": _over(365 * 5)}, "toekomst"),
        ({"ambtsstatus": "in_functie", "in_functie_sinds": _over(-30)}, None),
        ({"ambtsstatus": "kandidaat", "in_functie_sinds": _over(30)}, None),
        ({"ambtsstatus": "in_functie", "in_functie_sinds": "1850-01-01"}, "verleden"),
    ],
)
def test_in_functie_sinds(data, fout_in):
    form = VerzoekForm(data, stap="ambtsdrager")
    form.is_valid()
    fouten = " ".join(form.errors.get("in_functie_sinds", []))
    if fout_in is None:
        assert not fouten
    else:
        assert fout_in in fouten


@pytest.mark.parametrize(
    ("aangegaan", "van", "fout"),
    [
        ("nog_niet", _over(-1), True),
        ("nog_niet", _over(0), False),
        ("nog_niet", _over(10), False),
        ("voor_ambtsaanvaarding", _over(-400), False),
    ],
)
def test_looptijd_van_een_nog_niet_gesloten_overeenkomst(db, aangegaan, van, fout):
    from ontheffing.models import Verzoek

    form = VerzoekForm(
        {"looptijd_van": van},
        instance=Verzoek(aangegaan=aangegaan),
        stap="overeenkomst",
    )
    form.is_valid()
    assert ("looptijd_van" in form.errors) is fout


def test_de_voorbeelddatum_ligt_nooit_in_het_verleden():
    vandaag = date(2031, 12, 20)
    assert voorbeelddatum(vandaag) == "19-01-2032"
    form = VerzoekForm({"looptijd_van": "morgen"}, stap="overeenkomst")
    form.is_valid()
    assert voorbeelddatum() in form.errors["looptijd_van"][0]


def test_de_voorbeelddatum_wordt_berekend_als_de_melding_wordt_getoond(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2031, 12, 20))
    form = IngebrekestellingForm({"ontvangen_op": "31-02-2031"})
    assert not form.is_valid()
    assert form.errors["ontvangen_op"] == [
        "Vul een geldige datum in, bijvoorbeeld 19-01-2032."
    ]


def _formulieren():
    import inspect
    import pkgutil

    import ontheffing.forms

    for module in pkgutil.iter_modules(ontheffing.forms.__path__):
        geladen = importlib.import_module(f"ontheffing.forms.{module.name}")
        for _, klasse in inspect.getmembers(geladen, inspect.isclass):
            if issubclass(klasse, django_forms.BaseForm) and klasse.__module__ == (
                geladen.__name__
            ):
                yield klasse


def test_elk_datumveld_is_hetzelfde_veld():
    """One date field (``forms.fields.datumveld``): the same typed formats and
    the same message with an example everywhere, staff and applicant alike."""
    datumvelden = [
        (klasse.__name__, naam, veld)
        for klasse in _formulieren()
        for naam, veld in klasse.base_fields.items()
        if isinstance(veld, django_forms.DateField)
    ]
    assert len(datumvelden) > 20
    for klasse, naam, veld in datumvelden:
        assert veld.input_formats == DATE_FORMATS, (klasse, naam)
        assert veld.error_messages["invalid"] is ONGELDIGE_DATUM, (klasse, naam)


@pytest.mark.parametrize(
    ("bytes_", "tekst"),
    [
        (0, "0 bytes"),
        (1023, "1023 bytes"),
        (8 * 1024, "8,0 kB"),
        (int(30.0 * 1024 * 1024), "30,0 MB"),
        (int(2.25 * 1024**3), "2,2 GB"),
    ],
)
def test_bestandsgrootte_in_een_nederlandse_notatie(bytes_, tekst):
    assert formatting.grootte(bytes_) == tekst


@pytest.mark.parametrize(
    ("label", "in_zin"),
    [
        ("Bewijs van de relatie (bijvoorbeeld een KvK-uittreksel)",
         "bewijs van de relatie (bijvoorbeeld een KvK-uittreksel)"),
        ("(Concept)overeenkomst of offerte", "(concept)overeenkomst of offerte"),
        ("", ""),
    ],
)  # fmt: skip
def test_label_midden_in_een_zin(label, in_zin):
    assert formatting.midden_in_zin(label) == in_zin


def _paden(antwoorden: dict, index: int = 0):
    """Every way through the self-check from VRAGEN[index:]: its questions."""
    for i in range(index, len(zt.VRAGEN)):
        vraag = zt.VRAGEN[i]
        if vraag.van_toepassing(antwoorden):
            for keuze in zt._mogelijke_antwoorden(vraag):
                for rest in _paden({**antwoorden, vraag.sleutel: keuze}, i + 1):
                    yield [vraag.sleutel, *rest]
            return
    yield []


@pytest.mark.parametrize(
    "antwoorden",
    [
        {"ambt": "raadslid", "ambtsstatus": "in_functie", "gemeente": "",
         "handeling": "aanneming_van_werk", "wederpartij": "eigen_lichaam"},
        {"ambt": "dijkgraaf", "ambtsstatus": "in_functie", "provincie": ""},
        {"ambt": "wethouder", "ambtsstatus": "oud"},
    ],
)  # fmt: skip
def test_de_teller_zegt_op_elk_pad_de_waarheid(antwoorden):
    """On every path that can follow, the counter's bounds hold, and they only
    narrow as answers are given."""
    sleutels = list(antwoorden)
    eerdere = None
    for n in range(1, len(sleutels) + 1):
        gegeven = dict(list(antwoorden.items())[: n - 1])
        voortgang = zt.voortgang(gegeven, sleutels[n - 1])
        assert voortgang.nummer == n
        index = [v.sleutel for v in zt.VRAGEN].index(sleutels[n - 1])
        lengtes = {n - 1 + len(p) for p in _paden(gegeven, index)}
        assert voortgang.minste == min(lengtes)
        assert voortgang.meeste == max(lengtes)
        if eerdere is not None:
            assert eerdere.minste <= voortgang.minste <= voortgang.meeste
            assert voortgang.meeste <= eerdere.meeste
        eerdere = voortgang
