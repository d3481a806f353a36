"""Two requests about the same declaration at once: the outcome is the one of one after the other.

* two 323s of one aanbieder about the same toewijzing and period: one prestatie approved, the
  other rejected as declared twice (TR389), never both approved (the pipeline's client locks,
  ``berichten.sloten``);
* two 323s of one aanbieder about different clients with the same declaratienummer or period:
  the second refused as a whole (TR333, TR318), as one after the other (``ontvangst``'s lock
  on the aanbieder's declarations);
* two clerks answering the same declaration: one 325, the other a Dutch refusal;
* two submits of the same concept: one 323;
* a correction withdrawn while its concept is sent (refused: it was sent) or while the
  proposal takes it (it waits, then takes the lines out of the new concept).

Each test holds the first request at a ``Wachtpunt`` (after it read, before it wrote; see
``wmoketen.testhulp``) and only then lets the second start. With the lock in place the second
cannot get past its own read until the first has committed, so the first waits in vain for it
and the order is fixed: first, then second. Without the lock both would read the same state
and both would write: the tests fail then (checked by hand with each lock removed).

Only PostgreSQL shows real concurrency (SQLite serialises every writer on one file lock):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wmoketen_h \\
        .venv/bin/pytest src/wmoketen/declaraties/tests/test_gelijktijdig.py --create-db
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht, Berichtkanaal
from wmoketen.declaraties import beantwoorden, correcties, indienen, ontvangst
from wmoketen.declaraties.constants import BeoordelingStatus, DeclaratieStatus, Oordeel
from wmoketen.declaraties.models import Correctie, Declaratie, OntvangenDeclaratie
from wmoketen.declaraties.perioden import maand_van
from wmoketen.factories import GebruikerFactory
from wmoketen.termijnen.constants import Status as TermijnStatus
from wmoketen.testhulp import GELIJKTIJDIG, Wachtpunt, na_elkaar_tegelijk

from .hulp_gemeente import MAAND, Opzet, bouw_323, ontvang_323, prestatie
from .test_indienen import Concept

pytestmark = GELIJKTIJDIG

VORIGE = maand_van(MAAND[0] - timedelta(days=1))  # the month before the declared one


# Two 323s received by the gemeente ------------------------------------------------------------


def _ontvang_tegelijk(monkeypatch, opzet, eerste: bytes, tweede: bytes):
    """Both 323s through the pipeline; the first held after loading what the rules read."""
    punt = Wachtpunt()
    monkeypatch.setattr(ontvangst, "laad", punt.na(ontvangst.laad))
    berichten = na_elkaar_tegelijk(
        punt, lambda: ontvang_323(opzet, eerste), lambda: ontvang_323(opzet, tweede)
    )
    for bericht in berichten:
        assert isinstance(bericht, Bericht), bericht
        assert bericht.status == Status.VERWERKT, (bericht.fouten, bericht.foutmelding)
    return [OntvangenDeclaratie.objects.get(bericht=b) for b in berichten]


def test_dezelfde_prestatie_in_twee_gelijktijdige_323s_een_keer_goedgekeurd(monkeypatch):
    opzet = Opzet.maak()
    t = opzet.toewijzing()
    eerst = prestatie(t, begin=VORIGE[0], eind=VORIGE[1])
    nogmaals = prestatie(t, begin=VORIGE[0], eind=VORIGE[1])  # another ReferentieNummer
    nieuw = prestatie(t)

    a, b = _ontvang_tegelijk(
        monkeypatch,
        opzet,
        bouw_323(opzet, [eerst], nummer="DN1", periode=VORIGE),
        bouw_323(opzet, [nogmaals, nieuw], nummer="DN2"),
    )

    assert a.retourcodes == b.retourcodes == []
    assert list(a.prestaties.values_list("oordeel", "retourcodes")) == [(Oordeel.GOEDGEKEURD, [])]
    oordelen = {p.referentienummer: (p.oordeel, p.retourcodes) for p in b.prestaties.all()}
    assert oordelen == {
        nogmaals["referentie"]: (Oordeel.AFGEWEZEN, ["9389"]),  # declared twice (TR389)
        nieuw["referentie"]: (Oordeel.GOEDGEKEURD, []),
    }
    goedgekeurd = t.prestaties.filter(
        oordeel=Oordeel.GOEDGEKEURD, periode_begin=VORIGE[0], periode_eind=VORIGE[1]
    )
    assert goedgekeurd.count() == 1


@pytest.mark.parametrize(
    ("nummer", "codes"),
    [("DN1", {"9333", "8214"}), ("DN2", {"8214"})],
    ids=["zelfde-declaratienummer", "zelfde-periode"],
)
def test_tweede_declaratie_van_de_reeks_als_geheel_afgewezen(monkeypatch, nummer, codes):
    """Different clients, so different client locks: TR333 and TR318 read the aanbieder's
    earlier declarations, and the second is refused as a whole as one after the other."""
    opzet = Opzet.maak()
    eerste, tweede = prestatie(opzet.toewijzing()), prestatie(opzet.toewijzing())
    assert eerste["bsn"] != tweede["bsn"]

    a, b = _ontvang_tegelijk(
        monkeypatch,
        opzet,
        bouw_323(opzet, [eerste], nummer="DN1"),
        bouw_323(opzet, [tweede], nummer=nummer),
    )

    assert a.retourcodes == [] and a.prestaties.get().oordeel == Oordeel.GOEDGEKEURD
    assert set(b.retourcodes) == codes
    assert not b.prestaties.exists()  # refused as a whole: counts as not sent (IV087)
    assert b.status == BeoordelingStatus.BEANTWOORD and b.antwoord is not None
    assert Bericht.objects.filter(nummer=325).count() == 1


# Two clerks answering one declaration ----------------------------------------------------------


def test_twee_medewerkers_beantwoorden_tegelijk_een_325(monkeypatch):
    opzet = Opzet.maak()
    bericht = ontvang_323(opzet, bouw_323(opzet, [prestatie(opzet.toewijzing())]))
    declaratie = OntvangenDeclaratie.objects.get(bericht=bericht)
    clerks = [
        GebruikerFactory(username=f"bo{i}", organisatie=opzet.gemeente, rol=Rol.BACKOFFICE)
        for i in range(2)
    ]
    punt = Wachtpunt()  # after the declaration was read as not answered
    monkeypatch.setattr(beantwoorden, "uitslag_van", punt.na(beantwoorden.uitslag_van))

    antwoord, fout = na_elkaar_tegelijk(
        punt,
        lambda: beantwoorden.beantwoord(declaratie, acting_user=clerks[0]),
        lambda: beantwoorden.beantwoord(declaratie, acting_user=clerks[1]),
    )

    assert isinstance(antwoord, Bericht) and antwoord.nummer == 325, antwoord
    assert isinstance(fout, ValidationError), fout
    assert fout.messages == ["Deze declaratie is al beantwoord; er kan niets meer aan veranderen."]
    assert list(Bericht.objects.filter(nummer=325)) == [antwoord]
    declaratie.refresh_from_db()
    assert declaratie.status == BeoordelingStatus.BEANTWOORD
    assert declaratie.antwoord == antwoord
    assert declaratie.termijn.status == TermijnStatus.GEHAALD
    assert AuditRegel.objects.filter(actie="declaratie.beantwoord").count() == 1


# Two submits of one concept ---------------------------------------------------------------------


def test_twee_keer_tegelijk_indienen_een_323(monkeypatch):
    concept = Concept()
    # The gemeente fetches its messages over the API: the 323 waits there, unprocessed.
    Berichtkanaal.objects.create(organisatie=concept.o.gemeente, transport=Transport.API)
    punt = Wachtpunt()  # after the concept was read as concept, before the 323 is sent
    monkeypatch.setattr(indienen, "maak_323", punt.voor(indienen.maak_323))
    declaratie = concept.declaratie

    bericht, fout = na_elkaar_tegelijk(
        punt,
        lambda: indienen.dien_in(declaratie, acting_user=concept.gebruiker),
        lambda: indienen.dien_in(declaratie, acting_user=concept.gebruiker),
    )

    assert isinstance(bericht, Bericht) and bericht.nummer == 323, bericht
    assert isinstance(fout, ValidationError), fout
    assert "niet meer gewijzigd of ingediend" in fout.messages[0]
    assert list(Bericht.objects.filter(nummer=323)) == [bericht]
    declaratie = Declaratie.objects.get(pk=declaratie.pk)
    assert (declaratie.status, declaratie.bericht) == (DeclaratieStatus.INGEDIEND, bericht)
    assert AuditRegel.objects.filter(actie="declaratie.ingediend").count() == 1


# Withdrawing a correction while its concept is sent or proposed ------------------------------


def test_correctie_intrekken_tijdens_indienen(monkeypatch):
    """``trek_in`` locks the declarations of the correction's lines before it reads whether
    they were sent, as ``dien_in`` does: the 323 goes with both lines and the withdrawal is
    refused; never a sent 323 whose lines are gone."""
    from . import test_correcties as tc

    g = tc.Goedgekeurd()
    mei = g.o.stel_voor(maand=tc.MEI)
    correctie = g.vraag()
    Berichtkanaal.objects.create(organisatie=g.o.gemeente, transport=Transport.API)
    punt = Wachtpunt()  # dien_in holds the concept, before the 323 is made
    monkeypatch.setattr(indienen, "maak_323", punt.voor(indienen.maak_323))

    bericht, fout = na_elkaar_tegelijk(
        punt,
        lambda: indienen.dien_in(mei, acting_user=g.gebruiker),
        lambda: correcties.trek_in(correctie, acting_user=g.gebruiker),
    )

    assert isinstance(bericht, Bericht) and bericht.nummer == 323, bericht
    assert isinstance(fout, ValidationError), fout
    assert "al ingediend" in fout.messages[0]
    assert Correctie.objects.filter(pk=correctie.pk).exists()
    assert sorted(correctie.prestaties.values_list("debet_credit", flat=True)) == ["C", "D"]
    assert not AuditRegel.objects.filter(actie="prestatie.correctie_ingetrokken").exists()


def test_correctie_intrekken_tijdens_het_voorstel(monkeypatch):
    """``stel_voor`` locks the waiting corrections it takes: a withdrawal waits for it, then
    finds the lines in the new concept and takes them out, instead of deleting a correction
    the proposal's lines point to (an IntegrityError at commit)."""
    from . import test_correcties as tc

    g = tc.Goedgekeurd()
    correctie = g.vraag()  # no concept: it waits
    punt = Wachtpunt()  # the proposal has read the waiting corrections
    monkeypatch.setattr(correcties, "regels_van", punt.na(correcties.regels_van))

    mei, uitkomst = na_elkaar_tegelijk(
        punt,
        lambda: g.o.stel_voor(maand=tc.MEI),
        lambda: correcties.trek_in(correctie, acting_user=g.gebruiker),
    )

    assert isinstance(mei, Declaratie), mei
    assert uitkomst is None, uitkomst
    assert not Correctie.objects.exists()
    assert list(mei.prestaties.values_list("periode_begin", "correctie_id")) == [(tc.MEI, None)]
