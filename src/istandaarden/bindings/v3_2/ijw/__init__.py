from .basisschema import (
    CdtAchternaam,
    CdtAdres,
    CdtBedragMetDc,
    CdtBerichtIdentificatie,
    CdtCommunicatie,
    CdtGeboortedatum,
    CdtGeslotenPeriode,
    CdtHuis,
    CdtOmvang,
    CdtOpenPeriode,
    CdtProduct,
    CdtReferentie,
    CdtTelefoon,
    CdtTelefoonnummers,
    CdtTotaalBedragMetDc,
    CdtVerkorteNaam,
    CdtVerwijzer,
    CdtVolledigeNaam,
    CdtXsdVersie,
    LdtAanduidingWoonadres,
    LdtAdresSoort,
    LdtCommunicatievorm,
    LdtDatumGebruik,
    LdtDebetCredit,
    LdtEenheid,
    LdtFrequentie,
    LdtGeslacht,
    LdtJaNee,
    LdtJuridischeStatus,
    LdtLandCode,
    LdtNaamGebruik,
    LdtProductCategorie,
    LdtRedenAfwijzingVerzoek,
    LdtRedenBeeindiging,
    LdtRedenVerzoek,
    LdtRedenWijziging,
    LdtRetourCode,
    LdtSoortRelatie,
    LdtStatusAanlevering,
    LdtTypeVerwijzer,
    LdtVerzoekAntwoord,
    LdtWettelijkeVertegenwoordiging,
)
from .jw301 import (
    Bericht as Jw301Bericht,
)
from .jw301 import (
    Client as Jw301Client,
)
from .jw301 import (
    Contact as Jw301Contact,
)
from .jw301 import (
    Contactgegevens as Jw301Contactgegevens,
)
from .jw301 import (
    Header as Jw301Header,
)
from .jw301 import (
    Relatie as Jw301Relatie,
)
from .jw301 import (
    Relaties as Jw301Relaties,
)
from .jw301 import (
    Root as Jw301Root,
)
from .jw301 import (
    ToegewezenProduct as Jw301ToegewezenProduct,
)
from .jw301 import (
    ToegewezenProducten as Jw301ToegewezenProducten,
)
from .jw302 import (
    Bericht as Jw302Bericht,
)
from .jw302 import (
    Client as Jw302Client,
)
from .jw302 import (
    Contact as Jw302Contact,
)
from .jw302 import (
    Contactgegevens as Jw302Contactgegevens,
)
from .jw302 import (
    Header as Jw302Header,
)
from .jw302 import (
    Relatie as Jw302Relatie,
)
from .jw302 import (
    Relaties as Jw302Relaties,
)
from .jw302 import (
    RetourCodes as Jw302RetourCodes,
)
from .jw302 import (
    Root as Jw302Root,
)
from .jw302 import (
    ToegewezenProduct as Jw302ToegewezenProduct,
)
from .jw302 import (
    ToegewezenProducten as Jw302ToegewezenProducten,
)
from .jw305 import (
    Bericht as Jw305Bericht,
)
from .jw305 import (
    Client as Jw305Client,
)
from .jw305 import (
    Header as Jw305Header,
)
from .jw305 import (
    Root as Jw305Root,
)
from .jw305 import (
    StartProduct as Jw305StartProduct,
)
from .jw305 import (
    StartProducten as Jw305StartProducten,
)
from .jw306 import (
    Bericht as Jw306Bericht,
)
from .jw306 import (
    Client as Jw306Client,
)
from .jw306 import (
    Header as Jw306Header,
)
from .jw306 import (
    RetourCodes as Jw306RetourCodes,
)
from .jw306 import (
    Root as Jw306Root,
)
from .jw306 import (
    StartProduct as Jw306StartProduct,
)
from .jw306 import (
    StartProducten as Jw306StartProducten,
)
from .jw307 import (
    Bericht as Jw307Bericht,
)
from .jw307 import (
    Client as Jw307Client,
)
from .jw307 import (
    Header as Jw307Header,
)
from .jw307 import (
    Root as Jw307Root,
)
from .jw307 import (
    StopProduct as Jw307StopProduct,
)
from .jw307 import (
    StopProducten as Jw307StopProducten,
)
from .jw308 import (
    Bericht as Jw308Bericht,
)
from .jw308 import (
    Client as Jw308Client,
)
from .jw308 import (
    Header as Jw308Header,
)
from .jw308 import (
    RetourCodes as Jw308RetourCodes,
)
from .jw308 import (
    Root as Jw308Root,
)
from .jw308 import (
    StopProduct as Jw308StopProduct,
)
from .jw308 import (
    StopProducten as Jw308StopProducten,
)
from .jw315 import (
    AangevraagdeProducten as Jw315AangevraagdeProducten,
)
from .jw315 import (
    AangevraagdProduct as Jw315AangevraagdProduct,
)
from .jw315 import (
    Bericht as Jw315Bericht,
)
from .jw315 import (
    Client as Jw315Client,
)
from .jw315 import (
    Header as Jw315Header,
)
from .jw315 import (
    Root as Jw315Root,
)
from .jw316 import (
    AangevraagdeProducten as Jw316AangevraagdeProducten,
)
from .jw316 import (
    AangevraagdProduct as Jw316AangevraagdProduct,
)
from .jw316 import (
    Bericht as Jw316Bericht,
)
from .jw316 import (
    Client as Jw316Client,
)
from .jw316 import (
    Header as Jw316Header,
)
from .jw316 import (
    RetourCodes as Jw316RetourCodes,
)
from .jw316 import (
    Root as Jw316Root,
)
from .jw317 import (
    Bericht as Jw317Bericht,
)
from .jw317 import (
    Client as Jw317Client,
)
from .jw317 import (
    Header as Jw317Header,
)
from .jw317 import (
    NieuweProducten as Jw317NieuweProducten,
)
from .jw317 import (
    NieuwProduct as Jw317NieuwProduct,
)
from .jw317 import (
    OngewijzigdeProducten as Jw317OngewijzigdeProducten,
)
from .jw317 import (
    OngewijzigdProduct as Jw317OngewijzigdProduct,
)
from .jw317 import (
    Root as Jw317Root,
)
from .jw317 import (
    TeWijzigenProduct as Jw317TeWijzigenProduct,
)
from .jw317 import (
    TeWijzigenProducten as Jw317TeWijzigenProducten,
)
from .jw317 import (
    Verzoek as Jw317Verzoek,
)
from .jw318 import (
    Bericht as Jw318Bericht,
)
from .jw318 import (
    Client as Jw318Client,
)
from .jw318 import (
    Header as Jw318Header,
)
from .jw318 import (
    NieuweProducten as Jw318NieuweProducten,
)
from .jw318 import (
    NieuwProduct as Jw318NieuwProduct,
)
from .jw318 import (
    OngewijzigdeProducten as Jw318OngewijzigdeProducten,
)
from .jw318 import (
    OngewijzigdProduct as Jw318OngewijzigdProduct,
)
from .jw318 import (
    RetourCodes as Jw318RetourCodes,
)
from .jw318 import (
    Root as Jw318Root,
)
from .jw318 import (
    TeWijzigenProduct as Jw318TeWijzigenProduct,
)
from .jw318 import (
    TeWijzigenProducten as Jw318TeWijzigenProducten,
)
from .jw318 import (
    Verzoek as Jw318Verzoek,
)
from .jw319 import (
    Antwoord as Jw319Antwoord,
)
from .jw319 import (
    Bericht as Jw319Bericht,
)
from .jw319 import (
    Header as Jw319Header,
)
from .jw319 import (
    Root as Jw319Root,
)
from .jw319 import (
    Woonplaatsbeginsel as Jw319Woonplaatsbeginsel,
)
from .jw320 import (
    Antwoord as Jw320Antwoord,
)
from .jw320 import (
    Bericht as Jw320Bericht,
)
from .jw320 import (
    Header as Jw320Header,
)
from .jw320 import (
    RetourCodes as Jw320RetourCodes,
)
from .jw320 import (
    Root as Jw320Root,
)
from .jw320 import (
    Woonplaatsbeginsel as Jw320Woonplaatsbeginsel,
)
from .jw323 import (
    Bericht as Jw323Bericht,
)
from .jw323 import (
    Client as Jw323Client,
)
from .jw323 import (
    Clienten as Jw323Clienten,
)
from .jw323 import (
    Declaratie,
)
from .jw323 import (
    Header as Jw323Header,
)
from .jw323 import (
    Prestatie as Jw323Prestatie,
)
from .jw323 import (
    Prestaties as Jw323Prestaties,
)
from .jw323 import (
    Root as Jw323Root,
)
from .jw325 import (
    Bericht as Jw325Bericht,
)
from .jw325 import (
    Client as Jw325Client,
)
from .jw325 import (
    Clienten as Jw325Clienten,
)
from .jw325 import (
    DeclaratieAntwoord,
)
from .jw325 import (
    Header as Jw325Header,
)
from .jw325 import (
    Prestatie as Jw325Prestatie,
)
from .jw325 import (
    Prestaties as Jw325Prestaties,
)
from .jw325 import (
    RetourCodes as Jw325RetourCodes,
)
from .jw325 import (
    Root as Jw325Root,
)

