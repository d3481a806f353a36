"""No heenbericht is processed by nobody: a valid message of a type without a handler is
flagged for the functioneel beheerder, never marked verwerkt; the recovery job leaves it alone."""

import logging
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from istandaarden.berichten import BERICHTEN
from istandaarden.regels import crossmessage
from istandaarden.safe_xml import parse_bytes
from istandaarden.samples import lees
from istandaarden.validation import validate_tree
from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten import herstel, services
from wmoketen.berichten.constants import Soort, Status
from wmoketen.berichten.handlers import HANDLERS, handler_voor
from wmoketen.berichten.models import AANDACHT, WACHTEND, Bericht, Bezorging
from wmoketen.factories import AanbiederFactory, GebruikerFactory, GemeenteFactory

from .hulp import ontvang

NU = timedelta(0)
HEENBERICHTEN = sorted(
    (b for b in BERICHTEN.values() if not b.is_retour), key=lambda b: (b.standaard, b.nummer)
)
# The official examples that break the standard on purpose (samples/v3_2/SOURCE.md), made
# valid: each replacement undoes its one defect.
HERSTELD = {
    "JW315": [(b">2027-06-31<", b">2027-06-30<")],  # XSD: no such date
    "JW317": [(b"<jw317:Einddatum>2024-02-28<", b"<jw317:Einddatum>2027-02-28<")],  # CS003
    "WMO317": [(b"Ingangsdatum>2023-04-02<", b"Ingangsdatum>2023-04-03<")],  # TR380
    "JW323": [(b"RN004</ijw:ReferentieNummer>", b"RN005</ijw:ReferentieNummer>", -1)],  # TR101
}


def geldig_voorbeeld(naam: str) -> bytes:
    data = lees(naam)
    for oud, nieuw, *welke in HERSTELD.get(naam, []):
        if welke:  # the last occurrence only
            begin = data.rindex(oud)
            data = data[:begin] + nieuw + data[begin + len(oud) :]
        else:
            data = data.replace(oud, nieuw)
    assert validate_tree(parse_bytes(data, compact=True)) == [], naam
    return data


def organisatie(code: str):
    if len(code) == 4:
        return GemeenteFactory(gemeentecode=code)
    return AanbiederFactory(agb_code=code)


def partijen_van(data: bytes):
    """The sender and receiver the message's Header names."""
    root = parse_bytes(data).getroot()
    afzender = root.find("{*}Header/{*}Afzender").text
    ontvanger = root.find("{*}Header/{*}Ontvanger").text
    return organisatie(afzender), organisatie(ontvanger)


@pytest.fixture
def zonder_regels(monkeypatch):
    """No cross-message rules: the examples name clients and allocations nobody stored."""
    monkeypatch.setattr(crossmessage, "REGISTER", {})


@pytest.mark.parametrize("soort", HEENBERICHTEN, ids=lambda b: b.naam)
def test_geldig_heenbericht_zonder_handler_wordt_gemarkeerd_niet_verwerkt(
    soort, db, monkeypatch, zonder_regels, caplog
):
    monkeypatch.delitem(HANDLERS, (soort.standaard, soort.nummer), raising=False)
    data = geldig_voorbeeld(soort.naam)
    afzender, ontvanger = partijen_van(data)

    with caplog.at_level(logging.WARNING, logger="wmoketen.berichten"):
        bericht = ontvang(data, afzender, ontvanger)

    bericht.refresh_from_db()
    assert (bericht.naam, bericht.soort) == (soort.naam, Soort.HEENBERICHT)
    assert bericht.status == Status.GEEN_VERWERKING
    assert bericht.get_status_display() == "Geen verwerking ingericht"
    assert bericht.verwerkt_op is None and bericht.fouten == []
    assert bericht.foutmelding == f"Voor {soort.naam} is geen verwerking ingericht."
    # The retour says the message passed the checks: it goes where the standard has one.
    retour = Bericht.objects.filter(heenbericht=bericht).first()
    if soort.retour_nummer is None:
        assert retour is None
    else:
        assert retour.nummer == soort.retour_nummer and retour.retourcodes == []
    # The functioneel beheerder sees it; the recovery job does not wait for it.
    assert bericht in herstel.voor_beheer(ontvanger)
    assert Bericht.objects.filter(AANDACHT, pk=bericht.pk).exists()
    assert not Bericht.objects.filter(WACHTEND, pk=bericht.pk).exists()
    [melding] = [r for r in caplog.records if r.levelno == logging.WARNING]
    tekst = melding.getMessage()
    assert f"bericht {bericht.pk} ({soort.naam} {bericht.identificatie}" in tekst
    assert f"voor {soort.naam} is geen verwerking (handler) ingericht" in tekst


