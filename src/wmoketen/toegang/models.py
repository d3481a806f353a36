"""The toegang route: melding, onderzoek, ondersteuningsplan (deel 1 and 2) and beschikking.

Visibility (``zichtbaar_voor``): everything is the gemeente's; the aanbieder sees only the
ondersteuningsplan (and its resultaatgebieden) it got the order for, and only with the
client's consent to share. The onderzoek and the beschikking are never visible to an
aanbieder (002).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from wmoketen.organisaties.scoping import OrganisatieQuerySet
from wmoketen.producten.constants import Wet

from .constants import (
    AFGEHANDELD,
    GESTOPT,
    ZONDER_TOEWIJZING,
    Aanleiding,
    Aard,
    BeschikkingSoort,
    Categorie,
    Criterium,
    Duur,
    Intensiteit,
    Kanaal,
    Levensdomein,
    MeldingStatus,
    PlanStatus,
    Route,
    Score,
    Vervoer,
    Zelfredzaamheid,
)


class Melding(models.Model):
    """Step 1: a report of need received by the gemeente (Wmo or Jeugdwet)."""

    gemeente = models.ForeignKey("organisaties.Gemeente", models.PROTECT, related_name="meldingen")
    client = models.ForeignKey("clienten.Client", models.PROTECT, related_name="meldingen")
    wet = models.CharField("wet", max_length=10, choices=Wet.choices)
    ontvangen_op = models.DateField("ontvangen op")
    kanaal = models.CharField("kanaal", max_length=20, choices=Kanaal.choices)
    route = models.CharField(
        "route", max_length=30, choices=Route.choices, default=Route.GEMEENTELIJKE_TOEGANG
    )
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="toegang_meldingen",
        verbose_name="consulent",
    )
    status = models.CharField(
        "status", max_length=30, choices=MeldingStatus.choices, default=MeldingStatus.ONTVANGEN
    )
    # Several meldingen on one traject: the first and each follow-up (herindicatie,
    # profielwijziging), which cites the beschikking it follows up.
    traject = models.ForeignKey(
        "trajecten.Traject", models.PROTECT, null=True, blank=True, related_name="meldingen"
    )
    aanleiding = models.CharField(
        "aanleiding", max_length=20, choices=Aanleiding.choices, default=Aanleiding.NIEUW
    )
    vorige_beschikking = models.ForeignKey(
        "toegang.Beschikking",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="vervolgmeldingen",
        verbose_name="vorige beschikking",
    )
    toelichting = models.TextField("toelichting", blank=True)
    huisbezoek_op = models.DateField("huisbezoek op", null=True, blank=True)
    huisbezoek_gepland_op = models.DateField("huisbezoek gepland op", null=True, blank=True)
    # Ended without a decision (``GESTOPT``): the day and the reason.
    afgesloten_op = models.DateField("afgesloten op", null=True, blank=True)
    afsluitreden = models.TextField("reden van afsluiten", blank=True)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = OrganisatieQuerySet.as_manager()

    AUDIT_GEVOELIG = frozenset({"toelichting", "afsluitreden"})

    class Meta:
        ordering = ["-ontvangen_op", "-pk"]
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        # The caseload: the gemeente's or the consulent's meldingen, the oldest first.
        indexes = [
            models.Index(
                fields=["gemeente", "ontvangen_op", "id"], name="melding_gemeente_ontvangen"
            ),
            models.Index(
                fields=["consulent", "ontvangen_op", "id"], name="melding_consulent_ontvangen"
            ),
        ]

    def __str__(self) -> str:
        return f"Melding {self.pk} ({self.get_wet_display()}, {self.ontvangen_op:%d-%m-%Y})"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(gemeente_id=organisatie.pk)

    @property
    def is_open(self) -> bool:
        return self.status not in AFGEHANDELD

    @property
    def is_gestopt(self) -> bool:
        return self.status in GESTOPT


class Onderzoek(models.Model):
    """Step 2: the integrale vraaganalyse. Gemeente only: never shared with the aanbieder."""

    melding = models.OneToOneField(Melding, models.CASCADE, related_name="onderzoek")
    netwerk = models.TextField("netwerk", blank=True)
    eigen_oplossingen = models.TextField("eigen oplossingen van de cliënt", blank=True)
    verslag = models.TextField("onderzoeksverslag", blank=True)
    ondertekend_door_client_op = models.DateField(
        "verslag ondertekend door cliënt op", null=True, blank=True
    )
    afgerond_op = models.DateField("afgerond op", null=True, blank=True)

    objects = OrganisatieQuerySet.as_manager()

    AUDIT_GEVOELIG = frozenset({"netwerk", "eigen_oplossingen", "verslag"})

    class Meta:
        verbose_name = "onderzoek"
        verbose_name_plural = "onderzoeken"

    def __str__(self) -> str:
        return f"Onderzoek bij {self.melding}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(melding__gemeente_id=organisatie.pk)

    @property
    def is_afgerond(self) -> bool:
        return self.afgerond_op is not None


class Domeinscore(models.Model):
    """One life domain of the zelfredzaamheidsmatrix: score 1–5, problems and strengths."""

    onderzoek = models.ForeignKey(Onderzoek, models.CASCADE, related_name="domeinscores")
    domein = models.CharField("levensdomein", max_length=40, choices=Levensdomein.choices)
    score = models.PositiveSmallIntegerField(
        "zelfredzaamheid",
        choices=Zelfredzaamheid.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    problemen = models.TextField("problemen", blank=True)
    krachten = models.TextField("krachten", blank=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["onderzoek", "pk"]
        verbose_name = "domeinscore"
        verbose_name_plural = "domeinscores"
        constraints = [
            models.UniqueConstraint(fields=["onderzoek", "domein"], name="domeinscore_uniek"),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5),
                name="domeinscore_1_tot_5",
                violation_error_message="Een zelfredzaamheidsscore ligt tussen 1 en 5.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_domein_display()}: {self.score}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(onderzoek__melding__gemeente_id=organisatie.pk)


class Ondersteuningsplan(models.Model):
    """Steps 3–7: part 1 (gemeente), profile, consent, order, part 2 (aanbieder), akkoord.

    The signed, approved plan counts as the aanvraag (004): ``aanvraag_op`` is its date stamp.
    """

    melding = models.OneToOneField(Melding, models.CASCADE, related_name="plan")
    status = models.CharField(
        "status", max_length=20, choices=PlanStatus.choices, default=PlanStatus.DEEL_1
    )
    # Profile assessment: the five criteria A–E, the computed and the chosen outcome.
    score_veiligheid = models.CharField(
        Criterium.VEILIGHEID.label, max_length=1, choices=Score.choices, blank=True
    )
    score_balans = models.CharField(
        Criterium.BALANS.label, max_length=1, choices=Score.choices, blank=True
    )
    score_afstand = models.CharField(
        Criterium.AFSTAND.label, max_length=1, choices=Score.choices, blank=True
    )
    score_zelfredzaamheid = models.CharField(
        Criterium.ZELFREDZAAMHEID.label, max_length=1, choices=Score.choices, blank=True
    )
    score_cooperatie = models.CharField(
        Criterium.COOPERATIE.label, max_length=1, choices=Score.choices, blank=True
    )
    berekende_categorie = models.PositiveSmallIntegerField(
        "berekende categorie", choices=Categorie.choices, null=True, blank=True
    )
    berekende_intensiteit = models.CharField(
        "berekende intensiteit", max_length=12, choices=Intensiteit.choices, blank=True
    )
    categorie = models.PositiveSmallIntegerField(
        "categorie", choices=Categorie.choices, null=True, blank=True
    )
    intensiteit = models.CharField(
        "intensiteit", max_length=12, choices=Intensiteit.choices, blank=True
    )
    afwijking_motivering = models.TextField("motivering afwijking van het profiel", blank=True)
    vervoer = models.CharField("vervoer", max_length=10, choices=Vervoer.choices, default="geen")
    kortdurend_verblijf_etmalen = models.PositiveSmallIntegerField(
        "kortdurend verblijf (etmalen per 4 weken)",
        default=0,
        validators=[MaxValueValidator(28)],
    )
    # Consent and signature of part 1.
    toestemming_delen = models.BooleanField("toestemming om te delen met aanbieder", default=False)
    deel_1_ondertekend_op = models.DateField(
        "deel 1 ondertekend door cliënt op", null=True, blank=True
    )
    # Order for part 2.
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="ondersteuningsplannen",
    )
    producten = models.ManyToManyField(
        "producten.Product", blank=True, related_name="+", verbose_name="producten"
    )
    opdracht_op = models.DateField("opdracht deel 2 op", null=True, blank=True)
    taak = models.ForeignKey(
        "trajecten.Taak", models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Part 2.
    client_ondertekend_op = models.DateField(
        "deel 2 ondertekend door cliënt", null=True, blank=True
    )
    aanbieder_ondertekend_op = models.DateField(
        "deel 2 ondertekend door aanbieder", null=True, blank=True
    )
    deel_2_gereed_op = models.DateField("deel 2 gereed op", null=True, blank=True)
    teruggestuurd_reden = models.TextField("reden teruggestuurd", blank=True)
    # The backoffice sent the aanvraag back to the consulent (before a decision).
    aanvraag_terug_reden = models.TextField("reden aanvraag teruggestuurd", blank=True)
    # Akkoord = aanvraag.
    akkoord_op = models.DateField("akkoord op", null=True, blank=True)
    akkoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    aanvraag_op = models.DateField("aanvraag op", null=True, blank=True)

    objects = OrganisatieQuerySet.as_manager()

    AUDIT_GEVOELIG = frozenset(
        {"afwijking_motivering", "teruggestuurd_reden", "aanvraag_terug_reden"}
    )

    class Meta:
        verbose_name = "ondersteuningsplan"
        verbose_name_plural = "ondersteuningsplannen"
        # The backoffice's aanvragen (akkoord, oldest first), the aanbieder's orders (newest).
        indexes = [
            models.Index(fields=["status", "aanvraag_op", "id"], name="plan_status_aanvraag"),
            models.Index(fields=["aanbieder", "opdracht_op", "id"], name="plan_aanbieder_opdracht"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kortdurend_verblijf_etmalen__lte=28),
                name="plan_kortdurend_verblijf_max_28",
                violation_error_message="Kortdurend verblijf: ten hoogste 28 etmalen per 4 weken.",
            )
        ]

    def __str__(self) -> str:
        return f"Ondersteuningsplan bij {self.melding}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        """The gemeente; the aanbieder with the order, only with the client's consent."""
        return Q(melding__gemeente_id=organisatie.pk) | Q(
            aanbieder_id=organisatie.pk, toestemming_delen=True, opdracht_op__isnull=False
        )

    @property
    def scores(self) -> dict[str, str]:
        return {c: getattr(self, f"score_{c}") for c in Criterium.values}

    @property
    def wijkt_af(self) -> bool:
        return (self.categorie, self.intensiteit) != (
            self.berekende_categorie,
            self.berekende_intensiteit,
        )


