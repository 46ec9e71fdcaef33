"""Which identity-provider group means which role in which province.

Configured in ``OIDC_ROLLEN`` as ``groep=rol:PROVINCIECODE`` entries separated
by ``;`` (a group may be a distinguished name with commas and ``=``). The first
entry whose group the user has decides; no entry means no access. Mandates are
not groups: they stay in the application (artikel 10:10 Awb).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from ontheffing.states import Rol

MEDEWERKERSROLLEN = (Rol.BEHANDELAAR, Rol.BESLISSER, Rol.BEHEERDER)


@dataclass(frozen=True)
class Toewijzing:
    rol: str
    provincie_code: str


def toewijzingen(tekst: str) -> list[tuple[str, Toewijzing]]:
    regels = []
    for deel in tekst.replace("\n", ";").split(";"):
        deel = deel.strip()
        if not deel:
            continue
        groep, _, doel = deel.rpartition("=")
        rol, _, code = doel.partition(":")
        rol, code, groep = rol.strip().lower(), code.strip().upper(), groep.strip()
        if not groep or rol not in MEDEWERKERSROLLEN or not code:
            raise ImproperlyConfigured(
                f"OIDC_ROLLEN: '{deel}' is geen 'groep=rol:PROVINCIECODE' met rol "
                f"{', '.join(MEDEWERKERSROLLEN)}."
            )
        regels.append((groep, Toewijzing(rol=rol, provincie_code=code)))
    return regels


def toewijzing_voor(groepen) -> Toewijzing | None:
    if isinstance(groepen, str):
        groepen = [groepen]
    aanwezig = {str(groep) for groep in groepen or ()}
    for groep, toewijzing in toewijzingen(settings.OIDC_ROLLEN):
        if groep in aanwezig:
            return toewijzing
    return None
