"""The waiting list: exact figures per allocation, the regional norm, groups, CSV."""

import csv
import io
from datetime import date, time

import pytest

from wmoketen.accounts.constants import Rol
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.models import Sluitingsdag
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import Levering, Toewijzing
from wmoketen.toewijzingen.wachtlijst import als_csv, groepeer, wachtlijst

VANDAAG = date(2026, 11, 20)  # a Friday


@pytest.fixture
def opzet(db):
    termijnen.laad_standaardregels(acting_user=None)
    weert = GemeenteFactory(naam="Weert", gemeentecode="0988")
    venlo = GemeenteFactory(naam="Venlo", gemeentecode="0983")
    maasland = AanbiederFactory(naam="Zorggroep Maasland", agb_code="73730101")
    horst = AanbiederFactory(naam="Horst Thuiszorg", agb_code="73730202")
    begeleiding = ProductFactory(productcategorie="02", productcode="02A01", naam="Begeleiding")
    huishouden = ProductFactory(productcategorie="01", productcode="01A01", naam="Huishouden")
    nummer = iter(range(1, 100))

    def toewijzing(gemeente, aanbieder, product, toegewezen, *, ingang=None, einde=None):
        client = ClientFactory(organisatie=gemeente, geslachtsnaam=f"Klant{next(nummer)}")
        return Toewijzing.objects.create(
            gemeente=gemeente,
            aanbieder=aanbieder,
            client=client,
            wet="wmo",
            toewijzingnummer=next(nummer),
            product=product,
            ingangsdatum=ingang or toegewezen,
            einddatum=einde,
            toewijzingsdatum=toegewezen,
            toewijzingstijd=time(9, 0),
        )

    lang = toewijzing(weert, maasland, begeleiding, date(2026, 11, 2))
    kort = toewijzing(weert, horst, huishouden, date(2026, 11, 16))
    later = toewijzing(weert, maasland, huishouden, date(2026, 11, 2), ingang=date(2026, 12, 1))
    gestart = toewijzing(weert, maasland, begeleiding, date(2026, 11, 3))
    Levering.objects.create(toewijzing=gestart, begindatum=date(2026, 11, 9))
    gepauzeerd = toewijzing(weert, horst, begeleiding, date(2026, 11, 3))
    Levering.objects.create(
        toewijzing=gepauzeerd, begindatum=date(2026, 11, 4), status=LeveringStatus.GEPAUZEERD
    )
    verwijderd = toewijzing(weert, horst, begeleiding, date(2026, 10, 26))
    Levering.objects.create(
        toewijzing=verwijderd, begindatum=date(2026, 10, 27), status=LeveringStatus.VERWIJDERD
    )
    toewijzing(weert, maasland, begeleiding, date(2026, 10, 1), einde=date(2026, 11, 19))
    anders = toewijzing(venlo, maasland, begeleiding, date(2026, 11, 2))
    return {
        "weert": weert,
        "venlo": venlo,
        "maasland": maasland,
        "horst": horst,
        "begeleiding": begeleiding,
        "lang": lang,
        "kort": kort,
        "later": later,
        "verwijderd": verwijderd,
        "anders": anders,
    }


def cijfers(rij):
    return (rij.dagen, rij.werkdagen, rij.normdatum, rij.norm, rij.dagen_over_norm, rij.te_laat)


def test_wachtenden_met_exacte_cijfers(opzet):
    rijen = wachtlijst(opzet["weert"], vandaag=VANDAAG)
    # Started and paused allocations have a start; an ended one is no longer current; a
    # removed start (StatusAanlevering 3) means it waits again.
    assert [r.toewijzing for r in rijen] == [
        opzet["verwijderd"],
        opzet["lang"],
        opzet["later"],
        opzet["kort"],
    ]
    verwijderd, lang, later, kort = rijen
    # 26-10 → 20-11: 25 days, 19 werkdagen; norm 10 werkdagen → 09-11, 9 werkdagen late.
    assert cijfers(verwijderd) == (25, 19, date(2026, 11, 9), "10 werkdagen", 9, True)
    # 02-11 → 20-11: 18 days, 14 werkdagen; norm → 16-11, 4 werkdagen late.
    assert cijfers(lang) == (18, 14, date(2026, 11, 16), "10 werkdagen", 4, True)
    # Allocated 02-11 from 01-12: the norm runs from the ingangsdatum → 15-12.
    assert cijfers(later) == (18, 14, date(2026, 12, 15), "10 werkdagen", 0, False)
    # 16-11 → 20-11: 4 days, 4 werkdagen, within the norm (30-11).
    assert cijfers(kort) == (4, 4, date(2026, 11, 30), "10 werkdagen", 0, False)


