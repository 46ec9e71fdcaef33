"""The decision letter: data in, HTML out, then an accessible PDF (Awb 3:46-3:47 and 6:23; README, "Opbouw").

Pure rendering, no ORM: the caller builds a ``Brief`` from the case. The HTML is
returned as well, so tests and the archive can read what was rendered. WeasyPrint
may fetch only files from this app's own static directory (``static_path``).
"""

from __future__ import annotations

import atexit
import hashlib
import threading
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.template.loader import render_to_string

from ontheffing import kwalificatie as kw
from ontheffing.formatting import bedrag, datum
from ontheffing.kwalificatie.citaten import BW_3_43
from ontheffing.termijnen import bezwaartermijn_einde

SJABLOONVERSIE = "2026.1"
LOGO = "ontheffing/logo-provincie.svg"
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
STATIC_BASE_URL = STATIC_DIR.as_uri() + "/"
# The one resource a letter may load that is not a static file: the province's
# logo, passed in memory (never fetched from a path or the network).
LOGO_URL = "ontheffing-logo:provincie.png"
MEDIATYPES = {
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ttf": "font/ttf",
}


class Briefsoort(StrEnum):
    VERLEEND = "verleend"
    GEWEIGERD_NIET_ONTHEFFBAAR = "geweigerd_niet_ontheffbaar"
    GEWEIGERD_CRITERIA = "geweigerd_criteria"
    GEEN_ONTHEFFING_VEREIST = "geen_ontheffing_vereist"
    GEDEELTELIJK_VERLEEND = "gedeeltelijk_verleend"
    BUITEN_BEHANDELING = "buiten_behandeling"
    DOORZENDING = "doorzending"
    AANVULLING = "aanvulling"  # Awb 4:5: a request, not a decision
    ZIENSWIJZE_DERDE = "zienswijze_derde"  # Awb 4:8: to a third party, no decision
    DWANGSOM = "dwangsom"  # Awb 4:18: a decision of its own, open to objection


ONDERWERPEN = {
    Briefsoort.BUITEN_BEHANDELING: (
        "Besluit om uw verzoek om ontheffing niet te behandelen"
    ),
    Briefsoort.DOORZENDING: "Doorzending van uw verzoek om ontheffing",
    Briefsoort.AANVULLING: "Verzoek om aanvulling van uw aanvraag om ontheffing",
    Briefsoort.ZIENSWIJZE_DERDE: (
        "Gelegenheid om uw zienswijze te geven over een aanvraag om ontheffing"
    ),
    Briefsoort.DWANGSOM: "Besluit over de dwangsom bij niet tijdig beslissen",
}
ONDERWERP_BESLUIT = "Besluit op uw verzoek om ontheffing"

# The agreements of Gemw 15, first paragraph, under d, by code (one list).
ONDERDELEN = kw.ONDERDELEN

OORDELEN = {
    "voldaan": "voldaan",
    "niet_voldaan": "niet voldaan",
    "niet_van_toepassing": "niet van toepassing",
}

# GS write as "wij", the Commissaris van de Koning as "ik".
SPREKERS = {
    "gs": {
        "wij": "wij",
        "Wij": "Wij",
        "hebben": "hebben",
        "zijn": "zijn",
        "kunnen": "kunnen",
        "handelen": "handelen",
        "laten": "laten",
        "wijzen": "wijzen",
        "besluiten": "besluiten",
        "beslissen": "beslissen",
        "verlenen": "verlenen",
        "weigeren": "weigeren",
        "blijven": "blijven",
        "betalen": "betalen",
        "ons": "ons",
        "onze": "onze",
        "vragen": "vragen",
    },
    "cdk": {
        "wij": "ik",
        "Wij": "Ik",
        "hebben": "heb",
        "zijn": "ben",
        "kunnen": "kan",
        "handelen": "handel",
        "laten": "laat",
        "wijzen": "wijs",
        "besluiten": "besluit",
        "beslissen": "beslis",
        "verlenen": "verleen",
        "weigeren": "weiger",
        "blijven": "blijf",
        "betalen": "betaal",
        "ons": "mij",
        "onze": "mijn",
        "vragen": "vraag",
    },
}


@dataclass(frozen=True)
class Briefhoofd:
    provincie: str
    postadres: tuple[str, ...] = ()
    bezoekadres: tuple[str, ...] = ()
    telefoon: str = ""
    email: str = ""
    website: str = ""
    logo: str | None = LOGO  # relative to STATIC_DIR
    logo_png: bytes | None = None  # the province's own logo, uploaded by its beheerder

    @property
    def logo_src(self) -> str | None:
        return LOGO_URL if self.logo_png else self.logo


