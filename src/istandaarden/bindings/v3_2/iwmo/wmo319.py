from __future__ import annotations

from dataclasses import dataclass, field

from .basisschema import (
    CdtBerichtIdentificatie,
    CdtXsdVersie,
    LdtRedenAfwijzingVerzoek,
    LdtVerzoekAntwoord,
)

__NAMESPACE__ = "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema"


@dataclass(slots=True, kw_only=True)
class Antwoord:
    """
    Gegevens over het antwoord dat de gemeente geeft op een verzoek van de aanbieder.

    :ivar referentie_aanbieder:
    :ivar verzoek_antwoord: Het antwoord op een verzoek.
    :ivar reden_afwijzing_verzoek: De reden waarom een verzoek van een zorgaanbieder wordt
        afgewezen door de gemeente.
    """

    referentie_aanbieder: str = field(
        metadata={
            "name": "ReferentieAanbieder",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema",
            "min_length": 1,
            "max_length": 36,
            "pattern": r".*[^\s].*",
        }
    )
    verzoek_antwoord: LdtVerzoekAntwoord = field(
        metadata={
            "name": "VerzoekAntwoord",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema",
        }
    )
    reden_afwijzing_verzoek: None | LdtRedenAfwijzingVerzoek = field(
        default=None,
        metadata={
            "name": "RedenAfwijzingVerzoek",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema",
        },
    )


@dataclass(slots=True, kw_only=True)
class Header:
    """
    :ivar bericht_code: Code ter identificatie van een soort bericht.
    :ivar bericht_versie: Volgnummer van de formele uitgifte van een major release van een
        iStandaard.
    :ivar bericht_subversie: Volgnummer van de formele uitgifte van een minor release van een
        iStandaard.
    :ivar afzender: Identificatie van een gemeente die betrokken is bij de uitvoering van
        zorg of ondersteuning.
    :ivar ontvanger: Identificerende code van een aanbieder van zorg of ondersteuning.
    :ivar bericht_identificatie: Naam of nummer en dagtekening ter identificatie van een
        totale aanlevering.
    :ivar xsd_versie: Volgnummer van de formele uitgifte van een versie van de XSD's die zijn
        ingezet voor het opstellen van het heenbericht.
    """

    bericht_code: str = field(
        metadata={
            "name": "BerichtCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema",
            "min_length": 1,
            "max_length": 3,
            "pattern": r"482",
        }
    )
    bericht_versie: int = field(
        metadata={
            "name": "BerichtVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"3",
        }
    )
    bericht_subversie: int = field(
        metadata={
            "name": "BerichtSubversie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"2",
        }
    )
    afzender: str = field(
        metadata={
            "name": "Afzender",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema",
            "min_length": 1,
            "pattern": r"[0-9]{4}",
        }
    )
    ontvanger: str = field(
        metadata={
            "name": "Ontvanger",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    bericht_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "BerichtIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema",
        }
    )
    xsd_versie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Root:
    """
    Bericht voor antwoordinformatie over het Verzoek om toewijzing of Verzoek om wijziging
    Wmo-hulp.
    """

    header: Header = field(
        metadata={
            "name": "Header",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema",
        }
    )
    antwoord: Antwoord = field(
        metadata={
            "name": "Antwoord",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Bericht(Root):
    class Meta:
        namespace = "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema"