__all__ = [
    "CdtAchternaam",
    "CdtAdres",
    "CdtBedragMetDc",
    "CdtBerichtIdentificatie",
    "CdtCommunicatie",
    "CdtGeboortedatum",
    "CdtGeslotenPeriode",
    "CdtHuis",
    "CdtOmvang",
    "CdtOpenPeriode",
    "CdtProduct",
    "CdtReferentie",
    "CdtTelefoon",
    "CdtTelefoonnummers",
    "CdtTotaalBedragMetDc",
    "CdtVerkorteNaam",
    "CdtVerwijzer",
    "CdtVolledigeNaam",
    "CdtXsdVersie",
    "LdtAanduidingWoonadres",
    "LdtAdresSoort",
    "LdtCommunicatievorm",
    "LdtDatumGebruik",
    "LdtDebetCredit",
    "LdtEenheid",
    "LdtFrequentie",
    "LdtGeslacht",
    "LdtJaNee",
    "LdtJuridischeStatus",
    "LdtLandCode",
    "LdtNaamGebruik",
    "LdtProductCategorie",
    "LdtRedenAfwijzingVerzoek",
    "LdtRedenBeeindiging",
    "LdtRedenVerzoek",
    "LdtRedenWijziging",
    "LdtRetourCode",
    "LdtSoortRelatie",
    "LdtStatusAanlevering",
    "LdtTypeVerwijzer",
    "LdtVerzoekAntwoord",
    "LdtWettelijkeVertegenwoordiging",
    "Jw301Bericht",
    "Jw301Client",
    "Jw301Contact",
    "Jw301Contactgegevens",
    "Jw301Header",
    "Jw301Relatie",
    "Jw301Relaties",
    "Jw301Root",
    "Jw301ToegewezenProduct",
    "Jw301ToegewezenProducten",
    "Jw302Bericht",
    "Jw302Client",
    "Jw302Contact",
    "Jw302Contactgegevens",
    "Jw302Header",
    "Jw302Relatie",
    "Jw302Relaties",
    "Jw302RetourCodes",
    "Jw302Root",
    "Jw302ToegewezenProduct",
    "Jw302ToegewezenProducten",
    "Jw305Bericht",
    "Jw305Client",
    "Jw305Header",
    "Jw305Root",
    "Jw305StartProduct",
    "Jw305StartProducten",
    "Jw306Bericht",
    "Jw306Client",
    "Jw306Header",
    "Jw306RetourCodes",
    "Jw306Root",
    "Jw306StartProduct",
    "Jw306StartProducten",
    "Jw307Bericht",
    "Jw307Client",
    "Jw307Header",
    "Jw307Root",
    "Jw307StopProduct",
    "Jw307StopProducten",
    "Jw308Bericht",
    "Jw308Client",
    "Jw308Header",
    "Jw308RetourCodes",
    "Jw308Root",
    "Jw308StopProduct",
    "Jw308StopProducten",
    "Jw315AangevraagdProduct",
    "Jw315AangevraagdeProducten",
    "Jw315Bericht",
    "Jw315Client",
    "Jw315Header",
    "Jw315Root",
    "Jw316AangevraagdProduct",
    "Jw316AangevraagdeProducten",
    "Jw316Bericht",
    "Jw316Client",
    "Jw316Header",
    "Jw316RetourCodes",
    "Jw316Root",
    "Jw317Bericht",
    "Jw317Client",
    "Jw317Header",
    "Jw317NieuwProduct",
    "Jw317NieuweProducten",
    "Jw317OngewijzigdProduct",
    "Jw317OngewijzigdeProducten",
    "Jw317Root",
    "Jw317TeWijzigenProduct",
    "Jw317TeWijzigenProducten",
    "Jw317Verzoek",
    "Jw318Bericht",
    "Jw318Client",
    "Jw318Header",
    "Jw318NieuwProduct",
    "Jw318NieuweProducten",
    "Jw318OngewijzigdProduct",
    "Jw318OngewijzigdeProducten",
    "Jw318RetourCodes",
    "Jw318Root",
    "Jw318TeWijzigenProduct",
    "Jw318TeWijzigenProducten",
    "Jw318Verzoek",
    "Jw319Antwoord",
    "Jw319Bericht",
    "Jw319Header",
    "Jw319Root",
    "Jw319Woonplaatsbeginsel",
    "Jw320Antwoord",
    "Jw320Bericht",
    "Jw320Header",
    "Jw320RetourCodes",
    "Jw320Root",
    "Jw320Woonplaatsbeginsel",
    "Jw323Bericht",
    "Jw323Client",
    "Jw323Clienten",
    "Declaratie",
    "Jw323Header",
    "Jw323Prestatie",
    "Jw323Prestaties",
    "Jw323Root",
    "Jw325Bericht",
    "Jw325Client",
    "Jw325Clienten",
    "DeclaratieAntwoord",
    "Jw325Header",
    "Jw325Prestatie",
    "Jw325Prestaties",
    "Jw325RetourCodes",
    "Jw325Root",
]
