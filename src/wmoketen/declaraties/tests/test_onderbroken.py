"""A declaration's processing broken off half-way: nothing of it stays, and it is done once later.

One message, one transaction: the 323's handler stores the declaration, its prestaties, its
signals and its deadline (and, for a declaration refused as a whole, its 325) together or
not at all.

* a failure of ours late in the handler (an exception): the pipeline rolls the handler back,
  marks the message *fout bij verwerking*, and ``herverwerk`` later gives the full result;
* a killed process: nothing after the kill runs and the server rolls the open transaction
  back. The project simulates the kill in-process (as ``berichten.tests.test_brievenbus``'s
  ``Gedood``): a ``BaseException``, which no ``except Exception`` in the pipeline catches,
  leaves the transaction unfinished and rolled back and the message as stored, *ontvangen*;
  the recovery job (``berichten.herstel``) then processes it once. A real SIGKILL of a worker
  is exercised by ``.ci/foutinjectie.py`` (Celery and RabbitMQ), not by a pytest test.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from istandaarden.safe_xml import parse_bytes
from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten import herstel
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht, Berichtkanaal
from wmoketen.berichten.services import herverwerk
from wmoketen.declaraties import beantwoorden, indienen
from wmoketen.declaraties.constants import BeoordelingStatus, DeclaratieStatus, Oordeel
from wmoketen.declaraties.models import Declaratie, OntvangenDeclaratie, OntvangenPrestatie
from wmoketen.declaraties.ontvangst import ZONDER_START
from wmoketen.declaraties.perioden import maand_van
from wmoketen.factories import GebruikerFactory
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import Status as TermijnStatus
from wmoketen.termijnen.models import Termijn
from wmoketen.toewijzingen.models import Signaal

from .hulp_gemeente import MAAND, VANDAAG, Opzet, bouw_323, ontvang_323, prestatie
from .test_indienen import Concept

VORIGE = maand_van(MAAND[0] - timedelta(days=1))


class Gedood(BaseException):
    """The process killed half-way (SIGKILL, a reboot): nothing after it runs."""


def breekt(fout: BaseException):
    def functie(*args, **kwargs):
        raise fout

    return functie


def breekt_bij(actie: str, echt):
    """``audit.log``, but the process dies at the audit row of ``actie``."""

    def functie(acting_user, soort, *args, **kwargs):
        if soort == actie:
            raise Gedood
        return echt(acting_user, soort, *args, **kwargs)

    return functie


@pytest.fixture
def opzet(db):
    return Opzet.maak()


@pytest.fixture
def beheerder(opzet):
    return GebruikerFactory(organisatie=opzet.gemeente, rol=Rol.FUNCTIONEEL_BEHEERDER)


def _niets_opgeslagen() -> None:
    assert not OntvangenDeclaratie.objects.exists()
    assert not OntvangenPrestatie.objects.exists()
    assert not Signaal.objects.exists()
    assert not Termijn.objects.exists()
    assert not Bericht.objects.filter(nummer=325).exists()
    assert not AuditRegel.objects.filter(actie="declaratie.ontvangen").exists()


def _codes(element) -> list[str]:
    return [e.text for e in element.findall("{*}RetourCodes/{*}RetourCode")]


# An exception late in the handler ---------------------------------------------------------------


@pytest.mark.django_db
def test_fout_na_het_opslaan_van_de_prestaties_laat_niets_staan(opzet, beheerder, monkeypatch):
    goed = prestatie(opzet.toewijzing())
    zonder_start = prestatie(opzet.toewijzing(start=False))  # a signal (OP364)
    onbekend = prestatie(opzet.toewijzing(), toewijzingnummer=999999)  # rejected (TR338)
    data = bouw_323(opzet, [goed, zonder_start, onbekend])
    with monkeypatch.context() as m:  # after the prestaties and signals were stored
        m.setattr(termijnen, "open_termijn", breekt(RuntimeError("database weg")))
        bericht = ontvang_323(opzet, data)

    assert bericht.status == Status.FOUT_BIJ_VERWERKING
    assert bericht.foutmelding == "RuntimeError: database weg"
    _niets_opgeslagen()

    bericht = herverwerk(bericht, acting_user=beheerder)

    assert bericht.status == Status.VERWERKT
    declaratie = OntvangenDeclaratie.objects.get()
    assert declaratie.bericht == bericht
    oordelen = {p.referentienummer: (p.oordeel, p.retourcodes) for p in declaratie.prestaties.all()}
    assert oordelen == {
        goed["referentie"]: (Oordeel.GOEDGEKEURD, []),
        zonder_start["referentie"]: (Oordeel.GOEDGEKEURD, []),
        onbekend["referentie"]: (Oordeel.AFGEWEZEN, ["9338"]),
    }
    assert Signaal.objects.get().soort == ZONDER_START
    assert Termijn.objects.get() == declaratie.termijn
    assert declaratie.termijn.status == TermijnStatus.OPEN
    antwoord = beantwoorden.beantwoord(declaratie, acting_user=None)
    assert list(Bericht.objects.filter(nummer=325)) == [antwoord]
    with pytest.raises(ValidationError):  # processed: nothing to do again
        herverwerk(bericht, acting_user=beheerder)
    assert OntvangenDeclaratie.objects.count() == 1


@pytest.mark.django_db
def test_fout_na_het_bouwen_van_de_325_van_een_afgewezen_declaratie(opzet, beheerder, monkeypatch):
    """A declaration refused as a whole is answered at once: a failure after its 325 was
    built and stored takes the 325 back with the rest; reprocessed, exactly one goes."""
    ontvang_323(opzet, bouw_323(opzet, [prestatie(opzet.toewijzing())], nummer="DN1"))
    eerste = OntvangenDeclaratie.objects.get()
    data = bouw_323(opzet, [prestatie(opzet.toewijzing())], nummer="DN1", periode=MAAND)
    with monkeypatch.context() as m:  # _beantwoord_geweigerd: after maak_325
        m.setattr(termijnen, "sluit_termijn", breekt(RuntimeError("database weg")))
        bericht = ontvang_323(opzet, data)

    assert bericht.status == Status.FOUT_BIJ_VERWERKING
    assert list(OntvangenDeclaratie.objects.all()) == [eerste]
    assert not Bericht.objects.filter(nummer=325).exists()
    assert Termijn.objects.get() == eerste.termijn

    bericht = herverwerk(bericht, acting_user=beheerder)

    assert bericht.status == Status.VERWERKT
    tweede = OntvangenDeclaratie.objects.get(bericht=bericht)
    assert tweede.status == BeoordelingStatus.BEANTWOORD and "9333" in tweede.retourcodes
    antwoord = Bericht.objects.get(nummer=325)
    assert tweede.antwoord == antwoord
    root = parse_bytes(antwoord.bytes).getroot()
    assert "9333" in _codes(root.find("{*}DeclaratieAntwoord"))
    assert tweede.termijn.status == TermijnStatus.GEHAALD


# A killed process --------------------------------------------------------------------------------

AANTAL_TOEWIJZINGEN = 150  # two prestaties each (last month and the one before): 300


@pytest.mark.django_db(transaction=True)
def test_gedood_tijdens_de_verwerking_dan_een_keer_hersteld(monkeypatch):
    opzet = Opzet.maak()  # a transactional test starts from an emptied database
    prestaties = []
    for _ in range(AANTAL_TOEWIJZINGEN):
        t = opzet.toewijzing()
        prestaties += [prestatie(t, begin=VORIGE[0], eind=VORIGE[1]), prestatie(t)]
    data = bouw_323(opzet, prestaties)
    with monkeypatch.context() as m:  # killed after the prestaties were written
        m.setattr(termijnen, "open_termijn", breekt(Gedood()))
        with pytest.raises(Gedood):
            ontvang_323(opzet, data)

    bericht = Bericht.objects.get()  # the bytes only: the Header is read in the pipeline
    assert bericht.status == Status.ONTVANGEN  # as stored before the pipeline's transaction
    assert bericht.sleutel is None  # its Identificatie claim was rolled back too
    _niets_opgeslagen()

    verslag = herstel.herstel(timedelta(0))

    assert verslag.opnieuw_verwerkt == 1
    bericht.refresh_from_db()
    assert bericht.status == Status.VERWERKT
    declaratie = OntvangenDeclaratie.objects.get()
    assert declaratie.prestaties.filter(oordeel=Oordeel.GOEDGEKEURD).count() == len(prestaties)
    assert OntvangenPrestatie.objects.count() == len(prestaties)
    assert Termijn.objects.get() == declaratie.termijn
    assert herstel.herstel(timedelta(0)).totaal == 0  # nothing left: processed once

    antwoord = beantwoorden.beantwoord(declaratie, acting_user=None)
    assert list(Bericht.objects.filter(nummer=325)) == [antwoord]
    root = parse_bytes(antwoord.bytes).getroot()
    assert _codes(root.find("{*}DeclaratieAntwoord")) == ["8001"]


@pytest.mark.django_db(transaction=True)
def test_gedood_tijdens_het_beantwoorden_dan_een_keer_beantwoord(monkeypatch):
    """Killed after the 325 was stored, before the declaration was marked answered: the 325
    goes with the rest; the periodic job answers the declaration once."""
    opzet = Opzet.maak()
    ontvang_323(opzet, bouw_323(opzet, [prestatie(opzet.toewijzing())]))
    declaratie = OntvangenDeclaratie.objects.get()
    with monkeypatch.context() as m:
        m.setattr(termijnen, "sluit_termijn", breekt(Gedood()))
        with pytest.raises(Gedood):
            beantwoorden.beantwoord(declaratie, acting_user=None)

    declaratie.refresh_from_db()
    assert (declaratie.status, declaratie.antwoord) == (BeoordelingStatus.TE_BEOORDELEN, None)
    assert not Bericht.objects.filter(nummer=325).exists()

    assert beantwoorden.beantwoord_openstaande(vandaag=VANDAAG + timedelta(days=30)) == 1
    assert beantwoorden.beantwoord_openstaande(vandaag=VANDAAG + timedelta(days=30)) == 0
    declaratie.refresh_from_db()
    assert declaratie.status == BeoordelingStatus.BEANTWOORD
    assert list(Bericht.objects.filter(nummer=325)) == [declaratie.antwoord]
    assert declaratie.termijn.status != TermijnStatus.OPEN


@pytest.mark.django_db(transaction=True)
def test_gedood_tijdens_het_indienen_dan_een_323(monkeypatch):
    """Killed after the 323 was stored, before the declaration was marked ingediend: the
    323 goes with the rest, the concept stays; submitted again, one 323."""
    concept = Concept()
    # The gemeente fetches its messages over the API: the 323 waits there, unprocessed.
    Berichtkanaal.objects.create(organisatie=concept.o.gemeente, transport=Transport.API)
    with monkeypatch.context() as m:  # maak_323 stored the 323; the declaration's audit row
        m.setattr(indienen.audit, "log", breekt_bij("declaratie.ingediend", indienen.audit.log))
        with pytest.raises(Gedood):
            indienen.dien_in(concept.declaratie, acting_user=concept.gebruiker)

    declaratie = Declaratie.objects.get(pk=concept.declaratie.pk)
    assert (declaratie.status, declaratie.bericht) == (DeclaratieStatus.CONCEPT, None)
    assert not Bericht.objects.filter(nummer=323).exists()

    bericht = indienen.dien_in(declaratie, acting_user=concept.gebruiker)

    assert list(Bericht.objects.filter(nummer=323)) == [bericht]
    declaratie.refresh_from_db()
    assert (declaratie.status, declaratie.bericht) == (DeclaratieStatus.INGEDIEND, bericht)
