"""Building the declaratiebericht (WMO323 / JW323) from the bindings.

Never from templates: the message is a tree of the generated xsdata dataclasses of the wet's
standard (iWmo for the Wmo, iJw for the Jeugdwet; the two 323 schemas differ only in their
BerichtCode and namespace), serialised by ``istandaarden.codec``. ``berichten.services.verstuur``
validates it against the XSD and the single-message rules before anything is stored or sent.

What goes in: the Header of the aanbieder (AGB code) to the gemeente that made the allocations
(gemeentecode); the Declaratie with its number, the declaratieperiode (CS340), the Dagtekening
and TotaalIngediendBedrag, the sum of the prestaties, debet minus credit (TR358, CS325 for 0);
the prestaties per client (Bsn of the allocation's client). Each Prestatie carries the product
of its allocation (IV075: a 323 always has a productcategorie and productcode), its
ProductPeriode (IV089), GeleverdVolume and Eenheid, ProductTarief except for Eenheid 83
(CD087; then the volume is the amount in cent, CS339) and IngediendBedrag with DebetCredit; a
credit prestatie names the debet prestatie it withdraws in VorigReferentieNummer (IV091).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from types import ModuleType

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from istandaarden.berichten import bericht
from istandaarden.codec import serialize
from istandaarden.opbouw import header
from wmoketen.berichten.models import Bericht
from wmoketen.berichten.nummering import nieuwe_identificatie
from wmoketen.berichten.services import verstuur
from wmoketen.berichten.standaarden import STANDAARD, modules
from wmoketen.toewijzingen.nummering import volgend_nummer

from .constants import EENHEID_EUROS
from .models import DebetCredit, Declaratie, Prestatie

__all__ = ["VOORVOEGSEL", "bedrag_van", "bouw_323", "maak_323"]

NUMMER = 323
VOORVOEGSEL = "D"  # Identificatie of our 323s: D + 11 digits (TR056, berichten.nummering)


def bedrag_van(prestatie: Prestatie) -> int:
    """The IngediendBedrag in cent, unsigned: volume x tarief, or the volume itself when it is
    an amount (Eenheid 83, CS339)."""
    if prestatie.eenheid == EENHEID_EUROS:
        return prestatie.geleverd_volume
    return prestatie.geleverd_volume * prestatie.tarief


def maak_323(declaratie: Declaratie, *, acting_user) -> Bericht:
    """Send the declaration's 323 from the aanbieder to the gemeente with a new Identificatie.

    Only the message: the declaration's status and its link to the message are the caller's
    (``indienen.dien_in``). Raises ``berichten.services.OngeldigBericht`` when the message
    breaks the standard (nothing is stored or sent then), a Dutch ValidationError when a
    prestatie lacks what the message needs.
    """
    standaard = STANDAARD[declaratie.wet]
    with transaction.atomic():
        identificatie = nieuwe_identificatie(
            declaratie.aanbieder,
            standaard,
            NUMMER,
            voorvoegsel=VOORVOEGSEL,
            teller=volgend_nummer,
        )
        data = bouw_323(declaratie, identificatie=identificatie, dagtekening=timezone.localdate())
        return verstuur(
            data,
            afzender=declaratie.aanbieder,
            ontvanger=declaratie.gemeente,
            acting_user=acting_user,
            naam=bericht(standaard, NUMMER).naam,
        )


def bouw_323(declaratie: Declaratie, *, identificatie: str, dagtekening: date) -> bytes:
    """The serialised 323 with every Prestatie of ``declaratie``; not validated here."""
    b, m = modules(declaratie.wet, NUMMER)
    prestaties = list(
        declaratie.prestaties.select_related("toewijzing__client", "toewijzing__product").order_by(
            "pk"
        )
    )
    if not prestaties:
        raise ValidationError(
            f"Declaratie {declaratie.declaratienummer} heeft geen prestaties; een declaratie "
            "(323) bevat er minstens één."
        )
    kop = header(
        STANDAARD[declaratie.wet],
        NUMMER,
        afzender=declaratie.aanbieder.agb_code,
        ontvanger=declaratie.gemeente.gemeentecode,
        identificatie=identificatie,
        dagtekening=dagtekening,
    )
    totaal = sum(_met_teken(p) for p in prestaties)
    bericht_declaratie = m.Declaratie(
        declaratie_nummer=declaratie.declaratienummer,
        declaratie_periode=b.CdtGeslotenPeriode(
            begindatum=declaratie.periode_begin.isoformat(),
            einddatum=declaratie.periode_eind.isoformat(),
        ),
        declaratie_dagtekening=dagtekening.isoformat(),
        totaal_ingediend_bedrag=b.CdtTotaalBedragMetDc(
            totaal_bedrag=abs(totaal), debet_credit=_debet_credit(b, totaal)
        ),
        clienten=m.Clienten(client=_clienten(b, m, prestaties)),
    )
    return serialize(m.Bericht(header=kop, declaratie=bericht_declaratie))


def _met_teken(prestatie: Prestatie) -> int:
    bedrag = bedrag_van(prestatie)
    return -bedrag if prestatie.debet_credit == DebetCredit.CREDIT else bedrag


def _debet_credit(b: ModuleType, saldo: int):
    """Credit for a negative total, debet otherwise (CS325: an amount of 0 is debet)."""
    return b.LdtDebetCredit.C if saldo < 0 else b.LdtDebetCredit.D


def _clienten(b: ModuleType, m: ModuleType, prestaties: Iterable[Prestatie]) -> list:
    """One Client per Bsn (in BSN order), its prestaties in the order they were made."""
    per_bsn: dict[str, list] = {}
    for prestatie in prestaties:
        bsn = prestatie.toewijzing.client.bsn
        per_bsn.setdefault(bsn, []).append(_prestatie(b, m, prestatie))
    return [
        m.Client(bsn=bsn, prestaties=m.Prestaties(prestatie=per_bsn[bsn]))
        for bsn in sorted(per_bsn)
    ]


def _prestatie(b: ModuleType, m: ModuleType, prestatie: Prestatie):
    toewijzing = prestatie.toewijzing
    return m.Prestatie(
        product_referentie=b.CdtReferentie(
            referentie_nummer=prestatie.referentienummer,
            vorig_referentie_nummer=prestatie.vorig_referentienummer or None,
        ),
        toewijzing_nummer=toewijzing.toewijzingnummer,
        product_categorie=b.LdtProductCategorie(toewijzing.productcategorie),
        product_code=_productcode(prestatie),
        product_periode=b.CdtGeslotenPeriode(
            begindatum=prestatie.periode_begin.isoformat(),
            einddatum=prestatie.periode_eind.isoformat(),
        ),
        geleverd_volume=prestatie.geleverd_volume,
        eenheid=b.LdtEenheid(prestatie.eenheid),
        product_tarief=None if prestatie.eenheid == EENHEID_EUROS else prestatie.tarief,
        ingediend_bedrag=b.CdtBedragMetDc(
            bedrag=bedrag_van(prestatie),
            debet_credit=b.LdtDebetCredit(prestatie.debet_credit),
        ),
    )


def _productcode(prestatie: Prestatie) -> str:
    """IV075: the allocation's productcode; for an aspecific allocation (category only) the
    catalogue product it was linked to. A Dutch ValidationError when there is none."""
    toewijzing = prestatie.toewijzing
    code = toewijzing.productcode or (toewijzing.product.productcode if toewijzing.product else "")
    if not code:
        raise ValidationError(
            f"Prestatie {prestatie.referentienummer}: toewijzing {toewijzing.toewijzingnummer} "
            "heeft geen productcode; een declaratie (323) vermeldt altijd een productcode."
        )
    return code
