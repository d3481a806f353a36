"""Evaluations in the beheer: read-only (they change through the form and the planning only)."""

from django.contrib import admin

from wmoketen.accounts.beheer import BeheerModelAdmin
from wmoketen.audit.beheer import LeesLog

from .models import Evaluatie


@admin.register(Evaluatie)
class EvaluatieAdmin(LeesLog, BeheerModelAdmin):
    audit_client = "traject.client_id"
    alleen_lezen = True
    list_display = ["__str__", "traject", "aanbieder", "status", "gehouden_op", "vervolgstap"]
    list_filter = ["soort", "status", "vervolgstap"]
    exclude = ["toelichting"]
