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
from .wmo301 import (
    Bericht as Wmo301Bericht,
)
from .wmo301 import (
    Client as Wmo301Client,
)
from .wmo301 import (
    Contact as Wmo301Contact,
)
from .wmo301 import (
    Contactgegevens as Wmo301Contactgegevens,
)
from .wmo301 import (
    Header as Wmo301Header,
)
from .wmo301 import (
    Relatie as Wmo301Relatie,
)
from .wmo301 import (
    Relaties as Wmo301Relaties,
)
from .wmo301 import (
    Root as Wmo301Root,
)
from .wmo301 import (
    ToegewezenProduct as Wmo301ToegewezenProduct,
)
from .wmo301 import (
    ToegewezenProducten as Wmo301ToegewezenProducten,
)
from .wmo302 import (
    Bericht as Wmo302Bericht,
)
from .wmo302 import (
    Client as Wmo302Client,
)
from .wmo302 import (
    Contact as Wmo302Contact,
)
from .wmo302 import (
    Contactgegevens as Wmo302Contactgegevens,
)
from .wmo302 import (
    Header as Wmo302Header,
)
from .wmo302 import (
    Relatie as Wmo302Relatie,
)
from .wmo302 import (
    Relaties as Wmo302Relaties,
)
from .wmo302 import (
    RetourCodes as Wmo302RetourCodes,
)
from .wmo302 import (
    Root as Wmo302Root,
)
from .wmo302 import (
    ToegewezenProduct as Wmo302ToegewezenProduct,
)
from .wmo302 import (
    ToegewezenProducten as Wmo302ToegewezenProducten,
)
from .wmo305 import (
    Bericht as Wmo305Bericht,
)
from .wmo305 import (
    Client as Wmo305Client,
)
from .wmo305 import (
    Header as Wmo305Header,
)
from .wmo305 import (
    Root as Wmo305Root,
)
from .wmo305 import (
    StartProduct as Wmo305StartProduct,
)
from .wmo305 import (
    StartProducten as Wmo305StartProducten,
)
from .wmo306 import (
    Bericht as Wmo306Bericht,
)
from .wmo306 import (
    Client as Wmo306Client,
)
from .wmo306 import (
    Header as Wmo306Header,
)
from .wmo306 import (
    RetourCodes as Wmo306RetourCodes,
)
from .wmo306 import (
    Root as Wmo306Root,
)
from .wmo306 import (
    StartProduct as Wmo306StartProduct,
)
from .wmo306 import (
    StartProducten as Wmo306StartProducten,
)
from .wmo307 import (
    Bericht as Wmo307Bericht,
)
from .wmo307 import (
    Client as Wmo307Client,
)
from .wmo307 import (
    Header as Wmo307Header,
)
from .wmo307 import (
    Root as Wmo307Root,
)
from .wmo307 import (
    StopProduct as Wmo307StopProduct,
)
from .wmo307 import (
    StopProducten as Wmo307StopProducten,
)
from .wmo308 import (
    Bericht as Wmo308Bericht,
)
from .wmo308 import (
    Client as Wmo308Client,
)
from .wmo308 import (
    Header as Wmo308Header,
)
from .wmo308 import (
    RetourCodes as Wmo308RetourCodes,
)
from .wmo308 import (
    Root as Wmo308Root,
)
from .wmo308 import (
    StopProduct as Wmo308StopProduct,
)
from .wmo308 import (
    StopProducten as Wmo308StopProducten,
)
from .wmo315 import (
    AangevraagdeProducten as Wmo315AangevraagdeProducten,
)
from .wmo315 import (
    AangevraagdProduct as Wmo315AangevraagdProduct,
)
from .wmo315 import (
    Bericht as Wmo315Bericht,
)
from .wmo315 import (
    Client as Wmo315Client,
)
from .wmo315 import (
    Header as Wmo315Header,
)
from .wmo315 import (
    Root as Wmo315Root,
)
from .wmo316 import (
    AangevraagdeProducten as Wmo316AangevraagdeProducten,
)
from .wmo316 import (
    AangevraagdProduct as Wmo316AangevraagdProduct,
)
from .wmo316 import (
    Bericht as Wmo316Bericht,
)
from .wmo316 import (
    Client as Wmo316Client,
)
from .wmo316 import (
    Header as Wmo316Header,
)
from .wmo316 import (
    RetourCodes as Wmo316RetourCodes,
)
from .wmo316 import (
    Root as Wmo316Root,
)
from .wmo317 import (
    Bericht as Wmo317Bericht,
)
from .wmo317 import (
    Client as Wmo317Client,
)
from .wmo317 import (
    Header as Wmo317Header,
)
from .wmo317 import (
    NieuweProducten as Wmo317NieuweProducten,
)
from .wmo317 import (
    NieuwProduct as Wmo317NieuwProduct,
)
from .wmo317 import (
    OngewijzigdeProducten as Wmo317OngewijzigdeProducten,
)
from .wmo317 import (
    OngewijzigdProduct as Wmo317OngewijzigdProduct,
)
from .wmo317 import (
    Root as Wmo317Root,
)
from .wmo317 import (
    TeWijzigenProduct as Wmo317TeWijzigenProduct,
)
from .wmo317 import (
    TeWijzigenProducten as Wmo317TeWijzigenProducten,
)
from .wmo317 import (
    Verzoek as Wmo317Verzoek,
)
from .wmo318 import (
    Bericht as Wmo318Bericht,
)
from .wmo318 import (
    Client as Wmo318Client,
)
from .wmo318 import (
    Header as Wmo318Header,
)
from .wmo318 import (
    NieuweProducten as Wmo318NieuweProducten,
)
from .wmo318 import (
    NieuwProduct as Wmo318NieuwProduct,
)
from .wmo318 import (
    OngewijzigdeProducten as Wmo318OngewijzigdeProducten,
)
from .wmo318 import (
    OngewijzigdProduct as Wmo318OngewijzigdProduct,
)
from .wmo318 import (
    RetourCodes as Wmo318RetourCodes,
)
from .wmo318 import (
    Root as Wmo318Root,
)
from .wmo318 import (
    TeWijzigenProduct as Wmo318TeWijzigenProduct,
)
from .wmo318 import (
    TeWijzigenProducten as Wmo318TeWijzigenProducten,
)
from .wmo318 import (
    Verzoek as Wmo318Verzoek,
)
from .wmo319 import (
    Antwoord as Wmo319Antwoord,
)
from .wmo319 import (
    Bericht as Wmo319Bericht,
)
from .wmo319 import (
    Header as Wmo319Header,
)
from .wmo319 import (
    Root as Wmo319Root,
)
from .wmo320 import (
    Antwoord as Wmo320Antwoord,
)
from .wmo320 import (
    Bericht as Wmo320Bericht,
)
from .wmo320 import (
    Header as Wmo320Header,
)
from .wmo320 import (
    RetourCodes as Wmo320RetourCodes,
)
from .wmo320 import (
    Root as Wmo320Root,
)
from .wmo323 import (
    Bericht as Wmo323Bericht,
)
from .wmo323 import (
    Client as Wmo323Client,
)
from .wmo323 import (
    Clienten as Wmo323Clienten,
)
from .wmo323 import (
    Declaratie,
)
from .wmo323 import (
    Header as Wmo323Header,
)
from .wmo323 import (
    Prestatie as Wmo323Prestatie,
)
from .wmo323 import (
    Prestaties as Wmo323Prestaties,
)
from .wmo323 import (
    Root as Wmo323Root,
)
from .wmo325 import (
    Bericht as Wmo325Bericht,
)
from .wmo325 import (
    Client as Wmo325Client,
)
from .wmo325 import (
    Clienten as Wmo325Clienten,
)
from .wmo325 import (
    DeclaratieAntwoord,
)
from .wmo325 import (
    Header as Wmo325Header,
)
from .wmo325 import (
    Prestatie as Wmo325Prestatie,
)
from .wmo325 import (
    Prestaties as Wmo325Prestaties,
)
from .wmo325 import (
    RetourCodes as Wmo325RetourCodes,
)
from .wmo325 import (
    Root as Wmo325Root,
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
    "Wmo301Bericht",
    "Wmo301Client",
    "Wmo301Contact",
    "Wmo301Contactgegevens",
    "Wmo301Header",
    "Wmo301Relatie",
    "Wmo301Relaties",
    "Wmo301Root",
    "Wmo301ToegewezenProduct",
    "Wmo301ToegewezenProducten",
    "Wmo302Bericht",
    "Wmo302Client",
    "Wmo302Contact",
    "Wmo302Contactgegevens",
    "Wmo302Header",
    "Wmo302Relatie",
    "Wmo302Relaties",
    "Wmo302RetourCodes",
    "Wmo302Root",
    "Wmo302ToegewezenProduct",
    "Wmo302ToegewezenProducten",
    "Wmo305Bericht",
    "Wmo305Client",
    "Wmo305Header",
    "Wmo305Root",
    "Wmo305StartProduct",
    "Wmo305StartProducten",
    "Wmo306Bericht",
    "Wmo306Client",
    "Wmo306Header",
    "Wmo306RetourCodes",
    "Wmo306Root",
    "Wmo306StartProduct",
    "Wmo306StartProducten",
    "Wmo307Bericht",
    "Wmo307Client",
    "Wmo307Header",
    "Wmo307Root",
    "Wmo307StopProduct",
    "Wmo307StopProducten",
    "Wmo308Bericht",
    "Wmo308Client",
    "Wmo308Header",
    "Wmo308RetourCodes",
    "Wmo308Root",
    "Wmo308StopProduct",
    "Wmo308StopProducten",
    "Wmo315AangevraagdProduct",
    "Wmo315AangevraagdeProducten",
    "Wmo315Bericht",
    "Wmo315Client",
    "Wmo315Header",
    "Wmo315Root",
    "Wmo316AangevraagdProduct",
    "Wmo316AangevraagdeProducten",
    "Wmo316Bericht",
    "Wmo316Client",
    "Wmo316Header",
    "Wmo316RetourCodes",
    "Wmo316Root",
    "Wmo317Bericht",
    "Wmo317Client",
    "Wmo317Header",
    "Wmo317NieuwProduct",
    "Wmo317NieuweProducten",
    "Wmo317OngewijzigdProduct",
    "Wmo317OngewijzigdeProducten",
    "Wmo317Root",
    "Wmo317TeWijzigenProduct",
    "Wmo317TeWijzigenProducten",
    "Wmo317Verzoek",
    "Wmo318Bericht",
    "Wmo318Client",
    "Wmo318Header",
    "Wmo318NieuwProduct",
    "Wmo318NieuweProducten",
    "Wmo318OngewijzigdProduct",
    "Wmo318OngewijzigdeProducten",
    "Wmo318RetourCodes",
    "Wmo318Root",
    "Wmo318TeWijzigenProduct",
    "Wmo318TeWijzigenProducten",
    "Wmo318Verzoek",
    "Wmo319Antwoord",
    "Wmo319Bericht",
    "Wmo319Header",
    "Wmo319Root",
    "Wmo320Antwoord",
    "Wmo320Bericht",
    "Wmo320Header",
    "Wmo320RetourCodes",
    "Wmo320Root",
    "Wmo323Bericht",
    "Wmo323Client",
    "Wmo323Clienten",
    "Declaratie",
    "Wmo323Header",
    "Wmo323Prestatie",
    "Wmo323Prestaties",
    "Wmo323Root",
    "Wmo325Bericht",
    "Wmo325Client",
    "Wmo325Clienten",
    "DeclaratieAntwoord",
    "Wmo325Header",
    "Wmo325Prestatie",
    "Wmo325Prestaties",
    "Wmo325RetourCodes",
    "Wmo325Root",
]
