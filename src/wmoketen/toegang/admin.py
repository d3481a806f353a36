"""Functioneel beheer sees the route read-only: every change goes through the services."""

from django.contrib import admin

from wmoketen.accounts.beheer import BeheerModelAdmin
from wmoketen.audit.beheer import LeesLog

from .models import Beschikking, Melding, Ondersteuningsplan


@admin.register(Melding)
class MeldingAdmin(LeesLog, BeheerModelAdmin):
    alleen_lezen = True
    list_display = ["pk", "client", "wet", "ontvangen_op", "kanaal", "status", "consulent"]
    list_filter = ["wet", "status", "kanaal"]


@admin.register(Ondersteuningsplan)
class OndersteuningsplanAdmin(LeesLog, BeheerModelAdmin):
    audit_client = "melding.client_id"
    alleen_lezen = True
    list_display = ["pk", "melding", "status", "categorie", "intensiteit", "aanbieder"]
    list_filter = ["status"]


@admin.register(Beschikking)
class BeschikkingAdmin(LeesLog, BeheerModelAdmin):
    alleen_lezen = True
    list_display = ["nummer", "client", "aanbieder", "ingangsdatum", "einddatum", "open"]
    list_filter = ["open"]
    exclude = ["pdf"]