class Resultaatgebied(models.Model):
    """One result area: the intended result (part 1) and how the aanbieder works on it (part 2)."""

    plan = models.ForeignKey(Ondersteuningsplan, models.CASCADE, related_name="resultaatgebieden")
    domein = models.CharField("levensdomein", max_length=40, choices=Levensdomein.choices)
    beoogd_resultaat = models.TextField("beoogd resultaat")
    aard = models.CharField("aard", max_length=15, choices=Aard.choices, blank=True)
    activiteiten = models.TextField("activiteiten", blank=True)
    frequentie = models.CharField("frequentie", max_length=100, blank=True)
    startdatum = models.DateField("startdatum", null=True, blank=True)
    onderaannemers = models.ManyToManyField(
        "organisaties.Aanbieder", blank=True, related_name="+", verbose_name="onderaannemers"
    )

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "pk"]
        verbose_name = "resultaatgebied"
        verbose_name_plural = "resultaatgebieden"

    def __str__(self) -> str:
        return f"{self.get_domein_display()}: {self.beoogd_resultaat[:40]}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(plan__in=Ondersteuningsplan.objects.voor_organisatie(organisatie))


class BeschikkingQuerySet(OrganisatieQuerySet):
    def toekenningen(self):
        """Decisions that grant support (the ones that run, end and are followed up)."""
        return self.filter(soort=BeschikkingSoort.TOEKENNING)


