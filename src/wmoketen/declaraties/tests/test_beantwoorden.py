"""The gemeente answers: hold and release, reject a prestatie by hand, the 325 with its
verdicts (IV087), the deadline closed, and the periodic job that answers what waited long
enough. Wrong states are refused in Dutch."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from istandaarden.safe_xml import parse_bytes
from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.declaraties import beantwoorden
from wmoketen.declaraties.constants import BeoordelingStatus, Oordeel
from wmoketen.declaraties.models import OntvangenDeclaratie, OntvangenPrestatie
from wmoketen.declaraties.perioden import maand_van
from wmoketen.factories import GebruikerFactory, GemeenteFactory
from wmoketen.termijnen.constants import Status as TermijnStatus
from wmoketen.termijnen.kalender import plus_werkdagen

from .hulp_gemeente import MAAND, VANDAAG, Opzet, bouw_323, ontvang_323, prestatie

pytestmark = pytest.mark.django_db


@pytest.fixture
def opzet():
    return Opzet.maak()


@pytest.fixture
def backoffice(opzet):
    return GebruikerFactory(organisatie=opzet.gemeente, rol=Rol.BACKOFFICE)


@pytest.fixture
def declaratie(opzet):
    """A declaration of two prestaties on two toewijzingen, both approved by the rules."""
    prestaties = [prestatie(opzet.toewijzing()), prestatie(opzet.toewijzing(), volume=5)]
    bericht = ontvang_323(opzet, bouw_323(opzet, prestaties))
    return OntvangenDeclaratie.objects.get(bericht=bericht)


def _325(bericht):
    return parse_bytes(bericht.bytes).getroot()


def _codes(element, pad="{*}RetourCodes/{*}RetourCode"):
    return [e.text for e in element.findall(pad)]


def test_volledig_goedgekeurd_8001_en_termijn_gesloten(declaratie, backoffice):
    antwoord = beantwoorden.beantwoord(declaratie, acting_user=backoffice)
    root = _325(antwoord)
    assert _codes(root.find("{*}Header")) == ["0200"]
    da = root.find("{*}DeclaratieAntwoord")
    assert _codes(da) == ["8001"]
    assert da.findtext("{*}TotaalToegekendBedrag/{*}TotaalBedrag") == str(15 * 6500)
    assert da.find("{*}Clienten") is None  # approved prestaties are not listed
    declaratie.refresh_from_db()
    assert declaratie.status == BeoordelingStatus.BEANTWOORD
    assert declaratie.antwoord == antwoord
    assert declaratie.termijn.status == TermijnStatus.GEHAALD
    assert AuditRegel.objects.filter(actie="declaratie.beantwoord").count() == 1


def test_twee_keer_beantwoorden_geweigerd(declaratie, backoffice):
    beantwoorden.beantwoord(declaratie, acting_user=backoffice)
    with pytest.raises(ValidationError, match="al beantwoord"):
        beantwoorden.beantwoord(declaratie, acting_user=backoffice)


def test_met_de_hand_afwijzen_komt_in_de_325(declaratie, backoffice):
    p = declaratie.prestaties.order_by("pk").first()
    beantwoorden.wijs_prestatie_af(
        p, retourcode="0611", reden="Tarief wijkt af van de afspraak.", acting_user=backoffice
    )
    p.refresh_from_db()
    assert (p.oordeel, p.retourcodes, p.afgewezen_door) == (Oordeel.AFGEWEZEN, ["0611"], backoffice)
    declaratie.refresh_from_db()
    assert declaratie.toegekend_bedrag == 5 * 6500
    da = _325(beantwoorden.beantwoord(declaratie, acting_user=backoffice)).find(
        "{*}DeclaratieAntwoord"
    )
    assert _codes(da) == ["0200"]
    assert da.findtext("{*}TotaalToegekendBedrag/{*}TotaalBedrag") == str(5 * 6500)
    [gelijst] = da.findall("{*}Clienten/{*}Client/{*}Prestaties/{*}Prestatie")
    assert gelijst.findtext("{*}ProductReferentie/{*}ReferentieNummer") == p.referentienummer
    assert _codes(gelijst) == ["0611"]


@pytest.mark.parametrize(
    ("retourcode", "reden", "tekst"),
    [
        ("9999", "Reden", "WJ001"),
        ("0200", "Reden", "WJ001"),
        ("0611", "  ", "reden"),
    ],
)
def test_afwijzen_vraagt_code_uit_wj001_en_reden(declaratie, backoffice, retourcode, reden, tekst):
    p = declaratie.prestaties.first()
    with pytest.raises(ValidationError, match=tekst):
        beantwoorden.wijs_prestatie_af(
            p, retourcode=retourcode, reden=reden, acting_user=backoffice
        )
    p.refresh_from_db()
    assert p.oordeel == Oordeel.GOEDGEKEURD


def test_afwijzen_na_het_antwoord_geweigerd(declaratie, backoffice):
    beantwoorden.beantwoord(declaratie, acting_user=backoffice)
    with pytest.raises(ValidationError, match="al beantwoord"):
        beantwoorden.wijs_prestatie_af(
            declaratie.prestaties.first(),
            retourcode="0611",
            reden="Te laat",
            acting_user=backoffice,
        )


def test_andere_gemeente_mag_niet(declaratie):
    vreemde = GebruikerFactory(organisatie=GemeenteFactory(), rol=Rol.BACKOFFICE)
    with pytest.raises(ValidationError, match="eigen gemeente"):
        beantwoorden.houd_aan(declaratie, acting_user=vreemde)


@override_settings(DECLARATIES_WACHTTIJD_WERKDAGEN=3)
def test_aanhouden_en_vrijgeven_met_de_periodieke_taak(declaratie, backoffice):
    later = plus_werkdagen(VANDAAG, 3)
    assert beantwoorden.beantwoord_openstaande(vandaag=VANDAAG + timedelta(days=0)) == 0
    beantwoorden.houd_aan(declaratie, acting_user=backoffice)
    with pytest.raises(ValidationError, match="al aangehouden"):
        beantwoorden.houd_aan(declaratie, acting_user=backoffice)
    assert beantwoorden.beantwoord_openstaande(vandaag=later) == 0  # held: not answered
    declaratie.refresh_from_db()
    assert (declaratie.status, declaratie.aangehouden_door) == (
        BeoordelingStatus.AANGEHOUDEN,
        backoffice,
    )
    beantwoorden.vrijgeven(declaratie, acting_user=backoffice)
    with pytest.raises(ValidationError, match="niet aangehouden"):
        beantwoorden.vrijgeven(declaratie, acting_user=backoffice)
    assert beantwoorden.beantwoord_openstaande(vandaag=plus_werkdagen(VANDAAG, 2)) == 0
    assert beantwoorden.beantwoord_openstaande(vandaag=later) == 1
    declaratie.refresh_from_db()
    assert declaratie.status == BeoordelingStatus.BEANTWOORD
    assert (
        AuditRegel.objects.filter(actie__startswith="declaratie.")
        .values_list("actie", flat=True)
        .count()
        == 4
    )  # ontvangen, aangehouden, vrijgegeven, beantwoord


def test_credit_nooit_met_de_hand_afwijzen(opzet, backoffice):
    """IV085, OP366: a credit withdraws an earlier payment; the gemeente processes it and
    refuses it only on the technical checks, never by hand, with or without a new debit
    beside it. The debit beside it may still be rejected by hand."""
    t = opzet.toewijzing()
    eerder = maand_van(MAAND[0] - timedelta(days=1))
    eerst = prestatie(t, begin=eerder[0], eind=eerder[1])
    eerste = ontvang_323(opzet, bouw_323(opzet, [eerst], nummer="DN1", periode=eerder))
    beantwoorden.beantwoord(OntvangenDeclaratie.objects.get(bericht=eerste), acting_user=None)
    credit = prestatie(t, begin=eerder[0], eind=eerder[1], dc="C", vorig=eerst["referentie"])
    debet = prestatie(t, begin=eerder[0], eind=eerder[1], volume=8)
    bericht = ontvang_323(opzet, bouw_323(opzet, [debet, credit], nummer="DN2"))
    declaratie = OntvangenDeclaratie.objects.get(bericht=bericht)
    voor = declaratie.toegekend_bedrag
    rij = {p.referentienummer: p for p in declaratie.prestaties.all()}
    for eerst_de_debet in (False, True):
        if eerst_de_debet:
            beantwoorden.wijs_prestatie_af(
                rij[debet["referentie"]], retourcode="0611", reden="Tarief.", acting_user=backoffice
            )
        with pytest.raises(ValidationError, match="niet met de hand af"):
            beantwoorden.wijs_prestatie_af(
                rij[credit["referentie"]],
                retourcode="0611",
                reden="Tarief.",
                acting_user=backoffice,
            )
    gecrediteerd = OntvangenPrestatie.objects.get(pk=rij[credit["referentie"]].pk)
    assert (gecrediteerd.oordeel, gecrediteerd.retourcodes) == (Oordeel.GOEDGEKEURD, [])
    declaratie.refresh_from_db()
    assert declaratie.toegekend_bedrag == voor - rij[debet["referentie"]].netto
    assert AuditRegel.objects.filter(actie="declaratie.prestatie_afgewezen").count() == 1


def test_afwijzing_met_de_hand_intrekken(declaratie, backoffice):
    """A clerk's rejection can be withdrawn before the 325 goes; the rules' cannot."""
    p = declaratie.prestaties.order_by("pk").first()
    voor = declaratie.toegekend_bedrag
    beantwoorden.wijs_prestatie_af(p, retourcode="0611", reden="Tarief.", acting_user=backoffice)
    beantwoorden.trek_afwijzing_in(p, acting_user=backoffice)
    p.refresh_from_db()
    declaratie.refresh_from_db()
    assert (p.oordeel, p.retourcodes, p.reden) == (Oordeel.GOEDGEKEURD, [], "")
    assert declaratie.toegekend_bedrag == voor
    assert AuditRegel.objects.filter(actie="declaratie.afwijzing_ingetrokken").count() == 1
    with pytest.raises(ValidationError, match="met de hand afgewezen"):
        beantwoorden.trek_afwijzing_in(p, acting_user=backoffice)  # approved again: nothing
    beantwoorden.beantwoord(declaratie, acting_user=backoffice)
    with pytest.raises(ValidationError, match="al beantwoord"):
        beantwoorden.trek_afwijzing_in(p, acting_user=backoffice)


def test_afwijzing_door_de_regels_niet_in_te_trekken(opzet, backoffice):
    t = opzet.toewijzing(volume=3)
    te_veel = prestatie(t, volume=40)
    bericht = ontvang_323(opzet, bouw_323(opzet, [te_veel]))
    rij = OntvangenDeclaratie.objects.get(bericht=bericht).prestaties.get()
    assert rij.retourcodes == ["9321"]
    with pytest.raises(ValidationError, match="met de hand afgewezen"):
        beantwoorden.trek_afwijzing_in(rij, acting_user=backoffice)
