"""Use case on the outbox: a failed message is sent again ("opnieuw versturen")."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from ontheffing import bezorging
from ontheffing.models.bericht import Bericht, Bezorgstatus
from ontheffing.services.base import GeenToegang, NietNu


def bericht_opnieuw_versturen(*, user, bericht: Bericht) -> Bericht:
    """A fresh series of attempts for a message that failed; recorded on the
    message (who asked), and its earlier attempts stay."""
    if not Bericht.objects.zichtbaar_voor(user).filter(pk=bericht.pk).exists():
        raise GeenToegang("U mag dit bericht niet opnieuw versturen.")
    with transaction.atomic():
        bijgewerkt = Bericht.objects.filter(
            pk=bericht.pk, status=Bezorgstatus.MISLUKT
        ).update(
            status=Bezorgstatus.WACHTEND,
            pogingnummer=0,
            volgende_poging_op=None,
            opnieuw_door=user,
        )
        if not bijgewerkt:
            raise NietNu("Dit bericht is niet mislukt; het hoeft niet opnieuw.")
        bezorging.taak_plaatsen(bericht)
        if settings.BEZORGING_NA_COMMIT:
            transaction.on_commit(lambda: bezorging.versturen(bericht.pk))
    bericht.refresh_from_db()
    return bericht
