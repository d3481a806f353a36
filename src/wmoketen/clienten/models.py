"""Client records: what a WMO301/JW301 carries about a client and his relations.

Each organisation keeps its own records (the gemeente for its residents, an aanbieder from its
intake or the allocations it receives); a record is never shared between organisations.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from istandaarden.regels.cd import ADRESSOORT_MET_POSTCODE
from istandaarden.regels.cs import (
    DATUMGEBRUIK_DAG_MAAND_ONBEKEND,
    DATUMGEBRUIK_DAG_ONBEKEND,
    DATUMGEBRUIK_ONBEKEND,
    LANDCODE_NEDERLAND,
    NAAMGEBRUIK_MET_PARTNER,
    NAAMGEBRUIK_ZONDER_PARTNER,
    ONBEKENDE_DATUM,
)
from wmoketen.organisaties.scoping import OrganisatieQuerySet, OrganisatieScoped
from wmoketen.producten.codelijsten import InCodelijst, codes, omschrijving

from .plausibiliteit import geboortedatumfout
from .validators import normaliseer_postcode, normaliseer_voorletters, valideer_bsn

MAX_HUISNUMMER = 99999  # LDT_Huisnummer

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

    # CS050: without a partnernaam, NaamGebruik 1 (eigen naam) or 6 (niet-natuurlijk persoon);
    # a client is always a person (CS318).
    NAAMGEBRUIK_ZONDER_PARTNER = NAAMGEBRUIK_ZONDER_PARTNER

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None) -> None:
        # Initials typed the usual way ("S.J.") are stored as the 301 carries them ("SJ").
        self.voorletters = normaliseer_voorletters(self.voorletters)
        super().clean_fields(exclude)

    def clean(self) -> None:
        super().clean()
        if fouten := self.fouten():
            raise ValidationError(fouten)

    def fouten(self) -> dict[str, str]:
        """The name and birth-date rules of the 301 (CS050, CS318, CS139) and a birth date
        that can be (``plausibiliteit``), in Dutch, per field; a subclass adds its own."""
        fouten = {}
        if self.naamgebruik in codes("COD700"):
            if self.partnernaam and self.naamgebruik not in NAAMGEBRUIK_MET_PARTNER:
                fouten["naamgebruik"] = "Met een partnernaam is het naamgebruik 1, 2, 3 of 4."
            elif not self.partnernaam and self.naamgebruik not in self.NAAMGEBRUIK_ZONDER_PARTNER:
                fouten["naamgebruik"] = (
                    "Zonder partnernaam is het naamgebruik "
                    + " of ".join(
                        f"{c} ({omschrijving('COD700', c).lower()})"
                        for c in sorted(self.NAAMGEBRUIK_ZONDER_PARTNER)
                    )
                    + "; vul de partnernaam in voor een ander naamgebruik."
                )
        if fout := self._datumfout() or geboortedatumfout(self.geboortedatum, self.datumgebruik):
            fouten["geboortedatum"] = fout
        return fouten

    def _datumfout(self) -> str:
        datum, gebruik = self.geboortedatum, self.datumgebruik
        if datum is None:
            return ""
        if gebruik == DATUMGEBRUIK_ONBEKEND and datum != ONBEKENDE_DATUM:
            return "Bij een onbekende geboortedatum (datumgebruik 3) laat u de datum leeg."
        if gebruik == DATUMGEBRUIK_DAG_MAAND_ONBEKEND and (datum.month, datum.day) != (1, 1):
            return "Als alleen het jaar bekend is (datumgebruik 2), vult u 1 januari in."
        if gebruik == DATUMGEBRUIK_DAG_ONBEKEND and datum.day != 1:
            return (
                "Als alleen maand en jaar bekend zijn (datumgebruik 1), vult u de eerste dag "
                "van de maand in."
            )
        return ""

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
    NAAMGEBRUIK_ZONDER_PARTNER = frozenset({"1"})  # CS318: not 6 for a client

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

    def fouten(self) -> dict[str, str]:
        fouten = super().fouten()
        if self.communicatietaal and not self.communicatievorm:
            fouten["communicatietaal"] = (
                "Vul de taal alleen in bij een communicatievorm (een tolk): zonder vorm gaat "
                "de taal niet mee in de toewijzing."
            )
        return fouten

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

    def clean(self) -> None:
        """What the 301 requires of every contact (the client's and a relatie's), so a record
        that passes can be sent: CS089, CD034, CD025, TR006 and the XSD's limits. A received
        301 passed the same rules."""
        super().clean()
        fouten: dict[str, list[str]] = {}
        self.huisletter = self.huisletter.strip()
        self.huisnummertoevoeging = self.huisnummertoevoeging.strip()
        try:
            self.postcode = normaliseer_postcode(self.postcode, self.landcode)
        except ValidationError as fout:
            fouten["postcode"] = fout.messages
        if not self.postcode and self.soort in ADRESSOORT_MET_POSTCODE:
            fouten.setdefault("postcode", []).append(
                f"Bij een {self.soort_in_zin} is de postcode verplicht."
            )
        if self.huisnummer is not None and self.huisnummer > MAX_HUISNUMMER:
            fouten["huisnummer"] = ["Een huisnummer heeft ten hoogste 5 cijfers."]
        elif self.huisnummer is None and self.postcode and self.landcode == LANDCODE_NEDERLAND:
            fouten["huisnummer"] = ["Bij een Nederlands adres is het huisnummer verplicht."]
        if not fouten and not self.telefoonnummer and not (self.huisnummer and self.postcode):
            fouten[NON_FIELD_ERRORS] = [
                "Vul een telefoonnummer in, of een adres met huisnummer en postcode: een "
                "contact in de toewijzing (301) heeft ten minste een van beide."
            ]
        if fouten:
            raise ValidationError(fouten)

    @property
    def soort_omschrijving(self) -> str:
        return omschrijving("COD757", self.soort)

    @property
    def soort_in_zin(self) -> str:
        """The soort inside a sentence: "verblijfadres", but "BRP-adres"."""
        naam = self.soort_omschrijving
        return naam if naam[:2].isupper() else naam[:1].lower() + naam[1:]

    @property
    def is_beeindigd(self) -> bool:
        """Ended before today: no longer in a 301."""
        return self.einddatum is not None and self.einddatum < timezone.localdate()

    @property
    def adresregel(self) -> str:
        huis = f"{self.huisnummer or ''}{self.huisletter}"
        if self.huisnummertoevoeging:
            huis += f"-{self.huisnummertoevoeging}"
        straat = " ".join(p for p in (self.straatnaam, huis) if p)
        return ", ".join(p for p in (straat, f"{self.postcode} {self.plaatsnaam}".strip()) if p)
