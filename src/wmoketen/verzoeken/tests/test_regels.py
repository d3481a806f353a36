"""The cross-message rules on requests (verzoeken/regels.py), through the receiving pipeline.

Each rule: a message that passes and one refused with the rule's own retourcode in the retour.
The messages are built from the bindings (``berichten.py``: the official example as a start,
then the fields the rule reads); the stored state is made with the models directly, independent
of the services.
"""

from datetime import date, time
from decimal import Decimal

import pytest

from istandaarden.regels import crossmessage
from wmoketen.berichten.constants import Status as BerichtStatus
from wmoketen.berichten.constants import Transport
from wmoketen.berichten.models import Bericht
from wmoketen.berichten.services import ontvang, retour_codes
from wmoketen.factories import ProductFactory
from wmoketen.producten.constants import Wet
from wmoketen.toewijzingen.models import AanbiederToewijzing, Toewijzing
from wmoketen.verzoeken.constants import Kant, ProductSoort, Soort, Status
from wmoketen.verzoeken.models import Antwoord, Verzoek, VerzoekProduct
from wmoketen.verzoeken.regels import REGELS

from .berichten import DAGTEKENING, EINDE, bericht_301, bericht_315, bericht_317, bericht_319

INGANG = date(2026, 3, 2)
LATER = date(2026, 7, 1)


@pytest.fixture(autouse=True)
def regels(monkeypatch):
    """The rules active, as ``VerzoekenConfig.ready`` registers them."""
    for regel in REGELS:
        monkeypatch.setitem(crossmessage.REGISTER, regel.code, regel)


# -- receiving -------------------------------------------------------------------------------


def _ontvang(data: bytes, afzender, ontvanger) -> Bericht:
    bericht = ontvang(data, afzender=afzender, ontvanger=ontvanger, transport=Transport.INTERN)
    bericht.refresh_from_db()
    return bericht


def afgekeurd(data: bytes, afzender, ontvanger, codes: set[str]) -> Bericht:
    """Refused with exactly ``codes`` (besides 0200) in the retour, each with a Dutch text."""
    heen = _ontvang(data, afzender, ontvanger)
    assert heen.status == BerichtStatus.AFGEKEURD, (heen.status, heen.fouten)
    retour = Bericht.objects.get(heenbericht=heen)
    assert {c for c in retour_codes(retour.bytes) if c != "0200"} == codes, heen.fouten
    assert all(f["message"] for f in heen.fouten)
    return heen


def geaccepteerd(data: bytes, afzender, ontvanger) -> Bericht:
    heen = _ontvang(data, afzender, ontvanger)
    assert heen.status != BerichtStatus.AFGEKEURD, heen.fouten
    return heen


# -- stored state ------------------------------------------------------------------------------


def toewijzing(gemeente, aanbieder, client, product, nummer, **velden) -> Toewijzing:
    standaard = dict(
        wet=product.wet,
        ingangsdatum=INGANG,
        einddatum=EINDE,
        volume=3,
        eenheid=product.eenheid,
        frequentie=product.frequentie,
        toewijzingsdatum=date(2026, 2, 20),
        toewijzingstijd=time(9, 0),
    )
    standaard.update(velden)
    if standaard.get("budget") is not None:
        standaard.update(volume=None, eenheid="", frequentie="")
    return Toewijzing.objects.create(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        product=product,
        toewijzingnummer=nummer,
        **standaard,
    )


def verzoek(kant, organisatie, gemeente, aanbieder, client, *, referentie="", soort=315, **velden):
    """A request with one product carrying ``referentie`` (315) or the request itself (317)."""
    product_status = velden.pop("product_status", Status.OPEN)
    v = Verzoek.objects.create(
        organisatie=organisatie,
        kant=kant,
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet=velden.pop("wet", Wet.WMO),
        soort=soort,
        referentie_aanbieder=referentie if soort == Soort.WIJZIGING else "",
        dagtekening=date(2026, 4, 1),
        **velden,
    )
    VerzoekProduct.objects.create(
        verzoek=v,
        soort=ProductSoort.AANGEVRAAGD if soort == Soort.TOEWIJZING else ProductSoort.NIEUW,
        referentie_aanbieder=referentie if soort == Soort.TOEWIJZING else "",
        status=product_status,
    )
    return v


