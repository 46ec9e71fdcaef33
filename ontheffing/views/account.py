"""Registration and e-mail verification; log-in and password reset are Django's
own views (see ``urls_account``) with Dutch templates.

A new account is an aanvrager and is logged in at once, so a self-check's
answers in the session survive. Until the e-mail address is confirmed through
the signed link, the applicant can prepare a request but not submit it
(``services.verzoek_indienen`` refuses it).
"""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from ontheffing import services
from ontheffing.forms.account import RegistratieFormulier


def _volgende(request) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return reverse("aanvrager:lijst")


def registreren(request):
    if request.user.is_authenticated:
        return redirect("start")
    form = RegistratieFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        gebruiker = services.account_registreren(
            email=form.cleaned_data["email"],
            wachtwoord=form.cleaned_data["password1"],
            naam=form.cleaned_data["naam"],
        )
        login(request, gebruiker, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            f"Uw account is aangemaakt. Wij hebben een e-mail gestuurd naar "
            f"{gebruiker.email}. Klik op de link in die e-mail om uw e-mailadres te "
            "bevestigen. Tot die tijd kunt u een verzoek wel voorbereiden, maar nog "
            "niet indienen.",
        )
        return redirect(_volgende(request))
    return render(
        request,
        "registration/registreren.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )


def bevestigen(request, token):
    try:
        gebruiker = services.email_bevestigen(token=token)
    except services.LinkVerlopen:
        return render(request, "registration/bevestigen.html", {"verlopen": True})
    except services.LinkOngeldig:
        return render(
            request, "registration/bevestigen.html", {"ongeldig": True}, status=404
        )
    return render(request, "registration/bevestigen.html", {"gebruiker": gebruiker})


@login_required
@require_POST
def bevestiging_opnieuw(request):
    if request.user.email_bevestigd:
        messages.info(request, "Uw e-mailadres is al bevestigd.")
    else:
        services.bevestiging_opnieuw_sturen(gebruiker=request.user)
        messages.success(
            request,
            f"Wij hebben een nieuwe bevestigingslink gestuurd naar {request.user.email}.",
        )
    return redirect(_volgende(request))


@login_required
@require_GET
def gegevens(request):
    """'Mijn gegevens': who you are logged in as, your role and province."""
    return render(request, "registration/gegevens.html")
