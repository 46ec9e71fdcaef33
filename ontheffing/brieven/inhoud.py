"""From a case to its letter: build ``opmaak.Brief`` from the models, render it,
and store the result as an immutable ``Besluit`` (README, "Audit en manipulatie")."""

from __future__ import annotations

from django.utils import timezone

from ontheffing import formatting, toetsing
from ontheffing import kwalificatie as kw
from ontheffing.brieven import opmaak
from ontheffing.kwalificatie import citaten
from ontheffing.models import Besluit, Criteriumoordeel, Gebeurtenis, Provincie
from ontheffing.states import Actie, Bestuursorgaan, Uitkomst
from ontheffing.termijnen import Opschortingsgrond

AMBT_OMSCHRIJVING = {
    kw.Ambt.RAADSLID: "lid van de gemeenteraad van {lichaam}",
    kw.Ambt.WETHOUDER: "wethouder van de gemeente {lichaam}",
    kw.Ambt.BURGEMEESTER: "burgemeester van de gemeente {lichaam}",
    kw.Ambt.REKENKAMERLID: "lid van de rekenkamer van de gemeente {lichaam}",
    kw.Ambt.GRIFFIER: "griffier van de gemeente {lichaam}",
    kw.Ambt.GEMEENTESECRETARIS: "secretaris van de gemeente {lichaam}",
    kw.Ambt.PLAATSVERVANGEND_GRIFFIER: (
        "plaatsvervanger van de griffier van de gemeente {lichaam}"
    ),
    kw.Ambt.VERVANGER_SECRETARIS: (
        "vervanger van de secretaris van de gemeente {lichaam}"
    ),
    kw.Ambt.AB_LID_WATERSCHAP: "lid van het algemeen bestuur van {lichaam}",
    kw.Ambt.DB_LID_WATERSCHAP_EXTERN: "lid van het dagelijks bestuur van {lichaam}",
    kw.Ambt.BESTUURSLID_GR: "lid van het bestuur van {lichaam}",
}

# The typed text the behandelaar can reword for the letter (the applicant's
# original stays on the case): key -> field of Verzoek.
TEKSTEN = {
    "wederpartij": "wederpartij_naam",
    "onderwerp": "onderwerp",
    "contractant": "via_wie",
}


def soort_voor(verzoek) -> opmaak.Briefsoort:
    uitkomst = verzoek.uitkomst or verzoek.voorstel_uitkomst
    if uitkomst == Uitkomst.VERLEEND:
        return opmaak.Briefsoort.VERLEEND
    if uitkomst == Uitkomst.GEDEELTELIJK_VERLEEND:
        return opmaak.Briefsoort.GEDEELTELIJK_VERLEEND
    if uitkomst == Uitkomst.GEEN_ONTHEFFING_VEREIST:
        return opmaak.Briefsoort.GEEN_ONTHEFFING_VEREIST
    if uitkomst == Uitkomst.BUITEN_BEHANDELING:
        return opmaak.Briefsoort.BUITEN_BEHANDELING
    kwalificatie = verzoek.kwalificatie or {}
    if kwalificatie.get("uitkomst") == kw.Uitkomst.VERBODEN_NIET_ONTHEFFBAAR:
        return opmaak.Briefsoort.GEWEIGERD_NIET_ONTHEFFBAAR
    return opmaak.Briefsoort.GEWEIGERD_CRITERIA


def _briefhoofd(provincie: Provincie) -> opmaak.Briefhoofd:
    return opmaak.Briefhoofd(
        provincie=provincie.naam,
        postadres=Provincie.regels(provincie.postadres),
        bezoekadres=Provincie.regels(provincie.bezoekadres),
        telefoon=provincie.telefoon,
        email=provincie.email,
        website=provincie.website,
        logo_png=bytes(provincie.logo_png) if provincie.logo_png else None,
    )


def _ondertekening(verzoek, ondertekenaar, **hoe) -> opmaak.Ondertekening:
    from ontheffing.services.mandaten import ondertekening_voor

    return ondertekening_voor(verzoek, ondertekenaar, **hoe)


