from django.contrib import admin

from wmoketen.accounts.beheer import BeheerModelAdmin

from .models import Aanbieder, Contract, Contractregel, Gemeente, Onderaanneming, Regio


class EigenOrganisatieAdmin(BeheerModelAdmin):
    """A beheerder maintains his own organisation's data only."""

    def get_queryset(self, request):
        return super().get_queryset(request).filter(pk=request.user.organisatie_id)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Gemeente)
class GemeenteAdmin(EigenOrganisatieAdmin):
    list_display = ["naam", "gemeentecode", "open_beschikkingen"]
    fields = ["naam", "gemeentecode", "open_beschikkingen"]


@admin.register(Aanbieder)
class AanbiederAdmin(EigenOrganisatieAdmin):
    list_display = ["naam", "agb_code", "kvk_nummer"]
    fields = ["naam", "agb_code", "kvk_nummer"]


@admin.register(Regio)
class RegioAdmin(BeheerModelAdmin):
    """Read-only: a gemeente must not change another's membership (contracts, deadlines)."""

    alleen_lezen = True
    list_display = ["naam"]


class ContractregelInline(admin.TabularInline):
    """Shown only: the contract manager keeps lines and tariffs on the contract page."""

    model = Contractregel
    extra = 0
    can_delete = False
    fields = [
        "product",
        "uitvoeringsvariant",
        "eenheid",
        "frequentie",
        "begindatum",
        "einddatum",
        "tarieven",
        "declaratieregel",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="tarieven")
    def tarieven(self, regel):
        return "; ".join(str(tarief) for tarief in regel.tarieven.all())


class OnderaannemingInline(admin.TabularInline):
    """Shown only: consent goes through the contract page (request and assessment)."""

    model = Onderaanneming
    extra = 0
    fields = ["onderaannemer", "begindatum", "einddatum", "status", "beoordeeld_op"]
    readonly_fields = fields


@admin.register(Contract)
class ContractAdmin(BeheerModelAdmin):
    """Contracts are read here; contract management gets its own screens."""

    alleen_lezen = True
    list_display = ["kenmerk", "opdrachtgever", "aanbieder", "begindatum", "einddatum"]
    inlines = [ContractregelInline, OnderaannemingInline]
