"""Contract management: contracts, contract lines and tariffs, kept by the gemeente's contract
manager (``Rol.CONTRACTMANAGER``) and read-only everywhere else.

Each function is one transaction with an audit row. Rules: a period does not end before it
begins; a line lies within its contract; lines of one product with one aanbieder for one
gemeente overlap only as a succession (a renewed contract: the one that began last applies);
a tariff change is a new period, never an overwrite; a line's declaratieregel fits its
uitvoeringsvariant and frequentie (the regime matrix, ``regimes``); and no change leaves a
running toewijzing without a contract (``dekking``).
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_rol
from wmoketen.audit import services as audit

from .dekking import eis_gedekt, geldig
from .models import Aanbieder, Contract, Contractregel, Gemeente, Regio, Tarief
from .perioden import doorsnede, periode, tekst
from .queries import regels_bij_gemeenten
from .regimes import weigerreden

CONTRACTVELDEN = ("kenmerk", "begindatum", "einddatum")
REGELVELDEN = (
    "uitvoeringsvariant",
    "eenheid",
    "frequentie",
    "declaratieregel",
    "begindatum",
    "einddatum",
)
REGIMEVELDEN = {"uitvoeringsvariant", "frequentie", "declaratieregel"}


def _eis_contractmanager(contract: Contract, acting_user) -> None:
    if acting_user is None:  # the system itself (demo, data load)
        return
    eis_rol(
        acting_user,
        Rol.CONTRACTMANAGER,
        tekst="Alleen de contractmanager van de gemeente beheert contracten.",
    )
    if acting_user.organisatie_id not in contract.gemeente_ids():
        raise PermissionDenied("Dit contract hoort niet bij uw gemeente.")


def _eis_volgorde(begindatum: date | None, einddatum: date | None) -> None:
    if begindatum is None:
        raise ValidationError("Vul de begindatum in.")
    if einddatum and einddatum < begindatum:
        raise ValidationError("De einddatum ligt vóór de begindatum.")


def _opslaan(obj, actie: str, acting_user, oud: dict | None = None):
    obj.full_clean()
    obj.save()
    wijzigingen = None
    if oud is not None:
        wijzigingen = audit.wijzigingen(oud, {veld: getattr(obj, veld) for veld in oud})
    audit.log(acting_user, actie, obj, omschrijving=str(obj), wijzigingen=wijzigingen)
    return obj


# Contracts


@transaction.atomic
def sluit_contract(
    *,
    kenmerk: str,
    aanbieder: Aanbieder,
    begindatum: date,
    gemeente: Gemeente | None = None,
    regio: Regio | None = None,
    einddatum: date | None = None,
    acting_user,
) -> Contract:
    """A new contract of a gemeente (or a regio) with an aanbieder as hoofdaannemer."""
    contract = Contract(
        kenmerk=kenmerk,
        aanbieder=aanbieder,
        gemeente=gemeente,
        regio=regio,
        begindatum=begindatum,
        einddatum=einddatum,
    )
    if gemeente or regio:
        _eis_contractmanager(contract, acting_user)
    _eis_volgorde(begindatum, einddatum)
    return _opslaan(contract, "contract.gesloten", acting_user)


def _wijzig_contract(contract: Contract, actie: str, acting_user, **velden) -> Contract:
    _eis_contractmanager(contract, acting_user)
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    oud = {veld: getattr(contract, veld) for veld in velden}
    for veld, waarde in velden.items():
        setattr(contract, veld, waarde)
    _eis_volgorde(contract.begindatum, contract.einddatum)
    regels = list(contract.regels.select_related("product"))
    for regel in regels:
        regel.contract = contract  # the new period, for the checks below
        _eis_geen_overlap(regel)
    eis_gedekt(regels, {regel.pk: geldig(regel) for regel in regels})
    return _opslaan(contract, actie, acting_user, oud)


@transaction.atomic
def wijzig_contract(
    contract: Contract, *, kenmerk: str, begindatum: date, einddatum: date | None, acting_user
) -> Contract:
    """Kenmerk and period; gemeente and hoofdaannemer stay (a new party is a new contract)."""
    return _wijzig_contract(
        contract,
        "contract.gewijzigd",
        acting_user,
        kenmerk=kenmerk,
        begindatum=begindatum,
        einddatum=einddatum,
    )


@transaction.atomic
def beeindig_contract(contract: Contract, *, einddatum: date, acting_user) -> Contract:
    if einddatum is None:
        raise ValidationError("Vul de einddatum in.")
    return _wijzig_contract(contract, "contract.beeindigd", acting_user, einddatum=einddatum)


# Contract lines


def _eis_binnen_contract(regel: Contractregel) -> None:
    contract = regel.contract
    # An open end means: as long as the contract runs.
    eigen = periode(regel.begindatum, regel.einddatum or contract.einddatum)
    if doorsnede(eigen, periode(contract.begindatum, contract.einddatum)) != eigen:
        raise ValidationError(
            "De periode van de contractregel ligt buiten de looptijd van het contract "
            f"({tekst(periode(contract.begindatum, contract.einddatum))})."
        )


def _eis_geen_overlap(regel: Contractregel) -> None:
    """Lines of one product with one aanbieder for one gemeente overlap only as a succession
    (a renewed contract): from its begindatum the line that began last applies, so two lines
    that begin on the same day would leave it open which one (and which tariff) counts."""
    contract = regel.contract
    andere = (
        Contractregel.objects.filter(
            product_id=regel.product_id, contract__aanbieder_id=contract.aanbieder_id
        )
        .filter(regels_bij_gemeenten(contract.gemeente_ids()))
        .exclude(contract_id=contract.pk)
        .select_related("contract")
        .distinct()
    )
    eigen = geldig(regel)
    for ander in andere:
        # Two periods that begin on the same day always overlap.
        if eigen and (zijne := geldig(ander)) and eigen[0] == zijne[0]:
            raise ValidationError(
                f"{regel.product} is vanaf {eigen[0]:%d-%m-%Y} al gecontracteerd met "
                f"{contract.aanbieder} in contract {ander.contract.kenmerk}; overlappende "
                "contractregels van hetzelfde product beginnen niet op dezelfde dag (de "
                "latere neemt het over)."
            )


def eis_toegestaan_regime(regel: Contractregel) -> None:
    """The regime matrix (``regimes``): a regional declaratieregel only where a whole month
    can be paid within TR321; refused on the field ``declaratieregel``."""
    reden = weigerreden(
        uitvoeringsvariant=regel.uitvoeringsvariant,
        declaratieregel=regel.declaratieregel,
        frequentie=regel.frequentie,
    )
    if reden:
        raise ValidationError({"declaratieregel": reden})


@transaction.atomic
def voeg_contractregel_toe(
    contract: Contract,
    *,
    product,
    uitvoeringsvariant: str,
    tarief: Decimal,
    declaratieregel: str,
    eenheid: str | None = None,
    frequentie: str | None = None,
    begindatum: date | None = None,
    einddatum: date | None = None,
    acting_user,
) -> Contractregel:
    """A product on the contract, from ``begindatum`` (default: the contract's) at ``tarief``;
    eenheid and frequentie default to the product's."""
    _eis_contractmanager(contract, acting_user)
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if contract.regels.filter(product_id=product.pk).exists():
        raise ValidationError(f"{product} staat al op dit contract; wijzig die contractregel.")
    regel = Contractregel(
        contract=contract,
        product=product,
        uitvoeringsvariant=uitvoeringsvariant,
        eenheid=eenheid or product.eenheid,
        frequentie=frequentie or product.frequentie,
        declaratieregel=declaratieregel,
        begindatum=begindatum or contract.begindatum,
        einddatum=einddatum,
    )
    _eis_volgorde(regel.begindatum, regel.einddatum)
    _eis_binnen_contract(regel)
    _eis_geen_overlap(regel)
    eis_toegestaan_regime(regel)
    regel.full_clean()
    eerste = Tarief(bedrag=tarief, ingangsdatum=regel.begindatum)
    eerste.full_clean(exclude=["contractregel"])
    regel.save()
    eerste.contractregel = regel
    eerste.save()
    audit.log(
        acting_user,
        "contractregel.toegevoegd",
        regel,
        omschrijving=f"{contract.kenmerk}: {regel} à {eerste}",
    )
    return regel


def _eis_tarieven_binnen(regel: Contractregel, tarieven: list[Tarief]) -> None:
    """The first tariff moves with the line's begin; later ones must stay inside the line."""
    for later in tarieven[1:]:
        if later.ingangsdatum <= regel.begindatum:
            raise ValidationError(
                f"Vanaf {later.ingangsdatum:%d-%m-%Y} geldt al een later tarief; de begindatum "
                "moet daarvóór liggen."
            )
    laatste = tarieven[-1] if tarieven else None
    if laatste and regel.einddatum and laatste.ingangsdatum > regel.einddatum:
        raise ValidationError(
            f"Vanaf {laatste.ingangsdatum:%d-%m-%Y} geldt een nieuw tarief; de einddatum kan "
            "niet daarvóór liggen."
        )


def _wijzig_regel(regel: Contractregel, actie: str, acting_user, **velden) -> Contractregel:
    _eis_contractmanager(regel.contract, acting_user)
    regel = (
        Contractregel.objects.select_for_update()
        .select_related("contract", "product")
        .get(pk=regel.pk)
    )
    oud = {veld: getattr(regel, veld) for veld in velden}
    for veld, waarde in velden.items():
        setattr(regel, veld, waarde)
    _eis_volgorde(regel.begindatum, regel.einddatum)
    _eis_binnen_contract(regel)
    tarieven = list(regel.tarieven.order_by("ingangsdatum"))
    _eis_tarieven_binnen(regel, tarieven)
    _eis_geen_overlap(regel)
    if REGIMEVELDEN & velden.keys():  # a line saved before the matrix may still be ended
        eis_toegestaan_regime(regel)
    eis_gedekt([regel], {regel.pk: geldig(regel)})  # the stored lines are the old cover
    if tarieven and tarieven[0].ingangsdatum != regel.begindatum:
        tarieven[0].ingangsdatum = regel.begindatum
        tarieven[0].save(update_fields=["ingangsdatum"])
    return _opslaan(regel, actie, acting_user, oud)


@transaction.atomic
def wijzig_contractregel(
    regel: Contractregel,
    *,
    uitvoeringsvariant: str,
    eenheid: str,
    frequentie: str,
    declaratieregel: str,
    begindatum: date,
    einddatum: date | None,
    acting_user,
) -> Contractregel:
    """Everything of a line but its product (another product is another line) and tariff."""
    return _wijzig_regel(
        regel,
        "contractregel.gewijzigd",
        acting_user,
        uitvoeringsvariant=uitvoeringsvariant,
        eenheid=eenheid,
        frequentie=frequentie,
        declaratieregel=declaratieregel,
        begindatum=begindatum,
        einddatum=einddatum,
    )


@transaction.atomic
def beeindig_contractregel(regel: Contractregel, *, einddatum: date, acting_user) -> Contractregel:
    if einddatum is None:
        raise ValidationError("Vul de einddatum in.")
    return _wijzig_regel(regel, "contractregel.beeindigd", acting_user, einddatum=einddatum)


# Tariffs


@transaction.atomic
def wijzig_tarief(
    regel: Contractregel, *, bedrag: Decimal, ingangsdatum: date, acting_user
) -> Tarief:
    """A new tariff period from ``ingangsdatum``; the current one ends the day before."""
    _eis_contractmanager(regel.contract, acting_user)
    regel = Contractregel.objects.select_for_update().select_related("contract").get(pk=regel.pk)
    laatste = regel.tarieven.order_by("-ingangsdatum").first()
    if laatste and ingangsdatum <= laatste.ingangsdatum:
        raise ValidationError(
            f"Het huidige tarief geldt vanaf {laatste.ingangsdatum:%d-%m-%Y}; een nieuw tarief "
            "gaat later in (een tarief wordt niet overschreven)."
        )
    looptijd = geldig(regel)
    if not doorsnede(periode(ingangsdatum, ingangsdatum), looptijd):
        raise ValidationError(
            "De ingangsdatum ligt buiten de periode waarin de contractregel geldt"
            + (f" ({tekst(looptijd)})." if looptijd else ".")
        )
    tarief = Tarief(contractregel=regel, bedrag=bedrag, ingangsdatum=ingangsdatum)
    tarief.full_clean()
    tarief.save()
    audit.log(
        acting_user,
        "contractregel.tarief_gewijzigd",
        regel,
        omschrijving=f"{regel}: {tarief}",
        wijzigingen=audit.wijzigingen(
            {"tarief": laatste.bedrag if laatste else None}, {"tarief": bedrag}
        ),
    )
    return tarief
