"""The correction chain (IV085, IV091, OP366, TR323, TR389, TR390).

* End to end inside one installation (internal transport, both sides ours): the gemeente
  allocates (301), the aanbieder starts (305) and declares a month (323), the gemeente
  approves it (325); the aanbieder corrects the approved prestatie, and the credit and the
  corrected debit go in a later 323 (through the next proposal, or at once into a concept);
  the gemeente checks the chain and approves it. Every message either side stored is valid
  against the XSD and the single-message rules, and the cross-message rules find nothing.
* The gemeente's chain checks on 323s written as XML (``hulp_gemeente``), as the rule texts
  say: a credit only of a debit approved in a 325 already sent, repeating it whole; a second
  credit refused; a debit only when the earlier one is credited, rejected debits not counted.
"""

from datetime import date, timedelta

import pytest

from istandaarden.validation import validate
from wmoketen.accounts.constants import Rol
from wmoketen.berichten.models import Bericht
from wmoketen.declaraties import correcties, indienen, voorstel
from wmoketen.declaraties.beantwoorden import beantwoord
from wmoketen.declaraties.constants import DeclaratieStatus, Oordeel
from wmoketen.declaraties.models import Declaratie, OntvangenDeclaratie
from wmoketen.declaraties.perioden import maand_van
from wmoketen.demo.berichten import bezorg_intern
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContactFactory,
    ContractFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.toewijzingen.levering import registreer_start
from wmoketen.toewijzingen.models import AanbiederToewijzing
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe

from .hulp_gemeente import MAAND, Opzet, bouw_323, ontvang_323, prestatie

pytestmark = pytest.mark.django_db

VANDAAG = date.today()
TWEEDE = maand_van(VANDAAG.replace(day=1) - timedelta(days=1))  # last month
EERSTE = maand_van(TWEEDE[0] - timedelta(days=1))  # the month before
PRODUCTEN = {
    "wmo": dict(wet="wmo", productcategorie="02", productcode="02A01", frequentie="2"),
    "jeugdwet": dict(wet="jeugdwet", productcategorie="45", productcode="45A48", frequentie="4"),
}


class Keten:
    """A gemeente and an aanbieder in one installation, one allocation started on the first
    day of ``EERSTE``."""

    def __init__(self, wet: str):
        laad_standaardregels(acting_user=None)
        self.wet = wet
        self.gemeente = GemeenteFactory(naam="Weert", gemeentecode="0988")
        self.aanbieder = AanbiederFactory(naam="Zorggroep Maasland", agb_code="73730101")
        self.backoffice = GebruikerFactory(organisatie=self.gemeente, rol=Rol.BACKOFFICE)
        self.medewerker = GebruikerFactory(organisatie=self.aanbieder, rol=Rol.AANBIEDER)
        product = ProductFactory(**PRODUCTEN[wet])
        contract = ContractFactory(
            gemeente=self.gemeente, aanbieder=self.aanbieder, begindatum=date(2025, 1, 1)
        )
        ContractregelFactory(contract=contract, product=product, frequentie=product.frequentie)
        client = ClientFactory(organisatie=self.gemeente)
        ContactFactory(client=client)
        wijs_toe(
            gemeente=self.gemeente,
            aanbieder=self.aanbieder,
            client=client,
            wet=wet,
            producten=[
                TeWijzenProduct(product, EERSTE[0], EERSTE[0] + timedelta(days=364), 3, "04", None)
            ],
            beschikkingnummer="B-CORR-1",
            acting_user=self.backoffice,
        )
        bezorg_intern()  # the 301 reaches the aanbieder
        self.toewijzing = AanbiederToewijzing.objects.get(aanbieder=self.aanbieder)
        registreer_start(self.toewijzing, startdatum=EERSTE[0], acting_user=self.medewerker)
        bezorg_intern()  # the 305

    def voorstel(self, maand) -> Declaratie:
        return voorstel.stel_voor(
            aanbieder=self.aanbieder,
            gemeente=self.gemeente,
            wet=self.wet,
            maand=maand[0],
            acting_user=self.medewerker,
        )

    def dien_in_en_beantwoord(self, declaratie) -> OntvangenDeclaratie:
        """323 → the gemeente checks → 325 → the aanbieder reads it."""
        bericht = indienen.dien_in(declaratie, acting_user=self.medewerker)
        bezorg_intern()
        ontvangen = OntvangenDeclaratie.objects.get(bericht__identificatie=bericht.identificatie)
        beantwoord(ontvangen, acting_user=self.backoffice)
        bezorg_intern()
        ontvangen.refresh_from_db()
        return ontvangen


