"""Reads of the message store for the pages and the start page, always scoped to one
organisation (the sender or the receiver). Reading one message is audit-logged: messages
carry client data."""

import copy
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from lxml import etree

from istandaarden.codec import parse_tree
from istandaarden.fout import MAX_FOUTEN, ParseFout
from istandaarden.retourcodes import omschrijving
from istandaarden.safe_xml import parse_bytes
from istandaarden.samenvatting import samenvatting as cli_samenvatting
from wmoketen.audit import services as audit
from wmoketen.clienten import queries as clienten_queries
from wmoketen.organisaties.models import Organisatie

from . import services, sloten
from .constants import Soort, Status
from .models import Bericht

# The detail page shows at most this many characters of a message, and does not parse (no
# summary, raw text only) a message larger than this many bytes.
MAX_TEKENS = 100_000
MAX_BYTES_OPMAKEN = 2_000_000
MAX_REGELS_SAMENVATTING = 500
_STANDAARDEN = ("iwmo", "ijw")


def berichten_voor(organisatie) -> QuerySet[Bericht]:
    """The organisation's messages (sent or received), newest first, without their content
    (body and errors: a list shows neither).

    ``inkomend``: the organisation is the receiver (direction "in" for the viewer);
    ``met_retour``: a retour on it exists (for ``Bericht.verzendstatus``).
    """
    return (
        Bericht.objects.voor_organisatie(organisatie)
        .select_related("afzender", "ontvanger")
        .defer("inhoud", "fouten")
        .annotate(
            inkomend=ExpressionWrapper(
                Q(ontvanger_id=getattr(organisatie, "pk", None)), output_field=BooleanField()
            ),
            met_retour=Exists(Bericht.objects.filter(heenbericht_id=OuterRef("pk"))),
        )
    )


def filter_berichten(
    organisatie,
    *,
    standaard: str = "",
    bericht: int | None = None,
    status: str = "",
    richting: str = "",
    van=None,
    tot=None,
    tegenpartij=None,
) -> QuerySet[Bericht]:
    """The organisation's messages narrowed by the list page's filters (empty: no filter).

    Every filter is one an index of ``Bericht`` starts with, per side (docs/berichten.md).
    """
    berichten = berichten_voor(organisatie)
    if standaard or bericht:
        berichten = berichten.filter(_soort(standaard, bericht))
    if status:
        berichten = berichten.filter(status=status)
    if richting:
        berichten = berichten.filter(_richting(organisatie, richting))
    if van or tot:
        berichten = berichten.filter(ontvangen_tussen(van, tot))
    if tegenpartij is not None:
        berichten = berichten.filter(met_tegenpartij(organisatie, tegenpartij))
    return berichten


def _soort(standaard: str, nummer: int | None) -> Q:
    # A message with a number always has its standard (both come from the Header): naming
    # both standards when only the number is asked lets the (side, standaard, nummer) index
    # serve it.
    filter_ = Q(standaard=standaard) if standaard else Q(standaard__in=_STANDAARDEN)
    return filter_ & Q(nummer=nummer) if nummer else filter_


def _richting(organisatie, richting: str) -> Q:
    if richting == "in":
        return Q(ontvanger_id=organisatie.pk)
    if richting == "uit":
        return Q(afzender_id=organisatie.pk)
    return Q()


def ontvangen_tussen(van=None, tot=None) -> Q:
    """Received on or after the day ``van`` and on or before the day ``tot`` (local days).

    A range on the column itself, not on its date: ``ontvangen_op__date`` is an expression
    no index serves.
    """
    filter_ = Q()
    if van:
        filter_ &= Q(ontvangen_op__gte=_begin_van_dag(van))
    if tot:
        filter_ &= Q(ontvangen_op__lt=_begin_van_dag(tot + timedelta(days=1)))
    return filter_


def _begin_van_dag(dag: date) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time.min))


def met_tegenpartij(organisatie, tegenpartij) -> Q:
    """Exchanged between the two: each direction is a range of one pair index."""
    return Q(afzender_id=organisatie.pk, ontvanger_id=tegenpartij.pk) | Q(
        afzender_id=tegenpartij.pk, ontvanger_id=organisatie.pk
    )


