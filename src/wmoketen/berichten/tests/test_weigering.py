"""handlers.weigering and handlers.zelf_beoordeeld: what a domain registers besides its handler."""

import logging

import pytest
from lxml import etree

from istandaarden.regels import crossmessage
from istandaarden.regels.crossmessage import Niveau, Overtreding
from istandaarden.samples import lees
from wmoketen.berichten import handlers as registry
from wmoketen.berichten.constants import Status
from wmoketen.berichten.handlers import weigering, zelf_beoordeeld
from wmoketen.berichten.models import Bericht
from wmoketen.factories import AanbiederFactory, GemeenteFactory
from wmoketen.organisaties.models import Gemeente

from .hulp import ontvang


@pytest.fixture(autouse=True)
def registers(handlers):
    """The weigeringen and zelf_beoordeeld registries are restored after each test."""
    weigeringen = dict(registry.WEIGERINGEN)
    zelf = set(registry.ZELF_BEOORDEELD)
    yield
    registry.WEIGERINGEN.clear()
    registry.WEIGERINGEN.update(weigeringen)
    registry.ZELF_BEOORDEELD.clear()
    registry.ZELF_BEOORDEELD.update(zelf)


def registreer_weigering(standaard: str, nummer: int) -> list:
    """A weigering that notes what it got, and the message's status in the database then."""
    gezien = []

    @weigering(standaard, nummer)
    def noteer(bericht, root, fouten):
        opgeslagen = Bericht.objects.get(pk=bericht.pk)
        gezien.append((bericht.pk, opgeslagen.status, root, [f.code for f in fouten]))

    return gezien


@pytest.fixture
def wmo317(db):
    """The official WMO317, which breaks TR380 (controleniveau 2), and its parties."""
    aanbieder = AanbiederFactory(agb_code="65656055")
    return lees("WMO317"), aanbieder, GemeenteFactory(gemeentecode="0384")


def test_weigering_bij_een_regelfout_na_de_afkeuring(wmo317):
    data, aanbieder, gemeente = wmo317
    gezien = registreer_weigering("iwmo", 317)

    bericht = ontvang(data, aanbieder, gemeente)

    assert bericht.status == Status.AFGEKEURD and bericht.retourcodes == ["0001"]
    [(pk, status, root, codes)] = gezien
    assert (pk, status, codes) == (bericht.pk, Status.AFGEKEURD, ["TR380"])
    assert etree.QName(root).localname == "Bericht" and root.find("{*}Header") is not None
    assert bericht.retour is not None  # the retour went as always


def test_weigering_bij_tr056(partijen, wmo301, handlers):
    gemeente, aanbieder = partijen
    handlers[("iwmo", 301)] = lambda ontvangen: None
    gezien = registreer_weigering("iwmo", 301)
    eerste = ontvang(wmo301, gemeente, aanbieder)
    anders = wmo301.replace(b"<wmo301:Commentaar>", b"<wmo301:Commentaar>Gewijzigd ", 1)

    tweede = ontvang(anders, gemeente, aanbieder)

    assert eerste.status == Status.RETOUR_VERZONDEN
    assert tweede.status == Status.AFGEKEURD and tweede.retourcodes == ["9056"]
    assert [(pk, status, codes) for pk, status, _, codes in gezien] == [
        (tweede.pk, Status.AFGEKEURD, ["TR056"])
    ]


def test_geen_weigering_bij_xsd_adres_dubbel_of_berichtoverstijgende_regel(
    partijen, wmo301, handlers, monkeypatch
):
    gemeente, aanbieder = partijen
    handlers[("iwmo", 301)] = lambda ontvangen: None
    gezien = registreer_weigering("iwmo", 301)
    xsd = wmo301.replace(b"<wmo301:Geslacht>", b"<wmo301:Geslacht>9", 1).replace(
        b">123456789012<", b">123456789014<"
    )
    ander = AanbiederFactory(agb_code="11111111")

    assert ontvang(xsd, gemeente, aanbieder).fouten[0]["code"] == "XSD"
    assert ontvang(wmo301, gemeente, ander).fouten[0]["code"] == "ADRES"
    ontvang(wmo301, gemeente, aanbieder)
    assert ontvang(wmo301, gemeente, aanbieder).status == Status.DUBBEL
    monkeypatch.setattr(crossmessage, "REGISTER", {"TEST1": AltijdFout()})
    anders = wmo301.replace(b">123456789012<", b">123456789013<")
    assert ontvang(anders, gemeente, aanbieder).retourcodes == ["9374"]  # level 3

    assert gezien == []


def test_een_falende_weigering_laat_de_afkeuring_staan(wmo317, caplog):
    data, aanbieder, gemeente = wmo317

    @weigering("iwmo", 317)
    def kapot(bericht, root, fouten):
        Gemeente.objects.create(naam="Half", gemeentecode="0001")
        raise RuntimeError("antwoord mislukt")

    with caplog.at_level(logging.ERROR, logger="wmoketen.berichten"):
        bericht = ontvang(data, aanbieder, gemeente)

    bericht.refresh_from_db()
    assert bericht.status == Status.AFGEKEURD and bericht.retourcodes == ["0001"]
    assert Bericht.objects.filter(heenbericht=bericht).exists()
    assert not Gemeente.objects.filter(gemeentecode="0001").exists()  # the savepoint undid it
    assert f"bericht {bericht.pk}: fout in de afhandeling van de afkeuring" in caplog.text
    assert "RuntimeError: antwoord mislukt" in caplog.text
    # Visible on the message's page: no answer went.
    assert bericht.foutmelding == "Het antwoord op de afkeuring is niet verstuurd: antwoord mislukt"


def test_een_weigering_schrijft_in_de_transactie_van_de_pijplijn(wmo317):
    data, aanbieder, gemeente = wmo317

    @weigering("iwmo", 317)
    def antwoord(bericht, root, fouten):
        Gemeente.objects.create(naam=f"Antwoord op {bericht.pk}", gemeentecode="0002")

    bericht = ontvang(data, aanbieder, gemeente)

    assert Gemeente.objects.get(gemeentecode="0002").naam == f"Antwoord op {bericht.pk}"


class AltijdFout:
    """A cross-message rule every 301 breaks."""

    code = "TEST1"
    retourcode = "9374"
    niveau = Niveau.HEADER
    berichten = frozenset({"301"})

    def __init__(self):
        self.aanroepen = 0

    def check(self, bericht, store):
        self.aanroepen += 1
        yield Overtreding(self.code, self.retourcode, None, "Altijd fout.")


def test_zelf_beoordeeld_slaat_de_berichtoverstijgende_regels_over(
    partijen, wmo301, handlers, monkeypatch
):
    gemeente, aanbieder = partijen
    regel = AltijdFout()
    monkeypatch.setattr(crossmessage, "REGISTER", {regel.code: regel})
    gezien = []
    handlers[("iwmo", 301)] = gezien.append

    afgekeurd = ontvang(wmo301, gemeente, aanbieder)
    assert afgekeurd.status == Status.AFGEKEURD and afgekeurd.retourcodes == ["9374"]
    assert regel.aanroepen == 1 and gezien == []

    zelf_beoordeeld("iwmo", 301)
    anders = wmo301.replace(b">123456789012<", b">123456789013<")
    bericht = ontvang(anders, gemeente, aanbieder)

    assert bericht.status == Status.RETOUR_VERZONDEN  # the handler judged it itself
    assert regel.aanroepen == 1 and len(gezien) == 1
    assert registry.is_zelf_beoordeeld("iwmo", 301)
    assert not registry.is_zelf_beoordeeld("ijw", 301)