class Beschikking(models.Model):
    """Step 8: the decision. Gemeente only: never visible to the aanbieder (002).

    ``soort``: a toekenning grants products for a period (and allocates them with a 301
    unless ``open``); an afwijzing refuses the aanvraag: no products, period, aanbieder or 301.
    """

    plan = models.OneToOneField(Ondersteuningsplan, models.PROTECT, related_name="beschikking")
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", models.PROTECT, related_name="beschikkingen"
    )
    client = models.ForeignKey("clienten.Client", models.PROTECT, related_name="beschikkingen")
    soort = models.CharField(
        "soort",
        max_length=20,
        choices=BeschikkingSoort.choices,
        default=BeschikkingSoort.TOEKENNING,
    )
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder", models.PROTECT, null=True, blank=True, related_name="+"
    )
    wet = models.CharField("wet", max_length=10, choices=Wet.choices)
    nummer = models.CharField("beschikkingnummer", max_length=20, unique=True)
    # Open: the client chooses a gecontracteerde aanbieder, which requests the allocation
    # with a 315 citing ``nummer``; no 301 at the decision.
    open = models.BooleanField("open beschikking", default=False)
    dagtekening = models.DateField("dagtekening")
    ingangsdatum = models.DateField("ingangsdatum", null=True, blank=True)
    duur = models.CharField("duur", max_length=6, choices=Duur.choices, blank=True)
    einddatum = models.DateField("einddatum", null=True, blank=True)
    motivering = models.TextField("motivering")
    bezwaarclausule = models.TextField("bezwaarclausule")
    pdf = models.BinaryField("brief (PDF)", blank=True, editable=False)
    # Set by ``vervolg.signaleer_herindicaties`` with the tasks: the signal is given once.
    herindicatie_gesignaleerd_op = models.DateField(
        "herindicatie gesignaleerd op", null=True, blank=True, editable=False
    )
    genomen_door = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = BeschikkingQuerySet.as_manager()

    AUDIT_GEVOELIG = frozenset({"motivering"})

    class Meta:
        ordering = ["-dagtekening", "-pk"]
        verbose_name = "beschikking"
        verbose_name_plural = "beschikkingen"
        # "Recent beschikt": the gemeente's latest.
        indexes = [
            models.Index(
                fields=["gemeente", "dagtekening", "id"], name="beschikking_gemeente_dagtek"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(ingangsdatum__isnull=True)
                | Q(einddatum__gte=models.F("ingangsdatum")),
                name="beschikking_einde_na_ingang",
                violation_error_message="De einddatum ligt vóór de ingangsdatum.",
            ),
            models.CheckConstraint(
                condition=~Q(soort=BeschikkingSoort.TOEKENNING)
                | Q(
                    aanbieder__isnull=False,
                    ingangsdatum__isnull=False,
                    einddatum__isnull=False,
                ),
                name="beschikking_toekenning_volledig",
                violation_error_message=(
                    "Een toekenning heeft een aanbieder, een ingangsdatum en een einddatum."
                ),
            ),
        ]

    def __str__(self) -> str:
        if self.soort == BeschikkingSoort.AFWIJZING:
            return f"Beschikking {self.nummer} (afwijzing)"
        return f"Beschikking {self.nummer}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(gemeente_id=organisatie.pk)

    @property
    def is_afwijzing(self) -> bool:
        return self.soort == BeschikkingSoort.AFWIJZING

    @property
    def stuurt_toewijzing(self) -> bool:
        """Whether deciding allocates with a WMO301/JW301."""
        return self.soort not in ZONDER_TOEWIJZING and not self.open


class BeschiktProduct(models.Model):
    """One granted product: from the aanbieder's contract, with volume, unit and frequency."""

    beschikking = models.ForeignKey(Beschikking, models.CASCADE, related_name="producten")
    product = models.ForeignKey("producten.Product", models.PROTECT, related_name="+")
    volume = models.PositiveIntegerField("volume", validators=[MinValueValidator(1)])
    eenheid = models.CharField("eenheid (WJ756)", max_length=2)
    frequentie = models.CharField("frequentie (WMO757)", max_length=1)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["beschikking", "pk"]
        verbose_name = "beschikt product"
        verbose_name_plural = "beschikte producten"

    def __str__(self) -> str:
        return f"{self.product} ({self.volume})"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(beschikking__gemeente_id=organisatie.pk)