def _ambt_omschrijving(verzoek) -> str:
    lichaam = verzoek.lichaam
    sjabloon = AMBT_OMSCHRIJVING.get(verzoek.ambt)
    if sjabloon and lichaam:
        return sjabloon.format(lichaam=lichaam)
    return kw.Ambt(verzoek.ambt).label.lower() if verzoek.ambt else ""


GEGEVEN = (Actie.ZIENSWIJZE_GEVEN, Actie.ZIENSWIJZE_DERDE_ONTVANGEN)


def gegeven_zienswijze(verzoek) -> str:
    """The summary of a zienswijze the applicant (Awb 4:7) or a third party
    (Awb 4:8, recorded by the behandelaar) gave, as the behandelaar processed
    it; empty when none was given."""
    acties = list(
        Gebeurtenis.objects.filter(
            verzoek=verzoek,
            actie__in=[*GEGEVEN, Actie.ZIENSWIJZE_VERWERKEN],
        )
        .order_by("pk")
        .values_list("actie", "reden")
    )
    gegeven = any(actie in GEGEVEN for actie, _ in acties)
    verwerkt = [reden for actie, reden in acties if actie == Actie.ZIENSWIJZE_VERWERKEN]
    return verwerkt[-1] if gegeven and verwerkt else ""


def zienswijze_gevers(verzoek) -> tuple[str, bool]:
    """Who gave a view: the third parties by name ('de heer P. de Boer en
    Buurtvereniging Zuid'), and whether the applicant did too."""
    derden = [
        opmaak_naam(d.aanspreekvorm, d.naam)
        for d in verzoek.derden.filter(ontvangen_op__isnull=False)
    ]
    aanvrager = Gebeurtenis.objects.filter(
        verzoek=verzoek, actie=Actie.ZIENSWIJZE_GEVEN
    ).exists()
    namen = (
        ", ".join(derden[:-1]) + " en " + derden[-1]
        if len(derden) > 1
        else "".join(derden)
    )
    return namen, aanvrager


def belanghebbende_derden(verzoek) -> tuple[str, ...]:
    """The third parties heard on the case (Awb 4:8): belanghebbenden, to whom
    the decision is sent too (Awb 3:41); the letter's copy list names them."""
    return tuple(
        f"{opmaak_naam(d.aanspreekvorm, d.naam)} (belanghebbende)"
        for d in verzoek.derden.all()
    )


def opmaak_naam(aanspreekvorm: str, naam: str) -> str:
    """'de heer P. de Boer', 'mevrouw ...', or the name alone, mid-sentence."""
    vorm = {"heer": "de heer", "mevrouw": "mevrouw"}.get((aanspreekvorm or "").lower())
    return f"{vorm} {naam}" if vorm else naam


def tekst(verzoek, sleutel: str) -> str:
    """The wording the letter uses: the behandelaar's, else the applicant's,
    as typed (capitals are never rewritten)."""
    eigen = (verzoek.voorstel_teksten or {}).get(sleutel, "").strip()
    return eigen or getattr(verzoek, TEKSTEN[sleutel])


def _middellijk(verzoek) -> bool:
    return verzoek.relatie != kw.Relatie.RECHTSTREEKS


def orgaan_naam(verzoek) -> str:
    """The authority that decides, as a letter names it mid-sentence."""
    if verzoek.bestuursorgaan == Bestuursorgaan.CDK:
        return f"de Commissaris van de Koning in {verzoek.provincie.naam}"
    return f"Gedeputeerde Staten van {verzoek.provincie.naam}"


def standaardvoorschriften(verzoek, regel) -> list[str]:
    """The voorschriften offered at proposal time: the province's own when it
    changed the standard ones, otherwise the standard fitted to the office."""
    from ontheffing.models.beleid import STANDAARD_VOORSCHRIFTEN

    eigen = list(regel.voorschriften) if regel else []
    if eigen and eigen != list(STANDAARD_VOORSCHRIFTEN):
        return eigen
    return citaten.standaardvoorschriften(
        verzoek.ambt,
        orgaan=orgaan_naam(verzoek),
        ambt_naam=_ambt_omschrijving(verzoek),
    )


