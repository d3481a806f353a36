"""What the gemeente's checks find in a received request, for the backoffice to decide on.

Run on receipt (``ontvangst``). Per product: Dutch findings in ``VerzoekProduct.bevindingen``
and the WJ759 reason they suggest in ``voorgestelde_reden`` (3 geen contract, 4 past niet
binnen contract, 6 stapeling). Other provisions of the client are listed as information
("Ter info: ..."); they suggest nothing. The backoffice decides; nothing here answers.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from wmoketen.organisaties.models import Contractregel
from wmoketen.organisaties.queries import geldige_contractregels
from wmoketen.producten.constants import Wet
from wmoketen.toegang.queries import open_beschikking
from wmoketen.toewijzingen import queries as toewijzingen_queries
from wmoketen.toewijzingen.services import Productperiode

from .constants import (
    REDEN_BUITEN_CONTRACT,
    REDEN_GEEN_CONTRACT,
    REDEN_STAPELING,
    ProductSoort,
)

if TYPE_CHECKING:
    from wmoketen.toewijzingen.models import Toewijzing

__all__ = ["bevindingen_315", "bevindingen_317", "zonder_contract"]

INFO = "Ter info: "


def bevindingen_315(verzoek) -> None:
    """Contract, stapeling against running allocations and the client's other provisions."""
    lopend = _lopend(verzoek)
    bestaand = [(_periode_van(t), t) for t in lopend]
    overige = _overige_voorzieningen(lopend)
    for vp in verzoek.producten.all():
        _beoordeel_nieuw(verzoek, vp, bestaand)
        if verzoek.wet == Wet.WMO:
            vp.bevindingen += _open_beschikking(verzoek, vp)
        vp.bevindingen += overige
        vp.save(update_fields=["bevindingen", "voorgestelde_reden"])


def zonder_contract(verzoek) -> bool:
    """The aanbieder has no contract with the gemeente on the ingangsdatum of any requested
    product (the finding that proposes reason 3): ``ontvangst`` refuses such a 315 at once."""
    producten = list(verzoek.producten.all())
    return bool(producten) and not any(
        _heeft_contract(verzoek, vp.ingangsdatum or verzoek.dagtekening) for vp in producten
    )


def bevindingen_317(verzoek) -> None:
    """The allocations named must be this aanbieder's current ones; new products as a 315."""
    lopend = _lopend(verzoek)
    producten = list(verzoek.producten.all())
    gewijzigd = {
        vp.toewijzingnummer: vp for vp in producten if vp.soort == ProductSoort.TE_WIJZIGEN
    }
    # The situation after the change: changed allocations with their new period.
    bestaand = []
    for t in lopend:
        nieuw = (
            gewijzigd.get(t.toewijzingnummer) if t.aanbieder_id == verzoek.aanbieder_id else None
        )
        bestaand.append((_periode_van(t, nieuw), t))
    for vp in producten:
        if vp.soort == ProductSoort.NIEUW:
            _beoordeel_nieuw(verzoek, vp, bestaand)
        else:
            _beoordeel_bestaand(verzoek, vp, lopend)
        vp.save(update_fields=["bevindingen", "voorgestelde_reden"])


def _lopend(verzoek) -> list[Toewijzing]:
    """The gemeente's current allocations of the client, at every aanbieder (the verzoek's
    client is the gemeente's own record)."""
    return list(toewijzingen_queries.lopende_toewijzingen(verzoek.gemeente_id, verzoek.client_id))


def _stel_voor(vp, reden: str, tekst: str) -> None:
    vp.bevindingen.append(tekst)
    vp.voorgestelde_reden = vp.voorgestelde_reden or reden


def _beoordeel_nieuw(verzoek, vp, bestaand) -> None:
    op = vp.ingangsdatum or verzoek.dagtekening
    if vp.productcode and vp.product is None:
        _stel_voor(
            vp,
            REDEN_BUITEN_CONTRACT,
            f"Productcode {vp.productcategorie}/{vp.productcode} komt niet voor in de "
            f"productcatalogus van de {verzoek.get_wet_display()}.",
        )
    elif not _heeft_contract(verzoek, op):
        _stel_voor(
            vp,
            REDEN_GEEN_CONTRACT,
            f"{verzoek.aanbieder} heeft op {op:%d-%m-%Y} geen contract met {verzoek.gemeente}.",
        )
    elif not _product_in_contract(verzoek, vp, op):
        _stel_voor(
            vp,
            REDEN_BUITEN_CONTRACT,
            f"Product {vp} valt op {op:%d-%m-%Y} niet binnen het contract van "
            f"{verzoek.aanbieder} met {verzoek.gemeente}.",
        )
    if vp.ingangsdatum is None:
        return
    code = vp.productcode if vp.budget is None else ""
    gevraagd = Productperiode(vp.productcategorie, code, vp.ingangsdatum, vp.einddatum)
    for ander, t in bestaand:
        if t.aanbieder_id == verzoek.aanbieder_id and gevraagd.stapelt_met(ander):
            _stel_voor(
                vp,
                REDEN_STAPELING,
                f"Product {vp} is al toegewezen aan {verzoek.aanbieder} voor een overlappende "
                f"periode (toewijzing {t.toewijzingnummer}, "
                f"{_periode(ander.ingangsdatum, ander.einddatum)}); stapeling (OP259).",
            )


