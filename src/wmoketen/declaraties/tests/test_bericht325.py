"""The 325 built from the bindings for each situation IV087 names: valid (XSD and
single-message rules, among them TR342) and listing exactly the rejected prestaties."""

from datetime import date

import pytest

from istandaarden import VALIDATOR_VERSIE, samples
from istandaarden.codec import parse
from istandaarden.safe_xml import parse_bytes
from istandaarden.validation import validate
from wmoketen.berichten.models import Bericht
from wmoketen.declaraties.bericht323 import bouw_323
from wmoketen.declaraties.bericht325 import bouw_325, maak_325

from .test_bericht323 import BSN_A, BSN_B, clienten, declaratie_met, ontvangen_toewijzing

pytestmark = pytest.mark.django_db

DAGTEKENING = date(2026, 5, 8)
BERICHTCODE = {"wmo": "485", "jeugdwet": "491"}
# The 323 below: client A RA1 16 x 1500 and RA2 2 x 6500, client B RB1 4 x 1250.
RA1, RA2, RB1 = 24000, 13000, 5000
TOTAAL = RA1 + RA2 + RB1


@pytest.fixture(params=["wmo", "jeugdwet"])
def wet(request):
    return request.param


@pytest.fixture
def data_323(gemeente, aanbieder, wet):
    client_a, client_b = clienten(aanbieder)
    a1 = ontvangen_toewijzing(gemeente, aanbieder, client_a, wet=wet, nummer=11)
    a2 = ontvangen_toewijzing(gemeente, aanbieder, client_a, wet=wet, nummer=12)
    b1 = ontvangen_toewijzing(gemeente, aanbieder, client_b, wet=wet, nummer=13)
    declaratie = declaratie_met(
        gemeente,
        aanbieder,
        wet,
        (a1, "RA1", 16, 1500, "D", "", "04"),
        (a2, "RA2", 2, 6500, "D", "", "04"),
        (b1, "RB1", 4, 1250, "D", "", "04"),
    )
    return bouw_323(declaratie, identificatie="D00000000007", dagtekening=date(2026, 5, 6))


def _root(data: bytes):
    """The 323 as the pipeline hands it to the handler (compact lxml)."""
    return parse_bytes(data, compact=True).getroot()


def _antwoord(data_323: bytes, **verdicts):
    data = bouw_325(
        _root(data_323), identificatie="B00000000001", dagtekening=DAGTEKENING, **verdicts
    )
    assert validate(data) == []
    return parse(data)


def _codes(klasse) -> list[str]:
    return [code.value for code in klasse.retour_codes.retour_code]


def _totaal(bedrag) -> tuple[int, str]:
    return bedrag.totaal_bedrag, bedrag.debet_credit.value


def _lijst(antwoord) -> dict[str, tuple[list[str], dict[str, list[str]]]]:
    """Listed clients: Bsn -> (client codes, {ReferentieNummer: prestatie codes})."""
    if antwoord.clienten is None:
        return {}
    return {
        c.bsn: (
            _codes(c),
            {p.product_referentie.referentie_nummer: _codes(p) for p in c.prestaties.prestatie},
        )
        for c in antwoord.clienten.client
    }


@pytest.mark.parametrize("codes", [["0001"], ["9056"]])
def test_alleen_de_header(data_323, wet, gemeente, aanbieder, codes):
    """Controleniveau 2 (0001 with the XSLT version) or an error in the Header: the Header
    only, nothing of the 323 processed."""
    bericht = _antwoord(data_323, header_codes=codes)

    kop = bericht.header
    assert bericht.declaratie_antwoord is None
    assert kop.bericht_code == BERICHTCODE[wet]
    assert (kop.afzender, kop.ontvanger) == (gemeente.gemeentecode, aanbieder.agb_code)
    assert kop.bericht_identificatie.identificatie == "B00000000001"
    assert kop.bericht_identificatie.dagtekening == "2026-05-08"
    heen = kop.declaratie_identificatie
    assert (heen.identificatie, heen.dagtekening) == ("D00000000007", "2026-05-06")
    assert kop.xslt_versie == VALIDATOR_VERSIE
    versie = kop.xsd_versie_declaratie
    assert (versie.basisschema_xsd_versie, versie.bericht_xsd_versie) == ("1.0.0", "1.0.0")
    assert _codes(kop) == codes