def test_regionale_norm_en_sluitingsdagen(opzet):
    weert = opzet["weert"]
    termijnen.stel_regel_in(
        code="start_ondersteuning",
        naam="Start binnen 5 werkdagen",
        aantal=5,
        eenheid="werkdagen",
        startgebeurtenis="301",
        gemeente=weert,
        acting_user=None,
    )
    Sluitingsdag.objects.create(gemeente=weert, datum=date(2026, 11, 18), omschrijving="Dicht")
    rijen = {r.toewijzing: r for r in wachtlijst(weert, vandaag=VANDAAG)}
    # 02-11 + 5 werkdagen = 09-11; 10..20-11 without the 18th: 8 werkdagen late, 13 waiting.
    assert cijfers(rijen[opzet["lang"]]) == (18, 13, date(2026, 11, 9), "5 werkdagen", 8, True)
    # 16-11 + 5 werkdagen, skipping the 18th = 24-11.
    assert cijfers(rijen[opzet["kort"]]) == (4, 3, date(2026, 11, 24), "5 werkdagen", 0, False)
    # Venlo keeps the standaard rule.
    venlo = wachtlijst(opzet["venlo"], vandaag=VANDAAG)
    assert [cijfers(r) for r in venlo] == [(18, 14, date(2026, 11, 16), "10 werkdagen", 4, True)]


def test_filters_en_groepen(opzet):
    weert = opzet["weert"]
    maasland = wachtlijst(weert, vandaag=VANDAAG, aanbieder=opzet["maasland"].pk)
    assert [r.toewijzing for r in maasland] == [opzet["lang"], opzet["later"]]
    product = wachtlijst(weert, vandaag=VANDAAG, product=opzet["begeleiding"].pk)
    assert [r.toewijzing for r in product] == [opzet["verwijderd"], opzet["lang"]]
    assert wachtlijst(weert, vandaag=VANDAAG, gemeente=opzet["venlo"].pk) == []

    groepen = groepeer(wachtlijst(weert, vandaag=VANDAAG), "aanbieder")
    assert [(g.naam, g.aantal, g.te_laat, g.gemiddeld, g.langst) for g in groepen] == [
        ("Horst Thuiszorg", 2, 1, 15, 25),  # (25 + 4) / 2 = 14.5 → 15
        ("Zorggroep Maasland", 2, 1, 18, 18),
    ]
    per_product = groepeer(wachtlijst(weert, vandaag=VANDAAG), "product")
    assert [(g.naam, g.aantal, g.te_laat) for g in per_product] == [
        (str(opzet["kort"].product), 2, 0),
        (str(opzet["begeleiding"]), 2, 2),
    ]


def test_alleen_de_eigen_gemeente_en_aanbieder_ziet_niets(opzet):
    assert [r.toewijzing for r in wachtlijst(opzet["venlo"], vandaag=VANDAAG)] == [opzet["anders"]]
    andere = GemeenteFactory(naam="Roermond", gemeentecode="0957")
    assert wachtlijst(andere, vandaag=VANDAAG) == []


def test_csv_voor_excel(opzet):
    tekst = als_csv(wachtlijst(opzet["weert"], vandaag=VANDAAG, aanbieder=opzet["maasland"].pk))
    assert tekst.startswith("\ufeffGemeente;Aanbieder;AGB-code;Cliënt;BSN;Wet;")
    regels = tekst.split("\r\n")
    assert len(regels) == 4 and regels[-1] == ""
    velden = regels[1].split(";")
    assert velden[:3] == ["Weert", "Zorggroep Maasland", "73730101"]
    assert velden[6:] == [
        str(opzet["lang"].toewijzingnummer),
        "02A01",
        "Begeleiding",
        "02-11-2026",
        "02-11-2026",
        "18",
        "14",
        "10 werkdagen",
        "16-11-2026",
        "4",
    ]


def test_csv_maakt_van_een_naam_geen_formule(opzet):
    client = opzet["lang"].client
    client.voornamen = '=HYPERLINK("http://x")'
    client.save(update_fields=["voornamen"])
    tekst = als_csv(wachtlijst(opzet["weert"], vandaag=VANDAAG, aanbieder=opzet["maasland"].pk))
    namen = [rij[3] for rij in csv.reader(io.StringIO(tekst), delimiter=";")][1:]
    assert not any(naam.startswith("=") for naam in namen)
    assert any(naam.startswith("'=HYPERLINK") for naam in namen)


def test_contractmanager_ziet_dezelfde_lijst(opzet):
    gebruiker = GebruikerFactory(organisatie=opzet["weert"], rol=Rol.CONTRACTMANAGER)
    assert len(wachtlijst(gebruiker.organisatie, vandaag=VANDAAG)) == 4
