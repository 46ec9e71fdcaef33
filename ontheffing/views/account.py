"""Registration and e-mail verification; log-in and password reset are Django's
own views (see ``urls_account``) with Dutch templates.

A new account is an aanvrager and is logged in at once, so a self-check's
answers in the session survive. Until the e-mail address is confirmed through
the signed link, the applicant can prepare a request but not submit it
(``services.verzoek_indienen`` refuses it).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from ontheffing import emails
from ontheffing.forms.account import RegistratieFormulier
from ontheffing.models import Gebruiker
from ontheffing.states import Rol

SALT = "ontheffing.email-bevestigen"
GELDIG_SECONDEN = 3 * 24 * 60 * 60


def _volgende(request) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return reverse("aanvrager:lijst")


def bevestigingstoken(gebruiker) -> str:
    return signing.dumps({"pk": gebruiker.pk, "email": gebruiker.email}, salt=SALT)


def bevestigingsmail_versturen(gebruiker) -> None:
    """Queued in the caller's transaction and sent after commit, so a
    rolled-back registration sends nothing."""
    link = settings.SITE_URL + reverse(
        "bevestigen", args=[bevestigingstoken(gebruiker)]
    )
    context = {"gebruiker": gebruiker, "link": link, "dagen": GELDIG_SECONDEN // 86400}
    tekst = render_to_string("registration/email_bevestigen.txt", context)
    emails.bevestiging_emailadres(gebruiker, tekst)


def registreren(request):
    if request.user.is_authenticated:
        return redirect("start")
    form = RegistratieFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            gebruiker = Gebruiker.objects.create_user(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                naam=form.cleaned_data["naam"],
                rol=Rol.AANVRAGER,
                email_bevestigd=False,
            )
            bevestigingsmail_versturen(gebruiker)
        login(request, gebruiker, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            f"Uw account is aangemaakt. Wij sturen een e-mail naar "
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
        gegevens = signing.loads(token, salt=SALT, max_age=GELDIG_SECONDEN)
        gebruiker = Gebruiker.objects.get(pk=gegevens["pk"], email=gegevens["email"])
    except signing.SignatureExpired:
        return render(request, "registration/bevestigen.html", {"verlopen": True})
    except (signing.BadSignature, Gebruiker.DoesNotExist, KeyError, TypeError):
        return render(
            request, "registration/bevestigen.html", {"ongeldig": True}, status=404
        )
    if not gebruiker.email_bevestigd:
        Gebruiker.objects.filter(pk=gebruiker.pk).update(email_bevestigd=True)
    return render(request, "registration/bevestigen.html", {"gebruiker": gebruiker})


@login_required
@require_POST
def bevestiging_opnieuw(request):
    if request.user.email_bevestigd:
        messages.info(request, "Uw e-mailadres is al bevestigd.")
    else:
        with transaction.atomic():
            bevestigingsmail_versturen(request.user)
        messages.success(
            request,
            f"Wij sturen een nieuwe bevestigingslink naar {request.user.email}.",
        )
    return redirect(_volgende(request))


@login_required
@require_GET
def gegevens(request):
    """'Mijn gegevens': who you are logged in as, your role and province."""
    return render(request, "registration/gegevens.html")
