"""Demo data for `make run`: staff of two provinces, three applicants, and cases in
every state, made through the real use cases (so they carry a real history).

Idempotent: a second run changes nothing. Never for production: it refuses to
run without DEBUG unless --force is given.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from ontheffing import bezorging, services, termijnen
from ontheffing import kwalificatie as kw
from ontheffing.identiteit.demo import demo_apparaten, demo_code, demo_uitleg
from ontheffing.models import (
    Doorzendadres,
    Gebruiker,
    Gemeente,
    Mandaat,
    Orgaan,
    Provincie,
)
from ontheffing.states import Rol, Uitkomst
from ontheffing.toetsing import criteria_voor

WACHTWOORD = "demo-wachtwoord-2026"

PROVINCIES = {
    "PV25": {
        "postadres": "Postbus 9090\n6800 GX Arnhem",
        "bezoekadres": "Markt 11\n6811 CG Arnhem",
        "telefoon": "026 359 99 99",
        "email": "post@gelderland.example",
        "website": "www.gelderland.example",
        "cdk_naam": "mr. A.B. Voorbeeld",
        "secretaris_naam": "drs. C.D. Voorbeeld",
        "afschrift_aan": "",
    },
    "PV26": {
        "postadres": "Postbus 80300\n3508 TH Utrecht",
        "bezoekadres": "Archimedeslaan 6\n3584 BA Utrecht",
        "telefoon": "030 258 91 11",
        "email": "post@utrecht.example",
        "website": "www.utrecht.example",
        "cdk_naam": "drs. E.F. Voorbeeld",
        "secretaris_naam": "mr. G.H. Voorbeeld",
    },
}

MEDEWERKERS = [
    # email, naam, rol, provincie, extra
    ("behandelaar@gelderland.demo", "Sanne de Vries", Rol.BEHANDELAAR, "PV25", {}),
    (
        "behandelaar2@gelderland.demo",
        "Pieter Bakker",
        Rol.BEHANDELAAR,
        "PV25",
        {"functie": "senior jurist"},
    ),
    (
        "beslisser@gelderland.demo",
        "Karin Mulder",
        Rol.BESLISSER,
        "PV25",
        {"functie": "teamleider Juridische Zaken", "beslisser_bevestigd": True},
    ),
    ("beheerder@gelderland.demo", "Ahmed El Amrani", Rol.BEHEERDER, "PV25", {}),
    ("behandelaar@utrecht.demo", "Lotte Visser", Rol.BEHANDELAAR, "PV26", {}),
    (
        "beslisser@utrecht.demo",
        "Joost van Dam",
        Rol.BESLISSER,
        "PV26",
        {"functie": "afdelingshoofd Bestuurszaken", "beslisser_bevestigd": True},
    ),
    ("beheerder@utrecht.demo", "Fatima Yilmaz", Rol.BEHEERDER, "PV26", {}),
]

# The mandate register: holder, organ, scope, confirmed; requested by the
# province's beheerder and (when confirmed) confirmed by functional beheer.
MANDATEN = [
    ("behandelaar2@gelderland.demo", "gs", "alle", True),
    ("beslisser@gelderland.demo", "gs", "alle", True),
    ("beslisser@gelderland.demo", "cdk", "alle", True),
    ("beslisser@utrecht.demo", "gs", "alle", True),
    ("beslisser@utrecht.demo", "cdk", "alle", True),
    ("behandelaar@utrecht.demo", "gs", "weigeren", False),
]
BEHEERDERS = {"PV25": "beheerder@gelderland.demo", "PV26": "beheerder@utrecht.demo"}

AANVRAGERS = [
    ("raadslid@demo.nl", "Jeroen Hendriks", "heer"),
    ("wethouder@demo.nl", "Ingrid Smit", "mevrouw"),
    ("burgemeester@demo.nl", "Hans de Boer", "heer"),
]

# A one-page PDF with a proper cross-reference table: uploads are parsed.
PDF = (
    b"%PDF-1.4\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n"
    b"2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\nendobj\n"
    b"3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>\nendobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000054 00000 n \n"
    b"0000000105 00000 n \ntrailer\n<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n"
)


def _gebruiker(email, naam, **velden):
    user, nieuw = Gebruiker.objects.get_or_create(
        email=email, defaults={"naam": naam, "email_bevestigd": True, **velden}
    )
    if nieuw:
        user.set_password(WACHTWOORD)
        user.save()
    return user


class Command(BaseCommand):
    help = "Maakt demodata (alleen voor ontwikkeling) of drukt met --inlog de demo-inloggegevens af."

    def add_arguments(self, parser):
        parser.add_argument(
            "--inlog", action="store_true", help="Alleen de inloggegevens tonen."
        )
        parser.add_argument("--force", action="store_true", help="Ook zonder DEBUG.")
        parser.add_argument(
            "--code",
            action="store_true",
            help="De code van dit moment voor de tweede factor van de demo.",
        )

    def handle(self, *args, inlog=False, force=False, code=False, **options):
        if inlog:
            return self.toon_inlog()
        if not settings.DEBUG and not force:
            raise CommandError("Demodata alleen met DEBUG=1 (nooit in productie).")
        if code:
            self.stdout.write(demo_code())
            return
        if not Provincie.objects.filter(code="PV25").exists():
            raise CommandError(
                "Laad eerst de referentiedata: manage.py referentiedata_laden"
            )
        if Gebruiker.objects.filter(email="raadslid@demo.nl").exists():
            demo_apparaten(
                Gebruiker.objects.filter(
                    email__in=[email for email, *_ in MEDEWERKERS] + ["beheer@demo.nl"]
                )
            )
            self.stdout.write("Demodata staat er al.")
            return
        # The demo's own e-mails are not printed on the console: they are
        # delivered to memory at once, so the worker finds nothing waiting.
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
        ):
            with transaction.atomic():
                self.maak()
            bezorging.alles_versturen()
        self.stdout.write("Demodata gemaakt.")

    def toon_inlog(self):
        self.stdout.write(f"\nOntheffing draait op {settings.SITE_URL}\n")
        self.stdout.write(
            f"Demo-inloggegevens (wachtwoord voor iedereen: {WACHTWOORD}):"
        )
        for email, naam, rol, code, _ in MEDEWERKERS:
            self.stdout.write(f"  {rol.label:<12} {email:<32} {naam} ({code})")
        for email, naam, _ in AANVRAGERS:
            self.stdout.write(f"  {'Aanvrager':<12} {email:<32} {naam}")
        self.stdout.write("  Beheeromgeving (superuser): beheer@demo.nl\n")
        if settings.DEBUG:
            self.stdout.write("\n".join(demo_uitleg()) + "\n")

    def maak(self):
        for code, velden in PROVINCIES.items():
            Provincie.objects.filter(code=code).update(**velden)
        staf = {}
        for email, naam, rol, code, extra in MEDEWERKERS:
            staf[email] = _gebruiker(
                email,
                naam,
                rol=rol,
                provincie=Provincie.objects.get(code=code),
                **extra,
            )
        raadslid, wethouder, burgemeester = (
            _gebruiker(email, naam, aanspreekvorm=vorm)
            for email, naam, vorm in AANVRAGERS
        )
        beheer = _gebruiker(
            "beheer@demo.nl", "Functioneel beheer", is_staff=True, is_superuser=True
        )
        assert beheer.is_superuser
        demo_apparaten([*staf.values(), beheer])
        for email, orgaan, reikwijdte, bevestigd in MANDATEN:
            houder = staf[email]
            Mandaat.objects.create(
                provincie=houder.provincie,
                houder=houder,
                bestuursorgaan=orgaan,
                reikwijdte=reikwijdte,
                geldig_van=date(2026, 1, 1),
                bron_titel=f"Mandaatbesluit verboden handelingen {houder.provincie.naam} "
                "2026 (demo)",
                bron_datum=date(2025, 12, 18),
                aangevraagd_door=staf[BEHEERDERS[houder.provincie.code]],
                bevestigd_door=beheer if bevestigd else None,
                bevestigd_op=timezone.now() if bevestigd else None,
            )
        arnhem = Gemeente.objects.get(code="GM0202")
        ede = Gemeente.objects.get(code="GM0228")
        apeldoorn = Gemeente.objects.get(code="GM0200")
        utrecht = Gemeente.objects.get(code="GM0344")
        behandelaar = staf["behandelaar@gelderland.demo"]
        beslisser = staf["beslisser@gelderland.demo"]
        vandaag = timezone.localdate()

        def concept(aanvrager, gemeente, **velden):
            basis = dict(
                naam=aanvrager.naam,
                aanspreekvorm=aanvrager.aanspreekvorm,
                adres="Dorpsstraat 12",
                postcode="6811 AB",
                woonplaats=gemeente.naam,
                email=aanvrager.email,
                telefoon="06 12345678",
                ambt=kw.Ambt.RAADSLID,
                in_functie_sinds=date(2022, 3, 30),
                gemeente=gemeente,
                handeling=kw.Handeling.AANNEMING_VAN_WERK,
                wederpartij_naam=f"Gemeente {gemeente.naam}",
                onderwerp="Schilderwerk gemeentehuis",
                waarde=Decimal("18500.00"),
                omschrijving="Buitenschilderwerk van kozijnen en deuren van het gemeentehuis.",
                looptijd_van=date(vandaag.year + 1, 5, 1),
                looptijd_tot=date(vandaag.year + 1, 7, 31),
                totstandkoming="Meervoudig onderhandse aanbesteding; drie offertes gevraagd.",
                betrokken_bij_besluitvorming=False,
                onthouding=True,
                verklaring=True,
            )
            basis.update(velden)
            if "omschrijving" not in velden and "onderwerp" in velden:
                basis["omschrijving"] = (
                    f"{velden['onderwerp']}, volgens de bijgevoegde offerte."
                )
            verzoek = services.concept_aanmaken(
                user=aanvrager, provincie=gemeente.provincie, **basis
            )
            services.bijlage_toevoegen(
                user=aanvrager,
                verzoek=verzoek,
                soort="overeenkomst",
                bestand=ContentFile(PDF, name="offerte.pdf"),
            )
            for soort in verzoek.ontbrekende_bijlagen():
                services.bijlage_toevoegen(
                    user=aanvrager,
                    verzoek=verzoek,
                    soort=soort,
                    bestand=ContentFile(PDF, name=f"{soort}.pdf"),
                )
            return verzoek

        def ingediend(*args, **kwargs):
            verzoek = concept(*args, **kwargs)
            return services.verzoek_indienen(
                user=verzoek.ingediend_door, verzoek=verzoek
            )

        def in_toetsing(*args, **kwargs):
            verzoek = ingediend(*args, **kwargs)
            services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
            services.verzoek_kwalificeren(
                user=behandelaar,
                verzoek=verzoek,
                feiten=verzoek.feiten(),
                motivering="",
            )
            return verzoek

        def beoordeeld(verzoek):
            services.criteria_beoordelen(
                user=behandelaar,
                verzoek=verzoek,
                oordelen={
                    c: (
                        "voldaan",
                        f"{c.titel}: uit de stukken blijkt dat hieraan is voldaan.",
                    )
                    for c in criteria_voor(verzoek)
                },
            )
            return verzoek

        # concept
        concept(
            raadslid,
            arnhem,
            onderwerp="Levering kerstpakketten",
            handeling=kw.Handeling.LEVERING_ROERENDE_ZAKEN,
            waarde=Decimal("2400.00"),
            verklaring=False,
        )
        # ingediend
        ingediend(
            raadslid,
            ede,
            onderwerp="Onderhoud groen sportpark",
            handeling=kw.Handeling.WERKZAAMHEDEN_TEGEN_BELONING,
            relatie=kw.Relatie.EIGEN_RECHTSPERSOON,
            via_wie="Hendriks Hoveniers B.V.",
        )
        # aanvulling gevraagd
        v = ingediend(
            wethouder,
            apeldoorn,
            ambt=kw.Ambt.WETHOUDER,
            onderwerp="Huur garagebox",
            handeling=kw.Handeling.HUUR_OF_PACHT_VAN_OVERHEID,
            waarde=Decimal("1140.00"),
        )
        services.aanvulling_vragen(
            user=behandelaar,
            verzoek=v,
            ontbrekend=["Het huurcontract"],
            toelichting="Stuur ook de tarieflijst van de gemeente mee.",
            hersteltermijn_einde=termijnen.hersteltermijn_einde(vandaag),
        )
        # kwalificatie
        v = ingediend(
            raadslid,
            arnhem,
            onderwerp="Fotografie jaarverslag",
            handeling=kw.Handeling.WERKZAAMHEDEN_TEGEN_BELONING,
            waarde=Decimal("3200.00"),
        )
        services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=v)
        # toetsing
        in_toetsing(
            raadslid,
            ede,
            onderwerp="Levering drukwerk verkiezingen",
            handeling=kw.Handeling.LEVERING_ROERENDE_ZAKEN,
            waarde=Decimal("6400.00"),
        )
        # zienswijze gevraagd
        v = beoordeeld(
            in_toetsing(
                wethouder,
                arnhem,
                ambt=kw.Ambt.WETHOUDER,
                onderwerp="Verhuur geluidsinstallatie",
                waarde=Decimal("900.00"),
                handeling=kw.Handeling.VERHUUR_ROERENDE_ZAKEN,
            )
        )
        services.zienswijze_vragen(
            user=behandelaar,
            verzoek=v,
            van="de aanvrager",
            uiterlijk=termijnen.hersteltermijn_einde(vandaag),
            toelichting="De gemeente meldt een lagere marktprijs.",
        )
        # ter besluitvorming (burgemeester: CdK)
        v = beoordeeld(
            in_toetsing(
                burgemeester,
                apeldoorn,
                ambt=kw.Ambt.BURGEMEESTER,
                handeling=kw.Handeling.VERWERVING_ONROERENDE_ZAAK,
                onderwerp="Aankoop strook grond naast woning",
                waarde=Decimal("12500.00"),
                looptijd_van=None,
                looptijd_tot=None,
            )
        )
        services.besluit_voorstellen(
            user=behandelaar,
            verzoek=v,
            uitkomst=Uitkomst.VERLEEND,
            motivering="Aan alle criteria is voldaan.",
            goedkeuring="verleend",
            voorschriften=list(criteria_voor(v)[0].beleidsregel.voorschriften[:3]),
        )
        # afgehandeld (verleend)
        v = beoordeeld(in_toetsing(raadslid, arnhem))
        services.besluit_voorstellen(
            user=behandelaar,
            verzoek=v,
            uitkomst=Uitkomst.VERLEEND,
            motivering="Transparante aanbesteding tegen marktconforme prijs.",
            voorschriften=list(criteria_voor(v)[0].beleidsregel.voorschriften),
        )
        services.besluit_vaststellen(user=beslisser, verzoek=v)
        # doorgezonden (Statenlid: Minister van BZK)
        v = ingediend(
            wethouder,
            ede,
            ambt=kw.Ambt.STATENLID,
            onderwerp="Levering koffie provinciehuis",
            handeling=kw.Handeling.LEVERING_ROERENDE_ZAKEN,
        )
        minister, _ = Doorzendadres.objects.get_or_create(
            orgaan=Orgaan.MINISTER_BZK,
            provincie=None,
            defaults={
                "postadres": "Postbus 20011\n2500 EA Den Haag",
                "email": "verboden-handelingen@minbzk.example",
            },
        )
        services.verzoek_doorzenden(
            user=behandelaar,
            verzoek=v,
            aan=minister,
            toelichting="Voor Statenleden is de minister bevoegd.",
        )
        # ingetrokken
        v = ingediend(
            raadslid,
            ede,
            onderwerp="Verhuur aanhangwagen",
            handeling=kw.Handeling.VERHUUR_ROERENDE_ZAKEN,
        )
        services.verzoek_intrekken(
            user=raadslid, verzoek=v, reden="De gemeente ziet af van de huur."
        )
        # Utrecht: one case for the other province
        ingediend(
            wethouder,
            utrecht,
            ambt=kw.Ambt.WETHOUDER,
            onderwerp="Advies inrichting plein",
            handeling=kw.Handeling.WERKZAAMHEDEN_TEGEN_BELONING,
        )
