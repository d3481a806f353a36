"""Client records: what a WMO301/JW301 carries about a client and his relations.

Each organisation keeps its own records (the gemeente for its residents, an aanbieder from its
intake or the allocations it receives); a record is never shared between organisations.
"""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q

from wmoketen.organisaties.scoping import OrganisatieQuerySet, OrganisatieScoped
from wmoketen.producten.codelijsten import InCodelijst, omschrijving

from .validators import valideer_bsn

voorletters_validator = RegexValidator(
    r"^[a-zA-ZÀ-ỳ]{1,6}$", "Voorletters: 1 tot 6 letters, zonder punten of spaties."
)
cijfers_validator = RegexValidator(r"^[0-9]{1,15}$", "Een telefoonnummer bestaat uit cijfers.")


class Persoon(models.Model):
    """Name and birth data as CDT_VolledigeNaam and CDT_Geboortedatum describe them."""

    geboortedatum = models.DateField("geboortedatum", null=True, blank=True)
    datumgebruik = models.CharField(
        "datumgebruik",
        max_length=1,
        blank=True,
        validators=[InCodelijst("COD170")],
        help_text="Alleen invullen als (een deel van) de geboortedatum onbekend is.",
    )
    geslacht = models.CharField(
        "geslacht", max_length=1, default="0", validators=[InCodelijst("COD046")]
    )
    geslachtsnaam = models.CharField("geslachtsnaam", max_length=200)
    voorvoegsel = models.CharField("voorvoegsel", max_length=10, blank=True)
    partnernaam = models.CharField("partnernaam", max_length=200, blank=True)
    partnervoorvoegsel = models.CharField("voorvoegsel partnernaam", max_length=10, blank=True)
    voornamen = models.CharField("voornamen", max_length=200, blank=True)
    voorletters = models.CharField(
        "voorletters", max_length=6, blank=True, validators=[voorletters_validator]
    )
    naamgebruik = models.CharField(
        "naamgebruik", max_length=1, default="1", validators=[InCodelijst("COD700")]
    )

    class Meta:
        abstract = True

    @property
    def achternaam(self) -> str:
        eigen = " ".join(p for p in (self.voorvoegsel, self.geslachtsnaam) if p)
        partner = " ".join(p for p in (self.partnervoorvoegsel, self.partnernaam) if p)
        match self.naamgebruik:
            case "2" if partner:
                return partner
            case "3" if partner:
                return f"{partner}-{eigen}"
            case "4" if partner:
                return f"{eigen}-{partner}"
        return eigen

    @property
    def volledige_naam(self) -> str:
        voor = self.voornamen or ".".join(self.voorletters) + ("." if self.voorletters else "")
        return f"{voor} {self.achternaam}".strip()

    @property
    def geslacht_omschrijving(self) -> str:
        return omschrijving("COD046", self.geslacht)


class Client(Persoon, OrganisatieScoped):
    organisatie = models.ForeignKey(
        "organisaties.Organisatie", models.PROTECT, related_name="clienten"
    )
    bsn = models.CharField("BSN", max_length=9, validators=[valideer_bsn])
    communicatievorm = models.CharField(
        "communicatievorm", max_length=1, blank=True, validators=[InCodelijst("COD747")]
    )
    communicatietaal = models.CharField("taal", max_length=25, blank=True)
    juridische_status = models.CharField(
        "juridische status", max_length=2, blank=True, validators=[InCodelijst("WJ232")]
    )
    wettelijke_vertegenwoordiging = models.CharField(
        "wettelijke vertegenwoordiging",
        max_length=2,
        blank=True,
        validators=[InCodelijst("WJ003")],
    )
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    gewijzigd = models.DateTimeField("gewijzigd", auto_now=True)

    objects = OrganisatieQuerySet.as_manager()

    # Fields whose values never appear in the audit log text.
    AUDIT_GEVOELIG = frozenset({"bsn"})

    class Meta:
        ordering = ["geslachtsnaam", "voornamen"]
        verbose_name = "cliënt"
        verbose_name_plural = "cliënten"
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "bsn"],
                name="client_bsn_uniek_per_organisatie",
                violation_error_message="Er is bij uw organisatie al een cliënt met dit BSN.",
            )
        ]

    def __str__(self) -> str:
        return self.volledige_naam

    @property
    def bsn_gemaskeerd(self) -> str:
        return "*****" + self.bsn[-4:]


