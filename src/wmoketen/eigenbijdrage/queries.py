"""Reads of the eigen-bijdrage register: the gemeente's deliveries it is derived from, the
register's lists and filters, the meldingen to report, and the audit of the client data read.

The deliveries are the gemeente's own records of the 305/307 (``toewijzingen.Levering`` on its
``Toewijzing``), read here only (``toewijzingen`` has no query for this)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Min, Q

from wmoketen.audit import services as audit
from wmoketen.producten.constants import Wet
from wmoketen.toewijzingen.constants import REDEN_PAUZE, REDEN_VERWIJDERD, LeveringStatus, Status
from wmoketen.toewijzingen.models import Levering as Leveringrij

from .constants import MeldingStatus, Soort
from .models import Aanlevering, Melding, Registratie
from .perioden import Levering


@dataclass
class ClientLeveringen:
    """The deliveries of one client's Wmo provisions at the gemeente, with his birth data."""

    geboortedatum: date | None = None
    datumgebruik: str = ""
    leveringen: list[Levering] = field(default_factory=list)


def leveringen_per_client(gemeente_id: int) -> dict[int, ClientLeveringen]:
    """Every Wmo delivery on the gemeente's allocations (Jeugdwet has no eigen bijdrage),
    per client, in one query. Removed starts and removed allocations do not count; a delivery
    without a stop ends with its allocation."""
    rijen = (
        Leveringrij.objects.filter(toewijzing__gemeente_id=gemeente_id, toewijzing__wet=Wet.WMO)
        .exclude(status=LeveringStatus.VERWIJDERD)
        .exclude(toewijzing__status=Status.VERWIJDERD)
        .exclude(
            Q(toewijzing__einddatum=F("toewijzing__ingangsdatum"))
            & Q(toewijzing__reden_wijziging__in=sorted(REDEN_VERWIJDERD))
        )
        .values_list(
            "toewijzing__client_id",
            "toewijzing__client__geboortedatum",
            "toewijzing__client__datumgebruik",
            "begindatum",
            "einddatum",
            "reden_beeindiging",
            "toewijzing__einddatum",
        )
    )
    uitkomst: dict[int, ClientLeveringen] = {}
    for client_id, geboren, gebruik, begin, einde, reden, toewijzing_einde in rijen:
        client = uitkomst.setdefault(client_id, ClientLeveringen(geboren, gebruik or ""))
        client.leveringen.append(_levering(begin, einde, reden, toewijzing_einde))
    return uitkomst


def _levering(begin: date, einde: date | None, reden: str, toewijzing_einde: date | None):
    pauze = einde is not None and reden == REDEN_PAUZE
    if toewijzing_einde is not None and (einde is None or einde > toewijzing_einde):
        return Levering(begin, max(begin, toewijzing_einde), pauze=False)
    return Levering(begin, einde, pauze=pauze)


def registraties_per_client(gemeente_id: int) -> dict[int, list[Registratie]]:
    """The gemeente's registrations that have not lapsed, locked, per client (earliest
    first), each with its meldingen still to report (``te_melden``)."""
    per_client = defaultdict(list)
    registraties = (
        Registratie.objects.select_for_update()
        .filter(gemeente_id=gemeente_id, vervallen=False)
        .order_by("client_id", "begindatum", "pk")
    )
    open_ = defaultdict(list)
    for melding in Melding.objects.filter(
        gemeente_id=gemeente_id, status=MeldingStatus.TE_MELDEN
    ).order_by("pk"):
        open_[melding.registratie_id].append(melding)
    for registratie in registraties:
        registratie.te_melden = open_.get(registratie.pk, [])
        per_client[registratie.client_id].append(registratie)
    return per_client


# The pages ------------------------------------------------------------------------------------

REGISTRATIE_FILTERS = {
    "": "Alle",
    "lopend": "Lopend",
    "beeindigd": "Beëindigd",
    "vervallen": "Vervallen",
}
MELDING_FILTERS = {"": "Alle", **dict(MeldingStatus.choices)}
SOORT_FILTERS = {"": "Alle soorten", **dict(Soort.choices)}


