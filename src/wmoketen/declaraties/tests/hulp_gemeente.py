"""The gemeente's side of the declaration tests: a gemeente, an aanbieder with a contract (65 euro
an hour), clients with toewijzingen made directly (no 301 needed), and 323s written as XML and
received through the message pipeline.

The declared month is last month (``MAAND``): a 323 may only hold periods up to its own
(TR319), and its Dagtekening is today.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from wmoketen.berichten.constants import Transport
from wmoketen.berichten.services import ontvang
from wmoketen.declaraties.perioden import maand_van
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContractFactory,
    ContractregelFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.toewijzingen.models import Levering, Toewijzing

VANDAAG = date.today()
MAAND = maand_van(VANDAAG.replace(day=1) - timedelta(days=1))  # last month: (begin, eind)
INGANG = maand_van(MAAND[0] - timedelta(days=70))[0]
EINDE = date(MAAND[0].year + 2, 12, 31)
TARIEF = 6500  # cent an hour

_nummers = itertools.count(1)


@dataclass
class Opzet:
    gemeente: object = None
    aanbieder: object = None
    product: object = None
    contractregel: object = None
    clienten: list = field(default_factory=list)

    @classmethod
    def maak(cls) -> Opzet:
        laad_standaardregels()
        gemeente = GemeenteFactory(naam="Weert", gemeentecode="0988")
        aanbieder = AanbiederFactory(naam="Zorggroep Test", agb_code="12345678")
        product = ProductFactory(productcategorie="02", productcode="02A01")
        contract = ContractFactory(
            gemeente=gemeente, aanbieder=aanbieder, begindatum=date(2020, 1, 1)
        )
        regel = ContractregelFactory(
            contract=contract, product=product, tarief=Decimal(TARIEF) / 100
        )
        return cls(gemeente, aanbieder, product, regel)

    def toewijzing(self, *, client=None, volume=3, ingang=INGANG, einde=EINDE, start=True):
        client = client or ClientFactory(organisatie=self.gemeente)
        t = Toewijzing.objects.create(
            gemeente=self.gemeente,
            aanbieder=self.aanbieder,
            client=client,
            wet="wmo",
            toewijzingnummer=next(_nummers) + 1000,
            product=self.product,
            ingangsdatum=ingang,
            einddatum=einde,
            volume=volume,
            eenheid="04",
            frequentie="2",
            toewijzingsdatum=ingang,
            toewijzingstijd=time(9, 0),
        )
        if start:
            Levering.objects.create(toewijzing=t, begindatum=ingang)
        return t


def prestatie(t, **kwargs) -> dict:
    """A prestatie on toewijzing ``t`` for last month: 10 hours at the contract's tariff."""
    p = dict(
        bsn=t.client.bsn,
        referentie=f"R{next(_nummers)}",
        vorig="",
        toewijzingnummer=t.toewijzingnummer,
        categorie=t.product.productcategorie,
        code=t.product.productcode,
        begin=max(MAAND[0], t.ingangsdatum),
        eind=MAAND[1],
        volume=10,
        eenheid="04",
        tarief=TARIEF,
        dc="D",
    )
    p.update(kwargs)
    p.setdefault("bedrag", p["volume"] * p["tarief"])
    return p


def _prestatie_xml(p: dict) -> str:
    vorig = f"<b:VorigReferentieNummer>{p['vorig']}</b:VorigReferentieNummer>" if p["vorig"] else ""
    return f"""<m:Prestatie>
<m:ProductReferentie><b:ReferentieNummer>{p["referentie"]}</b:ReferentieNummer>{vorig}
</m:ProductReferentie>
<m:ToewijzingNummer>{p["toewijzingnummer"]}</m:ToewijzingNummer>
<m:ProductCategorie>{p["categorie"]}</m:ProductCategorie>
<m:ProductCode>{p["code"]}</m:ProductCode>
<m:ProductPeriode><b:Begindatum>{p["begin"]}</b:Begindatum><b:Einddatum>{p["eind"]}</b:Einddatum>
</m:ProductPeriode>
<m:GeleverdVolume>{p["volume"]}</m:GeleverdVolume>
<m:Eenheid>{p["eenheid"]}</m:Eenheid>
<m:ProductTarief>{p["tarief"]}</m:ProductTarief>
<m:IngediendBedrag><b:Bedrag>{p["bedrag"]}</b:Bedrag><b:DebetCredit>{p["dc"]}</b:DebetCredit>
</m:IngediendBedrag>
</m:Prestatie>"""


def bouw_323(opzet: Opzet, prestaties: list[dict], *, nummer="DN1", periode=MAAND) -> bytes:
    """A WMO323 of ``prestaties`` (grouped per BSN) with its totals right."""
    per_bsn: dict[str, list[dict]] = {}
    for p in prestaties:
        per_bsn.setdefault(p["bsn"], []).append(p)
    totaal = sum(p["bedrag"] * (-1 if p["dc"] == "C" else 1) for p in prestaties)
    clienten = "".join(
        f"<m:Client><m:Bsn>{bsn}</m:Bsn><m:Prestaties>"
        + "".join(_prestatie_xml(p) for p in rijen)
        + "</m:Prestaties></m:Client>"
        for bsn, rijen in per_bsn.items()
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<m:Bericht xmlns:b="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
 xmlns:m="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema">
<m:Header>
<m:BerichtCode>484</m:BerichtCode><m:BerichtVersie>3</m:BerichtVersie>
<m:BerichtSubversie>2</m:BerichtSubversie>
<m:Afzender>{opzet.aanbieder.agb_code}</m:Afzender>
<m:Ontvanger>{opzet.gemeente.gemeentecode}</m:Ontvanger>
<m:BerichtIdentificatie><b:Identificatie>D{next(_nummers)}</b:Identificatie>
<b:Dagtekening>{VANDAAG}</b:Dagtekening></m:BerichtIdentificatie>
<m:XsdVersie><b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie>
<b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie></m:XsdVersie>
</m:Header>
<m:Declaratie>
<m:DeclaratieNummer>{nummer}</m:DeclaratieNummer>
<m:DeclaratiePeriode><b:Begindatum>{periode[0]}</b:Begindatum>
<b:Einddatum>{periode[1]}</b:Einddatum></m:DeclaratiePeriode>
<m:DeclaratieDagtekening>{VANDAAG}</m:DeclaratieDagtekening>
<m:TotaalIngediendBedrag><b:TotaalBedrag>{abs(totaal)}</b:TotaalBedrag>
<b:DebetCredit>{"C" if totaal < 0 else "D"}</b:DebetCredit></m:TotaalIngediendBedrag>
<m:Clienten>{clienten}</m:Clienten>
</m:Declaratie>
</m:Bericht>""".encode()


def ontvang_323(opzet: Opzet, data: bytes):
    """The 323 arrives at the gemeente from the aanbieder (the file mailbox)."""
    return ontvang(
        data, afzender=opzet.aanbieder, ontvanger=opzet.gemeente, transport=Transport.BESTAND
    )
