"""The procedures of ``services.procedures`` from the case page: the
suspension of the beslistermijn under Awb 4:15, second paragraph (in the
deadline panel, ``zaak.termijnoverzicht`` shows the ledger), and splitting the
request of a person with several offices per competent authority."""

from __future__ import annotations

from django.views.decorators.http import require_POST

from ontheffing.forms.procedures import OpschortenForm
from ontheffing.services import NietNu, procedures
from ontheffing.views.provincie import (
    call_service,
    forbid_if_not_for_user,
    redirect_done,
    staf,
    zichtbaar_verzoek,
)
from ontheffing.views.zaak import verzoekpagina


@require_POST
@staf
def opschorten(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "opschorten", verzoek)
    form = OpschortenForm(request.POST, prefix="opschorten", verzoek=verzoek)
    if form.is_valid():
        try:
            procedures.termijn_opschorten(
                user=request.user, verzoek=verzoek, **form.cleaned_data
            )
        except NietNu as exc:
            # Shown in the form's own error summary, so it stays open with
            # the input kept.
            form.add_error(None, str(exc))
            verzoek.refresh_from_db()
        else:
            return redirect_done(
                request,
                verzoek,
                "De opschorting is vastgelegd; de aanvrager krijgt daarvan bericht.",
            )
    return verzoekpagina(request, verzoek, {"opschorten": form})


@require_POST
@staf
def splitsen(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "splitsen", verzoek)
    if call_service(
        request, procedures.verzoek_splitsen, user=request.user, verzoek=verzoek
    ):
        return redirect_done(
            request,
            verzoek,
            "Het verzoek is gesplitst per bevoegd gezag; de aanvrager krijgt "
            "daarvan bericht. Zend een deel voor een ander bestuursorgaan door "
            "vanaf zijn eigen zaakpagina.",
        )
    return verzoekpagina(request, verzoek)
