"""The negative and administrative outcomes of a melding: the aanvraag refused (a beschikking
of afwijzing, no 301), the aanvraag sent back to the consulent, the melding withdrawn by the
resident (intrekking) or set aside by the gemeente (buiten behandeling).

Each is one transaction with an audit row. Open deadlines and tasks do not hang: a decision
closes the beschikking deadlines as met; an intrekking or buiten behandeling withdraws them
with the reason, cancels the open tasks, ends the aanbieder's order for plan part 2 and closes
the traject when nothing else runs on it.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_rol
from wmoketen.audit import services as audit
from wmoketen.meldingen.services import meld
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import Regelcode
from wmoketen.trajecten import services as trajecten
from wmoketen.trajecten.constants import AFGESLOTEN_TAAKSTATUSSEN, TaakStatus

from . import controles, services
from .constants import (
    AFGEHANDELD,
    BEZWAARCLAUSULE,
    GEMEENTE_ROLLEN,
    BeschikkingSoort,
    MeldingStatus,
    PlanStatus,
)
from .models import Beschikking, Melding, Ondersteuningsplan


def _reden(reden: str, tekst: str) -> str:
    if not (reden or "").strip():
        raise ValidationError(tekst)
    return reden.strip()


def _aanvraag(plan: Ondersteuningsplan, acting_user) -> Ondersteuningsplan:
    """The plan locked, for the backoffice of its gemeente, while it is an open aanvraag."""
    eis_rol(acting_user, Rol.BACKOFFICE)
    plan = controles.vergrendel_plan(plan)
    controles.eis_gemeente(acting_user, plan.melding.gemeente_id)
    if plan.status != PlanStatus.AKKOORD:
        raise ValidationError(
            "Dit plan is geen openstaande aanvraag (meer): er is al beslist, of er is nog geen "
            "akkoord van de consulent."
        )
    return plan


def _traject_loopt_door(melding: Melding, op: date) -> bool:
    """Whether the traject has more than this melding: another open melding, or granted
    support that still runs (a follow-up's traject goes on with the previous beschikking)."""
    traject = melding.traject
    if traject is None:
        return True
    ander_open = traject.meldingen.exclude(pk=melding.pk).exclude(status__in=AFGEHANDELD)
    lopend = Beschikking.objects.toekenningen().filter(
        plan__melding__traject=traject, einddatum__gte=op
    )
    return ander_open.exists() or lopend.exists()


def _beeindig_opdracht(plan: Ondersteuningsplan, reden: str, acting_user) -> None:
    """The aanbieder's order for part 2 ends: its task is cancelled, the aanbieder told
    (that no allocation follows; never why: the decision stays with the gemeente, 002)."""
    plan.status = PlanStatus.VERVALLEN
    plan.save(update_fields=["status"])
    if plan.taak_id and plan.taak.status not in AFGESLOTEN_TAAKSTATUSSEN:
        trajecten.wijzig_taakstatus(
            plan.taak, status=TaakStatus.GEANNULEERD, acting_user=acting_user, toelichting=reden
        )
    if plan.aanbieder_id and plan.opdracht_op:
        meld(
            controles.medewerkers(plan.aanbieder, Rol.AANBIEDER),
            titel="Opdracht deel 2 vervallen: er volgt geen toewijzing",
            url=controles.pagina_url("toegang:plan", plan.pk),
        )


def _sluit_traject_zo_nodig(melding: Melding, op: date, reden: str, acting_user) -> None:
    if not _traject_loopt_door(melding, op):
        trajecten.sluit_traject(melding.traject, op=op, reden=reden, acting_user=acting_user)


# The backoffice on an aanvraag ---------------------------------------------------------------


@transaction.atomic
def wijs_af(
    plan: Ondersteuningsplan,
    *,
    motivering: str,
    acting_user,
    dagtekening: date | None = None,
    bezwaarclausule: str = BEZWAARCLAUSULE,
) -> Beschikking:
    """The backoffice refuses the aanvraag: a beschikking of afwijzing with its motivering
    and bezwaarclausule, a PDF letter, and no products, period or 301. The deadlines
    beschikking and melding_beschikking are met on the dagtekening; the aanbieder's order
    lapses; the traject closes unless earlier support still runs on it."""
    plan = _aanvraag(plan, acting_user)
    melding = plan.melding
    dagtekening = controles.dag(dagtekening, "De dagtekening")
    controles.niet_voor(dagtekening, plan.aanvraag_op, "De dagtekening ligt vóór de aanvraag.")
    motivering = _reden(motivering, "Motiveer de afwijzing: de cliënt moet weten waarom.")
    bezwaarclausule = _reden(bezwaarclausule, "De beschikking heeft een bezwaarclausule.")
    beschikking = services.maak_beschikking(
        plan,
        acting_user=acting_user,
        soort=BeschikkingSoort.AFWIJZING,
        dagtekening=dagtekening,
        motivering=motivering,
        bezwaarclausule=bezwaarclausule,
    )
    services.bewaar_brief(beschikking)
    _beeindig_opdracht(plan, "Aanvraag afgewezen", acting_user)
    controles.zet_status(melding, MeldingStatus.AFGEWEZEN)
    termijnen.sluit_termijnen_voor(
        plan, regelcode=Regelcode.BESCHIKKING, op=dagtekening, acting_user=acting_user
    )
    termijnen.sluit_termijnen_voor(
        melding, regelcode=Regelcode.MELDING_BESCHIKKING, op=dagtekening, acting_user=acting_user
    )
    termijnen.trek_termijnen_in_voor(melding, reden="Aanvraag afgewezen", acting_user=acting_user)
    _sluit_traject_zo_nodig(melding, dagtekening, "Aanvraag afgewezen", acting_user)
    audit.log(
        acting_user,
        "beschikking.afgewezen",
        beschikking,
        client_id=melding.client_id,
        omschrijving=f"{beschikking.nummer}: aanvraag afgewezen",
    )
    return beschikking


@transaction.atomic
def stuur_aanvraag_terug(
    plan: Ondersteuningsplan, *, reden: str, acting_user, op: date | None = None
) -> Ondersteuningsplan:
    """The backoffice cannot decide yet and sends the aanvraag back to the consulent with a
    reason: the akkoord is undone (the plan waits for the consulent's judgement again), the
    beschikking deadline is withdrawn, the consulent is notified. The melding's 8-week
    deadline keeps running."""
    plan = _aanvraag(plan, acting_user)
    melding = plan.melding
    op = controles.dag(op)
    reden = _reden(reden, "Geef de reden waarom de aanvraag teruggaat naar de consulent.")
    termijnen.trek_termijnen_in_voor(
        plan, reden="Aanvraag teruggestuurd naar de consulent", acting_user=acting_user
    )
    plan.status = PlanStatus.DEEL_2_GEREED
    plan.aanvraag_terug_reden = reden
    plan.akkoord_op = plan.akkoord_door = plan.aanvraag_op = None
    plan.save(
        update_fields=[
            "status",
            "aanvraag_terug_reden",
            "akkoord_op",
            "akkoord_door",
            "aanvraag_op",
        ]
    )
    controles.zet_status(melding, MeldingStatus.DEEL_2_GEREED)
    audit.log(
        acting_user,
        "plan.aanvraag_teruggestuurd",
        plan,
        client_id=melding.client_id,
        wijzigingen={"aanvraag_terug_reden": ["", audit.VERBORGEN]},
    )
    ontvangers = [melding.consulent] if melding.consulent_id else []
    meld(
        ontvangers or controles.medewerkers(melding.gemeente, Rol.TOEGANGSMEDEWERKER),
        titel="Aanvraag teruggestuurd door de backoffice",
        url=controles.pagina_url("toegang:melding", melding.pk),
    )
    return plan


# Ending a melding without a decision ---------------------------------------------------------


def _stop(melding: Melding, status: str, reden: str, op: date | None, acting_user) -> Melding:
    eis_rol(acting_user, *GEMEENTE_ROLLEN)
    melding = controles.vergrendel_melding(melding)
    controles.eis_gemeente(acting_user, melding.gemeente_id)
    if not melding.is_open:
        raise ValidationError(
            f"Deze melding is al afgehandeld ({melding.get_status_display().lower()})."
        )
    op = controles.dag(op)
    controles.niet_voor(op, melding.ontvangen_op, "De datum ligt vóór de datum van de melding.")
    label = MeldingStatus(status).label
    plan = Ondersteuningsplan.objects.filter(melding=melding).first()
    if plan is not None:
        plan = controles.vergrendel_plan(plan)
        _beeindig_opdracht(plan, label, acting_user)
        termijnen.trek_termijnen_in_voor(plan, reden=label, acting_user=acting_user)
    termijnen.trek_termijnen_in_voor(melding, reden=label, acting_user=acting_user)
    oud = melding.get_status_display()
    melding.status = status
    melding.afgesloten_op = op
    melding.afsluitreden = reden
    melding.save(update_fields=["status", "afgesloten_op", "afsluitreden"])
    _sluit_traject_zo_nodig(melding, op, label, acting_user)
    audit.log(
        acting_user,
        f"melding.{status}",
        melding,
        client_id=melding.client_id,
        omschrijving=label,
        wijzigingen={"status": [oud, label], "afsluitreden": ["", audit.VERBORGEN]},
    )
    return melding


@transaction.atomic
def registreer_intrekking(
    melding: Melding, *, reden: str, acting_user, op: date | None = None
) -> Melding:
    """The resident withdraws the melding (or the aanvraag) on ``op``: it ends without a
    decision; the deadlines are withdrawn and the order for part 2 lapses."""
    reden = _reden(reden, "Noteer hoe en waarom de cliënt de melding introk.")
    return _stop(melding, MeldingStatus.INGETROKKEN, reden, op, acting_user)


@transaction.atomic
def stel_buiten_behandeling(
    melding: Melding, *, reden: str, acting_user, op: date | None = None
) -> Melding:
    """The gemeente sets the melding aside (e.g. no contact, no cooperation or missing
    information after a reminder, Awb 4:5): it ends without a decision, as an intrekking."""
    reden = _reden(reden, "Geef de reden waarom de melding buiten behandeling gaat.")
    return _stop(melding, MeldingStatus.BUITEN_BEHANDELING, reden, op, acting_user)
