"""Registration, e-mail verification and password reset; log-in is Django's own
view (see ``urls_account``) with a Dutch form. The use cases are in
``services.accounts``.

Neither registration nor a reset request reveals whether an address has an
account: both answer the same page in the same way, and the mail goes to the
owner (README, "Beveiliging"). A new account is an aanvrager; the link in the
confirmation mail confirms the address and, the first time, logs the new
user in, so a self-check's answers in the session survive. Until then the
applicant can log in and prepare a request but not submit it
(``services.verzoek_indienen`` refuses it).
"""

from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from ontheffing import services
from ontheffing.beveiliging import client_ip, normaliseer_email
from ontheffing.forms.account import (
    NieuwWachtwoordFormulier,
    RegistratieFormulier,
    WachtwoordVergetenFormulier,
)
from ontheffing.services import accounts
from ontheffing.views.zelftest import SESSIE as ZELFTEST_SESSIE
from ontheffing.views.zelftest import antwoorden_uit_sessie

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _veilig(request, volgende: str) -> str:
    if volgende and url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return reverse("aanvrager:lijst")


def _volgende(request) -> str:
    return _veilig(request, request.POST.get("next") or request.GET.get("next") or "")


def registreren(request):
    if request.user.is_authenticated:
        return redirect("start")
    form = RegistratieFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        zelftest = antwoorden_uit_sessie(request)
        volgende = request.POST.get("next") or request.GET.get("next") or ""
        if not volgende and zelftest:
            # Came from the self-check: after confirming, the request it led to.
            volgende = reverse("aanvrager:nieuw") + "?uit=zelftest"
        services.account_registreren(
            email=form.cleaned_data["email"],
            wachtwoord=form.cleaned_data["password1"],
            naam=form.cleaned_data["naam"],
            volgende=_veilig(request, volgende) if volgende else "",
            zelftest=zelftest,
        )
        return render(request, "registration/registreren_verstuurd.html")
    return render(
        request,
        "registration/registreren.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )


def bevestigen(request, token):
    try:
        bevestiging = services.email_bevestigen(token=token)
    except services.LinkVerlopen:
        return render(request, "registration/bevestigen.html", {"verlopen": True})
    except services.LinkOngeldig:
        return render(
            request, "registration/bevestigen.html", {"ongeldig": True}, status=404
        )
    gebruiker = bevestiging.gebruiker
    if (
        bevestiging.eerste_keer
        and not request.user.is_authenticated
        and gebruiker.is_active
    ):
        login(request, gebruiker, backend=MODEL_BACKEND)
    if bevestiging.zelftest and not antwoorden_uit_sessie(request):
        request.session[ZELFTEST_SESSIE] = bevestiging.zelftest
    if (
        bevestiging.eerste_keer
        and bevestiging.volgende
        and request.user.is_authenticated
        and request.user.pk == gebruiker.pk
    ):
        # Straight on to where the applicant was going (the prefilled request).
        messages.success(
            request,
            f"Uw e-mailadres {gebruiker.email} is bevestigd. U kunt nu een verzoek "
            "indienen.",
        )
        return redirect(_veilig(request, bevestiging.volgende))
    return render(
        request,
        "registration/bevestigen.html",
        {"gebruiker": gebruiker, "volgende": _veilig(request, bevestiging.volgende)},
    )


@login_required
@require_POST
def bevestiging_opnieuw(request):
    if request.user.email_bevestigd:
        messages.info(request, "Uw e-mailadres is al bevestigd.")
    else:
        services.bevestiging_opnieuw_sturen(gebruiker=request.user)
        messages.success(
            request,
            f"Wij sturen een nieuwe bevestigingslink naar {request.user.email}.",
        )
    return redirect(_volgende(request))


def wachtwoord_vergeten(request):
    """The same answer, after the same work, for known and unknown addresses."""
    form = WachtwoordVergetenFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.wachtwoord_herstel_aanvragen(
                email=form.cleaned_data["email"], client=client_ip(request)
            )
        except accounts.TeVaak:
            return render(
                request,
                "registration/password_reset_form.html",
                {"form": form, "te_vaak": True},
                status=429,
            )
        return redirect("password_reset_done")
    return render(request, "registration/password_reset_form.html", {"form": form})


class WachtwoordHerstellen(auth_views.PasswordResetConfirmView):
    """A new password through the mailed link logs the owner in and lifts a
    log-in lockout of the account, so a lockout cannot keep the owner out."""

    form_class = NieuwWachtwoordFormulier
    post_reset_login = True
    post_reset_login_backend = MODEL_BACKEND

    def form_valid(self, form):
        axes_reset(username=normaliseer_email(form.user.email))
        return super().form_valid(form)


@login_required
@require_GET
def gegevens(request):
    """'Mijn gegevens': who you are logged in as, your role and province."""
    return render(request, "registration/gegevens.html")