def tegenpartijen(organisatie) -> QuerySet[Organisatie]:
    """The organisations this one has exchanged messages with: per organisation two probes
    of the pair indexes, never a scan of the messages."""
    return (
        Organisatie.objects.filter(
            Exists(Bericht.objects.filter(afzender_id=organisatie.pk, ontvanger_id=OuterRef("pk")))
            | Exists(
                Bericht.objects.filter(afzender_id=OuterRef("pk"), ontvanger_id=organisatie.pk)
            )
        )
        .exclude(pk=organisatie.pk)
        .order_by("naam")
    )


# The start page counts the messages of this many days per status, and those that need
# action (failed, not processed for want of a handler, or waiting for the pipeline) whatever
# their age: those are few.
TELDAGEN = 30
ACTIESTATUSSEN = (Status.FOUT_BIJ_VERWERKING, Status.GEEN_VERWERKING, Status.ONTVANGEN)


@dataclass(frozen=True)
class Aantal:
    status: str
    label: str
    aantal: int
    van: date | None  # counted from this day on (the list's "Ontvangen vanaf"); None: all


def aantallen_per_status(organisatie, *, vandaag: date | None = None) -> list[Aantal]:
    """The counts of the start page, each from a bounded query: per status over the last
    ``TELDAGEN`` days (a range of the per-side time indexes), and the statuses that need
    action over all time (a partial index holds just those)."""
    van = (vandaag or timezone.localdate()) - timedelta(days=TELDAGEN - 1)
    eigen = Bericht.objects.voor_organisatie(organisatie).order_by()
    actie = _telling(eigen.filter(status__in=ACTIESTATUSSEN))
    venster = _telling(eigen.filter(ontvangen_tussen(van)).exclude(status__in=ACTIESTATUSSEN))
    telling = {**venster, **actie}
    return [
        Aantal(s.value, s.label, aantal, None if s in ACTIESTATUSSEN else van)
        for s in Status
        if (aantal := telling.get(s.value))
    ]


def _telling(berichten: QuerySet[Bericht]) -> dict[str, int]:
    return dict(berichten.values_list("status").annotate(aantal=Count("pk")))


def zoek(gebruiker, pk: int) -> Bericht:
    """One message of the user's organisation (404 otherwise), not logged."""
    return get_object_or_404(Bericht.objects.voor_organisatie(gebruiker.organisatie), pk=pk)


def lees(gebruiker, pk: int, *, actie: str = "bericht.gelezen") -> Bericht:
    """One message of the user's organisation with its body (404 otherwise); logs the read."""
    bericht = get_object_or_404(
        Bericht.objects.voor_organisatie(gebruiker.organisatie)
        .met_inhoud()
        .select_related("afzender", "ontvanger"),
        pk=pk,
    )
    log_lezen(bericht, actie, gebruiker=gebruiker)
    return bericht


def ontleed(bericht: Bericht) -> etree._ElementTree:
    """The message's content as a tree, parsed once per instance: the detail page reads it for
    the audit, the display and the retourcodes. ParseFout when it is no readable message.

    The tree is shared: do not change it (``parse_tree`` clears what it binds: bind a copy).
    """
    uitkomst = bericht.__dict__.get("_ontleed")
    if uitkomst is None:
        try:
            uitkomst = parse_bytes(bericht.bytes, compact=True)
        except ParseFout as fout:
            uitkomst = fout
        bericht._ontleed = uitkomst
    if isinstance(uitkomst, ParseFout):
        raise uitkomst
    return uitkomst


def clienten_in(bericht: Bericht, organisatie) -> list[int]:
    """The organisation's client records a message is about (each Client/Bsn in it); none
    for content that is no readable message."""
    try:
        root = ontleed(bericht).getroot()
    except ParseFout:
        return []
    bsns = sloten.bsns(root)
    return clienten_queries.ids_met_bsn(organisatie, bsns) if bsns else []


def log_lezen(
    bericht: Bericht,
    actie: str,
    *,
    gebruiker=None,
    organisatie=None,
    gebruikersnaam: str | None = None,
    omschrijving: str = "",
) -> None:
    """Audit a read of a message's content: one row per client in it, so a search of the trail
    by the client's BSN finds it. Without a user (an API token) pass ``organisatie``."""
    organisatie = organisatie or gebruiker.organisatie
    audit.log_clienten(
        gebruiker,
        actie,
        bericht,
        clienten_in(bericht, organisatie),
        omschrijving=omschrijving or str(bericht),
        organisatie=organisatie,
        gebruikersnaam=gebruikersnaam,
    )


