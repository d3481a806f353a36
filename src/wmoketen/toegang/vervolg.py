"""The follow-up of a running beschikking (DOMAIN.md step 20): herindicatie and profielwijziging.

A follow-up is a new melding on the same traject that cites the beschikking it follows up
(``Melding.vorige_beschikking``) and walks the normal route (``services``: onderzoek, plan
deel 1 and 2, akkoord, beschikking). Its beschikking continues the care
(``services.vervolg``, the step the beschikking takes for a follow-up):

- herindicatie: the new beschikking starts the day after the previous einddatum; the previous
  allocations run to their einddatum and the new 301 carries both, so there is no gap;
- profielwijziging: the new beschikking starts on the chosen date; the previous allocations
  end the day before (RedenWijziging 05, herbeoordeling: verkorting) in the same 301.

8 weeks before the einddatum (the rule ``herindicatie_signaal``, counted back to the werkdag
before) ``signaleer_herindicaties`` gives the consulent and the aanbieder a task
"Herindicatie voorbereiden"; the Celery job ``toegang.tasks.signaleer_herindicaties`` runs it
every day.
"""

import logging
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_organisatie, eis_rol
from wmoketen.audit import services as audit
from wmoketen.termijnen import kalender
from wmoketen.termijnen.constants import Eenheid, Regelcode
from wmoketen.termijnen.models import Termijnregel
from wmoketen.termijnen.queries import regel_voor
from wmoketen.trajecten import services as trajecten
from wmoketen.trajecten.constants import TaakSoort

from . import controles
from .constants import Aanleiding
from .models import Beschikking, Melding
from .services.melding import bewaar_melding
from .services.vervolg import lopend_onder

logger = logging.getLogger(__name__)

TAAKNAAM_HERINDICATIE = "Herindicatie voorbereiden"

VERVOLGEN = (Aanleiding.HERINDICATIE, Aanleiding.PROFIELWIJZIGING)


def _controleer_start(beschikking: Beschikking, aanleiding: str, op: date) -> None:
    if aanleiding not in VERVOLGEN:
        raise ValidationError("Kies de aanleiding: herindicatie of profielwijziging.")
    if beschikking.is_afwijzing:
        raise ValidationError(
            f"Beschikking {beschikking.nummer} is een afwijzing: er is geen ondersteuning om "
            "voort te zetten. Heeft de cliënt ondersteuning nodig, registreer dan een nieuwe "
            "melding."
        )
    if op > beschikking.einddatum:
        raise ValidationError(
            f"Beschikking {beschikking.nummer} is geëindigd op {beschikking.einddatum:%d-%m-%Y}: "
            "een herindicatie of profielwijziging start u uiterlijk op de einddatum. Heeft de "
            "cliënt nog ondersteuning nodig, registreer dan een nieuwe melding."
        )
    if op < beschikking.dagtekening:
        raise ValidationError(
            f"De datum ligt vóór de dagtekening van beschikking {beschikking.nummer}."
        )
    eerder = beschikking.vervolgmeldingen.first()
    if eerder is not None:
        raise ValidationError(
            f"Voor beschikking {beschikking.nummer} is al een "
            f"{eerder.get_aanleiding_display().lower()} gestart (melding van "
            f"{eerder.ontvangen_op:%d-%m-%Y})."
        )
    if not lopend_onder(beschikking, op).exists():
        if beschikking.open:
            raise ValidationError(
                f"Bij open beschikking {beschikking.nummer} is (nog) niets toegewezen: er is "
                "geen zorg om voort te zetten. Heeft de cliënt ondersteuning nodig, registreer "
                "dan een nieuwe melding."
            )
        raise ValidationError(
            f"Bij beschikking {beschikking.nummer} loopt geen toewijzing meer: er is geen zorg "
            "om voort te zetten. Heeft de cliënt ondersteuning nodig, registreer dan een nieuwe "
            "melding."
        )


def mag_vervolg_starten(beschikking: Beschikking, gebruiker, op: date | None = None) -> bool:
    """Whether ``gebruiker`` may start a follow-up of ``beschikking`` now (for the screens)."""
    if not gebruiker.heeft_rol(Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE):
        return False
    if gebruiker.organisatie_id != beschikking.gemeente_id:
        return False
    try:
        _controleer_start(beschikking, Aanleiding.HERINDICATIE, op or timezone.localdate())
    except ValidationError:
        return False
    return True