def brief_voor(
    verzoek, *, soort=None, ondertekenaar=None, datum=None, **extra
) -> opmaak.Brief:
    """All that the letter of this case needs, from the stored case."""
    soort = soort or soort_voor(verzoek)
    kwalificatie = verzoek.kwalificatie or {}
    regel = toetsing.beleidsregel_voor(verzoek)
    oordelen = Criteriumoordeel.objects.filter(verzoek=verzoek).select_related(
        "criterium"
    )
    opschortingen = list(verzoek.opschortingen.all())
    aanvullingen = [o for o in opschortingen if o.grond == Opschortingsgrond.AANVULLING]
    laatste = aanvullingen[-1] if aanvullingen else None
    gemachtigde = verzoek.ingediend_door if verzoek.namens else None
    uitkomst = verzoek.uitkomst or verzoek.voorstel_uitkomst
    afschrift = verzoek.provincie.afschrift_voor(uitkomst)
    onderdeel = kwalificatie.get("onderdeel")
    derden_namen, aanvrager_gaf = zienswijze_gevers(verzoek)
    velden = dict(
        soort=soort,
        kenmerk=verzoek.kenmerk or "",
        datum=datum or timezone.localdate(),
        geadresseerde_naam=verzoek.naam,
        geadresseerde_adres=tuple(
            r
            for r in (
                verzoek.adres,
                f"{verzoek.postcode}  {verzoek.woonplaats}".strip(),
            )
            if r
        ),
        aanspreekvorm=verzoek.aanspreekvorm,
        aanhef=opmaak.aanhef(
            verzoek.aanspreekvorm, formatting.achternaam(verzoek.naam)
        ),
        ambt_omschrijving=_ambt_omschrijving(verzoek),
        namens_ingediend_door=(
            f"{gemachtigde.naam}"
            + (f", {gemachtigde.functie}" if gemachtigde.functie else "")
        )
        if gemachtigde
        else None,
        ontvangen=verzoek.ontvangen_op,
        aangevuld=next(
            (o.tot for o in reversed(opschortingen) if o.tot and o.antwoord), None
        ),
        handeling_omschrijving=kw.Handeling(verzoek.handeling).label
        if verzoek.handeling
        else "",
        wederpartij=tekst(verzoek, "wederpartij"),
        contractant=tekst(verzoek, "contractant") if _middellijk(verzoek) else "",
        overeenkomst_onderwerp=tekst(verzoek, "onderwerp"),
        waarde=verzoek.waarde,
        looptijd_van=verzoek.looptijd_van,
        looptijd_tot=verzoek.looptijd_tot,
        onderdeel=onderdeel,
        grondslag=citaten.grondslag(
            verzoek.ambt, onderdeel, middellijk=_middellijk(verzoek)
        )
        or kwalificatie.get("grondslag", ""),
        bevoegdheid=citaten.BEVOEGDHEID.get(kw.Ambt(verzoek.ambt), "")
        if verzoek.ambt
        else "",
        kwalificatie_motivering=verzoek.kwalificatie_motivering,
        goedkeuring=verzoek.voorstel_goedkeuring,
        onderdelen=tuple(
            opmaak.Onderdeel(
                omschrijving=o["omschrijving"],
                verleend=bool(o["verleend"]),
                motivering=o["motivering"],
            )
            for o in verzoek.voorstel_onderdelen or ()
        ),
        zienswijze=gegeven_zienswijze(verzoek),
        zienswijze_van=derden_namen,
        zienswijze_ook_aanvrager=aanvrager_gaf and bool(derden_namen),
        zienswijze_reactie=verzoek.voorstel_zienswijze,
        beleidsregel=(
            f"{regel.titel}, versie {regel.versie}, geldend vanaf "
            f"{formatting.datum(regel.geldig_vanaf)}"
        )
        if regel and oordelen
        else None,
        criteria=tuple(
            opmaak.Criteriumoordeel(
                code=o.criterium.code,
                titel=o.criterium.titel,
                oordeel=o.oordeel,
                motivering=o.motivering,
            )
            for o in oordelen
        ),
        motivering=verzoek.voorstel_motivering,
        voorschriften=tuple(verzoek.voorstel_voorschriften or ()),
        onthouding=citaten.onthouding(verzoek.ambt)
        if soort == opmaak.Briefsoort.GEEN_ONTHEFFING_VEREIST
        else "",
        afschrift=tuple(afschrift) + belanghebbende_derden(verzoek),
        bezwaar_adres=Provincie.regels(verzoek.provincie.postadres),
        aanvulling_gevraagd_op=laatste.van if laatste else None,
        hersteltermijn_einde=laatste.hersteltermijn_einde if laatste else None,
        ontbrekend=tuple(laatste.ontbrekend) if laatste else (),
        doorgezonden_aan=verzoek.doorgezonden_aan,
        ondertekening=_ondertekening(verzoek, ondertekenaar),
        briefhoofd=_briefhoofd(verzoek.provincie),
    )
    velden.update(extra)
    return opmaak.Brief(**velden)


