"""Declarations (323) and their answers (325), on each side of the chain.

As with the allocations, each side keeps its own record: the aanbieder its ``Declaratie`` (what
it proposed, adjusted and sent) and the gemeente its ``OntvangenDeclaratie`` (what it received,
checked and answered). Amounts are in eurocent, as in the messages (LDT_Bedrag).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from wmoketen.organisaties.scoping import OrganisatieQuerySet
from wmoketen.producten.constants import Wet

from .constants import ZONDER_AFKEUR, BeoordelingStatus, DeclaratieStatus, Oordeel


class DebetCredit(models.TextChoices):
    DEBET = "D", "Debet"
    CREDIT = "C", "Credit"


class Declaratie(models.Model):
    """The aanbieder's declaration of one month's prestaties to one gemeente (a 323)."""

    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder", models.PROTECT, related_name="declaraties"
    )
    # The gemeente that made the allocations (not the client's address): a centrumgemeente fits.
    gemeente = models.ForeignKey("organisaties.Gemeente", models.PROTECT, related_name="+")
    wet = models.CharField("wet", max_length=10, choices=Wet.choices)
    declaratienummer = models.CharField("declaratienummer", max_length=12)
    periode_begin = models.DateField("declaratieperiode van")
    periode_eind = models.DateField("declaratieperiode tot en met")
    status = models.CharField(
        "status", max_length=20, choices=DeclaratieStatus.choices, default=DeclaratieStatus.CONCEPT
    )
    bericht = models.OneToOneField(
        "berichten.Bericht",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="declaratie",
        verbose_name="declaratiebericht (323)",
    )
    antwoord = models.OneToOneField(
        "berichten.Bericht",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="beantwoorde_declaratie",
        verbose_name="declaratie-antwoord (325)",
    )
    # From the 325: the Header's and the DeclaratieAntwoord's retourcodes, the granted total.
    header_retourcodes = models.JSONField("retourcodes Header", default=list, blank=True)
    antwoord_retourcodes = models.JSONField(
        "retourcodes DeclaratieAntwoord", default=list, blank=True
    )
    toegekend_bedrag = models.BigIntegerField("toegekend (cent)", null=True, blank=True)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    ingediend_op = models.DateTimeField("ingediend op", null=True, blank=True)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["-periode_begin", "-pk"]
        verbose_name = "declaratie"
        verbose_name_plural = "declaraties"
        constraints = [
            models.UniqueConstraint(
                fields=["aanbieder", "wet", "declaratienummer"],
                name="declaratienummer_uniek_per_aanbieder",
                violation_error_message="Dit declaratienummer is al gebruikt (TR333).",
            ),
        ]
        indexes = [
            models.Index(fields=["aanbieder", "-periode_begin", "-id"], name="declaratie_lijst")
        ]

    def __str__(self) -> str:
        return f"Declaratie {self.declaratienummer} ({self.periode_begin:%m-%Y})"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(aanbieder_id=organisatie.pk)

    @property
    def geheel_geweigerd(self) -> bool:
        """The 325 refused it as a whole (Header or DeclaratieAntwoord): it counts as not
        sent (IV087), so its month may be declared again (TR318)."""
        if self.status != DeclaratieStatus.BEANTWOORD:
            return False
        codes = [*self.header_retourcodes, *self.antwoord_retourcodes]
        return not self.antwoord_retourcodes or not set(codes) <= ZONDER_AFKEUR


class Prestatie(models.Model):
    """One declared product period of one allocation (the aanbieder's Prestatie)."""

    declaratie = models.ForeignKey(Declaratie, models.CASCADE, related_name="prestaties")
    toewijzing = models.ForeignKey(
        "toewijzingen.AanbiederToewijzing", models.PROTECT, related_name="prestaties"
    )
    referentienummer = models.CharField("referentienummer", max_length=36)
    vorig_referentienummer = models.CharField("vorig referentienummer", max_length=36, blank=True)
    periode_begin = models.DateField("productperiode van")
    periode_eind = models.DateField("productperiode tot en met")
    voorgesteld_volume = models.PositiveIntegerField("voorgesteld volume")
    geleverd_volume = models.PositiveIntegerField("geleverd volume")
    eenheid = models.CharField("eenheid", max_length=2)
    tarief = models.PositiveIntegerField("producttarief (cent)")
    debet_credit = models.CharField(max_length=1, choices=DebetCredit.choices, default="D")
    # The correction this line belongs to (its credit or its corrected debit), if any.
    correctie = models.ForeignKey(
        "declaraties.Correctie",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="prestaties",
    )
    # From the 325: rejected with these retourcodes (approved prestaties are not in it).
    oordeel = models.CharField(
        "oordeel", max_length=20, choices=Oordeel.choices, default=Oordeel.OPEN
    )
    retourcodes = models.JSONField("retourcodes", default=list, blank=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["declaratie", "pk"]
        verbose_name = "prestatie"
        verbose_name_plural = "prestaties"

    def __str__(self) -> str:
        return f"{self.referentienummer} {self.periode_begin}–{self.periode_eind}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(declaratie__aanbieder_id=organisatie.pk)

    @property
    def bedrag(self) -> int:
        return self.geleverd_volume * self.tarief


class Correctie(models.Model):
    """The aanbieder's request to correct an approved prestatie (IV085, IV091, OP366).

    It becomes a credit of the original (identical but for its own ReferentieNummer, the
    original's as VorigReferentieNummer and DebetCredit C) followed, unless the new volume is
    0, by a corrected debit (a plain debit: CD060 leaves its VorigReferentieNummer empty).
    Both lines point back here (``Prestatie.correctie``); without lines it waits for the next
    proposal.
    """

    prestatie = models.ForeignKey(
        Prestatie, models.PROTECT, related_name="correcties", verbose_name="te corrigeren prestatie"
    )
    volume = models.PositiveIntegerField("gecorrigeerd volume")
    reden = models.TextField("reden van de correctie")
    aangevraagd_op = models.DateTimeField("aangevraagd op", auto_now_add=True)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["-aangevraagd_op", "-pk"]
        verbose_name = "correctie"
        verbose_name_plural = "correcties"

    def __str__(self) -> str:
        return f"Correctie van {self.prestatie.referentienummer} naar volume {self.volume}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(prestatie__declaratie__aanbieder_id=organisatie.pk)


class OntvangenDeclaratie(models.Model):
    """A 323 as the gemeente received, checked and answered it."""

    gemeente = models.ForeignKey(
        "organisaties.Gemeente", models.PROTECT, related_name="ontvangen_declaraties"
    )
    aanbieder = models.ForeignKey("organisaties.Aanbieder", models.PROTECT, related_name="+")
    wet = models.CharField("wet", max_length=10, choices=Wet.choices)
    bericht = models.OneToOneField(
        "berichten.Bericht",
        models.PROTECT,
        related_name="ontvangen_declaratie",
        verbose_name="declaratiebericht (323)",
    )
    declaratienummer = models.CharField("declaratienummer", max_length=12)
    periode_begin = models.DateField("declaratieperiode van")
    periode_eind = models.DateField("declaratieperiode tot en met")
    ingediend_bedrag = models.BigIntegerField("ingediend (cent, debet positief)")
    toegekend_bedrag = models.BigIntegerField("toegekend (cent)", null=True, blank=True)
    # Retourcodes in the Header (e.g. 8848, TR135): refused before the declaration was read.
    header_retourcodes = models.JSONField("retourcodes Header", default=list, blank=True)
    # Retourcodes on the DeclaratieAntwoord (e.g. 9333): the declaration as a whole refused.
    retourcodes = models.JSONField("retourcodes", default=list, blank=True)
    status = models.CharField(
        "status",
        max_length=20,
        choices=BeoordelingStatus.choices,
        default=BeoordelingStatus.TE_BEOORDELEN,
    )
    antwoord = models.OneToOneField(
        "berichten.Bericht",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="antwoord_op_declaratie",
        verbose_name="declaratie-antwoord (325)",
    )
    termijn = models.ForeignKey(
        "termijnen.Termijn", models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ontvangen_op = models.DateTimeField("ontvangen op", auto_now_add=True)
    aangehouden_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["-ontvangen_op", "-pk"]
        verbose_name = "ontvangen declaratie"
        verbose_name_plural = "ontvangen declaraties"
        indexes = [
            models.Index(
                fields=["gemeente", "status", "-ontvangen_op"], name="ontv_declaratie_lijst"
            ),
            models.Index(
                fields=["aanbieder", "wet", "declaratienummer"], name="ontv_declaratie_nr"
            ),
        ]

    def __str__(self) -> str:
        return f"Declaratie {self.declaratienummer} van {self.aanbieder}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(gemeente_id=organisatie.pk)


class OntvangenPrestatie(models.Model):
    """One prestatie of a received 323, with the gemeente's verdict."""

    declaratie = models.ForeignKey(OntvangenDeclaratie, models.CASCADE, related_name="prestaties")
    toewijzing = models.ForeignKey(
        "toewijzingen.Toewijzing",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="prestaties",
    )
    client = models.ForeignKey(
        "clienten.Client", models.PROTECT, null=True, blank=True, related_name="+"
    )
    bsn = models.CharField("BSN", max_length=9)
    referentienummer = models.CharField("referentienummer", max_length=36)
    vorig_referentienummer = models.CharField("vorig referentienummer", max_length=36, blank=True)
    toewijzingnummer = models.PositiveBigIntegerField("toewijzingnummer")
    productcategorie = models.CharField("productcategorie", max_length=2, blank=True)
    productcode = models.CharField("productcode", max_length=5, blank=True)
    periode_begin = models.DateField("productperiode van")
    periode_eind = models.DateField("productperiode tot en met")
    geleverd_volume = models.PositiveIntegerField("geleverd volume")
    eenheid = models.CharField("eenheid", max_length=2)
    tarief = models.PositiveIntegerField("producttarief (cent)")
    bedrag = models.BigIntegerField("ingediend bedrag (cent)")
    debet_credit = models.CharField(max_length=1, choices=DebetCredit.choices)
    oordeel = models.CharField(
        "oordeel", max_length=20, choices=Oordeel.choices, default=Oordeel.OPEN
    )
    retourcodes = models.JSONField("retourcodes", default=list, blank=True)
    # Retourcodes on the Cliënt class (e.g. TR304): the prestatie itself gets 0233.
    client_retourcodes = models.JSONField("retourcodes cliënt", default=list, blank=True)
    # A backoffice clerk's rejection (with a retourcode from WJ001 in ``retourcodes``).
    reden = models.TextField("reden van afwijzing", blank=True)
    afgewezen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["declaratie", "pk"]
        verbose_name = "ontvangen prestatie"
        verbose_name_plural = "ontvangen prestaties"
        indexes = [
            # TR314/TR323/TR389/TR390 and the volume checks read earlier prestaties by these.
            models.Index(fields=["referentienummer"], name="ontv_prestatie_ref"),
            models.Index(fields=["toewijzing", "periode_begin"], name="ontv_prestatie_toew"),
            models.Index(fields=["oordeel", "declaratie"], name="ontv_prestatie_oordeel"),
        ]

    def __str__(self) -> str:
        return f"{self.referentienummer} (toewijzing {self.toewijzingnummer})"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(declaratie__gemeente_id=organisatie.pk)

    @property
    def netto(self) -> int:
        """The amount with its sign: a credit counts against the total."""
        return -self.bedrag if self.debet_credit == DebetCredit.CREDIT else self.bedrag
