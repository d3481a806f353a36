from django import forms
from django.contrib import admin

from wmoketen.accounts.beheer import BeheerModelAdmin
from wmoketen.organisaties.models import Gemeente, Regio

from .constants import Soort
from .models import Sluitingsdag, Termijn, Termijnregel


class TermijnregelForm(forms.ModelForm):
    class Meta:
        model = Termijnregel
        fields = [
            "code", "naam", "aantal", "eenheid", "richting", "startgebeurtenis", "bron",
            "gemeente", "regio",
        ]  # fmt: skip

    def clean(self):
        # Rules made in beheer are always regional: the others ship with wmoketen.
        self.instance.soort = Soort.REGIONAAL
        return super().clean()


@admin.register(Termijnregel)
class TermijnregelAdmin(BeheerModelAdmin):
    """A gemeente overrides a rule for itself or its regio; landelijk and standaard are read."""

    form = TermijnregelForm
    list_display = ["code", "naam", "termijn_tekst", "soort", "bereik", "bron"]
    list_filter = ["soort", "eenheid"]
    search_fields = ["code", "naam"]

    def _mag_wijzigen(self, request) -> bool:
        return super()._mag_wijzigen(request) and request.user.organisatie.is_gemeente

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.soort != Soort.REGIONAAL:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and (obj.soort != Soort.REGIONAAL or obj.termijnen.exists()):
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        eigen = request.user.organisatie_id
        if db_field.name == "gemeente":
            kwargs["queryset"] = Gemeente.objects.filter(pk=eigen)
        elif db_field.name == "regio":
            kwargs["queryset"] = Regio.objects.filter(gemeenten__pk=eigen)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Sluitingsdag)
class SluitingsdagAdmin(BeheerModelAdmin):
    """The gemeente's own closing days; werkdagen for its deadlines skip them."""

    list_display = ["datum", "omschrijving"]
    fields = ["datum", "omschrijving"]

    def _mag_wijzigen(self, request) -> bool:
        return super()._mag_wijzigen(request) and request.user.organisatie.is_gemeente

    def get_form(self, request, obj=None, **kwargs):
        basis = super().get_form(request, obj, **kwargs)
        gemeente_id = request.user.organisatie_id

        class SluitingsdagForm(basis):
            def clean(self):
                gegevens = super().clean()
                self.instance.gemeente_id = gemeente_id
                dubbel = Sluitingsdag.objects.filter(
                    gemeente_id=gemeente_id, datum=gegevens.get("datum")
                ).exclude(pk=self.instance.pk)
                if dubbel.exists():
                    raise forms.ValidationError("Deze dag is al als sluitingsdag ingesteld.")
                return gegevens

        return SluitingsdagForm


@admin.register(Termijn)
class TermijnAdmin(BeheerModelAdmin):
    """Read-only: deadlines open and close through the services of the apps that own them."""

    alleen_lezen = True
    list_display = ["titel", "vervaldatum", "status", "gemeente", "startdatum", "gesloten_op"]
    list_filter = ["status"]
    date_hierarchy = "vervaldatum"
