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
    LdtRetourCode,
)

__NAMESPACE__ = "http://www.istandaarden.nl/ijw/3_2/jw325/schema"


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
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_occurs": 1,
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
    :ivar declaratie_identificatie: DeclaratieIdentificatie dient om het declaratie-
        antwoordbericht en het eerder verstuurde declaratiebericht aan elkaar te koppelen.
    :ivar xslt_versie:
    :ivar xsd_versie_declaratie:
    :ivar retour_codes:
    """

    bericht_code: str = field(
        metadata={
            "name": "BerichtCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_length": 1,
            "max_length": 3,
            "pattern": r"491",
        }
    )
    bericht_versie: int = field(
        metadata={
            "name": "BerichtVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"3",
        }
    )
    bericht_subversie: int = field(
        metadata={
            "name": "BerichtSubversie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"2",
        }
    )
    afzender: str = field(
        metadata={
            "name": "Afzender",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_length": 1,
            "pattern": r"[0-9]{4}",
        }
    )
    ontvanger: str = field(
        metadata={
            "name": "Ontvanger",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    bericht_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "BerichtIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )
    xsd_versie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )
    declaratie_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "DeclaratieIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )
    xslt_versie: None | str = field(
        default=None,
        metadata={
            "name": "XsltVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_length": 1,
            "pattern": r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)",
        },
    )
    xsd_versie_declaratie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersieDeclaratie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
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
    :ivar product_periode: Periode binnen de declaratie-/factuurperiode waarop het product
        feitelijk is of wordt uitgevoerd.
    :ivar geleverd_volume: Hoeveelheid verricht product in een prestatieperiode.
    :ivar eenheid: De eenheid waarin de zorg/behandeling wordt uitgedrukt.
    :ivar product_tarief: Tarief van een individueel product.
    :ivar ingediend_bedrag: Het bedrag dat gedeclareerd wordt.
    :ivar retour_codes:
    """

    product_referentie: CdtReferentie = field(
        metadata={
            "name": "ProductReferentie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )
    toewijzing_nummer: int = field(
        metadata={
            "name": "ToewijzingNummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
        }
    )
    product_categorie: LdtProductCategorie = field(
        metadata={
            "name": "ProductCategorie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )
    product_code: str = field(
        metadata={
            "name": "ProductCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_length": 1,
            "max_length": 5,
            "pattern": r".*[^\s].*",
        }
    )
    product_periode: CdtGeslotenPeriode = field(
        metadata={
            "name": "ProductPeriode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )
    geleverd_volume: int = field(
        metadata={
            "name": "GeleverdVolume",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999999,
        }
    )
    eenheid: LdtEenheid = field(
        metadata={
            "name": "Eenheid",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )
    product_tarief: None | int = field(
        default=None,
        metadata={
            "name": "ProductTarief",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999999,
        },
    )
    ingediend_bedrag: CdtBedragMetDc = field(
        metadata={
            "name": "IngediendBedrag",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Prestaties:
    prestatie: list[Prestatie] = field(
        default_factory=list,
        metadata={
            "name": "Prestatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
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
    :ivar retour_codes:
    """

    bsn: str = field(
        metadata={
            "name": "Bsn",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_length": 1,
            "max_length": 9,
            "pattern": r"[0-9]{9}",
        }
    )
    prestaties: Prestaties = field(
        metadata={
            "name": "Prestaties",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Clienten:
    client: list[Client] = field(
        default_factory=list,
        metadata={
            "name": "Client",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class DeclaratieAntwoord:
    """
    Gegevens over het antwoord op een ingediende declaratie.

    :ivar declaratie_nummer: Unieke identificatie van een declaratie
    :ivar totaal_ingediend_bedrag: Het bedrag dat in zijn totaliteit gedeclareerd is.
    :ivar totaal_toegekend_bedrag: Het bedrag dat in zijn totaliteit toegekend is.
    :ivar clienten:
    :ivar retour_codes:
    """

    declaratie_nummer: str = field(
        metadata={
            "name": "DeclaratieNummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
            "min_length": 1,
            "max_length": 12,
        }
    )
    totaal_ingediend_bedrag: CdtTotaalBedragMetDc = field(
        metadata={
            "name": "TotaalIngediendBedrag",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )
    totaal_toegekend_bedrag: CdtTotaalBedragMetDc = field(
        metadata={
            "name": "TotaalToegekendBedrag",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )
    clienten: None | Clienten = field(
        default=None,
        metadata={
            "name": "Clienten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        },
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Root:
    """
    Bericht met retourinformatie voor declaratie Jeugdhulp.
    """

    header: Header = field(
        metadata={
            "name": "Header",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        }
    )
    declaratie_antwoord: None | DeclaratieAntwoord = field(
        default=None,
        metadata={
            "name": "DeclaratieAntwoord",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw325/schema",
        },
    )


@dataclass(slots=True, kw_only=True)
class Bericht(Root):
    class Meta:
        namespace = "http://www.istandaarden.nl/ijw/3_2/jw325/schema"
