"""The worklist's query string, validated: a Django form for the filters.

A value the list cannot use (a behandelaar or gemeente not in the lists, text
with a NUL character, which PostgreSQL refuses) is not applied and is named in
a Dutch message; the other filters still apply."""

from __future__ import annotations

from dataclasses import fields

from django import forms

from ontheffing.states import OPEN_STATUSSEN
from ontheffing.werkvoorraad.zoeken import SORTERINGEN, ZOEK_MAX, Filters


def _keuze(label: str, woord: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        error_messages={"invalid_choice": f"Kies een {woord} uit de lijst."},
    )


class FilterForm(forms.Form):
    zoek = forms.CharField(
        label="Zoeken",
        required=False,
        max_length=ZOEK_MAX,
        error_messages={
            "max_length": f"Een zoekterm heeft hoogstens {ZOEK_MAX} tekens."
        },
    )
    stap = _keuze("Stap", "stap")
    behandelaar = _keuze("Behandelaar", "behandelaar")
    gemeente = _keuze("Gemeente", "gemeente")
    mijn = forms.BooleanField(required=False)
    verlopen = forms.BooleanField(required=False)
    opgeschort = forms.BooleanField(required=False)
    sortering = _keuze("Sorteren op", "sortering")

    def __init__(self, data, *, behandelaars, gemeenten):
        """``behandelaars`` and ``gemeenten`` are the (pk, naam) pairs the
        page's selects offer; only those are accepted."""
        super().__init__(data)
        self.fields["stap"].choices = [("", "")] + [
            (s.value, str(s.label)) for s in OPEN_STATUSSEN
        ]
        self.fields["behandelaar"].choices = [("", ""), ("geen", "Nog niemand")] + [
            (str(pk), naam) for pk, naam in behandelaars
        ]
        self.fields["gemeente"].choices = [("", "")] + [
            (str(pk), naam) for pk, naam in gemeenten
        ]
        self.fields["sortering"].choices = [("", "")] + [
            (k, label) for k, (label, _) in SORTERINGEN.items()
        ]

    def filters(self) -> Filters:
        """The filters from the valid fields; an invalid field is left out."""
        self.is_valid()
        bekend = {f.name for f in fields(Filters)}
        gebruikt = {
            k: v for k, v in self.cleaned_data.items() if k in bekend and v != ""
        }
        if "zoek" in gebruikt:
            gebruikt["zoek"] = gebruikt["zoek"].strip()
        return Filters(**gebruikt)

    def meldingen(self) -> list[tuple[str, str]]:
        """(label, message) for each parameter that was not used."""
        return [
            (str(self.fields[naam].label or naam), fout)
            for naam, fouten in self.errors.items()
            for fout in fouten
        ]