def test_retour_zonder_handler_wordt_gekoppeld_en_verwerkt(
    partijen, wmo301, handlers, django_capture_on_commit_callbacks
):
    gemeente, aanbieder = partijen
    gezien = []
    handlers[("iwmo", 301)] = gezien.append
    handlers.pop(("iwmo", 302), None)

    with django_capture_on_commit_callbacks(execute=True):
        heen = services.verstuur(wmo301, afzender=gemeente, ontvanger=aanbieder)

    heen.refresh_from_db()
    assert heen.status == Status.RETOUR_VERZONDEN and len(gezien) == 1
    assert heen.retour.status == Status.VERWERKT  # the gemeente linked it: that is all
    assert heen.retour.heenbericht_id == heen.pk


def test_intern_bezorgd_zonder_handler_sluit_de_bezorging_en_herstel_laat_het_liggen(
    partijen, wmo301, handlers, django_capture_on_commit_callbacks
):
    gemeente, aanbieder = partijen
    handlers.pop(("iwmo", 301), None)
    with django_capture_on_commit_callbacks(execute=True):
        heen = services.verstuur(wmo301, afzender=gemeente, ontvanger=aanbieder)

    heen.refresh_from_db()
    assert heen.status == Status.GEEN_VERWERKING
    assert Bezorging.objects.get(bericht=heen).afgerond_op is not None
    assert herstel.oudste_wachtend() is None

    gezien = []
    handlers[("iwmo", 301)] = gezien.append  # a handler now exists: still not the job's work
    verslag = herstel.herstel(NU, direct=True)

    heen.refresh_from_db()
    assert verslag.totaal == 0 and gezien == []
    assert heen.status == Status.GEEN_VERWERKING


def test_herstel_laat_een_ontvangen_bericht_zonder_verwerking_liggen(
    partijen, wmo301, handlers, django_capture_on_commit_callbacks
):
    gemeente, aanbieder = partijen
    handlers.pop(("iwmo", 301), None)
    with django_capture_on_commit_callbacks(execute=True):  # its retour is delivered
        bericht = ontvang(wmo301, gemeente, aanbieder)
    Bericht.objects.filter(pk=bericht.pk).update(
        ontvangen_op=bericht.ontvangen_op - timedelta(days=1)
    )
    gezien = []
    handlers[("iwmo", 301)] = gezien.append

    assert herstel.herstel(NU, direct=True).totaal == 0
    assert gezien == []
    bericht.refresh_from_db()
    assert bericht.status == Status.GEEN_VERWERKING


@pytest.fixture
def beheerder(partijen):
    return GebruikerFactory(organisatie=partijen[1], rol=Rol.FUNCTIONEEL_BEHEERDER)


def test_herverwerken_kan_pas_als_er_een_handler_is_en_stuurt_geen_tweede_retour(
    partijen, wmo301, handlers, beheerder
):
    gemeente, aanbieder = partijen
    handlers.pop(("iwmo", 301), None)
    bericht = ontvang(wmo301, gemeente, aanbieder)
    assert bericht.status == Status.GEEN_VERWERKING
    assert not services.kan_herverwerken(bericht)

    with pytest.raises(ValidationError, match="Voor WMO301 is nog geen verwerking ingericht"):
        services.herverwerk(bericht, acting_user=beheerder)

    gezien = []
    handlers[("iwmo", 301)] = gezien.append
    assert services.kan_herverwerken(bericht)
    opnieuw = services.herverwerk(bericht, acting_user=beheerder)

    assert len(gezien) == 1 and gezien[0].bericht.pk == bericht.pk
    assert gezien[0].inhoud.header.bericht_identificatie.identificatie == "123456789012"
    assert opnieuw.status == Status.RETOUR_VERZONDEN and opnieuw.foutmelding == ""
    assert opnieuw.verwerkt_op is not None
    assert Bericht.objects.filter(nummer=302).count() == 1  # the retour went once
    assert AuditRegel.objects.filter(actie="bericht.herverwerkt").count() == 1
    assert opnieuw not in herstel.voor_beheer(aanbieder)


