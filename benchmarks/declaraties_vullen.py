"""The billing benchmark's data: one gemeente, one aanbieder, N running allocations on both sides.

Bulk inserts through the ORM (the same code fills SQLite and PostgreSQL): N clients on each
side, N allocations of 3 hours a week of begeleiding (inspanningsgericht, €65.00 an hour) for the
whole year, each started (a 305 registered on both sides) on the first of January.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

BATCH = 5_000
JAAR = 2026


@dataclass
class Opzet:
    gemeente: object
    aanbieder: object
    medewerker: object  # the aanbieder's
    backoffice: object  # the gemeente's


def vul(aantal: int) -> Opzet:
    from wmoketen.accounts.constants import Rol
    from wmoketen.factories import (
        AanbiederFactory,
        ContractFactory,
        ContractregelFactory,
        GebruikerFactory,
        GemeenteFactory,
        ProductFactory,
    )
    from wmoketen.termijnen.services import laad_standaardregels

    laad_standaardregels(acting_user=None)
    gemeente = GemeenteFactory(gemeentecode="0384", naam="Benchgemeente")
    aanbieder = AanbiederFactory(agb_code="42420001", naam="Benchzorg")
    product = ProductFactory(
        productcategorie="02", productcode="02A01", eenheid="04", frequentie="2"
    )
    contract = ContractFactory(gemeente=gemeente, aanbieder=aanbieder, begindatum=date(JAAR, 1, 1))
    ContractregelFactory(contract=contract, product=product, tarief=Decimal("65.00"))
    medewerker = GebruikerFactory(organisatie=aanbieder, rol=Rol.AANBIEDER)
    backoffice = GebruikerFactory(organisatie=gemeente, rol=Rol.BACKOFFICE)
    bericht = _een_301(gemeente, aanbieder)
    for begin in range(0, aantal, BATCH):
        nummers = range(begin, min(begin + BATCH, aantal))
        _vul_blok(gemeente, aanbieder, product, bericht, nummers)
    return Opzet(gemeente, aanbieder, medewerker, backoffice)


def _een_301(gemeente, aanbieder):
    """The aanbieder's allocations came with a 301; one stored row stands in for them all."""
    from wmoketen.berichten.constants import Soort, Status, Transport
    from wmoketen.berichten.models import Bericht

    return Bericht.objects.create(
        inhoud=b"",
        sha256="0" * 64,
        grootte=0,
        afzender=gemeente,
        ontvanger=aanbieder,
        transport=Transport.INTERN,
        soort=Soort.HEENBERICHT,
        standaard="iwmo",
        nummer=301,
        status=Status.VERWERKT,
    )


def _vul_blok(gemeente, aanbieder, product, bericht, nummers: range) -> None:
    from wmoketen.clienten.models import Client
    from wmoketen.factories import geldig_bsn
    from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering, Toewijzing

    bsns = [geldig_bsn(500_000 + n) for n in nummers]
    eigen = _clienten(Client, gemeente, bsns)
    kopie = _clienten(Client, aanbieder, bsns)
    gemeenschappelijk = {
        "wet": "wmo",
        "ingangsdatum": date(JAAR, 1, 1),
        "einddatum": date(JAAR, 12, 31),
        "toewijzingsdatum": date(JAAR - 1, 12, 15),
        "toewijzingstijd": time(9, 0),
        "volume": 3,
        "eenheid": "04",
        "frequentie": "2",
    }
    toewijzingen = Toewijzing.objects.bulk_create(
        Toewijzing(
            gemeente=gemeente,
            aanbieder=aanbieder,
            client=client,
            toewijzingnummer=n + 1,
            product=product,
            **gemeenschappelijk,
        )
        for n, client in zip(nummers, eigen, strict=True)
    )
    aan_kant = AanbiederToewijzing.objects.bulk_create(
        AanbiederToewijzing(
            aanbieder=aanbieder,
            gemeente=gemeente,
            client=client,
            toewijzingnummer=n + 1,
            productcategorie=product.productcategorie,
            productcode=product.productcode,
            product=product,
            bericht=bericht,
            ontvangen_op=date(JAAR - 1, 12, 15),
            **gemeenschappelijk,
        )
        for n, client in zip(nummers, kopie, strict=True)
    )
    start = date(JAAR, 1, 1)
    Levering.objects.bulk_create(
        [Levering(toewijzing=t, begindatum=start) for t in toewijzingen]
        + [Levering(aanbieder_toewijzing=t, begindatum=start) for t in aan_kant]
    )


def _clienten(Client, organisatie, bsns: list[str]) -> list:
    return Client.objects.bulk_create(
        Client(
            organisatie=organisatie,
            bsn=bsn,
            geslachtsnaam=f"Bench{bsn}",
            voorletters="A",
            geslacht="2",
            geboortedatum=date(1950, 1, 1),
        )
        for bsn in bsns
    )