def test_fout_in_de_declaratie_9333(data_323):
    bericht = _antwoord(data_323, declaratie_codes=["9333"], toegekend=0)

    antwoord = bericht.declaratie_antwoord
    assert _codes(bericht.header) == ["0200"]
    assert _codes(antwoord) == ["9333"]
    assert antwoord.declaratie_nummer == "DN202604"
    assert _totaal(antwoord.totaal_ingediend_bedrag) == (TOTAAL, "D")
    assert _totaal(antwoord.totaal_toegekend_bedrag) == (0, "D")
    assert _lijst(antwoord) == {}


def test_geweigerde_client_met_0233_per_prestatie(data_323):
    """TR304 on client B: its code on the Cliënt, each of its prestaties 0233; client A
    (nothing wrong) is not listed."""
    bericht = _antwoord(
        data_323, declaratie_codes=["0200"], toegekend=RA1 + RA2, client_codes={BSN_B: ["8187"]}
    )

    antwoord = bericht.declaratie_antwoord
    assert _codes(antwoord) == ["0200"]
    assert _totaal(antwoord.totaal_toegekend_bedrag) == (RA1 + RA2, "D")
    assert _lijst(antwoord) == {BSN_B: (["8187"], {"RB1": ["0233"]})}


def test_afgewezen_prestaties_alleen_die_met_hun_client(data_323, wet):
    bericht = _antwoord(
        data_323,
        declaratie_codes=["0200"],
        toegekend=RA2,
        afgewezen={"RA1": ["9339", "9340"], "RB1": ["0611"]},
    )

    antwoord = bericht.declaratie_antwoord
    assert _totaal(antwoord.totaal_ingediend_bedrag) == (TOTAAL, "D")
    assert _totaal(antwoord.totaal_toegekend_bedrag) == (RA2, "D")
    assert _lijst(antwoord) == {
        BSN_A: (["0200"], {"RA1": ["9339", "9340"]}),
        BSN_B: (["0200"], {"RB1": ["0611"]}),
    }
    # The listed prestatie is the 323's, unchanged.
    ra1 = antwoord.clienten.client[0].prestaties.prestatie[0]
    assert ra1.toewijzing_nummer == 11
    assert (ra1.product_periode.begindatum, ra1.product_periode.einddatum) == (
        "2026-04-01",
        "2026-04-30",
    )
    assert (ra1.geleverd_volume, ra1.eenheid.value, ra1.product_tarief) == (16, "04", 1500)
    assert (ra1.ingediend_bedrag.bedrag, ra1.ingediend_bedrag.debet_credit.value) == (RA1, "D")
    assert ra1.product_referentie.vorig_referentie_nummer is None


def test_geweigerde_client_en_afgewezen_prestatie_samen(data_323):
    bericht = _antwoord(
        data_323,
        declaratie_codes=["0200"],
        toegekend=RA1,
        afgewezen={"RA2": ["9307"]},
        client_codes={BSN_B: ["8187"]},
    )

    assert _lijst(bericht.declaratie_antwoord) == {
        BSN_A: (["0200"], {"RA2": ["9307"]}),
        BSN_B: (["8187"], {"RB1": ["0233"]}),
    }


def test_volledig_toegekend_8001(data_323):
    """IV087: Header 0200, DeclaratieAntwoord 8001, both totals the 323's, no clients."""
    bericht = _antwoord(data_323, declaratie_codes=["8001"], toegekend=TOTAAL)

    antwoord = bericht.declaratie_antwoord
    assert _codes(bericht.header) == ["0200"]
    assert _codes(antwoord) == ["8001"]
    assert _totaal(antwoord.totaal_ingediend_bedrag) == (TOTAAL, "D")
    assert _totaal(antwoord.totaal_toegekend_bedrag) == (TOTAAL, "D")
    assert antwoord.clienten is None


