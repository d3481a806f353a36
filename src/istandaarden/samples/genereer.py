"""Build valid iWmo 301 and 323 messages through the bindings (tests, hypothesis, benchmark).

The shapes follow the official examples, with values chosen so that the XSD and every
single-message rule hold: BSNs pass the elfproef, periods are ordered, every ReferentieNummer
is unique, IngediendBedrag = GeleverdVolume × ProductTarief and the totals add up.
"""

from __future__ import annotations

from datetime import date, timedelta

from istandaarden.berichten import BERICHT_SUBVERSIE, BERICHT_VERSIE, XSD_VERSIE
from istandaarden.bindings.v3_2.iwmo import basisschema as b
from istandaarden.bindings.v3_2.iwmo import wmo301, wmo323

__all__ = ["bsn", "wmo301_bericht", "wmo323_bericht", "wmo323_realistisch_bericht"]

GEMEENTE = "0384"
AANBIEDER = "42420001"


def bsn(volgnummer: int) -> str:
    """A BSN passing the elfproef, unique per volgnummer (< 10 million), starting with 1."""
    for poging in range(volgnummer * 11, volgnummer * 11 + 11):
        digits = [int(c) for c in f"1{poging % 10**7:07d}"]
        rest = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if rest < 10:
            return "".join(map(str, digits)) + str(rest)
    raise AssertionError("unreachable: one of 11 consecutive numbers passes")


def _header(cls: type, code: str, afzender: str, ontvanger: str, nummer: int, dag: date):
    return cls(
        bericht_code=code,
        bericht_versie=BERICHT_VERSIE,
        bericht_subversie=BERICHT_SUBVERSIE,
        afzender=afzender,
        ontvanger=ontvanger,
        bericht_identificatie=b.CdtBerichtIdentificatie(
            identificatie=f"ID{nummer:010d}", dagtekening=dag.isoformat()
        ),
        xsd_versie=b.CdtXsdVersie(basisschema_xsd_versie=XSD_VERSIE, bericht_xsd_versie=XSD_VERSIE),
    )


def wmo301_bericht(
    nummer: int = 1,
    *,
    producten: int = 1,
    dagtekening: date = date(2024, 1, 15),
    achternaam: str = "Jansen",
    volume: int = 10,
    geboortedatum: date = date(1960, 5, 17),
) -> wmo301.Bericht:
    """A toewijzing for one client with ``producten`` (at most 99) toegewezen producten."""
    client = wmo301.Client(
        bsn=bsn(nummer),
        geboortedatum=b.CdtGeboortedatum(datum=geboortedatum.isoformat()),
        geslacht=b.LdtGeslacht("2"),
        naam=b.CdtVolledigeNaam(
            geslachtsnaam=b.CdtAchternaam(achternaam=achternaam),
            voorletters="A",
            naam_gebruik=b.LdtNaamGebruik("1"),
        ),
        contactgegevens=wmo301.Contactgegevens(contact=[_contact()]),
        toegewezen_producten=wmo301.ToegewezenProducten(
            toegewezen_product=[
                _toegewezen(nummer * 100 + i, i, dagtekening, volume) for i in range(producten)
            ]
        ),
    )
    header = _header(wmo301.Header, "414", GEMEENTE, AANBIEDER, nummer, dagtekening)
    return wmo301.Bericht(header=header, client=client)


def _contact() -> wmo301.Contact:
    adres = b.CdtAdres(
        huis=b.CdtHuis(huisnummer=12),
        postcode="1234AB",
        straatnaam="Dorpsstraat",
        plaatsnaam="Ergens",
        land_code=b.LdtLandCode("NL"),
    )
    return wmo301.Contact(soort=b.LdtAdresSoort("01"), adres=adres)


def _toegewezen(toewijzing: int, i: int, dag: date, volume: int) -> wmo301.ToegewezenProduct:
    """Each product its own code: the same product twice in one period breaks TR302."""
    ingang = dag + timedelta(days=1)
    return wmo301.ToegewezenProduct(
        toewijzing_nummer=toewijzing,
        product=b.CdtProduct(categorie=b.LdtProductCategorie("01"), code=f"01A{i % 99 + 1:02d}"),
        toewijzingsdatum=dag.isoformat(),
        toewijzingstijd="12:00:00",
        ingangsdatum=ingang.isoformat(),
        einddatum=(ingang + timedelta(days=364)).isoformat(),
        omvang=b.CdtOmvang(
            volume=volume, eenheid=b.LdtEenheid("04"), frequentie=b.LdtFrequentie("2")
        ),
    )