@dataclass(frozen=True)
class Ondertekening:
    bestuursorgaan: str  # "gs" or "cdk"
    provincie: str
    namens: bool = False  # signed under mandate (Awb 10:10)
    naam: str = ""
    functie: str = ""
    voorzitter_naam: str = ""  # GS without mandate: the CdK chairs
    secretaris_naam: str = ""
    mandaat: str = ""  # the mandaatbesluit a "namens deze" signature rests on
    genomen_op: date | None = None  # GS: the meeting in which the college decided

    def __post_init__(self):
        if self.bestuursorgaan not in SPREKERS:
            raise ValueError(f"Onbekend bestuursorgaan: {self.bestuursorgaan!r}")

    @property
    def orgaan(self) -> str:
        if self.bestuursorgaan == "cdk":
            return f"de Commissaris van de Koning in {self.provincie}"
        return f"Gedeputeerde Staten van {self.provincie}"

    @property
    def handtekeningen(self) -> tuple[tuple[str, str], ...]:
        """(name, function) under the signature: the mandate holder, the CdK
        himself, or the voorzitter and the secretaris of the college."""
        if self.namens or self.bestuursorgaan == "cdk":
            return ((self.naam, self.functie),)
        return (
            (self.voorzitter_naam, "voorzitter"),
            (self.secretaris_naam, "secretaris"),
        )

    @property
    def vergadering_tekst(self) -> str:
        if self.genomen_op is None or self.namens or self.bestuursorgaan == "cdk":
            return ""
        return (
            "Aldus besloten in de vergadering van Gedeputeerde Staten van "
            f"{datum(self.genomen_op)}."
        )

    @property
    def mandaat_tekst(self) -> str:
        if not (self.namens and self.mandaat):
            return ""
        return (
            "Dit besluit is onder mandaat genomen (artikel 10:10 van de Algemene wet "
            f"bestuursrecht) op grond van: {self.mandaat}."
        )

    @property
    def mandaat_tekst_brief(self) -> str:
        """The same for a letter that is no decision (a request): signed under
        mandate too, artikel 10:12 Awb applying the rules of mandate to it."""
        if not (self.namens and self.mandaat):
            return ""
        return (
            "Deze brief is onder mandaat ondertekend (artikelen 10:10 en 10:12 van de "
            f"Algemene wet bestuursrecht) op grond van: {self.mandaat}."
        )


@dataclass(frozen=True)
class Criteriumoordeel:
    code: str
    titel: str
    oordeel: str  # a key of OORDELEN
    motivering: str

    def __post_init__(self):
        if self.oordeel not in OORDELEN:
            raise ValueError(f"Onbekend oordeel: {self.oordeel!r}")

    @property
    def oordeel_tekst(self) -> str:
        return OORDELEN[self.oordeel]


@dataclass(frozen=True)
class Onderdeel:
    """One numbered decision of a partial decision, with its own reasons."""

    omschrijving: str
    verleend: bool
    motivering: str

    @property
    def besluit_tekst(self) -> str:
        return "verleend" if self.verleend else "geweigerd"


GOEDKEURINGEN = ("", "verleend", "geweigerd")


@dataclass(frozen=True)
class Dwangsomtrede:
    """Days of one tier of artikel 4:17, second paragraph, Awb."""

    eerste_dag: date
    laatste_dag: date
    dagen: int
    per_dag: Decimal
    bedrag: Decimal


