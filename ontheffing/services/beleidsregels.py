"""Use cases of a province's beheerder for its beleidsregel: versions with their
criteria and voorschriften. A version once used in an assessment is never
changed, only succeeded (a new version copies the latest one)."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction

from ontheffing.models import (
    Beheeractie,
    Beleidsregel,
    Criterium,
    OnveranderbaarError,
    Provincie,
)
from ontheffing.services.base import NietNu
from ontheffing.services.beheer import beheerder_van, vastleggen, verschil_toepassen

CRITERIUMVELDEN = ("volgorde", "code", "titel", "vraag", "toelichting")


def beleidsregel_aanmaken(
    *, user, provincie: Provincie, geldig_vanaf: date, titel: str
) -> Beleidsregel:
    """A new version, copying the criteria and voorschriften of the latest one."""
    beheerder_van(user, provincie.pk)
    huidige = (
        Beleidsregel.objects.filter(provincie=provincie).order_by("-versie").first()
    )
    versie = (huidige.versie if huidige else 0) + 1
    try:
        with transaction.atomic():
            regel = _versie_maken(user, provincie, huidige, versie, geldig_vanaf, titel)
    except IntegrityError as exc:  # uniek_versie: someone else was just first
        raise NietNu(
            "Intussen is een andere nieuwe versie gemaakt; probeer het opnieuw."
        ) from exc
    return regel


def _versie_maken(user, provincie, huidige, versie, geldig_vanaf, titel):
    regel = Beleidsregel.objects.create(
        provincie=provincie,
        versie=versie,
        aangemaakt_door=user,
        geldig_vanaf=geldig_vanaf,
        titel=titel,
        voorschriften=list(huidige.voorschriften) if huidige else [],
    )
    details = {
        "versie": {"oud": None, "nieuw": versie},
        "titel": {"oud": None, "nieuw": titel},
        "geldig_vanaf": {"oud": None, "nieuw": geldig_vanaf},
    }
    if huidige:
        Criterium.objects.bulk_create(
            Criterium(beleidsregel=regel, **{v: getattr(c, v) for v in CRITERIUMVELDEN})
            for c in huidige.criteria.all()
        )
        details["overgenomen_van"] = huidige.versie
    vastleggen(
        provincie.pk,
        user,
        Beheeractie.BELEIDSREGEL_AANGEMAAKT,
        f"{titel}, versie {versie}",
        details,
    )
    return regel


def beleidsregel_wijzigen(
    *,
    user,
    beleidsregel: Beleidsregel,
    titel: str,
    geldig_vanaf: date,
    voorschriften: list[str],
    criteria: list[dict],
) -> Beleidsregel:
    """Replace the content of a version not yet applied to a case. ``criteria`` is
    the complete new list: dicts of ``CRITERIUMVELDEN`` with ``pk`` for an existing
    criterion; an existing criterion left out is deleted."""
    beheerder_van(user, beleidsregel.provincie_id)
    try:
        with transaction.atomic():
            regel = Beleidsregel.objects.select_for_update().get(pk=beleidsregel.pk)
            if regel.in_gebruik:
                raise OnveranderbaarError
            details = verschil_toepassen(
                regel,
                {
                    "titel": titel,
                    "geldig_vanaf": geldig_vanaf,
                    "voorschriften": [v.strip() for v in voorschriften if v.strip()],
                },
            )
            if details:
                regel.save()
            wijzigingen = _criteria_vervangen(regel, criteria)
            if wijzigingen:
                details["criteria"] = wijzigingen
            if details:
                vastleggen(
                    regel.provincie_id,
                    user,
                    Beheeractie.BELEIDSREGEL_GEWIJZIGD,
                    f"{regel.titel}, versie {regel.versie}",
                    details,
                )
    except OnveranderbaarError as exc:
        raise NietNu(
            "Deze versie is al toegepast en kan niet meer worden gewijzigd; "
            "maak een nieuwe versie."
        ) from exc
    except IntegrityError as exc:
        raise NietNu(
            "Opslaan is niet gelukt: controleer of elke code uniek is."
        ) from exc
    return regel


def _criteria_vervangen(regel: Beleidsregel, criteria: list[dict]) -> list[dict]:
    """Delete, change, then add; return ``{"oud", "nieuw"}`` per changed criterion
    (``None`` for one added or deleted)."""
    bestaande = {c.pk: c for c in regel.criteria.all()}
    gehouden = {c["pk"] for c in criteria if c.get("pk")}
    if not gehouden <= set(bestaande):
        raise NietNu("Een criterium hoort niet bij deze versie.")
    wijzigingen = []

    def waarden(c):
        return {v: getattr(c, v) for v in CRITERIUMVELDEN}

    for pk, c in bestaande.items():
        if pk not in gehouden:
            wijzigingen.append({"oud": waarden(c), "nieuw": None})
            c.delete()
    for nieuw in criteria:
        velden = {v: nieuw[v] for v in CRITERIUMVELDEN if v in nieuw}
        if nieuw.get("pk"):
            c = bestaande[nieuw["pk"]]
            verschil = verschil_toepassen(c, velden)
            if verschil:
                c.save()
                oud = {"code": verschil.get("code", {}).get("oud", c.code)}
                wijzigingen.append(
                    {
                        "oud": oud | {v: w["oud"] for v, w in verschil.items()},
                        "nieuw": {"code": c.code}
                        | {v: w["nieuw"] for v, w in verschil.items()},
                    }
                )
        else:
            c = Criterium.objects.create(beleidsregel=regel, **velden)
            wijzigingen.append({"oud": None, "nieuw": waarden(c)})
    return wijzigingen
