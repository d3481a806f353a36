"""Allocations (toewijzingen) on the gemeente's side: what a WMO301/JW301 carries per product."""

from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from wmoketen.organisaties.scoping import OrganisatieQuerySet
from wmoketen.producten.codelijsten import InCodelijst, omschrijving
from wmoketen.producten.constants import Wet

from .constants import (
    MAX_TOEWIJZINGNUMMER,
    REDEN_VERWIJDERD,
    AanbiederStatus,
    LeveringStatus,
    Status,
)


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

    def zonder_start(self) -> "ToewijzingQuerySet":
        """Allocations without any delivery started (the waiting list): no Levering that is
        not removed."""
        return self.exclude(
            leveringen__status__in=[
                LeveringStatus.GESTART,
                LeveringStatus.GEPAUZEERD,
                LeveringStatus.GESTOPT,
            ]
        )


class Omvang(models.Model):
    """The size of an allocated or requested product: a volume in an eenheid per frequentie
    (the standard's Omvang) or a budget. Shared by the gemeente's and the aanbieder's
    allocations and by the products in a request; the constraint that it is one or the other
    is the allocation's own."""

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

    class Meta:
        abstract = True

    @property
    def eenheid_omschrijving(self) -> str:
        return omschrijving("WJ756", self.eenheid) if self.eenheid else ""

    @property
    def frequentie_omschrijving(self) -> str:
        return omschrijving("WMO757", self.frequentie) if self.frequentie else ""


