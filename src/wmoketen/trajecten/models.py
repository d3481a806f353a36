from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from wmoketen.organisaties.scoping import OrganisatieQuerySet
from wmoketen.producten.constants import Wet

from .constants import (
    AFGESLOTEN_TAAKSTATUSSEN,
    Deelnemersrol,
    Prioriteit,
    TaakSoort,
    TaakStatus,
    TrajectStatus,
)


class Traject(models.Model):
    """A samenwerkingstraject: one client case that gemeente and aanbieders work on together."""

    gemeente = models.ForeignKey("organisaties.Gemeente", models.PROTECT, related_name="trajecten")
    client = models.ForeignKey("clienten.Client", models.PROTECT, related_name="trajecten")
    nummer = models.CharField("nummer", max_length=20, unique=True)
    wet = models.CharField("wet", max_length=10, choices=Wet.choices, default=Wet.WMO)
    onderwerp = models.CharField("onderwerp", max_length=200)
    startdatum = models.DateField("startdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=TrajectStatus.choices, default=TrajectStatus.OPEN
    )
    doelen = models.TextField("doelen", blank=True)
    acties = models.TextField("acties", blank=True)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = OrganisatieQuerySet.as_manager()

    # Free text about the client's situation: never in the audit log text.
    AUDIT_GEVOELIG = frozenset({"doelen", "acties"})

    class Meta:
        ordering = ["-startdatum", "-pk"]
        verbose_name = "samenwerkingstraject"
        verbose_name_plural = "samenwerkingstrajecten"
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("startdatum")),
                name="traject_einde_na_start",
                violation_error_message="De einddatum ligt vóór de startdatum.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nummer} {self.onderwerp}"

    def get_absolute_url(self) -> str:
        return reverse("trajecten:detail", args=[self.pk])

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        """Participants only: the gemeente and the aanbieders taking part."""
        return Q(pk__in=Deelname.objects.filter(organisatie_id=organisatie.pk).values("traject"))

    def is_deelnemer(self, organisatie) -> bool:
        return self.deelnames.filter(organisatie_id=organisatie.pk).exists()


class Deelname(models.Model):
    traject = models.ForeignKey(Traject, models.CASCADE, related_name="deelnames")
    organisatie = models.ForeignKey(
        "organisaties.Organisatie", models.PROTECT, related_name="deelnames"
    )
    rol = models.CharField("rol", max_length=20, choices=Deelnemersrol.choices)
    sinds = models.DateTimeField("deelnemer sinds", auto_now_add=True)

    class Meta:
        ordering = ["sinds", "pk"]
        verbose_name = "deelname"
        verbose_name_plural = "deelnames"
        constraints = [
            models.UniqueConstraint(fields=["traject", "organisatie"], name="deelname_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.organisatie} in {self.traject.nummer}"


class TaakQuerySet(OrganisatieQuerySet):
    def actief(self) -> "TaakQuerySet":
        return self.exclude(status__in=AFGESLOTEN_TAAKSTATUSSEN)

    def voor_gebruiker(self, gebruiker) -> "TaakQuerySet":
        """Assigned to the user, or to his organisation without a person."""
        return self.filter(
            Q(toegewezen_aan_gebruiker=gebruiker)
            | Q(
                toegewezen_aan_gebruiker__isnull=True,
                toegewezen_aan_organisatie_id=gebruiker.organisatie_id,
            )
        )


class Taak(models.Model):
    traject = models.ForeignKey(Traject, models.CASCADE, related_name="taken")
    naam = models.CharField("naam", max_length=200)
    soort = models.CharField("soort", max_length=30, choices=TaakSoort.choices)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="aangemaakte_taken"
    )
    toegewezen_aan_organisatie = models.ForeignKey(
        "organisaties.Organisatie", models.PROTECT, related_name="taken"
    )
    toegewezen_aan_gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="taken"
    )
    termijn = models.OneToOneField(
        "termijnen.Termijn", models.PROTECT, null=True, blank=True, related_name="taak"
    )
    prioriteit = models.CharField(
        "prioriteit", max_length=10, choices=Prioriteit.choices, default=Prioriteit.MIDDEN
    )
    status = models.CharField(
        "status", max_length=20, choices=TaakStatus.choices, default=TaakStatus.OPEN
    )
    omschrijving = models.TextField("omschrijving", blank=True)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = TaakQuerySet.as_manager()

    AUDIT_GEVOELIG = frozenset({"omschrijving"})

    class Meta:
        ordering = ["-aangemaakt", "-pk"]
        verbose_name = "taak"
        verbose_name_plural = "taken"

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("trajecten:taak", args=[self.pk])

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(traject__in=Traject.objects.voor_organisatie(organisatie))

    @property
    def is_afgesloten(self) -> bool:
        return self.status in AFGESLOTEN_TAAKSTATUSSEN


class TaakGebeurtenis(models.Model):
    """The history of a task: every change, by whom, when. Only ever added to."""

    taak = models.ForeignKey(Taak, models.CASCADE, related_name="geschiedenis")
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True)
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True)
    gebruikersnaam = models.CharField("door", max_length=150)
    organisatienaam = models.CharField("organisatie", max_length=200)
    omschrijving = models.CharField("wat", max_length=300)
    wijzigingen = models.JSONField("wijzigingen", default=dict, blank=True)
    toelichting = models.TextField("toelichting", blank=True)

    class Meta:
        ordering = ["tijdstip", "pk"]
        verbose_name = "taakgebeurtenis"
        verbose_name_plural = "taakgeschiedenis"

    def __str__(self) -> str:
        return f"{self.tijdstip:%d-%m-%Y %H:%M} {self.omschrijving}"