def _alles_geldig() -> None:
    berichten = list(Bericht.objects.met_inhoud())
    assert {b.nummer for b in berichten} >= {301, 305, 323, 325}
    for b in berichten:
        assert validate(b.bytes) == [], (b.naam, b.identificatie)


@pytest.mark.parametrize(
    "wet, route, nieuw",
    [("wmo", "voorstel", 7), ("jeugdwet", "concept", 2), ("wmo", "voorstel", 0)],
)
def test_debet_goedgekeurd_dan_credit_en_gecorrigeerde_debet(wet, route, nieuw):
    k = Keten(wet)
    eerste = k.voorstel(EERSTE)
    k.dien_in_en_beantwoord(eerste)
    eerste.refresh_from_db()
    origineel = eerste.prestaties.get()
    assert (eerste.status, origineel.oordeel) == (DeclaratieStatus.BEANTWOORD, Oordeel.GOEDGEKEURD)
    assert origineel.geleverd_volume > nieuw

    if route == "concept":  # the next month's concept exists: the correction joins it at once
        tweede = k.voorstel(TWEEDE)
        correctie = correcties.vraag_correctie_aan(
            origineel, volume=nieuw, reden="Te veel uren", acting_user=k.medewerker
        )
    else:  # it waits, and the next proposal takes it (the hook in stel_voor)
        correctie = correcties.vraag_correctie_aan(
            origineel, volume=nieuw, reden="Te veel uren", acting_user=k.medewerker
        )
        assert correcties.toestand(correctie) == correcties.WACHT
        tweede = k.voorstel(TWEEDE)
    regels = list(tweede.prestaties.filter(correctie=correctie).order_by("pk"))
    assert [(p.debet_credit, p.geleverd_volume) for p in regels] == [
        ("C", origineel.geleverd_volume),
        *([("D", nieuw)] if nieuw else []),
    ]
    eigen = tweede.prestaties.get(correctie__isnull=True)

    ontvangen = k.dien_in_en_beantwoord(tweede)

    # The gemeente: the chain passes (credit first, OP366), everything approved.
    rijen = {p.referentienummer: p for p in ontvangen.prestaties.all()}
    credit = rijen[regels[0].referentienummer]
    assert (credit.debet_credit, credit.vorig_referentienummer) == ("C", origineel.referentienummer)
    assert {(p.oordeel, tuple(p.retourcodes)) for p in rijen.values()} == {
        (Oordeel.GOEDGEKEURD, ())
    }
    assert ontvangen.retourcodes == [] and ontvangen.header_retourcodes == []
    verwacht = eigen.bedrag - origineel.bedrag + nieuw * origineel.tarief
    assert ontvangen.toegekend_bedrag == verwacht
    # The aanbieder reads the 325: the correction is done.
    tweede.refresh_from_db()
    assert tweede.status == DeclaratieStatus.BEANTWOORD
    assert tweede.toegekend_bedrag == verwacht
    assert set(tweede.prestaties.values_list("oordeel", flat=True)) == {Oordeel.GOEDGEKEURD}
    assert correcties.toestand(correctie) == correcties.VERWERKT
    _alles_geldig()


