"""Functioneel beheer of the message store: messages read-only, the organisation's channel,
its API tokens (never the key: only its hash is stored, and that is not shown either)."""

from django.contrib import admin

from wmoketen.accounts.beheer import BeheerModelAdmin
from wmoketen.audit.beheer import LeesLog

from . import queries
from .models import ApiToken, Bericht, Berichtkanaal


@admin.register(Bericht)
class BerichtAdmin(LeesLog, BeheerModelAdmin):
    """Read-only: messages change only through the pipeline. The content is on the page
    ``/berichten/<id>/`` (summary, XML, retourcodes), not here."""

    alleen_lezen = True
    list_display = ["__str__", "afzender", "ontvanger", "status", "ontvangen_op"]
    list_filter = ["status", "standaard", "nummer", "transport"]
    search_fields = ["identificatie"]
    date_hierarchy = "ontvangen_op"
    exclude = ["inhoud", "origineel"]  # the earlier message may be another receiver's
    list_select_related = ["afzender", "ontvanger"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("inhoud")

    def log_gelezen(self, request, obj) -> None:
        # One row per client in the message, not one for the message's own client field.
        queries.log_lezen(
            obj, "bericht.gelezen", gebruiker=request.user, omschrijving="via functioneel beheer"
        )


@admin.register(Berichtkanaal)
class BerichtkanaalAdmin(BeheerModelAdmin):
    """How messages reach the beheerder's own organisation."""

    list_display = ["organisatie", "transport"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(organisatie_id=request.user.organisatie_id)

    def get_readonly_fields(self, request, obj=None):
        return ["organisatie"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "organisatie":
            field.queryset = field.queryset.filter(pk=request.user.organisatie_id)
            field.initial = request.user.organisatie_id
        return field

    def has_add_permission(self, request):
        # One channel per organisation.
        bestaat = Berichtkanaal.objects.filter(organisatie_id=request.user.organisatie_id)
        return super().has_add_permission(request) and not bestaat.exists()


@admin.register(ApiToken)
class ApiTokenAdmin(BeheerModelAdmin):
    """A list of the organisation's tokens; deactivating one revokes it. New tokens are
    made where the key can be shown once (not here)."""

    list_display = ["naam", "actief", "aangemaakt", "aangemaakt_door"]
    list_filter = ["actief"]
    fields = ["naam", "actief", "aangemaakt", "aangemaakt_door"]
    readonly_fields = ["naam", "aangemaakt", "aangemaakt_door"]

    def has_add_permission(self, request):
        return False
