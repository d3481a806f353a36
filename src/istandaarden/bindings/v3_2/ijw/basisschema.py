from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

__NAMESPACE__ = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"


@dataclass(slots=True, kw_only=True)
class CdtAchternaam:
    """
    De achternaam van een natuurlijk persoon, aangeduid als Naam met Voorvoegsel.

    :ivar achternaam: De achternaam van een persoon, indien nodig verkort weergegeven.
    :ivar voorvoegsel: Verzameling van een of meer voorzetsels/lidwoorden, die aan het
        significante deel van de achternaam van een persoon vooraf gaat en daar een onderdeel
        van is.
    """

    class Meta:
        name = "CDT_Achternaam"

    achternaam: str = field(
        metadata={
            "name": "Achternaam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 200,
            "pattern": r".*[^\s].*",
        }
    )
    voorvoegsel: None | str = field(
        default=None,
        metadata={
            "name": "Voorvoegsel",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 10,
            "pattern": r".*[^\s].*",
        },
    )


@dataclass(slots=True, kw_only=True)
class CdtBerichtIdentificatie:
    """
    Naam of nummer en dagtekening ter identificatie van een totale aanlevering.

    :ivar identificatie: Naam of nummer, die ter identificatie aan een totale aanlevering kan
        worden meegegeven.
    :ivar dagtekening: De datum van verzending van het bericht.
    """

    class Meta:
        name = "CDT_BerichtIdentificatie"

    identificatie: str = field(
        metadata={
            "name": "Identificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 12,
            "pattern": r".*[^\s].*",
        }
    )
    dagtekening: str = field(
        metadata={
            "name": "Dagtekening",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        }
    )