class Wmo:
    """Weert (Wmo), its record of the adult and the aanbieder's record of the same adult."""

    def __init__(self, weert, aanbieder, producten, volwassene_weert, volwassene):
        self.gemeente, self.aanbieder = weert, aanbieder
        self.client, self.eigen_client = volwassene_weert, volwassene
        self.begeleiding, self.groep = producten.wmo_begeleiding, producten.wmo_groep

    def toewijzing(self, nummer, product=None, **velden):
        return toewijzing(
            self.gemeente,
            self.aanbieder,
            self.client,
            product or self.begeleiding,
            nummer,
            **velden,
        )

    def aan_gemeente(self, data, codes=None):
        if codes is not None:
            return afgekeurd(data, self.aanbieder, self.gemeente, codes)
        heen = geaccepteerd(data, self.aanbieder, self.gemeente)
        # Judge each message on its own: forget the request a 315/317 handler recorded.
        Verzoek.objects.filter(kant=Kant.GEMEENTE, bericht=heen).delete()
        return heen

    def aan_aanbieder(self, data, codes=None):
        if codes is not None:
            return afgekeurd(data, self.gemeente, self.aanbieder, codes)
        heen = geaccepteerd(data, self.gemeente, self.aanbieder)
        Antwoord.objects.filter(bericht=heen).delete()  # as above: the 319 handler's record
        return heen

    def b317(self, **kwargs):
        return bericht_317(self.gemeente, self.aanbieder, self.client.bsn, **kwargs)

    def b315(self, *referenties):
        return bericht_315(
            self.gemeente, self.aanbieder, self.client.bsn, list(referenties), self.begeleiding
        )

    def b319(self, referentie, antwoord):
        return bericht_319(self.gemeente, self.aanbieder, referentie, antwoord)

    def gemeente_verzoek(self, **kwargs):
        return verzoek(
            Kant.GEMEENTE, self.gemeente, self.gemeente, self.aanbieder, self.client, **kwargs
        )

    def eigen_verzoek(self, **kwargs):
        return verzoek(
            Kant.AANBIEDER,
            self.aanbieder,
            self.gemeente,
            self.aanbieder,
            self.eigen_client,
            **kwargs,
        )


@pytest.fixture
def wmo(weert, aanbieder, producten, volwassene_weert, volwassene):
    return Wmo(weert, aanbieder, producten, volwassene_weert, volwassene)


# -- gemeente side: 315 and 317 ----------------------------------------------------------------


def test_tr347_referentie_uniek(wmo):
    wmo.gemeente_verzoek(
        referentie="R0000000001", status=Status.AFGEWEZEN, product_status=Status.AFGEWEZEN
    )
    heen = wmo.aan_gemeente(wmo.b315("R0000000002", "R0000000001"), {"9347"})
    assert [f["code"] for f in heen.fouten] == ["TR347"]
    # A 317 may not reuse a 315 product's reference either.
    wmo.toewijzing(101)
    wmo.aan_gemeente(
        wmo.b317(referentie="R0000000001", ongewijzigd=[101], nieuw=[(wmo.groep, LATER, EINDE)]),
        {"9347"},
    )
    wmo.aan_gemeente(wmo.b315("R0000000003"))


def test_tr374_geen_tweede_verzoek_terwijl_er_een_onderhanden_is(wmo):
    lopend = wmo.gemeente_verzoek(referentie="R0000000001")
    wmo.aan_gemeente(wmo.b315("R0000000002"), {"9374"})
    lopend.status = Status.IN_ONDERZOEK
    lopend.save()
    wmo.aan_gemeente(wmo.b315("R0000000002"), {"9374"})
    # Partly allocated, one product still undecided: still onderhanden.
    lopend.status = Status.DEELS
    lopend.save()
    wmo.aan_gemeente(wmo.b315("R0000000002"), {"9374"})
    # Answered (319 afgewezen or 301): no longer onderhanden.
    lopend.producten.update(status=Status.AFGEWEZEN)
    wmo.aan_gemeente(wmo.b315("R0000000002"))
    lopend.status = Status.AFGEWEZEN
    lopend.save()
    wmo.aan_gemeente(wmo.b315("R0000000003"))


