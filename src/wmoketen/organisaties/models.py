from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q

from .constants import (
    Declaratieregel,
    OnderaannemingStatus,
    OrganisatieSoort,
    Uitvoeringsvariant,
)
from .rekening import valideer_bic, valideer_iban
from .scoping import OrganisatieQuerySet
from .validators import valideer_agb_code, valideer_gemeentecode, valideer_kvk_nummer


class Organisatie(models.Model):
    """A party in the chain; every user and every client record belongs to exactly one."""

    naam = models.CharField("naam", max_length=200)
    soort = models.CharField("soort", max_length=20, choices=OrganisatieSoort.choices)

    class Meta:
        ordering = ["naam"]
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"

    def __str__(self) -> str:
        return self.naam

    @property
    def is_gemeente(self) -> bool:
        return self.soort == OrganisatieSoort.GEMEENTE

    @property
    def is_aanbieder(self) -> bool:
        return self.soort == OrganisatieSoort.AANBIEDER

    @property
    def specifiek(self) -> "Gemeente | Aanbieder":
        return self.gemeente if self.is_gemeente else self.aanbieder

    @property
    def code(self) -> str:
        """The code the chain knows the organisation by: gemeentecode or AGB-code."""
        return self.specifiek.code


class Betaalgegevens(models.Model):
    """The bank account payments go to (an aanbieder) or come from (a gemeente): kept by the
    contract manager through ``betaalgegevens.wijzig_betaalgegevens``, validated with schwifty."""

    iban = models.CharField("IBAN", max_length=34, blank=True, validators=[valideer_iban])
    bic = models.CharField("BIC", max_length=11, blank=True, validators=[valideer_bic])
    rekeninghouder = models.CharField("ten name van", max_length=70, blank=True)

    class Meta:
        abstract = True


class Gemeente(Betaalgegevens, Organisatie):
    gemeentecode = models.CharField(
        "CBS-gemeentecode", max_length=4, unique=True, validators=[valideer_gemeentecode]
    )
    open_beschikkingen = models.BooleanField(
        "werkt met open beschikkingen",
        default=False,
        help_text="Bij een open beschikking kiest de cliënt zelf een gecontracteerde aanbieder; "
        "die vraagt de toewijzing aan met een verzoek om toewijzing (315) met het "
        "beschikkingnummer.",
    )

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.soort = OrganisatieSoort.GEMEENTE

    @property
    def code(self) -> str:
        return self.gemeentecode


class Aanbieder(Betaalgegevens, Organisatie):
    agb_code = models.CharField(
        "AGB-code", max_length=8, unique=True, validators=[valideer_agb_code]
    )
    kvk_nummer = models.CharField(
        "KvK-nummer", max_length=8, blank=True, validators=[valideer_kvk_nummer]
    )

    class Meta:
        verbose_name = "aanbieder"
        verbose_name_plural = "aanbieders"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.soort = OrganisatieSoort.AANBIEDER

    @property
    def code(self) -> str:
        return self.agb_code


class Regio(models.Model):
    """Gemeenten that contract together (e.g. Midden-Limburg West)."""

    naam = models.CharField("naam", max_length=200, unique=True)
    gemeenten = models.ManyToManyField(Gemeente, related_name="regios", verbose_name="gemeenten")

    class Meta:
        ordering = ["naam"]
        verbose_name = "regio"
        verbose_name_plural = "regio's"

    def __str__(self) -> str:
        return self.naam