@dataclass(slots=True, kw_only=True)
class CdtGeslotenPeriode:
    """
    Tijdsperiode met zowel begin- als einddatum.

    :ivar begindatum: De begindatum van de periode.
    :ivar einddatum: De einddatum van de periode.
    """

    class Meta:
        name = "CDT_GeslotenPeriode"

    begindatum: str = field(
        metadata={
            "name": "Begindatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        }
    )
    einddatum: str = field(
        metadata={
            "name": "Einddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        }
    )


@dataclass(slots=True, kw_only=True)
class CdtOpenPeriode:
    """
    Aanduiding van een tijdsperiode met een Begindatum en/of een Einddatum.

    :ivar begindatum: De begindatum van de periode.
    :ivar einddatum: De einddatum van de periode.
    """

    class Meta:
        name = "CDT_OpenPeriode"

    begindatum: None | str = field(
        default=None,
        metadata={
            "name": "Begindatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        },
    )
    einddatum: None | str = field(
        default=None,
        metadata={
            "name": "Einddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        },
    )


@dataclass(slots=True, kw_only=True)
class CdtReferentie:
    """
    :ivar referentie_nummer: Uniek referentienummer dat de zorgverlener heeft toegekend aan
        een detailregel van de declaratie.
    :ivar vorig_referentie_nummer: Uniek referentienummer dat de zorgverlener heeft toegekend
        aan een voorgaande detailregel, gerelateerd aan deze detailregel.
    """

    class Meta:
        name = "CDT_Referentie"

    referentie_nummer: str = field(
        metadata={
            "name": "ReferentieNummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 20,
        }
    )
    vorig_referentie_nummer: None | str = field(
        default=None,
        metadata={
            "name": "VorigReferentieNummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 20,
        },
    )


@dataclass(slots=True, kw_only=True)
class CdtTelefoon:
    """
    Het telefoonnummer waarop de client of relatie van de client te bereiken is.

    :ivar telefoonnummer: Het telefoonnummer waarop de client of relatie van de client te
        bereiken is.
    :ivar landnummer: Het telefoonnummer van een land, vanuit Nederland benaderd.
    """

    class Meta:
        name = "CDT_Telefoon"

    telefoonnummer: str = field(
        metadata={
            "name": "Telefoonnummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 15,
            "pattern": r"[0-9]*",
        }
    )
    landnummer: str = field(
        metadata={
            "name": "Landnummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 4,
            "pattern": r".*[^\s].*",
        }
    )


@dataclass(slots=True, kw_only=True)
class CdtXsdVersie:
    class Meta:
        name = "CDT_XsdVersie"

    basisschema_xsd_versie: str = field(
        metadata={
            "name": "BasisschemaXsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "pattern": r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)",
        }
    )
    bericht_xsd_versie: str = field(
        metadata={
            "name": "BerichtXsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "pattern": r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)",
        }
    )


class LdtAanduidingWoonadres(Enum):
    """
    De aanduiding die wordt gebruikt voor adressen die niet zijn voorzien van de gebruikelijke
    straatnaam en huisnummeraanduidingen.

    :cvar AB: Aan boord
    :cvar BY: Bij
    :cvar TO: Tegenover
    :cvar WW: Woonwagen
    """

    AB = "AB"
    BY = "BY"
    TO = "TO"
    WW = "WW"


class LdtAdresSoort(Enum):
    """
    Nadere typering van het adres.

    :cvar VALUE_01: BRP-adres
    :cvar VALUE_02: Correspondentie-adres
    :cvar VALUE_03: Verblijfadres
    :cvar VALUE_04: Tijdelijk verblijfadres
    """

    VALUE_01 = "01"
    VALUE_02 = "02"
    VALUE_03 = "03"
    VALUE_04 = "04"


class LdtCommunicatievorm(Enum):
    """
    Gecodeerde aanduiding van de bijzondere vorm van communicatie die gebruikt dient te worden.

    :cvar VALUE_1: Tolk taal
    :cvar VALUE_2: Doventolk
    :cvar VALUE_3: Doofblindentolk
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"


class LdtDatumGebruik(Enum):
    """
    Indicator die aangeeft welk deel van de voorafgaande datum gebruikt mag worden.

    :cvar VALUE_1: dag onbekend; alleen maand en jaar gebruiken
    :cvar VALUE_2: dag en maand onbekend; alleen jaar gebruiken
    :cvar VALUE_3: dag, maand en jaar onbekend; onbekende datum
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"


class LdtDebetCredit(Enum):
    """
    :cvar C: Creditbedrag en aantal
    :cvar D: Debetbedrag en aantal
    """

    C = "C"
    D = "D"


class LdtEenheid(Enum):
    """
    Aanduiding van de eenheid waarin de omvang van een ondersteuningsproduct is beschreven.

    :cvar VALUE_01: Minuut
    :cvar VALUE_04: Uur
    :cvar VALUE_14: Etmaal
    :cvar VALUE_16: Dagdeel (4 uur)
    :cvar VALUE_82: Stuks (output)
    :cvar VALUE_83: Euro's
    :cvar VALUE_84: Stuks (inspanning)
    """

    VALUE_01 = "01"
    VALUE_04 = "04"
    VALUE_14 = "14"
    VALUE_16 = "16"
    VALUE_82 = "82"
    VALUE_83 = "83"
    VALUE_84 = "84"


class LdtFrequentie(Enum):
    """
    Aanduiding van de frequentie waarmee een ondersteuningsproduct geleverd wordt.

    :cvar VALUE_1: Per dag
    :cvar VALUE_2: Per week
    :cvar VALUE_4: Per maand
    :cvar VALUE_6: Totaal binnen geldigheidsduur toewijzing
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_4 = "4"
    VALUE_6 = "6"


class LdtGeslacht(Enum):
    """
    De sekse van een persoon, zoals bij geboorte formeel vastgesteld of nadien formeel
    gewijzigd.

    :cvar VALUE_0: Onbekend
    :cvar VALUE_1: Mannelijk
    :cvar VALUE_2: Vrouwelijk
    """

    VALUE_0 = "0"
    VALUE_1 = "1"
    VALUE_2 = "2"


class LdtJaNee(Enum):
    """
    Codering voor ja of nee.

    :cvar VALUE_1: Ja
    :cvar VALUE_2: Nee
    """

    VALUE_1 = "1"
    VALUE_2 = "2"


class LdtJuridischeStatus(Enum):
    """
    Juridische situatie die voor de client van toepassing is op het moment van beoordeling.

    :cvar VALUE_01: Rechterlijke machtiging (rm) voorlopig / voortgezette machtiging
    :cvar VALUE_02: RM op eigen verzoek
    :cvar VALUE_03: RM met voorwaardelijk ontslag
    :cvar VALUE_04: Onder toezichtstelling (ots)
    :cvar VALUE_05: In bewaring stelling (ibs)
    :cvar VALUE_11: Strafrechterlijke justitiele contacten: tbs
    :cvar VALUE_12: Strafrechterlijke justitiele contacten: overig
    """

    VALUE_01 = "01"
    VALUE_02 = "02"
    VALUE_03 = "03"
    VALUE_04 = "04"
    VALUE_05 = "05"
    VALUE_11 = "11"
    VALUE_12 = "12"


class LdtLandCode(Enum):
    """
    Identificatie van een (historisch/actueel) land of gebiedsdeel.

    :cvar AD: ANDORRA
    :cvar AE: VERENIGDE ARABISCHE EMIRATEN
    :cvar AF: AFGHANISTAN
    :cvar AG: ANTIGUA EN BARBUDA
    :cvar AI: ANGUILA
    :cvar AL: ALBANIE
    :cvar AM: ARMENIE
    :cvar AO: ANGOLA
    :cvar AQ: ANTARTICA
    :cvar AR: ARGENTINIE
    :cvar AS: AMERIKAANS-SAMOA
    :cvar AT: OOSTENRIJK
    :cvar AU: AUSTRALIE
    :cvar AW: ARUBA
    :cvar AX: ÅLANDSEILANDEN
    :cvar AZ: AZERBEIDZJAN
    :cvar BA: BOSNIE EN HERZEGOVINA
    :cvar BB: BARBADOS
    :cvar BD: BANGLADESH
    :cvar BE: BELGIE
    :cvar BF: BURKINA FASO
    :cvar BG: BULGARIJE
    :cvar BH: BAHREIN
    :cvar BI: BURUNDI
    :cvar BJ: BENIN
    :cvar BL: SAINT BARTHÉLEMY
    :cvar BM: BERMUDA
    :cvar BN: BRUNEI
    :cvar BO: BOLIVIA
    :cvar BQ: BONAIRE, SINT EUSTATIUS en SABA
    :cvar BR: BRAZILIE
    :cvar BS: BAHAMA'S
    :cvar BT: BHUTAN
    :cvar BV: BOUVET
    :cvar BW: BOTSWANA
    :cvar BY: WIT-RUSLAND
    :cvar BZ: BELIZE
    :cvar CA: CANADA
    :cvar CC: COCOSEILANDEN
    :cvar CD: CONGO-KINSHASA
    :cvar CF: CENTRAAL-AFRIKAANSE REPUBLIEK
    :cvar CG: CONGO-BRAZZAVILLE
    :cvar CH: ZWITSERLAND
    :cvar CI: IVOORKUST
    :cvar CK: COOKEILANDEN
    :cvar CL: CHILI
    :cvar CM: KAMEROEN
    :cvar CN: CHINA
    :cvar CO: COLOMBIA
    :cvar CR: COSTA RICA
    :cvar CU: CUBA
    :cvar CV: KAAPVERDIE
    :cvar CW: CURAÇAO
    :cvar CX: CHRISTMASEILAND
    :cvar CY: CYPRUS
    :cvar CZ: TSJECHIE
    :cvar DE: DUITSLAND
    :cvar DJ: DJIBOUTI
    :cvar DK: DENEMARKEN
    :cvar DM: DOMINICA
    :cvar DO: DOMINICAANSE REPUBLIEK
    :cvar DZ: ALGERIJE
    :cvar EC: ECUADOR
    :cvar EE: ESTLAND
    :cvar EG: EGYPTE
    :cvar EH: WESTELIJKE SAHARA
    :cvar ER: ERITREA
    :cvar ES: SPANJE
    :cvar ET: ETHIOPIE
    :cvar FI: FINLAND
    :cvar FJ: FIJI
    :cvar FK: FALKLANDEILANDEN
    :cvar FM: MICRONESIA
    :cvar FO: FAERÖER
    :cvar FR: FRANKRIJK
    :cvar GA: GABON
    :cvar GB: VERENIGD KONINKRIJK
    :cvar GD: GRENADA
    :cvar GE: GEORGIE
    :cvar GF: FRANS-GUYANA
    :cvar GG: GUERNSEY
    :cvar GH: GHANA
    :cvar GI: GIBRALTAR
    :cvar GL: GROENLAND
    :cvar GM: GAMBIA
    :cvar GN: GUINEA
    :cvar GP: GUADELOUPE
    :cvar GQ: EQUATORIAAL-GUINEA
    :cvar GR: GRIEKENLAND
    :cvar GS: ZUID-GEORGIE EN DE ZUIDELIJKE SANDWICHEILANDEN
    :cvar GT: GUATEMALA
    :cvar GU: GUAM
    :cvar GW: GUINEE-BISSAU
    :cvar GY: GUYANA
    :cvar HK: HONGKONG
    :cvar HM: HEARD EN MCDONALDEILANDEN
    :cvar HN: HONDURAS
    :cvar HR: KROATIE
    :cvar HT: HAÏTI
    :cvar HU: HONGARIJE
    :cvar ID: INDONESIE
    :cvar IE: IERLAND
    :cvar IL: ISRAEL
    :cvar IM: ISLE OF MAN
    :cvar IN: INDIA
    :cvar IO: BRITS TERRITORIUM IN DE INDISCHE OCEAAN
    :cvar IQ: IRAK
    :cvar IR: IRAN
    :cvar IS: IJSLAND
    :cvar IT: ITALIE
    :cvar JE: JERSEY
    :cvar JM: JAMAICA
    :cvar JO: JORDANIE
    :cvar JP: JAPAN
    :cvar KE: KENIA
    :cvar KG: KIRGIZIE
    :cvar KH: CAMBODJA
    :cvar KI: KIRIBATI
    :cvar KM: COMOREN
    :cvar KN: SAINT KITTS EN NEVIS
    :cvar KP: NOORD-KOREA
    :cvar KR: ZUID-KOREA
    :cvar KW: KOEWEIT
    :cvar KY: CAYMANEILANDEN
    :cvar KZ: KAZACHSTAN
    :cvar LA: LAOS
    :cvar LB: LIBANON
    :cvar LC: SAINT LUCIA
    :cvar LI: LIECHTENSTEIN
    :cvar LK: SRI LANKA
    :cvar LR: LIBERIA
    :cvar LS: LESOTHO
    :cvar LT: LITOUWEN
    :cvar LU: LUXEMBURG
    :cvar LV: LETLAND
    :cvar LY: LIBIE
    :cvar MA: MAROKKO
    :cvar MC: MONACO
    :cvar MD: MOLDAVIE
    :cvar ME: MONTENEGRO
    :cvar MF: SAINT MARTIN
    :cvar MG: MADAGASKAR
    :cvar MH: MARSHALLEILANDEN
    :cvar MK: MACEDONIE
    :cvar ML: MALI
    :cvar MM: MYANMAR
    :cvar MN: MONGOLIE
    :cvar MO: MACAU
    :cvar MP: NOORDELIJKE MARIANEN
    :cvar MQ: MARTINIQUE
    :cvar MR: MAURITANIE
    :cvar MS: MONTSERRAT
    :cvar MT: MALTA
    :cvar MU: MAURITIUS
    :cvar MV: MALDIVEN
    :cvar MW: MALAWI
    :cvar MX: MEXICO
    :cvar MY: MALEISIE
    :cvar MZ: MOZAMBIQUE
    :cvar NA: NAMIBIE
    :cvar NC: NIEUW-CALEDONIE
    :cvar NE: NIGER
    :cvar NF: NORFOLK
    :cvar NG: NIGERIA
    :cvar NI: NICARAGUA
    :cvar NL: NEDERLAND
    :cvar NO: NOORWEGEN
    :cvar NP: NEPAL
    :cvar NR: NAURU
    :cvar NU: NIUE
    :cvar NZ: NIEUW-ZEELAND
    :cvar OM: OMAN
    :cvar PA: PANAMA
    :cvar PE: PERU
    :cvar PF: FRANS-POLYNESIE
    :cvar PG: PAPOEA-NIEUW-GUINEA
    :cvar PH: FILIPIJNEN
    :cvar PK: PAKISTAN
    :cvar PL: POLEN
    :cvar PM: SAINT-PIERRE EN MIQUELON
    :cvar PN: PITCAIRNEILANDEN
    :cvar PR: PUERTO RICO
    :cvar PS: PALESTIJNSE AUTORITEIT
    :cvar PT: PORTUGAL
    :cvar PW: PALAU
    :cvar PY: PARAGUAY
    :cvar QA: QATAR
    :cvar RE: RÉUNION
    :cvar RO: ROEMENIE
    :cvar RS: SERVIE
    :cvar RU: RUSLAND
    :cvar RW: RWANDA
    :cvar SA: SAOEDI-ARABIE
    :cvar SB: SALOMONSEILANDEN
    :cvar SC: SEYCHELLEN
    :cvar SD: SOEDAN
    :cvar SE: ZWEDEN
    :cvar SG: SINGAPORE
    :cvar SH: SINT-HELENA
    :cvar SI: SLOVENIE
    :cvar SJ: SPITSBERGEN EN JAN MAYEN
    :cvar SK: SLOWAKIJE
    :cvar SL: SIERRA LEONE
    :cvar SM: SAN MARINO
    :cvar SN: SENEGAL
    :cvar SO: SOMALIE
    :cvar SR: SURINAME
    :cvar SS: ZUID SOEDAN
    :cvar ST: SAO TOMÉ EN PRINCIPE
    :cvar SV: EL SALVADOR
    :cvar SX: SINT MAARTEN (Nederlands deel)
    :cvar SY: SYRIE
    :cvar SZ: SWAZILAND
    :cvar TC: TURKS- EN CAICOSEILANDEN
    :cvar TD: TSJAAD
    :cvar TF: FRANSE ZUIDELIJKE EN ANTARCTISCHE GEBIEDEN
    :cvar TG: TOGO
    :cvar TH: THAILAND
    :cvar TJ: TADZJIKISTAN
    :cvar TK: TOKELAU
    :cvar TL: OOST-TIMOR
    :cvar TM: TURKMENISTAN
    :cvar TN: TUNESIE
    :cvar TO: TONGA
    :cvar TR: TURKIJE
    :cvar TT: TRINIDAD EN TOBAGO
    :cvar TV: TUVALU
    :cvar TW: TAIWAN
    :cvar TZ: TANZANIA
    :cvar UA: OEKRAINE
    :cvar UG: OEGANDA
    :cvar UM: KLEINE PACIFISCHE EILANDEN VAN DE VERENIGDE STATEN
    :cvar US: VERENIGDE STATEN
    :cvar UY: URUGUAY
    :cvar UZ: OEZBEKISTAN
    :cvar VA: VATICAANSTAD
    :cvar VC: SAINT VINCENT EN DE GRENADINES
    :cvar VE: VENEZUELA
    :cvar VG: BRITSE MAAGDENEILANDEN
    :cvar VI: AMERIKAANSE MAAGDENEILANDEN
    :cvar VN: VIETNAM
    :cvar VU: VANUATU
    :cvar WF: WALLIS EN FUTUNA
    :cvar WS: SAMOA
    :cvar YE: JEMEN
    :cvar YT: MAYOTTE
    :cvar ZA: ZUID-AFRIKA
    :cvar ZM: ZAMBIA
    :cvar ZW: ZIMBABWE
    """

    AD = "AD"
    AE = "AE"
    AF = "AF"
    AG = "AG"
    AI = "AI"
    AL = "AL"
    AM = "AM"
    AO = "AO"
    AQ = "AQ"
    AR = "AR"
    AS = "AS"
    AT = "AT"
    AU = "AU"
    AW = "AW"
    AX = "AX"
    AZ = "AZ"
    BA = "BA"
    BB = "BB"
    BD = "BD"
    BE = "BE"
    BF = "BF"
    BG = "BG"
    BH = "BH"
    BI = "BI"
    BJ = "BJ"
    BL = "BL"
    BM = "BM"
    BN = "BN"
    BO = "BO"
    BQ = "BQ"
    BR = "BR"
    BS = "BS"
    BT = "BT"
    BV = "BV"
    BW = "BW"
    BY = "BY"
    BZ = "BZ"
    CA = "CA"
    CC = "CC"
    CD = "CD"
    CF = "CF"
    CG = "CG"
    CH = "CH"
    CI = "CI"
    CK = "CK"
    CL = "CL"
    CM = "CM"
    CN = "CN"
    CO = "CO"
    CR = "CR"
    CU = "CU"
    CV = "CV"
    CW = "CW"
    CX = "CX"
    CY = "CY"
    CZ = "CZ"
    DE = "DE"
    DJ = "DJ"
    DK = "DK"
    DM = "DM"
    DO = "DO"
    DZ = "DZ"
    EC = "EC"
    EE = "EE"
    EG = "EG"
    EH = "EH"
    ER = "ER"
    ES = "ES"
    ET = "ET"
    FI = "FI"
    FJ = "FJ"
    FK = "FK"
    FM = "FM"
    FO = "FO"
    FR = "FR"
    GA = "GA"
    GB = "GB"
    GD = "GD"
    GE = "GE"
    GF = "GF"
    GG = "GG"
    GH = "GH"
    GI = "GI"
    GL = "GL"
    GM = "GM"
    GN = "GN"
    GP = "GP"
    GQ = "GQ"
    GR = "GR"
    GS = "GS"
    GT = "GT"
    GU = "GU"
    GW = "GW"
    GY = "GY"
    HK = "HK"
    HM = "HM"
    HN = "HN"
    HR = "HR"
    HT = "HT"
    HU = "HU"
    ID = "ID"
    IE = "IE"
    IL = "IL"
    IM = "IM"
    IN = "IN"
    IO = "IO"
    IQ = "IQ"
    IR = "IR"
    IS = "IS"
    IT = "IT"
    JE = "JE"
    JM = "JM"
    JO = "JO"
    JP = "JP"
    KE = "KE"
    KG = "KG"
    KH = "KH"
    KI = "KI"
    KM = "KM"
    KN = "KN"
    KP = "KP"
    KR = "KR"
    KW = "KW"
    KY = "KY"
    KZ = "KZ"
    LA = "LA"
    LB = "LB"
    LC = "LC"
    LI = "LI"
    LK = "LK"
    LR = "LR"
    LS = "LS"
    LT = "LT"
    LU = "LU"
    LV = "LV"
    LY = "LY"
    MA = "MA"
    MC = "MC"
    MD = "MD"
    ME = "ME"
    MF = "MF"
    MG = "MG"
    MH = "MH"
    MK = "MK"
    ML = "ML"
    MM = "MM"
    MN = "MN"
    MO = "MO"
    MP = "MP"
    MQ = "MQ"
    MR = "MR"
    MS = "MS"
    MT = "MT"
    MU = "MU"
    MV = "MV"
    MW = "MW"
    MX = "MX"
    MY = "MY"
    MZ = "MZ"
    NA = "NA"
    NC = "NC"
    NE = "NE"
    NF = "NF"
    NG = "NG"
    NI = "NI"
    NL = "NL"
    NO = "NO"
    NP = "NP"
    NR = "NR"
    NU = "NU"
    NZ = "NZ"
    OM = "OM"
    PA = "PA"
    PE = "PE"
    PF = "PF"
    PG = "PG"
    PH = "PH"
    PK = "PK"
    PL = "PL"
    PM = "PM"
    PN = "PN"
    PR = "PR"
    PS = "PS"
    PT = "PT"
    PW = "PW"
    PY = "PY"
    QA = "QA"
    RE = "RE"
    RO = "RO"
    RS = "RS"
    RU = "RU"
    RW = "RW"
    SA = "SA"
    SB = "SB"
    SC = "SC"
    SD = "SD"
    SE = "SE"
    SG = "SG"
    SH = "SH"
    SI = "SI"
    SJ = "SJ"
    SK = "SK"
    SL = "SL"
    SM = "SM"
    SN = "SN"
    SO = "SO"
    SR = "SR"
    SS = "SS"
    ST = "ST"
    SV = "SV"
    SX = "SX"
    SY = "SY"
    SZ = "SZ"
    TC = "TC"
    TD = "TD"
    TF = "TF"
    TG = "TG"
    TH = "TH"
    TJ = "TJ"
    TK = "TK"
    TL = "TL"
    TM = "TM"
    TN = "TN"
    TO = "TO"
    TR = "TR"
    TT = "TT"
    TV = "TV"
    TW = "TW"
    TZ = "TZ"
    UA = "UA"
    UG = "UG"
    UM = "UM"
    US = "US"
    UY = "UY"
    UZ = "UZ"
    VA = "VA"
    VC = "VC"
    VE = "VE"
    VG = "VG"
    VI = "VI"
    VN = "VN"
    VU = "VU"
    WF = "WF"
    WS = "WS"
    YE = "YE"
    YT = "YT"
    ZA = "ZA"
    ZM = "ZM"
    ZW = "ZW"


class LdtNaamGebruik(Enum):
    """
    Aanduiding naamgebruik (gecodeerd).

    :cvar VALUE_1: Eigen naam
    :cvar VALUE_2: Naam echtgenoot of geregistreerd partner of alternatieve naam
    :cvar VALUE_3: Naam echtgenoot of geregistreerd partner gevolgd door eigen naam
    :cvar VALUE_4: Eigen naam gevolgd door naam echtgenoot of geregistreerd partner
    :cvar VALUE_5: Pseudoniem
    :cvar VALUE_6: Niet-natuurlijk persoon
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"
    VALUE_5 = "5"
    VALUE_6 = "6"


class LdtProductCategorie(Enum):
    """
    Gecodeerde aanduiding van hoofdcategorieen van producten in het kader van de Jeugdwet.

    :cvar VALUE_31: (2015) Zonder verblijf: uitgevoerd door wijk- of buurtteam
    :cvar VALUE_32: (2015) Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder
    :cvar VALUE_33: (2015) Zonder verblijf: daghulp op locatie van de aanbieder
    :cvar VALUE_34: (2015) Zonder verblijf: jeugdhulp in het netwerk van de jeugdige
    :cvar VALUE_35: (2015) Met verblijf: pleegzorg
    :cvar VALUE_36: (2015) Met verblijf: gezinsgericht
    :cvar VALUE_37: (2015) Met verblijf: gesloten plaatsing
    :cvar VALUE_38: (2015) Met verblijf: overig residentieel
    :cvar VALUE_40: Persoonlijke verzorging
    :cvar VALUE_41: Dagbehandeling
    :cvar VALUE_42: Vervoerdiensten
    :cvar VALUE_43: Jeugdhulp verblijf (incl. behandeling)
    :cvar VALUE_44: Jeugdhulp verblijf (excl. behandeling)
    :cvar VALUE_45: Jeugdhulp ambulant
    :cvar VALUE_46: Jeugdhulp crisis
    :cvar VALUE_47: Jeugdreclassering
    :cvar VALUE_48: Jeugdbescherming
    :cvar VALUE_49: Activiteiten in het preventief justitieel kader
    :cvar VALUE_50: Maatwerkarrangementen jeugd
    :cvar VALUE_51: Generalistische basis-ggz
    :cvar VALUE_52: Specialistische ggz
    :cvar VALUE_53: Kindergeneeskunde
    :cvar VALUE_54: Jeugd-ggz
    :cvar VALUE_55: Landelijk ingekochte zorg
    """

    VALUE_31 = "31"
    VALUE_32 = "32"
    VALUE_33 = "33"
    VALUE_34 = "34"
    VALUE_35 = "35"
    VALUE_36 = "36"
    VALUE_37 = "37"
    VALUE_38 = "38"
    VALUE_40 = "40"
    VALUE_41 = "41"
    VALUE_42 = "42"
    VALUE_43 = "43"
    VALUE_44 = "44"
    VALUE_45 = "45"
    VALUE_46 = "46"
    VALUE_47 = "47"
    VALUE_48 = "48"
    VALUE_49 = "49"
    VALUE_50 = "50"
    VALUE_51 = "51"
    VALUE_52 = "52"
    VALUE_53 = "53"
    VALUE_54 = "54"
    VALUE_55 = "55"


class LdtRedenAfwijzingVerzoek(Enum):
    """
    De reden van afwijzing van een verzoek.

    :cvar VALUE_1: Geen wijziging, maar nieuwe aanvraag
    :cvar VALUE_2: Past niet binnen budget
    :cvar VALUE_3: Geen contract
    :cvar VALUE_4: Past niet binnen contract
    :cvar VALUE_5: Andere gemeente
    :cvar VALUE_6: Stapeling
    :cvar VALUE_7: Zorginhoudelijke afkeur
    :cvar VALUE_8: Woonplaatsbeginsel
    :cvar VALUE_9: Leeftijdsgrens is bereikt
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"
    VALUE_5 = "5"
    VALUE_6 = "6"
    VALUE_7 = "7"
    VALUE_8 = "8"
    VALUE_9 = "9"


class LdtRedenBeeindiging(Enum):
    """
    De reden van beeindiging van de Jeugdhulp bij een client.

    :cvar VALUE_02: Overlijden
    :cvar VALUE_20: Levering is tijdelijk beeindigd.
    :cvar VALUE_31: Levering is volgens plan beeindigd.
    :cvar VALUE_32: Voortijdig afgesloten: eenzijdig door de client.
    :cvar VALUE_33: Voortijdig afgesloten: eenzijdig door de aanbieder.
    :cvar VALUE_34: Voortijdig afgesloten: in overeenstemming.
    :cvar VALUE_35: Voortijdig afgesloten: wegens externe omstandigheden.
    :cvar VALUE_36: Geinitieerd door de gemeente
    :cvar VALUE_37: In verband met wijzigingsverzoek
    :cvar VALUE_38: Overstap naar andere aanbieder
    :cvar VALUE_39: Uitstroom naar ander domein
    """

    VALUE_02 = "02"
    VALUE_20 = "20"
    VALUE_31 = "31"
    VALUE_32 = "32"
    VALUE_33 = "33"
    VALUE_34 = "34"
    VALUE_35 = "35"
    VALUE_36 = "36"
    VALUE_37 = "37"
    VALUE_38 = "38"
    VALUE_39 = "39"


class LdtRedenVerzoek(Enum):
    """
    Reden waarom een verzoek wordt ingediend.

    :cvar VALUE_1: Verandering clientsituatie
    :cvar VALUE_2: Wijziging zorgplan
    """

    VALUE_1 = "1"
    VALUE_2 = "2"


class LdtRedenWijziging(Enum):
    """
    De reden waarom een toewijzing wordt gewijzigd.

    :cvar VALUE_01: Administratieve correctie (vervallen)
    :cvar VALUE_02: Client overleden
    :cvar VALUE_03: Contractwijziging
    :cvar VALUE_04: Herbeoordeling: verlenging toewijzing
    :cvar VALUE_05: Herbeoordeling: verkorting toewijzing
    :cvar VALUE_06: Uitstroom naar ander domein
    :cvar VALUE_07: Verhuizing naar een andere gemeente
    :cvar VALUE_08: Wijziging leveringsvorm
    :cvar VALUE_09: Overstap naar andere aanbieder
    :cvar VALUE_10: Overgang naar nieuwe bekostigingssystematiek
    :cvar VALUE_11: Gemeentelijke herindeling
    :cvar VALUE_12: Geinitieerd door de aanbieder
    :cvar VALUE_13: Verwijderd
    :cvar VALUE_14: Administratieve correctie
    """

    VALUE_01 = "01"
    VALUE_02 = "02"
    VALUE_03 = "03"
    VALUE_04 = "04"
    VALUE_05 = "05"
    VALUE_06 = "06"
    VALUE_07 = "07"
    VALUE_08 = "08"
    VALUE_09 = "09"
    VALUE_10 = "10"
    VALUE_11 = "11"
    VALUE_12 = "12"
    VALUE_13 = "13"
    VALUE_14 = "14"


class LdtRetourCode(Enum):
    """
    Melding in een iStandaarden-retourbericht.

    Het betreft een code die in een retourbericht het resultaat van de beoordeling van een (deel
    van een) ontvangen bericht weergeeft.

    :cvar VALUE_0001: Bericht is afgekeurd om technische redenen.
    :cvar VALUE_0200: Geen opmerking over deze berichtklasse.
    :cvar VALUE_0233: Berichtklasse is niet beoordeeld.
    :cvar VALUE_0611: Het ingediende tarief komt niet overeen met het contractuele tarief
    :cvar VALUE_8001: Declaratie is volledig toegewezen.
    :cvar VALUE_8017: Van deze credit prestatie is geen debet prestatie bekend.
    :cvar VALUE_8021: Referentienummer prestatie is reeds aangeleverd.
    :cvar VALUE_8187: De prestatie hoort niet bij deze client.
    :cvar VALUE_8214: DeclaratiePeriode is niet de kalendermaand die volgt op voorgaande
        DeclaratiePeriode terwijl iedere declaratieperiode zorg geleverd is.
    :cvar VALUE_8848: Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.
    :cvar VALUE_9019: Het regie bericht kan niet gekoppeld worden aan een toewijzing.
    :cvar VALUE_9056: Identificatie moet per berichtsoort uniek zijn voor de verzendende
        partij.
    :cvar VALUE_9063: Het bericht kan niet verwerkt worden omdat geen eerder bericht
        ontvangen is.
    :cvar VALUE_9069: Er is geen actueel startbericht met dezelfde sleutel.
    :cvar VALUE_9071: Het eerdere start bericht kan niet verwijderd worden omdat de zorg al
        beeindigd is
    :cvar VALUE_9074: Er is al een eerder bericht ontvangen met dezelfde sleutel.
    :cvar VALUE_9307: Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum
        toewijzing
    :cvar VALUE_9308: Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum
        toewijzing
    :cvar VALUE_9319: De ProductPeriode valt niet geheel binnen een DeclaratiePeriode.
    :cvar VALUE_9321: Het ingediende volume overschrijdt het toegewezen volume.
    :cvar VALUE_9322: De som van de ingediende volumes overschrijdt het  toegewezen volume
    :cvar VALUE_9326: De actuele levering is nog niet gestopt met een Stopbericht.
    :cvar VALUE_9332: Toewijzing heeft geen uniek nummer binnen wettelijk domein.
    :cvar VALUE_9333: Declaratienummer is niet uniek
    :cvar VALUE_9338: Niet iedere prestatie in een declaratiebericht is gerelateerd aan een
        toegewezen product op basis van het toewijzingnummer
    :cvar VALUE_9339: ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in
        het ToegewezenProduct.
    :cvar VALUE_9340: ProductCode in de Prestatie is niet gelijk aan ProductCode in het
        ToegewezenProduct.
    :cvar VALUE_9341: Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct
    :cvar VALUE_9346: Eenheid is ongelijk is aan waarde 83 (Euro's), maar IngediendBedrag is
        niet gelijk aan GeleverdVolume vermenigvuldigd met (het onafgeronde) ProductTarief.
    :cvar VALUE_9347: ReferentieAanbieder is niet uniek voor de aanbieder binnen het
        wettelijk domein
    :cvar VALUE_9349: Het VOW bericht bevat niet alle actuele toegewezen producten van de
        client, hetzij in OngewijzigdProduct, hetzij in TeWijzigenProduct
    :cvar VALUE_9350: OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen
        product op basis van het toewijzingnummer.
    :cvar VALUE_9351: TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op
        basis van ToewijzingNummer.
    :cvar VALUE_9355: ReferentieAanbieder in het antwoordbericht komt niet voor in een eerder
        verzoek om toewijzing of verzoek om wijziging
    :cvar VALUE_9357: GewensteIngangsdatum is kleiner dan of gelijk aan de dagtekening, maar
        niet gelijk aan de ingangsdatum van het originele ToegewezenProduct.
    :cvar VALUE_9359: Er is al een toewijzing gestuurd met deze ReferentieAanbieder.
    :cvar VALUE_9360: Er is al een antwoordbericht met deze ReferentieAanbieder
    :cvar VALUE_9361: Het product komt vaker voor met overlappende zorgperiodes.
    :cvar VALUE_9365: Er komt al een antwoordbericht met dezelfde ReferentieAanbieder voor
        waar VerzoekAntwoord de waarde Nee heeft.
    :cvar VALUE_9366: ProductReferentie komt niet voor in een Declaratiebericht
    :cvar VALUE_9367: De waarde komt niet overeen met de waarde uit heenbericht met gelijke
        ProductReferentie
    :cvar VALUE_9369: Budget is meegegeven, maar de som van GeleverdVolume in alle ingediende
        Prestaties passen niet binnen het toegewezen Budget.
    :cvar VALUE_9373: Budget is gewijzigd, maar GewensteIngangsdatum is niet gelijk aan die
        in de actuele toewijzing
    :cvar VALUE_9374: Er is al een verzoek onderhanden.
    :cvar VALUE_9375: Omvang is gevuld, terwijl Product in toewijzing met ToewijzingNummer
        leeg is en Einddatum groter dan 31-12-2020 of leeg is
    :cvar VALUE_9379: ReferentieAanbieder refereert niet naar een verzoek om toewijzing of
        verzoek om wijziging, is onterecht gevuld
    :cvar VALUE_9384: Declaratie op toewijzing met RedenWijziging "13" (Verwijderd)
    :cvar VALUE_9385: Toewijzing heeft goedgekeurde declaratieregels
    :cvar VALUE_9387: Begindatum van de ProductPeriode is niet eerste dag van de
        kalendermaand waarop ProductPeriode betrekking heeft en Ingangsdatum van de
        toewijzing ligt niet later in deze betreffende maand
    :cvar VALUE_9388: Einddatum van de ProductPeriode is niet laatste dag van de
        kalendermaand waarop ProductPeriode betrekking heeft en Einddatum van de toewijzing
        ligt niet eerder in deze betreffende maand.
    :cvar VALUE_9389: Deze prestatie heeft een debetprestatie zonder bijbehorende
        creditprestatie
    :cvar VALUE_9390: Er is al een Prestatie met gelijk ProductReferentie met waarde Credit
    :cvar VALUE_9411: Omvang is leeg, terwijl Code in Product bij de toewijzing met
        ToewijzingNummer gevuld is.
    :cvar VALUE_9412: Omvang is niet leeg, terwijl Code in Product bij de toewijzing met
        ToewijzingNummer leeg is en einddatum groter dan 31-12-2020 of leeg is
    :cvar VALUE_9413: RedenBeeindiging heeft waarde 20, terwijl er al een ander StopProduct
        met hetzelfde Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging waarde 20 is.
    :cvar VALUE_9414: Einddatum is niet &gt;= aan Einddatum uit actuele StopProduct met
        gelijk Bsn, ToewijzingNummer en Begindatum
    :cvar VALUE_9415: Er is StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en
        RedenBeeindiging &lt;&gt; waarde 20
    :cvar S300: Gemeentecode komt niet voor in de lijst van CBS.
    :cvar S329: ProductCode hoort niet bij de ProductCategorie.
    """

    VALUE_0001 = "0001"
    VALUE_0200 = "0200"
    VALUE_0233 = "0233"
    VALUE_0611 = "0611"
    VALUE_8001 = "8001"
    VALUE_8017 = "8017"
    VALUE_8021 = "8021"
    VALUE_8187 = "8187"
    VALUE_8214 = "8214"
    VALUE_8848 = "8848"
    VALUE_9019 = "9019"
    VALUE_9056 = "9056"
    VALUE_9063 = "9063"
    VALUE_9069 = "9069"
    VALUE_9071 = "9071"
    VALUE_9074 = "9074"
    VALUE_9307 = "9307"
    VALUE_9308 = "9308"
    VALUE_9319 = "9319"
    VALUE_9321 = "9321"
    VALUE_9322 = "9322"
    VALUE_9326 = "9326"
    VALUE_9332 = "9332"
    VALUE_9333 = "9333"
    VALUE_9338 = "9338"
    VALUE_9339 = "9339"
    VALUE_9340 = "9340"
    VALUE_9341 = "9341"
    VALUE_9346 = "9346"
    VALUE_9347 = "9347"
    VALUE_9349 = "9349"
    VALUE_9350 = "9350"
    VALUE_9351 = "9351"
    VALUE_9355 = "9355"
    VALUE_9357 = "9357"
    VALUE_9359 = "9359"
    VALUE_9360 = "9360"
    VALUE_9361 = "9361"
    VALUE_9365 = "9365"
    VALUE_9366 = "9366"
    VALUE_9367 = "9367"
    VALUE_9369 = "9369"
    VALUE_9373 = "9373"
    VALUE_9374 = "9374"
    VALUE_9375 = "9375"
    VALUE_9379 = "9379"
    VALUE_9384 = "9384"
    VALUE_9385 = "9385"
    VALUE_9387 = "9387"
    VALUE_9388 = "9388"
    VALUE_9389 = "9389"
    VALUE_9390 = "9390"
    VALUE_9411 = "9411"
    VALUE_9412 = "9412"
    VALUE_9413 = "9413"
    VALUE_9414 = "9414"
    VALUE_9415 = "9415"
    S300 = "S300"
    S329 = "S329"


class LdtSoortRelatie(Enum):
    """
    De soort relatie die een persoon ten opzichte van de client heeft.

    :cvar VALUE_03: Curator (juridisch)
    :cvar VALUE_04: Financieel (gemachtigd)
    :cvar VALUE_05: Financieel (toetsing)
    :cvar VALUE_06: Leefeenheid
    :cvar VALUE_07: Hulpverlener
    :cvar VALUE_08: Specialist
    :cvar VALUE_09: Anders
    :cvar VALUE_10: Ouder
    :cvar VALUE_11: Voogd
    :cvar VALUE_12: Partner/echtgeno(o)t(e)
    :cvar VALUE_13: Pleegouder
    :cvar VALUE_14: Bewindvoerder
    :cvar VALUE_15: Mentor
    :cvar VALUE_16: Zoon/dochter
    :cvar VALUE_17: Familielid
    :cvar VALUE_18: Gezinslid
    :cvar VALUE_19: Buur
    :cvar VALUE_20: Vriend(in)/kennis
    :cvar VALUE_21: Clientondersteuner
    :cvar VALUE_22: Huisarts
    :cvar VALUE_23: Erven van
    :cvar VALUE_24: Werkgever
    :cvar VALUE_25: Wijkcoach
    """

    VALUE_03 = "03"
    VALUE_04 = "04"
    VALUE_05 = "05"
    VALUE_06 = "06"
    VALUE_07 = "07"
    VALUE_08 = "08"
    VALUE_09 = "09"
    VALUE_10 = "10"
    VALUE_11 = "11"
    VALUE_12 = "12"
    VALUE_13 = "13"
    VALUE_14 = "14"
    VALUE_15 = "15"
    VALUE_16 = "16"
    VALUE_17 = "17"
    VALUE_18 = "18"
    VALUE_19 = "19"
    VALUE_20 = "20"
    VALUE_21 = "21"
    VALUE_22 = "22"
    VALUE_23 = "23"
    VALUE_24 = "24"
    VALUE_25 = "25"


class LdtStatusAanlevering(Enum):
    """
    Indicatie over de status van de informatie in de berichtklasse.

    :cvar VALUE_1: Eerste aanlevering
    :cvar VALUE_2: Gewijzigde aanlevering
    :cvar VALUE_3: Verwijderen aanlevering
    :cvar VALUE_9: Niet van toepassing (ongewijzigd)
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_9 = "9"


class LdtTypeVerwijzer(Enum):
    """
    Aanduiding van de aard van de verwijzer.

    :cvar VALUE_01: Gemeente
    :cvar VALUE_02: Huisarts
    :cvar VALUE_03: Jeugdarts
    :cvar VALUE_04: Gecertificeerde instelling
    :cvar VALUE_05: Medisch specialist
    :cvar VALUE_06: Zelfverwijzer/geen verwijzer
    :cvar VALUE_08: Rechter, Officier van Justitie, functionaris Justitiele jeugdinrichting
    """

    VALUE_01 = "01"
    VALUE_02 = "02"
    VALUE_03 = "03"
    VALUE_04 = "04"
    VALUE_05 = "05"
    VALUE_06 = "06"
    VALUE_08 = "08"


class LdtVerzoekAntwoord(Enum):
    """
    Het antwoord op een verzoek.

    :cvar VALUE_1: Verzoek afgewezen
    :cvar VALUE_2: Aanvraag in onderzoek
    """

    VALUE_1 = "1"
    VALUE_2 = "2"


class LdtWettelijkeVertegenwoordiging(Enum):
    """
    Wettelijke vertegenwoordiging die voor de client van toepassing is op het moment van
    beoordeling.

    :cvar VALUE_06: Voogdij
    :cvar VALUE_07: Bewindvoering
    :cvar VALUE_08: Mentorschap
    :cvar VALUE_09: Onder curatele stelling
    :cvar VALUE_10: Zaakwaarneming
    """

    VALUE_06 = "06"
    VALUE_07 = "07"
    VALUE_08 = "08"
    VALUE_09 = "09"
    VALUE_10 = "10"


@dataclass(slots=True, kw_only=True)
class CdtBedragMetDc:
    """
    Samengesteld bedrag met DebetCredit indicatie.
    """

    class Meta:
        name = "CDT_BedragMetDC"

    bedrag: int = field(
        metadata={
            "name": "Bedrag",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999999,
        }
    )
    debet_credit: LdtDebetCredit = field(
        metadata={
            "name": "DebetCredit",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class CdtCommunicatie:
    """
    Aanduiding over bijzondere vorm van communicatie die gebruikt dient te worden.

    :ivar vorm: Gecodeerde aanduiding van de bijzondere vorm van communicatie die gebruikt
        dient te worden.
    :ivar taal: De taal van de client waarin met de client wordt gecommuniceerd.
    """

    class Meta:
        name = "CDT_Communicatie"

    vorm: LdtCommunicatievorm = field(
        metadata={
            "name": "Vorm",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        }
    )
    taal: None | str = field(
        default=None,
        metadata={
            "name": "Taal",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 25,
            "pattern": r".*[^\s].*",
        },
    )


@dataclass(slots=True, kw_only=True)
class CdtGeboortedatum:
    """
    Datum waarop een natuurlijk persoon geboren is.

    :ivar datum: Datum waarop een persoon geboren is.
    :ivar datum_gebruik: Indicator die aangeeft welk deel van de voorafgaande datum gebruikt
        mag worden.
    """

    class Meta:
        name = "CDT_Geboortedatum"

    datum: str = field(
        metadata={
            "name": "Datum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        }
    )
    datum_gebruik: None | LdtDatumGebruik = field(
        default=None,
        metadata={
            "name": "DatumGebruik",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        },
    )


@dataclass(slots=True, kw_only=True)
class CdtHuis:
    """
    Aanduiding van een specifiek huis in een straat, onderdeel van het adres.

    :ivar huisnummer: De numerieke aanduiding zoals de gemeente die aan het object heeft
        toegekend.
    :ivar huisletter: Een alfabetisch teken achter het huisnummer zoals dit door het
        gemeentebestuur is toegekend.
    :ivar huisnummer_toevoeging: Die letters of tekens die noodzakelijk zijn om, naast
        huisnummer en -letter, de brievenbus te vinden.
    :ivar aanduiding_woonadres: De aanduiding die wordt gebruikt voor adressen die niet zijn
        voorzien van de gebruikelijke straatnaam en huisnummeraanduidingen.
    """

    class Meta:
        name = "CDT_Huis"

    huisnummer: int = field(
        metadata={
            "name": "Huisnummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999,
        }
    )
    huisletter: None | str = field(
        default=None,
        metadata={
            "name": "Huisletter",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 1,
            "pattern": r".*[^\s].*",
        },
    )
    huisnummer_toevoeging: None | str = field(
        default=None,
        metadata={
            "name": "HuisnummerToevoeging",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 4,
            "pattern": r".*[^\s].*",
        },
    )
    aanduiding_woonadres: None | LdtAanduidingWoonadres = field(
        default=None,
        metadata={
            "name": "AanduidingWoonadres",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        },
    )


@dataclass(slots=True, kw_only=True)
class CdtOmvang:
    """
    Aanduiding van de omvang van de te leveren of geleverde ondersteuning, uitgedrukt in Volume,
    Eenheid en Frequentie.

    :ivar volume: Aanduiding van de mate van zorg betreffende een product.
    :ivar eenheid: Aanduiding van de eenheid waarin het volume is uitgedrukt.
    :ivar frequentie: Aanduiding van de frequentie waarmee een ondersteuningsproduct geleverd
        wordt.
    """

    class Meta:
        name = "CDT_Omvang"

    volume: int = field(
        metadata={
            "name": "Volume",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999999,
        }
    )
    eenheid: LdtEenheid = field(
        metadata={
            "name": "Eenheid",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        }
    )
    frequentie: LdtFrequentie = field(
        metadata={
            "name": "Frequentie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class CdtProduct:
    """
    Gecodeerde omschrijving van een product, dienst of resultaat ten behoeve van het leveren van
    ondersteuning aan een client.

    Product wordt uitgedrukt in een categorie en eventueel nader gespecificeerd met een
    specifieke productcode.

    :ivar categorie: Gecodeerde aanduiding van hoofdcategorieen van producten in het kader
        van de Jeugdwet.
    :ivar code: Gecodeerde aanduiding van producten in het kader van de Jeugdwet.
    """

    class Meta:
        name = "CDT_Product"

    categorie: LdtProductCategorie = field(
        metadata={
            "name": "Categorie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        }
    )
    code: None | str = field(
        default=None,
        metadata={
            "name": "Code",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 5,
            "pattern": r".*[^\s].*",
        },
    )


@dataclass(slots=True, kw_only=True)
class CdtTelefoonnummers:
    """
    De telefoonnummers waarop de client of relatie van de client te bereiken is.

    :ivar telefoon01: Het telefoonnummer waarop de client of relatie van de client te
        bereiken is.
    :ivar telefoon02: Het telefoonnummer waarop de client of relatie van de client te
        bereiken is.
    """

    class Meta:
        name = "CDT_Telefoonnummers"

    telefoon01: CdtTelefoon = field(
        metadata={
            "name": "Telefoon01",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        }
    )
    telefoon02: None | CdtTelefoon = field(
        default=None,
        metadata={
            "name": "Telefoon02",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        },
    )


@dataclass(slots=True, kw_only=True)
class CdtTotaalBedragMetDc:
    """
    Samengesteld totaal bedrag met DebetCredit indicatie.

    :ivar totaal_bedrag: Het bedrag dat in zijn totaliteit gedeclareerd of gefactureerd,
        toegekend of berekend is.
    :ivar debet_credit: Indicatie of een bedrag/aantal debet of credit is.
    """

    class Meta:
        name = "CDT_TotaalBedragMetDC"

    totaal_bedrag: int = field(
        metadata={
            "name": "TotaalBedrag",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999999,
        }
    )
    debet_credit: LdtDebetCredit = field(
        metadata={
            "name": "DebetCredit",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class CdtVerkorteNaam:
    """
    De naam van een natuurlijk persoon, aangeduid als Geslachtsnaam en eventueel Voornamen en/of
    Voorletters.

    :ivar geslachtsnaam: Wettelijk vastgelegde achternaam die iemand bij de geboorte erft van
        de vader of moeder.
    :ivar voornamen: De verzameling namen die, gescheiden door spaties, aan de geslachtsnaam
        voorafgaat.
    :ivar voorletters: De verzameling van letters die wordt gevormd door de eerste letter van
        alle in volgorde voorkomende voornamen van een persoon.
    """

    class Meta:
        name = "CDT_VerkorteNaam"

    geslachtsnaam: CdtAchternaam = field(
        metadata={
            "name": "Geslachtsnaam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        }
    )
    voornamen: None | str = field(
        default=None,
        metadata={
            "name": "Voornamen",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 200,
            "pattern": r".*[^\s].*",
        },
    )
    voorletters: None | str = field(
        default=None,
        metadata={
            "name": "Voorletters",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 6,
            "pattern": r"([a-zA-ZÀ-ỳ])+",
        },
    )


@dataclass(slots=True, kw_only=True)
class CdtVerwijzer:
    """
    Gegevens over de persoon of instantie die een client heeft doorverwezen naar ondersteuning,
    aangeduid als Type en Naam of ZorgverlenerCode.

    :ivar type_value: Gecodeerde aanduiding van het type verwijzer.
    :ivar naam: Naam van de verwijzende persoon of instantie.
    :ivar zorgverlener_code: De AGBcode van de zorgverlener.
    """

    class Meta:
        name = "CDT_Verwijzer"

    type_value: LdtTypeVerwijzer = field(
        metadata={
            "name": "Type",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        }
    )
    naam: None | str = field(
        default=None,
        metadata={
            "name": "Naam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 64,
            "pattern": r".*[^\s].*",
        },
    )
    zorgverlener_code: None | str = field(
        default=None,
        metadata={
            "name": "ZorgverlenerCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        },
    )


@dataclass(slots=True, kw_only=True)
class CdtVolledigeNaam:
    """
    Volledige naam van een natuurlijk persoon, aangeduid als Geslachtsnaam, eventueel
    Partnernaam, Voornamen en/of Voorletters en NaamGebruik.

    :ivar geslachtsnaam: Wettelijk vastgelegde achternaam die iemand bij de geboorte erft van
        de vader of moeder.
    :ivar partnernaam: Na het voltrekken van een huwelijk of na een officiele
        partnerregistratie van de partner aangenomen familienaam.
    :ivar voornamen: De verzameling namen die, gescheiden door spaties, aan de geslachtsnaam
        voorafgaat.
    :ivar voorletters: De verzameling van letters die wordt gevormd door de eerste letter van
        alle in volgorde voorkomende voornamen van een persoon.
    :ivar naam_gebruik: Aanduiding naamgebruik (gecodeerd).
    """

    class Meta:
        name = "CDT_VolledigeNaam"

    geslachtsnaam: CdtAchternaam = field(
        metadata={
            "name": "Geslachtsnaam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        }
    )
    partnernaam: None | CdtAchternaam = field(
        default=None,
        metadata={
            "name": "Partnernaam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        },
    )
    voornamen: None | str = field(
        default=None,
        metadata={
            "name": "Voornamen",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 200,
            "pattern": r".*[^\s].*",
        },
    )
    voorletters: None | str = field(
        default=None,
        metadata={
            "name": "Voorletters",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 6,
            "pattern": r"([a-zA-ZÀ-ỳ])+",
        },
    )
    naam_gebruik: LdtNaamGebruik = field(
        metadata={
            "name": "NaamGebruik",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        }
    )


@dataclass(slots=True, kw_only=True)
class CdtAdres:
    """
    Gegevens voor de aanduiding van een adres.

    :ivar huis: Aanduiding van een specifiek huis in een straat, onderdeel van het adres.
    :ivar postcode: Aanduiding van de (inter)nationale postcode. Dit veld is geschikt voor
        zowel de Nederlandse als niet-Nederlandse postcodes.
    :ivar straatnaam: De officiele door de gemeente vastgestelde naam van een straat.
    :ivar plaatsnaam: De door de gemeente vastgestelde naam van een woonplaats.
    :ivar land_code: Identificatie van een (historisch/actueel) land of gebiedsdeel.
    """

    class Meta:
        name = "CDT_Adres"

    huis: None | CdtHuis = field(
        default=None,
        metadata={
            "name": "Huis",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        },
    )
    postcode: None | str = field(
        default=None,
        metadata={
            "name": "Postcode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r".*[^\s].*",
        },
    )
    straatnaam: None | str = field(
        default=None,
        metadata={
            "name": "Straatnaam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 24,
            "pattern": r".*[^\s].*",
        },
    )
    plaatsnaam: None | str = field(
        default=None,
        metadata={
            "name": "Plaatsnaam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "min_length": 1,
            "max_length": 80,
            "pattern": r".*[^\s].*",
        },
    )
    land_code: None | LdtLandCode = field(
        default=None,
        metadata={
            "name": "LandCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        },
    )
