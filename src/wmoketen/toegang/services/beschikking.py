"""Step 9: the backoffice's beschikking on the aanvraag, with its letter; then the
allocation (step 10, ``toewijzing``) unless it is an open beschikking."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_rol
from wmoketen.audit import services as audit
from wmoketen.organisaties.queries import contractregels
from wmoketen.producten.constants import Wet
from wmoketen.producten.plausibiliteit import volumefout
from wmoketen.termijnen import kalender
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import Regelcode

from ..constants import (
    BEZWAARCLAUSULE,
    DUUR_MAANDEN,
    MAXIMALE_DUUR_MAANDEN,
    Aanleiding,
    Duur,
    MeldingStatus,
    PlanStatus,
)
from ..controles import dag, eis_gemeente, niet_voor, vergrendel_plan, zet_status
from ..models import Beschikking, BeschiktProduct, Melding, Ondersteuningsplan
from .brief import bewaar_brief
from .toewijzing import wijs_beschikking_toe
from .vervolg import GEEN_OPEN_VERVOLG, ingangsdatum_vervolg, wijs_toe_na_profielwijziging

MAXIMAAL_BESCHIKKINGNUMMER = 999_999_999  # iWmo BeschikkingNummer: LDT_Nummer, 9 digits


@dataclass(frozen=True)
class BeschiktProductInvoer:
    """One product in the beschikking; unit and frequency default to the contract line."""

    product: object
    volume: int
    eenheid: str = ""
    frequentie: str = ""


def beschikkingnummer(dagtekening: date, pk: int) -> str:
    """Nine digits, year (yy) and sequence (7): a WMO315 cites it as an integer (LDT_Nummer)."""
    if pk > 9_999_999:
        raise ValidationError("Het beschikkingnummer past niet in negen cijfers (iWmo).")
    return f"{dagtekening.year % 100:02d}{pk:07d}"


def bereken_einddatum(ingangsdatum: date, duur: str, einddatum: date | None = None) -> date:
    """The einddatum (inclusive) for an indication duration, or the chosen date (``anders``).

    Refused: before the ingangsdatum, or more than 5 years."""
    if ingangsdatum is None:
        raise ValidationError("Vul de ingangsdatum in.")
    if duur not in Duur.values:
        raise ValidationError("Kies de duur: 6 maanden, 1, 1½, 2, 3, 4 of 5 jaar, of een datum.")
    if duur == Duur.ANDERS:
        if einddatum is None:
            raise ValidationError("Vul de einddatum in.")
    else:
        einddatum = kalender.plus_maanden(ingangsdatum, DUUR_MAANDEN[duur]) - timedelta(days=1)
    if einddatum < ingangsdatum:
        raise ValidationError("De einddatum ligt vóór de ingangsdatum.")
    if einddatum > kalender.plus_maanden(ingangsdatum, MAXIMALE_DUUR_MAANDEN) - timedelta(days=1):
        raise ValidationError("Een indicatie duurt nooit langer dan 5 jaar.")
    return einddatum


@transaction.atomic
def neem_beschikking(
    plan: Ondersteuningsplan,
    *,
    producten: Iterable[BeschiktProductInvoer],
    ingangsdatum: date | None,
    duur: str,
    motivering: str,
    acting_user,
    einddatum: date | None = None,
    dagtekening: date | None = None,
    bezwaarclausule: str = BEZWAARCLAUSULE,
    open_beschikking: bool = False,
) -> Beschikking:
    """The backoffice decides on the aanvraag (refused without akkoord).

    Products come from the aanbieder's contract (unit and frequency default to the contract
    line); the einddatum follows from ``duur`` (``bereken_einddatum``). The PDF letter is
    stored on the beschikking (gemeente only); then ``toewijzingen.services.wijs_toe`` creates
    the allocations and sends the WMO301/JW301, which opens start_ondersteuning on the
    beschikking (``toewijzing.startnorm``). Closes the deadlines beschikking and
    melding_beschikking on the dagtekening.

    Callers take a beschikking through ``stromen.beschikking.neem_beschikking``, which also
    runs what follows it (the profile mutation, the evaluations).

    ``open_beschikking`` (Wmo, gemeente with ``open_beschikkingen`` only): the right to
    support is decided but nothing is allocated (no 301, no start_ondersteuning): the
    gecontracteerde aanbieder the client chooses sends a WMO315 citing the nummer.

    A follow-up (``melding.vorige_beschikking``, see ``vervolg``): a herindicatie starts the
    day after the previous einddatum (the default for ``ingangsdatum``), so the care goes on
    without a gap; a profielwijziging starts on the chosen date and ends the previous
    allocations the day before, in the same 301."""
    plan = _aanvraag(plan, acting_user)
    ingangsdatum = _ingangsdatum(plan.melding, ingangsdatum, open_beschikking)
    dagtekening = dag(dagtekening, "De dagtekening")
    niet_voor(dagtekening, plan.aanvraag_op, "De dagtekening ligt vóór de aanvraag.")
    _eis_teksten(motivering, bezwaarclausule)
    einddatum = bereken_einddatum(ingangsdatum, duur, einddatum)
    producten = _contractproducten(plan, producten, ingangsdatum, einddatum)
    beschikking = maak_beschikking(
        plan,
        acting_user=acting_user,
        aanbieder_id=plan.aanbieder_id,
        dagtekening=dagtekening,
        ingangsdatum=ingangsdatum,
        duur=duur,
        einddatum=einddatum,
        motivering=motivering.strip(),
        bezwaarclausule=bezwaarclausule.strip(),
        open=open_beschikking,
    )
    _voeg_producten_toe(beschikking, producten)
    bewaar_brief(beschikking)
    if not open_beschikking:
        _wijs_toe(beschikking, acting_user)
    _sluit_aanvraag(plan, beschikking, acting_user)
    _log_genomen(beschikking, len(producten), acting_user)
    return beschikking


def maak_beschikking(plan: Ondersteuningsplan, *, acting_user, **velden) -> Beschikking:
    """A checked, numbered beschikking on ``plan`` of any ``soort``; the caller adds the
    products, then the letter (``bewaar_brief``)."""
    melding = plan.melding
    beschikking = Beschikking(
        plan=plan,
        gemeente_id=melding.gemeente_id,
        client_id=melding.client_id,
        wet=melding.wet,
        nummer=f"tijdelijk-{plan.pk}",
        genomen_door=acting_user,
        **velden,
    )
    beschikking.full_clean(exclude=["pdf"])
    beschikking.save()
    beschikking.nummer = beschikkingnummer(beschikking.dagtekening, beschikking.pk)
    beschikking.save(update_fields=["nummer"])
    return beschikking


# The checks, in the order a refusal is reported --------------------------------------------


def _aanvraag(plan: Ondersteuningsplan, acting_user) -> Ondersteuningsplan:
    """The plan locked, for the backoffice of its gemeente, once it has the akkoord."""
    eis_rol(acting_user, Rol.BACKOFFICE)
    plan = vergrendel_plan(plan)
    eis_gemeente(acting_user, plan.melding.gemeente_id)
    if plan.status != PlanStatus.AKKOORD:
        raise ValidationError(
            "Er is geen akkoord op het ondersteuningsplan: zonder akkoord (aanvraag) neemt u "
            "geen beschikking."
        )
    return plan


def _ingangsdatum(melding: Melding, ingangsdatum: date | None, open_beschikking: bool):
    """The ingangsdatum as entered, or a follow-up's (``vervolg``); an open beschikking only
    where it exists."""
    if melding.vorige_beschikking is not None:
        if open_beschikking:
            raise ValidationError(GEEN_OPEN_VERVOLG)
        ingangsdatum = ingangsdatum_vervolg(melding, ingangsdatum)
    if open_beschikking:
        _eis_open_beschikkingen(melding)
    return ingangsdatum


def _eis_open_beschikkingen(melding: Melding) -> None:
    if melding.wet != Wet.WMO:
        raise ValidationError(
            "Een open beschikking bestaat alleen in de Wmo; in de Jeugdwet wijst de gemeente "
            "zelf toe of vraagt de aanbieder de toewijzing aan na een verwijzing."
        )
    if not melding.gemeente.open_beschikkingen:
        raise ValidationError(
            f"Gemeente {melding.gemeente} werkt niet met open beschikkingen: kies de aanbieder "
            "en wijs toe."
        )


def _eis_teksten(motivering: str, bezwaarclausule: str) -> None:
    if not (motivering or "").strip():
        raise ValidationError("Motiveer de beschikking.")
    if not (bezwaarclausule or "").strip():
        raise ValidationError("De beschikking heeft een bezwaarclausule.")


def _contractproducten(
    plan: Ondersteuningsplan,
    producten: Iterable[BeschiktProductInvoer],
    ingangsdatum: date,
    einddatum: date,
) -> list[BeschiktProductInvoer]:
    """The products checked against the aanbieder's contract on the ingangsdatum, the wet
    and the plausible volume; eenheid and frequentie filled in from the contract line."""
    melding = plan.melding
    producten = list(producten)
    if not producten:
        raise ValidationError("Kies ten minste één product.")
    regels = contractregels(
        melding.gemeente, plan.aanbieder, [p.product for p in producten], op=ingangsdatum
    )
    gecontroleerd = []
    for invoer in producten:
        if invoer.product.pk not in regels:
            raise ValidationError(
                f"{plan.aanbieder} heeft op {ingangsdatum:%d-%m-%Y} geen contract voor "
                f"{invoer.product}."
            )
        if invoer.product.wet != melding.wet:
            raise ValidationError(f"{invoer.product} hoort niet bij de {Wet(melding.wet).label}.")
        if not isinstance(invoer.volume, int) or invoer.volume < 1:
            raise ValidationError(f"Het volume voor {invoer.product} is een geheel getal vanaf 1.")
        eenheid, frequentie = _eenheid_frequentie(invoer, regels[invoer.product.pk])
        if fout := volumefout(
            invoer.volume, eenheid, frequentie, ingangsdatum=ingangsdatum, einddatum=einddatum
        ):
            raise ValidationError(f"{invoer.product}: {fout}")
        gecontroleerd.append(replace(invoer, eenheid=eenheid, frequentie=frequentie))
    return gecontroleerd


def _eenheid_frequentie(invoer: BeschiktProductInvoer, regel) -> tuple[str, str]:
    """The product's eenheid and frequentie: as entered, else the contract line's."""
    product = invoer.product
    return (
        invoer.eenheid or regel.eenheid or product.eenheid,
        invoer.frequentie or regel.frequentie or product.frequentie,
    )


# What the beschikking changes --------------------------------------------------------------


def _voeg_producten_toe(beschikking: Beschikking, producten: list[BeschiktProductInvoer]):
    for invoer in producten:
        BeschiktProduct.objects.create(
            beschikking=beschikking,
            product=invoer.product,
            volume=invoer.volume,
            eenheid=invoer.eenheid,
            frequentie=invoer.frequentie,
        )


def _wijs_toe(beschikking: Beschikking, acting_user) -> None:
    """The 301; after a profielwijziging it also ends the previous allocations."""
    melding = beschikking.plan.melding
    vorige = melding.vorige_beschikking
    if vorige is not None and melding.aanleiding == Aanleiding.PROFIELWIJZIGING:
        wijs_toe_na_profielwijziging(beschikking, vorige, acting_user)
    else:
        wijs_beschikking_toe(beschikking, acting_user)


def _sluit_aanvraag(plan: Ondersteuningsplan, beschikking: Beschikking, acting_user) -> None:
    """The plan and the melding decided; the deadlines beschikking and melding_beschikking
    met on the dagtekening."""
    melding = plan.melding
    plan.status = PlanStatus.BESCHIKT
    plan.save(update_fields=["status"])
    zet_status(melding, MeldingStatus.OPEN_BESCHIKT if beschikking.open else MeldingStatus.BESCHIKT)
    op = beschikking.dagtekening
    termijnen.sluit_termijnen_voor(
        plan, regelcode=Regelcode.BESCHIKKING, op=op, acting_user=acting_user
    )
    termijnen.sluit_termijnen_voor(
        melding, regelcode=Regelcode.MELDING_BESCHIKKING, op=op, acting_user=acting_user
    )


def _log_genomen(beschikking: Beschikking, aantal_producten: int, acting_user) -> None:
    audit.log(
        acting_user,
        "beschikking.genomen",
        beschikking,
        client_id=beschikking.client_id,
        omschrijving=(
            f"{beschikking.nummer}{' (open beschikking)' if beschikking.open else ''}: "
            f"{beschikking.ingangsdatum:%d-%m-%Y} t/m {beschikking.einddatum:%d-%m-%Y}, "
            f"{aantal_producten} product(en)"
        ),
    )
