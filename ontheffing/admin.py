"""The admin, for the functional administrators of the product (superusers).

The audit trail and issued letters are read-only here; cases change only
through the services, so the case admin is read-only too.
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
class GebruikerAdmin(UserAdmin):
    ordering = ["email"]
    list_display = [
        "email",
        "naam",
        "rol",
        "provincie",
        "mandaat",
        "mag_namens_cdk",
        "is_active",
    ]
    list_filter = ["rol", "provincie", "is_active"]
    search_fields = ["email", "naam"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Persoon", {"fields": ["naam", "aanspreekvorm", "functie"]}),
        ("Rol", {"fields": ["rol", "provincie", "mandaat", "mag_namens_cdk"]}),
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


@admin.register(models.Provincie)
class ProvincieAdmin(admin.ModelAdmin):
    list_display = ["code", "naam", "email"]


@admin.register(models.Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["code", "naam", "provincie", "inwoners"]
    list_filter = ["provincie"]
    search_fields = ["naam", "code"]


admin.site.register(models.Waterschap)
admin.site.register(models.Regeling)


class CriteriumInline(admin.TabularInline):
    model = models.Criterium
    extra = 0


@admin.register(models.Beleidsregel)
class BeleidsregelAdmin(admin.ModelAdmin):
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