def test_tr374_ander_aanbieder_of_andere_client_telt_niet(wmo, almere, kind_almere, aanbieder):
    verzoek(
        Kant.GEMEENTE,
        almere,
        almere,
        aanbieder,
        kind_almere,
        referentie="R0000000001",
        wet=Wet.JEUGDWET,
    )
    wmo.aan_gemeente(wmo.b315("R0000000002"))


def test_tr349_alle_actuele_toewijzingen_in_de_317(wmo):
    wmo.toewijzing(101)
    wmo.toewijzing(102, wmo.groep)
    wmo.toewijzing(103, ingangsdatum=date(2025, 1, 1), einddatum=date(2026, 4, 30))  # ended
    na_101 = (wmo.begeleiding, date(2027, 3, 2), date(2027, 12, 31))
    heen = wmo.aan_gemeente(wmo.b317(ongewijzigd=[101], nieuw=[na_101]), {"9349"})
    assert "102" in heen.fouten[0]["message"]
    wmo.aan_gemeente(wmo.b317(ongewijzigd=[101], te_wijzigen=[dict(nummer=102, ingang=INGANG)]))


def test_tr350_ongewijzigd_product_is_een_actuele_toewijzing(wmo):
    wmo.toewijzing(101)
    wmo.toewijzing(103, wmo.groep, ingangsdatum=date(2025, 1, 1), einddatum=date(2026, 4, 30))
    nieuw = [(wmo.groep, LATER, EINDE)]
    wmo.aan_gemeente(wmo.b317(ongewijzigd=[101, 999], nieuw=nieuw), {"9350"})
    wmo.aan_gemeente(wmo.b317(ongewijzigd=[101, 103], nieuw=nieuw), {"9350"})
    wmo.aan_gemeente(wmo.b317(ongewijzigd=[101], nieuw=nieuw))


def test_tr351_te_wijzigen_product_is_een_actuele_toewijzing(wmo):
    wmo.toewijzing(101)
    wmo.aan_gemeente(
        wmo.b317(ongewijzigd=[101], te_wijzigen=[dict(nummer=998, ingang=LATER)]), {"9351"}
    )
    wmo.aan_gemeente(wmo.b317(te_wijzigen=[dict(nummer=101, ingang=LATER)]))


def test_tr304_toewijzing_van_een_andere_client(wmo, weert, aanbieder):
    from wmoketen.factories import ClientFactory

    ander = ClientFactory(organisatie=weert)
    toewijzing(weert, aanbieder, ander, wmo.groep, 201)
    wmo.toewijzing(101)
    heen = wmo.aan_gemeente(
        wmo.b317(ongewijzigd=[201], te_wijzigen=[dict(nummer=101, ingang=LATER)]), {"8187"}
    )
    assert [f["code"] for f in heen.fouten] == ["TR304"]


def test_tr357_wijziging_niet_in_de_toekomst_geldt_de_hele_looptijd(wmo):
    wmo.toewijzing(101)
    wmo.aan_gemeente(wmo.b317(te_wijzigen=[dict(nummer=101, ingang=date(2026, 4, 1))]), {"9357"})
    wmo.aan_gemeente(wmo.b317(te_wijzigen=[dict(nummer=101, ingang=DAGTEKENING)]), {"9357"})
    wmo.aan_gemeente(wmo.b317(te_wijzigen=[dict(nummer=101, ingang=INGANG)]))
    wmo.aan_gemeente(wmo.b317(te_wijzigen=[dict(nummer=101, ingang=LATER)]))


