"""The check behind ``audit_controleren``: every hash chain (all its breaks),
the keyed seal over each chain's head and each issued letter, every stored
document against its SHA-256, and the last checkpoint written outside the
database. Each finding is a Dutch sentence that names the case (or province).
See README, "Audit en manipulatie"."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from ontheffing import zegels
from ontheffing.models import (
    Beheergebeurtenis,
    Besluit,
    Bijlage,
    Gebeurtenis,
    Provincie,
    Staptelling,
    Verzoek,
    Zegel,
)
from ontheffing.models.audit import brief_bericht, ketenbreuken

# Sent after a checkpoint was appended to the file, with ``pad`` and ``regel``
# (the JSON line): a receiver may also send it to an archive address.
controlepunt_geschreven = Signal()


@dataclass
class Uitslag:
    fouten: list[str] = field(default_factory=list)
    aantallen: dict[str, int] = field(default_factory=dict)
    ketens: dict[str, list] = field(default_factory=dict)
    besluiten: dict[str, list] = field(default_factory=dict)
    meldingen: list[str] = field(default_factory=list)
    # The kenmerk each finding is about (None for the whole record), in the
    # order of ``fouten``: the log names the case, never more personal data.
    kenmerken: list[str | None] = field(default_factory=list)
    verzoekkenmerken: dict[int, str] = field(default_factory=dict)

    def fout(self, tekst: str, verzoek_id: int | None = None) -> None:
        self.fouten.append(tekst)
        self.kenmerken.append(
            None
            if verzoek_id is None
            else self.verzoekkenmerken.get(verzoek_id) or f"id {verzoek_id}"
        )


def _hashes(model, keten: str, sleutel) -> list[str]:
    return list(
        model.objects.filter(**{f"{keten}_id": sleutel})
        .order_by("pk")
        .values_list("hash", flat=True)
    )


def controleren(controlepunt: str | Path | None = None) -> Uitslag:
    uitslag = Uitslag()
    zegelrijen = {(z.soort, z.sleutel): z for z in Zegel.objects.all()}
    uitslag.verzoekkenmerken = dict(Verzoek.objects.values_list("pk", "kenmerk"))
    namen = {
        pk: f"verzoek {kenmerk or f'met id {pk}'}"
        for pk, kenmerk in uitslag.verzoekkenmerken.items()
    }
    provincies = dict(Provincie.objects.values_list("pk", "naam"))
    ketens = (
        (Gebeurtenis, "verzoek", "gebeurtenis", namen),
        (
            Beheergebeurtenis,
            "provincie",
            "beheergebeurtenis",
            {pk: f"beheer van {naam}" for pk, naam in provincies.items()},
        ),
    )
    for model, soort, naam, ketennamen in ketens:
        _ketens_controleren(uitslag, model, soort, naam, ketennamen, zegelrijen)
    _besluiten_controleren(uitslag, namen, zegelrijen)
    _bijlagen_controleren(uitslag, namen)
    _tellingen_controleren(uitslag)
    uitslag.aantallen = {
        "verzoeken": len(namen),
        "gebeurtenissen": Gebeurtenis.objects.count(),
        "beheergebeurtenissen": Beheergebeurtenis.objects.count(),
        "besluiten": Besluit.objects.count(),
        "bijlagen": Bijlage.objects.count(),
    }
    if controlepunt:
        _controlepunt_controleren(uitslag, Path(controlepunt), namen, provincies)
    return uitslag


def _naam(namen, pk, soort="verzoek"):
    return namen.get(pk) or f"{soort} met id {pk} (bestaat niet meer)"


def _ketens_controleren(uitslag, model, soort, naam, namen, zegelrijen):
    sleutels = (
        model.objects.order_by(f"{soort}_id")
        .values_list(f"{soort}_id", flat=True)
        .distinct()
    )
    gezien = set()
    for sleutel in sleutels:
        gezien.add(sleutel)
        wie = _naam(namen, sleutel, soort)
        records = list(model.objects.filter(**{f"{soort}_id": sleutel}).order_by("pk"))
        verzoek_id = sleutel if soort == "verzoek" else None
        for breuk in ketenbreuken(records, naam):
            uitslag.fout(f"{wie}: {breuk}", verzoek_id)
        aantal, kop = len(records), records[-1].hash
        uitslag.ketens[f"{soort}:{sleutel}"] = [aantal, kop]
        rij = zegelrijen.get((soort, sleutel))
        if rij is None:
            uitslag.fout(f"{wie}: de keten heeft geen zegel", verzoek_id)
        elif not zegels.klopt(
            zegels.ketenbericht(soort, sleutel, rij.aantal, rij.kop), rij.zegel
        ):
            uitslag.fout(
                f"{wie}: het zegel van de keten is niet met de sleutel gemaakt",
                verzoek_id,
            )
        elif (rij.aantal, rij.kop) != (aantal, kop):
            uitslag.fout(
                f"{wie}: de keten wijkt af van haar zegel (verzegeld {rij.aantal} "
                f"{naam}(en), nu {aantal}): gebeurtenissen verwijderd, buiten de "
                "toepassing om toegevoegd of de keten herberekend",
                verzoek_id,
            )
    for (rij_soort, sleutel), rij in zegelrijen.items():
        if rij_soort == soort and sleutel not in gezien:
            uitslag.fout(
                f"{_naam(namen, sleutel, soort)}: alle {rij.aantal} {naam}(en) van "
                "de verzegelde keten ontbreken",
                sleutel if soort == "verzoek" else None,
            )


def _besluiten_controleren(uitslag, namen, zegelrijen):
    gezien = set()
    for besluit in Besluit.objects.order_by("pk").iterator():
        gezien.add(besluit.pk)
        wie = f"{_naam(namen, besluit.verzoek_id)}: besluit {besluit.kenmerk} ({besluit.pk})"
        uitslag.besluiten[str(besluit.pk)] = [besluit.verzoek_id, besluit.sha256]
        if not besluit.integer():
            uitslag.fout(
                f"{wie}: PDF wijkt af van de opgeslagen SHA-256", besluit.verzoek_id
            )
        rij = zegelrijen.get(("besluit", besluit.pk))
        if rij is None:
            uitslag.fout(f"{wie}: de brief heeft geen zegel", besluit.verzoek_id)
        elif not zegels.klopt(brief_bericht(besluit), rij.zegel):
            uitslag.fout(
                f"{wie}: PDF, HTML of uitkomst wijkt af van het zegel van de brief",
                besluit.verzoek_id,
            )
    for (soort, sleutel), rij in zegelrijen.items():
        if soort == "besluit" and sleutel not in gezien:
            uitslag.fout(
                f"{_naam(namen, rij.verzoek_pk)}: verzegeld besluit {sleutel} ontbreekt",
                rij.verzoek_pk,
            )


def _bijlagen_controleren(uitslag, namen):
    for bijlage in Bijlage.objects.order_by("pk").iterator():
        wie = (
            f"{_naam(namen, bijlage.verzoek_id)}: document "
            f"'{bijlage.bestandsnaam}' (bijlage {bijlage.pk})"
        )
        try:
            with default_storage.open(bijlage.bestand.name, "rb") as bestand:
                digest = hashlib.sha256()
                for blok in iter(lambda b=bestand: b.read(1 << 20), b""):
                    digest.update(blok)
        except (FileNotFoundError, OSError):
            uitslag.fout(
                f"{wie}: het bestand ontbreekt in de opslag", bijlage.verzoek_id
            )
            continue
        if digest.hexdigest() != bijlage.sha256:
            uitslag.fout(
                f"{wie}: het bestand wijkt af van de opgeslagen SHA-256",
                bijlage.verzoek_id,
            )


def _tellingen_controleren(uitslag):
    with transaction.atomic():
        onjuist = Staptelling.herbereken()
        transaction.set_rollback(True)  # only look; tellingen_herberekenen repairs
    if onjuist:
        uitslag.fout(
            f"{onjuist} tellingen per stap wijken af van de verzoeken "
            "(herstel met manage.py tellingen_herberekenen)"
        )


# ------------------------------------------------------------ checkpoints


def _inhoud(punt: dict) -> str:
    rest = {k: v for k, v in punt.items() if k != "zegel"}
    return "controlepunt:" + json.dumps(rest, sort_keys=True, cls=DjangoJSONEncoder)


def controlepunt_schrijven(uitslag: Uitslag, pad: str | Path) -> dict:
    """Append the chain heads and counts of a clean check as one JSON line."""
    punt = {
        "tijdstip": timezone.now().isoformat(),
        "aantallen": uitslag.aantallen,
        "ketens": uitslag.ketens,
        "besluiten": uitslag.besluiten,
    }
    punt["zegel"] = zegels.zegel(_inhoud(punt))
    regel = json.dumps(punt, sort_keys=True)
    pad = Path(pad)
    pad.parent.mkdir(parents=True, exist_ok=True)
    with pad.open("a", encoding="utf-8") as bestand:
        bestand.write(regel + "\n")
        bestand.flush()
        os.fsync(bestand.fileno())
    controlepunt_geschreven.send(sender=None, pad=pad, regel=regel)
    return punt


def laatste_controlepunt(pad: Path) -> dict | None:
    regels = [r for r in pad.read_text(encoding="utf-8").splitlines() if r.strip()]
    return json.loads(regels[-1]) if regels else None


def _controlepunt_controleren(uitslag, pad: Path, namen, provincies):
    if not pad.exists():
        uitslag.meldingen.append(f"Nog geen controlepunt in {pad}.")
        return
    try:
        punt = laatste_controlepunt(pad)
    except (ValueError, OSError) as exc:
        uitslag.fout(f"controlepunt {pad} is onleesbaar: {exc}")
        return
    if punt is None:
        uitslag.meldingen.append(f"Nog geen controlepunt in {pad}.")
        return
    if not zegels.klopt(_inhoud(punt), punt.get("zegel", "")):
        uitslag.fout(
            f"controlepunt van {punt.get('tijdstip')} is niet met de sleutel gemaakt"
        )
        return
    tijdstip = punt["tijdstip"]
    for soort, aantal in punt["aantallen"].items():
        # Documents of a concept may go; what is recorded and issued only grows.
        if soort != "bijlagen" and uitslag.aantallen.get(soort, 0) < aantal:
            uitslag.fout(
                f"er zijn nu {uitslag.aantallen.get(soort, 0)} {soort}, minder dan de "
                f"{aantal} van het controlepunt van {tijdstip}"
            )
    for sleutel, (aantal, kop) in punt["ketens"].items():
        soort, pk = sleutel.split(":")
        pk = int(pk)
        wie = (
            _naam(namen, pk)
            if soort == "verzoek"
            else f"beheer van {provincies.get(pk, f'provincie met id {pk}')}"
        )
        nu, nu_kop = uitslag.ketens.get(sleutel, [0, ""])
        if nu == aantal:
            doorgelopen = nu_kop == kop
        else:
            model = Gebeurtenis if soort == "verzoek" else Beheergebeurtenis
            hashes = _hashes(model, soort, pk) if nu > aantal else []
            doorgelopen = len(hashes) >= aantal and hashes[aantal - 1] == kop
        if not doorgelopen:
            uitslag.fout(
                f"{wie}: de keten loopt niet meer door het controlepunt van {tijdstip} "
                f"({aantal} gebeurtenissen, laatste {kop[:12]}…)"
            )
    for pk, (verzoek_pk, sha256) in punt["besluiten"].items():
        if uitslag.besluiten.get(pk, [None, None])[1] != sha256:
            uitslag.fout(
                f"{_naam(namen, verzoek_pk)}: besluit {pk} uit het controlepunt van "
                f"{tijdstip} ontbreekt of is gewijzigd"
            )
    uitslag.meldingen.append(f"Vergeleken met het controlepunt van {tijdstip}.")
