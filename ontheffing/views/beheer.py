"""Beheer of one province by its beheerder: staff, letterhead, waterschappen and
regelingen, and the versions of the beleidsregel. Nothing of another province
is visible (404); other roles get 403."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.decorators.http import require_http_methods

from ontheffing.forms import beheer as f
from ontheffing.models import (
    Beleidsregel,
    Criterium,
    Gebeurtenis,
    Gebruiker,
    OnveranderbaarError,
    Regeling,
    Waterschap,
)
from ontheffing.states import Rol


def beheerder(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.rol != Rol.BEHEERDER or request.user.provincie_id is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _medewerkers(user):
    return Gebruiker.objects.filter(provincie_id=user.provincie_id).exclude(
        rol=Rol.AANVRAGER
    )


@require_http_methods(["GET"])
@beheerder
def overzicht(request):
    return render(request, "beheer/overzicht.html", {
        "provincie": request.user.provincie,
        "medewerkers": _medewerkers(request.user).order_by("-is_active", "naam"),
    })  # fmt: skip


def _uitnodiging_sturen(request, user):
    """A link to set a password: Django's password-reset token, valid once."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    pad = reverse("password_reset_confirm", args=[uid, token])
    link = getattr(settings, "SITE_URL", "") or request.build_absolute_uri("/")[:-1]
    tekst = render_to_string("beheer/uitnodiging.txt", {
        "user": user, "link": link + pad, "provincie": request.user.provincie,
        "uitnodiger": request.user,
    })  # fmt: skip
    send_mail(
        "Uitnodiging: ontheffing verboden handelingen",
        tekst,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )


@require_http_methods(["GET", "POST"])
@beheerder
def uitnodigen(request):
    form = f.UitnodigenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        user.provincie = request.user.provincie
        user.email_bevestigd = True
        user.set_unusable_password()
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:
            form.add_error("email", "Er bestaat al een account met dit e-mailadres.")
        else:
            transaction.on_commit(lambda: _uitnodiging_sturen(request, user))
            messages.success(request, f"{user.naam} is uitgenodigd via {user.email}.")
            return redirect("provincie:beheer")
    return render(request, "beheer/medewerker.html", {"form": form, "nieuw": True})


@require_http_methods(["GET", "POST"])
@beheerder
def medewerker(request, pk):
    collega = get_object_or_404(_medewerkers(request.user), pk=pk)
    form = f.MedewerkerForm(request.POST or None, instance=collega)
    if request.method == "POST" and form.is_valid():
        if collega.pk == request.user.pk and (
            not form.cleaned_data["is_active"]
            or form.cleaned_data["rol"] != Rol.BEHEERDER
        ):
            form.add_error(
                None, "U kunt uzelf niet deactiveren of uw eigen rol wijzigen."
            )
        else:
            form.save()
            messages.success(
                request, f"De gegevens van {collega.naam} zijn opgeslagen."
            )
            return redirect("provincie:beheer")
    heeft_gehandeld = Gebeurtenis.objects.filter(actor=collega).exists()
    return render(request, "beheer/medewerker.html", {
        "form": form, "collega": collega, "heeft_gehandeld": heeft_gehandeld,
    })  # fmt: skip


@require_http_methods(["GET", "POST"])
@beheerder
def provincie_gegevens(request):
    form = f.ProvincieForm(
        request.POST or None, request.FILES or None, instance=request.user.provincie
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "De gegevens voor het briefhoofd zijn opgeslagen.")
        return redirect("provincie:beheer")
    return render(request, "beheer/provincie.html", {"form": form})


@require_http_methods(["GET", "POST"])
@beheerder
def lichamen(request):
    provincie = request.user.provincie
    form = f.LichaamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        model = Waterschap if form.cleaned_data["soort"] == "waterschap" else Regeling
        naam = form.cleaned_data["naam"].strip()
        _, nieuw = model.objects.get_or_create(provincie=provincie, naam=naam)
        if nieuw:
            messages.success(request, f"{naam} is toegevoegd.")
            return redirect("provincie:beheer_lichamen")
        form.add_error("naam", f"{naam} staat er al.")
    return render(request, "beheer/lichamen.html", {
        "form": form,
        "waterschappen": provincie.waterschappen.all(),
        "regelingen": provincie.regelingen.all(),
    })  # fmt: skip


@require_http_methods(["GET"])
@beheerder
def beleidsregels(request):
    regels = Beleidsregel.objects.filter(provincie_id=request.user.provincie_id)
    return render(request, "beheer/beleidsregels.html", {"regels": regels})


@require_http_methods(["GET", "POST"])
@beheerder
def beleidsregel_nieuw(request):
    """A new version, copying the criteria and voorschriften of the latest one."""
    provincie = request.user.provincie
    huidige = (
        Beleidsregel.objects.filter(provincie=provincie).order_by("-versie").first()
    )
    form = f.NieuweVersieForm(request.POST or None, initial={
        "titel": huidige.titel if huidige else f"Beleidskader verboden handelingen "
                                                f"{provincie.naam}",
    })  # fmt: skip
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            versie = (
                Beleidsregel.objects.filter(provincie=provincie).aggregate(
                    m=Max("versie")
                )["m"]
                or 0
            ) + 1
            regel = Beleidsregel.objects.create(
                provincie=provincie, versie=versie, aangemaakt_door=request.user,
                geldig_vanaf=form.cleaned_data["geldig_vanaf"],
                titel=form.cleaned_data["titel"],
                voorschriften=list(huidige.voorschriften) if huidige else [],
            )  # fmt: skip
            if huidige:
                Criterium.objects.bulk_create(
                    Criterium(beleidsregel=regel, volgorde=c.volgorde, code=c.code,
                              titel=c.titel, vraag=c.vraag, toelichting=c.toelichting)
                    for c in huidige.criteria.all()
                )  # fmt: skip
        messages.success(request, f"Versie {versie} is aangemaakt; pas haar hier aan.")
        return redirect("provincie:beheer_beleidsregel", pk=regel.pk)
    return render(
        request, "beheer/beleidsregel_nieuw.html", {"form": form, "huidige": huidige}
    )


@require_http_methods(["GET", "POST"])
@beheerder
def beleidsregel(request, pk):
    regel = get_object_or_404(
        Beleidsregel.objects.filter(provincie_id=request.user.provincie_id), pk=pk
    )
    in_gebruik = regel.in_gebruik
    form = f.BeleidsregelForm(request.POST or None, instance=regel)
    criteria = f.CriteriumFormSet(request.POST or None, instance=regel)
    if request.method == "POST":
        if in_gebruik:
            messages.error(request, "Deze versie is al toegepast en kan niet meer worden "
                           "gewijzigd; maak een nieuwe versie.")  # fmt: skip
            return redirect("provincie:beheer_beleidsregel", pk=regel.pk)
        if form.is_valid() and criteria.is_valid():
            try:
                with transaction.atomic():
                    form.save()
                    criteria.save()
            except (OnveranderbaarError, IntegrityError):
                messages.error(request, "Opslaan is niet gelukt: controleer of elke code "
                               "uniek is, of de versie intussen is toegepast.")  # fmt: skip
            else:
                messages.success(request, "De versie is opgeslagen.")
                return redirect("provincie:beheer_beleidsregel", pk=regel.pk)
    return render(request, "beheer/beleidsregel.html", {
        "regel": regel, "form": form, "criteria": criteria, "in_gebruik": in_gebruik,
    })  # fmt: skip
