"""Requests from the aanbieder: a verzoek om toewijzing (315) or om wijziging (317).

Both sides keep their own record of one request, as with allocations: the aanbieder's
(``kant=aanbieder``, what it sent) and the gemeente's (``kant=gemeente``, what it received and
decided). ``organisatie`` owns the record; in a two-party installation only the XML connects them.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from wmoketen.berichten.standaarden import STANDAARD
from wmoketen.organisaties.scoping import OrganisatieQuerySet
from wmoketen.producten.codelijsten import InCodelijst, omschrijving
from wmoketen.producten.constants import Wet
from wmoketen.toewijzingen.models import Omvang

from .constants import ONDERHANDEN, Kant, ProductSoort, Soort, Status


class Verzoek(models.Model):
    """One 315 or 317 for one client, as one side holds it."""

    organisatie = models.ForeignKey(
        "organisaties.Organisatie", models.PROTECT, related_name="verzoeken"
    )
    kant = models.CharField("kant", max_length=10, choices=Kant.choices)
    gemeente = models.ForeignKey("organisaties.Gemeente", models.PROTECT, related_name="+")
    aanbieder = models.ForeignKey("organisaties.Aanbieder", models.PROTECT, related_name="+")
    client = models.ForeignKey(
        "clienten.Client", models.PROTECT, related_name="verzoeken", verbose_name="cliënt"
    )
    wet = models.CharField("wet", max_length=10, choices=Wet.choices)
    soort = models.PositiveSmallIntegerField("soort", choices=Soort.choices)
    referentie_aanbieder = models.CharField(
        "referentie aanbieder", max_length=36, blank=True, help_text="Alleen bij een 317."
    )
    reden_verzoek = models.CharField(
        "reden verzoek (WJ758)", max_length=1, blank=True, validators=[InCodelijst("WJ758")]
    )
    commentaar = models.CharField("commentaar", max_length=1000, blank=True)
    grondslag = models.CharField(
        "grondslag",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld de bepaling jeugdhulp van de gecertificeerde instelling.",
    )
    intakedatum = models.DateField("intakedatum", null=True, blank=True)
    dagtekening = models.DateField("dagtekening")
    bericht = models.ForeignKey(
        "berichten.Bericht", models.PROTECT, null=True, blank=True, related_name="verzoeken"
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.OPEN)
    bevindingen = models.JSONField("bevindingen", default=list, blank=True)
    besloten_op = models.DateTimeField("besloten op", null=True, blank=True)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    gewijzigd = models.DateTimeField("gewijzigd", auto_now=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["-dagtekening", "-pk"]
        verbose_name = "verzoek"
        verbose_name_plural = "verzoeken"
        indexes = [
            models.Index(fields=["organisatie", "status"]),
            # The lists of requests: the organisation's, the latest first.
            models.Index(
                fields=["organisatie", "dagtekening", "id"], name="verzoek_organisatie_dagtek"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.referentie or self.pk}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(organisatie_id=organisatie.pk)

    @property
    def referentie(self) -> str:
        """The 317's own reference, or the first product's for a 315."""
        if self.referentie_aanbieder:
            return self.referentie_aanbieder
        eerste = self.producten.exclude(referentie_aanbieder="").first()
        return eerste.referentie_aanbieder if eerste else ""

    @property
    def onderhanden(self) -> bool:
        return self.status in ONDERHANDEN

    @property
    def standaard(self) -> str:
        return STANDAARD[self.wet]


class VerzoekProduct(Omvang):
    """One product in a request: aangevraagd (315) or ongewijzigd/te wijzigen/nieuw (317)."""

    verzoek = models.ForeignKey(Verzoek, models.CASCADE, related_name="producten")
    soort = models.CharField("soort", max_length=20, choices=ProductSoort.choices)
    referentie_aanbieder = models.CharField("referentie aanbieder", max_length=36, blank=True)
    toewijzingnummer = models.PositiveIntegerField("toewijzingnummer", null=True, blank=True)
    productcategorie = models.CharField("productcategorie", max_length=2, blank=True)
    productcode = models.CharField("productcode", max_length=5, blank=True)
    product = models.ForeignKey(
        "producten.Product", models.PROTECT, null=True, blank=True, related_name="+"
    )
    beschikkingnummer = models.PositiveIntegerField(
        "beschikkingnummer",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(999_999_999)],
    )
    beschikking_ingangsdatum = models.DateField("ingangsdatum beschikking", null=True, blank=True)
    ingangsdatum = models.DateField("(gewenste) ingangsdatum", null=True, blank=True)
    einddatum = models.DateField("einddatum", null=True, blank=True)
    verwijzer_type = models.CharField(
        "verwijzer (COD327)", max_length=2, blank=True, validators=[InCodelijst("COD327")]
    )
    verwijzer_zorgverlenercode = models.CharField("AGB-code verwijzer", max_length=8, blank=True)
    verwijzer_naam = models.CharField("naam verwijzer", max_length=35, blank=True)
    raamcontract = models.BooleanField("raamcontract", null=True, blank=True)
    commentaar = models.CharField("commentaar", max_length=1000, blank=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.OPEN)
    reden_afwijzing = models.CharField(
        "reden afwijzing (WJ759)", max_length=1, blank=True, validators=[InCodelijst("WJ759")]
    )
    bevindingen = models.JSONField("bevindingen", default=list, blank=True)
    voorgestelde_reden = models.CharField(
        "voorgestelde reden afwijzing",
        max_length=1,
        blank=True,
        help_text="Wat de controles bij ontvangst voorstellen (WJ759); de backoffice beslist.",
    )
    toewijzing = models.ForeignKey(
        "toewijzingen.Toewijzing",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="verzoekproducten",
    )
    aanbieder_toewijzing = models.ForeignKey(
        "toewijzingen.AanbiederToewijzing",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="verzoekproducten",
    )

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["verzoek", "pk"]
        verbose_name = "product in een verzoek"
        verbose_name_plural = "producten in verzoeken"

    def __str__(self) -> str:
        if self.product:
            return str(self.product)
        if self.productcategorie:
            return f"{self.productcategorie}/{self.productcode or '-'}"
        return f"toewijzing {self.toewijzingnummer}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(verzoek__organisatie_id=organisatie.pk)

    @property
    def verwijzer_omschrijving(self) -> str:
        return omschrijving("COD327", self.verwijzer_type) if self.verwijzer_type else ""

    @property
    def reden_omschrijving(self) -> str:
        return omschrijving("WJ759", self.reden_afwijzing) if self.reden_afwijzing else ""


class Antwoord(models.Model):
    """One 319 (antwoordbericht) on a request, as one side holds it."""

    organisatie = models.ForeignKey(
        "organisaties.Organisatie", models.PROTECT, related_name="verzoekantwoorden"
    )
    verzoek = models.ForeignKey(
        Verzoek, models.CASCADE, null=True, blank=True, related_name="antwoorden"
    )
    referentie_aanbieder = models.CharField("referentie aanbieder", max_length=36)
    verzoek_antwoord = models.CharField(
        "antwoord (WJ760)", max_length=1, validators=[InCodelijst("WJ760")]
    )
    reden_afwijzing = models.CharField(
        "reden afwijzing (WJ759)", max_length=1, blank=True, validators=[InCodelijst("WJ759")]
    )
    woonplaatsbeginsel = models.CharField(
        "gemeente woonplaatsbeginsel", max_length=4, blank=True, help_text="Alleen iJw."
    )
    toelichting = models.TextField("toelichting", blank=True)
    bericht = models.ForeignKey(
        "berichten.Bericht", models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt", "-pk"]
        verbose_name = "antwoord op verzoek"
        verbose_name_plural = "antwoorden op verzoeken"

    def __str__(self) -> str:
        return f"{self.get_verzoek_antwoord_display()} {self.referentie_aanbieder}"

    def get_verzoek_antwoord_display(self) -> str:
        return omschrijving("WJ760", self.verzoek_antwoord)

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(organisatie_id=organisatie.pk)

    @property
    def reden_omschrijving(self) -> str:
        return omschrijving("WJ759", self.reden_afwijzing) if self.reden_afwijzing else ""