def _consulent_van(melding: Melding, gemeente_id: int):
    """The consulent of ``melding`` while he still is an active consulent of the gemeente."""
    consulent = melding.consulent
    if (
        consulent is not None
        and consulent.is_active
        and consulent.organisatie_id == gemeente_id
        and consulent.heeft_rol(Rol.TOEGANGSMEDEWERKER)
    ):
        return consulent
    return None


@transaction.atomic
def start_herindicatie(
    beschikking: Beschikking,
    *,
    aanleiding: str = Aanleiding.HERINDICATIE,
    acting_user,
    op: date | None = None,
) -> Melding:
    """The consulent (or the backoffice) of the gemeente starts a follow-up of ``beschikking``
    on ``op`` (default today): a new melding on the same traject, with the deadlines of every
    melding. Refused after the einddatum, when a follow-up was already started, and when no
    allocation of the beschikking runs (e.g. an open beschikking nobody requested)."""
    eis_rol(acting_user, Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE)
    beschikking = (
        Beschikking.objects.select_for_update(of=("self",))
        .select_related("gemeente", "client", "plan__melding__traject", "plan__melding__consulent")
        .get(pk=beschikking.pk)
    )
    eis_organisatie(acting_user, beschikking.gemeente_id, "Deze cliënt hoort niet bij uw gemeente.")
    op = controles.dag(op, "De startdatum")
    _controleer_start(beschikking, aanleiding, op)
    vorige = beschikking.plan.melding
    if acting_user.heeft_rol(Rol.TOEGANGSMEDEWERKER):
        consulent = acting_user
    else:
        consulent = _consulent_van(vorige, beschikking.gemeente_id)
    melding = Melding(
        gemeente_id=beschikking.gemeente_id,
        client_id=beschikking.client_id,
        wet=beschikking.wet,
        ontvangen_op=op,
        kanaal=vorige.kanaal,
        route=vorige.route,
        consulent=consulent,
        traject=vorige.traject,
        aanleiding=aanleiding,
        vorige_beschikking=beschikking,
    )
    return bewaar_melding(
        melding,
        acting_user=acting_user,
        omschrijving=(
            f"{Aanleiding(aanleiding).label} van beschikking {beschikking.nummer}, "
            f"traject {vorige.traject.nummer}"
        ),
        titel=f"{Aanleiding(aanleiding).label} gestart",
    )


# The signal 8 weeks before the einddatum ------------------------------------------------------


def signaaldag(beschikking: Beschikking, regel: Termijnregel | None = None) -> date:
    """The werkdag the herindicatie is signalled: the rule ``herindicatie_signaal`` of the
    gemeente (8 weeks) counted back from the einddatum, on a non-werkdag the werkdag before."""
    regel = regel or regel_voor(Regelcode.HERINDICATIE_SIGNAAL, beschikking.gemeente)
    return regel.vervaldatum(beschikking.einddatum, beschikking.gemeente)


def _horizon() -> timedelta:
    """How far before an einddatum any gemeente's signal can fall (a generous bound)."""
    dagen = [
        r.aantal * {Eenheid.WEKEN: 7, Eenheid.MAANDEN: 31}.get(r.eenheid, 2)
        for r in Termijnregel.objects.filter(code=Regelcode.HERINDICATIE_SIGNAAL)
    ]
    return timedelta(days=max(dagen, default=0) + 14)


def te_signaleren(op: date) -> list[Beschikking]:
    """Beschikkingen whose signal day is ``op`` or passed (catching up) while the einddatum
    is not: not yet signalled, no follow-up started, and an allocation running to the end."""
    kandidaten = (
        Beschikking.objects.filter(
            einddatum__gte=op,
            einddatum__lte=op + _horizon(),
            herindicatie_gesignaleerd_op__isnull=True,
            vervolgmeldingen__isnull=True,
        )
        .select_related("gemeente")
        .order_by("einddatum", "pk")
    )
    regels = {}  # one rule lookup per gemeente
    gevonden = []
    for b in kandidaten:
        if b.gemeente_id not in regels:
            regels[b.gemeente_id] = regel_voor(Regelcode.HERINDICATIE_SIGNAAL, b.gemeente)
        if signaaldag(b, regels[b.gemeente_id]) <= op and lopend_onder(b, b.einddatum).exists():
            gevonden.append(b)
    return gevonden


