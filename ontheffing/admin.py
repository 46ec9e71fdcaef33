"""The admin, for the functional administrators of the product (superusers).

The audit trail and issued letters are read-only here; cases change only
through the services, so the case admin is read-only too. So are staff (their
roles and mandates), the letterhead, bodies and beleidsregels: a change to them
goes through the beheer pages and their services, which record it with old and
new value in the append-only beheer record (README, "Audit en manipulatie").
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from ontheffing import models


class AlleenLezen(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Gebruiker)
class GebruikerAdmin(AlleenLezen, UserAdmin):
    ordering = ["email"]
    list_display = [
        "email",
        "naam",
        "rol",
        "provincie",
        "beslisser_bevestigd",
        "is_active",
    ]
    list_filter = ["rol", "provincie", "is_active"]
    search_fields = ["email", "naam"]
    # The beslisser role and mandates are confirmed by a second person in the
    # province's beheer (services.mandaten), never set here.
    readonly_fields = ["beslisser_bevestigd"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Persoon", {"fields": ["naam", "aanspreekvorm", "functie"]}),
        ("Rol", {"fields": ["rol", "provincie", "beslisser_bevestigd"]}),
        (
            "Status",
            {"fields": ["is_active", "email_bevestigd", "is_staff", "is_superuser"]},
        ),
    ]
    add_fieldsets = [
        (
            None,
            {"fields": ["email", "naam", "rol", "provincie", "password1", "password2"]},
        )
    ]


@admin.register(models.Mandaat)
class MandaatAdmin(admin.ModelAdmin):
    """Read only: the register is kept by the province's beheer."""

    list_display = [
        "houder",
        "provincie",
        "bestuursorgaan",
        "reikwijdte",
        "geldig_van",
        "geldig_tot",
        "bevestigd_op",
    ]
    list_filter = ["provincie", "bestuursorgaan"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Provincie)
class ProvincieAdmin(AlleenLezen):
    list_display = ["code", "naam", "email"]


@admin.register(models.Doorzendadres)
class DoorzendadresAdmin(admin.ModelAdmin):
    list_display = ["__str__", "email"]
    list_filter = ["orgaan"]


@admin.register(models.Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["code", "naam", "provincie", "inwoners"]
    list_filter = ["provincie"]
    search_fields = ["naam", "code"]


admin.site.register(models.Waterschap, AlleenLezen)
admin.site.register(models.Regeling, AlleenLezen)


class CriteriumInline(admin.TabularInline):
    model = models.Criterium
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Beleidsregel)
class BeleidsregelAdmin(AlleenLezen):
    list_display = ["titel", "provincie", "versie", "geldig_vanaf"]
    list_filter = ["provincie"]
    inlines = [CriteriumInline]


@admin.register(models.Verzoek)
class VerzoekAdmin(AlleenLezen):
    list_display = [
        "kenmerk",
        "provincie",
        "status",
        "naam",
        "onderwerp",
        "ontvangen_op",
    ]
    list_filter = ["provincie", "status"]
    search_fields = ["kenmerk", "naam", "onderwerp"]


@admin.register(models.Gebeurtenis)
class GebeurtenisAdmin(AlleenLezen):
    list_display = [
        "tijdstip",
        "verzoek",
        "actie",
        "actor",
        "van_status",
        "naar_status",
    ]
    list_filter = ["actie"]


@admin.register(models.Beheergebeurtenis)
class BeheergebeurtenisAdmin(AlleenLezen):
    list_display = ["tijdstip", "provincie", "actie", "onderwerp", "actor"]
    list_filter = ["provincie", "actie"]


@admin.register(models.Zegel)
class ZegelAdmin(AlleenLezen):
    list_display = ["soort", "sleutel", "verzoek_pk", "aantal", "bijgewerkt_op"]
    list_filter = ["soort"]


@admin.register(models.Besluit)
class BesluitAdmin(AlleenLezen):
    list_display = ["kenmerk", "soort", "uitkomst", "datum", "ondertekenaar", "sha256"]
    exclude = ["pdf"]


class BezorgpogingInline(admin.TabularInline):
    model = models.Bezorgpoging
    extra = 0
    can_delete = False
    readonly_fields = ["begonnen_op", "geeindigd_op", "resultaat", "antwoord", "werker"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(models.Bericht)
class BerichtAdmin(AlleenLezen):
    """The outbox, read-only: the proof of sending is not edited by hand."""

    list_display = ["aangemaakt_op", "onderwerp", "soort", "status", "verzonden_op"]
    list_filter = ["status", "soort"]
    search_fields = ["onderwerp", "message_id"]
    exclude = ["html"]
    inlines = [BezorgpogingInline]