def test_gecorrigeerde_prestatie_opnieuw_corrigeren(settings):
    """The corrected debit, once approved, is the prestatie to correct: a second credit of the
    original is refused (TR390), a credit of the corrected debit passes."""
    k = Keten("wmo")
    eerste = k.voorstel(EERSTE)
    k.dien_in_en_beantwoord(eerste)
    origineel = eerste.prestaties.get()
    tweede = k.voorstel(TWEEDE)
    correctie = correcties.vraag_correctie_aan(
        origineel, volume=5, reden="Te veel uren", acting_user=k.medewerker
    )
    k.dien_in_en_beantwoord(tweede)
    gecorrigeerd = correctie.prestaties.get(debet_credit="D")
    with pytest.raises(Exception, match="TR390"):
        correcties.vraag_correctie_aan(origineel, volume=4, reden="x", acting_user=k.medewerker)
    tweede_correctie = correcties.vraag_correctie_aan(
        gecorrigeerd, volume=4, reden="Nog een uur minder", acting_user=k.medewerker
    )
    [credit, debet] = correcties.voorstellen(k.aanbieder, k.gemeente, "wmo")
    assert credit["vorig_referentienummer"] == gecorrigeerd.referentienummer
    assert (credit["geleverd_volume"], debet["geleverd_volume"]) == (5, 4)
    assert credit["correctie_id"] == tweede_correctie.pk


# The gemeente's chain checks on XML -----------------------------------------------------------

VORIGE = maand_van(MAAND[0] - timedelta(days=1))


@pytest.fixture
def opzet():
    return Opzet.maak()


def _ontvang(opzet, prestaties, *, nummer, periode=MAAND) -> OntvangenDeclaratie:
    bericht = ontvang_323(opzet, bouw_323(opzet, prestaties, nummer=nummer, periode=periode))
    assert bericht.status == "verwerkt", bericht.foutmelding
    return OntvangenDeclaratie.objects.get(bericht=bericht)


def _oordelen(declaratie) -> dict[str, tuple[str, list[str]]]:
    return {p.referentienummer: (p.oordeel, p.retourcodes) for p in declaratie.prestaties.all()}


def _goedgekeurde_debet(opzet, t, periode=VORIGE) -> dict:
    """A debit of ``periode``, received and answered (325 sent): approved."""
    debet = prestatie(t, begin=periode[0], eind=periode[1])
    eerder = _ontvang(opzet, [debet], nummer="DN1", periode=periode)
    beantwoord(eerder, acting_user=None)
    assert _oordelen(eerder) == {debet["referentie"]: (Oordeel.GOEDGEKEURD, [])}
    return debet


def test_credit_en_gecorrigeerde_debet_na_het_antwoord(opzet):
    t = opzet.toewijzing()
    debet = _goedgekeurde_debet(opzet, t)
    credit = dict(debet, referentie="C-1", vorig=debet["referentie"], dc="C")
    nieuw = prestatie(t, referentie="D-2", begin=VORIGE[0], eind=VORIGE[1], volume=8)
    declaratie = _ontvang(opzet, [nieuw, credit], nummer="DN2")
    assert _oordelen(declaratie) == {
        "C-1": (Oordeel.GOEDGEKEURD, []),
        "D-2": (Oordeel.GOEDGEKEURD, []),
    }
    assert declaratie.toegekend_bedrag == 8 * 6500 - 10 * 6500


def test_tr323_credit_voor_het_antwoord_op_de_debet(opzet):
    """IV085/IV091: crediting only after the 325 that granted the debit. The debit passed the
    rules, but its declaration is not answered yet (the backoffice may still reject it)."""
    t = opzet.toewijzing()
    debet = prestatie(t, begin=VORIGE[0], eind=VORIGE[1])
    _ontvang(opzet, [debet], nummer="DN1", periode=VORIGE)  # not answered
    credit = dict(debet, referentie="C-1", vorig=debet["referentie"], dc="C")
    nieuw = prestatie(t, referentie="D-2", begin=VORIGE[0], eind=VORIGE[1], volume=8)
    declaratie = _ontvang(opzet, [credit, nieuw], nummer="DN2")
    assert _oordelen(declaratie) == {
        "C-1": (Oordeel.AFGEWEZEN, ["8017"]),
        "D-2": (Oordeel.AFGEWEZEN, ["9389"]),  # a rejected credit cancels nothing
    }


def test_tr323_gedeeltelijke_credit(opzet):
    """IV091: a credit is identical to its debit; OP366: credited in full. A credit of part
    of the volume has no debit it matches."""
    t = opzet.toewijzing()
    debet = _goedgekeurde_debet(opzet, t)
    deel = dict(debet, referentie="C-1", vorig=debet["referentie"], dc="C", volume=4)
    deel["bedrag"] = 4 * deel["tarief"]
    declaratie = _ontvang(opzet, [deel, prestatie(t, referentie="D-3")], nummer="DN2")
    assert _oordelen(declaratie)["C-1"] == (Oordeel.AFGEWEZEN, ["8017"])


