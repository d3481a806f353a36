"""Constraint rules (CS): every rule broken on its own in a mutated official example.

Uses the example loader and mutation helpers of ``test_regels_cd.py``; see there.
"""

from __future__ import annotations

import calendar

import pytest
from lxml import etree

from istandaarden.regels import REGELS
from istandaarden.regels.cs import voldoet_aan_elfproef
from istandaarden.tests.regelhulp import BEIDE, Bericht, controleer


def test_alle_cs_regels_geregistreerd() -> None:
    verwacht = {
        "CS002", "CS003", "CS050", "CS058", "CS089", "CS100", "CS139", "CS318", "CS325",
        "CS335", "CS336", "CS337", "CS338", "CS339", "CS340", "CS343",
    }  # fmt: skip
    assert verwacht <= set(REGELS)
    assert all(REGELS[code].retourcode == "0001" for code in verwacht)


# ---------------------------------------------------------------- CS002 elfproef


@pytest.mark.parametrize(
    ("bsn", "geldig"),
    [
        ("123456782", True),  # the example of elfproef.md
        ("999900006", True),
        ("999999990", True),
        ("123456789", False),
        ("999900007", False),
        ("12345678", False),
        ("12345678a", False),
    ],
)
def test_elfproef(bsn: str, geldig: bool) -> None:
    assert voldoet_aan_elfproef(bsn) is geldig


@BEIDE
@pytest.mark.parametrize("nummer", ["301", "305", "307", "315", "317", "323", "325"])
def test_cs002_bsn_zonder_elfproef(standaard: str, nummer: str) -> None:
    controleer(standaard, nummer, lambda b: b.zet("Client/Bsn", "123456789"), ["CS002"])


# ---------------------------------------------------------------- CS003 dates


@BEIDE
@pytest.mark.parametrize(
    ("nummer", "einde", "begin"),
    [
        ("301", "ToegewezenProduct/Einddatum", "ToegewezenProduct/Ingangsdatum"),
        ("315", "AangevraagdProduct/ToewijzingEinddatum",
         "AangevraagdProduct/ToewijzingIngangsdatum"),
        ("317", "NieuwProduct/Einddatum", "NieuwProduct/GewensteIngangsdatum"),
        ("317", "TeWijzigenProduct/Einddatum", "TeWijzigenProduct/GewensteIngangsdatum"),
    ],
)  # fmt: skip
def test_cs003_einddatum_voor_begindatum(
    standaard: str, nummer: str, einde: str, begin: str
) -> None:
    def mutatie(b: Bericht) -> None:
        if not b.alle(einde):  # JW317 has no TeWijzigenProduct: give the NieuwProduct's date
            pytest.skip(f"{einde} niet in {b.naam}")
        begindatum = b.vind(begin).text
        b.zet(einde, f"{int(begindatum[:4]) - 1}{begindatum[4:]}")
        if b.naam.endswith("301"):  # TR302: the other products may now overlap nothing
            b.enkel("ToegewezenProduct")

    controleer(standaard, nummer, mutatie, ["CS003"])


