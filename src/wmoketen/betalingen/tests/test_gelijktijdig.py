"""Building batches and fixing one at the same time: the outcome is the one of one after the
other, never a line added to a batch already fixed.

Each test holds the first action at a ``Wachtpunt`` (``wmoketen.testhulp``)
and only then lets the second start. Both lock the gemeente's row first, so the second cannot
get past it until the first has committed. Without that (the batch's lock alone) the line
joined the batch after it was fixed: the tests fail then (checked by hand).

Only PostgreSQL shows real concurrency:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wmoketen_c \\
        .venv/bin/pytest src/wmoketen/betalingen/tests/test_gelijktijdig.py --create-db
"""

from datetime import date

import pytest

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.betalingen import queries, services
from wmoketen.betalingen.models import Betaalbatch
from wmoketen.factories import GebruikerFactory
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.testhulp import GELIJKTIJDIG, Wachtpunt, na_elkaar_tegelijk

from .hulp import aanbieder, declaratie, gemeente, in_maart_beantwoord

pytestmark = GELIJKTIJDIG

D = date.fromisoformat
MAART = D("2026-03-01")


@pytest.fixture
def opzet():
    """March's concept batch with one line, and a second approval of March not in it yet."""
    laad_standaardregels(acting_user=None)
    weert, maasland = gemeente(), aanbieder()
    clerks = [
        GebruikerFactory(username=f"bo{i}", organisatie=weert, rol=Rol.BACKOFFICE) for i in range(2)
    ]
    in_maart_beantwoord(weert, maasland)
    [batch] = services.maak_batches(weert, acting_user=clerks[0])
    declaratie(
        weert,
        maasland,
        ontvangen=D("2026-03-16"),
        beantwoord=D("2026-03-20"),
        prestaties=[(31250, "D", "goedgekeurd")],
    )
    return weert, batch, clerks


def _acties(batch_pk: int) -> list[str]:
    return list(
        AuditRegel.objects.filter(object_id=str(batch_pk), actie__startswith="betaalbatch.")
        .order_by("pk")
        .values_list("actie", flat=True)
    )


def test_maken_dan_vaststellen(monkeypatch, opzet):
    """Building holds at having read the batches (a concept); fixing comes in then: it waits
    for the gemeente's lock and fixes the batch with the new line in it."""
    weert, batch, clerks = opzet
    punt = Wachtpunt()
    monkeypatch.setattr(queries, "batches_van", punt.na(queries.batches_van))
    monkeypatch.setattr(services, "_zet_status", punt.voor(services._zet_status))

    gemaakt, vastgesteld = na_elkaar_tegelijk(
        punt,
        lambda: services.maak_batches(weert, acting_user=clerks[0]),
        lambda: services.stel_vast(batch, acting_user=clerks[1]),
    )

    assert [b.pk for b in gemaakt] == [batch.pk], gemaakt
    assert isinstance(vastgesteld, Betaalbatch), vastgesteld
    batch.refresh_from_db()
    assert batch.status == "vastgesteld"
    assert sorted(batch.regels.values_list("bedrag", flat=True)) == [31250, 50000]
    assert _acties(batch.pk)[-2:] == ["betaalbatch.aangevuld", "betaalbatch.vastgesteld"]


def test_vaststellen_dan_maken(monkeypatch, opzet):
    """Fixing holds after reading the batch as a concept; building comes in then: it waits
    for the gemeente's lock, finds the batch fixed and puts the line in April's."""
    weert, batch, clerks = opzet
    punt = Wachtpunt()
    monkeypatch.setattr(services, "_zet_status", punt.voor(services._zet_status))
    monkeypatch.setattr(queries, "batches_van", punt.na(queries.batches_van))

    vastgesteld, gemaakt = na_elkaar_tegelijk(
        punt,
        lambda: services.stel_vast(batch, acting_user=clerks[0]),
        lambda: services.maak_batches(weert, acting_user=clerks[1]),
    )

    assert isinstance(vastgesteld, Betaalbatch), vastgesteld
    assert [b.maand for b in gemaakt] == [D("2026-04-01")], gemaakt
    batch.refresh_from_db()
    assert batch.status == "vastgesteld"
    assert list(batch.regels.values_list("bedrag", flat=True)) == [50000]
    acties = _acties(batch.pk)
    assert "betaalbatch.aangevuld" not in acties[acties.index("betaalbatch.vastgesteld") :]