def concept(verzoek, ondertekenaar=None) -> str:
    """The draft letter as it will be sent, marked CONCEPT; never stored."""
    return opmaak.render_html(
        brief_voor(verzoek, ondertekenaar=ondertekenaar), concept=True
    )


# Letters that carry the outcome of the request; the others (a request for a
# third party's view, the dwangsom decision) record none.
UITKOMSTBRIEVEN = frozenset(opmaak.Briefsoort) - {
    opmaak.Briefsoort.ZIENSWIJZE_DERDE,
    opmaak.Briefsoort.DWANGSOM,
}


def _uitgeven(verzoek, brief: opmaak.Brief, ondertekenaar, **velden) -> Besluit:
    gerenderd = opmaak.render(brief)
    velden.setdefault(
        "uitkomst", verzoek.uitkomst if brief.soort in UITKOMSTBRIEVEN else ""
    )
    return Besluit.objects.create(
        verzoek=verzoek,
        soort=brief.soort.value,
        datum=brief.datum,
        kenmerk=brief.kenmerk,
        ondertekenaar=ondertekenaar,
        namens=brief.ondertekening.namens,
        pdf=gerenderd.pdf,
        html=gerenderd.html,
        sjabloonversie=opmaak.SJABLOONVERSIE,
        **velden,
    )


def besluit_uitgeven(
    verzoek, *, ondertekenaar, mandaat=None, genomen_op=None
) -> Besluit:
    """Called inside the transaction of ``besluit_vaststellen``; signed under
    ``mandaat`` or by the organ that decided on ``genomen_op``."""
    hoe = {"mandaat": mandaat, "genomen_op": genomen_op}
    brief = brief_voor(
        verzoek,
        ondertekenaar=ondertekenaar,
        ondertekening=_ondertekening(verzoek, ondertekenaar, **hoe),
    )
    return _uitgeven(verzoek, brief, ondertekenaar, **hoe)


def doorzending_uitgeven(verzoek, *, ondertekenaar, aan, toelichting: str) -> Besluit:
    """The notice of forwarding (Awb 2:3); called inside ``verzoek_doorzenden``.
    ``aan`` is the competent authority's ``Doorzendadres``."""
    statenlid = verzoek.ambt in (
        kw.Ambt.STATENLID,
        kw.Ambt.GEDEPUTEERDE,
        kw.Ambt.COMMISSARIS_VAN_DE_KONING,
    )
    brief = brief_voor(
        verzoek,
        soort=opmaak.Briefsoort.DOORZENDING,
        ondertekenaar=ondertekenaar,
        doorgezonden_aan=aan.naam,
        doorgezonden_adres=Provincie.regels(aan.postadres),
        doorgezonden_stukken=tuple(b.bestandsnaam for b in verzoek.bijlagen.all()),
        statenlid_provincie=verzoek.provincie.naam if statenlid else "",
        motivering=toelichting,
    )
    return _uitgeven(verzoek, brief, ondertekenaar)