@BEIDE
def test_cs003_einddatum_gelijk_aan_begindatum_mag(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.enkel("ToegewezenProduct")
        b.zet("ToegewezenProduct/Einddatum", b.vind("ToegewezenProduct/Ingangsdatum").text)

    controleer(standaard, "301", mutatie, [])


@BEIDE
def test_cs003_contactperiode(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.zet("Relatie/Contact/Soort", "04")  # a Periode is only allowed here (CD009)
        b.weg("Relatie/Contact/Adres/Postcode")  # Soort 04 needs no postcode (CD034) ...
        b.weg("Relatie/Contact/Adres/LandCode")  # ... and then no LandCode (CD005)
        b.voeg_toe("Relatie/Contact", "Periode")
        b.voeg_toe("Relatie/Contact/Periode", "Begindatum", "2020-02-01", ns="b")
        b.voeg_toe("Relatie/Contact/Periode", "Einddatum", "2020-01-31", ns="b")

    controleer(standaard, "301", mutatie, ["CS003"])


# ---------------------------------------------------------------- persons


@BEIDE
def test_cs050_naamgebruik_5_met_partnernaam(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        naam = b.vind("Relatie/Naam")
        if not b.alle("Relatie/Naam/Partnernaam"):
            partner = b.voeg_toe("Relatie/Naam", "Partnernaam", na="Geslachtsnaam")
            etree.SubElement(partner, f"{{{b.ns('b')}}}Achternaam").text = "Jansen"
        naam[-1].text = "5"

    controleer(standaard, "301", mutatie, ["CS050"])


@BEIDE
@pytest.mark.parametrize("waarde", ["2", "3", "4", "5"])
def test_cs050_zonder_partnernaam_alleen_1_of_6(standaard: str, waarde: str) -> None:
    def mutatie(b: Bericht) -> None:
        for partner in b.alle("Relatie/Naam/Partnernaam"):
            partner.getparent().remove(partner)
        b.zet("Relatie/Naam/NaamGebruik", waarde)

    controleer(standaard, "301", mutatie, ["CS050"])


def _client_niet_natuurlijk_persoon(b: Bericht) -> None:
    for partner in b.alle("Client/Naam/Partnernaam"):
        partner.getparent().remove(partner)
    b.zet("Client/Naam/NaamGebruik", "6")


def test_cs318_client_naamgebruik_6_ijw() -> None:
    controleer("ijw", "301", _client_niet_natuurlijk_persoon, ["CS318"])


def test_cs318_geldt_niet_in_iwmo() -> None:
    """regel-scope.md lists CS318 for iJw only (JW301 Client/Naam/NaamGebruik)."""
    controleer("iwmo", "301", _client_niet_natuurlijk_persoon, [])


@BEIDE
@pytest.mark.parametrize(
    ("gebruik", "goed", "fout"),
    [("1", "1967-08-01", "1967-08-13"), ("2", "1967-01-01", "1967-08-01"),
     ("3", "1900-01-01", "1967-01-01")],
)  # fmt: skip
@pytest.mark.parametrize("nummer", ["301", "305", "307", "315"])
def test_cs139_datumgebruik(
    standaard: str, nummer: str, gebruik: str, goed: str, fout: str
) -> None:
    def mutatie(datum: str):
        def muteer(b: Bericht) -> None:
            b.zet("Client/Geboortedatum/Datum", datum)
            b.voeg_toe("Client/Geboortedatum", "DatumGebruik", gebruik, na="Datum")

        return muteer

    controleer(standaard, nummer, mutatie(goed), [])
    controleer(standaard, nummer, mutatie(fout), ["CS139"])


# ---------------------------------------------------------------- addresses


@BEIDE
@pytest.mark.parametrize("postcode", ["0123AB", "1234 AB", "123AB", "1234ABC"])
def test_cs089_nl_zonder_nederlandse_postcode(standaard: str, postcode: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.zet("Relatie/Contact/Adres/LandCode", "NL")
        b.zet("Relatie/Contact/Adres/Postcode", postcode)

    controleer(standaard, "301", mutatie, ["CS089"])


@BEIDE
def test_cs089_buitenlandse_postcode_mag(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.zet("Relatie/Contact/Adres/LandCode", "BE")
        b.zet("Relatie/Contact/Adres/Postcode", "B-1000")

    controleer(standaard, "301", mutatie, [])


# ---------------------------------------------------------------- 305/307 and products


@BEIDE
@pytest.mark.parametrize(("nummer", "waarde"), [("305", "2"), ("307", "2"), ("305", "9")])
def test_cs058_status_aanlevering(standaard: str, nummer: str, waarde: str) -> None:
    klasse = {"305": "StartProduct", "307": "StopProduct"}[nummer]
    controleer(standaard, nummer, lambda b: b.zet(f"{klasse}/StatusAanlevering", waarde), ["CS058"])


@BEIDE
def test_cs335_verwijderd_met_andere_einddatum(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.enkel("ToegewezenProduct")
        b.voeg_toe("ToegewezenProduct", "RedenWijziging", "13", na="Einddatum")

    controleer(standaard, "301", mutatie, ["CS335"])


@BEIDE
def test_cs335_verwijderd_met_gelijke_datums_mag(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.enkel("ToegewezenProduct")
        b.zet("ToegewezenProduct/Einddatum", b.vind("ToegewezenProduct/Ingangsdatum").text)
        b.voeg_toe("ToegewezenProduct", "RedenWijziging", "13", na="Einddatum")

    controleer(standaard, "301", mutatie, [])


@BEIDE
def test_cs336_reden_wijziging_01(standaard: str) -> None:
    mutatie = lambda b: b.voeg_toe("ToegewezenProduct", "RedenWijziging", "01", na="Einddatum")  # noqa: E731
    controleer(standaard, "301", mutatie, ["CS336"])


@BEIDE
@pytest.mark.parametrize(
    ("nummer", "klasse", "code"),
    [("301", "ToegewezenProduct", "CS338"), ("317", "NieuwProduct", "CS338"),
     ("315", "AangevraagdProduct", "CS343")],
)  # fmt: skip
@pytest.mark.parametrize("eenheid", ["14", "16", "83", "84"])
def test_frequentie_per_dag_bij_etmaal_dagdeel_euro_stuks(
    standaard: str, nummer: str, klasse: str, code: str, eenheid: str
) -> None:
    def mutatie(b: Bericht) -> None:
        b.zet(f"{klasse}/Omvang/Eenheid", eenheid)
        b.zet(f"{klasse}/Omvang/Frequentie", "1")

    controleer(standaard, nummer, mutatie, [code])


@BEIDE
def test_cs338_te_wijzigen_product(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        if not b.alle("TeWijzigenProduct"):
            pytest.skip(f"geen TeWijzigenProduct in {b.naam}")
        omvang = b.voeg_toe("TeWijzigenProduct", "Omvang", na="Einddatum")
        for naam, waarde in (("Volume", "2"), ("Eenheid", "16"), ("Frequentie", "1")):
            etree.SubElement(omvang, f"{{{b.ns('b')}}}{naam}").text = waarde

    controleer(standaard, "317", mutatie, ["CS338"])


@BEIDE
def test_cs338_einddatum_tot_en_met_2020_mag(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.enkel("ToegewezenProduct")
        b.zet("ToegewezenProduct/Ingangsdatum", "2020-01-01")
        b.zet("ToegewezenProduct/Einddatum", "2020-12-31")
        b.zet("ToegewezenProduct/Omvang/Eenheid", "14")
        b.zet("ToegewezenProduct/Omvang/Frequentie", "1")

    controleer(standaard, "301", mutatie, [])


# ---------------------------------------------------------------- declaratie (323/325)


def _verschuif_perioden(b: Bericht, jaar: int, maand: int) -> None:
    """Move DeclaratiePeriode to (jaar, maand) and every ProductPeriode by as many months
    (whole months, so prestaties keep their distinct periods: TR416, TR319)."""
    begin = b.vind("DeclaratiePeriode/Begindatum").text
    verschuiving = jaar * 12 + maand - (int(begin[:4]) * 12 + int(begin[5:7]))
    for periode in b.alle("DeclaratiePeriode") + b.alle("ProductPeriode"):
        j, m = divmod(
            int(periode[0].text[:4]) * 12 + int(periode[0].text[5:7]) - 1 + verschuiving, 12
        )
        periode[0].text = f"{j}-{m + 1:02d}-01"
        periode[1].text = f"{j}-{m + 1:02d}-{calendar.monthrange(j, m + 1)[1]:02d}"


@BEIDE
def test_cs100_declaratie_voor_2021(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        _verschuif_perioden(b, 2020, 12)
        for dagtekening in b.alle("Dagtekening") + b.alle("DeclaratieDagtekening"):
            dagtekening.text = "2021-01-06"  # TR335: no Einddatum more than 5 years before

    controleer(standaard, "323", mutatie, ["CS100"])


def _prestatie_bedrag_nul_credit(b: Bericht) -> None:
    """First prestatie: amount 0, credit, with a VorigReferentieNummer (CD060); the total
    drops by its old amount (TR358)."""
    bedrag = b.vind("Prestatie/IngediendBedrag/Bedrag")
    totaal = b.vind("TotaalIngediendBedrag/TotaalBedrag")
    totaal.text = str(int(totaal.text) - int(bedrag.text))
    bedrag.text = "0"
    b.zet("Prestatie/IngediendBedrag/DebetCredit", "C")
    b.zet("Prestatie/GeleverdVolume", "0")
    referentie = b.vind("Prestatie/ProductReferentie")
    del referentie[1:]
    etree.SubElement(referentie, f"{{{b.ns('b')}}}VorigReferentieNummer").text = "RN999"


@BEIDE
def test_cs325_bedrag_nul_credit(standaard: str) -> None:
    controleer(standaard, "323", _prestatie_bedrag_nul_credit, ["CS325"])


@BEIDE
def test_cs325_totaal_toegekend_nul_credit(standaard: str) -> None:
    """325: TotaalToegekendBedrag 0 credit; TotaalIngediendBedrag becomes the signed sum of the
    rejected prestaties, so TR342 (sum = ingediend - toegekend) still holds."""

    def mutatie(b: Bericht) -> None:
        som = 0
        for bedrag in b.alle("Prestatie/IngediendBedrag"):
            som += int(bedrag[0].text) * (1 if bedrag[1].text == "D" else -1)
        ingediend = b.vind("TotaalIngediendBedrag")
        ingediend[0].text, ingediend[1].text = str(abs(som)), "D" if som >= 0 else "C"
        toegekend = b.vind("TotaalToegekendBedrag")
        toegekend[0].text, toegekend[1].text = "0", "C"

    controleer(standaard, "325", mutatie, ["CS325"])


@BEIDE
def test_cs337_productperiode_over_twee_maanden(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        begin = b.vind("Prestatie/ProductPeriode/Begindatum")
        jaar, maand = int(begin.text[:4]), int(begin.text[5:7])
        vorige = f"{jaar - (maand == 1)}-{(maand - 2) % 12 + 1:02d}-01"
        begin.text = vorige

    controleer(standaard, "323", mutatie, ["CS337"])


@BEIDE
def test_cs339_euros_bedrag_ongelijk_aan_volume(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.zet("Prestatie/Eenheid", "83")
        b.weg("Prestatie/ProductTarief")  # CD087: no tarief with euro's
        b.zet("Prestatie/GeleverdVolume", "1")

    controleer(standaard, "323", mutatie, ["CS339"])


@BEIDE
def test_cs339_euros_bedrag_gelijk_aan_volume_mag(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.zet("Prestatie/Eenheid", "83")
        b.weg("Prestatie/ProductTarief")
        b.zet("Prestatie/GeleverdVolume", b.vind("Prestatie/IngediendBedrag/Bedrag").text)

    controleer(standaard, "323", mutatie, [])


@BEIDE
@pytest.mark.parametrize(
    ("begin", "einde"), [("2023-03-15", "2023-04-30"), ("2023-04-02", "2023-04-30"),
                         ("2023-03-01", "2023-04-30")],
)  # fmt: skip
def test_cs340_geen_hele_kalendermaand(standaard: str, begin: str, einde: str) -> None:
    def mutatie(b: Bericht) -> None:
        jaar = b.vind("DeclaratiePeriode/Begindatum").text[:4]
        b.zet("DeclaratiePeriode/Begindatum", jaar + begin[4:])
        b.zet("DeclaratiePeriode/Einddatum", jaar + einde[4:])

    controleer(standaard, "323", mutatie, ["CS340"])


@BEIDE
def test_cs340_februari(standaard: str) -> None:
    controleer(standaard, "323", lambda b: _verschuif_perioden(b, 2023, 2), [])


def test_cs340_februari_schrikkeljaar() -> None:
    controleer("ijw", "323", lambda b: _verschuif_perioden(b, 2024, 2), [])

    def tot_28_februari(b: Bericht) -> None:
        _verschuif_perioden(b, 2024, 2)
        for einde in b.alle("DeclaratiePeriode/Einddatum") + b.alle("ProductPeriode/Einddatum"):
            if einde.text == "2024-02-29":  # TR319: products stay inside the declaratieperiode
                einde.text = "2024-02-28"

    controleer("ijw", "323", tot_28_februari, ["CS340"])
