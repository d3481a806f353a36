from __future__ import annotations

from dataclasses import dataclass, field

from .basisschema import (
    CdtBerichtIdentificatie,
    CdtOmvang,
    CdtProduct,
    CdtXsdVersie,
    LdtRedenVerzoek,
)

__NAMESPACE__ = "http://www.istandaarden.nl/ijw/3_2/jw317/schema"


@dataclass(slots=True, kw_only=True)
class OngewijzigdProduct:
    """
    Gegevens over het product dat ongewijzigd voortgezet gaat worden.

    :ivar toewijzing_nummer: Identificerend nummer van de opdracht om een zorg - of
        ondersteuningsproduct te leveren, zoals vastgesteld door de gemeente.
    """

    toewijzing_nummer: int = field(
        metadata={
            "name": "ToewijzingNummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
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
    """

    bericht_code: str = field(
        metadata={
            "name": "BerichtCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "min_length": 1,
            "max_length": 3,
            "pattern": r"486",
        }
    )
    bericht_versie: int = field(
        metadata={
            "name": "BerichtVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"3",
        }
    )
    bericht_subversie: int = field(
        metadata={
            "name": "BerichtSubversie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"2",
        }
    )
    afzender: str = field(
        metadata={
            "name": "Afzender",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    ontvanger: str = field(
        metadata={
            "name": "Ontvanger",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "min_length": 1,
            "pattern": r"[0-9]{4}",
        }
    )
    bericht_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "BerichtIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
        }
    )
    xsd_versie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
        }
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
    """

    product: None | CdtProduct = field(
        default=None,
        metadata={
            "name": "Product",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
        },
    )
    gewenste_ingangsdatum: str = field(
        metadata={
            "name": "GewensteIngangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "pattern": r"[^:Z]*",
        }
    )
    einddatum: None | str = field(
        default=None,
        metadata={
            "name": "Einddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "pattern": r"[^:Z]*",
        },
    )
    omvang: None | CdtOmvang = field(
        default=None,
        metadata={
            "name": "Omvang",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
        },
    )
    budget: None | int = field(
        default=None,
        metadata={
            "name": "Budget",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999999,
        },
    )


@dataclass(slots=True, kw_only=True)
class OngewijzigdeProducten:
    ongewijzigd_product: list[OngewijzigdProduct] = field(
        default_factory=list,
        metadata={
            "name": "OngewijzigdProduct",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "min_occurs": 1,
        },
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
    """

    toewijzing_nummer: int = field(
        metadata={
            "name": "ToewijzingNummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
        }
    )
    gewenste_ingangsdatum: str = field(
        metadata={
            "name": "GewensteIngangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "pattern": r"[^:Z]*",
        }
    )
    einddatum: None | str = field(
        default=None,
        metadata={
            "name": "Einddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "pattern": r"[^:Z]*",
        },
    )
    omvang: None | CdtOmvang = field(
        default=None,
        metadata={
            "name": "Omvang",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
        },
    )
    budget: None | int = field(
        default=None,
        metadata={
            "name": "Budget",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999999,
        },
    )


@dataclass(slots=True, kw_only=True)
class NieuweProducten:
    nieuw_product: list[NieuwProduct] = field(
        default_factory=list,
        metadata={
            "name": "NieuwProduct",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
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
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
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
    """

    referentie_aanbieder: str = field(
        metadata={
            "name": "ReferentieAanbieder",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "min_length": 1,
            "max_length": 36,
            "pattern": r".*[^\s].*",
        }
    )
    reden_verzoek: LdtRedenVerzoek = field(
        metadata={
            "name": "RedenVerzoek",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
        }
    )
    ongewijzigde_producten: None | OngewijzigdeProducten = field(
        default=None,
        metadata={
            "name": "OngewijzigdeProducten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
        },
    )
    te_wijzigen_producten: None | TeWijzigenProducten = field(
        default=None,
        metadata={
            "name": "TeWijzigenProducten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
        },
    )
    nieuwe_producten: None | NieuweProducten = field(
        default=None,
        metadata={
            "name": "NieuweProducten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
        },
    )


@dataclass(slots=True, kw_only=True)
class Client:
    """
    :ivar bsn: Een door de overheid toegekend identificerend nummer in het kader van het
        vereenvoudigen van het contact tussen overheid en burgers en het verminderen van de
        administratieve lasten.
    :ivar verzoek:
    """

    bsn: str = field(
        metadata={
            "name": "Bsn",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
            "min_length": 1,
            "max_length": 9,
            "pattern": r"[0-9]{9}",
        }
    )
    verzoek: Verzoek = field(
        metadata={
            "name": "Verzoek",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
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
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
        }
    )
    client: Client = field(
        metadata={
            "name": "Client",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/jw317/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class Bericht(Root):
    class Meta:
        namespace = "http://www.istandaarden.nl/ijw/3_2/jw317/schema"
