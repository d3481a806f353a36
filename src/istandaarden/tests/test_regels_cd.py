"""Conditie rules (CD): every rule broken on its own in a mutated official example.

Each case loads an official iWmo or iJw example, repairs the known findings of the examples
(so the base message is clean), applies one mutation and asserts that the message is still
XSD-valid and that exactly the expected rule code is reported. The helpers are in
``regelhulp.py``, shared with ``test_regels_cs.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from istandaarden.regels import REGELS
from istandaarden.tests.regelhulp import (
    BEIDE,
    PREFIX,
    SAMPLES,
    Bericht,
    controleer,
)
from istandaarden.validation import validate


@pytest.mark.parametrize("bestand", sorted(SAMPLES.glob("*/*.xml")), ids=lambda p: p.name)
def test_officiele_voorbeelden_geven_geen_cd_cs_behalve_jw317(bestand: Path) -> None:
    codes = [f.code for f in validate(bestand.read_bytes()) if f.code[:2] in ("CD", "CS")]
    assert codes == (["CS003"] if bestand.name == "JW317.xml" else [])


@pytest.mark.parametrize(
    ("standaard", "nummer"), [(s, n) for s in PREFIX for n in ("301", "315", "317", "319", "323")]
)
def test_gerepareerde_basis_is_schoon(standaard: str, nummer: str) -> None:
    assert Bericht(standaard, nummer).codes() == []


def test_alle_cd_regels_geregistreerd() -> None:
    verwacht = {
        "CD005", "CD009", "CD025", "CD034", "CD041", "CD043", "CD060", "CD066", "CD067",
        "CD068", "CD075", "CD076", "CD077", "CD078", "CD079", "CD080", "CD085", "CD086",
        "CD087", "CD095", "CD096",
    }  # fmt: skip
    assert verwacht <= set(REGELS)
    assert all(REGELS[code].retourcode == "0001" for code in verwacht)


# ---------------------------------------------------------------- Adres and Contact


@BEIDE
def test_cd005_postcode_zonder_landcode(standaard: str) -> None:
    controleer(standaard, "301", lambda b: b.weg("Relatie/Contact/Adres/LandCode"), ["CD005"])


@BEIDE
def test_cd005_landcode_zonder_postcode(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.zet("Relatie/Contact/Soort", "02")  # no postcode required (CD034)
        b.zet("Relatie/Contact/Adres/LandCode", "BE")  # no Huis required (CD025)
        b.weg("Relatie/Contact/Adres/Postcode")

    controleer(standaard, "301", mutatie, ["CD005"])


@BEIDE
def test_cd009_periode_bij_ander_soort_adres(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.zet("Relatie/Contact/Soort", "02")
        b.voeg_toe("Relatie/Contact", "Periode")
        b.voeg_toe("Relatie/Contact/Periode", "Begindatum", "2020-01-01", ns="b")

    controleer(standaard, "301", mutatie, ["CD009"])


@BEIDE
def test_cd025_nl_adres_zonder_huis(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.zet("Relatie/Contact/Adres/LandCode", "NL")
        b.zet("Relatie/Contact/Adres/Postcode", "1234AB")
        b.weg("Relatie/Contact/Adres/Huis")

    controleer(standaard, "301", mutatie, ["CD025"])


@BEIDE
@pytest.mark.parametrize("soort", ["01", "03"])
def test_cd034_brp_of_verblijfadres_zonder_postcode(standaard: str, soort: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.zet("Relatie/Contact/Soort", soort)
        b.weg("Relatie/Contact/Adres/Postcode")
        b.weg("Relatie/Contact/Adres/LandCode")  # else CD005 on the LandCode

    controleer(standaard, "301", mutatie, ["CD034"])


@BEIDE
def test_cd034_correspondentieadres_zonder_postcode_mag(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.zet("Relatie/Contact/Soort", "02")
        b.weg("Relatie/Contact/Adres/Postcode")
        b.weg("Relatie/Contact/Adres/LandCode")

    controleer(standaard, "301", mutatie, [])


# ---------------------------------------------------------------- products

PRODUCTEN = {"301": "ToegewezenProduct", "315": "AangevraagdProduct", "317": "NieuwProduct"}
EINDDATUM = {"301": "Einddatum", "315": "ToewijzingEinddatum", "317": "Einddatum"}


@BEIDE
@pytest.mark.parametrize("nummer", ["301", "315", "317"])
def test_cd041_productcode_zonder_omvang(standaard: str, nummer: str) -> None:
    controleer(standaard, nummer, lambda b: b.weg(f"{PRODUCTEN[nummer]}/Omvang"), ["CD041"])


@BEIDE
def test_cd043_beschikkingnummer_zonder_ingangsdatum(standaard: str) -> None:
    mutatie = lambda b: b.weg("AangevraagdProduct/BeschikkingIngangsdatum")  # noqa: E731
    controleer(standaard, "315", mutatie, ["CD043"])


@BEIDE
def test_cd043_ingangsdatum_zonder_beschikkingnummer(standaard: str) -> None:
    controleer(standaard, "315", lambda b: b.weg("AangevraagdProduct/BeschikkingNummer"), ["CD043"])


def _budget_in_plaats_van_omvang(b: Bericht, product: str) -> None:
    """Replace Omvang by a Budget and drop the product code (else CD041 wants an Omvang)."""
    b.enkel(product)
    omvang = b.vind(f"{product}/Omvang")
    budget = etree.Element(f"{{{etree.QName(omvang).namespace}}}Budget")
    budget.text = "100000"
    omvang.addnext(budget)
    omvang.getparent().remove(omvang)
    b.weg(f"{product}/Product/Code")


@BEIDE
@pytest.mark.parametrize("nummer", ["301", "315", "317"])
def test_cd075_budget_zonder_einddatum(standaard: str, nummer: str) -> None:
    def mutatie(b: Bericht) -> None:
        _budget_in_plaats_van_omvang(b, PRODUCTEN[nummer])
        b.weg(f"{PRODUCTEN[nummer]}/{EINDDATUM[nummer]}")

    controleer(standaard, nummer, mutatie, ["CD075"])


@BEIDE
@pytest.mark.parametrize("nummer", ["301", "315", "317"])
def test_cd075_budget_met_einddatum_mag(standaard: str, nummer: str) -> None:
    controleer(standaard, nummer, lambda b: _budget_in_plaats_van_omvang(b, PRODUCTEN[nummer]), [])


@BEIDE
@pytest.mark.parametrize("nummer", ["301", "315", "317"])
def test_cd076_per_week_zonder_einddatum(standaard: str, nummer: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.zet(f"{PRODUCTEN[nummer]}/Omvang/Eenheid", "04")  # uur: no CS338/CS343
        b.zet(f"{PRODUCTEN[nummer]}/Omvang/Frequentie", "2")
        b.weg(f"{PRODUCTEN[nummer]}/{EINDDATUM[nummer]}")

    controleer(standaard, nummer, mutatie, ["CD076"])


@BEIDE
@pytest.mark.parametrize("nummer", ["301", "315", "317"])
def test_cd077_cd078_omvang_en_budget(standaard: str, nummer: str) -> None:
    """Omvang and Budget together break both: CD077 (on Budget) and CD078 (on Omvang)."""

    def mutatie(b: Bericht) -> None:
        budget = b.voeg_toe(PRODUCTEN[nummer], "Budget", "100000", na="Omvang")
        assert budget is not None

    controleer(standaard, nummer, mutatie, ["CD077", "CD078"])


@BEIDE
@pytest.mark.parametrize("nummer", ["301", "315", "317"])
def test_cd079_geen_product_en_geen_budget(standaard: str, nummer: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.enkel(PRODUCTEN[nummer])
        b.weg(f"{PRODUCTEN[nummer]}/Product")
        b.weg(f"{PRODUCTEN[nummer]}/Omvang")  # else CD080/CD095/CD096 on the Omvang

    controleer(standaard, nummer, mutatie, ["CD079"])


@BEIDE
@pytest.mark.parametrize(("nummer", "code"), [("301", "CD080"), ("315", "CD095"), ("317", "CD096")])
def test_omvang_zonder_productcode(standaard: str, nummer: str, code: str) -> None:
    mutatie = lambda b: b.enkel(PRODUCTEN[nummer]).weg(f"{PRODUCTEN[nummer]}/Product/Code")  # noqa: E731
    controleer(standaard, nummer, mutatie, [code])


@BEIDE
@pytest.mark.parametrize("nummer", ["301", "315"])
def test_omvang_zonder_productcode_tot_en_met_2020_mag(standaard: str, nummer: str) -> None:
    begin = {"301": "Ingangsdatum", "315": "ToewijzingIngangsdatum"}[nummer]

    def mutatie(b: Bericht) -> None:
        b.enkel(PRODUCTEN[nummer]).weg(f"{PRODUCTEN[nummer]}/Product/Code")
        for product in b.alle(PRODUCTEN[nummer]):
            for kind in product:
                if etree.QName(kind).localname == begin:
                    kind.text = "2020-06-01"
                elif etree.QName(kind).localname == EINDDATUM[nummer]:
                    kind.text = "2020-12-31"
                elif etree.QName(kind).localname == "Omvang":
                    kind[1].text, kind[2].text = "04", "4"  # uur per maand

    controleer(standaard, nummer, mutatie, [])


# ---------------------------------------------------------------- Verwijzer (315)


@BEIDE
def test_cd066_naam_en_zorgverlenercode(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        verwijzer = b.vind("AangevraagdProduct/Verwijzer")
        del verwijzer[1:]
        b.zet("AangevraagdProduct/Verwijzer/Type", "02")
        b.voeg_toe("AangevraagdProduct/Verwijzer", "Naam", "Huisarts", ns="b")
        b.voeg_toe("AangevraagdProduct/Verwijzer", "ZorgverlenerCode", "01234567", ns="b")

    controleer(standaard, "315", mutatie, ["CD066"])


@BEIDE
def test_cd067_geen_naam_en_geen_zorgverlenercode(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        verwijzer = b.vind("AangevraagdProduct/Verwijzer")
        del verwijzer[1:]
        b.zet("AangevraagdProduct/Verwijzer/Type", "05")

    controleer(standaard, "315", mutatie, ["CD067"])


@BEIDE
def test_cd068_zorgverlenercode_bij_zelfverwijzer(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        verwijzer = b.vind("AangevraagdProduct/Verwijzer")
        del verwijzer[1:]
        b.zet("AangevraagdProduct/Verwijzer/Type", "06")
        b.voeg_toe("AangevraagdProduct/Verwijzer", "ZorgverlenerCode", "01234567", ns="b")

    controleer(standaard, "315", mutatie, ["CD068"])


@BEIDE
def test_verwijzer_met_alleen_zorgverlenercode_mag(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        for verwijzer in b.alle("AangevraagdProduct/Verwijzer"):
            del verwijzer[1:]
            verwijzer[0].text = "02"
            code = etree.SubElement(verwijzer, f"{{{b.ns('b')}}}ZorgverlenerCode")
            code.text = "01234567"

    controleer(standaard, "315", mutatie, [])


# ---------------------------------------------------------------- Antwoord (319)


@BEIDE
def test_cd085_afgewezen_zonder_reden(standaard: str) -> None:
    controleer(standaard, "319", lambda b: b.weg("Antwoord/RedenAfwijzingVerzoek"), ["CD085"])


@BEIDE
def test_cd086_in_onderzoek_met_reden(standaard: str) -> None:
    controleer(standaard, "319", lambda b: b.zet("Antwoord/VerzoekAntwoord", "2"), ["CD086"])


# ---------------------------------------------------------------- Prestatie (323, 325)


@BEIDE
@pytest.mark.parametrize("nummer", ["323", "325"])
def test_cd060_vorig_referentienummer_tegen_debetcredit_in(standaard: str, nummer: str) -> None:
    """A debet prestatie gets a VorigReferentieNummer, or a credit one loses it."""

    def mutatie(b: Bericht) -> None:
        referentie = b.vind("Prestatie/ProductReferentie")
        if b.vind("Prestatie/IngediendBedrag/DebetCredit").text == "C":
            del referentie[1:]
        else:
            vorig = etree.SubElement(referentie, f"{{{b.ns('b')}}}VorigReferentieNummer")
            vorig.text = "RN999"

    controleer(standaard, nummer, mutatie, ["CD060"])


@BEIDE
def test_cd087_geen_tarief_bij_uren(standaard: str) -> None:
    controleer(standaard, "323", lambda b: b.weg("Prestatie/ProductTarief"), ["CD087"])


@BEIDE
def test_cd087_tarief_bij_euros(standaard: str) -> None:
    def mutatie(b: Bericht) -> None:
        b.zet("Prestatie/Eenheid", "83")
        b.zet("Prestatie/GeleverdVolume", b.vind("Prestatie/IngediendBedrag/Bedrag").text)

    controleer(standaard, "323", mutatie, ["CD087"])
