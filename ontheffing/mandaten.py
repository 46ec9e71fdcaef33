"""Who may decide a case alone, and how a decision is signed (Awb 10:10).

Pure functions on already loaded objects: no queries. ``mandaat_voor`` is the
one rule "is there a mandate in force on the day for this decision";
``ondertekening`` turns the way a decision was taken into the signature block
of its letter (README, "Keuzes": de ondertekening)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ontheffing.states import Bestuursorgaan, Rol


def mandaat_voor(
    gebruiker, verzoek, *, op: date, mandaten: Iterable, alleen_volledig=False
):
    """The confirmed mandate of ``gebruiker`` that covers the decision proposed
    on ``verzoek`` on the day ``op``: the same province, the case's organ (GS or
    the CdK), an outcome within its scope, and ``op`` within its term. None when
    there is none. Of several, the one that started last.

    ``alleen_volledig``: a decision that is no outcome of the request (the
    dwangsom of artikel 4:18 Awb) is covered only by a mandate for all outcomes."""
    uitkomst = None if alleen_volledig else verzoek.voorstel_uitkomst
    passend = [
        m
        for m in mandaten
        if m.houder_id == gebruiker.pk
        and m.provincie_id == verzoek.provincie_id
        and m.bevestigd_op is not None
        and m.bestuursorgaan == verzoek.bestuursorgaan
        and m.geldig_op(op)
        and m.dekt(uitkomst)
    ]
    return max(passend, key=lambda m: (m.geldig_van, m.pk), default=None)


def heeft_mandaat_op(gebruiker, *, op: date, mandaten: Iterable) -> bool:
    """Any confirmed mandate of ``gebruiker`` in force on ``op`` (to show the
    decision pages; the case itself is judged by ``mandaat_voor``)."""
    return any(
        m.houder_id == gebruiker.pk and m.bevestigd_op is not None and m.geldig_op(op)
        for m in mandaten
    )


def is_beslisser(gebruiker) -> bool:
    """A member of the college (role beslisser) whose role a second person
    confirmed. Alone, without a mandate, such a member cannot decide in the
    college's name: they record the decision the college took in its meeting."""
    return (
        gebruiker.is_active
        and gebruiker.rol == Rol.BESLISSER
        and gebruiker.beslisser_bevestigd
    )


# ------------------------------------------------------------------ signature


def ondertekening(
    *,
    bestuursorgaan: str,
    provincie,
    ondertekenaar=None,
    mandaat=None,
    genomen_op: date | None = None,
):
    """The signature block of a letter (``brieven.opmaak.Ondertekening``).

    - Under ``mandaat``: "namens deze," with the holder's name and function and
      the mandaatbesluit it rests on.
    - Otherwise the organ itself: GS, in the meeting of ``genomen_op``, signed by
      the voorzitter and the secretaris; the CdK signs himself.
    A staff member is never printed as if they were the organ."""
    from ontheffing.brieven import opmaak

    cdk = bestuursorgaan == Bestuursorgaan.CDK
    velden = {}
    if mandaat is not None:
        houder = ondertekenaar or mandaat.houder
        velden = dict(
            namens=True, naam=houder.naam, functie=houder.functie, mandaat=mandaat.bron
        )
    elif cdk:
        velden = dict(naam=provincie.cdk_naam)
    else:
        velden = dict(genomen_op=genomen_op)
    return opmaak.Ondertekening(
        bestuursorgaan="cdk" if cdk else "gs",
        provincie=provincie.naam,
        voorzitter_naam=provincie.cdk_naam,
        secretaris_naam=provincie.secretaris_naam,
        **velden,
    )
