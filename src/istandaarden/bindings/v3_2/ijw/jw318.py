from __future__ import annotations

from dataclasses import dataclass, field

from .basisschema import (
    CdtBerichtIdentificatie,
    CdtOmvang,
    CdtProduct,
    CdtXsdVersie,
    LdtRedenVerzoek,
    LdtRetourCode,
)

__NAMESPACE__ = "http://www.istandaarden.nl/ijw/3_2/jw318/schema"


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
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
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
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_length": 1,
            "max_length": 3,
            "pattern": r"487",
        }
    )
    bericht_versie: int = field(
        metadata={
            "name": "BerichtVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"3",
        }
    )
    bericht_subversie: int = field(
        metadata={
            "name": "BerichtSubversie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"2",
        }
    )
    afzender: str = field(
        metadata={
            "name": "Afzender",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    ontvanger: str = field(
        metadata={
            "name": "Ontvanger",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_length": 1,
            "pattern": r"[0-9]{4}",
        }
    )
    bericht_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "BerichtIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        }
    )
    xsd_versie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        }
    )
    identificatie_retour: str = field(
        metadata={
            "name": "IdentificatieRetour",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_length": 1,
            "max_length": 12,
            "pattern": r".*[^\s].*",
        }
    )
    dagtekening_retour: str = field(
        metadata={
            "name": "DagtekeningRetour",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "pattern": r"[^:Z]*",
        }
    )
    xslt_versie: None | str = field(
        default=None,
        metadata={
            "name": "XsltVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_length": 1,
            "pattern": r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)",
        },
    )
    xsd_versie_retour: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersieRetour",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        }
    )
    retour_codes: None | RetourCodes = field(
        default=None,
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        },
    )


@dataclass(slots=True, kw_only=True)
class NieuwProduct:
    """
    Gegevens over het product waarvoor een toewijzing wordt aangevraagd.

    :ivar product:
    :ivar gewenste_ingangsdatum: De gewenste ingangsdatum van het nieuw toe te wijzen product
        of budget.
    :ivar einddatum: De gewenste Einddatum van het toe te wijzen Product of Budget.
    :ivar omvang: Aanduiding van de omvang van de te leveren of geleverde ondersteuning,
        uitgedrukt in Volume, Eenheid en Frequentie.
    :ivar budget: Aanduiding van het toe te wijzen budget
    :ivar retour_codes:
    """

    product: None | CdtProduct = field(
        default=None,
        metadata={
            "name": "Product",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        },
    )
    gewenste_ingangsdatum: str = field(
        metadata={
            "name": "GewensteIngangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "pattern": r"[^:Z]*",
        }
    )
    einddatum: None | str = field(
        default=None,
        metadata={
            "name": "Einddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "pattern": r"[^:Z]*",
        },
    )
    omvang: None | CdtOmvang = field(
        default=None,
        metadata={
            "name": "Omvang",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        },
    )
    budget: None | int = field(
        default=None,
        metadata={
            "name": "Budget",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999999,
        },
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class OngewijzigdProduct:
    """
    Gegevens over het product dat ongewijzigd voortgezet gaat worden.

    :ivar toewijzing_nummer: Identificerend nummer van de opdracht om een zorg - of
        ondersteuningsproduct te leveren, zoals vastgesteld door de gemeente.
    :ivar retour_codes:
    """

    toewijzing_nummer: int = field(
        metadata={
            "name": "ToewijzingNummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
        }
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class TeWijzigenProduct:
    """
    Gegevens over het product waarvoor een wijziging wordt aangevraagd.

    :ivar toewijzing_nummer: Identificerend nummer van de opdracht om een zorg - of
        ondersteuningsproduct te leveren, zoals vastgesteld door de gemeente.
    :ivar gewenste_ingangsdatum: De gewenste ingangsdatum van het te wijzigen product of
        budget.
    :ivar einddatum: De gewenste Einddatum van het toe te wijzen Product of Budget.
    :ivar omvang: Aanduiding van de omvang van de te leveren of geleverde ondersteuning,
        uitgedrukt in Volume, Eenheid en Frequentie.
    :ivar budget: Aanduiding van het toe te wijzen budget
    :ivar retour_codes:
    """

    toewijzing_nummer: int = field(
        metadata={
            "name": "ToewijzingNummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
        }
    )
    gewenste_ingangsdatum: str = field(
        metadata={
            "name": "GewensteIngangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "pattern": r"[^:Z]*",
        }
    )
    einddatum: None | str = field(
        default=None,
        metadata={
            "name": "Einddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "pattern": r"[^:Z]*",
        },
    )
    omvang: None | CdtOmvang = field(
        default=None,
        metadata={
            "name": "Omvang",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        },
    )
    budget: None | int = field(
        default=None,
        metadata={
            "name": "Budget",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999999,
        },
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class NieuweProducten:
    nieuw_product: list[NieuwProduct] = field(
        default_factory=list,
        metadata={
            "name": "NieuwProduct",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class OngewijzigdeProducten:
    ongewijzigd_product: list[OngewijzigdProduct] = field(
        default_factory=list,
        metadata={
            "name": "OngewijzigdProduct",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class TeWijzigenProducten:
    te_wijzigen_product: list[TeWijzigenProduct] = field(
        default_factory=list,
        metadata={
            "name": "TeWijzigenProduct",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class Verzoek:
    """
    :ivar referentie_aanbieder: Naam of nummer die als referentie kan worden meegegeven.
    :ivar reden_verzoek: Reden waarom een verzoek wordt ingediend.
    :ivar ongewijzigde_producten:
    :ivar te_wijzigen_producten:
    :ivar nieuwe_producten:
    :ivar retour_codes:
    """

    referentie_aanbieder: str = field(
        metadata={
            "name": "ReferentieAanbieder",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_length": 1,
            "max_length": 36,
            "pattern": r".*[^\s].*",
        }
    )
    reden_verzoek: LdtRedenVerzoek = field(
        metadata={
            "name": "RedenVerzoek",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        }
    )
    ongewijzigde_producten: None | OngewijzigdeProducten = field(
        default=None,
        metadata={
            "name": "OngewijzigdeProducten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        },
    )
    te_wijzigen_producten: None | TeWijzigenProducten = field(
        default=None,
        metadata={
            "name": "TeWijzigenProducten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        },
    )
    nieuwe_producten: None | NieuweProducten = field(
        default=None,
        metadata={
            "name": "NieuweProducten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        },
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Client:
    """
    :ivar bsn: Een door de overheid toegekend identificerend nummer in het kader van het
        vereenvoudigen van het contact tussen overheid en burgers en het verminderen van de
        administratieve lasten.
    :ivar verzoek:
    :ivar retour_codes:
    """

    bsn: str = field(
        metadata={
            "name": "Bsn",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
            "min_length": 1,
            "max_length": 9,
            "pattern": r"[0-9]{9}",
        }
    )
    verzoek: Verzoek = field(
        metadata={
            "name": "Verzoek",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        }
    )
    retour_codes: RetourCodes = field(
        metadata={
            "name": "RetourCodes",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Root:
    """
    Bericht voor Verzoek om wijziging Jeugdhulp.
    """

    header: Header = field(
        metadata={
            "name": "Header",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        }
    )
    client: None | Client = field(
        default=None,
        metadata={
            "name": "Client",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw318/schema",
        },
    )


@dataclass(slots=True, kw_only=True)
class Bericht(Root):
    class Meta:
        namespace = "http://www.istandaarden.nl/ijw/3_2/jw318/schema"