def _zoek(zoekterm: str, prefix: str = "") -> Q:
    zoekterm = zoekterm.strip()
    if not zoekterm:
        return Q()
    if zoekterm.isdigit():
        return Q(**{f"{prefix}client__bsn__startswith": zoekterm})
    return Q(**{f"{prefix}client__geslachtsnaam__icontains": zoekterm})


def registratie_lijst(organisatie, *, status: str = "", zoekterm: str = ""):
    """The gemeente's registrations, latest start first, with their client and the number of
    meldingen still to report."""
    registraties = Registratie.objects.voor_organisatie(organisatie).filter(_zoek(zoekterm))
    if status == "lopend":
        registraties = registraties.filter(vervallen=False, einddatum__isnull=True)
    elif status == "beeindigd":
        registraties = registraties.filter(vervallen=False, einddatum__isnull=False)
    elif status == "vervallen":
        registraties = registraties.filter(vervallen=True)
    return (
        registraties.select_related("client")
        .annotate(
            open_meldingen=Count("meldingen", filter=Q(meldingen__status=MeldingStatus.TE_MELDEN))
        )
        .order_by("-begindatum", "-pk")
    )


def melding_lijst(organisatie, *, status: str = "", soort: str = "", zoekterm: str = ""):
    """The gemeente's meldingen, newest first, with registration and client."""
    meldingen = Melding.objects.voor_organisatie(organisatie).filter(
        _zoek(zoekterm, "registratie__")
    )
    if status in MeldingStatus.values:
        meldingen = meldingen.filter(status=status)
    if soort in Soort.values:
        meldingen = meldingen.filter(soort=soort)
    return meldingen.select_related("registratie__client", "gemeld_door")


def te_melden(gemeente_id: int):
    """The meldingen still to report, in the order of the export: per client and
    registration, a start before its stop."""
    return (
        Melding.objects.filter(gemeente_id=gemeente_id, status=MeldingStatus.TE_MELDEN)
        .select_related("registratie__client", "gemeente")
        .order_by(
            "registratie__client__geslachtsnaam",
            "registratie__client_id",
            "registratie__begindatum",
            "registratie_id",
            "betreft",
            "pk",
        )
    )


@dataclass(frozen=True)
class Telling:
    aantal: int
    starts: int
    stops: int
    correcties: int
    sinds: object  # the oldest melding's aangemaakt, or None


def telling_te_melden(gemeente_id: int) -> Telling:
    """How many meldingen wait, per soort, and since when: one query (the worklist)."""
    rij = Melding.objects.filter(gemeente_id=gemeente_id, status=MeldingStatus.TE_MELDEN).aggregate(
        aantal=Count("pk"),
        starts=Count("pk", filter=Q(soort=Soort.START)),
        stops=Count("pk", filter=Q(soort=Soort.STOP)),
        correcties=Count("pk", filter=Q(soort=Soort.CORRECTIE)),
        sinds=Min("aangemaakt"),
    )
    return Telling(**rij)


def aanleveringen(organisatie):
    """The files given to the CAK, newest first (their content is not read here)."""
    return (
        Aanlevering.objects.voor_organisatie(organisatie)
        .defer("inhoud")
        .select_related("gemaakt_door")
        .order_by("-gemaakt_op", "-pk")
    )


def aanlevering(organisatie, pk: int) -> Aanlevering | None:
    """One file given to the CAK, with its content; None when it is not the organisation's."""
    return Aanlevering.objects.voor_organisatie(organisatie).filter(pk=pk).first()


def clienten_van(aanlevering: Aanlevering) -> list[int]:
    """The clients whose data the file carries."""
    return list(aanlevering.meldingen.values_list("registratie__client_id", flat=True))


def log_gelezen(gebruiker, actie: str, client_ids, omschrijving: str, obj=None) -> None:
    """A page (or ``obj``, a file) of the register was read: one audit row per client."""
    audit.log_clienten(
        gebruiker,
        actie,
        obj or gebruiker.organisatie,
        sorted({pk for pk in client_ids if pk is not None}),
        omschrijving=omschrijving,
    )