def aanvulling_uitgeven(verzoek, *, ondertekenaar, opschorting) -> Besluit:
    """The dated request for completion (Awb 4:5), kept in the file like every
    letter; called inside ``aanvulling_vragen``."""
    brief = brief_voor(
        verzoek,
        soort=opmaak.Briefsoort.AANVULLING,
        ondertekenaar=ondertekenaar,
        aanvulling_gevraagd_op=opschorting.van,
        hersteltermijn_einde=opschorting.hersteltermijn_einde,
        ontbrekend=tuple(opschorting.ontbrekend),
        motivering=opschorting.toelichting,
        afschrift=(),
    )
    return _uitgeven(verzoek, brief, ondertekenaar)


def samenvatting_pdf(verzoek) -> bytes:
    """A PDF summary of the request as submitted, for the competent authority."""
    from django.template.loader import render_to_string

    html = render_to_string(
        "letters/samenvatting.html",
        {
            "verzoek": verzoek,
            "bijlagen": list(verzoek.bijlagen.exclude(soort="verzoek")),
            "titel": f"Samenvatting van verzoek {verzoek.kenmerk}",
        },
    )
    return opmaak.render_pdf(html)


def zienswijze_derde_uitgeven(verzoek, *, ondertekenaar, derde) -> Besluit:
    """The dated letter that asks a third party for their view (Awb 4:8),
    kept in the file; called inside ``services.derden``."""
    from ontheffing.formatting import achternaam

    vorm = (derde.aanspreekvorm or "").lower()
    brief = brief_voor(
        verzoek,
        soort=opmaak.Briefsoort.ZIENSWIJZE_DERDE,
        ondertekenaar=ondertekenaar,
        geadresseerde_naam=derde.naam,
        geadresseerde_adres=derde.adresregels,
        aanspreekvorm=vorm,
        aanhef=opmaak.aanhef(vorm, achternaam(derde.naam))
        if vorm in ("heer", "mevrouw")
        else "Geachte heer/mevrouw,",
        zienswijzevraag=opmaak.Zienswijzevraag(
            aanvrager=opmaak_naam(verzoek.aanspreekvorm, verzoek.naam),
            uiterlijk=derde.uiterlijk,
            toelichting=derde.toelichting,
            verzending=derde.verzending,
        ),
        zienswijze="",
        zienswijze_van="",
        afschrift=(),
    )
    return _uitgeven(verzoek, brief, ondertekenaar)


def dwangsomstaat(verzoek, stand) -> opmaak.Dwangsomstaat:
    """The dwangsom ``stand`` (``termijnen.Dwangsom``) as the letter shows it."""
    from ontheffing import termijnen

    return opmaak.Dwangsomstaat(
        ingebrekestelling_ontvangen=verzoek.ingebrekestelling_ontvangen_op,
        beslistermijn_einde=verzoek.beslistermijn,
        eerste_dag=stand.start,
        laatste_dag=stand.laatste_dag,
        dagen=stand.dagen,
        bedrag=stand.bedrag,
        treden=tuple(
            opmaak.Dwangsomtrede(
                eerste_dag=t.eerste_dag,
                laatste_dag=t.laatste_dag,
                dagen=t.dagen,
                per_dag=t.per_dag,
                bedrag=t.bedrag,
            )
            for t in termijnen.dwangsom_treden(stand)
        ),
        staffel=termijnen.dwangsom_staffel(stand.start),
        maximum=termijnen.dwangsom_maximum(stand.start),
        beslist_op=verzoek.afgehandeld_op,
    )


def dwangsom_uitgeven(
    verzoek, *, ondertekenaar, stand, mandaat=None, genomen_op=None
) -> Besluit:
    """The decision fixing the dwangsom (Awb 4:18), signed like the case's
    decision: under ``mandaat`` or by the organ that decided on
    ``genomen_op``; called inside ``services.dwangsom``."""
    hoe = {"mandaat": mandaat, "genomen_op": genomen_op}
    brief = brief_voor(
        verzoek,
        soort=opmaak.Briefsoort.DWANGSOM,
        ondertekenaar=ondertekenaar,
        ondertekening=_ondertekening(verzoek, ondertekenaar, **hoe),
        dwangsom=dwangsomstaat(verzoek, stand),
        motivering="",
        afschrift=(),
    )
    return _uitgeven(verzoek, brief, ondertekenaar, **hoe)
