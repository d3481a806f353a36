"""The client's allocations on his page (``clienten.dossier``), and which messages belong to
him (``berichten.dossier.koppeling``): the 301 of an allocation, the 305/307 of a levering.

The gemeente sees its own ``Toewijzing`` rows of its client record, the aanbieder the
``AanbiederToewijzing`` rows of its own record: each side's records, never the other's.
"""

from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.berichten.dossier import koppeling
from wmoketen.clienten.dossier import Dossierregel, onderdeel, periode

from .models import AanbiederToewijzing, Levering, Toewijzing


@onderdeel("Toewijzingen", Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE, Rol.AANBIEDER, volgorde=40)
def toewijzingen(gebruiker, client):
    organisatie = gebruiker.organisatie
    if organisatie is None:
        return
    if organisatie.is_gemeente:
        link = gebruiker.heeft_rol(Rol.BACKOFFICE)
        rijen = (
            Toewijzing.objects.voor_organisatie(organisatie)
            .filter(gemeente_id=organisatie.pk, client_id=client.pk)
            .select_related("product", "aanbieder")
            .order_by("-toewijzingsdatum", "-pk")
        )
        for t in rijen:
            yield Dossierregel(
                t.toewijzingsdatum,
                f"{t.toewijzingnummer} {t.product.naam}",
                t.get_status_display(),
                reverse("toewijzingen:detail", args=[t.pk]) if link else "",
                f"{t.aanbieder} · {periode(t.ingangsdatum, t.einddatum)}",
            )
        return
    link = gebruiker.heeft_rol(Rol.AANBIEDER)
    rijen = (
        AanbiederToewijzing.objects.voor_organisatie(organisatie)
        .filter(client_id=client.pk)
        .select_related("product", "gemeente")
        .order_by("-toewijzingsdatum", "-pk")
    )
    for t in rijen:
        yield Dossierregel(
            t.toewijzingsdatum,
            f"{t.toewijzingnummer} {t.product.naam}" if t.product_id else str(t),
            t.get_status_display(),
            reverse("toewijzingen:ontvangen", args=[t.pk]) if link else "",
            f"{t.gemeente} · {periode(t.ingangsdatum, t.einddatum)}",
        )


@koppeling
def berichten_van_toewijzingen(organisatie, client):
    yield (
        Toewijzing.objects.voor_organisatie(organisatie)
        .filter(client_id=client.pk)
        .values("bericht_id")
    )
    yield (
        AanbiederToewijzing.objects.voor_organisatie(organisatie)
        .filter(client_id=client.pk)
        .values("bericht_id")
    )
    # One queryset per side: an OR of the client on both joined records reads every levering.
    leveringen = Levering.objects.voor_organisatie(organisatie)
    for kant in ("toewijzing__client_id", "aanbieder_toewijzing__client_id"):
        van_client = leveringen.filter(**{kant: client.pk})
        yield van_client.values("startbericht_id")
        yield van_client.values("stopbericht_id")