@dataclass(frozen=True)
class Dwangsomstaat:
    """The dwangsom fixed under artikel 4:18 Awb and how it came about."""

    ingebrekestelling_ontvangen: date
    beslistermijn_einde: date
    eerste_dag: date
    laatste_dag: date
    dagen: int
    bedrag: Decimal
    treden: tuple[Dwangsomtrede, ...]
    staffel: tuple[tuple[int, Decimal], ...]  # (last day of the tier, per day)
    maximum: Decimal
    beslist_op: date | None = None  # the decision on the request, if given

    @property
    def maximum_dagen(self) -> int:
        return self.staffel[-1][0]

    @property
    def maximum_bereikt(self) -> bool:
        return self.dagen == self.maximum_dagen

    @property
    def staffel_tekst(self) -> str:
        """Artikel 4:17, second paragraph, in its own words, with the amounts
        in force: 'de eerste veertien dagen € 23,00 per dag, ...'."""
        delen, vorige = [], 0
        for n, (laatste, per_dag) in enumerate(self.staffel):
            if n == 0:
                wanneer = f"de eerste {_telwoord(laatste)} dagen"
            elif n == len(self.staffel) - 1:
                wanneer = "de overige dagen"
            else:
                wanneer = f"de daaropvolgende {_telwoord(laatste - vorige)} dagen"
            delen.append(
                f"{wanneer} {bedrag(per_dag).replace('€ ', NBSP_EURO)} per dag"
            )
            vorige = laatste
        if len(delen) == 1:
            return delen[0]
        return ", ".join(delen[:-1]) + " en " + delen[-1]


# An amount is never broken after its euro sign.
NBSP_EURO = "€\u00a0"

TELWOORDEN = {7: "zeven", 14: "veertien", 21: "eenentwintig", 28: "achtentwintig"}


def _telwoord(n: int) -> str:
    return TELWOORDEN.get(n, str(n))


@dataclass(frozen=True)
class Zienswijzevraag:
    """The request to a third party for their view (artikel 4:8 Awb)."""

    aanvrager: str  # who asked for the exemption, as named to the third party
    uiterlijk: date
    toelichting: str  # what it is about: the facts and interests concerning them
    verzending: str = "email"  # "email" or "post"