def test_credit_totaal(gemeente, aanbieder, wet):
    """A 323 of -3000 (debet 2000, credit 5000): the debet rejected, the credit granted."""
    t = ontvangen_toewijzing(gemeente, aanbieder, clienten(aanbieder)[0], wet=wet, nummer=1)
    declaratie = declaratie_met(
        gemeente,
        aanbieder,
        wet,
        (t, "R1", 2, 1000, "D", "", "04"),
        (t, "R2", 5, 1000, "C", "R0", "04"),
    )
    data_323 = bouw_323(declaratie, identificatie="D1", dagtekening=date(2026, 5, 6))

    bericht = _antwoord(
        data_323, declaratie_codes=["0200"], toegekend=-5000, afgewezen={"R1": ["9339"]}
    )

    antwoord = bericht.declaratie_antwoord
    assert _totaal(antwoord.totaal_ingediend_bedrag) == (3000, "C")
    assert _totaal(antwoord.totaal_toegekend_bedrag) == (5000, "C")
    assert _lijst(antwoord) == {BSN_A: (["0200"], {"R1": ["9339"]})}


def test_credit_prestatie_afgewezen_houdt_vorig_referentienummer(gemeente, aanbieder, wet):
    t = ontvangen_toewijzing(gemeente, aanbieder, clienten(aanbieder)[0], wet=wet, nummer=1)
    declaratie = declaratie_met(gemeente, aanbieder, wet, (t, "R2", 5, 1000, "C", "R0", "04"))
    data_323 = bouw_323(declaratie, identificatie="D1", dagtekening=date(2026, 5, 6))

    bericht = _antwoord(
        data_323, declaratie_codes=["0200"], toegekend=0, afgewezen={"R2": ["8017"]}
    )

    prestatie = bericht.declaratie_antwoord.clienten.client[0].prestaties.prestatie[0]
    assert prestatie.product_referentie.vorig_referentie_nummer == "R0"
    assert prestatie.ingediend_bedrag.debet_credit.value == "C"
    assert _codes(prestatie) == ["8017"]


def test_onbekende_referentie_of_bsn_is_een_programmeerfout(data_323):
    root = _root(data_323)
    with pytest.raises(ValueError, match="ReferentieNummer niet in de declaratie: RX"):
        bouw_325(
            root,
            identificatie="B1",
            dagtekening=DAGTEKENING,
            declaratie_codes=["0200"],
            afgewezen={"RX": ["9339"]},
        )
    with pytest.raises(ValueError, match="Bsn niet in de declaratie"):
        bouw_325(
            root,
            identificatie="B1",
            dagtekening=DAGTEKENING,
            declaratie_codes=["0200"],
            client_codes={"999999999": ["8187"]},
        )


def test_geen_323_geweigerd():
    root = parse_bytes(samples.lees("WMO325")).getroot()
    with pytest.raises(ValueError, match="Geen declaratiebericht"):
        bouw_325(root, identificatie="B1", dagtekening=DAGTEKENING)


def test_maak_325_verstuurt_van_gemeente_naar_aanbieder(data_323, wet, gemeente, aanbieder):
    ontvangen = Bericht.objects.create(
        inhoud=data_323,
        sha256="0" * 64,
        grootte=len(data_323),
        afzender=aanbieder,
        ontvanger=gemeente,
        transport="intern",
        status="ontvangen",
        standaard="iwmo" if wet == "wmo" else "ijw",
        nummer=323,
        identificatie="D00000000007",
    )

    bericht = maak_325(
        ontvangen,
        _root(data_323),
        declaratie_codes=["0200"],
        toegekend=RA2 + RB1,
        afgewezen={"RA1": ["9339"]},
    )

    bericht.refresh_from_db()
    assert bericht.afzender_id == gemeente.pk
    assert bericht.ontvanger_id == aanbieder.pk
    assert (bericht.standaard, bericht.nummer) == (ontvangen.standaard, 325)
    assert (bericht.transport, bericht.status) == ("intern", "verzonden")
    assert bericht.identificatie == "B00000000001"
    inhoud = bytes(bericht.inhoud)
    assert validate(inhoud) == []
    kop = parse(inhoud).header
    assert kop.declaratie_identificatie.identificatie == "D00000000007"
    assert (kop.afzender, kop.ontvanger) == (gemeente.gemeentecode, aanbieder.agb_code)
    assert _lijst(parse(inhoud).declaratie_antwoord) == {BSN_A: (["0200"], {"RA1": ["9339"]})}
