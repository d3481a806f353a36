from __future__ import annotations

from dataclasses import dataclass, field

from .basisschema import (
    CdtAdres,
    CdtBerichtIdentificatie,
    CdtCommunicatie,
    CdtGeboortedatum,
    CdtOmvang,
    CdtOpenPeriode,
    CdtProduct,
    CdtTelefoonnummers,
    CdtVolledigeNaam,
    CdtXsdVersie,
    LdtAdresSoort,
    LdtGeslacht,
    LdtJuridischeStatus,
    LdtRedenWijziging,
    LdtRetourCode,
    LdtSoortRelatie,
    LdtWettelijkeVertegenwoordiging,
)

__NAMESPACE__ = "http://www.istandaarden.nl/ijw/3_2/jw302/schema"


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
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class Contact:
    """
    Gegevens voor de aanduiding van het adres van de client of relatie.

    :ivar soort: Nadere typering van het adres.
    :ivar adres: Adres van de client of relatie van de client.
    :ivar organisatie: De naam van een organisatie waar de client of relatie van de client
        verblijft.
    :ivar telefoon: De telefoonnummers waarop de client of relatie van de client te bereiken
        is.
    :ivar emailadres: Het e-mailadres van de client of relatie van de client.
    :ivar periode: Begindatum en/of een einddatum van het verblijf van de client of relatie
        van de client op een tijdelijk adres.
    :ivar retour_codes:
    """

    soort: LdtAdresSoort = field(
        metadata={
            "name": "Soort",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )
    adres: None | CdtAdres = field(
        default=None,
        metadata={
            "name": "Adres",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )
    organisatie: None | str = field(
        default=None,
        metadata={
            "name": "Organisatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_length": 1,
            "max_length": 35,
            "pattern": r".*[^\s].*",
        },
    )
    telefoon: None | CdtTelefoonnummers = field(
        default=None,
        metadata={
            "name": "Telefoon",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )
    emailadres: None | str = field(
        default=None,
        metadata={
            "name": "Emailadres",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_length": 1,
            "max_length": 80,
            "pattern": r".*[^\s].*",
        },
    )
    periode: None | CdtOpenPeriode = field(
        default=None,
        metadata={
            "name": "Periode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
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
    :ivar afzender: Identificatie van een gemeente die betrokken is bij de uitvoering van
        zorg of ondersteuning.
    :ivar ontvanger: Identificerende code van een aanbieder van zorg of ondersteuning.
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
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_length": 1,
            "max_length": 3,
            "pattern": r"437",
        }
    )
    bericht_versie: int = field(
        metadata={
            "name": "BerichtVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"3",
        }
    )
    bericht_subversie: int = field(
        metadata={
            "name": "BerichtSubversie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"2",
        }
    )
    afzender: str = field(
        metadata={
            "name": "Afzender",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_length": 1,
            "pattern": r"[0-9]{4}",
        }
    )
    ontvanger: str = field(
        metadata={
            "name": "Ontvanger",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    bericht_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "BerichtIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )
    xsd_versie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )
    identificatie_retour: str = field(
        metadata={
            "name": "IdentificatieRetour",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_length": 1,
            "max_length": 12,
            "pattern": r".*[^\s].*",
        }
    )
    dagtekening_retour: str = field(
        metadata={
            "name": "DagtekeningRetour",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "pattern": r"[^:Z]*",
        }
    )
    xslt_versie: None | str = field(
        default=None,
        metadata={
            "name": "XsltVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_length": 1,
            "pattern": r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)",
        },
    )
    xsd_versie_retour: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersieRetour",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )
    retour_codes: None | RetourCodes = field(
        default=None,
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )


@dataclass(slots=True, kw_only=True)
class ToegewezenProduct:
    """
    Gegevens over een product dat de gemeente toewijst aan een aanbieder.

    :ivar toewijzing_nummer: Identificerend nummer van de opdracht om een zorg - of
        ondersteuningsproduct te leveren, zoals vastgesteld door de gemeente.
    :ivar referentie_aanbieder: Naam of nummer die als referentie kan worden meegegeven.
    :ivar product: Gecodeerde omschrijving van een product, dienst of resultaat ten behoeve
        van het leveren van ondersteuning aan een client.
    :ivar toewijzingsdatum: De datum waarop de gemeente de toewijzing van de zorg aan de
        zorgaanbieder definitief heeft vastgesteld.
    :ivar toewijzingstijd: Het tijdstip waarop de gemeente de toewijzing van de zorg aan de
        zorgaanbieder definitief heeft vastgesteld.
    :ivar ingangsdatum: De datum waarop de toegewezen product voor de eerste keer geleverd
        dient te worden.
    :ivar einddatum: De datum waarop de toegewezen product voor de laatste keer geleverd
        dient te worden.
    :ivar reden_wijziging: De reden waarom een toewijzing wordt gewijzigd.
    :ivar omvang: Aanduiding van de omvang van de te leveren of geleverde ondersteuning,
        uitgedrukt in Volume, Eenheid en Frequentie.
    :ivar budget: Aanduiding van het toegewezen budget
    :ivar commentaar: Vrije tekst (bijvoorbeeld toelichting) in een bericht.
    :ivar retour_codes:
    """

    toewijzing_nummer: int = field(
        metadata={
            "name": "ToewijzingNummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
        }
    )
    referentie_aanbieder: None | str = field(
        default=None,
        metadata={
            "name": "ReferentieAanbieder",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_length": 1,
            "max_length": 36,
            "pattern": r".*[^\s].*",
        },
    )
    product: None | CdtProduct = field(
        default=None,
        metadata={
            "name": "Product",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )
    toewijzingsdatum: str = field(
        metadata={
            "name": "Toewijzingsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "pattern": r"[^:Z]*",
        }
    )
    toewijzingstijd: str = field(
        metadata={
            "name": "Toewijzingstijd",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "pattern": r"[^Z+-]+",
        }
    )
    ingangsdatum: str = field(
        metadata={
            "name": "Ingangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "pattern": r"[^:Z]*",
        }
    )
    einddatum: None | str = field(
        default=None,
        metadata={
            "name": "Einddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "pattern": r"[^:Z]*",
        },
    )
    reden_wijziging: None | LdtRedenWijziging = field(
        default=None,
        metadata={
            "name": "RedenWijziging",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )
    omvang: None | CdtOmvang = field(
        default=None,
        metadata={
            "name": "Omvang",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )
    budget: None | int = field(
        default=None,
        metadata={
            "name": "Budget",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999999,
        },
    )
    commentaar: None | str = field(
        default=None,
        metadata={
            "name": "Commentaar",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_length": 1,
            "pattern": r"([.\s]*\S+[.\s]*)+",
        },
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Contactgegevens:
    contact: list[Contact] = field(
        default_factory=list,
        metadata={
            "name": "Contact",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class Relatie:
    """
    Persoonsgegevens van de relatie van de client.

    :ivar nummer: Identificerend nummer van de relatie van een client.
    :ivar volgorde: Aanduiding van de prioriteit van de contactpersoon.
    :ivar soort: De soort relatie die een persoon ten opzichte van de client heeft.
    :ivar geboortedatum: Datum waarop een natuurlijk persoon geboren is.
    :ivar geslacht: De sekse van een persoon, zoals bij geboorte formeel vastgesteld of
        nadien formeel gewijzigd.
    :ivar naam: Volledige naam van een natuurlijk persoon, aangeduid als Geslachtsnaam,
        eventueel Partnernaam, Voornamen en/of Voorletters en NaamGebruik.
    :ivar contact:
    :ivar retour_codes:
    """

    nummer: str = field(
        metadata={
            "name": "Nummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_length": 1,
            "max_length": 20,
            "pattern": r".*[^\s].*",
        }
    )
    volgorde: None | int = field(
        default=None,
        metadata={
            "name": "Volgorde",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
        },
    )
    soort: LdtSoortRelatie = field(
        metadata={
            "name": "Soort",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )
    geboortedatum: None | CdtGeboortedatum = field(
        default=None,
        metadata={
            "name": "Geboortedatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )
    geslacht: None | LdtGeslacht = field(
        default=None,
        metadata={
            "name": "Geslacht",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )
    naam: CdtVolledigeNaam = field(
        metadata={
            "name": "Naam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )
    contact: Contact = field(
        metadata={
            "name": "Contact",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class ToegewezenProducten:
    toegewezen_product: list[ToegewezenProduct] = field(
        default_factory=list,
        metadata={
            "name": "ToegewezenProduct",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class Relaties:
    relatie: list[Relatie] = field(
        default_factory=list,
        metadata={
            "name": "Relatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
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
    :ivar naam: Volledige naam van een natuurlijk persoon, aangeduid als Geslachtsnaam,
        eventueel Partnernaam, Voornamen en/of Voorletters en NaamGebruik.
    :ivar communicatie: Aanduiding over bijzondere vorm van communicatie die gebruikt dient
        te worden.
    :ivar juridische_status: Juridische situatie die voor de client van toepassing is op het
        moment van indicatiestelling.
    :ivar wettelijke_vertegenwoordiging: Wettelijke vertegenwoordiging die voor de client van
        toepassing is op het moment van beoordeling.
    :ivar commentaar: Vrije tekst (bijvoorbeeld toelichting) in een bericht.
    :ivar relaties:
    :ivar contactgegevens:
    :ivar toegewezen_producten:
    :ivar retour_codes:
    """

    bsn: str = field(
        metadata={
            "name": "Bsn",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_length": 1,
            "max_length": 9,
            "pattern": r"[0-9]{9}",
        }
    )
    geboortedatum: CdtGeboortedatum = field(
        metadata={
            "name": "Geboortedatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )
    geslacht: LdtGeslacht = field(
        metadata={
            "name": "Geslacht",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )
    naam: CdtVolledigeNaam = field(
        metadata={
            "name": "Naam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )
    communicatie: None | CdtCommunicatie = field(
        default=None,
        metadata={
            "name": "Communicatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )
    juridische_status: None | LdtJuridischeStatus = field(
        default=None,
        metadata={
            "name": "JuridischeStatus",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )
    wettelijke_vertegenwoordiging: None | LdtWettelijkeVertegenwoordiging = field(
        default=None,
        metadata={
            "name": "WettelijkeVertegenwoordiging",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )
    commentaar: None | str = field(
        default=None,
        metadata={
            "name": "Commentaar",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
            "min_length": 1,
            "pattern": r"([.\s]*\S+[.\s]*)+",
        },
    )
    relaties: None | Relaties = field(
        default=None,
        metadata={
            "name": "Relaties",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )
    contactgegevens: Contactgegevens = field(
        metadata={
            "name": "Contactgegevens",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )
    toegewezen_producten: ToegewezenProducten = field(
        metadata={
            "name": "ToegewezenProducten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Root:
    """
    Bericht voor de toewijzing van Jeugdhulp aan een aanbieder.
    """

    header: Header = field(
        metadata={
            "name": "Header",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        }
    )
    client: None | Client = field(
        default=None,
        metadata={
            "name": "Client",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw302/schema",
        },
    )


@dataclass(slots=True, kw_only=True)
class Bericht(Root):
    class Meta:
        namespace = "http://www.istandaarden.nl/ijw/3_2/jw302/schema"