@dataclass(frozen=True)
class Verwant:
    """The messages linked to one message, as far as the organisation may see them."""

    retour: Bericht | None
    heenbericht: Bericht | None
    origineel: Bericht | None
    origineel_verborgen: bool  # the earlier message went to another organisation
    herhalingen: list[Bericht]


def verwant(bericht: Bericht, organisatie) -> Verwant:
    """Retour, heenbericht, the earlier message with this Identificatie, and later copies.

    The duplicate check (TR056) is per sender, so the earlier message may have gone to
    another receiver: it is then named, not linked.
    """
    zichtbaar = berichten_voor(organisatie)
    origineel = None
    if bericht.origineel_id:
        origineel = zichtbaar.filter(pk=bericht.origineel_id).first()
    return Verwant(
        retour=zichtbaar.filter(heenbericht_id=bericht.pk).first(),
        heenbericht=zichtbaar.filter(pk=bericht.heenbericht_id).first()
        if bericht.heenbericht_id
        else None,
        origineel=origineel,
        origineel_verborgen=bool(bericht.origineel_id) and origineel is None,
        herhalingen=list(zichtbaar.filter(origineel_id=bericht.pk).order_by("pk")),
    )


@dataclass(frozen=True)
class Weergave:
    """What the detail page shows of a message's content."""

    samenvatting: list[tuple[int, str]]  # (indentation level, Dutch text)
    samenvatting_fout: str  # why there is no summary
    samenvatting_ingekort: bool
    xml: str  # pretty-printed, or the raw text when it is no readable message
    xml_ingekort: bool
    tekens: int  # length of the full text


def weergave(bericht: Bericht) -> Weergave:
    """The readable summary (the CLI's ``toon``) and the pretty-printed XML of a message."""
    data = bericht.bytes
    regels: list[str] = []
    fout = ""
    if len(data) > MAX_BYTES_OPMAKEN:
        tekst = data.decode("utf-8", errors="replace")
        fout = "Het bericht is te groot om hier samen te vatten."
    else:
        try:
            tree = ontleed(bericht)
        except ParseFout as exc:
            tekst = data.decode("utf-8", errors="replace")
            fout = f"Het bericht kan niet gelezen worden: {exc}"
        else:
            tekst = etree.tostring(tree, pretty_print=True, encoding="unicode")
            try:  # parse_tree clears the tree it binds: the shared one stays whole
                regels = cli_samenvatting(parse_tree(copy.deepcopy(tree)))
            except ParseFout as exc:
                fout = f"Geen samenvatting: {exc}"
    samenvatting = [
        ((len(r) - len(r.lstrip(" "))) // 2, " ".join(r.split()))
        for r in regels[:MAX_REGELS_SAMENVATTING]
    ]
    return Weergave(
        samenvatting=samenvatting,
        samenvatting_fout=fout,
        samenvatting_ingekort=len(regels) > MAX_REGELS_SAMENVATTING,
        xml=tekst[:MAX_TEKENS],
        xml_ingekort=len(tekst) > MAX_TEKENS,
        tekens=len(tekst),
    )


def retourcodes_van(bericht: Bericht) -> list[str]:
    """The retourcodes a message got (a heenbericht) or carries (a retour, from its content)."""
    if bericht.retourcodes or bericht.soort != Soort.RETOUR:
        return list(bericht.retourcodes)
    try:
        return services.codes_in(ontleed(bericht).getroot())
    except ParseFout:
        return []


def uitleg_retourcodes(codes) -> list[tuple[str, str]]:
    """(code, Dutch explanation) for each retourcode."""
    return [(code, omschrijving(code)) for code in codes]


def uitleg_fouten(fouten: list[dict]) -> list[dict]:
    """The first stored findings (at most MAX_FOUTEN: rows stored before the cap can hold
    more), each with the Dutch explanation of its retourcode."""
    return [
        {**fout, "uitleg": omschrijving(fout["retourcode"]) if fout.get("retourcode") else ""}
        for fout in fouten[:MAX_FOUTEN]
    ]


def aantal_fouten(bericht: Bericht) -> int:
    """How many errors the message had, also those not kept (``Bericht.fouten_totaal``)."""
    return max(bericht.fouten_totaal, len(bericht.fouten))
