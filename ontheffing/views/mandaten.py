"""The mandate register of a province in beheer: the beheerder records a
mandaatbesluit or ends one; another beheerder or a beslisser of the province
confirms a mandate or the role beslisser (``services.mandaten``). Nothing of
another province is visible (404); other roles get 403."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ontheffing.forms.mandaten import BeeindigenForm, MandaatForm
from ontheffing.models import Gebruiker, Mandaat
from ontheffing.services import NietNu
from ontheffing.services import mandaten as service
from ontheffing.states import Rol


def register_toegang(view):
    """Beheerders and beslissers of a province: the ones who can confirm."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if user.rol not in (Rol.BEHEERDER, Rol.BESLISSER) or user.provincie_id is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _mandaten(user):
    return Mandaat.objects.filter(provincie_id=user.provincie_id).select_related(
        "houder", "aangevraagd_door", "bevestigd_door"
    )


def _wachtende_beslissers(user):
    return Gebruiker.objects.filter(
        provincie_id=user.provincie_id,
        rol=Rol.BESLISSER,
        beslisser_bevestigd=False,
        is_active=True,
    ).select_related("beslisser_gevraagd_door")


def _is_beheerder(user) -> bool:
    return user.rol == Rol.BEHEERDER


@require_http_methods(["GET"])
@register_toegang
def register(request):
    user = request.user
    regels = [
        (
            m,
            m.wacht_op_bevestiging
            and service.bevestigen_geweigerd(
                user,
                m.provincie_id,
                gevraagd_door_id=m.aangevraagd_door_id,
                voor_id=m.houder_id,
            )
            is None,
        )
        for m in _mandaten(user)
    ]
    beslissers = [
        (
            g,
            service.bevestigen_geweigerd(
                user,
                g.provincie_id,
                gevraagd_door_id=g.beslisser_gevraagd_door_id,
                voor_id=g.pk,
            )
            is None,
        )
        for g in _wachtende_beslissers(user)
    ]
    beheerder = _is_beheerder(user)
    return render(
        request,
        "beheer/mandaten.html",
        {
            "provincie": user.provincie,
            "regels": regels,
            "beslissers": beslissers,
            "mag_vragen": beheerder,
            "beeindigen_form": BeeindigenForm(prefix="einde") if beheerder else None,
        },
    )


@require_http_methods(["GET", "POST"])
@register_toegang
def nieuw(request):
    if not _is_beheerder(request.user):
        raise PermissionDenied
    form = MandaatForm(request.POST or None, provincie_id=request.user.provincie_id)
    if request.method == "POST" and form.is_valid():
        try:
            mandaat = service.mandaat_vragen(user=request.user, **form.cleaned_data)
        except NietNu as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                f"Het mandaat voor {mandaat.houder.naam} is vastgelegd. Het geldt pas "
                "als een andere beheerder of een beslisser het bevestigt.",
            )
            return redirect("provincie:beheer_mandaten")
    return render(request, "beheer/mandaten_nieuw.html", {"form": form})


def _uitvoeren(request, call, gelukt):
    try:
        call()
    except NietNu as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, gelukt)
    return redirect("provincie:beheer_mandaten")


@require_POST
@register_toegang
def bevestigen(request, pk):
    mandaat = get_object_or_404(_mandaten(request.user), pk=pk)
    return _uitvoeren(
        request,
        lambda: service.mandaat_bevestigen(user=request.user, mandaat=mandaat),
        f"Het mandaat van {mandaat.houder.naam} is bevestigd.",
    )


@require_POST
@register_toegang
def beeindigen(request, pk):
    if not _is_beheerder(request.user):
        raise PermissionDenied
    mandaat = get_object_or_404(_mandaten(request.user), pk=pk)
    form = BeeindigenForm(request.POST, prefix="einde")
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("laatste_dag", [])))
        return redirect("provincie:beheer_mandaten")
    return _uitvoeren(
        request,
        lambda: service.mandaat_beeindigen(
            user=request.user,
            mandaat=mandaat,
            laatste_dag=form.cleaned_data["laatste_dag"],
        ),
        f"Het mandaat van {mandaat.houder.naam} is beëindigd.",
    )


@require_POST
@register_toegang
def beslisser_bevestigen(request, pk):
    medewerker = get_object_or_404(_wachtende_beslissers(request.user), pk=pk)
    return _uitvoeren(
        request,
        lambda: service.beslisser_bevestigen(user=request.user, medewerker=medewerker),
        f"De rol beslisser van {medewerker.naam} is bevestigd.",
    )
