"""The Django admin as functioneel beheer: open to functioneel beheerders only, scoped to
their organisation, every change audit-logged."""

from functools import wraps

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.urls import path

from wmoketen.audit import services as audit
from wmoketen.organisaties.velden import is_geldig_id

GEEN_BEHEERDER = "Functioneel beheer is alleen voor functioneel beheerders."
ONGELDIGE_SELECTIE = "De selectie bevat een ongeldig nummer: er is niets uitgevoerd."


class BeheerSite(admin.AdminSite):
    site_header = "wmoketen – functioneel beheer"
    site_title = "wmoketen beheer"
    index_title = "Functioneel beheer"

    def has_permission(self, request) -> bool:
        user = request.user
        return user.is_active and user.is_authenticated and user.is_functioneel_beheerder

    def admin_view(self, view, cacheable=False):
        """A logged-in user without the role gets "Geen toegang" (403): the admin would send
        him to its login, which sends a logged-in user back here, endlessly."""
        beschermd = super().admin_view(view, cacheable)

        @wraps(beschermd)
        def alleen_beheerders(request, *args, **kwargs):
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied(GEEN_BEHEERDER)
            return beschermd(request, *args, **kwargs)

        return alleen_beheerders

    def get_urls(self):
        return [
            path(
                "r/<path:content_type_id>/<path:object_id>/",
                self.admin_view(self.bekijk_op_site),
                name="view_on_site",
            )
            if getattr(url, "name", None) == "view_on_site"
            else url
            for url in super().get_urls()
        ]

    def bekijk_op_site(self, request, content_type_id, object_id):
        """The admin's "view on site" redirect, for objects this beheerder may see only.

        Django's version redirects for any object of any model: another organisation's object
        gave a 302 and a missing one a 404, which told which ids exist. Both are 404 here.
        """
        try:
            model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        except (ContentType.DoesNotExist, ValueError):
            raise Http404 from None
        model_admin = self._registry.get(model)
        obj = model_admin.get_object(request, object_id) if model_admin else None
        if obj is None or not model_admin.has_view_permission(request, obj):
            raise Http404
        return contenttype_views.shortcut(request, content_type_id, object_id)


def scope(queryset, organisatie):
    """Apply the organisation scope when the model has one (see organisaties.scoping)."""
    if hasattr(queryset, "voor_organisatie"):
        return queryset.voor_organisatie(organisatie)
    return queryset


class BeheerModelAdmin(admin.ModelAdmin):
    """Base for every admin: scoped querysets and choices, audit rows for changes.

    ``alleen_lezen``: shown but never changed here (client data changes through services).
    ``referentiedata``: shared data (catalogue, regions) that gemeenten maintain.
    """

    alleen_lezen = False
    referentiedata = False

    def get_queryset(self, request):
        return scope(super().get_queryset(request), request.user.organisatie)

    def get_object(self, request, object_id, from_field=None):
        # An id beyond 64 bits overflowed on a parent-link primary key (a 500): no such object.
        if from_field is None and not is_geldig_id(object_id):
            return None
        return super().get_object(request, object_id, from_field)

    def changelist_view(self, request, extra_context=None):
        # The admin passes filter and search values straight into the query, and PostgreSQL
        # refuses a NUL byte there: answer 400 (the 400 page) instead of a 500.
        if _bevat_nul(request.GET):
            raise SuspiciousOperation("NUL-teken in de filters van functioneel beheer")
        return super().changelist_view(request, extra_context)

    def response_action(self, request, queryset):
        # Django filters pk__in on the posted selection as is: a non-numeric id was a 500.
        gekozen = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if not all(is_geldig_id(waarde) for waarde in gekozen):
            self.message_user(request, ONGELDIGE_SELECTIE, messages.WARNING)
            return None
        return super().response_action(request, queryset)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None:
            field.queryset = scope(field.queryset, request.user.organisatie)
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None:
            field.queryset = scope(field.queryset, request.user.organisatie)
        return field

    def _mag_wijzigen(self, request) -> bool:
        if self.alleen_lezen or not request.user.is_functioneel_beheerder:
            return False
        return request.user.organisatie.is_gemeente if self.referentiedata else True

    def has_module_permission(self, request):
        return request.user.is_functioneel_beheerder

    def has_view_permission(self, request, obj=None):
        return request.user.is_functioneel_beheerder

    def has_add_permission(self, request):
        return self._mag_wijzigen(request)

    def has_change_permission(self, request, obj=None):
        return self._mag_wijzigen(request)

    def has_delete_permission(self, request, obj=None):
        return self._mag_wijzigen(request)

    def save_model(self, request, obj, form, change):
        oud = {veld: form.initial.get(veld) for veld in form.changed_data}
        super().save_model(request, obj, form, change)
        nieuw = {
            veld: form.cleaned_data.get(veld)
            for veld in form.changed_data
            if "password" not in veld  # a password never goes into the trail
        }
        gevoelig = getattr(obj, "AUDIT_GEVOELIG", frozenset())
        gewijzigd = audit.wijzigingen(oud, _als_tekst(nieuw), gevoelig)
        actie = f"{obj._meta.model_name}.{'gewijzigd' if change else 'toegevoegd'}"
        audit.log(request.user, actie, obj, omschrijving=str(obj), wijzigingen=gewijzigd)

    def delete_model(self, request, obj):
        audit.log(request.user, f"{obj._meta.model_name}.verwijderd", obj, omschrijving=str(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit.log(
                request.user, f"{obj._meta.model_name}.verwijderd", obj, omschrijving=str(obj)
            )
        super().delete_queryset(request, queryset)


def _bevat_nul(querydict) -> bool:
    return any("\x00" in tekst for naam, waarden in querydict.lists() for tekst in (naam, *waarden))


def _als_tekst(waarden: dict) -> dict:
    """Form values as the trail shows them (many-to-many: the names)."""
    return {
        veld: ", ".join(map(str, waarde))
        if hasattr(waarde, "__iter__") and not isinstance(waarde, str)
        else waarde
        for veld, waarde in waarden.items()
    }
