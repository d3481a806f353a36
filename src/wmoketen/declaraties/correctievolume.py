"""The largest volume a correction may give a prestatie: what the toewijzing allows (TR321,
TR322), checked when the aanbieder asks for the correction (``correcties.vraag_correctie_aan``).

The gemeente checks the same rules on the corrected debit when the 323 arrives (``regels``);
refusing here saves the aanbieder a rejected debit. The maxima are ``volume``'s, as the
proposal's regimes use them: per ProductPeriode (TR321, ``max_in_periode``) and over the whole
toewijzing (TR322, ``max_totaal``), None where the Omvang sets no such cap (a budget,
frequentie 6 per period, an open end for the total).

The total counts every prestatie of the toewijzing the gemeente did not reject (debits minus
credits, in any declaration), the corrections still waiting for a proposal, then this
correction: the original's credit off and the new volume on.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Q, Sum

from wmoketen.organisaties.constants import Uitvoeringsvariant
from wmoketen.organisaties.models import Contractregel
from wmoketen.organisaties.queries import regels_bij_gemeenten

from . import volume as omvang
from .constants import MINUUT, UUR, Oordeel
from .contractregels import geldende_regel
from .models import Correctie, DebetCredit, Prestatie

__all__ = ["controleer_maximum"]


def controleer_maximum(prestatie: Prestatie, volume: int) -> None:
    """Refuse (Dutch, naming the maximum) a corrected ``volume`` of ``prestatie`` above the
    toewijzing's maximum for its ProductPeriode (TR321) or above what its total allows
    (TR322). 0 (credit only) is always allowed."""
    t = prestatie.toewijzing
    if not volume or t.volume is None or not t.frequentie:
        return
    variant = _variant(prestatie)
    per_periode = _zonder_fout(
        omvang.max_in_periode,
        volume=t.volume,
        frequentie=t.frequentie,
        productcategorie=t.productcategorie,
        variant=variant,
        begin=prestatie.periode_begin,
        eind=prestatie.periode_eind,
        toewijzing_ingang=t.ingangsdatum,
        toewijzing_eind=t.einddatum,
    )
    maximum = _in_eenheid(prestatie, per_periode)
    if maximum is not None and volume > maximum:
        raise ValidationError(
            f"Het gecorrigeerde volume {volume} is meer dan de {maximum} die de toewijzing in "
            f"de productperiode {prestatie.periode_begin:%d-%m-%Y} t/m "
            f"{prestatie.periode_eind:%d-%m-%Y} toestaat (TR321). Het volume is hoogstens "
            f"{maximum}."
        )
    _controleer_totaal(prestatie, volume, variant)


def _controleer_totaal(prestatie: Prestatie, volume: int, variant: str) -> None:
    t = prestatie.toewijzing
    totaal = _in_eenheid(
        prestatie,
        _zonder_fout(
            omvang.max_totaal,
            volume=t.volume,
            frequentie=t.frequentie,
            productcategorie=t.productcategorie,
            variant=variant,
            ingang=t.ingangsdatum,
            eind=t.einddatum,
        ),
    )
    if totaal is None:
        return
    zonder = _netto(prestatie) - prestatie.geleverd_volume  # the original credited
    if zonder + volume > totaal:
        ruimte = max(totaal - zonder, 0)
        raise ValidationError(
            f"Met het gecorrigeerde volume {volume} komt het totaal op de toewijzing op "
            f"{zonder + volume}, meer dan de {totaal} die over de hele toewijzing is toegewezen "
            f"(TR322). Het gecorrigeerde volume is hoogstens {ruimte}."
        )


def _netto(prestatie: Prestatie) -> int:
    """The declared total of the toewijzing (debits minus credits not rejected) plus what the
    corrections still waiting would change, in the prestatie's eenheid (as the proposal makes
    them all)."""
    regels = Prestatie.objects.filter(toewijzing_id=prestatie.toewijzing_id).exclude(
        oordeel=Oordeel.AFGEWEZEN
    )
    som = regels.aggregate(
        debet=Sum("geleverd_volume", filter=~Q(debet_credit=DebetCredit.CREDIT), default=0),
        credit=Sum("geleverd_volume", filter=Q(debet_credit=DebetCredit.CREDIT), default=0),
    )
    wachtend = Correctie.objects.filter(
        prestatie__toewijzing_id=prestatie.toewijzing_id, prestaties__isnull=True
    ).values_list("volume", "prestatie__geleverd_volume")
    return som["debet"] - som["credit"] + sum(nieuw - oud for nieuw, oud in wachtend)


def _variant(prestatie: Prestatie) -> str:
    """The uitvoeringsvariant of the contract line the prestatie is declared by
    (``contractregels.geldende_regel``, as proposal and gemeente pick it)."""
    t = prestatie.toewijzing
    declaratie = prestatie.declaratie
    regels = (
        Contractregel.objects.filter(
            regels_bij_gemeenten([declaratie.gemeente_id]),
            contract__aanbieder_id=declaratie.aanbieder_id,
            product_id=t.product_id,
        )
        .select_related("contract")
        .distinct()
    )
    regel = geldende_regel(regels, prestatie.periode_begin)
    return regel.uitvoeringsvariant if regel else Uitvoeringsvariant.INSPANNINGSGERICHT


def _in_eenheid(prestatie: Prestatie, maximum: int | None) -> int | None:
    """A maximum in the toewijzing's eenheid, in the prestatie's (minutes on an allocation
    in hours)."""
    if maximum is None:
        return None
    if prestatie.toewijzing.eenheid == UUR and prestatie.eenheid == MINUUT:
        return maximum * 60
    return maximum


def _zonder_fout(functie, **kwargs) -> int | None:
    """The maximum, or None where the Omvang gives none the volume rules can compute."""
    try:
        return functie(**kwargs)
    except ValueError:
        return None
