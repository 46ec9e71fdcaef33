"""The pages behind the footer: contact, the privacy statement and the
accessibility statement, as Dutch government services must have them. A
province replaces the default texts with its own in Beheer; ``?provincie=``
(its CBS code) shows that province's."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ontheffing.models import Provincie


def _provincie(request) -> Provincie | None:
    code = request.GET.get("provincie", "")
    return Provincie.objects.filter(code=code).first() if code else None


def _alineas(tekst: str) -> list[str]:
    return [a.strip() for a in tekst.replace("\r\n", "\n").split("\n\n") if a.strip()]


@require_GET
def contact(request):
    gekozen = _provincie(request)
    provincies = [gekozen] if gekozen else list(Provincie.objects.order_by("naam"))
    return render(
        request,
        "voet/contact.html",
        {"provincies": provincies, "voet_provincie": gekozen},
    )


def _verklaring(request, veld: str, sjabloon: str):
    gekozen = _provincie(request)
    eigen = _alineas(getattr(gekozen, veld)) if gekozen else []
    return render(
        request,
        sjabloon,
        {
            "voet_provincie": gekozen,
            "eigen_tekst": eigen,
            "met_eigen_tekst": Provincie.objects.exclude(**{veld: ""}).order_by("naam")
            if not gekozen
            else [],
        },
    )


@require_GET
def privacy(request):
    return _verklaring(request, "privacyverklaring", "voet/privacy.html")


@require_GET
def toegankelijkheid(request):
    return _verklaring(
        request, "toegankelijkheidsverklaring", "voet/toegankelijkheid.html"
    )
