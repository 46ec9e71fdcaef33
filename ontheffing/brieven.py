"""From a case to its letter: build ``letters.Brief`` from the models, render it,
and store the result as an immutable ``Besluit`` (domain §6)."""

from __future__ import annotations

from django.utils import timezone

from ontheffing import formatting, letters, toetsing
from ontheffing import kwalificatie as kw
from ontheffing.models import Besluit, Criteriumoordeel, Provincie
from ontheffing.states import Uitkomst

AMBT_OMSCHRIJVING = {
    kw.Ambt.RAADSLID: "lid van de gemeenteraad van {lichaam}",
    kw.Ambt.WETHOUDER: "wethouder van de gemeente {lichaam}",
    kw.Ambt.BURGEMEESTER: "burgemeester van de gemeente {lichaam}",
    kw.Ambt.REKENKAMERLID: "lid van de rekenkamer van de gemeente {lichaam}",
    kw.Ambt.GRIFFIER: "griffier van de gemeente {lichaam}",
    kw.Ambt.GEMEENTESECRETARIS: "secretaris van de gemeente {lichaam}",
    kw.Ambt.AB_LID_WATERSCHAP: "lid van het algemeen bestuur van {lichaam}",
    kw.Ambt.DB_LID_WATERSCHAP_EXTERN: "lid van het dagelijks bestuur van {lichaam}",
    kw.Ambt.BESTUURSLID_GR: "lid van het bestuur van {lichaam}",
}

# The power to exempt (domain §2); cited without a lid where the brief gives none.
BEVOEGDHEID = {
    kw.Ambt.RAADSLID: "artikel 15, tweede lid, Gemeentewet",
    kw.Ambt.WETHOUDER: "artikel 41c Gemeentewet",
    kw.Ambt.BURGEMEESTER: "artikel 69 Gemeentewet",
}


def soort_voor(verzoek) -> letters.Briefsoort:
    uitkomst = verzoek.uitkomst or verzoek.voorstel_uitkomst
    if uitkomst == Uitkomst.VERLEEND:
        return letters.Briefsoort.VERLEEND
    if uitkomst == Uitkomst.GEEN_ONTHEFFING_VEREIST:
        return letters.Briefsoort.GEEN_ONTHEFFING_VEREIST
    if uitkomst == Uitkomst.BUITEN_BEHANDELING:
        return letters.Briefsoort.BUITEN_BEHANDELING
    kwalificatie = verzoek.kwalificatie or {}
    if kwalificatie.get("uitkomst") == kw.Uitkomst.VERBODEN_NIET_ONTHEFFBAAR:
        return letters.Briefsoort.GEWEIGERD_NIET_ONTHEFFBAAR
    return letters.Briefsoort.GEWEIGERD_CRITERIA


def _briefhoofd(provincie: Provincie) -> letters.Briefhoofd:
    return letters.Briefhoofd(
        provincie=provincie.naam,
        postadres=Provincie.regels(provincie.postadres),
        bezoekadres=Provincie.regels(provincie.bezoekadres),
        telefoon=provincie.telefoon,
        email=provincie.email,
        website=provincie.website,
        logo_png=bytes(provincie.logo_png) if provincie.logo_png else None,
    )


def _ondertekening(verzoek, ondertekenaar, **hoe) -> letters.Ondertekening:
    from ontheffing.services.mandaten import ondertekening_voor

    return ondertekening_voor(verzoek, ondertekenaar, **hoe)


def _ambt_omschrijving(verzoek) -> str:
    lichaam = verzoek.lichaam
    sjabloon = AMBT_OMSCHRIJVING.get(verzoek.ambt)
    if sjabloon and lichaam:
        return sjabloon.format(lichaam=lichaam)
    return kw.Ambt(verzoek.ambt).label.lower() if verzoek.ambt else ""


