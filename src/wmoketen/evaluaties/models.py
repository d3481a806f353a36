"""Evaluations of a beschikking on its traject, and their outcome per resultaatgebied.

Visibility (``zichtbaar_voor``): the gemeente of the traject and the aanbieder of the
beschikking, the two who hold the evaluation together with the client.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from wmoketen.organisaties.scoping import OrganisatieQuerySet

from .constants import Soort, Status, Uitkomst, Vervolgstap


class Evaluatie(models.Model):
    """One planned moment: the driemaandscheck, a tussentijdse evaluatie or the eindevaluatie."""

    traject = models.ForeignKey("trajecten.Traject", models.PROTECT, related_name="evaluaties")
    beschikking = models.ForeignKey(
        "toegang.Beschikking", models.PROTECT, related_name="evaluaties"
    )
    gemeente = models.ForeignKey("organisaties.Gemeente", models.PROTECT, related_name="+")
    aanbieder = models.ForeignKey("organisaties.Aanbieder", models.PROTECT, related_name="+")
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    gepland_op = models.DateField("gepland op")
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.GEPLAND
    )
    gehouden_op = models.DateField("gehouden op", null=True, blank=True)
    client_aanwezig = models.BooleanField("cliënt aanwezig", default=False)
    aanbieder_aanwezig = models.BooleanField("aanbieder aanwezig", default=False)
    consulent_aanwezig = models.BooleanField("consulent aanwezig", default=False)
    # The driemaandscheck (004): did the support start, is it delivered as decided?
    ondersteuning_gestart = models.BooleanField("ondersteuning gestart", null=True, blank=True)
    volgens_afspraak = models.BooleanField(
        "levert volgens de beschikte afspraken", null=True, blank=True
    )
    vervolgstap = models.CharField(
        "vervolgstap", max_length=20, choices=Vervolgstap.choices, blank=True
    )
    toelichting = models.TextField("toelichting", blank=True)
    uitgevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    # What the vervolgstap started: a herindicatie (a new melding) or a task for the consulent.
    vervolg_melding = models.ForeignKey(
        "toegang.Melding", models.PROTECT, null=True, blank=True, related_name="+"
    )
    vervolg_taak = models.ForeignKey(
        "trajecten.Taak", models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = OrganisatieQuerySet.as_manager()

    # Free text about the client's health: never in the audit log text.
    AUDIT_GEVOELIG = frozenset({"toelichting"})

    class Meta:
        ordering = ["gepland_op", "pk"]
        verbose_name = "evaluatie"
        verbose_name_plural = "evaluaties"
        constraints = [
            models.UniqueConstraint(
                fields=["beschikking", "soort", "gepland_op"], name="evaluatie_uniek"
            ),
            models.CheckConstraint(
                condition=~Q(status="uitgevoerd")
                | Q(gehouden_op__isnull=False) & ~Q(vervolgstap=""),
                name="evaluatie_uitgevoerd_volledig",
                violation_error_message="Een uitgevoerde evaluatie heeft een datum en een "
                "vervolgstap.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.gepland_op:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("evaluaties:detail", args=[self.pk])

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(gemeente_id=organisatie.pk) | Q(aanbieder_id=organisatie.pk)

    @property
    def aanwezigen(self) -> list[str]:
        return [
            label
            for aanwezig, label in (
                (self.client_aanwezig, "cliënt"),
                (self.aanbieder_aanwezig, "aanbieder"),
                (self.consulent_aanwezig, "consulent"),
            )
            if aanwezig
        ]


class Resultaat(models.Model):
    """The outcome of one resultaatgebied of the plan at an evaluation."""

    evaluatie = models.ForeignKey(Evaluatie, models.CASCADE, related_name="resultaten")
    resultaatgebied = models.ForeignKey(
        "toegang.Resultaatgebied", models.PROTECT, related_name="evaluatieresultaten"
    )
    uitkomst = models.CharField("uitkomst", max_length=10, choices=Uitkomst.choices)
    toelichting = models.TextField("toelichting", blank=True)

    objects = OrganisatieQuerySet.as_manager()

    AUDIT_GEVOELIG = frozenset({"toelichting"})

    class Meta:
        ordering = ["evaluatie", "resultaatgebied"]
        verbose_name = "resultaat"
        verbose_name_plural = "resultaten"
        constraints = [
            models.UniqueConstraint(
                fields=["evaluatie", "resultaatgebied"], name="resultaat_per_gebied"
            )
        ]

    def __str__(self) -> str:
        return f"{self.resultaatgebied.get_domein_display()}: {self.get_uitkomst_display()}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(evaluatie__in=Evaluatie.objects.voor_organisatie(organisatie))