def test_mislukte_latere_verwerking_kan_weer_zonder_tweede_retour(
    partijen, wmo301, handlers, beheerder
):
    gemeente, aanbieder = partijen
    handlers.pop(("iwmo", 301), None)
    bericht = ontvang(wmo301, gemeente, aanbieder)

    def kapot(ontvangen):
        raise RuntimeError("nog niet goed ingericht")

    handlers[("iwmo", 301)] = kapot
    mislukt = services.herverwerk(bericht, acting_user=beheerder)
    assert mislukt.status == Status.FOUT_BIJ_VERWERKING
    assert mislukt.foutmelding == "RuntimeError: nog niet goed ingericht"

    gezien = []
    handlers[("iwmo", 301)] = gezien.append
    gelukt = services.herverwerk(mislukt, acting_user=beheerder)

    assert gelukt.status == Status.RETOUR_VERZONDEN and len(gezien) == 1
    assert Bericht.objects.filter(nummer=302).count() == 1


def test_declaratie_zonder_handler_wordt_alsnog_verwerkt(db, monkeypatch, zonder_regels):
    monkeypatch.delitem(HANDLERS, ("iwmo", 323), raising=False)
    data = geldig_voorbeeld("WMO323")
    aanbieder, gemeente = partijen_van(data)
    bericht = ontvang(data, aanbieder, gemeente)
    assert bericht.status == Status.GEEN_VERWERKING

    gezien = []
    monkeypatch.setitem(HANDLERS, ("iwmo", 323), gezien.append)
    beheerder = GebruikerFactory(organisatie=gemeente, rol=Rol.FUNCTIONEEL_BEHEERDER)
    opnieuw = services.herverwerk(bericht, acting_user=beheerder)

    assert opnieuw.status == Status.VERWERKT and len(gezien) == 1  # 323: no retour at all
    assert not Bericht.objects.filter(heenbericht=bericht).exists()
    assert handler_voor("iwmo", 323) is not None


# ------------------------------------------------------------------------------ the pages


def test_vastgelopen_en_detail_tonen_het_de_beheerder(
    client, partijen, wmo301, handlers, beheerder
):
    gemeente, aanbieder = partijen
    handlers.pop(("iwmo", 301), None)
    bericht = ontvang(wmo301, gemeente, aanbieder)
    client.force_login(beheerder)

    lijst = client.get("/berichten/vastgelopen/")
    assert bericht in lijst.context["pagina"]
    html = lijst.content.decode()
    assert "Geen verwerking ingericht" in html
    assert "Voor WMO301 is geen verwerking ingericht." in html
    assert "<strong>vastgelopen</strong>" not in html

    detail = client.get(f"/berichten/{bericht.pk}/").content.decode()
    assert '<h2 id="geen-verwerking">Geen verwerking ingericht</h2>' in detail
    assert "goedgekeurd en de retour is verzonden" in detail

    antwoord = client.post(f"/berichten/{bericht.pk}/herverwerken/", follow=True)
    assert "Voor WMO301 is nog geen verwerking ingericht" in antwoord.content.decode()


def test_startpagina_telt_berichten_zonder_verwerking_als_aandacht(
    client, partijen, wmo301, handlers, beheerder
):
    gemeente, aanbieder = partijen
    handlers.pop(("iwmo", 301), None)
    bericht = ontvang(wmo301, gemeente, aanbieder)
    Bericht.objects.filter(pk=bericht.pk).update(
        ontvangen_op=bericht.ontvangen_op - timedelta(days=40)
    )
    client.force_login(beheerder)

    [(_, tellingen)] = client.get("/").context["blokken"]

    # Whatever its age (no "laatste 30 dagen"): it needs action.
    [telling] = [t for t in tellingen if t.label.startswith("Geen verwerking")]
    assert (telling.label, telling.aantal) == ("Geen verwerking ingericht", 1)
    assert client.get(telling.url).context["pagina"].paginator.count == 1