class Contract(models.Model):
    """A contract between a gemeente (or a regio) and an aanbieder as hoofdaannemer."""

    kenmerk = models.CharField("kenmerk", max_length=50, unique=True)
    gemeente = models.ForeignKey(
        Gemeente, models.PROTECT, null=True, blank=True, related_name="contracten"
    )
    regio = models.ForeignKey(
        Regio, models.PROTECT, null=True, blank=True, related_name="contracten"
    )
    aanbieder = models.ForeignKey(
        Aanbieder, models.PROTECT, related_name="contracten", verbose_name="hoofdaannemer"
    )
    begindatum = models.DateField("begindatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["-begindatum", "kenmerk"]
        verbose_name = "contract"
        verbose_name_plural = "contracten"
        constraints = [
            models.CheckConstraint(
                condition=Q(gemeente__isnull=False, regio__isnull=True)
                | Q(gemeente__isnull=True, regio__isnull=False),
                name="contract_gemeente_of_regio",
                violation_error_message="Een contract hoort bij één gemeente óf één regio.",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("begindatum")),
                name="contract_einde_na_begin",
                violation_error_message="De einddatum ligt vóór de begindatum.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kenmerk} ({self.aanbieder})"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        """Parties to the contract: its gemeente, the regio's gemeenten and the aanbieders."""
        return Q(
            pk__in=cls.objects.filter(
                Q(gemeente_id=organisatie.pk)
                | Q(regio__gemeenten__pk=organisatie.pk)
                | Q(aanbieder_id=organisatie.pk)
                | Q(
                    onderaannemingen__onderaannemer_id=organisatie.pk,
                    onderaannemingen__status=OnderaannemingStatus.GOEDGEKEURD,
                )
            ).values("pk")
        )

    @property
    def opdrachtgever(self) -> str:
        return str(self.gemeente or self.regio)

    def gemeente_ids(self) -> set[int]:
        """The gemeenten the contract binds: its gemeente or its regio's gemeenten."""
        if self.gemeente_id:
            return {self.gemeente_id}
        return set(self.regio.gemeenten.values_list("pk", flat=True))


class OnderaannemingQuerySet(models.QuerySet):
    def goedgekeurd(self) -> "OnderaannemingQuerySet":
        """Only an approved cooperation counts (scoping, plan deel 2, registration)."""
        return self.filter(status=OnderaannemingStatus.GOEDGEKEURD)


class Onderaanneming(models.Model):
    """An onderaannemer working under the hoofdaannemer of a contract.

    The hoofdaannemer requests it; the contract manager of the contract's gemeente (or of a
    gemeente of its regio) approves or refuses it. Only an approved one counts.
    """

    contract = models.ForeignKey(Contract, models.CASCADE, related_name="onderaannemingen")
    onderaannemer = models.ForeignKey(
        Aanbieder, models.PROTECT, related_name="onderaannemingen", verbose_name="onderaannemer"
    )
    begindatum = models.DateField("begindatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    omschrijving = models.TextField(
        "ondersteuning door de onderaannemer",
        blank=True,
        help_text="Welke ondersteuning de onderaannemer binnen het profiel biedt.",
    )
    status = models.CharField(
        "status",
        max_length=20,
        choices=OnderaannemingStatus.choices,
        default=OnderaannemingStatus.AANGEVRAAGD,
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="aangevraagd door",
    )
    aangevraagd_op = models.DateTimeField("aangevraagd op", null=True, blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="beoordeeld door",
    )
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)
    toelichting = models.TextField("toelichting bij de beoordeling", blank=True)

    objects = OnderaannemingQuerySet.as_manager()

    class Meta:
        ordering = ["contract", "onderaannemer__naam", "pk"]
        verbose_name = "onderaanneming"
        verbose_name_plural = "onderaannemingen"
        constraints = [
            # A refused request may be asked again; an open or approved one exists once.
            models.UniqueConstraint(
                fields=["contract", "onderaannemer"],
                condition=~Q(status=OnderaannemingStatus.AFGEWEZEN),
                name="onderaanneming_uniek",
                violation_error_message="Deze onderaannemer is al aangevraagd of goedgekeurd "
                "onder dit contract.",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("begindatum")),
                name="onderaanneming_einde_na_begin",
                violation_error_message="De einddatum ligt vóór de begindatum.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.onderaannemer} onder {self.contract.kenmerk}"

    @property
    def is_goedgekeurd(self) -> bool:
        return self.status == OnderaannemingStatus.GOEDGEKEURD


class Contractregel(models.Model):
    """One product on a contract, with its uitvoeringsvariant (OP261), period and tariffs.

    The line counts where both its own period and the contract's hold (``geldig_van`` …
    ``geldig_tot``); the tariff is a history of periods (``Tarief``), never overwritten.
    """

    contract = models.ForeignKey(Contract, models.CASCADE, related_name="regels")
    product = models.ForeignKey("producten.Product", models.PROTECT, related_name="contractregels")
    uitvoeringsvariant = models.CharField(
        "uitvoeringsvariant", max_length=20, choices=Uitvoeringsvariant.choices
    )
    eenheid = models.CharField("eenheid (WJ756)", max_length=2)
    frequentie = models.CharField("frequentie (WMO757)", max_length=1, blank=True)
    declaratieregel = models.CharField(
        "declaratieregel",
        max_length=30,
        choices=Declaratieregel.choices,
        default=Declaratieregel.LANDELIJK,
    )
    begindatum = models.DateField("begindatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)

    class Meta:
        ordering = ["contract", "product__productcode"]
        verbose_name = "contractregel"
        verbose_name_plural = "contractregels"
        constraints = [
            models.UniqueConstraint(fields=["contract", "product"], name="contractregel_uniek"),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("begindatum")),
                name="contractregel_einde_na_begin",
                violation_error_message="De einddatum ligt vóór de begindatum.",
            ),
        ]

    def __str__(self) -> str:
        # No contract kenmerk: the shared catalogue's pages list the lines of a product.
        return f"{self.product} vanaf {self.begindatum:%d-%m-%Y}"

    @property
    def geldig_van(self) -> date:
        return max(self.begindatum, self.contract.begindatum)

    @property
    def geldig_tot(self) -> date | None:
        einden = [d for d in (self.einddatum, self.contract.einddatum) if d]
        return min(einden) if einden else None

    def geldig_op(self, datum: date) -> bool:
        return self.geldig_van <= datum and (self.geldig_tot is None or datum <= self.geldig_tot)

    def tariefperioden(self) -> list[tuple["Tarief", date, date | None]]:
        """Each tariff with its period: until the day before the next one, or the line's end."""
        tarieven = sorted(self.tarieven.all(), key=lambda t: t.ingangsdatum)
        einden = [t.ingangsdatum - timedelta(days=1) for t in tarieven[1:]] + [self.geldig_tot]
        return list(zip(tarieven, [t.ingangsdatum for t in tarieven], einden, strict=True))

    def tarief_op(self, datum: date) -> Decimal | None:
        """The tariff on ``datum``; None where the line does not hold."""
        if not self.geldig_op(datum):
            return None
        geldend = [t for t in self.tarieven.all() if t.ingangsdatum <= datum]
        return max(geldend, key=lambda t: t.ingangsdatum).bedrag if geldend else None


class Tarief(models.Model):
    """The tariff of a contract line from ``ingangsdatum`` until the next tariff starts."""

    contractregel = models.ForeignKey(Contractregel, models.CASCADE, related_name="tarieven")
    bedrag = models.DecimalField("tarief per eenheid (€)", max_digits=10, decimal_places=2)
    ingangsdatum = models.DateField("ingangsdatum")

    class Meta:
        ordering = ["contractregel", "ingangsdatum"]
        verbose_name = "tarief"
        verbose_name_plural = "tarieven"
        constraints = [
            models.UniqueConstraint(
                fields=["contractregel", "ingangsdatum"],
                name="tarief_uniek_per_ingangsdatum",
                violation_error_message="Op deze datum gaat al een tarief in.",
            ),
            models.CheckConstraint(
                condition=Q(bedrag__gte=0),
                name="tarief_niet_negatief",
                violation_error_message="Een tarief is niet negatief.",
            ),
        ]

    def __str__(self) -> str:
        return f"€ {self.bedrag} vanaf {self.ingangsdatum:%d-%m-%Y}"