class Toewijzing(Omvang):
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
    # The start_ondersteuning deadline that watches this allocation's start: its beschikking's
    # or its own (``start_ondersteuning``); the first 305 closes it.
    start_termijn = models.ForeignKey(
        "termijnen.Termijn",
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="termijn start ondersteuning",
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
        indexes = [
            models.Index(fields=["gemeente", "aanbieder", "client"]),
            # The backoffice list (views.lijst): its own allocations, the latest first.
            models.Index(fields=["gemeente", "-toewijzingsdatum", "-id"], name="toewijzing_lijst"),
        ]

    def __str__(self) -> str:
        return f"{self.toewijzingnummer} {self.product}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(gemeente_id=organisatie.pk) | Q(aanbieder_id=organisatie.pk)

    @property
    def laatste_levering(self) -> "Levering | None":
        """The latest delivery period that was not removed (None: never started)."""
        return (
            self.leveringen.exclude(status=LeveringStatus.VERWIJDERD)
            .order_by("-begindatum", "-pk")
            .first()
        )


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


def _hoofdaannemers_van(organisatie):
    """The hoofdaannemers that have ``organisatie`` as approved onderaannemer (a subquery)."""
    from wmoketen.organisaties.models import Onderaanneming

    return (
        Onderaanneming.objects.goedgekeurd()
        .filter(onderaannemer_id=organisatie.pk)
        .values("contract__aanbieder_id")
    )


class AanbiederToewijzingQuerySet(OrganisatieQuerySet):
    def actueel(self) -> "AanbiederToewijzingQuerySet":
        return self.filter(status=AanbiederStatus.ACTUEEL)

    def zonder_start(self) -> "AanbiederToewijzingQuerySet":
        """Current allocations for which the aanbieder never registered a start."""
        return self.actueel().exclude(
            leveringen__status__in=[
                LeveringStatus.GESTART,
                LeveringStatus.GEPAUZEERD,
                LeveringStatus.GESTOPT,
            ]
        )


class AanbiederToewijzing(Omvang):
    """One allocated product as the AANBIEDER received it in a WMO301/JW301.

    The aanbieder's own record (scoped to the aanbieder; ``client`` is the aanbieder's own
    client record, created or updated from the 301). The gemeente's record is ``Toewijzing``;
    in a two-party installation only the XML connects them.
    """

    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder", models.PROTECT, related_name="ontvangen_toewijzingen"
    )
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", models.PROTECT, related_name="+", verbose_name="gemeente"
    )
    client = models.ForeignKey(
        "clienten.Client",
        models.PROTECT,
        related_name="ontvangen_toewijzingen",
        verbose_name="cliënt",
    )
    wet = models.CharField("wet", max_length=10, choices=Wet.choices)
    toewijzingnummer = models.PositiveIntegerField("toewijzingnummer")
    productcategorie = models.CharField("productcategorie", max_length=2)
    productcode = models.CharField("productcode", max_length=5, blank=True)
    product = models.ForeignKey(
        "producten.Product",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Het product uit de catalogus met deze categorie en code, als dat er is.",
    )
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    reden_wijziging = models.CharField("reden wijziging", max_length=2, blank=True)
    referentie_aanbieder = models.CharField("referentie aanbieder", max_length=36, blank=True)
    toewijzingsdatum = models.DateField("toewijzingsdatum")
    toewijzingstijd = models.TimeField("toewijzingstijd")
    bericht = models.ForeignKey(
        "berichten.Bericht",
        models.PROTECT,
        related_name="ontvangen_toewijzingen",
        verbose_name="laatst ontvangen in",
    )
    ontvangen_op = models.DateField("eerst ontvangen op")
    status = models.CharField(
        "status", max_length=20, choices=AanbiederStatus.choices, default=AanbiederStatus.ACTUEEL
    )
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    gewijzigd = models.DateTimeField("gewijzigd", auto_now=True)

    objects = AanbiederToewijzingQuerySet.as_manager()

    class Meta:
        ordering = ["client", "toewijzingnummer"]
        verbose_name = "ontvangen toewijzing"
        verbose_name_plural = "ontvangen toewijzingen"
        constraints = [
            models.UniqueConstraint(
                fields=["aanbieder", "gemeente", "toewijzingnummer"],
                name="ontvangen_toewijzing_uniek",
            )
        ]

    def __str__(self) -> str:
        product = f"{self.productcategorie}{'/' + self.productcode if self.productcode else ''}"
        return f"{self.toewijzingnummer} {self.product or product}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        """The aanbieder itself and, through the contract, its onderaannemers."""
        return Q(aanbieder_id=organisatie.pk) | Q(aanbieder_id__in=_hoofdaannemers_van(organisatie))

    @property
    def laatste_levering(self) -> "Levering | None":
        return (
            self.leveringen.exclude(status=LeveringStatus.VERWIJDERD)
            .order_by("-begindatum", "-pk")
            .first()
        )

    def in_periode(self, datum: date) -> bool:
        return self.ingangsdatum <= datum and (self.einddatum is None or datum <= self.einddatum)


class LeveringQuerySet(OrganisatieQuerySet):
    def lopend(self) -> "LeveringQuerySet":
        """Started and neither stopped nor removed."""
        return self.filter(status=LeveringStatus.GESTART)


class Levering(models.Model):
    """One period of delivery of an allocated product: a start (305) and perhaps a stop (307).

    Exactly one of ``toewijzing`` (the gemeente's side, from a received 305/307) and
    ``aanbieder_toewijzing`` (the aanbieder's side, from what it sent) is set. A pause is a stop
    with reden 20; a restart is a new Levering with its own 305.
    """

    toewijzing = models.ForeignKey(
        Toewijzing, models.CASCADE, null=True, blank=True, related_name="leveringen"
    )
    aanbieder_toewijzing = models.ForeignKey(
        AanbiederToewijzing, models.CASCADE, null=True, blank=True, related_name="leveringen"
    )
    begindatum = models.DateField("begindatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    reden_beeindiging = models.CharField(
        "reden beëindiging (WMO588/JZ588)", max_length=2, blank=True
    )
    status = models.CharField(
        "status", max_length=20, choices=LeveringStatus.choices, default=LeveringStatus.GESTART
    )
    startbericht = models.ForeignKey(
        "berichten.Bericht",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="laatste 305",
    )
    stopbericht = models.ForeignKey(
        "berichten.Bericht",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="laatste 307",
    )
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    gewijzigd = models.DateTimeField("gewijzigd", auto_now=True)

    objects = LeveringQuerySet.as_manager()

    class Meta:
        ordering = ["begindatum", "pk"]
        verbose_name = "levering"
        verbose_name_plural = "leveringen"
        constraints = [
            models.CheckConstraint(
                condition=Q(toewijzing__isnull=True) ^ Q(aanbieder_toewijzing__isnull=True),
                name="levering_een_kant",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("begindatum")),
                name="levering_einde_na_begin",
                violation_error_message="De einddatum ligt vóór de begindatum.",
            ),
        ]

    def __str__(self) -> str:
        eind = f" t/m {self.einddatum:%d-%m-%Y}" if self.einddatum else ""
        return f"levering vanaf {self.begindatum:%d-%m-%Y}{eind}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return (
            Q(toewijzing__gemeente_id=organisatie.pk)
            | Q(toewijzing__aanbieder_id=organisatie.pk)
            | Q(aanbieder_toewijzing__aanbieder_id=organisatie.pk)
            | Q(aanbieder_toewijzing__aanbieder_id__in=_hoofdaannemers_van(organisatie))
        )

    @property
    def gepauzeerd(self) -> bool:
        return self.status == LeveringStatus.GEPAUZEERD


class Signaal(models.Model):
    """Something for the backoffice (or the aanbieder) to look at: a message that the standard
    does not let us refuse but that is odd (a start outside the allocation period, a 305 or
    307 sent late), or an allocation that ended while delivery was still running."""

    organisatie = models.ForeignKey(
        "organisaties.Organisatie", models.CASCADE, related_name="toewijzingsignalen"
    )
    soort = models.CharField("soort", max_length=40)
    tekst = models.TextField("toelichting")
    bericht = models.ForeignKey(
        "berichten.Bericht", models.PROTECT, null=True, blank=True, related_name="+"
    )
    toewijzing = models.ForeignKey(
        Toewijzing, models.CASCADE, null=True, blank=True, related_name="signalen"
    )
    aanbieder_toewijzing = models.ForeignKey(
        AanbiederToewijzing, models.CASCADE, null=True, blank=True, related_name="signalen"
    )
    afgehandeld_op = models.DateTimeField("afgehandeld op", null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        "accounts.Gebruiker", models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt", "-pk"]
        verbose_name = "signaal"
        verbose_name_plural = "signalen"

    def __str__(self) -> str:
        return f"{self.soort}: {self.tekst[:60]}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(organisatie_id=organisatie.pk)
