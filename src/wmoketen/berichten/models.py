from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import Q

from wmoketen.organisaties.scoping import OrganisatieQuerySet, OrganisatieScoped

from .constants import FOUTLOZE_RETOURCODES, Soort, Status, Transport, Verzendstatus


class Weergavestatus(NamedTuple):
    waarde: str  # for the CSS class status--<waarde>
    label: str


# Stored, but the receiving side's pipeline has not taken it (yet).
WACHTEND = Q(status=Status.ONTVANGEN) | Q(status=Status.VERZONDEN, transport=Transport.INTERN)
# What the functioneel beheerder looks after: waiting for the pipeline, failed in it, or valid
# but of a type nothing processes (not waiting: the recovery job leaves that alone).
AANDACHT = WACHTEND | Q(status__in=[Status.FOUT_BIJ_VERWERKING, Status.GEEN_VERWERKING])
# Offered to a mailbox or API counterparty and not yet written out or fetched.
AF_TE_HALEN = Q(opgehaald_op__isnull=True) & ~Q(transport=Transport.INTERN)


class BerichtQuerySet(OrganisatieQuerySet):
    def met_inhoud(self) -> "BerichtQuerySet":
        """With the body (``inhoud``), which the manager leaves out: for code that reads the
        bodies of many messages, so that is one query and not one per message.

        ``defer(None)``: it undoes every deferral, so chain ``only()`` after it, not before.
        """
        return self.defer(None)


class BerichtManager(models.Manager.from_queryset(BerichtQuerySet)):
    """Leaves the body out: listing, counting and joining messages never reads the XML.

    Reading ``bericht.inhoud`` (or ``.bytes``) of a row loaded without it costs one query;
    a reader of many bodies asks for them with ``met_inhoud()``. ``save()`` of such a row
    writes only the loaded fields, so it never rewrites the body either.
    """

    def get_queryset(self) -> BerichtQuerySet:
        return super().get_queryset().defer("inhoud")


