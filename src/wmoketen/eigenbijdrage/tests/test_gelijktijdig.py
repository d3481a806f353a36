"""The export and the bringing up to date at once (the button and the nightly task): the outcome
is the one of one after the other, never a deadlock.

Both take the gemeente's row lock first (``werk_bij`` and ``meld_aan_cak``). Without it in
``meld_aan_cak`` the export locked the meldingen and then wrote the registrations, while
``werk_bij`` locked the registrations and then wrote the meldingen: each waited for the other
and PostgreSQL aborted one ("deadlock detected"). The test holds the export after it read the
meldingen and starts ``werk_bij`` then; with the lock ``werk_bij`` waits until the export has
committed, and turns the changed start into a correctie of the reported one.

Only PostgreSQL shows real concurrency (SQLite serialises every writer on one file lock):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wmoketen_h \\
        .venv/bin/pytest src/wmoketen/eigenbijdrage/tests/test_gelijktijdig.py --create-db
"""

from datetime import date

from wmoketen.eigenbijdrage import export, services
from wmoketen.eigenbijdrage.models import Aanlevering, Melding, Registratie
from wmoketen.factories import GemeenteFactory
from wmoketen.testhulp import GELIJKTIJDIG, Wachtpunt, na_elkaar_tegelijk

from .hulp import OP, backoffice, client, levering, toewijzing

pytestmark = GELIJKTIJDIG


def test_exporteren_en_bijwerken_tegelijk_na_elkaar_zonder_deadlock(monkeypatch):
    gemeente = GemeenteFactory(naam="Weert", gemeentecode="0988")
    medewerker = backoffice(gemeente)
    lev = levering(
        toewijzing(gemeente, client(gemeente), ingang=date(2026, 1, 1)), date(2026, 1, 1)
    )
    services.werk_bij(gemeente, acting_user=medewerker, op=OP)
    # The start moves before it was reported: werk_bij would lapse the melding the export holds.
    lev.begindatum = date(2026, 2, 1)
    lev.save()
    punt = Wachtpunt()  # the export, after it read (and locked) the meldingen
    monkeypatch.setattr(export, "als_csv", punt.voor(export.als_csv))

    aanlevering, uitkomst = na_elkaar_tegelijk(
        punt,
        lambda: services.meld_aan_cak(gemeente, acting_user=medewerker),
        lambda: services.werk_bij(gemeente, acting_user=None, op=OP),  # the nightly task
    )

    assert isinstance(aanlevering, Aanlevering), aanlevering
    assert isinstance(uitkomst, services.Uitkomst), uitkomst
    assert aanlevering.aantal == 1 and ";Start;Startdatum;01-01-2026;" in aanlevering.tekst
    registratie = Registratie.objects.get()
    assert (registratie.begindatum, registratie.gemelde_begindatum) == (
        date(2026, 2, 1),
        date(2026, 1, 1),
    )
    assert list(
        Melding.objects.order_by("pk").values_list("soort", "status", "datum", "vorige_datum")
    ) == [
        ("start", "gemeld", date(2026, 1, 1), None),
        ("correctie", "te_melden", date(2026, 2, 1), date(2026, 1, 1)),
    ]
