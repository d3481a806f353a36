"""The demo's mutation: an aanbieder switch in Leudal."""

from datetime import timedelta

from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.mutaties import services as mutaties
from wmoketen.mutaties.models import Mutatie
from wmoketen.organisaties.models import Aanbieder
from wmoketen.toewijzingen.models import Toewijzing

from .berichten import bezorg_intern
from .gebruikers import gebruiker


def laad_aanbiederswissel(gemeente) -> None:
    """One mutation (Leudal): a client whose care started moves to another aanbieder in two
    weeks; the old aanbieder's allocation ends (301, reden 09), the new one gets a 301."""
    if Mutatie.objects.exists():
        return
    vandaag = timezone.localdate()
    nieuw = Aanbieder.objects.get(agb_code="73730202")
    toewijzing = (
        Toewijzing.objects.actueel(vandaag)
        .filter(gemeente=gemeente, aanbieder__agb_code="73730101", product__productcategorie="02")
        .exclude(einddatum__lt=vandaag + timedelta(days=14))
        .order_by("pk")
        .first()
    )
    if toewijzing is None:
        return
    mutaties.wissel_aanbieder(
        toewijzing,
        nieuwe_aanbieder=nieuw,
        datum=vandaag + timedelta(days=14),
        toelichting="De cliënt kiest een aanbieder dichter bij huis.",
        acting_user=gebruiker(gemeente, Rol.BACKOFFICE),
    )
    bezorg_intern()