class Bericht(models.Model):
    """One message exchanged between two organisations, stored verbatim.

    Sender and receiver come from the transport, never from the Header (a retour keeps the
    heenbericht's Afzender and Ontvanger, IV028).
    """

    inhoud = models.BinaryField("inhoud (onveranderd)")
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    # No index of their own: every index in Meta.indexes starts with one of them.
    afzender = models.ForeignKey(
        "organisaties.Organisatie",
        models.PROTECT,
        related_name="verzonden_berichten",
        db_index=False,
    )
    ontvanger = models.ForeignKey(
        "organisaties.Organisatie",
        models.PROTECT,
        related_name="ontvangen_berichten",
        db_index=False,
    )
    transport = models.CharField("transport", max_length=10, choices=Transport.choices)
    soort = models.CharField("soort", max_length=10, choices=Soort.choices, default=Soort.ONBEKEND)
    standaard = models.CharField("standaard", max_length=5, blank=True)  # iwmo | ijw
    nummer = models.PositiveSmallIntegerField("bericht", null=True, blank=True)  # 301 …
    berichtcode = models.CharField("BerichtCode", max_length=3, blank=True)  # 414 …
    versie = models.CharField("versie", max_length=10, blank=True)  # 3.2
    # For a retour: IdentificatieRetour and DagtekeningRetour.
    identificatie = models.CharField("identificatie", max_length=20, blank=True, db_index=True)
    dagtekening = models.DateField("dagtekening", null=True, blank=True)
    # TR056: set once the Identificatie is claimed; unique, so a second claim fails.
    sleutel = models.CharField(max_length=120, null=True, blank=True, unique=True, editable=False)
    status = models.CharField("status", max_length=20, choices=Status.choices)
    retourcodes = models.JSONField("retourcodes", default=list, blank=True)
    # The first MAX_FOUTEN errors are kept; fouten_totaal counts them all (a hostile message
    # can carry hundreds of thousands).
    fouten = models.JSONField("fouten", default=list, blank=True)
    fouten_totaal = models.PositiveIntegerField("aantal fouten", default=0)
    foutmelding = models.TextField("foutmelding", blank=True)
    heenbericht = models.OneToOneField(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="retour",
        verbose_name="retour op",
    )
    origineel = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="herhalingen",
        verbose_name="eerder ontvangen met deze identificatie",
    )
    # Where a file mailbox took it from ("<sha256>:<inode>.<ctime_ns>:<name>": the file's hash,
    # inode and ctime, then the ZIP member's or the single file's name): a killed import
    # resumes without storing a member twice.
    bron = models.CharField("bron", max_length=200, blank=True, editable=False)
    ontvangen_op = models.DateTimeField("ontvangen op", auto_now_add=True)
    verwerkt_op = models.DateTimeField("verwerkt op", null=True, blank=True)
    opgehaald_op = models.DateTimeField("opgehaald op", null=True, blank=True)

    objects = BerichtManager()

    class Meta:
        ordering = ["-ontvangen_op", "-pk"]
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        # Each list's filter and order (docs/berichten.md, "Fast with many messages"): every
        # filter of the list is an index per side (sent, received), so a page and its
        # bounded count read only the rows they show or count.
        indexes = [
            # The order of every list; a large organisation's unfiltered list.
            models.Index(fields=["ontvangen_op", "id"], name="bericht_tijd"),
            # One side of the scope, in the list's order: richting, van/tot, the start page's
            # window.
            models.Index(fields=["afzender", "ontvangen_op", "id"], name="bericht_afzender_tijd"),
            models.Index(fields=["ontvanger", "ontvangen_op", "id"], name="bericht_ontvanger_tijd"),
            # The counterparty filter and the list of counterparties (EXISTS per organisation).
            models.Index(
                fields=["afzender", "ontvanger", "ontvangen_op"], name="bericht_afzender_ontv"
            ),
            models.Index(
                fields=["ontvanger", "afzender", "ontvangen_op"], name="bericht_ontvanger_afz"
            ),
            # The status filter, and the start page's counts of what needs action.
            models.Index(fields=["ontvanger", "status"], name="bericht_ontvanger_status"),
            models.Index(fields=["afzender", "status"], name="bericht_afzender_status"),
            # The message filter (standaard, nummer or both: queries.filter_berichten).
            models.Index(
                fields=["afzender", "standaard", "nummer", "ontvangen_op"],
                name="bericht_afzender_soort",
            ),
            models.Index(
                fields=["ontvanger", "standaard", "nummer", "ontvangen_op"],
                name="bericht_ontvanger_soort",
            ),
            # The few still waiting for the pipeline (the health check, the recovery job).
            models.Index(fields=["ontvangen_op"], condition=WACHTEND, name="bericht_wachtend"),
            # The few the beheer looks after (the vastgelopen page).
            models.Index(
                fields=["ontvangen_op", "id"], condition=AANDACHT, name="bericht_aandacht"
            ),
            # The few still to be exported or fetched (the export, the API's postbus).
            models.Index(
                fields=["ontvanger", "ontvangen_op"],
                condition=AF_TE_HALEN,
                name="bericht_af_te_halen",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["ontvanger", "bron"],
                condition=~Q(bron=""),
                name="bericht_unieke_bron",
            )
        ]

    def __str__(self) -> str:
        return f"{self.naam} {self.identificatie or self.pk}"

    @classmethod
    def zichtbaar_voor(cls, organisatie) -> Q:
        return Q(afzender_id=organisatie.pk) | Q(ontvanger_id=organisatie.pk)

    @property
    def naam(self) -> str:
        """WMO301, JW305, or ONBEKEND for input that was no message."""
        if not self.nummer:
            return "ONBEKEND"
        return f"{'WMO' if self.standaard == 'iwmo' else 'JW'}{self.nummer}"

    @property
    def bytes(self) -> bytes:
        return bytes(self.inhoud)

    @property
    def foutcodes(self) -> list[str]:
        """The retourcodes that report an error (all but 0200 and 0233)."""
        return [c for c in self.retourcodes if c not in FOUTLOZE_RETOURCODES]

    def status_voor(self, organisatie) -> Weergavestatus:
        """The state as ``organisatie`` sees it: the sender what became of its message
        (``verzendstatus``), the receiver how it handled it (``status``)."""
        if organisatie is not None and self.afzender_id == organisatie.pk:
            status = self.verzendstatus
            return Weergavestatus(status.value, status.label)
        if self.status == Status.VERZONDEN:  # delivered, not yet taken by the receiver
            return Weergavestatus(Status.ONTVANGEN.value, Status.ONTVANGEN.label)
        return Weergavestatus(self.status, self.get_status_display())

    @property
    def verzendstatus(self) -> Verzendstatus:
        """The sender's view: rejected (also by error codes in the retour), a retour
        received, or sent and no retour yet."""
        heen = self.soort == Soort.HEENBERICHT
        if self.status == Status.AFGEKEURD or (heen and self.foutcodes):
            return Verzendstatus.AFGEKEURD
        if self.status == Status.DUBBEL:
            return Verzendstatus.DUBBEL
        if heen and self._heeft_retour():
            return Verzendstatus.RETOUR_ONTVANGEN
        return Verzendstatus.VERZONDEN

    def _heeft_retour(self) -> bool:
        if self.status == Status.RETOUR_VERZONDEN:
            return True
        met_retour = getattr(self, "met_retour", None)  # annotated by queries.berichten_voor
        if met_retour is not None:
            return met_retour
        try:  # without a query when select_related("retour") fetched it
            return self.retour is not None
        except Bericht.DoesNotExist:
            return False


