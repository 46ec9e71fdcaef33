"""The self-check "Heb ik ontheffing nodig?": no log-in, one question per page.

Answers live in the session, so back and forward lose nothing and no
JavaScript is needed; the result is the qualification engine's answer."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from ontheffing import kwalificatie as kw
from ontheffing.forms import zelftest as zt
from ontheffing.models import Gemeente, Provincie

SESSIE = "zelftest"


def antwoorden_uit_sessie(request) -> dict:
    antwoorden = request.session.get(SESSIE)
    return antwoorden if isinstance(antwoorden, dict) else {}


def start(request):
    antwoorden = antwoorden_uit_sessie(request)
    open_vraag = zt.eerste_open_vraag(antwoorden)
    return render(
        request,
        "zelftest/start.html",
        {
            "begonnen": bool(antwoorden),
            "eerste": zt.VRAGEN[0].sleutel,
            "verder": open_vraag.sleutel if open_vraag else None,
        },
    )


def _buren(antwoorden: dict, sleutel: str):
    vragen = zt.van_toepassing(antwoorden)
    sleutels = [v.sleutel for v in vragen]
    index = sleutels.index(sleutel)
    vorige = sleutels[index - 1] if index > 0 else None
    volgende = sleutels[index + 1] if index + 1 < len(sleutels) else None
    return index + 1, len(sleutels), vorige, volgende


@require_http_methods(["GET", "POST"])
def vraag(request, sleutel):
    vraag = zt.VRAAG.get(sleutel)
    if vraag is None:
        raise Http404
    antwoorden = antwoorden_uit_sessie(request)
    vragen = zt.van_toepassing(antwoorden)
    if vraag not in vragen:
        return _naar_vervolg(antwoorden)
    # Earlier questions first: never ask a question whose premise is unanswered.
    for eerder in vragen[: vragen.index(vraag)]:
        if eerder.sleutel not in antwoorden:
            return redirect("zelftest:vraag", eerder.sleutel)
    form = zt.VraagForm(
        vraag,
        request.POST if request.method == "POST" else None,
        initial={"antwoord": antwoorden.get(sleutel)},
    )
    if request.method == "POST" and form.is_valid():
        antwoorden[sleutel] = form.cleaned_data["antwoord"]
        request.session[SESSIE] = antwoorden
        return _naar_vervolg(antwoorden, na=sleutel)
    _, _, vorige, _ = _buren(antwoorden, sleutel)
    return render(
        request,
        "zelftest/vraag.html",
        {
            "form": form,
            "vraag": vraag,
            "voortgang": zt.voortgang(antwoorden, sleutel),
            "vorige": vorige,
        },
    )


def _naar_vervolg(antwoorden: dict, na: str | None = None):
    """The next question to answer: after ``na`` if given, else the first open one."""
    vragen = zt.van_toepassing(antwoorden)
    if na is not None:
        sleutels = [v.sleutel for v in vragen]
        if na in sleutels and sleutels.index(na) + 1 < len(sleutels):
            return redirect("zelftest:vraag", sleutels[sleutels.index(na) + 1])
    open_vraag = zt.eerste_open_vraag(antwoorden)
    if open_vraag is not None:
        return redirect("zelftest:vraag", open_vraag.sleutel)
    return redirect("zelftest:uitslag")


def _provincie(antwoorden: dict) -> Provincie | None:
    a = zt.geldige_antwoorden(antwoorden)
    try:
        if "gemeente" in a:
            return (
                Gemeente.objects.select_related("provincie")
                .get(pk=a["gemeente"])
                .provincie
            )
        if "provincie" in a:
            return Provincie.objects.get(pk=a["provincie"])
    except (Gemeente.DoesNotExist, Provincie.DoesNotExist, ValueError):
        return None
    return None


def _bevoegd(kwalificatie: kw.Kwalificatie, provincie: Provincie | None) -> str:
    """Who decides, named as the applicant would address them."""
    gezag = kwalificatie.bevoegd_gezag
    if gezag == kw.BevoegdGezag.GEDEPUTEERDE_STATEN:
        return f"Gedeputeerde Staten van {provincie.naam}" if provincie else gezag.label
    if gezag == kw.BevoegdGezag.COMMISSARIS_VAN_DE_KONING:
        return (
            f"de Commissaris van de Koning in {provincie.naam}"
            if provincie
            else gezag.label
        )
    if gezag == kw.BevoegdGezag.MINISTER_BZK:
        return "de minister van Binnenlandse Zaken en Koninkrijksrelaties"
    return ""


def uitslag(request):
    antwoorden = antwoorden_uit_sessie(request)
    open_vraag = zt.eerste_open_vraag(antwoorden)
    if open_vraag is not None:
        return redirect("zelftest:vraag", open_vraag.sleutel)
    kwalificatie = kw.kwalificeer(zt.feiten(antwoorden))
    provincie = _provincie(antwoorden)
    U = kw.Uitkomst
    bij_provincie = kwalificatie.bevoegd_gezag in (
        kw.BevoegdGezag.GEDEPUTEERDE_STATEN,
        kw.BevoegdGezag.COMMISSARIS_VAN_DE_KONING,
    )
    laatste = zt.van_toepassing(antwoorden)[-1].sleutel
    return render(
        request,
        "zelftest/uitslag.html",
        {
            "k": kwalificatie,
            "geen_ontheffing_nodig": kwalificatie.uitkomst == U.NIET_VERBODEN,
            "niet_ontheffbaar": kwalificatie.uitkomst == U.VERBODEN_NIET_ONTHEFFBAAR,
            "ontheffing_nodig": kwalificatie.uitkomst == U.VERBODEN_ONTHEFFBAAR,
            "ander_gezag": kwalificatie.uitkomst == U.ONBEVOEGD,
            "naar_minister": kwalificatie.bevoegd_gezag == kw.BevoegdGezag.MINISTER_BZK,
            "provincie": provincie,
            "bevoegd": _bevoegd(kwalificatie, provincie),
            "kan_aanvragen": bij_provincie
            and kwalificatie.uitkomst in (U.VERBODEN_ONTHEFFBAAR, U.ONZEKER),
            "is_raadslid": zt.geldige_antwoorden(antwoorden).get("ambt")
            == kw.Ambt.RAADSLID,
            "antwoorden": _samenvatting(antwoorden),
            "laatste": laatste,
            "aanvraag_url": reverse("aanvrager:nieuw") + "?uit=zelftest",
        },
    )


def _samenvatting(antwoorden: dict) -> list[tuple[str, str, str]]:
    """(question, answer as chosen, key) for the answers that counted."""
    regels = []
    geldig = zt.geldige_antwoorden(antwoorden)
    for vraag in zt.van_toepassing(antwoorden):
        if vraag.sleutel in geldig:
            labels = dict((str(k), v) for k, v in vraag.keuzes())
            regels.append(
                (
                    vraag.tekst,
                    labels.get(str(geldig[vraag.sleutel]), "?"),
                    vraag.sleutel,
                )
            )
    return regels


@require_POST
def opnieuw(request):
    request.session.pop(SESSIE, None)
    return redirect("zelftest:vraag", zt.VRAGEN[0].sleutel)
