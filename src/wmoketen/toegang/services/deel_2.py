"""Step 6: the aanbieder writes deel 2 of the plan and marks it ready, signed."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_rol
from wmoketen.audit import services as audit
from wmoketen.meldingen.services import meld
from wmoketen.organisaties.models import Aanbieder, Onderaanneming
from wmoketen.trajecten import services as trajecten
from wmoketen.trajecten.constants import TaakStatus

from ..constants import Aard, MeldingStatus, PlanStatus
from ..controles import dag, medewerkers, niet_voor, pagina_url, vergrendel_plan, zet_status
from ..models import Ondersteuningsplan, Resultaatgebied


@dataclass(frozen=True)
class Deel2Invoer:
    """Plan part 2 for one result area (``resultaatgebied``: the object or its pk)."""

    resultaatgebied: "Resultaatgebied | int"
    aard: str
    activiteiten: str
    frequentie: str
    startdatum: date
    onderaannemers: Sequence[Aanbieder] = field(default_factory=tuple)


def _plan_voor_aanbieder(plan: Ondersteuningsplan, acting_user) -> Ondersteuningsplan:
    eis_rol(acting_user, Rol.AANBIEDER)
    plan = vergrendel_plan(plan)
    if (
        plan.aanbieder_id != acting_user.organisatie_id
        or not plan.toestemming_delen
        or plan.status not in (PlanStatus.OPDRACHT_DEEL_2, PlanStatus.TERUGGESTUURD)
    ):
        raise PermissionDenied(
            "Uw organisatie heeft geen openstaande opdracht voor deel 2 van dit plan."
        )
    return plan


@transaction.atomic
def vul_deel_2_in(
    plan: Ondersteuningsplan, *, resultaatgebieden: Iterable[Deel2Invoer], acting_user
) -> Ondersteuningsplan:
    """The aanbieder writes part 2 per result area: aard, activities, frequency, start date,
    onderaannemers (each under one of its contracts)."""
    plan = _plan_voor_aanbieder(plan, acting_user)
    invoer = list(resultaatgebieden)
    eigen = {r.pk: r for r in plan.resultaatgebieden.all()}
    for regel in invoer:
        pk = getattr(regel.resultaatgebied, "pk", regel.resultaatgebied)
        if pk not in eigen:
            raise ValidationError("Dit resultaatgebied hoort niet bij dit plan.")
        naam = eigen[pk].get_domein_display()
        if regel.aard not in Aard.values:
            raise ValidationError(
                f"Kies de aard voor {naam}: ondersteuning, activering of monitoring."
            )
        if not regel.activiteiten.strip() or not regel.frequentie.strip():
            raise ValidationError(f"Beschrijf de activiteiten en de frequentie voor {naam}.")
        if regel.startdatum is None:
            raise ValidationError(f"Vul de startdatum in voor {naam}.")
        niet_voor(
            regel.startdatum, plan.opdracht_op, f"De startdatum voor {naam} ligt vóór de opdracht."
        )
        for onderaannemer in regel.onderaannemers:
            if (
                not Onderaanneming.objects.goedgekeurd()
                .filter(contract__aanbieder_id=plan.aanbieder_id, onderaannemer_id=onderaannemer.pk)
                .exists()
            ):
                raise ValidationError(
                    f"{onderaannemer} is geen onderaannemer onder een contract van uw organisatie."
                )
    for regel in invoer:
        gebied = eigen[getattr(regel.resultaatgebied, "pk", regel.resultaatgebied)]
        gebied.aard = regel.aard
        gebied.activiteiten = regel.activiteiten.strip()
        gebied.frequentie = regel.frequentie.strip()
        gebied.startdatum = regel.startdatum
        gebied.save(update_fields=["aard", "activiteiten", "frequentie", "startdatum"])
        gebied.onderaannemers.set(regel.onderaannemers)
    if plan.taak_id and plan.taak.status == TaakStatus.OPEN:
        trajecten.wijzig_taakstatus(
            plan.taak, status=TaakStatus.IN_BEHANDELING, acting_user=acting_user
        )
    audit.log(
        acting_user,
        "plan.deel_2_ingevuld",
        plan,
        client_id=plan.melding.client_id,
        organisatie=acting_user.organisatie,
        omschrijving=f"{len(invoer)} resultaatgebieden",
    )
    return plan


@transaction.atomic
def deel_2_gereed(
    plan: Ondersteuningsplan,
    *,
    client_ondertekend_op: date,
    aanbieder_ondertekend_op: date,
    acting_user,
    op: date | None = None,
) -> Ondersteuningsplan:
    """The aanbieder marks part 2 ready, signed by client and aanbieder: completes the task
    (closing its deadline on ``op``) and notifies the consulent."""
    plan = _plan_voor_aanbieder(plan, acting_user)
    op = dag(op)
    onvolledig = [
        r.get_domein_display()
        for r in plan.resultaatgebieden.all()
        if not (r.aard and r.activiteiten and r.startdatum)
    ]
    if onvolledig:
        raise ValidationError(f"Vul deel 2 in voor: {', '.join(onvolledig)}.")
    for datum, wie in ((client_ondertekend_op, "cliënt"), (aanbieder_ondertekend_op, "aanbieder")):
        if datum is None:
            raise ValidationError(f"Deel 2 moet ondertekend zijn door de {wie}: vul de datum in.")
        dag(datum, f"De ondertekening door de {wie}")
        niet_voor(datum, plan.opdracht_op, f"De ondertekening door de {wie} ligt vóór de opdracht.")
    niet_voor(op, plan.opdracht_op, "De datum ligt vóór de opdracht.")
    plan.client_ondertekend_op = client_ondertekend_op
    plan.aanbieder_ondertekend_op = aanbieder_ondertekend_op
    plan.deel_2_gereed_op = op
    plan.status = PlanStatus.DEEL_2_GEREED
    plan.save(
        update_fields=[
            "client_ondertekend_op",
            "aanbieder_ondertekend_op",
            "deel_2_gereed_op",
            "status",
        ]
    )
    if plan.taak_id and not plan.taak.is_afgesloten:
        trajecten.wijzig_taakstatus(
            plan.taak, status=TaakStatus.AFGEROND, acting_user=acting_user, op=op
        )
    melding = plan.melding
    zet_status(melding, MeldingStatus.DEEL_2_GEREED)
    audit.log(
        acting_user,
        "plan.deel_2_gereed",
        plan,
        client_id=melding.client_id,
        organisatie=acting_user.organisatie,
    )
    ontvangers = (
        [melding.consulent]
        if melding.consulent_id
        else medewerkers(melding.gemeente, Rol.TOEGANGSMEDEWERKER)
    )
    meld(
        ontvangers,
        titel=f"Ondersteuningsplan deel 2 gereed (traject {melding.traject.nummer})",
        url=pagina_url("toegang:plan", plan.pk),
    )
    return plan
