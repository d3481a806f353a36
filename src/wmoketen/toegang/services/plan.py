"""Steps 4–5: ondersteuningsplan deel 1 (result areas, profile, consent) and the order for
deel 2 to the chosen aanbieder."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from wmoketen.audit import services as audit
from wmoketen.clienten import services as clienten
from wmoketen.organisaties.models import Aanbieder
from wmoketen.organisaties.queries import contractregels
from wmoketen.producten.constants import Wet
from wmoketen.termijnen.constants import Regelcode
from wmoketen.trajecten import services as trajecten
from wmoketen.trajecten.constants import TaakSoort

from ..constants import (
    TAAKNAAM_DEEL_2,
    Categorie,
    Criterium,
    Intensiteit,
    Levensdomein,
    MeldingStatus,
    PlanStatus,
    Vervoer,
)
from ..controles import (
    dag,
    eis_consulent,
    niet_voor,
    vergrendel_melding,
    vergrendel_plan,
    zet_status,
)
from ..models import Melding, Ondersteuningsplan, Resultaatgebied
from ..profiel import bepaal_profiel


@dataclass(frozen=True)
class ResultaatgebiedInvoer:
    """One result area of plan part 1: the domain and the intended result."""

    domein: str
    beoogd_resultaat: str


def _plan_deel_1(plan: Ondersteuningsplan, acting_user) -> Ondersteuningsplan:
    plan = vergrendel_plan(plan)
    eis_consulent(plan.melding, acting_user)
    if plan.status != PlanStatus.DEEL_1:
        raise ValidationError(
            "De opdracht voor deel 2 is al gegeven; deel 1 verandert niet meer. "
            "Een ander profiel vraagt een nieuw plan."
        )
    return plan


@transaction.atomic
def stel_plan_deel_1_op(
    melding: Melding, *, resultaatgebieden: Iterable[ResultaatgebiedInvoer], acting_user
) -> Ondersteuningsplan:
    """Plan part 1: the result areas with their intended results (replaces earlier ones)."""
    melding = vergrendel_melding(melding)
    eis_consulent(melding, acting_user)
    resultaatgebieden = list(resultaatgebieden)
    if melding.status not in (MeldingStatus.ONDERZOEK_AFGEROND, MeldingStatus.PLAN_DEEL_1):
        if melding.status in (MeldingStatus.ONTVANGEN, MeldingStatus.HUISBEZOEK_GEPLAND):
            raise ValidationError("Rond eerst het onderzoek af; daarna volgt het plan.")
        raise ValidationError("De opdracht voor deel 2 is al gegeven; deel 1 verandert niet meer.")
    if not resultaatgebieden:
        raise ValidationError("Geef ten minste één resultaatgebied met het beoogde resultaat.")
    for invoer in resultaatgebieden:
        if invoer.domein not in Levensdomein.values:
            raise ValidationError(f"Onbekend levensdomein: {invoer.domein}.")
        if not invoer.beoogd_resultaat.strip():
            raise ValidationError(
                f"Beschrijf het beoogde resultaat voor {Levensdomein(invoer.domein).label}."
            )
    plan, nieuw = Ondersteuningsplan.objects.get_or_create(melding=melding)
    plan.resultaatgebieden.all().delete()
    Resultaatgebied.objects.bulk_create(
        Resultaatgebied(plan=plan, domein=i.domein, beoogd_resultaat=i.beoogd_resultaat.strip())
        for i in resultaatgebieden
    )
    zet_status(melding, MeldingStatus.PLAN_DEEL_1)
    audit.log(
        acting_user,
        "plan.deel_1_opgesteld" if nieuw else "plan.deel_1_gewijzigd",
        plan,
        client_id=melding.client_id,
        omschrijving=f"{len(resultaatgebieden)} resultaatgebieden",
    )
    return plan


@transaction.atomic
def beoordeel_profiel(
    plan: Ondersteuningsplan,
    *,
    scores: dict[str, str],
    acting_user,
    categorie: int | None = None,
    intensiteit: str = "",
    motivering: str = "",
    vervoer: str = Vervoer.GEEN,
    kortdurend_verblijf_etmalen: int = 0,
) -> Ondersteuningsplan:
    """The profile assessment: five criteria A–E → categorie and intensiteit by the table
    (``profiel.bepaal_profiel``). The consulent may choose another outcome only with a written
    motivation. Extras: vervoer and kortdurend verblijf (etmalen per 4 weken)."""
    plan = _plan_deel_1(plan, acting_user)
    berekend = bepaal_profiel(scores)
    categorie = int(categorie) if categorie else berekend.categorie
    intensiteit = intensiteit or berekend.intensiteit
    if categorie not in Categorie.values:
        raise ValidationError("Kies categorie 1, 2 of 3.")
    if intensiteit not in Intensiteit.values:
        raise ValidationError("Kies de intensiteit basis, aanvullend of intensief.")
    afwijking = (categorie, intensiteit) != (berekend.categorie, berekend.intensiteit)
    if afwijking and not motivering.strip():
        raise ValidationError(
            f"U wijkt af van het berekende profiel ({berekend.omschrijving}); "
            "schrijf een motivering voor de afwijking."
        )
    if motivering.strip() and not afwijking:
        raise ValidationError(
            "Een motivering hoort bij een afwijking: kies de andere categorie of intensiteit, "
            "of maak de motivering leeg."
        )
    if vervoer not in Vervoer.values:
        raise ValidationError("Kies geen vervoer, zittend vervoer of rolstoelvervoer.")
    if (
        not isinstance(kortdurend_verblijf_etmalen, int)
        or not 0 <= kortdurend_verblijf_etmalen <= 28
    ):
        raise ValidationError("Kortdurend verblijf is 0 tot en met 28 etmalen per 4 weken.")
    oud = {"categorie": plan.categorie, "intensiteit": plan.intensiteit}
    for criterium in Criterium.values:
        setattr(plan, f"score_{criterium}", scores[criterium])
    plan.berekende_categorie = berekend.categorie
    plan.berekende_intensiteit = berekend.intensiteit
    plan.categorie = categorie
    plan.intensiteit = intensiteit
    plan.afwijking_motivering = motivering.strip() if afwijking else ""
    plan.vervoer = vervoer
    plan.kortdurend_verblijf_etmalen = kortdurend_verblijf_etmalen
    plan.full_clean()
    plan.save()
    audit.log(
        acting_user,
        "plan.profiel_bepaald",
        plan,
        client_id=plan.melding.client_id,
        omschrijving=(
            f"berekend {berekend.omschrijving}"
            + (f"; gekozen categorie {categorie}, {intensiteit} (afwijking)" if afwijking else "")
        ),
        wijzigingen=audit.wijzigingen(oud, {"categorie": categorie, "intensiteit": intensiteit}),
    )
    return plan


@transaction.atomic
def leg_toestemming_vast(
    plan: Ondersteuningsplan, *, toestemming: bool, ondertekend_op: date, acting_user
) -> Ondersteuningsplan:
    """The client signs part 1 and says whether it may be shared with the aanbieder.

    Without consent nothing is shared: the order for part 2 is refused."""
    plan = _plan_deel_1(plan, acting_user)
    if ondertekend_op is None:
        raise ValidationError("Vul de datum in waarop de cliënt deel 1 ondertekende.")
    dag(ondertekend_op, "De datum van ondertekening")
    niet_voor(
        ondertekend_op,
        plan.melding.ontvangen_op,
        "De ondertekening ligt vóór de datum van de melding.",
    )
    oud = {"toestemming_delen": plan.toestemming_delen}
    plan.toestemming_delen = bool(toestemming)
    plan.deel_1_ondertekend_op = ondertekend_op
    plan.save(update_fields=["toestemming_delen", "deel_1_ondertekend_op"])
    audit.log(
        acting_user,
        "plan.toestemming_vastgelegd",
        plan,
        client_id=plan.melding.client_id,
        wijzigingen=audit.wijzigingen(oud, {"toestemming_delen": plan.toestemming_delen}),
    )
    return plan


# Step 4: provider choice and the order for part 2 --------------------------------------------


GEEN_TOESTEMMING = (
    "De cliënt heeft geen toestemming gegeven om het plan met een aanbieder te delen; "
    "zonder toestemming wordt niets gedeeld en kan de opdracht niet worden gegeven."
)


@transaction.atomic
def geef_opdracht_deel_2(
    plan: Ondersteuningsplan,
    *,
    aanbieder: Aanbieder,
    producten: Iterable,
    acting_user,
    op: date | None = None,
):
    """Order the chosen aanbieder to write part 2 (returns the ``Taak``).

    Refused without the client's consent, without a profile, or when the aanbieder holds no
    contract (for the gemeente or its regio, valid on ``op``) with a line for every product.
    The aanbieder joins the traject, gets the task with the regional term ``plan_deel_2``, and
    gets its own client record with what the plan shares (name, birth date, BSN, address)."""
    plan = _plan_deel_1(plan, acting_user)
    melding = plan.melding
    op = dag(op)
    producten = list(producten)
    if not plan.toestemming_delen:
        raise ValidationError(GEEN_TOESTEMMING)
    if not plan.categorie:
        raise ValidationError("Bepaal eerst het profiel; daarna kiest u de aanbieder.")
    if not plan.resultaatgebieden.exists():
        raise ValidationError("Geef eerst de resultaatgebieden van deel 1.")
    if not producten:
        raise ValidationError("Kies ten minste één product voor de aanbieder.")
    verkeerde_wet = [str(p) for p in producten if p.wet != melding.wet]
    if verkeerde_wet:
        raise ValidationError(
            f"Deze producten horen niet bij de {Wet(melding.wet).label}: "
            f"{', '.join(verkeerde_wet)}."
        )
    aanbieder = aanbieder.specifiek if not isinstance(aanbieder, Aanbieder) else aanbieder
    if not isinstance(aanbieder, Aanbieder):
        raise ValidationError("Kies een aanbieder.")
    regels = contractregels(melding.gemeente, aanbieder, producten, op=op)
    zonder = [str(p) for p in producten if p.pk not in regels]
    if zonder:
        raise ValidationError(
            f"{aanbieder} heeft geen geldig contract met {melding.gemeente} (of de regio) "
            f"voor: {', '.join(zonder)}. Kies een gecontracteerde aanbieder."
        )
    traject = melding.traject
    if not traject.is_deelnemer(aanbieder):
        trajecten.voeg_aanbieder_toe(traject, aanbieder=aanbieder, acting_user=acting_user)
    clienten.deel_met(melding.client, organisatie=aanbieder, acting_user=acting_user)
    taak = trajecten.maak_taak(
        traject,
        naam=TAAKNAAM_DEEL_2,
        soort=TaakSoort.PLAN_DEEL_2,
        toegewezen_aan_organisatie=aanbieder,
        vervaldatum=None,
        regelcode=Regelcode.PLAN_DEEL_2,
        startdatum=op,
        acting_user=acting_user,
        omschrijving="Vul per resultaatgebied deel 2 van het ondersteuningsplan in, laat het "
        "ondertekenen door de cliënt en meld het gereed.",
    )
    plan.aanbieder = aanbieder
    plan.opdracht_op = op
    plan.taak = taak
    plan.status = PlanStatus.OPDRACHT_DEEL_2
    plan.save(update_fields=["aanbieder", "opdracht_op", "taak", "status"])
    plan.producten.set(producten)
    zet_status(melding, MeldingStatus.OPDRACHT_DEEL_2)
    audit.log(
        acting_user,
        "plan.opdracht_deel_2",
        plan,
        client_id=melding.client_id,
        omschrijving=f"{aanbieder}: {', '.join(str(p) for p in producten)}",
    )
    return taak
