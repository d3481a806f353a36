from django.contrib import admin

from wmoketen.accounts.beheer import BeheerModelAdmin

from .models import AuditRegel


@admin.register(AuditRegel)
class AuditRegelAdmin(BeheerModelAdmin):
    alleen_lezen = True
    list_display = ["tijdstip", "gebruikersnaam", "actie", "object_type", "object_id", "client_id"]
    list_filter = ["actie"]
    search_fields = ["gebruikersnaam", "=client_id"]
