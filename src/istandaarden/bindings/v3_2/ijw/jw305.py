from __future__ import annotations

from dataclasses import dataclass, field

from .basisschema import (
    CdtBerichtIdentificatie,
    CdtGeboortedatum,
    CdtProduct,
    CdtVerkorteNaam,
    CdtXsdVersie,
    LdtGeslacht,
    LdtStatusAanlevering,
)

__NAMESPACE__ = "http://www.istandaarden.nl/ijw/3_2/jw305/schema"


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
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
            "min_length": 1,
            "max_length": 3,
            "pattern": r"438",
        }
    )
    bericht_versie: int = field(
        metadata={
            "name": "BerichtVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"3",
        }
    )
    bericht_subversie: int = field(
        metadata={
            "name": "BerichtSubversie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"2",
        }
    )
    afzender: str = field(
        metadata={
            "name": "Afzender",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    ontvanger: str = field(
        metadata={
            "name": "Ontvanger",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
            "min_length": 1,
            "pattern": r"[0-9]{4}",
        }
    )
    bericht_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "BerichtIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
        }
    )
    xsd_versie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class StartProduct:
    """
    Gegevens over het product waarvan de levering gestart is.

    :ivar toewijzing_nummer: Identificerend nummer van de opdracht om een zorg - of
        ondersteuningsproduct te leveren, zoals vastgesteld door de gemeente.
    :ivar product: Gecodeerde omschrijving van een product, dienst of resultaat ten behoeve
        van het leveren van ondersteuning aan een client.
    :ivar toewijzing_ingangsdatum: De datum waarop de toegewezen product voor de eerste keer
        geleverd dient te worden (gelijk aan de Ingangsdatum van het toegewezen product in
        het Toewijzingbericht).
    :ivar begindatum: Datum vanaf wanneer een ondersteuningsproduct wordt geleverd.
    :ivar status_aanlevering: Indicatie over de status van de informatie in de berichtklasse.
    """

    toewijzing_nummer: None | int = field(
        default=None,
        metadata={
            "name": "ToewijzingNummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
        },
    )
    product: None | CdtProduct = field(
        default=None,
        metadata={
            "name": "Product",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
        },
    )
    toewijzing_ingangsdatum: None | str = field(
        default=None,
        metadata={
            "name": "ToewijzingIngangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
            "pattern": r"[^:Z]*",
        },
    )
    begindatum: str = field(
        metadata={
            "name": "Begindatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
            "pattern": r"[^:Z]*",
        }
    )
    status_aanlevering: LdtStatusAanlevering = field(
        metadata={
            "name": "StatusAanlevering",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class StartProducten:
    start_product: list[StartProduct] = field(
        default_factory=list,
        metadata={
            "name": "StartProduct",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class Client:
    """
    Persoonsgegevens van de client.

    :ivar bsn: Een door de overheid toegekend identificerend nummer in het kader van het
        vereenvoudigen van het contact tussen overheid en burgers en het verminderen van de
        administratieve lasten.
    :ivar geboortedatum: Datum waarop een natuurlijk persoon geboren is.
    :ivar geslacht: De sekse van een persoon, zoals bij geboorte formeel vastgesteld of
        nadien formeel gewijzigd.
    :ivar naam: De naam van een natuurlijk persoon, aangeduid als Geslachtsnaam en eventueel
        Voornamen en/of Voorletters.
    :ivar start_producten:
    """

    bsn: str = field(
        metadata={
            "name": "Bsn",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
            "min_length": 1,
            "max_length": 9,
            "pattern": r"[0-9]{9}",
        }
    )
    geboortedatum: CdtGeboortedatum = field(
        metadata={
            "name": "Geboortedatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
        }
    )
    geslacht: LdtGeslacht = field(
        metadata={
            "name": "Geslacht",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
        }
    )
    naam: CdtVerkorteNaam = field(
        metadata={
            "name": "Naam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
        }
    )
    start_producten: StartProducten = field(
        metadata={
            "name": "StartProducten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Root:
    """
    Bericht voor het melden van de start van levering van Jeugdhulp.
    """

    header: Header = field(
        metadata={
            "name": "Header",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
        }
    )
    client: Client = field(
        metadata={
            "name": "Client",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw305/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Bericht(Root):
    class Meta:
        namespace = "http://www.istandaarden.nl/ijw/3_2/jw305/schema"