class Bezorging(models.Model):
    """The outbox: the intent to deliver a message internally, stored with the message.

    Written in the transaction that stores the message, so a crash after the commit cannot
    lose it: the recovery job (``herstel``) hands every open Bezorging to the transport again
    until the receiver's pipeline has taken the message.
    """

    bericht = models.OneToOneField(Bericht, models.CASCADE, related_name="bezorging")
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    pogingen = models.PositiveIntegerField("pogingen", default=0)
    laatste_poging_op = models.DateTimeField("laatste poging", null=True, blank=True)
    laatste_fout = models.TextField("laatste fout", blank=True)
    afgerond_op = models.DateTimeField("afgerond op", null=True, blank=True)

    class Meta:
        verbose_name = "bezorging"
        verbose_name_plural = "bezorgingen"
        indexes = [
            models.Index(
                fields=["aangemaakt_op"],
                condition=Q(afgerond_op__isnull=True),
                name="bezorging_open",
            )
        ]

    def __str__(self) -> str:
        return f"bezorging van {self.bericht}"


class Berichtkanaal(models.Model):
    """How messages reach an organisation: inside this installation, a file mailbox or the API."""

    organisatie = models.OneToOneField(
        "organisaties.Organisatie", models.CASCADE, related_name="berichtkanaal"
    )
    transport = models.CharField("transport", max_length=10, choices=Transport.choices)

    class Meta:
        verbose_name = "berichtkanaal"
        verbose_name_plural = "berichtkanalen"

    def __str__(self) -> str:
        return f"{self.organisatie}: {self.get_transport_display()}"


class ApiToken(OrganisatieScoped):
    """A token with which one organisation uses the HTTP API; only its hash is stored."""

    organisatie = models.ForeignKey(
        "organisaties.Organisatie", models.CASCADE, related_name="api_tokens"
    )
    naam = models.CharField("naam", max_length=100)
    sleutel_hash = models.CharField(max_length=64, unique=True, editable=False)
    actief = models.BooleanField("actief", default=True)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "API-token"
        verbose_name_plural = "API-tokens"

    def __str__(self) -> str:
        return f"{self.naam} ({self.organisatie})"