def brief_voor(
    verzoek, *, soort=None, ondertekenaar=None, datum=None, **extra
) -> letters.Brief:
    """All that the letter of this case needs, from the stored case."""
    soort = soort or soort_voor(verzoek)
    kwalificatie = verzoek.kwalificatie or {}
    regel = toetsing.beleidsregel_voor(verzoek)
    oordelen = Criteriumoordeel.objects.filter(verzoek=verzoek).select_related(
        "criterium"
    )
    opschortingen = list(verzoek.opschortingen.all())
    laatste = opschortingen[-1] if opschortingen else None
    gemachtigde = verzoek.ingediend_door if verzoek.namens else None
    afschrift = list(Provincie.regels(verzoek.provincie.afschrift_aan))
    if verzoek.ambt in (kw.Ambt.RAADSLID, kw.Ambt.WETHOUDER) and verzoek.gemeente:
        afschrift.append(f"de griffier van de gemeente {verzoek.gemeente}")
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
        aanhef=letters.aanhef(
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
        wederpartij=verzoek.wederpartij_naam,
        overeenkomst_onderwerp=verzoek.onderwerp,
        waarde=verzoek.waarde,
        looptijd_van=verzoek.looptijd_van,
        looptijd_tot=verzoek.looptijd_tot,
        onderdeel=kwalificatie.get("onderdeel"),
        grondslag=kwalificatie.get("grondslag", ""),
        bevoegdheid=BEVOEGDHEID.get(verzoek.ambt, ""),
        kwalificatie_toelichting=tuple(kwalificatie.get("toelichting", ())),
        bw_3_43=verzoek.voorstel_bw_3_43,
        beleidsregel=(
            f"{regel.titel}, versie {regel.versie}, geldend vanaf "
            f"{formatting.datum(regel.geldig_vanaf)}"
        )
        if regel and oordelen
        else None,
        criteria=tuple(
            letters.Criteriumoordeel(
                code=o.criterium.code,
                titel=o.criterium.titel,
                oordeel=o.oordeel,
                motivering=o.motivering,
            )
            for o in oordelen
        ),
        motivering=verzoek.voorstel_motivering,
        voorschriften=tuple(verzoek.voorstel_voorschriften or ()),
        noot_artikel_28=soort == letters.Briefsoort.GEEN_ONTHEFFING_VEREIST,
        afschrift=tuple(afschrift),
        bezwaar_adres=Provincie.regels(verzoek.provincie.postadres),
        aanvulling_gevraagd_op=laatste.van if laatste else None,
        hersteltermijn_einde=laatste.hersteltermijn_einde if laatste else None,
        ontbrekend=tuple(laatste.ontbrekend) if laatste else (),
        doorgezonden_aan=verzoek.doorgezonden_aan,
        ondertekening=_ondertekening(verzoek, ondertekenaar),
        briefhoofd=_briefhoofd(verzoek.provincie),
    )
    velden.update(extra)
    return letters.Brief(**velden)


def concept_html(verzoek, ondertekenaar=None) -> str:
    """The draft letter as it will be sent, marked CONCEPT; never stored."""
    return letters.render_html(
        brief_voor(verzoek, ondertekenaar=ondertekenaar), concept=True
    )


def _uitgeven(verzoek, brief: letters.Brief, ondertekenaar, **velden) -> Besluit:
    gerenderd = letters.render(brief)
    return Besluit.objects.create(
        verzoek=verzoek,
        soort=brief.soort.value,
        uitkomst=verzoek.uitkomst,
        datum=brief.datum,
        kenmerk=brief.kenmerk,
        ondertekenaar=ondertekenaar,
        namens=brief.ondertekening.namens,
        pdf=gerenderd.pdf,
        html=gerenderd.html,
        sjabloonversie=letters.SJABLOONVERSIE,
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


def doorzending_uitgeven(
    verzoek, *, ondertekenaar, adres: str, toelichting: str
) -> Besluit:
    """The notice of forwarding (Awb 2:3); called inside ``verzoek_doorzenden``."""
    brief = brief_voor(
        verzoek,
        soort=letters.Briefsoort.DOORZENDING,
        ondertekenaar=ondertekenaar,
        doorgezonden_adres=Provincie.regels(adres),
        motivering=toelichting,
    )
    return _uitgeven(verzoek, brief, ondertekenaar)
