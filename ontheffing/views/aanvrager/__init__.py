"""The applicant's pages: my requests, the request form, the case page,
answering a request for information, giving a view (zienswijze), withdrawing.

Thin views: the case comes from ``Verzoek.objects.zichtbaar_voor(user)``, every
change is one service call. ``services.GeenToegang`` is a ``PermissionDenied``
(403); ``services.NietNu`` becomes a message and a redirect. Staff use their
own pages and get 403 here."""

from ontheffing.views.aanvrager.basis import aanvrager_vereist
from ontheffing.views.aanvrager.formulier import (
    bewerken,
    controleren,
    indienen,
    ingediend,
    lijst,
    nieuw,
)
from ontheffing.views.aanvrager.zaak import (
    aanvullen,
    intrekken,
    verzoek,
    voorbeelddocument,
    zienswijze,
)

__all__ = [
    "aanvrager_vereist",
    "aanvullen",
    "bewerken",
    "controleren",
    "indienen",
    "ingediend",
    "intrekken",
    "lijst",
    "nieuw",
    "verzoek",
    "voorbeelddocument",
    "zienswijze",
]