def wmo323_bericht(
    prestaties: int,
    *,
    per_client: int = 10,
    maand: date = date(2024, 3, 1),
    tarief: int = 1250,
) -> wmo323.Bericht:
    """A declaratie over one month with ``prestaties`` prestaties, ``per_client`` per client."""
    einde = (maand.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    periode = b.CdtGeslotenPeriode(begindatum=maand.isoformat(), einddatum=einde.isoformat())
    clienten = [
        _client323(c, range(start, min(start + per_client, prestaties)), periode, tarief)
        for c, start in enumerate(range(0, prestaties, per_client))
    ]
    totaal = sum(p.ingediend_bedrag.bedrag for c in clienten for p in c.prestaties.prestatie)
    dag = einde + timedelta(days=5)
    declaratie = wmo323.Declaratie(
        declaratie_nummer=f"DN{maand:%Y%m}",
        declaratie_periode=periode,
        declaratie_dagtekening=dag.isoformat(),
        totaal_ingediend_bedrag=b.CdtTotaalBedragMetDc(
            totaal_bedrag=totaal, debet_credit=b.LdtDebetCredit("D")
        ),
        clienten=wmo323.Clienten(client=clienten),
    )
    header = _header(wmo323.Header, "484", AANBIEDER, GEMEENTE, prestaties, dag)
    return wmo323.Bericht(header=header, declaratie=declaratie)


def _client323(
    volgnummer: int, nummers: range, periode: b.CdtGeslotenPeriode, tarief: int
) -> wmo323.Client:
    prestaties = [
        wmo323.Prestatie(
            product_referentie=b.CdtReferentie(referentie_nummer=f"RN{n:08d}"),
            toewijzing_nummer=100000 + n,
            product_categorie=b.LdtProductCategorie("01"),
            product_code="01A03",
            product_periode=periode,
            geleverd_volume=1 + n % 20,
            eenheid=b.LdtEenheid("04"),
            product_tarief=tarief,
            ingediend_bedrag=b.CdtBedragMetDc(
                bedrag=(1 + n % 20) * tarief, debet_credit=b.LdtDebetCredit("D")
            ),
        )
        for n in nummers
    ]
    return wmo323.Client(bsn=bsn(volgnummer), prestaties=wmo323.Prestaties(prestatie=prestaties))


# Weekly product periods inside a month: (first day, last day or None for the month's end).
WEKEN = ((1, 7), (8, 14), (15, 21), (22, None))


def wmo323_realistisch_bericht(
    prestaties: int,
    *,
    per_client: int = 10,
    maand: date = date(2024, 3, 1),
    tarief: int = 1250,
) -> wmo323.Bericht:
    """A declaratie as providers send them: per client a few toewijzingen (each its own
    ToewijzingNummer and ProductCode), each declared per week of the month, so one
    ToewijzingNummer is on several prestaties with different ProductPeriodes inside the
    declaratieperiode; ``per_client`` prestaties per client (the last client may have fewer).
    """
    einde = (maand.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    periode = b.CdtGeslotenPeriode(begindatum=maand.isoformat(), einddatum=einde.isoformat())
    clienten = []
    for c, start in enumerate(range(0, prestaties, per_client)):
        lijst = []
        for i, n in enumerate(range(start, min(start + per_client, prestaties))):
            toewijzing, week = divmod(i, len(WEKEN))
            eerste, laatste = WEKEN[week]
            volume = 1 + n % 20
            lijst.append(
                wmo323.Prestatie(
                    product_referentie=b.CdtReferentie(referentie_nummer=f"RN{n:08d}"),
                    toewijzing_nummer=100000 + c * 10 + toewijzing,
                    product_categorie=b.LdtProductCategorie("01"),
                    product_code=f"01A{toewijzing % 99 + 1:02d}",
                    product_periode=b.CdtGeslotenPeriode(
                        begindatum=maand.replace(day=eerste).isoformat(),
                        einddatum=(
                            einde if laatste is None else maand.replace(day=laatste)
                        ).isoformat(),
                    ),
                    geleverd_volume=volume,
                    eenheid=b.LdtEenheid("04"),
                    product_tarief=tarief,
                    ingediend_bedrag=b.CdtBedragMetDc(
                        bedrag=volume * tarief, debet_credit=b.LdtDebetCredit("D")
                    ),
                )
            )
        clienten.append(wmo323.Client(bsn=bsn(c), prestaties=wmo323.Prestaties(prestatie=lijst)))
    totaal = sum(p.ingediend_bedrag.bedrag for c in clienten for p in c.prestaties.prestatie)
    dag = einde + timedelta(days=5)
    declaratie = wmo323.Declaratie(
        declaratie_nummer=f"DN{maand:%Y%m}",
        declaratie_periode=periode,
        declaratie_dagtekening=dag.isoformat(),
        totaal_ingediend_bedrag=b.CdtTotaalBedragMetDc(
            totaal_bedrag=totaal, debet_credit=b.LdtDebetCredit("D")
        ),
        clienten=wmo323.Clienten(client=clienten),
    )
    header = _header(wmo323.Header, "484", AANBIEDER, GEMEENTE, prestaties, dag)
    return wmo323.Bericht(header=header, declaratie=declaratie)