def test_tr373_budget_wijzigt_voor_de_hele_looptijd(wmo):
    wmo.toewijzing(101, budget=Decimal("1000.00"))
    budget = dict(nummer=101, omvang=None, budget=150000)
    heen = wmo.aan_gemeente(wmo.b317(te_wijzigen=[dict(budget, ingang=LATER)]), {"9373"})
    assert "TR373" in heen.fouten[0]["message"]
    wmo.aan_gemeente(wmo.b317(te_wijzigen=[dict(budget, ingang=INGANG)]))
    # The same budget with a later end only: no budget change, any ingangsdatum.
    wmo.aan_gemeente(
        wmo.b317(
            te_wijzigen=[
                dict(nummer=101, omvang=None, budget=100000, ingang=LATER, einde=date(2027, 6, 1))
            ]
        )
    )


def test_tr373_totaal_over_de_toewijzingsperiode(wmo):
    wmo.toewijzing(101, volume=40, eenheid="04", frequentie="6")
    wmo.aan_gemeente(
        wmo.b317(te_wijzigen=[dict(nummer=101, ingang=LATER, omvang=(60, "04", "6"))]), {"9373"}
    )
    wmo.aan_gemeente(
        wmo.b317(te_wijzigen=[dict(nummer=101, ingang=INGANG, omvang=(60, "04", "6"))])
    )
    # A per-week change may start later.
    wmo.toewijzing(102, wmo.groep)
    wmo.aan_gemeente(
        wmo.b317(
            ongewijzigd=[101], te_wijzigen=[dict(nummer=102, ingang=LATER, omvang=(6, "04", "2"))]
        )
    )


def test_tr361_zelfde_product_niet_overlappend(wmo):
    wmo.toewijzing(101)
    overlap = wmo.b317(
        te_wijzigen=[dict(nummer=101, ingang=INGANG, einde=date(2026, 9, 30))],
        nieuw=[(wmo.begeleiding, date(2026, 9, 1), EINDE)],
    )
    heen = wmo.aan_gemeente(overlap, {"9361"})
    assert [f["code"] for f in heen.fouten] == ["TR361"]
    wmo.aan_gemeente(
        wmo.b317(
            te_wijzigen=[dict(nummer=101, ingang=INGANG, einde=date(2026, 8, 31))],
            nieuw=[(wmo.begeleiding, date(2026, 9, 1), EINDE), (wmo.groep, LATER, EINDE)],
        )
    )


def test_tr361_ongewijzigd_tegen_nieuw(wmo):
    wmo.toewijzing(101)
    wmo.aan_gemeente(wmo.b317(ongewijzigd=[101], nieuw=[(wmo.begeleiding, LATER, EINDE)]), {"9361"})


def test_tr411_omvang_bij_een_toewijzing_met_productcode(wmo):
    wmo.toewijzing(101)
    wmo.aan_gemeente(wmo.b317(te_wijzigen=[dict(nummer=101, ingang=INGANG, omvang=None)]), {"9411"})
    wmo.aan_gemeente(wmo.b317(te_wijzigen=[dict(nummer=101, ingang=INGANG, omvang=(5, "04", "2"))]))


def test_tr412_geen_omvang_bij_een_toewijzing_zonder_productcode(wmo):
    # A budget allocation goes without Code in the 301.
    wmo.toewijzing(101, budget=Decimal("1000.00"))
    wmo.aan_gemeente(
        wmo.b317(te_wijzigen=[dict(nummer=101, ingang=INGANG, omvang=(5, "04", "2"))]), {"9412"}
    )
    wmo.aan_gemeente(
        wmo.b317(te_wijzigen=[dict(nummer=101, ingang=INGANG, omvang=None, budget=100000)])
    )


