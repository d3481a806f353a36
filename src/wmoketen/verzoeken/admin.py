"""Requests in the beheer: read-only (they change through messages and decisions only)."""

from django.contrib import admin

from wmoketen.accounts.beheer import BeheerModelAdmin
from wmoketen.audit.beheer import LeesLog

from .models import Antwoord, Verzoek


@admin.register(Verzoek)
class VerzoekAdmin(LeesLog, BeheerModelAdmin):
    alleen_lezen = True
    list_display = ["__str__", "kant", "organisatie", "wet", "status", "dagtekening"]
    list_filter = ["kant", "soort", "wet", "status"]
    search_fields = ["referentie_aanbieder", "producten__referentie_aanbieder"]


@admin.register(Antwoord)
class AntwoordAdmin(BeheerModelAdmin):
    alleen_lezen = True
    list_display = ["__str__", "organisatie", "reden_afwijzing", "aangemaakt"]
