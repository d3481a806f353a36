"""Taakgericht budgets: a budget per aanbieder and period, paid in advances (OP261).

A taakgericht contract line is never declared with a 323: the gemeente and the aanbieder agree
a budget for a period of whole calendar months (``Budgetafspraak``), the gemeente pays it in
monthly advances and, once the aanbieder has reported the delivery at the end of the period,
settles it (``Voorschot`` with soort ``afrekening``). Amounts are in eurocent. The payments
themselves are made by ``wmoketen.betalingen``, which points at a ``Voorschot``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from wmoketen.organisaties.scoping import OrganisatieQuerySet


class BudgetStatus(models.TextChoices):
    LOPEND = "lopend", "Lopend"
    AFGEREKEND = "afgerekend", "Afgerekend"


class VoorschotSoort(models.TextChoices):
    VOORSCHOT = "voorschot", "Voorschot"
    AFREKENING = "afrekening", "Afrekening"


class Budgetafspraak(models.Model):
    """A taakgericht budget of one aanbieder for one period at one gemeente."""

    gemeente = models.ForeignKey(
        "organisaties.Gemeente", models.PROTECT, related_name="budgetafspraken"
    )
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder", models.PROTECT, related_name="budgetafspraken"
    )
    contractregel = models.ForeignKey(
        "organisaties.Contractregel",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="budgetafspraken",
        verbose_name="contractregel (taakgericht)",
    )
    begindatum = models.DateField("begindatum")
    einddatum = models.DateField("einddatum")
    bedrag = models.BigIntegerField("budget (cent)")
    status = models.CharField(
        "status", max_length=20, choices=BudgetStatus.choices, default=BudgetStatus.LOPEND
    )
    gerealiseerd = models.BigIntegerField("gerealiseerd (cent)", null=True, blank=True)
    omschrijving = models.CharField("omschrijving", max_length=200, blank=True)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verantwoord_op = models.DateTimeField("verantwoord op", null=True, blank=True)
    verantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    afgerekend_op = models.DateTimeField("afgerekend op", null=True, blank=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["-begindatum", "aanbieder__naam", "pk"]
        verbose_name = "budgetafspraak"
        verbose_name_plural = "budgetafspraken"
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__gte=models.F("begindatum")),
                name="budget_einde_na_begin",
                violation_error_message="De einddatum ligt vóór de begindatum.",
            ),
            models.CheckConstraint(
                condition=Q(bedrag__gt=0),
                name="budget_bedrag_positief",
                violation_error_message="Het budget moet groter zijn dan nul.",
            ),
            models.CheckConstraint(
                condition=Q(gerealiseerd__isnull=True) | Q(gerealiseerd__gte=0),
                name="budget_gerealiseerd_niet_negatief",
                violation_error_message="De gerealiseerde levering kan niet negatief zijn.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.aanbieder} {self.begindatum:%m-%Y} t/m {self.einddatum:%m-%Y}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(gemeente_id=organisatie.pk) | Q(aanbieder_id=organisatie.pk)


class Voorschot(models.Model):
    """One monthly advance or the final settlement of a budget, to be paid by betalingen."""

    budget = models.ForeignKey(Budgetafspraak, models.CASCADE, related_name="voorschotten")
    maand = models.DateField("maand")  # the first day of the month
    soort = models.CharField("soort", max_length=20, choices=VoorschotSoort.choices)
    # Signed: a settlement is negative when the aanbieder pays back (underspend).
    bedrag = models.BigIntegerField("bedrag (cent)")
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["budget", "maand", "soort"]
        verbose_name = "voorschot"
        verbose_name_plural = "voorschotten"
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "maand", "soort"],
                name="voorschot_uniek_per_maand",
                violation_error_message="Voor deze maand is er al een voorschot.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.maand:%m-%Y}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(budget__gemeente_id=organisatie.pk) | Q(budget__aanbieder_id=organisatie.pk)