def test_tr412_niet_voor_wat_voor_2021_eindigde(wmo):
    wmo.toewijzing(
        101, budget=Decimal("1000.00"), ingangsdatum=date(2020, 1, 1), einddatum=date(2020, 12, 31)
    )
    wmo.toewijzing(102)
    # 101 ended long ago (TR350) but TR412 leaves such an aspecific allocation alone.
    heen = wmo.aan_gemeente(
        wmo.b317(
            ongewijzigd=[102],
            te_wijzigen=[
                dict(
                    nummer=101,
                    ingang=date(2020, 1, 1),
                    einde=date(2020, 12, 31),
                    omvang=(5, "04", "2"),
                )
            ],
        ),
        {"9351"},
    )
    assert {f["code"] for f in heen.fouten} == {"TR351"}


def test_tr375_geen_omvang_bij_een_toewijzing_zonder_product(wmo):
    zonder = ProductFactory(wet=Wet.WMO, productcategorie="", productcode="", eenheid="04")
    wmo.toewijzing(101, zonder, budget=Decimal("500.00"))
    heen = wmo.aan_gemeente(
        wmo.b317(te_wijzigen=[dict(nummer=101, ingang=INGANG, omvang=(5, "04", "2"))]),
        {"9375", "9412"},
    )
    assert {f["code"] for f in heen.fouten} == {"TR375", "TR412"}
    wmo.aan_gemeente(
        wmo.b317(te_wijzigen=[dict(nummer=101, ingang=INGANG, omvang=None, budget=60000)])
    )


# -- aanbieder side: 319 and 301 ---------------------------------------------------------------


def test_tr355_antwoord_op_een_eigen_verzoek(wmo):
    wmo.eigen_verzoek(referentie="R0000000001")
    wmo.aan_aanbieder(wmo.b319("R0000000009", "1"), {"9355"})
    wmo.aan_aanbieder(wmo.b319("R0000000001", "1"))


def test_tr355_317_referentie(wmo):
    wmo.eigen_verzoek(referentie="R0000000017", soort=Soort.WIJZIGING)
    wmo.aan_aanbieder(wmo.b319("R0000000017", "2"))


def test_tr355_niet_zonder_eigen_verzoeken(wmo):
    """An aanbieder that files its requests elsewhere has no records to hold a 319 against."""
    wmo.aan_aanbieder(wmo.b319("R0000000009", "1"))


def test_tr355_afgekeurd_verzoek_telt_niet(wmo):
    wmo.eigen_verzoek(referentie="R0000000002")
    wmo.eigen_verzoek(referentie="R0000000001", status=Status.AFGEKEURD)
    wmo.aan_aanbieder(wmo.b319("R0000000001", "1"), {"9355"})


def test_tr359_geen_antwoord_na_een_toewijzing(wmo, aanbieder):
    wmo.eigen_verzoek(referentie="R0000000001")
    gemeentekant = wmo.toewijzing(101, referentie_aanbieder="R0000000001")
    wmo.aan_aanbieder(bericht_301(wmo.gemeente, aanbieder, wmo.client, gemeentekant, "R0000000001"))
    assert (
        AanbiederToewijzing.objects.get(aanbieder=aanbieder).referentie_aanbieder == "R0000000001"
    )
    wmo.aan_aanbieder(wmo.b319("R0000000001", "1"), {"9359"})


def test_tr359_toewijzing_via_verzoekproduct(wmo, aanbieder):
    eigen = wmo.eigen_verzoek(referentie="R0000000001")
    gemeentekant = wmo.toewijzing(101)
    wmo.aan_aanbieder(bericht_301(wmo.gemeente, aanbieder, wmo.client, gemeentekant, ""))
    ontvangen = AanbiederToewijzing.objects.get(aanbieder=aanbieder)
    wmo.aan_aanbieder(wmo.b319("R0000000001", "1"))
    eigen.producten.update(aanbieder_toewijzing=ontvangen, status=Status.TOEGEWEZEN)
    wmo.aan_aanbieder(wmo.b319("R0000000001", "1"), {"9359"})


