"""A 323 received by the gemeente through the pipeline: each bad input gets the verdict IV087
prescribes, valid prestaties beside it are still approved, nothing is half-stored, the
antwoord_323 deadline is opened, and the check's query count does not grow with the size."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from istandaarden.safe_xml import parse_bytes
from wmoketen.berichten.constants import Status
from wmoketen.berichten.models import Bericht
from wmoketen.declaraties.beantwoorden import beantwoord
from wmoketen.declaraties.constants import BeoordelingStatus, Oordeel
from wmoketen.declaraties.models import OntvangenDeclaratie, OntvangenPrestatie
from wmoketen.declaraties.ontvangst import ZONDER_START, ontvang_declaratie
from wmoketen.declaraties.perioden import maand_van
from wmoketen.factories import ClientFactory, ProductFactory
from wmoketen.termijnen.constants import Regelcode
from wmoketen.termijnen.constants import Status as TermijnStatus
from wmoketen.termijnen.models import Termijn
from wmoketen.toewijzingen.models import Signaal

from .hulp_gemeente import MAAND, Opzet, bouw_323, ontvang_323, prestatie

pytestmark = pytest.mark.django_db

VORIGE = maand_van(MAAND[0] - timedelta(days=1))  # the month before the declared one


@pytest.fixture
def opzet():
    return Opzet.maak()


def _ontvang(opzet, prestaties, **kwargs) -> OntvangenDeclaratie:
    bericht = ontvang_323(opzet, bouw_323(opzet, prestaties, **kwargs))
    assert bericht.status == Status.VERWERKT, (bericht.fouten, bericht.foutmelding)
    return OntvangenDeclaratie.objects.get(bericht=bericht)


def _oordeel(declaratie, p) -> tuple[str, list[str]]:
    rij = declaratie.prestaties.get(referentienummer=p["referentie"])
    return rij.oordeel, rij.retourcodes


def _antwoorden(opzet):
    return Bericht.objects.filter(afzender=opzet.gemeente, nummer=325)


def test_geldige_declaratie_goedgekeurd_met_termijn(opzet):
    t = opzet.toewijzing()
    p = prestatie(t)
    declaratie = _ontvang(opzet, [p])
    assert _oordeel(declaratie, p) == (Oordeel.GOEDGEKEURD, [])
    assert declaratie.toegekend_bedrag == declaratie.ingediend_bedrag == 65000
    assert declaratie.status == BeoordelingStatus.TE_BEOORDELEN
    assert declaratie.gemeente == opzet.gemeente  # the message's ontvanger
    termijn = declaratie.termijn
    assert termijn.regel.code == Regelcode.DECLARATIE_ANTWOORD
    assert termijn.status == TermijnStatus.OPEN
    assert not _antwoorden(opzet).exists()  # answered later (beantwoorden)


def test_prestatie_zonder_toewijzing_afgewezen_andere_goedgekeurd(opzet):
    t = opzet.toewijzing()
    goed = prestatie(t)
    zonder = prestatie(t, toewijzingnummer=999999, referentie="ZONDER")
    declaratie = _ontvang(opzet, [goed, zonder])
    assert _oordeel(declaratie, zonder) == (Oordeel.AFGEWEZEN, ["9338"])
    assert _oordeel(declaratie, goed) == (Oordeel.GOEDGEKEURD, [])
    assert declaratie.toegekend_bedrag == goed["bedrag"]


def test_prestatie_van_toewijzing_van_andere_client(opzet):
    t, ander = opzet.toewijzing(), opzet.toewijzing()
    p = prestatie(t, toewijzingnummer=ander.toewijzingnummer)
    declaratie = _ontvang(opzet, [p])
    assert _oordeel(declaratie, p) == (Oordeel.AFGEWEZEN, ["9338"])


def test_buiten_de_toewijzingsperiode(opzet):
    t = opzet.toewijzing(ingang=MAAND[0] + timedelta(days=10))
    p = prestatie(t, begin=MAAND[0])
    declaratie = _ontvang(opzet, [p])
    oordeel, codes = _oordeel(declaratie, p)
    assert oordeel == Oordeel.AFGEWEZEN
    assert "9307" in codes


def test_na_de_einddatum(opzet):
    t = opzet.toewijzing(einde=MAAND[0] + timedelta(days=9))
    p = prestatie(t, eind=MAAND[1])
    declaratie = _ontvang(opzet, [p])
    assert "9308" in _oordeel(declaratie, p)[1]


def test_meer_dan_het_toegewezen_volume(opzet):
    t = opzet.toewijzing(volume=3)  # 3 hours a week: at most 3 x the weeks the month touches
    goed = prestatie(t, volume=10)
    te_veel = prestatie(opzet.toewijzing(volume=3), volume=40)
    declaratie = _ontvang(opzet, [goed, te_veel])
    assert _oordeel(declaratie, te_veel) == (Oordeel.AFGEWEZEN, ["9321"])
    assert _oordeel(declaratie, goed)[0] == Oordeel.GOEDGEKEURD


def test_ander_product(opzet):
    t = opzet.toewijzing()
    ProductFactory(productcategorie="02", productcode="02A99")  # in the catalogue (TR381)
    p = prestatie(t, code="02A99")
    declaratie = _ontvang(opzet, [p])
    assert _oordeel(declaratie, p) == (Oordeel.AFGEWEZEN, ["9340"])


def test_ander_tarief_dan_het_contract(opzet):
    t = opzet.toewijzing()
    p = prestatie(t, tarief=7000)
    declaratie = _ontvang(opzet, [p])
    assert _oordeel(declaratie, p) == (Oordeel.AFGEWEZEN, ["0611"])


def test_twee_keer_gedeclareerd_in_twee_berichten(opzet):
    t = opzet.toewijzing()
    eerst = prestatie(t, begin=VORIGE[0], eind=VORIGE[1])
    _ontvang(opzet, [eerst], nummer="DN1", periode=VORIGE)
    nogmaals = prestatie(t, begin=VORIGE[0], eind=VORIGE[1])
    nieuw = prestatie(t)
    declaratie = _ontvang(opzet, [nogmaals, nieuw], nummer="DN2")
    assert _oordeel(declaratie, nogmaals) == (Oordeel.AFGEWEZEN, ["9389"])
    assert _oordeel(declaratie, nieuw)[0] == Oordeel.GOEDGEKEURD


def test_credit_en_nieuwe_debet_in_een_bericht(opzet):
    """OP366: the credit is processed first, so the corrected debit for the same period is
    not a second declaration (TR389)."""
    t = opzet.toewijzing()
    eerst = prestatie(t, begin=VORIGE[0], eind=VORIGE[1])
    beantwoord(_ontvang(opzet, [eerst], nummer="DN1", periode=VORIGE), acting_user=None)
    credit = prestatie(t, begin=VORIGE[0], eind=VORIGE[1], dc="C", vorig=eerst["referentie"])
    debet = prestatie(t, begin=VORIGE[0], eind=VORIGE[1], volume=8)
    declaratie = _ontvang(opzet, [debet, credit], nummer="DN2")
    assert _oordeel(declaratie, credit)[0] == Oordeel.GOEDGEKEURD
    assert _oordeel(declaratie, debet)[0] == Oordeel.GOEDGEKEURD
    assert declaratie.toegekend_bedrag == 8 * 6500 - 10 * 6500


def test_afgewezen_credit_maakt_geen_ruimte_voor_een_nieuwe_debet(opzet):
    """A credit rejected on another rule (here its tariff, TR418) cancels nothing: the new
    debit for the same period is a second declaration (TR389), so nothing is paid twice."""
    t = opzet.toewijzing()
    eerst = prestatie(t, begin=VORIGE[0], eind=VORIGE[1])
    beantwoord(_ontvang(opzet, [eerst], nummer="DN1", periode=VORIGE), acting_user=None)
    credit = prestatie(
        t, begin=VORIGE[0], eind=VORIGE[1], dc="C", vorig=eerst["referentie"], tarief=1
    )
    debet = prestatie(t, begin=VORIGE[0], eind=VORIGE[1], volume=8)
    declaratie = _ontvang(opzet, [debet, credit], nummer="DN2")
    assert _oordeel(declaratie, credit) == (Oordeel.AFGEWEZEN, ["0611", "8017"])
    assert _oordeel(declaratie, debet) == (Oordeel.AFGEWEZEN, ["9389"])
    assert declaratie.toegekend_bedrag == 0


def test_onbekend_bsn(opzet):
    t = opzet.toewijzing()
    vreemd = ClientFactory(organisatie=opzet.aanbieder)  # a BSN the gemeente does not know
    onbekend = [prestatie(t, bsn=vreemd.bsn), prestatie(opzet.toewijzing(), bsn=vreemd.bsn)]
    goed = prestatie(t)
    declaratie = _ontvang(opzet, [*onbekend, goed])
    for p in onbekend:
        rij = declaratie.prestaties.get(referentienummer=p["referentie"])
        assert (rij.oordeel, rij.retourcodes, rij.client_retourcodes) == (
            Oordeel.AFGEWEZEN,
            ["0233"],
            ["8187"],
        )
        assert rij.client is None
    assert _oordeel(declaratie, goed)[0] == Oordeel.GOEDGEKEURD
    assert declaratie.toegekend_bedrag == goed["bedrag"]


def test_herhaald_declaratienummer_weigert_de_hele_declaratie(opzet):
    t = opzet.toewijzing()
    _ontvang(opzet, [prestatie(t, begin=VORIGE[0], eind=VORIGE[1])], nummer="DN1", periode=VORIGE)
    declaratie = _ontvang(opzet, [prestatie(t)], nummer="DN1")
    assert declaratie.retourcodes == ["9333"]
    assert declaratie.toegekend_bedrag == 0
    assert not declaratie.prestaties.exists()  # counts as not sent (IV087)
    # Nothing to review: the 325 goes at once, with 9333 on the DeclaratieAntwoord.
    assert declaratie.status == BeoordelingStatus.BEANTWOORD
    root = parse_bytes(declaratie.antwoord.bytes).getroot()
    codes = [e.text for e in root.findall("{*}DeclaratieAntwoord/{*}RetourCodes/{*}RetourCode")]
    assert codes == ["9333"]
    assert root.findtext("{*}DeclaratieAntwoord/{*}TotaalToegekendBedrag/{*}TotaalBedrag") == "0"
    declaratie.termijn.refresh_from_db()
    assert declaratie.termijn.status == TermijnStatus.GEHAALD


def test_declaratieperiode_niet_na_de_vorige(opzet):
    t = opzet.toewijzing()
    _ontvang(opzet, [prestatie(t)], nummer="DN1")
    declaratie = _ontvang(
        opzet, [prestatie(t, begin=VORIGE[0], eind=VORIGE[1])], nummer="DN2", periode=VORIGE
    )
    assert declaratie.retourcodes == ["8214"]


def test_zonder_start_een_signaal_geen_afwijzing(opzet):
    t = opzet.toewijzing(start=False)
    p = prestatie(t)
    declaratie = _ontvang(opzet, [p])
    assert _oordeel(declaratie, p)[0] == Oordeel.GOEDGEKEURD  # OP364
    signaal = Signaal.objects.get(soort=ZONDER_START)
    assert (signaal.organisatie_id, signaal.toewijzing) == (opzet.gemeente.pk, t)


def test_niets_half_opgeslagen_bij_een_fout(opzet, monkeypatch):
    t = opzet.toewijzing(start=False)

    def kapot(*args, **kwargs):
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(Signaal.objects, "bulk_create", kapot)
    bericht = ontvang_323(opzet, bouw_323(opzet, [prestatie(t)]))
    assert bericht.status == Status.FOUT_BIJ_VERWERKING
    assert not OntvangenDeclaratie.objects.exists()
    assert not OntvangenPrestatie.objects.exists()
    assert not Termijn.objects.filter(regel__code=Regelcode.DECLARATIE_ANTWOORD).exists()
    assert not _antwoorden(opzet).exists()


def test_enkelvoudige_fout_alleen_de_header_met_0001(opzet):
    t = opzet.toewijzing()
    data = bouw_323(opzet, [prestatie(t)]).replace(b"<b:TotaalBedrag>65000<", b"<b:TotaalBedrag>1<")
    bericht = ontvang_323(opzet, data)
    assert bericht.status == Status.AFGEKEURD
    assert not OntvangenDeclaratie.objects.exists()  # nothing of it is processed
    antwoord = _antwoorden(opzet).get()
    root = parse_bytes(antwoord.bytes).getroot()
    assert [e.text for e in root.findall("{*}Header/{*}RetourCodes/{*}RetourCode")] == ["0001"]
    assert root.find("{*}DeclaratieAntwoord") is None


def test_check_maakt_evenveel_queries_voor_10_als_voor_100_prestaties(opzet):
    def queries(aantal: int, nummer: str) -> int:
        prestaties = [prestatie(opzet.toewijzing()) for _ in range(aantal)]
        data = bouw_323(opzet, prestaties, nummer=nummer)
        stored = Bericht.objects.create(
            inhoud=data,
            sha256=nummer,
            grootte=len(data),
            afzender_id=opzet.aanbieder.pk,
            ontvanger_id=opzet.gemeente.pk,
            transport="bestand",
            status=Status.GEACCEPTEERD,
            standaard="iwmo",
            nummer=323,
        )
        root = parse_bytes(data).getroot()
        with CaptureQueriesContext(connection) as vastgelegd:
            declaratie = ontvang_declaratie(stored, root)
        assert declaratie.prestaties.count() == aantal
        declaratie.delete()  # the next one is not a second declaration of the month (TR318)
        # The prestaties are inserted in the database's batch size (SQLite: 999 variables).
        return len([q for q in vastgelegd if "INSERT" not in q["sql"]])

    assert queries(10, "DN10") == queries(100, "DN100")


def test_hergebruikte_identificatie_alleen_de_header_met_9056(opzet):
    t = opzet.toewijzing()
    data = bouw_323(opzet, [prestatie(t, begin=VORIGE[0], eind=VORIGE[1])], periode=VORIGE)
    _ontvang_bytes = ontvang_323(opzet, data)
    assert _ontvang_bytes.status == Status.VERWERKT
    ander = data.replace(b"<m:DeclaratieNummer>DN1<", b"<m:DeclaratieNummer>DN2<")
    bericht = ontvang_323(opzet, ander)
    assert bericht.status == Status.AFGEKEURD
    root = parse_bytes(_antwoorden(opzet).get().bytes).getroot()
    assert [e.text for e in root.findall("{*}Header/{*}RetourCodes/{*}RetourCode")] == ["9056"]
    assert OntvangenDeclaratie.objects.count() == 1


def test_fout_in_de_header_geeft_alleen_de_header_terug(opzet):
    """TR135 (controleniveau 4) on the Header's Dagtekening: the 325 is the Header only, with
    8848 (IV087); nothing of the declaration is processed, and the answer goes at once."""
    t = opzet.toewijzing()
    data = bouw_323(opzet, [prestatie(t)])
    morgen = (timezone.localdate() + timedelta(days=1)).isoformat()
    vandaag = f"<b:Dagtekening>{timezone.localdate()}</b:Dagtekening>".encode()
    data = data.replace(vandaag, f"<b:Dagtekening>{morgen}</b:Dagtekening>".encode(), 1)
    declaratie = OntvangenDeclaratie.objects.get(bericht=ontvang_323(opzet, data))
    assert (declaratie.header_retourcodes, declaratie.retourcodes) == (["8848"], [])
    assert not declaratie.prestaties.exists()
    assert declaratie.status == BeoordelingStatus.BEANTWOORD
    root = parse_bytes(declaratie.antwoord.bytes).getroot()
    assert [e.text for e in root.findall("{*}Header/{*}RetourCodes/{*}RetourCode")] == ["8848"]
    assert root.find("{*}DeclaratieAntwoord") is None
