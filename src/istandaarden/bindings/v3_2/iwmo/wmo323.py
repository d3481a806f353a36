from __future__ import annotations

from dataclasses import dataclass, field

from .basisschema import (
    CdtBedragMetDc,
    CdtBerichtIdentificatie,
    CdtGeslotenPeriode,
    CdtReferentie,
    CdtTotaalBedragMetDc,
    CdtXsdVersie,
    LdtEenheid,
    LdtProductCategorie,
)

__NAMESPACE__ = "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema"


@dataclass(slots=True, kw_only=True)
class Header:
    """
    :ivar bericht_code: Code ter identificatie van een soort bericht.
    :ivar bericht_versie: Volgnummer van de formele uitgifte van een major release van een
        iStandaard.
    :ivar bericht_subversie: Volgnummer van de formele uitgifte van een minor release van een
        iStandaard.
    :ivar afzender: Identificerende code van een aanbieder van zorg of ondersteuning.
    :ivar ontvanger: Identificatie van een gemeente die betrokken is bij de uitvoering van
        zorg of ondersteuning.
    :ivar bericht_identificatie: Naam of nummer en dagtekening ter identificatie van een
        totale aanlevering.
    :ivar xsd_versie: Volgnummer van de formele uitgifte van een versie van de XSD's die zijn
        ingezet voor het opstellen van het heenbericht.
    """

    bericht_code: str = field(
        metadata={
            "name": "BerichtCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "min_length": 1,
            "max_length": 3,
            "pattern": r"484",
        }
    )
    bericht_versie: int = field(
        metadata={
            "name": "BerichtVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"3",
        }
    )
    bericht_subversie: int = field(
        metadata={
            "name": "BerichtSubversie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"2",
        }
    )
    afzender: str = field(
        metadata={
            "name": "Afzender",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    ontvanger: str = field(
        metadata={
            "name": "Ontvanger",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "min_length": 1,
            "pattern": r"[0-9]{4}",
        }
    )
    bericht_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "BerichtIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
        }
    )
    xsd_versie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Prestatie:
    """
    :ivar product_referentie: Identificerende referentie van de declaratie van een zorg - of
        ondersteuningsprestatie.
    :ivar toewijzing_nummer: Identificerend nummer van de opdracht om een zorg - of
        ondersteuningsproduct te leveren, zoals vastgesteld door de gemeente.
    :ivar product_categorie: Gecodeerde aanduiding van hoofdcategorieen van producten in het
        kader van de Wet maatschappelijke ondersteuning (Wmo).
    :ivar product_code: Gecodeerde aanduiding van producten in het kader van de Wet
        maatschappelijke ondersteuning (Wmo).
    :ivar product_periode: Periode binnen de declaratieperiode waarop het product feitelijk
        is of wordt uitgevoerd.
    :ivar geleverd_volume: Hoeveelheid verricht product in een prestatieperiode.
    :ivar eenheid: De eenheid waarin de zorg/behandeling wordt uitgedrukt.
    :ivar product_tarief: Tarief van een individueel product.
    :ivar ingediend_bedrag: Het bedrag dat gedeclareerd wordt.
    """

    product_referentie: CdtReferentie = field(
        metadata={
            "name": "ProductReferentie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
        }
    )
    toewijzing_nummer: int = field(
        metadata={
            "name": "ToewijzingNummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
        }
    )
    product_categorie: LdtProductCategorie = field(
        metadata={
            "name": "ProductCategorie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
        }
    )
    product_code: str = field(
        metadata={
            "name": "ProductCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "min_length": 1,
            "max_length": 5,
            "pattern": r".*[^\s].*",
        }
    )
    product_periode: CdtGeslotenPeriode = field(
        metadata={
            "name": "ProductPeriode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
        }
    )
    geleverd_volume: int = field(
        metadata={
            "name": "GeleverdVolume",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999999,
        }
    )
    eenheid: LdtEenheid = field(
        metadata={
            "name": "Eenheid",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
        }
    )
    product_tarief: None | int = field(
        default=None,
        metadata={
            "name": "ProductTarief",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999999,
        },
    )
    ingediend_bedrag: CdtBedragMetDc = field(
        metadata={
            "name": "IngediendBedrag",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Prestaties:
    prestatie: list[Prestatie] = field(
        default_factory=list,
        metadata={
            "name": "Prestatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class Client:
    """
    :ivar bsn: Een door de overheid toegekend identificerend nummer in het kader van het
        vereenvoudigen van het contact tussen overheid en burgers en het verminderen van de
        administratieve lasten.
    :ivar prestaties:
    """

    bsn: str = field(
        metadata={
            "name": "Bsn",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "min_length": 1,
            "max_length": 9,
            "pattern": r"[0-9]{9}",
        }
    )
    prestaties: Prestaties = field(
        metadata={
            "name": "Prestaties",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Clienten:
    client: list[Client] = field(
        default_factory=list,
        metadata={
            "name": "Client",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class Declaratie:
    """
    Gegevens over de ingediende declaratie.

    :ivar declaratie_nummer: Unieke identificatie van een declaratie
    :ivar declaratie_periode: Eerste en laatste dag van een administratieve periode waarop de
        gegevensuitwisseling betrekking heeft.
    :ivar declaratie_dagtekening: Datum van ondertekening van een declaratie door de
        declarant.
    :ivar totaal_ingediend_bedrag: Het bedrag dat in zijn totaliteit gedeclareerd is.
    :ivar clienten:
    """

    declaratie_nummer: str = field(
        metadata={
            "name": "DeclaratieNummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "min_length": 1,
            "max_length": 12,
            "pattern": r"([a-zA-Z0-9])+",
        }
    )
    declaratie_periode: CdtGeslotenPeriode = field(
        metadata={
            "name": "DeclaratiePeriode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
        }
    )
    declaratie_dagtekening: str = field(
        metadata={
            "name": "DeclaratieDagtekening",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
            "pattern": r"[^:Z]*",
        }
    )
    totaal_ingediend_bedrag: CdtTotaalBedragMetDc = field(
        metadata={
            "name": "TotaalIngediendBedrag",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
        }
    )
    clienten: Clienten = field(
        metadata={
            "name": "Clienten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Root:
    """
    Bericht voor declaratie Wmo-hulp.
    """

    header: Header = field(
        metadata={
            "name": "Header",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
        }
    )
    declaratie: Declaratie = field(
        metadata={
            "name": "Declaratie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Bericht(Root):
    class Meta:
        namespace = "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema"