@dataclass(frozen=True)
class Brief:
    soort: Briefsoort
    kenmerk: str
    datum: date  # of the letter, which is the day of sending (bekendmaking)
    geadresseerde_naam: str
    ondertekening: Ondertekening
    briefhoofd: Briefhoofd
    onderwerp: str = ""  # empty: the standard subject of this soort
    geadresseerde_adres: tuple[str, ...] = ()
    aanspreekvorm: str = ""  # "heer", "mevrouw" or "" (the name alone)
    aanhef: str = "Geachte heer/mevrouw,"
    ambt_omschrijving: str = ""  # "lid van de gemeenteraad van Arnhem"
    namens_ingediend_door: str | None = None
    ontvangen: date | None = None
    aangevuld: date | None = None
    handeling_omschrijving: str = ""
    wederpartij: str = ""
    contractant: str = ""  # middellijk: who concludes it (the BV, the partner)
    overeenkomst_onderwerp: str = ""
    waarde: Decimal | None = None
    looptijd_van: date | None = None
    looptijd_tot: date | None = None
    onderdeel: str | None = None  # "d1".."d7" ("c1".."c7" under Wgr 20) or None
    grondslag: str = ""  # from the qualification: the prohibition at issue
    bevoegdheid: str = ""  # the power to exempt: "artikel 15, tweede lid, ..."
    kwalificatie_motivering: str = ""  # the behandelaar's own, never the engine's
    goedkeuring: str = ""  # BW 3:43 decided: "verleend", "geweigerd" or ""
    onderdelen: tuple[Onderdeel, ...] = ()  # a partial decision, numbered
    zienswijze: str = ""  # what was said (Awb 4:7/4:8), as summarised
    zienswijze_van: str = ""  # a third party (4:8); empty: the applicant (4:7)
    zienswijze_reactie: str = ""  # what the authority does with it
    beleidsregel: str | None = None
    criteria: tuple[Criteriumoordeel, ...] = ()
    motivering: str = ""
    voorschriften: tuple[str, ...] = ()
    onthouding: str = ""  # geen ontheffing vereist: the abstention sentence
    afschrift: tuple[str, ...] = ()
    bezwaar_adres: tuple[str, ...] = ()
    aanvulling_gevraagd_op: date | None = None
    hersteltermijn_einde: date | None = None
    ontbrekend: tuple[str, ...] = ()
    doorgezonden_aan: str = ""
    doorgezonden_adres: tuple[str, ...] = ()
    doorgezonden_stukken: tuple[str, ...] = ()
    statenlid_provincie: str = ""  # forwarding: the province is the counterparty
    zienswijze_ook_aanvrager: bool = False  # third parties and the applicant spoke
    zienswijzevraag: Zienswijzevraag | None = None  # to a third party (Awb 4:8)
    dwangsom: Dwangsomstaat | None = None  # the decision of artikel 4:18 Awb

    def __post_init__(self):
        if self.goedkeuring not in GOEDKEURINGEN:
            raise ValueError(f"Onbekende goedkeuring: {self.goedkeuring!r}")

    @property
    def bw_3_43(self) -> bool:
        return bool(self.goedkeuring)

    @property
    def goedkeuring_verleend(self) -> bool:
        return self.goedkeuring == "verleend"

    @property
    def adresnaam(self) -> str:
        """The address block's first line: 'De heer J. Jansen', 'Mevrouw ...',
        or the name alone when the form of address is unknown."""
        vorm = {"heer": "De heer", "mevrouw": "Mevrouw"}.get(
            self.aanspreekvorm.strip().lower()
        )
        return f"{vorm} {self.geadresseerde_naam}" if vorm else self.geadresseerde_naam

    @property
    def verleende_onderdelen(self) -> tuple[Onderdeel, ...]:
        return tuple(o for o in self.onderdelen if o.verleend)

    @property
    def onderwerp_tekst(self) -> str:
        standaard = ONDERWERPEN.get(self.soort, ONDERWERP_BESLUIT)
        if self.bw_3_43 and standaard == ONDERWERP_BESLUIT:
            standaard = "Besluit op uw verzoek om ontheffing en goedkeuring"
        return self.onderwerp or standaard

    @property
    def onderdeel_tekst(self) -> str:
        return ONDERDELEN.get("d" + (self.onderdeel or "")[1:], "")

    @property
    def looptijd_tekst(self) -> str:
        van, tot = self.looptijd_van, self.looptijd_tot
        if van and tot:
            return f"van {datum(van)} tot en met {datum(tot)}"
        if van:
            return f"vanaf {datum(van)}"
        return f"tot en met {datum(tot)}" if tot else ""

    @property
    def overeenkomst_tekst(self) -> str:
        """The scope of a dictum: counterparty, subject, value and term."""
        tekst = f"de overeenkomst met {self.wederpartij}"
        if self.overeenkomst_onderwerp:
            tekst += f" over {self.overeenkomst_onderwerp}"
        if self.waarde is not None:
            tekst += f", met een waarde van {bedrag(self.waarde)}"
        if self.looptijd_tekst:
            tekst += f", voor de periode {self.looptijd_tekst}"
        return tekst

    @property
    def met_ontheffing(self) -> bool:
        """The dictum decides an exemption (not only the BW 3:43 approval)."""
        return self.soort in (
            Briefsoort.VERLEEND,
            Briefsoort.GEDEELTELIJK_VERLEEND,
            Briefsoort.GEWEIGERD_CRITERIA,
        )

    @property
    def met_voorschriften(self) -> bool:
        """Voorschriften belong to a granted exemption only."""
        verleend = self.soort == Briefsoort.VERLEEND or bool(self.verleende_onderdelen)
        return bool(self.voorschriften) and verleend

    @property
    def handeling_tekst(self) -> str:
        """'het aangaan door Jansen B.V. van de overeenkomst met ...'."""
        door = f" door {self.contractant}" if self.contractant else ""
        if ", " in self.contractant:
            door += ","  # an apposition is closed: 'uw echtgenoot, de heer X,'
        return f"het aangaan{door} van {self.overeenkomst_tekst}"

    @property
    def handeling_tekst_midden(self) -> str:
        """The same mid-sentence: a scope with a value or term between commas
        is closed by one ('..., met een waarde van € 1,00, te weigeren')."""
        tekst = self.handeling_tekst
        return f"{tekst}," if ", " in self.overeenkomst_tekst else tekst

    @property
    def dictum(self) -> tuple[str, ...]:
        """The numbered decisions: everything that was asked is decided, the
        BW 3:43 approval included (granted, refused or alone)."""
        verbod = f"het verbod van {self.grondslag}"
        regels: list[str] = []
        if self.soort == Briefsoort.VERLEEND:
            regels.append(
                f"u ontheffing te verlenen van {verbod} voor {self.handeling_tekst}"
            )
        elif self.soort == Briefsoort.GEWEIGERD_CRITERIA:
            regels.append(
                f"de door u gevraagde ontheffing van {verbod} voor {self.handeling_tekst_midden} te weigeren"
            )
        elif self.soort == Briefsoort.GEWEIGERD_NIET_ONTHEFFBAAR:
            regels.append(
                f"uw aanvraag van {datum(self.ontvangen)} om ontheffing van {verbod} af te wijzen"
            )
        elif self.soort == Briefsoort.GEDEELTELIJK_VERLEEND:
            for o in self.onderdelen:
                regels.append(
                    f"u ontheffing te verlenen van {verbod} voor {o.omschrijving}"
                    if o.verleend
                    else f"de door u gevraagde ontheffing van {verbod} te weigeren voor {o.omschrijving}"
                )
        elif self.soort == Briefsoort.GEEN_ONTHEFFING_VEREIST:
            wat = (
                self.handeling_tekst_midden
                if self.wederpartij
                else f"de handeling waarvoor u op {datum(self.ontvangen)} ontheffing heeft gevraagd"
            )
            reden = (
                f", omdat deze handeling niet valt onder {verbod}"
                if self.grondslag
                else ""
            )
            regels.append(
                f"vast te stellen dat voor {wat} geen ontheffing is vereist{reden}"
            )
        elif self.soort == Briefsoort.DWANGSOM and self.dwangsom:
            d = self.dwangsom
            dagen = f"{d.dagen} {'dag' if d.dagen == 1 else 'dagen'}"
            vast_bedrag = bedrag(d.bedrag).replace("€ ", NBSP_EURO)
            regels.append(
                "de dwangsom die is verbeurd omdat niet tijdig is beslist op uw "
                f"aanvraag van {datum(self.ontvangen)}, vast te stellen op "
                f"{vast_bedrag}: {dagen}, van {datum(d.eerste_dag)} tot en met "
                f"{datum(d.laatste_dag)}"
            )
            regels.append(
                "dit bedrag binnen zes weken na de datum van dit besluit aan u te "
                "betalen"
            )
        elif self.soort == Briefsoort.BUITEN_BEHANDELING:
            regels.append(
                f"uw aanvraag van {datum(self.ontvangen)} om ontheffing niet te behandelen"
            )
        if self.goedkeuring:
            verkrijging = (
                "de verkrijging op grond van deze overeenkomst"
                if self.wederpartij and regels
                else "de verkrijging waarvoor u goedkeuring heeft gevraagd"
            )
            regels.append(
                f"u goedkeuring te verlenen als bedoeld in {BW_3_43} voor {verkrijging}"
                if self.goedkeuring_verleend
                else f"de goedkeuring als bedoeld in {BW_3_43} voor {verkrijging} te weigeren"
            )
        if self.met_voorschriften:
            regels.append(
                "aan de verleende ontheffing de voorschriften te verbinden die hieronder staan"
            )
        return tuple(regels)

    @property
    def doorgezonden_vormen(self) -> dict[str, str]:
        """The verbs after the authority forwarded to: "Gedeputeerde Staten"
        are plural, the Minister and the Commissaris singular."""
        meervoud = self.doorgezonden_aan.startswith("Gedeputeerde Staten")
        return {
            "beslist": "beslissen" if meervoud else "beslist",
            "is": "zijn" if meervoud else "is",
            "behandelt": "behandelen" if meervoud else "behandelt",
        }

    @property
    def is_besluit(self) -> bool:
        """A forwarding (Awb 2:3) is a notice and a request for completion
        (Awb 4:5) or for a third party's view (Awb 4:8) a request, not
        decisions: no objection clause."""
        return self.soort not in (
            Briefsoort.DOORZENDING,
            Briefsoort.AANVULLING,
            Briefsoort.ZIENSWIJZE_DERDE,
        )

    @property
    def aan_aanvrager(self) -> bool:
        """Addressed to the applicant (not to a third party): 'uw aanvraag'."""
        return self.soort != Briefsoort.ZIENSWIJZE_DERDE