def _beoordeel_bestaand(verzoek, vp, lopend) -> None:
    eigen = [
        t
        for t in lopend
        if t.aanbieder_id == verzoek.aanbieder_id and t.toewijzingnummer == vp.toewijzingnummer
    ]
    if not eigen:
        vp.bevindingen.append(
            f"Toewijzing {vp.toewijzingnummer} is geen actuele toewijzing van deze cliënt bij "
            f"{verzoek.aanbieder}."
        )
    elif vp.soort == ProductSoort.TE_WIJZIGEN and vp.product_id:
        op = vp.ingangsdatum or verzoek.dagtekening
        if not _product_in_contract(verzoek, vp, op):
            _stel_voor(
                vp,
                REDEN_BUITEN_CONTRACT,
                f"Product {vp} valt op {op:%d-%m-%Y} niet binnen het contract van "
                f"{verzoek.aanbieder} met {verzoek.gemeente}.",
            )


def _open_beschikking(verzoek, vp) -> list[str]:
    """A WMO315 rests on the gemeente's open beschikking: it must exist, be this client's, hold
    the product and cover the requested period. Suggests no reason: WJ759 has none for it."""
    beschikking = open_beschikking(verzoek.gemeente, vp.beschikkingnummer)
    if beschikking is None:
        return [
            f"Beschikking {vp.beschikkingnummer} is geen open beschikking van {verzoek.gemeente}."
        ]
    fouten = []
    if beschikking.client.bsn != verzoek.client.bsn:
        fouten.append(f"Open beschikking {beschikking.nummer} is van een andere cliënt.")
    if vp.product_id not in {b.product_id for b in beschikking.producten.all()}:
        fouten.append(f"Product {vp} staat niet in open beschikking {beschikking.nummer}.")
    if vp.ingangsdatum and (
        vp.ingangsdatum < beschikking.ingangsdatum
        or (vp.einddatum or date.max) > beschikking.einddatum
    ):
        fouten.append(
            f"De gevraagde periode valt buiten de open beschikking {beschikking.nummer} "
            f"({_periode(beschikking.ingangsdatum, beschikking.einddatum)})."
        )
    return fouten or [f"{INFO}past binnen open beschikking {beschikking.nummer}."]


def _overige_voorzieningen(lopend) -> list[str]:
    return [
        f"{INFO}de cliënt heeft ook toewijzing {t.toewijzingnummer} ({t.product}) bij "
        f"{t.aanbieder}, {_periode(t.ingangsdatum, t.einddatum)}."
        for t in lopend
    ]


def _heeft_contract(verzoek, op: date) -> bool:
    """Any contract line of the aanbieder valid for this gemeente (or its regio) on ``op``."""
    return (
        Contractregel.objects.filter(geldige_contractregels(verzoek.gemeente, op))
        .filter(contract__aanbieder_id=verzoek.aanbieder_id)
        .exists()
    )


def _product_in_contract(verzoek, vp, op: date) -> bool:
    regels = Contractregel.objects.filter(geldige_contractregels(verzoek.gemeente, op)).filter(
        contract__aanbieder_id=verzoek.aanbieder_id, product__wet=verzoek.wet
    )
    if vp.product_id:
        return regels.filter(product_id=vp.product_id).exists()
    return regels.filter(product__productcategorie=vp.productcategorie).exists()


def _periode_van(t: Toewijzing, gewijzigd=None) -> Productperiode:
    """The allocation's product and period; ``gewijzigd``: the 317's new period for it."""
    bron = gewijzigd or t
    return Productperiode.van(t.product, t.budget, bron.ingangsdatum, bron.einddatum)


def _periode(ingang: date, einde: date | None) -> str:
    return f"{ingang:%d-%m-%Y} t/m {einde:%d-%m-%Y}" if einde else f"vanaf {ingang:%d-%m-%Y}"
