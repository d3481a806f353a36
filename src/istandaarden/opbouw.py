"""Building our own messages from the bindings: the modules of one message type, the Header
every heenbericht starts with and the values several messages share (birth date, amounts). No
Django here; the apps fill in the content.
"""

from __future__ import annotations

import importlib
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from types import ModuleType

from istandaarden.berichten import BERICHT_SUBVERSIE, BERICHT_VERSIE, XSD_VERSIE, bericht

__all__ = ["MAX_IDENTIFICATIE", "bindingen", "budget_in_centen", "geboortedatum", "header"]

# The longest Identificatie the XSD allows (LDT_IdentificatieBericht: 12 characters).
MAX_IDENTIFICATIE = 12


def bindingen(standaard: str, nummer: int) -> tuple[ModuleType, ModuleType]:
    """(basisschema, message module) of message ``nummer`` of ``standaard``, e.g.
    ``bindingen("iwmo", 301)``; KeyError for a message the registry does not know."""
    module = bericht(standaard, nummer).module
    basis = module.rsplit(".", 1)[0] + ".basisschema"
    return importlib.import_module(basis), importlib.import_module(module)


def header(
    standaard: str,
    nummer: int,
    *,
    afzender: str,
    ontvanger: str,
    identificatie: str,
    dagtekening: date,
):
    """The Header of our message ``nummer``: its BerichtCode, the release's versions, sender and
    receiver (AGB code or gemeentecode) and the Identificatie with its Dagtekening."""
    if not 1 <= len(identificatie) <= MAX_IDENTIFICATIE:
        raise ValueError(f"Identificatie {identificatie!r}: 1 tot {MAX_IDENTIFICATIE} tekens.")
    b, m = bindingen(standaard, nummer)
    return m.Header(
        bericht_code=bericht(standaard, nummer).berichtcode,
        bericht_versie=BERICHT_VERSIE,
        bericht_subversie=BERICHT_SUBVERSIE,
        afzender=afzender,
        ontvanger=ontvanger,
        bericht_identificatie=b.CdtBerichtIdentificatie(
            identificatie=identificatie, dagtekening=dagtekening.isoformat()
        ),
        xsd_versie=b.CdtXsdVersie(basisschema_xsd_versie=XSD_VERSIE, bericht_xsd_versie=XSD_VERSIE),
    )


def geboortedatum(b: ModuleType, persoon):
    """The CDT_Geboortedatum of a client or relatie in any message (``b`` the basisschema):
    IV009, an unknown date is sent as 1900-01-01 with DatumGebruik 3 (all unknown)."""
    if persoon.geboortedatum is None:
        return b.CdtGeboortedatum(datum="1900-01-01", datum_gebruik=b.LdtDatumGebruik("3"))
    return b.CdtGeboortedatum(
        datum=persoon.geboortedatum.isoformat(),
        datum_gebruik=b.LdtDatumGebruik(persoon.datumgebruik) if persoon.datumgebruik else None,
    )


def budget_in_centen(budget: Decimal) -> int:
    """IV024: amounts in 1/100 of the currency."""
    return int((budget * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