def aanhef(aanspreekvorm: str, achternaam: str) -> str:
    """'Geachte mevrouw De Vries,': a leading tussenvoegsel gets a capital (the
    spelling rule for a surname without initials), nothing else is changed."""
    vorm = aanspreekvorm.strip().lower()
    if vorm not in {"heer", "mevrouw"}:
        vorm = "heer/mevrouw"
    naam = achternaam.strip()
    if not naam:
        return f"Geachte {vorm},"
    return f"Geachte {vorm} {naam[0].upper()}{naam[1:]},"


def titel(brief: Brief) -> str:
    return f"{brief.onderwerp_tekst}, kenmerk {brief.kenmerk}"


def render_html(brief: Brief, *, concept: bool = False) -> str:
    context = {
        "brief": brief,
        "concept": concept,
        "titel": ("CONCEPT - " if concept else "") + titel(brief),
        "orgaan": brief.ondertekening.orgaan,
        "w": SPREKERS[brief.ondertekening.bestuursorgaan],
        "cdk": brief.ondertekening.bestuursorgaan == "cdk",
        "bw_3_43": BW_3_43,
        "bezwaartermijn_einde": bezwaartermijn_einde(brief.datum),
    }
    return render_to_string(f"letters/{Briefsoort(brief.soort)}.html", context)