def test_tr323_credit_van_een_afgewezen_debet(opzet):
    """IV085: a rejected prestatie is never credited."""
    t = opzet.toewijzing()
    debet = prestatie(t, begin=VORIGE[0], eind=VORIGE[1], volume=40)  # TR321: rejected
    eerder = _ontvang(opzet, [debet], nummer="DN1", periode=VORIGE)
    beantwoord(eerder, acting_user=None)
    assert _oordelen(eerder)[debet["referentie"]][0] == Oordeel.AFGEWEZEN
    credit = dict(debet, referentie="C-1", vorig=debet["referentie"], dc="C")
    declaratie = _ontvang(opzet, [credit, prestatie(t, referentie="D-3")], nummer="DN2")
    assert _oordelen(declaratie)["C-1"] == (Oordeel.AFGEWEZEN, ["8017"])


def test_tr389_afgewezen_debet_telt_niet(opzet):
    """A rejected debit is corrected with a new debit, without a credit (TR389 counts only
    debits that were not rejected)."""
    t = opzet.toewijzing()
    debet = prestatie(t, begin=VORIGE[0], eind=VORIGE[1], volume=40)  # TR321: rejected
    eerder = _ontvang(opzet, [debet], nummer="DN1", periode=VORIGE)
    beantwoord(eerder, acting_user=None)
    opnieuw = prestatie(t, referentie="D-2", begin=VORIGE[0], eind=VORIGE[1], volume=8)
    declaratie = _ontvang(opzet, [opnieuw], nummer="DN2")
    assert _oordelen(declaratie) == {"D-2": (Oordeel.GOEDGEKEURD, [])}


def test_tr389_debet_zonder_credit(opzet):
    t = opzet.toewijzing()
    _goedgekeurde_debet(opzet, t)
    opnieuw = prestatie(t, referentie="D-2", begin=VORIGE[0], eind=VORIGE[1], volume=8)
    declaratie = _ontvang(opzet, [opnieuw], nummer="DN2")
    assert _oordelen(declaratie) == {"D-2": (Oordeel.AFGEWEZEN, ["9389"])}


def test_tr390_tweede_credit_na_het_antwoord(opzet):
    t = opzet.toewijzing()
    debet = _goedgekeurde_debet(opzet, t, periode=maand_van(VORIGE[0] - timedelta(days=1)))
    credit = dict(debet, referentie="C-1", vorig=debet["referentie"], dc="C")
    zelf = prestatie(t, referentie="D-2", begin=VORIGE[0], eind=VORIGE[1])
    tweede = _ontvang(opzet, [credit, zelf], nummer="DN2", periode=VORIGE)
    beantwoord(tweede, acting_user=None)
    assert _oordelen(tweede)["C-1"] == (Oordeel.GOEDGEKEURD, [])
    nogmaals = dict(credit, referentie="C-2")
    derde = _ontvang(opzet, [nogmaals, prestatie(t, referentie="D-3")], nummer="DN3")
    assert _oordelen(derde)["C-2"] == (Oordeel.AFGEWEZEN, ["9390"])


# The demo --------------------------------------------------------------------------------------


def test_demo_correctie():
    """``laad_correcties`` after the demo: Almere's approved prestatie corrected, and the chain
    answered when a later month can be declared; a second run changes nothing."""
    from django.core.management import call_command

    from wmoketen.declaraties.models import Correctie
    from wmoketen.demo.correcties import laad_correcties

    call_command("demo")
    laad_correcties()
    correctie = Correctie.objects.get()
    volgende = maand_van(correctie.prestatie.declaratie.periode_eind + timedelta(days=1))
    if volgende[1] <= date.today():
        assert correcties.toestand(correctie) == correcties.VERWERKT
    else:
        assert correcties.toestand(correctie) == correcties.WACHT
    assert correctie.volume == correctie.prestatie.geleverd_volume - 1
    aantal = Bericht.objects.count()
    laad_correcties()
    assert (Correctie.objects.count(), Bericht.objects.count()) == (1, aantal)
    _alles_geldig()
