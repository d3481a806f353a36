"""The gemeente's eigen-bijdrage register: the periods in which an adult client received Wmo
support (``Registratie``, per person, not per provision) and the changes to report to the CAK
(``Melding``: what an iEb WMO405 start or WMO406 stop carries, or a correction), and each
file that reported them (``Aanlevering``).

The register is derived from the gemeente's own records of the deliveries (the 305/307 on its
``Toewijzing``) by ``services.werk_bij``; nothing else writes it.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from wmoketen.organisaties.scoping import OrganisatieQuerySet

from .constants import Betreft, MeldingStatus, Soort


class Registratie(models.Model):
    """One period of Wmo support of one adult client of the gemeente, with what the CAK was
    told of it (``gemelde_*``: the dates of the reported meldingen)."""

    gemeente = models.ForeignKey("organisaties.Gemeente", models.PROTECT, related_name="+")
    client = models.ForeignKey(
        "clienten.Client",
        models.PROTECT,
        related_name="eigenbijdrage_registraties",
        verbose_name="cliënt",
    )
    begindatum = models.DateField("begindatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    gemelde_begindatum = models.DateField("gemelde begindatum", null=True, blank=True)
    gemelde_einddatum = models.DateField("gemelde einddatum", null=True, blank=True)
    # No support in this period after all (a start removed, a pause bridged): kept for the
    # history; a reported start is withdrawn by a correctie.
    vervallen = models.BooleanField("vervallen", default=False)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    gewijzigd = models.DateTimeField("gewijzigd", auto_now=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["-begindatum", "-pk"]
        verbose_name = "registratie eigen bijdrage"
        verbose_name_plural = "registraties eigen bijdrage"
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("begindatum")),
                name="eigenbijdrage_einde_na_begin",
                violation_error_message="De einddatum ligt vóór de begindatum.",
            ),
        ]
        indexes = [
            models.Index(fields=["gemeente", "-begindatum", "-id"], name="eb_registratie_lijst"),
            models.Index(fields=["gemeente", "client"], name="eb_registratie_client"),
        ]

    def __str__(self) -> str:
        eind = f" t/m {self.einddatum:%d-%m-%Y}" if self.einddatum else ""
        return f"Wmo-ondersteuning vanaf {self.begindatum:%d-%m-%Y}{eind}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(gemeente_id=organisatie.pk)

    @property
    def status_label(self) -> str:
        if self.vervallen:
            return "Vervallen"
        return "Beëindigd" if self.einddatum else "Lopend"


class Aanlevering(models.Model):
    """One CSV given to the CAK, kept as it was given (``inhoud``): a download that got lost
    can be fetched again. Its meldingen point to it."""

    gemeente = models.ForeignKey("organisaties.Gemeente", models.PROTECT, related_name="+")
    bestandsnaam = models.CharField("bestandsnaam", max_length=100)
    inhoud = models.BinaryField("inhoud")  # the CSV bytes: UTF-8 with a BOM
    aantal = models.PositiveIntegerField("aantal meldingen")
    gemaakt_op = models.DateTimeField("gemaakt op", default=timezone.now)
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["-gemaakt_op", "-pk"]
        verbose_name = "aanlevering aan het CAK"
        verbose_name_plural = "aanleveringen aan het CAK"
        indexes = [
            models.Index(fields=["gemeente", "-gemaakt_op", "-id"], name="eb_aanlevering_lijst"),
        ]

    def __str__(self) -> str:
        return self.bestandsnaam

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(gemeente_id=organisatie.pk)

    @property
    def tekst(self) -> str:
        return bytes(self.inhoud).decode("utf-8-sig")


class Melding(models.Model):
    """One change to report to the CAK: a start, a stop, or a correction of a reported date
    (``datum`` empty: the reported date is withdrawn)."""

    gemeente = models.ForeignKey("organisaties.Gemeente", models.PROTECT, related_name="+")
    registratie = models.ForeignKey(Registratie, models.PROTECT, related_name="meldingen")
    soort = models.CharField("soort", max_length=10, choices=Soort.choices)
    betreft = models.CharField("betreft", max_length=10, choices=Betreft.choices)
    datum = models.DateField("datum", null=True, blank=True)
    vorige_datum = models.DateField("eerder gemelde datum", null=True, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=MeldingStatus.choices, default=MeldingStatus.TE_MELDEN
    )
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    gewijzigd = models.DateTimeField("gewijzigd", auto_now=True)
    gemeld_op = models.DateTimeField("gemeld op", null=True, blank=True)
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aanlevering = models.ForeignKey(
        Aanlevering, models.PROTECT, null=True, blank=True, related_name="meldingen"
    )

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt", "-pk"]
        verbose_name = "melding aan het CAK"
        verbose_name_plural = "meldingen aan het CAK"
        constraints = [
            models.CheckConstraint(
                condition=~Q(soort=Soort.START) | Q(betreft=Betreft.START, datum__isnull=False),
                name="eigenbijdrage_start_met_datum",
            ),
            models.CheckConstraint(
                condition=~Q(soort=Soort.STOP) | Q(betreft=Betreft.STOP, datum__isnull=False),
                name="eigenbijdrage_stop_met_datum",
            ),
        ]
        indexes = [
            models.Index(fields=["gemeente", "status", "-aangemaakt"], name="eb_melding_lijst"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.omschrijving}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(gemeente_id=organisatie.pk)

    @property
    def sleutel(self) -> tuple:
        """What the melding says; two meldingen with the same key say the same."""
        return (self.soort, self.betreft, self.datum, self.vorige_datum)

    @property
    def omschrijving(self) -> str:
        """The change in Dutch, e.g. "stopdatum 31-03-2026 wordt 15-04-2026"."""
        datum = f"{self.datum:%d-%m-%Y}" if self.datum else ""
        if self.soort != Soort.CORRECTIE:
            return f"{self.get_betreft_display().lower()} {datum}"
        vorige = f"{self.vorige_datum:%d-%m-%Y}" if self.vorige_datum else "–"
        nieuw = f"wordt {datum}" if self.datum else "vervalt"
        return f"{self.get_betreft_display().lower()} {vorige} {nieuw}"
