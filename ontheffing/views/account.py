"""Registration, e-mail verification and password reset; log-in is Django's own
view (see ``urls_account``) with a Dutch form.

Neither registration nor a reset request reveals whether an address has an
account: both answer the same page in the same way, and the mail goes to the
owner (README, "Beveiliging"). A new account is an aanvrager; the link in the
confirmation mail confirms the address and, the first time, logs the new
user in, so a self-check's answers in the session survive. Until then the
applicant can log in and prepare a request but not submit it
(``services.verzoek_indienen`` refuses it).
"""

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_encode
from django.views.decorators.http import require_GET, require_POST

from ontheffing import emails
from ontheffing.beveiliging import client_ip, herstel_toegestaan, normaliseer_email
from ontheffing.forms.account import (
    NieuwWachtwoordFormulier,
    RegistratieFormulier,
    WachtwoordVergetenFormulier,
)
from ontheffing.models import Gebruiker
from ontheffing.states import Rol

SALT = "ontheffing.email-bevestigen"
GELDIG_SECONDEN = 3 * 24 * 60 * 60
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _veilig(request, volgende: str) -> str:
    if volgende and url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return reverse("aanvrager:lijst")


def _volgende(request) -> str:
    return _veilig(request, request.POST.get("next") or request.GET.get("next") or "")


def bevestigingstoken(gebruiker, volgende: str = "") -> str:
    return signing.dumps(
        {"pk": gebruiker.pk, "email": gebruiker.email, "next": volgende}, salt=SALT
    )


def bevestigingsmail_versturen(gebruiker, volgende: str = "") -> None:
    """Queued in the caller's transaction and sent by the worker after commit,
    so a rolled-back registration sends nothing."""
    link = settings.SITE_URL + reverse(
        "bevestigen", args=[bevestigingstoken(gebruiker, volgende)]
    )
    emails.email_bevestigen(gebruiker, link, GELDIG_SECONDEN // 86400)


def registreren(request):
    if request.user.is_authenticated:
        return redirect("start")
    form = RegistratieFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        with transaction.atomic():
            bestaand = Gebruiker.objects.filter(email__iexact=email).first()
            if bestaand is None:
                gebruiker = Gebruiker.objects.create_user(
                    email=email,
                    password=form.cleaned_data["password1"],
                    naam=form.cleaned_data["naam"],
                    rol=Rol.AANVRAGER,
                    email_bevestigd=False,
                )
                bevestigingsmail_versturen(gebruiker, _volgende(request))
            else:
                # As much work as a new account (the hash is most of it).
                make_password(form.cleaned_data["password1"])
                emails.account_bestaat_al(bestaand)
        return render(request, "registration/registreren_verstuurd.html")
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
    eerste_keer = not gebruiker.email_bevestigd
    if eerste_keer:
        Gebruiker.objects.filter(pk=gebruiker.pk).update(email_bevestigd=True)
        if not request.user.is_authenticated and gebruiker.is_active:
            login(request, gebruiker, backend=MODEL_BACKEND)
    return render(
        request,
        "registration/bevestigen.html",
        {"gebruiker": gebruiker, "volgende": _veilig(request, gegevens.get("next"))},
    )


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


def _herstellink(gebruiker) -> str:
    return settings.SITE_URL + reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(gebruiker.pk)),
            "token": default_token_generator.make_token(gebruiker),
        },
    )


def wachtwoord_vergeten(request):
    """The same answer, after the same work, for known and unknown addresses;
    at most HERSTEL_PER_ADRES requests per address and HERSTEL_PER_CLIENT per
    client an hour."""
    form = WachtwoordVergetenFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = normaliseer_email(form.cleaned_data["email"])
        if not herstel_toegestaan(email=email, client=client_ip(request)):
            return render(
                request,
                "registration/password_reset_form.html",
                {"form": form, "te_vaak": True},
                status=429,
            )
        gebruiker = Gebruiker.objects.filter(
            email__iexact=email, is_active=True
        ).first()
        if gebruiker is not None and gebruiker.has_usable_password():
            link = _herstellink(gebruiker)
            emails.wachtwoord_herstellen(gebruiker, link)
        else:
            _herstellink(Gebruiker(email=email))
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
