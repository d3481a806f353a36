"""Steps 7–8: the consulent's akkoord (the signed plan is the aanvraag, 8) or deel 2 back to
the aanbieder."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from wmoketen.accounts.constants import Rol
from wmoketen.audit import services as audit
from wmoketen.meldingen.services import meld
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import Regelcode
from wmoketen.trajecten import services as trajecten
from wmoketen.trajecten.constants import TaakSoort

from ..constants import TAAKNAAM_DEEL_2_AANPASSEN, MeldingStatus, PlanStatus
from ..controles import (
    dag,
    eis_consulent,
    medewerkers,
    niet_voor,
    pagina_url,
    vergrendel_plan,
    zet_status,
)
from ..models import Ondersteuningsplan


def _plan_gereed(plan: Ondersteuningsplan, acting_user) -> Ondersteuningsplan:
    plan = vergrendel_plan(plan)
    eis_consulent(plan.melding, acting_user)
    if plan.status != PlanStatus.DEEL_2_GEREED:
        raise ValidationError("Alleen een plan waarvan de aanbieder deel 2 gereed meldde kan dat.")
    return plan


@transaction.atomic
def keur_goed(
    plan: Ondersteuningsplan, *, acting_user, op: date | None = None
) -> Ondersteuningsplan:
    """Akkoord by the consulent. The signed plan counts as the aanvraag (004), stamped ``op``:
    the beschikking deadline starts and the backoffice is notified."""
    plan = _plan_gereed(plan, acting_user)
    op = dag(op)
    niet_voor(op, plan.deel_2_gereed_op, "Het akkoord ligt vóór de datum waarop deel 2 gereed was.")
    plan.akkoord_op = op
    plan.akkoord_door = acting_user
    plan.aanvraag_op = op
    plan.teruggestuurd_reden = ""
    plan.aanvraag_terug_reden = ""
    plan.status = PlanStatus.AKKOORD
    plan.save(
        update_fields=[
            "akkoord_op",
            "akkoord_door",
            "aanvraag_op",
            "teruggestuurd_reden",
            "aanvraag_terug_reden",
            "status",
        ]
    )
    melding = plan.melding
    zet_status(melding, MeldingStatus.AANGEVRAAGD)
    termijnen.open_termijn(
        Regelcode.BESCHIKKING,
        onderwerp=plan,
        gemeente=melding.gemeente,
        startdatum=op,
        acting_user=acting_user,
        omschrijving=Regelcode.BESCHIKKING.label,
    )
    audit.log(
        acting_user, "plan.akkoord", plan, client_id=melding.client_id, omschrijving="aanvraag"
    )
    meld(
        medewerkers(melding.gemeente, Rol.BACKOFFICE),
        titel="Nieuwe aanvraag: beschikking nemen",
        url=pagina_url("toegang:aanvraag", plan.pk),
    )
    return plan


@transaction.atomic
def stuur_terug(plan: Ondersteuningsplan, *, reden: str, acting_user, op: date | None = None):
    """No akkoord: part 2 goes back to the aanbieder with a reason (a dialogue about results,
    not tariff); a new task with the term ``plan_deel_2``. Returns the task."""
    plan = _plan_gereed(plan, acting_user)
    op = dag(op)
    if not (reden or "").strip():
        raise ValidationError("Geef de reden waarom het plan teruggaat naar de aanbieder.")
    melding = plan.melding
    taak = trajecten.maak_taak(
        melding.traject,
        naam=TAAKNAAM_DEEL_2_AANPASSEN,
        soort=TaakSoort.PLAN_DEEL_2,
        toegewezen_aan_organisatie=plan.aanbieder,
        vervaldatum=None,
        regelcode=Regelcode.PLAN_DEEL_2,
        startdatum=op,
        acting_user=acting_user,
        omschrijving=reden.strip(),
    )
    plan.teruggestuurd_reden = reden.strip()
    plan.deel_2_gereed_op = None
    plan.taak = taak
    plan.status = PlanStatus.TERUGGESTUURD
    plan.save(update_fields=["teruggestuurd_reden", "deel_2_gereed_op", "taak", "status"])
    zet_status(melding, MeldingStatus.OPDRACHT_DEEL_2)
    audit.log(
        acting_user,
        "plan.teruggestuurd",
        plan,
        client_id=melding.client_id,
        wijzigingen={"teruggestuurd_reden": ["", audit.VERBORGEN]},
    )
    return taak
