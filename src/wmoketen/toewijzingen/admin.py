"""Functioneel beheer: allocations read-only (they change only through the services)."""

from django.contrib import admin

from wmoketen.accounts.beheer import BeheerModelAdmin
from wmoketen.audit.beheer import LeesLog

from .models import Toewijzing


@admin.register(Toewijzing)
class ToewijzingAdmin(LeesLog, BeheerModelAdmin):
    alleen_lezen = True
    list_display = [
        "toewijzingnummer",
        "product",
        "aanbieder",
        "gemeente",
        "ingangsdatum",
        "einddatum",
        "status",
    ]
    list_filter = ["status", "wet"]
    search_fields = ["toewijzingnummer", "beschikkingnummer"]
    list_select_related = ["product", "aanbieder", "gemeente"]
    raw_id_fields = ["client", "bericht"]
