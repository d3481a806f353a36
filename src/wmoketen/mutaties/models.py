"""A mutation: one change to a client's support, with what it did to the allocations."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from wmoketen.organisaties.scoping import OrganisatieQuerySet

from .constants import Soort


class Mutatie(models.Model):
    """Entered by the gemeente (or, for ``aanbieder_stopt`` and ``client_stopt``, reported by
    the aanbieder); visible to the gemeente and the aanbieders it concerns."""

    gemeente = models.ForeignKey("organisaties.Gemeente", models.PROTECT, related_name="+")
    client = models.ForeignKey(
        "clienten.Client", models.PROTECT, related_name="mutaties", verbose_name="cliënt"
    )
    traject = models.ForeignKey(
        "trajecten.Traject", models.PROTECT, null=True, blank=True, related_name="mutaties"
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    datum = models.DateField(
        "ingangsdatum",
        help_text="De dag waarop de nieuwe situatie geldt (bij een einde: de "
        "eerste dag zonder ondersteuning; bij overlijden: de overlijdensdatum).",
    )
    toelichting = models.TextField("toelichting", blank=True)
    gemeld_door = models.ForeignKey(
        "organisaties.Organisatie", models.PROTECT, related_name="+", verbose_name="gemeld door"
    )
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+"
    )
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="De aanbieder die het betreft (bij een wissel: de oude).",
    )
    nieuwe_aanbieder = models.ForeignKey(
        "organisaties.Aanbieder", models.PROTECT, null=True, blank=True, related_name="+"
    )
    volume = models.PositiveIntegerField("nieuw volume", null=True, blank=True)
    pgb_budget = models.DecimalField(
        "pgb-budget (€)", max_digits=10, decimal_places=2, null=True, blank=True
    )
    beeindigd = models.ManyToManyField(
        "toewijzingen.Toewijzing", blank=True, related_name="+", verbose_name="beëindigd"
    )
    nieuw = models.ManyToManyField(
        "toewijzingen.Toewijzing", blank=True, related_name="+", verbose_name="nieuw toegewezen"
    )
    # Changed in place (same ToewijzingNummer): a new volume with frequentie "totaal" (OP033x1).
    gewijzigd = models.ManyToManyField(
        "toewijzingen.Toewijzing", blank=True, related_name="+", verbose_name="gewijzigd"
    )
    berichten = models.ManyToManyField("berichten.Bericht", blank=True, related_name="+")
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = "mutatie"
        verbose_name_plural = "mutaties"

    def __str__(self) -> str:
        return f"{self.get_soort_display()} per {self.datum:%d-%m-%Y}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return (
            Q(gemeente_id=organisatie.pk)
            | Q(aanbieder_id=organisatie.pk)
            | Q(nieuwe_aanbieder_id=organisatie.pk)
        )
