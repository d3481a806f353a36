"""Allocations (toewijzingen) on the gemeente's side: what a WMO301/JW301 carries per product."""

from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from wmoketen.organisaties.scoping import OrganisatieQuerySet
from wmoketen.producten.codelijsten import InCodelijst, omschrijving
from wmoketen.producten.constants import Wet

from .constants import MAX_TOEWIJZINGNUMMER, REDEN_VERWIJDERD, Status


class ToewijzingQuerySet(OrganisatieQuerySet):
    def actueel(self, op: date) -> "ToewijzingQuerySet":
        """Allocations that are current on ``op``: not ended before it and not removed.

        An allocation with einddatum = ingangsdatum and RedenWijziging 13 (verwijderd) or 01
        (administratieve correctie) is not actueel (IV093, OP259).
        """
        return (
            self.filter(Q(einddatum__isnull=True) | Q(einddatum__gte=op))
            .exclude(status=Status.VERWIJDERD)
            .exclude(
                Q(einddatum=F("ingangsdatum")) & Q(reden_wijziging__in=sorted(REDEN_VERWIJDERD))
            )
        )

    def overlappend(self, ingangsdatum: date, einddatum: date | None) -> "ToewijzingQuerySet":
        """Allocations whose period overlaps [ingangsdatum, einddatum] (open end: None)."""
        qs = self.filter(Q(einddatum__isnull=True) | Q(einddatum__gte=ingangsdatum))
        if einddatum is not None:
            qs = qs.filter(ingangsdatum__lte=einddatum)
        return qs


class Toewijzing(models.Model):
    """One allocated product for one client at one aanbieder (a ToegewezenProduct).

    The gemeente's record: ``client`` is the gemeente's own client record. Visible to the
    gemeente and to the aanbieder it is allocated to.
    """

    gemeente = models.ForeignKey(
        "organisaties.Gemeente", models.PROTECT, related_name="toewijzingen"
    )
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder", models.PROTECT, related_name="toewijzingen"
    )
    client = models.ForeignKey(
        "clienten.Client", models.PROTECT, related_name="toewijzingen", verbose_name="cliënt"
    )
    wet = models.CharField("wet", max_length=10, choices=Wet.choices)
    toewijzingnummer = models.PositiveIntegerField(
        "toewijzingnummer",
        validators=[MinValueValidator(1), MaxValueValidator(MAX_TOEWIJZINGNUMMER)],
    )
    product = models.ForeignKey("producten.Product", models.PROTECT, related_name="toewijzingen")
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    volume = models.PositiveIntegerField(
        "volume", null=True, blank=True, validators=[MaxValueValidator(99_999_999)]
    )
    eenheid = models.CharField(
        "eenheid (WJ756)", max_length=2, blank=True, validators=[InCodelijst("WJ756")]
    )
    frequentie = models.CharField(
        "frequentie (WMO757)", max_length=1, blank=True, validators=[InCodelijst("WMO757")]
    )
    budget = models.DecimalField(
        "budget (€)",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    reden_wijziging = models.CharField("reden wijziging (WMO002/JZ002)", max_length=2, blank=True)
    referentie_aanbieder = models.CharField("referentie aanbieder", max_length=36, blank=True)
    toewijzingsdatum = models.DateField("toewijzingsdatum")
    toewijzingstijd = models.TimeField("toewijzingstijd")
    beschikkingnummer = models.CharField("beschikkingnummer", max_length=50, blank=True)
    bericht = models.ForeignKey(
        "berichten.Bericht",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="toewijzingen",
        verbose_name="laatst verzonden in",
    )
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.TOEGEWEZEN
    )
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    gewijzigd = models.DateTimeField("gewijzigd", auto_now=True)

    objects = ToewijzingQuerySet.as_manager()

    class Meta:
        ordering = ["client", "toewijzingnummer"]
        verbose_name = "toewijzing"
        verbose_name_plural = "toewijzingen"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "toewijzingnummer"],
                name="toewijzingnummer_uniek_per_gemeente",
                violation_error_message="Dit toewijzingnummer is bij de gemeente al in gebruik.",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("ingangsdatum")),
                name="toewijzing_einde_na_ingang",
                violation_error_message="De einddatum ligt vóór de ingangsdatum.",
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(volume__isnull=True),
                name="toewijzing_budget_of_omvang",
                violation_error_message="Een toewijzing heeft een budget óf een omvang.",
            ),
        ]
        indexes = [models.Index(fields=["gemeente", "aanbieder", "client"])]

    def __str__(self) -> str:
        return f"{self.toewijzingnummer} {self.product}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(gemeente_id=organisatie.pk) | Q(aanbieder_id=organisatie.pk)

    @property
    def eenheid_omschrijving(self) -> str:
        return omschrijving("WJ756", self.eenheid) if self.eenheid else ""

    @property
    def frequentie_omschrijving(self) -> str:
        return omschrijving("WMO757", self.frequentie) if self.frequentie else ""


class Nummerreeks(models.Model):
    """A counter per organisation (toewijzingnummers, message Identificaties)."""

    organisatie = models.ForeignKey(
        "organisaties.Organisatie", models.CASCADE, related_name="nummerreeksen"
    )
    naam = models.CharField("naam", max_length=30)
    laatste = models.PositiveBigIntegerField("laatst uitgegeven", default=0)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        verbose_name = "nummerreeks"
        verbose_name_plural = "nummerreeksen"
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "naam"], name="nummerreeks_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.organisatie} {self.naam}: {self.laatste}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(organisatie_id=organisatie.pk)
