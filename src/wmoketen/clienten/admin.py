from django.contrib import admin

from wmoketen.accounts.beheer import BeheerModelAdmin
from wmoketen.audit import services as audit

from .models import Client


@admin.register(Client)
class ClientAdmin(BeheerModelAdmin):
    """Read-only: client data changes only through the services (audit, validation)."""

    alleen_lezen = True
    list_display = ["__str__", "bsn_gemaskeerd", "geboortedatum"]
    exclude = ["bsn"]
    search_fields = ["geslachtsnaam"]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        client = self.get_object(request, object_id) if request.method == "GET" else None
        if client is not None:
            audit.log(
                request.user,
                "client.gelezen",
                client,
                client_id=client.pk,
                omschrijving="via functioneel beheer",
            )
        return super().change_view(request, object_id, form_url, extra_context)