def test_tr360_in_onderzoek_maar_een_keer(wmo, aanbieder):
    eigen = wmo.eigen_verzoek(referentie="R0000000001")
    wmo.aan_aanbieder(wmo.b319("R0000000001", "2"))
    Antwoord.objects.create(
        organisatie=aanbieder,
        verzoek=eigen,
        referentie_aanbieder="R0000000001",
        verzoek_antwoord="2",
    )
    wmo.aan_aanbieder(wmo.b319("R0000000001", "2"), {"9360"})
    # After "in onderzoek" the final answer follows.
    wmo.aan_aanbieder(wmo.b319("R0000000001", "1"))


def test_tr365_na_een_afwijzing_geen_volgend_antwoord(wmo, aanbieder):
    eigen = wmo.eigen_verzoek(referentie="R0000000001")
    Antwoord.objects.create(
        organisatie=aanbieder,
        verzoek=eigen,
        referentie_aanbieder="R0000000001",
        verzoek_antwoord="1",
        reden_afwijzing="4",
    )
    wmo.aan_aanbieder(wmo.b319("R0000000001", "1"), {"9365"})
    wmo.aan_aanbieder(wmo.b319("R0000000001", "2"), {"9360", "9365"})


def test_tr379_referentie_in_de_301_van_een_eigen_verzoek(wmo, aanbieder):
    wmo.eigen_verzoek(referentie="R0000000001")
    gemeentekant = wmo.toewijzing(101)
    heen = wmo.aan_aanbieder(
        bericht_301(wmo.gemeente, aanbieder, wmo.client, gemeentekant, "R0000000009"), {"9379"}
    )
    assert [f["code"] for f in heen.fouten] == ["TR379"]
    assert not AanbiederToewijzing.objects.filter(aanbieder=aanbieder).exists()
    wmo.aan_aanbieder(bericht_301(wmo.gemeente, aanbieder, wmo.client, gemeentekant, "R0000000001"))
    # Sent again (a later 301 of the same client) the honoured reference still passes.
    wmo.aan_aanbieder(bericht_301(wmo.gemeente, aanbieder, wmo.client, gemeentekant, "R0000000001"))


def test_tr379_niet_zonder_eigen_verzoeken(wmo, aanbieder):
    gemeentekant = wmo.toewijzing(101)
    wmo.aan_aanbieder(bericht_301(wmo.gemeente, aanbieder, wmo.client, gemeentekant, "R0000000009"))


def test_ijw_317_tr351_en_tr361(almere, aanbieder, producten, kind_almere):
    """The same rules on a JW317 (Almere, Jeugdwet)."""
    ambulant = producten.jw_ambulant
    toewijzing(almere, aanbieder, kind_almere, ambulant, 301)

    def jw317(codes=None, **kwargs):
        data = bericht_317(almere, aanbieder, kind_almere.bsn, wet=Wet.JEUGDWET, **kwargs)
        if codes:
            return afgekeurd(data, aanbieder, almere, codes)
        return geaccepteerd(data, aanbieder, almere)

    jw317({"9351"}, ongewijzigd=[301], te_wijzigen=[dict(nummer=302, ingang=LATER)])
    jw317({"9361"}, ongewijzigd=[301], nieuw=[(ambulant, LATER, EINDE)])
    jw317(ongewijzigd=[301], nieuw=[(producten.jw_gezin, LATER, EINDE)])


def test_tr361_categorie_11_tot_14_mag_overlappen_alleen_in_de_wmo():
    from wmoketen.verzoeken.regels.gemeente import _Periode, _zelfde_product

    def periode(categorie, code=""):
        return _Periode(None, True, categorie, code, INGANG, EINDE)

    assert not _zelfde_product(periode("12", "12A01"), periode("12", "12A01"), "iwmo")
    assert _zelfde_product(periode("12", "12A01"), periode("12", "12A01"), "ijw")
    assert not _zelfde_product(periode(""), periode("13"), "iwmo")
    assert _zelfde_product(periode(""), periode("02"), "iwmo")
    assert _zelfde_product(periode("02"), periode("02", "2701"), "iwmo")  # category level
    assert not _zelfde_product(periode("02", "2702"), periode("02", "2701"), "iwmo")
