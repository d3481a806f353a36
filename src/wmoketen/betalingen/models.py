"""Payment batches: what a gemeente pays an aanbieder for one month (``docs/betalingen.md``).

A ``Betaalbatch`` collects, per gemeente, aanbieder and month, the prestaties the gemeente
approved in that month's 325s and the advances and settlements of taakgericht budgets
(``budgetten.Voorschot``) of that month; each is paid once (``Betaalregel``, one-to-one).
Amounts are eurocent, signed: a credit prestatie or a settlement paid back is negative.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from wmoketen.organisaties.scoping import OrganisatieQuerySet

from .constants import BEVROREN, BatchStatus


class Betaalbatch(models.Model):
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", models.PROTECT, related_name="betaalbatches"
    )
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder", models.PROTECT, related_name="betaalbatches"
    )
    maand = models.DateField("maand")  # the first day: the month the 325s were sent
    status = models.CharField(
        "status", max_length=20, choices=BatchStatus.choices, default=BatchStatus.CONCEPT
    )
    vervaldatum = models.DateField("uiterste betaaldatum", null=True, blank=True)
    termijn = models.ForeignKey(
        "termijnen.Termijn", models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    vastgesteld_op = models.DateTimeField("vastgesteld op", null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    geexporteerd_op = models.DateTimeField("geëxporteerd op", null=True, blank=True)
    betaald_op = models.DateField("betaald op", null=True, blank=True)
    betaald_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The accounts as they were when the batch was fixed: the files pay these, whatever the
    # organisations' accounts are changed to later (the page warns when they differ).
    crediteur_iban = models.CharField("IBAN aanbieder", max_length=34, blank=True)
    crediteur_bic = models.CharField("BIC aanbieder", max_length=11, blank=True)
    crediteur_naam = models.CharField("ten name van (aanbieder)", max_length=70, blank=True)
    debiteur_iban = models.CharField("IBAN gemeente", max_length=34, blank=True)
    debiteur_bic = models.CharField("BIC gemeente", max_length=11, blank=True)
    debiteur_naam = models.CharField("ten name van (gemeente)", max_length=70, blank=True)
    # The SEPA file as first exported, handed out again unchanged: the bank sees one message
    # (MsgId, PmtInfId and EndToEndId are the kenmerk) and can refuse a second submission.
    sepa_bestand = models.BinaryField("SEPA-bestand", null=True, blank=True, editable=False)
    sepa_berichtid = models.CharField("SEPA MsgId", max_length=35, blank=True, editable=False)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["-maand", "aanbieder__naam", "pk"]
        verbose_name = "betaalbatch"
        verbose_name_plural = "betaalbatches"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "aanbieder", "maand"],
                name="betaalbatch_uniek_per_maand",
                violation_error_message="Er is al een betaalbatch voor deze aanbieder en maand.",
            ),
        ]
        indexes = [
            models.Index(fields=["gemeente", "status", "-maand"], name="betaalbatch_lijst"),
            models.Index(fields=["aanbieder", "status", "-maand"], name="betaalbatch_aanbieder"),
        ]

    def __str__(self) -> str:
        return f"Betaalbatch {self.kenmerk}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        """The gemeente its batches; the aanbieder its own once fixed (a concept is the
        gemeente's work in progress)."""
        return Q(gemeente_id=organisatie.pk) | Q(aanbieder_id=organisatie.pk, status__in=BEVROREN)

    @property
    def kenmerk(self) -> str:
        """The batch's reference: the SEPA end-to-end id and the CSV's first column
        (at most 35 characters, letters, digits and hyphens)."""
        return f"BB-{self.gemeente.gemeentecode}-{self.aanbieder.agb_code}-{self.maand:%Y%m}"

    @property
    def is_concept(self) -> bool:
        return self.status == BatchStatus.CONCEPT

    @property
    def crediteur(self) -> tuple[str, str, str]:
        """The aanbieder's account fixed with the batch: (IBAN, BIC, ten name van)."""
        return (self.crediteur_iban, self.crediteur_bic, self.crediteur_naam)

    @property
    def debiteur(self) -> tuple[str, str, str]:
        """The gemeente's account fixed with the batch: (IBAN, BIC, ten name van)."""
        return (self.debiteur_iban, self.debiteur_bic, self.debiteur_naam)


class Betaalregel(models.Model):
    """One approved prestatie or one budget advance/settlement in a batch, paid once."""

    batch = models.ForeignKey(Betaalbatch, models.CASCADE, related_name="regels")
    prestatie = models.OneToOneField(
        "declaraties.OntvangenPrestatie",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="betaalregel",
    )
    voorschot = models.OneToOneField(
        "budgetten.Voorschot",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="betaalregel",
    )
    bedrag = models.BigIntegerField("bedrag (cent, credit negatief)")
    productcode = models.CharField("productcode", max_length=5, blank=True)
    omschrijving = models.CharField("omschrijving", max_length=200)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["batch", "pk"]
        verbose_name = "betaalregel"
        verbose_name_plural = "betaalregels"
        constraints = [
            models.CheckConstraint(
                condition=Q(prestatie__isnull=False, voorschot__isnull=True)
                | Q(prestatie__isnull=True, voorschot__isnull=False),
                name="betaalregel_prestatie_of_voorschot",
                violation_error_message="Een betaalregel betaalt een prestatie óf een voorschot.",
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(batch__in=Betaalbatch.objects.voor_organisatie(organisatie).values("pk"))
