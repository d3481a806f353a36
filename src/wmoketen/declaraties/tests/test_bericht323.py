"""The 323 built from the bindings: valid (XSD and single-message rules) and filled as the
invulinstructies say, for the Wmo (WMO323) and the Jeugdwet (JW323)."""

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from istandaarden.codec import parse
from istandaarden.validation import validate
from wmoketen.berichten.models import Bericht
from wmoketen.declaraties.bericht323 import bouw_323, maak_323
from wmoketen.declaraties.constants import DeclaratieStatus
from wmoketen.declaraties.models import Declaratie, Prestatie
from wmoketen.factories import ClientFactory, ProductFactory, geldig_bsn
from wmoketen.toewijzingen.models import AanbiederToewijzing

pytestmark = pytest.mark.django_db

BSN_A, BSN_B = sorted([geldig_bsn(9001), geldig_bsn(9002)])
DAGTEKENING = date(2026, 5, 6)
APRIL = (date(2026, 4, 1), date(2026, 4, 30))
PRODUCT = {"wmo": ("02", "02A01"), "jeugdwet": ("45", "45A48")}
BERICHTCODE = {"wmo": "484", "jeugdwet": "490"}


def bericht_301(gemeente, aanbieder) -> Bericht:
    """The 301 the allocations were received in (only its row is needed here)."""
    return Bericht.objects.filter(nummer=301).first() or Bericht.objects.create(
        inhoud=b"<x/>",
        sha256="0" * 64,
        grootte=4,
        afzender=gemeente,
        ontvanger=aanbieder,
        transport="intern",
        status="verwerkt",
        standaard="iwmo",
        nummer=301,
        identificatie="T1",
    )


def ontvangen_toewijzing(gemeente, aanbieder, client, *, wet, nummer, code=None, product=None):
    categorie, standaardcode = PRODUCT[wet]
    return AanbiederToewijzing.objects.create(
        aanbieder=aanbieder,
        gemeente=gemeente,
        client=client,
        wet=wet,
        toewijzingnummer=nummer,
        productcategorie=categorie,
        productcode=standaardcode if code is None else code,
        product=product,
        volume=8,
        eenheid="04",
        frequentie="2",
        ingangsdatum=date(2026, 1, 1),
        toewijzingsdatum=date(2025, 12, 20),
        toewijzingstijd=time(9),
        bericht=bericht_301(gemeente, aanbieder),
        ontvangen_op=date(2025, 12, 20),
    )


def declaratie_met(gemeente, aanbieder, wet, *regels) -> Declaratie:
    """A declaration of April 2026 with ``regels``: (toewijzing, referentie, volume, tarief,
    debet_credit, vorig, eenheid)."""
    declaratie = Declaratie.objects.create(
        aanbieder=aanbieder,
        gemeente=gemeente,
        wet=wet,
        declaratienummer="DN202604",
        periode_begin=APRIL[0],
        periode_eind=APRIL[1],
    )
    for toewijzing, referentie, volume, tarief, dc, vorig, eenheid in regels:
        Prestatie.objects.create(
            declaratie=declaratie,
            toewijzing=toewijzing,
            referentienummer=referentie,
            vorig_referentienummer=vorig,
            periode_begin=APRIL[0],
            periode_eind=APRIL[1],
            voorgesteld_volume=volume,
            geleverd_volume=volume,
            eenheid=eenheid,
            tarief=tarief,
            debet_credit=dc,
        )
    return declaratie


def clienten(aanbieder):
    """The aanbieder's own records of clients A and B."""
    return ClientFactory(organisatie=aanbieder, bsn=BSN_A), ClientFactory(
        organisatie=aanbieder, bsn=BSN_B
    )


@pytest.fixture(params=["wmo", "jeugdwet"])
def wet(request):
    return request.param


@pytest.fixture
def twee_clienten(gemeente, aanbieder, wet):
    """Client B (listed second: BSN order) with one allocation, client A with two; three debet
    prestaties and one credit withdrawing an earlier one."""
    client_a, client_b = clienten(aanbieder)
    a1 = ontvangen_toewijzing(gemeente, aanbieder, client_a, wet=wet, nummer=1)
    a2 = ontvangen_toewijzing(gemeente, aanbieder, client_a, wet=wet, nummer=2)
    b1 = ontvangen_toewijzing(gemeente, aanbieder, client_b, wet=wet, nummer=3)
    return declaratie_met(
        gemeente,
        aanbieder,
        wet,
        (b1, "RB1", 4, 1250, "D", "", "04"),
        (a1, "RA1", 16, 1500, "D", "", "04"),
        (a2, "RA2", 2, 6500, "D", "", "04"),
        (a2, "RA3", 3, 6500, "C", "RA0", "04"),
    )


def _gebouwd(declaratie, identificatie="D00000000001"):
    data = bouw_323(declaratie, identificatie=identificatie, dagtekening=DAGTEKENING)
    assert validate(data) == []
    return parse(data)