def _namens(beschikking: Beschikking, consulent):
    """Who the job acts for: the consulent, else a consulent or backoffice of the gemeente."""
    if consulent is not None:
        return consulent
    for rol in (Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE):
        gebruiker = controles.medewerkers(beschikking.gemeente, rol).order_by("pk").first()
        if gebruiker is not None:
            return gebruiker
    return None


@transaction.atomic
def signaleer_herindicatie(beschikking: Beschikking, *, op: date) -> list:
    """The tasks "Herindicatie voorbereiden" for the gemeente (its consulent) and for each
    aanbieder with a running allocation, due on the last werkdag up to the einddatum.
    Once per beschikking; returns the tasks (none when already signalled)."""
    beschikking = (
        Beschikking.objects.select_for_update(of=("self",))
        .select_related("gemeente", "client", "plan__melding__traject", "plan__melding__consulent")
        .get(pk=beschikking.pk)
    )
    if beschikking.herindicatie_gesignaleerd_op or beschikking.vervolgmeldingen.exists():
        return []
    melding = beschikking.plan.melding
    traject = melding.traject
    consulent = _consulent_van(melding, beschikking.gemeente_id)
    namens = _namens(beschikking, consulent)
    if namens is None:
        logger.warning("Herindicatie %s: geen medewerker bij de gemeente.", beschikking.nummer)
        return []
    einde = beschikking.einddatum
    vervaldatum = max(op, kalender.vorige_werkdag(einde, beschikking.gemeente))
    taken = [
        trajecten.maak_taak(
            traject,
            naam=TAAKNAAM_HERINDICATIE,
            soort=TaakSoort.HERINDICATIE,
            toegewezen_aan_organisatie=beschikking.gemeente,
            toegewezen_aan_gebruiker=consulent,
            vervaldatum=vervaldatum,
            acting_user=namens,
            omschrijving=(
                f"Beschikking {beschikking.nummer} eindigt op {einde:%d-%m-%Y}. Bespreek met de "
                "cliënt en de aanbieder of de ondersteuning door moet gaan en start zo nodig de "
                "herindicatie, zodat de nieuwe beschikking aansluit."
            ),
        )
    ]
    aanbieders = {t.aanbieder_id: t.aanbieder for t in lopend_onder(beschikking, einde)}
    for aanbieder in aanbieders.values():
        if not traject.is_deelnemer(aanbieder):
            trajecten.voeg_aanbieder_toe(traject, aanbieder=aanbieder, acting_user=namens)
        taken.append(
            trajecten.maak_taak(
                traject,
                naam=TAAKNAAM_HERINDICATIE,
                soort=TaakSoort.HERINDICATIE,
                toegewezen_aan_organisatie=aanbieder,
                vervaldatum=vervaldatum,
                acting_user=namens,
                omschrijving=(
                    f"De toewijzing eindigt op {einde:%d-%m-%Y}. Evalueer de ondersteuning met "
                    "de cliënt en geef de consulent uw advies over het vervolg."
                ),
            )
        )
    beschikking.herindicatie_gesignaleerd_op = op
    beschikking.save(update_fields=["herindicatie_gesignaleerd_op"])
    audit.log(
        None,
        "beschikking.herindicatie_gesignaleerd",
        beschikking,
        client_id=beschikking.client_id,
        organisatie=beschikking.gemeente,
        omschrijving=f"{len(taken)} taken, einddatum {einde:%d-%m-%Y}",
    )
    return taken


def signaleer_herindicaties(op: date | None = None) -> int:
    """Give the herindicatie signal for every beschikking due on ``op`` (default today).
    Idempotent; one transaction per beschikking, so one failure stops no other.
    Returns the number of beschikkingen signalled."""
    op = op or timezone.localdate()
    aantal = 0
    for beschikking in te_signaleren(op):
        try:
            if signaleer_herindicatie(beschikking, op=op):
                aantal += 1
        except (ValidationError, PermissionDenied):
            logger.exception("Herindicatie van beschikking %s niet gesignaleerd.", beschikking.pk)
    return aantal
