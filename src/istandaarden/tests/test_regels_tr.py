"""Per technische regel: an official example, mutated to break exactly that rule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from istandaarden.regels import REGELS
from istandaarden.regels.registry import datum_van
from istandaarden.regels.tr import jaren_voor
from istandaarden.validation import validate

PRESTATIE = "//m:Client[1]/m:Prestaties/m:Prestatie"


def _herstel(b) -> None:
    """Make the examples that break something valid first (see test_validation)."""
    if b.naam.endswith("317"):  # TR380 (iWmo), CS003 (iJw)
        b.zet("//m:NieuwProduct/m:GewensteIngangsdatum", "2030-01-01")
        b.zet("//m:NieuwProduct/m:Einddatum", "2030-12-31")
    elif b.naam == "JW315":  # 2027-06-31 does not exist
        b.zet("//m:ToewijzingEinddatum", "2027-06-30")
    elif b.naam == "JW323":  # a repeated ReferentieNummer (TR101)
        b.zet(
            "//m:Client[2]/m:Prestaties/m:Prestatie[3]/m:ProductReferentie/b:ReferentieNummer",
            "RN005",
        )


def _crediteer(b, positie: int, vorig: str) -> None:
    """Make prestatie ``positie`` of the first client a credit of ``vorig`` (CD060, TR358)."""
    prestatie = f"{PRESTATIE}[{positie}]"
    b.voeg_toe(f"{prestatie}/m:ProductReferentie", "b:VorigReferentieNummer", vorig)
    b.zet(f"{prestatie}/m:IngediendBedrag/b:DebetCredit", "C")
    bedrag = int(b.een(f"{prestatie}/m:IngediendBedrag/b:Bedrag").text)
    totaal = b.een("//m:TotaalIngediendBedrag/b:TotaalBedrag")
    totaal.text = str(int(totaal.text) - 2 * bedrag)


def tr002(b):
    b.zet("//m:Client/m:Geboortedatum/b:Datum", "1899-12-31")


def tr006(b):
    # A correspondentieadres needs no postcode (CD034); without one, no LandCode (CD005).
    contact = "//m:Relatie[1]/m:Contact"
    b.zet(f"{contact}/m:Soort", "02")
    b.verwijder(f"{contact}/m:Telefoon")
    b.verwijder(f"{contact}/m:Adres/b:Postcode")
    b.verwijder(f"{contact}/m:Adres/b:LandCode")


def tr018(b):
    b.zet("//m:StopProduct[1]/m:Einddatum", "2000-01-01")


def tr061(b):
    # One contact left (two of Soort 04 would also break TR101: Soort is Contact's key).
    for contact in b.root.xpath(
        "//m:Contactgegevens/m:Contact[position() < last()]", namespaces=b.ns
    ):
        contact.getparent().remove(contact)
    b.zet("//m:Contactgegevens/m:Contact/m:Soort", "04")


def tr101(b):
    # Second prestatie of the first client gets the first one's ReferentieNummer.
    eerste = b.een(f"{PRESTATIE}[1]/m:ProductReferentie/b:ReferentieNummer").text
    b.zet(f"{PRESTATIE}[2]/m:ProductReferentie/b:ReferentieNummer", eerste)


def tr134(b):
    b.zet("//m:StartProduct[1]/m:Begindatum", "2099-01-01")


def tr137(b):
    # Within one month, so CS337 (one calendar month) still holds.
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Begindatum", _dag(b, 1, "04-15"))
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Einddatum", _dag(b, 1, "04-10"))


def tr302(b):
    b.kopieer("//m:ToegewezenProduct[1]").find("{*}ToewijzingNummer").text = "99999"


def tr315(b):
    for positie in (1, 2):
        _crediteer(b, positie, "X1")


def tr316(b):
    eerste = b.een(f"{PRESTATIE}[1]/m:ProductReferentie/b:ReferentieNummer").text
    _crediteer(b, 2, eerste)


def tr319(b):
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Begindatum", _dag(b, 1, "05-01"))
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Einddatum", _dag(b, 1, "05-02"))


def _dag(b, positie: int, maand_dag: str) -> str:
    jaar = b.een(f"{PRESTATIE}[{positie}]/m:ProductPeriode/b:Begindatum").text[:4]
    return f"{jaar}-{maand_dag}"


def tr335(b):
    # CS100 forbids periods before 2021, so move the declaratiedagtekening forward instead.
    b.zet("//m:Declaratie/m:DeclaratieDagtekening", "2027-01-01")
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Begindatum", "2021-01-01")
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Einddatum", "2021-01-31")


def tr342(b):
    b.zet("//m:TotaalToegekendBedrag/b:TotaalBedrag", "1")


def tr352(b):
    b.verwijder("//m:OngewijzigdeProducten | //m:TeWijzigenProducten")


def tr353(b):
    b.verwijder("//m:TeWijzigenProducten | //m:NieuweProducten")


def tr358(b):
    b.zet("//m:TotaalIngediendBedrag/b:TotaalBedrag", "1")


def tr377(b):
    b.verwijder("//m:Woonplaatsbeginsel")


def tr380(b):
    dagtekening = b.een("//m:BerichtIdentificatie/b:Dagtekening").text
    b.zet("//m:NieuwProduct/m:GewensteIngangsdatum", dagtekening)


def tr383(b):
    eerste = b.een("//m:AangevraagdProduct[1]/m:ReferentieAanbieder").text
    b.zet("//m:AangevraagdProduct[2]/m:ReferentieAanbieder", eerste)


def tr386(b):
    def zelfde_product(kopie):
        kopie.find("{*}ReferentieAanbieder").text = "77777777"

    b.kopieer("//m:AangevraagdProduct[1]", zelfde_product)


def tr409(b):
    b.zet("//m:RedenAfwijzingVerzoek", "1")


def tr410(b):
    # The same product, starting later inside the first one's period: it overlaps, but its
    # TR101 key (Product, GewensteIngangsdatum) differs.
    def later(kopie):
        kopie.find("{*}GewensteIngangsdatum").text = "2030-06-01"

    b.kopieer("//m:NieuwProduct[1]", later)


def tr416(b):
    def ander_referentienummer(kopie):
        kopie.find("{*}ProductReferentie/{*}ReferentieNummer").text = "RN999"

    bedrag = b.een(f"{PRESTATIE}[1]/m:IngediendBedrag/b:Bedrag").text
    b.kopieer(f"{PRESTATIE}[1]", ander_referentienummer)
    totaal = b.een("//m:TotaalIngediendBedrag/b:TotaalBedrag")
    totaal.text = str(int(totaal.text) + int(bedrag))  # keep TR358 satisfied


BEIDE = ("iwmo", "ijw")
GEVALLEN: list[tuple[str, str, Callable]] = [
    ("TR002", "301", tr002),
    ("TR006", "301", tr006),
    ("TR018", "307", tr018),
    ("TR061", "301", tr061),
    ("TR101", "323", tr101),
    ("TR134", "305", tr134),
    ("TR137", "323", tr137),
    ("TR302", "301", tr302),
    ("TR315", "323", tr315),
    ("TR316", "323", tr316),
    ("TR319", "323", tr319),
    ("TR335", "323", tr335),
    ("TR342", "325", tr342),
    ("TR352", "317", tr352),
    ("TR353", "317", tr353),
    ("TR358", "323", tr358),
    ("TR380", "317", tr380),
    ("TR383", "315", tr383),
    ("TR386", "315", tr386),
    ("TR410", "317", tr410),
    ("TR416", "323", tr416),
]
ALLEEN_IJW = [("TR377", "319", tr377), ("TR409", "319", tr409)]


def _naam(standaard: str, nummer: str) -> str:
    return f"{'WMO' if standaard == 'iwmo' else 'JW'}{nummer}"


PARAMS = [
    pytest.param(code, _naam(standaard, nummer), mutatie, id=f"{code}-{_naam(standaard, nummer)}")
    for code, nummer, mutatie in GEVALLEN
    for standaard in BEIDE
] + [
    pytest.param(code, _naam("ijw", nummer), mutatie, id=f"{code}-{_naam('ijw', nummer)}")
    for code, nummer, mutatie in ALLEEN_IJW
]


@pytest.mark.parametrize(("code", "naam", "mutatie"), PARAMS)
def test_mutatie_breekt_precies_deze_regel(bericht, code, naam, mutatie):
    b = bericht(naam)
    _herstel(b)
    assert validate(b.bytes()) == []
    mutatie(b)
    fouten = validate(b.bytes())
    assert [fout.code for fout in fouten] == [code], fouten
    assert fouten[0].retourcode == "0001"
    assert fouten[0].xpath.startswith("/Bericht[1]/")
    assert fouten[0].xpath.endswith(SCOPE_ELEMENT.get(code, ""))
    assert fouten[0].line is not None


# Where the finding is reported: the rule's scope element (regel-scope.md), not a child.
SCOPE_ELEMENT = {
    "TR137": "/Prestatie[1]/ProductPeriode[1]",
    "TR315": "/Prestatie[2]/ProductReferentie[1]",
    "TR316": "/Prestatie[2]/ProductReferentie[1]",
    "TR319": "/Prestaties[1]/Prestatie[1]",
    "TR383": "/AangevraagdeProducten[1]/AangevraagdProduct[2]",
    "TR409": "/Antwoord[1]/RedenAfwijzingVerzoek[1]",
}


def test_elke_tr_regel_heeft_een_mutatietest():
    getest = {code for code, _, _ in GEVALLEN + ALLEEN_IJW}
    tr_regels = {code for code, regel in REGELS.items() if regel.module.endswith(".tr")}
    assert tr_regels == getest


def test_tr386_categorie_11_tot_14_mag_stapelen_in_iwmo(bericht):
    b = bericht("WMO315")
    b.zet("//m:AangevraagdProduct/m:Product/b:Categorie", "11")
    tr386(b)
    assert validate(b.bytes()) == []


def test_tr302_verwijderde_toewijzing_telt_niet_mee(bericht):
    b = bericht("WMO301")
    kopie = b.kopieer("//m:ToegewezenProduct[1]")
    kopie.find("{*}ToewijzingNummer").text = "99999"
    ingang = kopie.find("{*}Ingangsdatum").text
    kopie.find("{*}Einddatum").text = ingang
    b.voeg_toe("//m:ToegewezenProduct[2]", "m:RedenWijziging", "13", na="m:Einddatum")
    assert [fout.code for fout in validate(b.bytes())] == []


def test_tr002_onbekende_geboortedatum_is_toegestaan(bericht):
    b = bericht("WMO301")
    b.zet("//m:Client/m:Geboortedatum/b:Datum", "1900-01-01")
    b.voeg_toe("//m:Client/m:Geboortedatum", "b:DatumGebruik", "3")
    assert [fout.code for fout in validate(b.bytes())] == []


def test_tr380_xpath_en_regel(sample_bytes):
    [fout] = validate(sample_bytes("WMO317"))
    assert fout.xpath == (
        "/Bericht[1]/Client[1]/Verzoek[1]/NieuweProducten[1]/NieuwProduct[1]"
        "/GewensteIngangsdatum[1]"
    )
    assert fout.message == (
        "GewensteIngangsdatum 02-04-2023 moet na de dagtekening van het bericht "
        "(02-04-2023) liggen."
    )


# ---------------------------------------------------------------- reviewer findings


def _herstelde(bericht, naam: str):
    b = bericht(naam)
    _herstel(b)
    assert validate(b.bytes()) == []
    return b


def _codes(b) -> list[str]:
    return [fout.code for fout in validate(b.bytes())]


BERICHT_PER_STANDAARD = pytest.mark.parametrize("prefix", ["WMO", "JW"])


@BERICHT_PER_STANDAARD
def test_tr358_bedrag_met_plusteken_en_voorloopnullen(bericht, prefix):
    """xs:integer allows '+5000' and '05000'; XPath number() does not (NaN)."""
    b = _herstelde(bericht, f"{prefix}323")
    bedrag = b.een(f"{PRESTATIE}[1]/m:IngediendBedrag/b:Bedrag")
    bedrag.text = f"+{bedrag.text}"
    totaal = b.een("//m:TotaalIngediendBedrag/b:TotaalBedrag")
    totaal.text = f"+0{totaal.text}"
    assert validate(b.bytes()) == []
    totaal.text = f"+{int(totaal.text) + 1}"
    assert _codes(b) == ["TR358"]


@BERICHT_PER_STANDAARD
def test_tr342_bedrag_met_plusteken(bericht, prefix):
    b = _herstelde(bericht, f"{prefix}325")
    for bedrag in b.alle("//m:Prestatie/m:IngediendBedrag/b:Bedrag"):
        bedrag.text = f"+{bedrag.text}"
    assert validate(b.bytes()) == []
    tr342(b)
    assert _codes(b) == ["TR342"]


@BERICHT_PER_STANDAARD
def test_tr342_volledig_toegekend_8001_is_geen_afkeur(bericht, prefix):
    """IV087: fully approved is 8001 on the DeclaratieAntwoord with the whole amount granted
    and no prestaties listed; 8001 is no rejection, so TR342 wants toegekend = ingediend."""
    b = _herstelde(bericht, f"{prefix}325")
    b.verwijder("//m:DeclaratieAntwoord/m:Clienten")
    for code in b.alle("//m:DeclaratieAntwoord/m:RetourCodes/m:RetourCode"):
        code.text = "8001"
    ingediend = b.een("//m:TotaalIngediendBedrag/b:TotaalBedrag").text
    b.zet("//m:TotaalToegekendBedrag/b:TotaalBedrag", ingediend)
    assert validate(b.bytes()) == []
    b.zet("//m:TotaalToegekendBedrag/b:TotaalBedrag", "1")
    assert _codes(b) == ["TR342"]


def test_jaren_voor_blijft_binnen_het_datumbereik():
    assert jaren_voor(date(100, 8, 13), 120) == date.min
    assert jaren_voor(date(3, 5, 6), 5) == date.min
    assert jaren_voor(date(2024, 2, 29), 1) == date(2023, 2, 28)
    assert jaren_voor(date(2024, 2, 29), 4) == date(2020, 2, 29)


@BERICHT_PER_STANDAARD
def test_tr002_dagtekening_in_de_eerste_eeuw(bericht, prefix):
    """120 years before 0100-08-13 is before year 1: no crash, no TR002; every date in the
    message is after that Dagtekening (TR134)."""
    b = _herstelde(bericht, f"{prefix}301")
    b.zet("//m:BerichtIdentificatie/b:Dagtekening", "0100-08-13")
    fouten = validate(b.bytes())
    assert fouten and {fout.code for fout in fouten} == {"TR134"}
    assert "dagtekening van het bericht (13-08-0100)" in fouten[0].message


@BERICHT_PER_STANDAARD
def test_tr335_declaratiedagtekening_in_jaar_3(bericht, prefix):
    b = _herstelde(bericht, f"{prefix}323")
    b.zet("//m:Declaratie/m:DeclaratieDagtekening", "0003-05-06")
    assert validate(b.bytes()) == []


@BERICHT_PER_STANDAARD
def test_tr319_meldt_op_prestatie_met_eigen_retourcode_als_metadata(bericht, prefix):
    b = _herstelde(bericht, f"{prefix}323")
    tr319(b)
    [fout] = validate(b.bytes())
    assert (fout.code, fout.retourcode) == ("TR319", "0001")
    assert fout.xpath == "/Bericht[1]/Declaratie[1]/Clienten[1]/Client[1]/Prestaties[1]" + (
        "/Prestatie[1]"
    )
    assert REGELS["TR319"].officiele_retourcode == "9319"
    assert all(r.officiele_retourcode is None for c, r in REGELS.items() if c != "TR319")


@BERICHT_PER_STANDAARD
def test_tr101_dubbel_relatienummer(bericht, prefix):
    b = _herstelde(bericht, f"{prefix}301")
    b.zet("//m:Relatie[2]/m:Nummer", b.een("//m:Relatie[1]/m:Nummer").text)
    [fout] = validate(b.bytes())
    assert fout.code == "TR101"
    assert fout.xpath == "/Bericht[1]/Client[1]/Relaties[1]/Relatie[2]"


@BERICHT_PER_STANDAARD
def test_tr101_twee_contacten_met_dezelfde_soort(bericht, prefix):
    b = _herstelde(bericht, f"{prefix}301")
    b.kopieer("//m:Contactgegevens/m:Contact[1]")
    b.zet("//m:Contactgegevens/m:Contact[position() <= 2]/m:Soort", "01")
    [fout] = validate(b.bytes())
    assert fout.code == "TR101"
    assert fout.xpath == "/Bericht[1]/Client[1]/Contactgegevens[1]/Contact[2]"
    assert "Soort=01" in fout.message


@BERICHT_PER_STANDAARD
def test_tr101_en_tr410_dubbel_nieuw_product(bericht, prefix):
    """An identical NieuwProduct repeats the key (Product, GewensteIngangsdatum): TR101. It is
    also the same product in an overlapping period: TR410 (category 01, also in iWmo). Both
    rules hold on their own, so both are reported, on the second NieuwProduct."""
    b = _herstelde(bericht, f"{prefix}317")
    b.kopieer("//m:NieuwProduct[1]")
    pad = "/Bericht[1]/Client[1]/Verzoek[1]/NieuweProducten[1]/NieuwProduct[2]"
    assert [(f.code, f.xpath) for f in validate(b.bytes())] == [("TR101", pad), ("TR410", pad)]


@BERICHT_PER_STANDAARD
def test_tr101_stopproduct_sleutel_bevat_einddatum_en_product(bericht, prefix):
    b = _herstelde(bericht, f"{prefix}307")
    kopie = b.kopieer("//m:StopProduct[1]")
    assert _codes(b) == ["TR101"]
    einde = kopie.find("{*}Einddatum")
    einde.text = einde.text[:8] + "10"  # earlier in the same month, after the Begindatum
    assert _codes(b) == []
    kopie.find("{*}Einddatum").text = b.een("//m:StopProduct[1]/m:Einddatum").text
    kopie.find("{*}Product/{*}Code").text = "01A19"
    assert _codes(b) == []


@BERICHT_PER_STANDAARD
def test_tr101_startproduct_sleutel_bevat_product(bericht, prefix):
    b = _herstelde(bericht, f"{prefix}305")
    kopie = b.kopieer("//m:StartProduct[1]")
    assert _codes(b) == ["TR101"]
    kopie.find("{*}Product/{*}Code").text = "01A19"
    assert _codes(b) == []


@BERICHT_PER_STANDAARD
def test_tr101_prestatie_sleutel_bevat_vorig_referentienummer(bericht, prefix):
    """ProductReferentie is the key: ReferentieNummer and VorigReferentieNummer."""
    b = _herstelde(bericht, f"{prefix}323")
    _crediteer(b, 2, "X1")
    eerste = b.een(f"{PRESTATIE}[1]/m:ProductReferentie/b:ReferentieNummer").text
    b.zet(f"{PRESTATIE}[2]/m:ProductReferentie/b:ReferentieNummer", eerste)
    assert _codes(b) == []


@BERICHT_PER_STANDAARD
def test_tr137_een_bevinding_per_periode(bericht, prefix):
    """Einddatum before its Begindatum and after the dagtekening: one TR137, on the period."""
    b = _herstelde(bericht, f"{prefix}323")
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Begindatum", "2099-05-20")
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Einddatum", "2099-05-10")
    tr137 = [f for f in validate(b.bytes()) if f.code == "TR137"]
    assert [f.xpath for f in tr137] == [
        "/Bericht[1]/Declaratie[1]/Clienten[1]/Client[1]/Prestaties[1]/Prestatie[1]"
        "/ProductPeriode[1]"
    ]
    assert "voor de begindatum" in tr137[0].message
    assert "na de dagtekening" in tr137[0].message


@BERICHT_PER_STANDAARD
@pytest.mark.parametrize("geboortedatum", ["-0500-08-13", "-2500-08-13"])
def test_tr002_geboortedatum_voor_jaar_1(bericht, prefix, geboortedatum):
    b = _herstelde(bericht, f"{prefix}301")
    b.zet("//m:Client/m:Geboortedatum/b:Datum", geboortedatum)
    [fout] = validate(b.bytes())
    assert (fout.code, fout.xpath) == ("TR002", "/Bericht[1]/Client[1]/Geboortedatum[1]/Datum[1]")
    assert geboortedatum in fout.message


@BERICHT_PER_STANDAARD
def test_tr134_toewijzingsdatum_na_jaar_9999(bericht, prefix):
    b = _herstelde(bericht, f"{prefix}301")
    b.zet("//m:ToegewezenProduct[1]/m:Toewijzingsdatum", "12023-08-13")
    [fout] = validate(b.bytes())
    assert fout.code == "TR134"
    assert fout.xpath.endswith("/ToegewezenProduct[1]/Toewijzingsdatum[1]")
    assert "12023-08-13" in fout.message


def test_datum_van_leest_de_hele_xs_date_vorm():
    from lxml import etree

    def lees(tekst):
        element = etree.Element("Datum")
        element.text = tekst
        return datum_van(element)

    assert lees(" 2023-04-02 ") == date(2023, 4, 2)
    assert lees("-0500-08-13") == date.min and str(lees("-0500-08-13")) == "-0500-08-13"
    assert lees("0000-01-01") == date.min
    assert lees("12023-08-13") == date.max and str(lees("12023-08-13")) == "12023-08-13"
    assert lees("2023-02-30") is None and lees("geen datum") is None
