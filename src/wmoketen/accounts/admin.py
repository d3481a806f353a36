from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from wmoketen.audit import services as audit

from .beheer import BeheerModelAdmin
from .models import Gebruiker

# Roles are fixed groups; authenticator devices hold secrets of users of every organisation.
admin.site.unregister(Group)
admin.site.unregister(TOTPDevice)


@admin.register(Gebruiker)
class GebruikerAdmin(BeheerModelAdmin, UserAdmin):
    """Users of the beheerder's own organisation; the organisation is fixed to his."""

    list_display = ["username", "first_name", "last_name", "email", "is_active"]
    list_filter = ["is_active", "groups"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Persoon", {"fields": ["first_name", "last_name", "email"]}),
        ("Rollen", {"fields": ["is_active", "groups"]}),
        ("Datums", {"fields": ["last_login", "date_joined"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]

    def get_queryset(self, request):
        return (
            super(BeheerModelAdmin, self)
            .get_queryset(request)
            .filter(organisatie=request.user.organisatie)
        )

    def save_model(self, request, obj, form, change):
        obj.organisatie = request.user.organisatie
        super().save_model(request, obj, form, change)

    def user_change_password(self, request, id, form_url=""):
        antwoord = super().user_change_password(request, id, form_url)
        if request.method == "POST" and antwoord.status_code == 302:
            gebruiker = self.get_queryset(request).get(pk=id)
            audit.log(
                request.user,
                "gebruiker.wachtwoord_gewijzigd",
                gebruiker,
                omschrijving=gebruiker.get_username(),
            )
        return antwoord
