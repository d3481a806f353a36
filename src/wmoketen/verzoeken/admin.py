from django.contrib import admin

from .models import Antwoord, Verzoek, VerzoekProduct


class VerzoekProductInline(admin.TabularInline):
    model = VerzoekProduct
    extra = 0
    fields = ["soort", "referentie_aanbieder", "toewijzingnummer", "product", "status"]
    readonly_fields = fields


@admin.register(Verzoek)
class VerzoekAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kant", "organisatie", "wet", "status", "dagtekening"]
    list_filter = ["kant", "soort", "wet", "status"]
    search_fields = ["referentie_aanbieder", "producten__referentie_aanbieder"]
    raw_id_fields = ["client", "bericht"]
    inlines = [VerzoekProductInline]


@admin.register(Antwoord)
class AntwoordAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisatie", "reden_afwijzing", "aangemaakt"]
    raw_id_fields = ["verzoek", "bericht"]
