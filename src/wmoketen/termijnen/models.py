"""Deadline rules, the deadlines opened from them, and the closing days of a gemeente."""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from wmoketen.organisaties.scoping import OrganisatieQuerySet

from . import kalender
from .constants import Eenheid, Richting, Soort, Status

TERMIJN_ONGELDIG = "Een termijn moet een aantal groter dan nul hebben."
TERMIJN_ONTBREEKT = "Vul de termijn in: een aantal groter dan nul."
EENHEID_ONTBREEKT = "Kies de eenheid van de termijn (werkdagen, kalenderdagen, weken of maanden)."


class Sluitingsdag(models.Model):
    """A day a gemeente is closed (e.g. between Christmas and New Year): no werkdag for it."""

    gemeente = models.ForeignKey(
        "organisaties.Gemeente", models.CASCADE, related_name="sluitingsdagen"
    )
    datum = models.DateField("datum")
    omschrijving = models.CharField("omschrijving", max_length=200, blank=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["datum"]
        verbose_name = "sluitingsdag"
        verbose_name_plural = "sluitingsdagen"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "datum"],
                name="sluitingsdag_uniek",
                violation_error_message="Deze dag is al als sluitingsdag ingesteld.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}".strip()

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(gemeente_id=organisatie.pk)


class Termijnregel(models.Model):
    """How long something may take: national (the standard), a default, or regional.

    A regional rule belongs to exactly one gemeente or one regio; the lookup
    (``queries.regel_voor``) prefers the gemeente's rule, then its regio's, then the rule
    without scope (landelijk or standaard). Deadlines copy the due date when they open, so a
    changed rule only affects deadlines opened after the change.
    """

    code = models.SlugField("code", max_length=50)
    naam = models.CharField("naam", max_length=200)
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    aantal = models.IntegerField(
        "aantal",
        validators=[MinValueValidator(1, TERMIJN_ONGELDIG)],
        error_messages={"null": TERMIJN_ONTBREEKT, "blank": TERMIJN_ONTBREEKT},
    )
    eenheid = models.CharField(
        "eenheid",
        max_length=20,
        choices=Eenheid.choices,
        error_messages={"blank": EENHEID_ONTBREEKT, "null": EENHEID_ONTBREEKT},
    )
    richting = models.CharField(
        "richting", max_length=4, choices=Richting.choices, default=Richting.NA
    )
    startgebeurtenis = models.CharField(
        "startgebeurtenis",
        max_length=200,
        help_text="Waar de termijn van uitgaat, bijv. 'ontvangst van de melding'.",
    )
    bron = models.CharField("bron", max_length=200, blank=True)
    gemeente = models.ForeignKey(
        "organisaties.Gemeente",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="termijnregels",
    )
    regio = models.ForeignKey(
        "organisaties.Regio", models.CASCADE, null=True, blank=True, related_name="termijnregels"
    )
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["code", "soort", "pk"]
        verbose_name = "termijnregel"
        verbose_name_plural = "termijnregels"
        constraints = [
            models.CheckConstraint(
                condition=Q(aantal__gt=0),
                name="termijnregel_aantal_positief",
                violation_error_message=TERMIJN_ONGELDIG,
            ),
            models.CheckConstraint(
                condition=Q(soort=Soort.REGIONAAL, gemeente__isnull=False, regio__isnull=True)
                | Q(soort=Soort.REGIONAAL, gemeente__isnull=True, regio__isnull=False)
                | (~Q(soort=Soort.REGIONAAL) & Q(gemeente__isnull=True, regio__isnull=True)),
                name="termijnregel_bereik",
                violation_error_message=(
                    "Een regionale regel hoort bij één gemeente óf één regio; een landelijke "
                    "of standaardregel bij geen van beide."
                ),
            ),
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(gemeente__isnull=True, regio__isnull=True),
                name="termijnregel_uniek_landelijk",
                violation_error_message="Er is al een landelijke of standaardregel met deze code.",
            ),
            models.UniqueConstraint(
                fields=["code", "gemeente"],
                condition=Q(gemeente__isnull=False),
                name="termijnregel_uniek_gemeente",
                violation_error_message="Deze gemeente heeft al een regel met deze code.",
            ),
            models.UniqueConstraint(
                fields=["code", "regio"],
                condition=Q(regio__isnull=False),
                name="termijnregel_uniek_regio",
                violation_error_message="Deze regio heeft al een regel met deze code.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam}: {self.termijn_tekst} ({self.bereik})"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        """Rules without scope for everyone; regional ones for their gemeente(n)."""
        return Q(gemeente__isnull=True, regio__isnull=True) | Q(
            pk__in=cls.objects.filter(
                Q(gemeente_id=organisatie.pk) | Q(regio__gemeenten__pk=organisatie.pk)
            ).values("pk")
        )

    @property
    def bereik(self) -> str:
        if self.gemeente_id:
            return f"gemeente {self.gemeente}"
        if self.regio_id:
            return f"regio {self.regio}"
        return self.get_soort_display().split(" (")[0].lower()

    @property
    def termijn_tekst(self) -> str:
        """E.g. '5 werkdagen na ontvangst van de melding'."""
        return (
            f"{self.aantal} {self.get_eenheid_display()} {self.get_richting_display()} "
            f"{self.startgebeurtenis}"
        )

    def clean(self):
        if self.soort == Soort.LANDELIJK and (self.gemeente_id or self.regio_id):
            raise ValidationError(
                "Een landelijke termijn uit de iStandaard geldt overal en hoort niet bij een "
                "gemeente of regio."
            )
        if self.soort == Soort.REGIONAAL:
            if bool(self.gemeente_id) == bool(self.regio_id):
                raise ValidationError("Kies voor een regionale regel één gemeente óf één regio.")
            landelijk = Termijnregel.objects.filter(code=self.code, soort=Soort.LANDELIJK)
            if landelijk.exists():
                raise ValidationError(
                    {
                        "code": "Dit is een landelijke termijn uit de iStandaard; die geldt "
                        "overal en kan niet per gemeente of regio worden aangepast."
                    }
                )
        elif self.gemeente_id or self.regio_id:
            raise ValidationError("Alleen een regionale regel hoort bij een gemeente of regio.")

    def vervaldatum(self, startdatum: date, gemeente=None) -> date:
        """The due date for a deadline starting at ``startdatum`` (see docs/termijnen.md).

        Werkdagen are counted with the gemeente's closing days, except for national rules
        (the standard counts Atw werkdagen only). Calendar units ending on a non-werkdag move
        to the next werkdag (Atw art. 1); a term counted back (``voor``) moves to the werkdag
        before, so the action can still be done in time.
        """
        if not self.aantal or self.aantal < 1:
            raise ValidationError(TERMIJN_ONGELDIG)
        kalender_van = None if self.soort == Soort.LANDELIJK else gemeente
        teken = 1 if self.richting == Richting.NA else -1
        if self.eenheid == Eenheid.WERKDAGEN:
            return kalender.plus_werkdagen(startdatum, teken * self.aantal, kalender_van)
        if self.eenheid == Eenheid.MAANDEN:
            datum = kalender.plus_maanden(startdatum, teken * self.aantal)
        else:
            dagen = self.aantal * (7 if self.eenheid == Eenheid.WEKEN else 1)
            datum = startdatum + timedelta(days=teken * dagen)
        if teken > 0:
            return kalender.volgende_werkdag(datum, kalender_van)
        return kalender.vorige_werkdag(datum, kalender_van)


class Termijn(models.Model):
    """One deadline: a rule (or a date a user chose) applied to one object."""

    regel = models.ForeignKey(
        Termijnregel, models.PROTECT, null=True, blank=True, related_name="termijnen"
    )
    gemeente = models.ForeignKey("organisaties.Gemeente", models.PROTECT, related_name="termijnen")
    organisaties = models.ManyToManyField(
        "organisaties.Organisatie",
        blank=True,
        related_name="gedeelde_termijnen",
        verbose_name="ook zichtbaar voor",
        help_text="Bijv. de aanbieder die de taak moet uitvoeren.",
    )
    content_type = models.ForeignKey(ContentType, models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    onderwerp = GenericForeignKey("content_type", "object_id")
    omschrijving = models.CharField("omschrijving", max_length=200, blank=True)
    startgebeurtenis = models.CharField("startgebeurtenis", max_length=200, blank=True)
    startdatum = models.DateField("startdatum")
    vervaldatum = models.DateField("uiterste datum")
    berekening = models.CharField(
        "termijn", max_length=300, blank=True, help_text="De regel zoals die gold bij openen."
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.OPEN)
    gesloten_op = models.DateField("gesloten op", null=True, blank=True)
    geopend_op = models.DateTimeField("geopend op", auto_now_add=True)
    geopend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["vervaldatum", "pk"]
        verbose_name = "termijn"
        verbose_name_plural = "termijnen"
        indexes = [
            models.Index(fields=["status", "vervaldatum"], name="termijn_status_verval"),
            models.Index(fields=["content_type", "object_id"], name="termijn_onderwerp"),
        ]

    def __str__(self) -> str:
        return f"{self.titel} uiterlijk {self.vervaldatum:%d-%m-%Y}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        """The owning gemeente, and every organisation the deadline was shared with."""
        return Q(gemeente_id=organisatie.pk) | Q(
            pk__in=cls.organisaties.through.objects.filter(organisatie_id=organisatie.pk).values(
                "termijn_id"
            )
        )

    @property
    def titel(self) -> str:
        return self.omschrijving or (self.regel.naam if self.regel_id else "Termijn")

    @property
    def is_lopend(self) -> bool:
        return self.status in (Status.OPEN, Status.VERLOPEN)

    def dagen_over_op(self, vandaag: date) -> int | None:
        """Calendar days left on ``vandaag`` (0: due that day, negative: overdue).

        ``None`` once the deadline is closed.
        """
        if not self.is_lopend:
            return None
        return (self.vervaldatum - vandaag).days

    @property
    def dagen_over(self) -> int | None:
        """Calendar days left today (0: due today, negative: overdue); None when closed."""
        return self.dagen_over_op(timezone.localdate())

    @property
    def status_label(self) -> str:
        """What a worklist shows: 'Verloopt vandaag', 'Nog 3 dagen', '2 dagen te laat'."""
        over = self.dagen_over
        if over is None:
            return self.get_status_display()
        if over < 0:
            return f"{-over} {'dag' if over == -1 else 'dagen'} te laat"
        if over == 0:
            return "Verloopt vandaag"
        return f"Nog {over} {'dag' if over == 1 else 'dagen'}"

    @property
    def css_klasse(self) -> str:
        """``termijn--open|bijna|verlopen|gehaald|te-laat|ingetrokken``; 'bijna': ≤ 2 days."""
        over = self.dagen_over
        if over is not None:
            if over < 0:
                return "termijn--verlopen"
            return "termijn--bijna" if over <= 2 else "termijn--open"
        return (
            "termijn--"
            + {
                Status.GEHAALD: "gehaald",
                Status.TE_LAAT_GEHAALD: "te-laat",
                Status.INGETROKKEN: "ingetrokken",
            }[self.status]
        )
