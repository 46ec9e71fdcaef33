"""The case page's panel for requests by post or e-mail, corrections of the
facts and the way back from the assessment (``views/papier.py``), and the
worklist's link to register a request. Which actions show is the answer of
``permissions.mag``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django import template

from ontheffing import formatting, permissions
from ontheffing.forms import papier as f
from ontheffing.services.papier import CORRIGEERBARE_FEITEN

register = template.Library()

ACTIES = (
    "feiten_corrigeren",
    "post_verzonden",
    "aanvullen",
    "intrekken",
    "terug_naar_kwalificatie",
    "geen_ontheffing_voorstellen",
)


def weergave(veld: str, waarde) -> str:
    """A fact as a person reads it: amounts and dates in Dutch."""
    if waarde in (None, ""):
        return "(leeg)"
    if veld == "waarde":
        try:
            return formatting.bedrag(Decimal(str(waarde)))
        except InvalidOperation:
            return str(waarde)
    if veld.startswith("looptijd_"):
        try:
            return formatting.datum(
                waarde if isinstance(waarde, date) else date.fromisoformat(waarde)
            )
        except ValueError:
            return str(waarde)
    return str(waarde)


@register.simple_tag
def gecorrigeerd(verzoek) -> list[dict]:
    """The facts staff corrected, with the applicant's value and the value
    the letter uses."""
    return [
        {
            "label": CORRIGEERBARE_FEITEN[veld].capitalize(),
            "oorspronkelijk": weergave(veld, waarde),
            "nu": weergave(veld, getattr(verzoek, veld)),
        }
        for veld, waarde in (verzoek.oorspronkelijke_feiten or {}).items()
        if veld in CORRIGEERBARE_FEITEN
    ]


def _formulieren(verzoek, acties, gebonden) -> dict:
    leeg = {
        "feiten_corrigeren": lambda: f.CorrectieForm(verzoek=verzoek),
        "aanvullen": lambda: f.AanvullingRegistrerenForm(),
        "intrekken": lambda: f.IntrekkingForm(),
        "terug_naar_kwalificatie": lambda: f.TerugNaarKwalificatieForm(),
        "geen_ontheffing_voorstellen": lambda: f.GeenOntheffingForm(),
    }
    namen = {
        "aanvullen": "aanvulling_registreren",
        "intrekken": "intrekking_registreren",
    }
    formulieren = {}
    for actie, maak in leeg.items():
        if acties[actie]:
            formulieren[actie] = gebonden.get(namen.get(actie, actie)) or maak()
    return formulieren


@register.inclusion_tag("provincie/includes/papier.html", takes_context=True)
def papierpaneel(context, verzoek):
    """The case is already visible to the user (the view fetched it so)."""
    request = context.get("request")
    acties = permissions.toestemmingen(request.user, verzoek, ACTIES)
    correcties = gecorrigeerd(verzoek)
    poststukken = list(verzoek.poststukken.select_related("besluit", "gepost_door"))
    return {
        "verzoek": verzoek,
        "acties": acties,
        "formulieren": _formulieren(verzoek, acties, context.get("forms") or {}),
        "correcties": correcties,
        "poststukken": poststukken,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def mag_registreren(context) -> bool:
    """For the worklist: may this user register a request by post or e-mail."""
    request = context.get("request")
    return bool(request and permissions.mag(request.user, "papier_registreren"))
