from __future__ import annotations

from dataclasses import dataclass, field

from .basisschema import (
    CdtBerichtIdentificatie,
    CdtGeboortedatum,
    CdtOmvang,
    CdtProduct,
    CdtVerkorteNaam,
    CdtVerwijzer,
    CdtXsdVersie,
    LdtGeslacht,
    LdtJaNee,
    LdtRetourCode,
)

__NAMESPACE__ = "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema"


@dataclass(slots=True, kw_only=True)
class RetourCodes:
    """
    :ivar retour_code: Gecodeerde aanduiding in een retourbericht van het resultaat van de
        beoordeling van een (deel van het) ontvangen bericht.
    """

    retour_code: list[LdtRetourCode] = field(
        default_factory=list,
        metadata={
            "name": "RetourCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class AangevraagdProduct:
    """
    Gegevens over het product waarvoor een toewijzing wordt aangevraagd.

    :ivar referentie_aanbieder: Naam of nummer die als referentie kan worden meegegeven.
    :ivar beschikking_nummer: Identificerend nummer van een beschikking zoals vastgesteld
        door de gemeente.
    :ivar product: Gecodeerde omschrijving van een product, dienst of resultaat ten behoeve
        van het leveren van ondersteuning aan een client.
    :ivar beschikking_ingangsdatum: Ingangsdatum van een afgegeven beschikking.
    :ivar toewijzing_ingangsdatum: De aangevraagde Ingangsdatum van het toe te wijzen
        Product.
    :ivar toewijzing_einddatum: De aangevraagde Einddatum van het toe te wijzen Product.
    :ivar omvang: Aanduiding van de omvang van de te leveren of geleverde ondersteuning,
        uitgedrukt in Volume, Eenheid en Frequentie.
    :ivar budget: Aanduiding van het aangevraagde budget
    :ivar verwijzer: Gegevens over de persoon of instantie die een client heeft doorverwezen
        naar ondersteuning, aangeduid als Type en Naam of ZorgverlenerCode.
    :ivar raamcontract: Indicator of de aanbieder voor de te leveren ondersteuning beroep
        doet op een landelijk raamcontract.
    :ivar commentaar: Vrije tekst (bijvoorbeeld toelichting) in een bericht.
    :ivar retour_codes:
    """

    referentie_aanbieder: str = field(
        metadata={
            "name": "ReferentieAanbieder",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_length": 1,
            "max_length": 36,
            "pattern": r".*[^\s].*",
        }
    )
    beschikking_nummer: None | int = field(
        default=None,
        metadata={
            "name": "BeschikkingNummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
        },
    )
    product: None | CdtProduct = field(
        default=None,
        metadata={
            "name": "Product",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        },
    )
    beschikking_ingangsdatum: None | str = field(
        default=None,
        metadata={
            "name": "BeschikkingIngangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "pattern": r"[^:Z]*",
        },
    )
    toewijzing_ingangsdatum: str = field(
        metadata={
            "name": "ToewijzingIngangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "pattern": r"[^:Z]*",
        }
    )
    toewijzing_einddatum: None | str = field(
        default=None,
        metadata={
            "name": "ToewijzingEinddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "pattern": r"[^:Z]*",
        },
    )
    omvang: None | CdtOmvang = field(
        default=None,
        metadata={
            "name": "Omvang",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        },
    )
    budget: None | int = field(
        default=None,
        metadata={
            "name": "Budget",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999999,
        },
    )
    verwijzer: CdtVerwijzer = field(
        metadata={
            "name": "Verwijzer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        }
    )
    raamcontract: None | LdtJaNee = field(
        default=None,
        metadata={
            "name": "Raamcontract",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        },
    )
    commentaar: None | str = field(
        default=None,
        metadata={
            "name": "Commentaar",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_length": 1,
            "pattern": r"([.\s]*\S+[.\s]*)+",
        },
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        }
    )


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
    :ivar identificatie_retour: Naam of nummer ter identificatie van een retourbericht.
    :ivar dagtekening_retour: Dagtekening van het retourbericht.
    :ivar xslt_versie: Volgnummer van de formele uitgifte van een versie van de XSLT's die
        zijn ingezet voor de controle van het heenbericht.
    :ivar xsd_versie_retour: Volgnummer van de formele uitgifte van een versie van de XSD's
        die zijn ingezet voor het opstellen van het retourbericht.
    :ivar retour_codes:
    """

    bericht_code: str = field(
        metadata={
            "name": "BerichtCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_length": 1,
            "max_length": 3,
            "pattern": r"445",
        }
    )
    bericht_versie: int = field(
        metadata={
            "name": "BerichtVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"3",
        }
    )
    bericht_subversie: int = field(
        metadata={
            "name": "BerichtSubversie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"2",
        }
    )
    afzender: str = field(
        metadata={
            "name": "Afzender",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    ontvanger: str = field(
        metadata={
            "name": "Ontvanger",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_length": 1,
            "pattern": r"[0-9]{4}",
        }
    )
    bericht_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "BerichtIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        }
    )
    xsd_versie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        }
    )
    identificatie_retour: str = field(
        metadata={
            "name": "IdentificatieRetour",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_length": 1,
            "max_length": 12,
            "pattern": r".*[^\s].*",
        }
    )
    dagtekening_retour: str = field(
        metadata={
            "name": "DagtekeningRetour",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "pattern": r"[^:Z]*",
        }
    )
    xslt_versie: None | str = field(
        default=None,
        metadata={
            "name": "XsltVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_length": 1,
            "pattern": r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)",
        },
    )
    xsd_versie_retour: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersieRetour",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        }
    )
    retour_codes: None | RetourCodes = field(
        default=None,
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        },
    )


@dataclass(slots=True, kw_only=True)
class AangevraagdeProducten:
    aangevraagd_product: list[AangevraagdProduct] = field(
        default_factory=list,
        metadata={
            "name": "AangevraagdProduct",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
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
    :ivar naam: De achternaam van een natuurlijk persoon, aangeduid als Naam en Voorvoegsel.
    :ivar commentaar: Vrije tekst (bijvoorbeeld toelichting) in een bericht.
    :ivar aangevraagde_producten:
    :ivar retour_codes:
    """

    bsn: str = field(
        metadata={
            "name": "Bsn",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_length": 1,
            "max_length": 9,
            "pattern": r"[0-9]{9}",
        }
    )
    geboortedatum: CdtGeboortedatum = field(
        metadata={
            "name": "Geboortedatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        }
    )
    geslacht: LdtGeslacht = field(
        metadata={
            "name": "Geslacht",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        }
    )
    naam: CdtVerkorteNaam = field(
        metadata={
            "name": "Naam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        }
    )
    commentaar: None | str = field(
        default=None,
        metadata={
            "name": "Commentaar",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
            "min_length": 1,
            "pattern": r"([.\s]*\S+[.\s]*)+",
        },
    )
    aangevraagde_producten: AangevraagdeProducten = field(
        metadata={
            "name": "AangevraagdeProducten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        }
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Root:
    """
    Bericht voor het aanvragen van een toewijzing voor Wmo-ondersteuning.
    """

    header: Header = field(
        metadata={
            "name": "Header",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        }
    )
    client: None | Client = field(
        default=None,
        metadata={
            "name": "Client",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema",
        },
    )


@dataclass(slots=True, kw_only=True)
class Bericht(Root):
    class Meta:
        namespace = "http://www.istandaarden.nl/iwmo/3_2/wmo316/schema"
