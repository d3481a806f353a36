from django.contrib import admin

from wmoketen.accounts.beheer import BeheerModelAdmin
from wmoketen.audit.beheer import LeesLog

from .models import Client


@admin.register(Client)
class ClientAdmin(LeesLog, BeheerModelAdmin):
    """Read-only: client data changes only through the services (audit, validation)."""

    alleen_lezen = True
    list_display = ["__str__", "bsn_gemaskeerd", "geboortedatum"]
    exclude = ["bsn"]
    search_fields = ["geslachtsnaam"]
    audit_client = "pk"