class Relatie(Persoon):
    """A relation of the client (partner, parent, contact person …), COD472."""

    client = models.ForeignKey(Client, models.CASCADE, related_name="relaties")
    nummer = models.PositiveIntegerField("persoonsnummer", null=True, blank=True)
    volgorde = models.PositiveSmallIntegerField(
        "volgorde", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    soort = models.CharField("soort relatie", max_length=2, validators=[InCodelijst("COD472")])

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["client", "volgorde", "pk"]
        verbose_name = "relatie"
        verbose_name_plural = "relaties"

    def __str__(self) -> str:
        return f"{self.volledige_naam} ({self.soort_omschrijving})"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(client__organisatie=organisatie)

    @property
    def soort_omschrijving(self) -> str:
        return omschrijving("COD472", self.soort)


class Contact(models.Model):
    """An address with phone and e-mail (Contact in the 301), of the client or of a relatie."""

    client = models.ForeignKey(Client, models.CASCADE, related_name="contacten")
    relatie = models.ForeignKey(
        Relatie, models.CASCADE, null=True, blank=True, related_name="contacten"
    )
    soort = models.CharField("soort adres", max_length=2, validators=[InCodelijst("COD757")])
    straatnaam = models.CharField("straat", max_length=24, blank=True)
    huisnummer = models.PositiveIntegerField("huisnummer", null=True, blank=True)
    huisletter = models.CharField("huisletter", max_length=1, blank=True)
    huisnummertoevoeging = models.CharField("toevoeging", max_length=4, blank=True)
    aanduiding_woonadres = models.CharField(
        "aanduiding woonadres", max_length=2, blank=True, validators=[InCodelijst("NUM061")]
    )
    postcode = models.CharField("postcode", max_length=8, blank=True)
    plaatsnaam = models.CharField("plaats", max_length=80, blank=True)
    landcode = models.CharField(
        "land", max_length=2, default="NL", validators=[InCodelijst("COD032")]
    )
    organisatienaam = models.CharField("organisatie", max_length=200, blank=True)
    telefoonnummer = models.CharField(
        "telefoon", max_length=15, blank=True, validators=[cijfers_validator]
    )
    telefoon_landnummer = models.CharField("landnummer", max_length=4, blank=True, default="0031")
    telefoonnummer2 = models.CharField(
        "telefoon 2", max_length=15, blank=True, validators=[cijfers_validator]
    )
    emailadres = models.EmailField("e-mailadres", max_length=80, blank=True)
    begindatum = models.DateField("geldig van", null=True, blank=True)
    einddatum = models.DateField("geldig tot en met", null=True, blank=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["client", "soort", "pk"]
        verbose_name = "contact"
        verbose_name_plural = "contacten"
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(begindatum__isnull=True)
                | Q(einddatum__gte=models.F("begindatum")),
                name="contact_einde_na_begin",
                violation_error_message="De einddatum ligt vóór de begindatum.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.soort_omschrijving}: {self.adresregel}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(client__organisatie=organisatie)

    @property
    def soort_omschrijving(self) -> str:
        return omschrijving("COD757", self.soort)

    @property
    def adresregel(self) -> str:
        huis = f"{self.huisnummer or ''}{self.huisletter}"
        if self.huisnummertoevoeging:
            huis += f"-{self.huisnummertoevoeging}"
        straat = " ".join(p for p in (self.straatnaam, huis) if p)
        return ", ".join(p for p in (straat, f"{self.postcode} {self.plaatsnaam}".strip()) if p)