def static_path(url: str) -> Path:
    """The file under STATIC_DIR that a file: URL names; ValueError otherwise.

    Letters may load only the stylesheet and images shipped with the app: no
    other file, no network, no data: URLs.
    """
    delen = urlsplit(url)
    if delen.scheme != "file" or delen.netloc not in {"", "localhost"}:
        raise ValueError(f"URL niet toegestaan in een brief: {url[:100]!r}")
    pad = Path(url2pathname(delen.path)).resolve()
    if (
        not pad.is_relative_to(STATIC_DIR.resolve())
        or not pad.is_file()
        or pad.suffix not in MEDIATYPES
    ):
        raise ValueError(f"Bestand niet toegestaan in een brief: {url[:100]!r}")
    return pad


@cache
def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticURLFetcher(URLFetcher):
        def __init__(self, *args, bronnen=None, **kwargs):
            super().__init__(*args, **kwargs)
            self.bronnen = bronnen or {}

        def fetch(self, url, headers=None):
            if url in self.bronnen:
                soort = MEDIATYPES[Path(urlsplit(url).path).suffix]
                return URLFetcherResponse(
                    url, self.bronnen[url], {"Content-Type": soort}
                )
            pad = static_path(url)
            return URLFetcherResponse(
                pad.as_uri(),
                pad.read_bytes(),
                {"Content-Type": MEDIATYPES[pad.suffix]},
            )

    return StaticURLFetcher


def static_url_fetcher(bronnen: dict[str, bytes] | None = None):
    """A WeasyPrint URL fetcher that serves only ``static_path`` files and the
    in-memory ``bronnen`` (the province's logo under ``LOGO_URL``).

    A refused URL is a bug in a template or the letterhead: rendering stops
    rather than produce a letter without its stylesheet or logo.
    """
    return _fetcher_class()(fail_on_errors=True, bronnen=bronnen)


STIJLBLAD = STATIC_DIR / "ontheffing" / "brief.css"
_per_thread = threading.local()


@atexit.register
def _opruimen():
    """Let WeasyPrint remove its temporary font folder while it still can (its
    clean-up fails once the interpreter has begun to shut down)."""
    _per_thread.__dict__.pop("stijlblad", None)


def _stijlblad():
    """The letter's stylesheet, parsed once per thread, with its fonts
    registered in a font configuration kept alongside.

    Parsing ``brief.css`` and loading its four font files for every letter was
    a fifth of the render time. Per thread, because WeasyPrint's font
    configuration is not made to be shared between threads."""
    if not hasattr(_per_thread, "stijlblad"):
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        fonts = FontConfiguration()
        css = CSS(
            url=STIJLBLAD.as_uri(),
            url_fetcher=static_url_fetcher(),
            font_config=fonts,
        )
        _per_thread.stijlblad = (css, fonts)
    return _per_thread.stijlblad


def render_pdf(html: str, *, logo_png: bytes | None = None) -> bytes:
    """Tagged PDF/UA-1; title and language come from the HTML.

    The HTML links ``brief.css`` (the browser preview needs it); here the
    link is answered with an empty sheet and the parsed one is passed in."""
    from weasyprint import HTML

    css, fonts = _stijlblad()
    bronnen = {STIJLBLAD.as_uri(): b""}
    if logo_png:
        bronnen[LOGO_URL] = logo_png
    document = HTML(
        string=html, base_url=STATIC_BASE_URL, url_fetcher=static_url_fetcher(bronnen)
    )
    return document.write_pdf(
        stylesheets=[css], font_config=fonts, pdf_variant="pdf/ua-1"
    )


@dataclass(frozen=True)
class Gerenderd:
    html: str
    pdf: bytes
    sha256: str


def render(brief: Brief, *, concept: bool = False) -> Gerenderd:
    html = render_html(brief, concept=concept)
    pdf = render_pdf(html, logo_png=brief.briefhoofd.logo_png)
    return Gerenderd(html=html, pdf=pdf, sha256=hashlib.sha256(pdf).hexdigest())