def test_323_per_client_met_totaal_debet_min_credit(twee_clienten, wet, gemeente, aanbieder):
    bericht = _gebouwd(twee_clienten)

    kop = bericht.header
    assert kop.bericht_code == BERICHTCODE[wet]
    assert (kop.afzender, kop.ontvanger) == (aanbieder.agb_code, gemeente.gemeentecode)
    assert kop.bericht_identificatie.identificatie == "D00000000001"
    assert kop.bericht_identificatie.dagtekening == "2026-05-06"
    d = bericht.declaratie
    assert d.declaratie_nummer == "DN202604"
    assert (d.declaratie_periode.begindatum, d.declaratie_periode.einddatum) == (
        "2026-04-01",
        "2026-04-30",
    )
    assert d.declaratie_dagtekening == "2026-05-06"
    # 4 x 1250 + 16 x 1500 + 2 x 6500 - 3 x 6500
    assert d.totaal_ingediend_bedrag.totaal_bedrag == 5000 + 24000 + 13000 - 19500
    assert d.totaal_ingediend_bedrag.debet_credit.value == "D"
    assert [c.bsn for c in d.clienten.client] == [BSN_A, BSN_B]
    client_a = d.clienten.client[0]
    referenties = [p.product_referentie.referentie_nummer for p in client_a.prestaties.prestatie]
    assert referenties == ["RA1", "RA2", "RA3"]
    ra1, _, credit = client_a.prestaties.prestatie
    categorie, code = PRODUCT[wet]
    assert ra1.toewijzing_nummer == 1
    assert (ra1.product_categorie.value, ra1.product_code) == (categorie, code)
    assert (ra1.product_periode.begindatum, ra1.product_periode.einddatum) == (
        "2026-04-01",
        "2026-04-30",
    )
    assert (ra1.geleverd_volume, ra1.eenheid.value, ra1.product_tarief) == (16, "04", 1500)
    assert (ra1.ingediend_bedrag.bedrag, ra1.ingediend_bedrag.debet_credit.value) == (24000, "D")
    assert ra1.product_referentie.vorig_referentie_nummer is None
    assert credit.product_referentie.vorig_referentie_nummer == "RA0"
    assert (credit.ingediend_bedrag.bedrag, credit.ingediend_bedrag.debet_credit.value) == (
        19500,
        "C",
    )
    assert credit.toewijzing_nummer == 2


def test_credit_totaal_is_credit(gemeente, aanbieder, wet):
    t = ontvangen_toewijzing(gemeente, aanbieder, clienten(aanbieder)[0], wet=wet, nummer=1)
    declaratie = declaratie_met(
        gemeente,
        aanbieder,
        wet,
        (t, "R1", 2, 1000, "D", "", "04"),
        (t, "R2", 5, 1000, "C", "R0", "04"),
    )

    totaal = _gebouwd(declaratie).declaratie.totaal_ingediend_bedrag

    assert (totaal.totaal_bedrag, totaal.debet_credit.value) == (3000, "C")


def test_eenheid_euros_zonder_tarief_en_bedrag_is_het_volume(gemeente, aanbieder, wet):
    t = ontvangen_toewijzing(gemeente, aanbieder, clienten(aanbieder)[0], wet=wet, nummer=1)
    declaratie = declaratie_met(gemeente, aanbieder, wet, (t, "R1", 20000, 0, "D", "", "83"))

    d = _gebouwd(declaratie).declaratie
    prestatie = d.clienten.client[0].prestaties.prestatie[0]

    assert prestatie.product_tarief is None
    assert (prestatie.geleverd_volume, prestatie.ingediend_bedrag.bedrag) == (20000, 20000)
    assert d.totaal_ingediend_bedrag.totaal_bedrag == 20000


def test_aspecifieke_toewijzing_krijgt_de_productcode_van_het_product(gemeente, aanbieder, wet):
    categorie, code = PRODUCT[wet]
    product = ProductFactory(wet=wet, productcategorie=categorie, productcode=code)
    client = clienten(aanbieder)[0]
    t = ontvangen_toewijzing(
        gemeente, aanbieder, client, wet=wet, nummer=1, code="", product=product
    )
    declaratie = declaratie_met(gemeente, aanbieder, wet, (t, "R1", 2, 1000, "D", "", "04"))

    prestatie = _gebouwd(declaratie).declaratie.clienten.client[0].prestaties.prestatie[0]

    assert prestatie.product_code == code


def test_zonder_productcode_een_nederlandse_fout(gemeente, aanbieder):
    t = ontvangen_toewijzing(
        gemeente, aanbieder, clienten(aanbieder)[0], wet="wmo", nummer=7, code=""
    )
    declaratie = declaratie_met(gemeente, aanbieder, "wmo", (t, "R1", 2, 1000, "D", "", "04"))

    with pytest.raises(ValidationError, match="toewijzing 7 heeft geen productcode"):
        bouw_323(declaratie, identificatie="D1", dagtekening=DAGTEKENING)


def test_zonder_prestaties_een_nederlandse_fout(gemeente, aanbieder):
    declaratie = declaratie_met(gemeente, aanbieder, "wmo")

    with pytest.raises(ValidationError, match="heeft geen prestaties"):
        bouw_323(declaratie, identificatie="D1", dagtekening=DAGTEKENING)


def test_maak_323_verstuurt_van_aanbieder_naar_gemeente(
    twee_clienten, wet, gemeente, aanbieder, medewerker
):
    bericht = maak_323(twee_clienten, acting_user=medewerker)

    bericht.refresh_from_db()
    assert bericht.afzender_id == aanbieder.pk
    assert bericht.ontvanger_id == gemeente.pk
    assert (bericht.standaard, bericht.nummer) == ("iwmo" if wet == "wmo" else "ijw", 323)
    assert bericht.transport == "intern"
    assert bericht.status == "verzonden"
    assert bericht.identificatie == "D00000000001"
    inhoud = bytes(bericht.inhoud)
    assert validate(inhoud) == []
    assert parse(inhoud).declaratie.declaratie_nummer == "DN202604"
    # A second 323 of the same aanbieder gets the next Identificatie (TR056).
    assert maak_323(twee_clienten, acting_user=medewerker).identificatie == "D00000000002"
    # Only the message: the declaration itself is the caller's to change.
    twee_clienten.refresh_from_db()
    assert (twee_clienten.status, twee_clienten.bericht_id) == (DeclaratieStatus.CONCEPT, None)
