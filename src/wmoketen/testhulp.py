"""The "refused and nothing changed" check of the tests, in one place.

``with geweigerd(ValidationError, "De einddatum ...", plan, modellen=(Melding, AuditRegel)):``
the block must raise that exception with exactly that message (``deel=True``: a message
containing it), and afterwards no row of ``modellen`` was added or removed, every object given
kept every field, and ``stand()`` (any other snapshot a test needs) returns what it did before.
``Wachtpunt`` and ``na_elkaar_tegelijk`` (with ``GELIJKTIJDIG``, the marks of such a module) hold
one request at a point and only then start a second one: the concurrency tests.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict


@contextmanager
def niets_veranderd(*objecten, modellen=(), stand=None):
    """Asserts that the block changed none of the rows, objects or snapshot."""
    tellingen = {m: m.objects.count() for m in modellen}
    velden = [(o, model_to_dict(type(o).objects.get(pk=o.pk))) for o in objecten]
    voor = stand() if stand else None
    yield
    assert {m: m.objects.count() for m in modellen} == tellingen
    for obj, oud in velden:
        assert model_to_dict(type(obj).objects.get(pk=obj.pk)) == oud
    if stand:
        assert stand() == voor


@contextmanager
def geweigerd(uitzondering, tekst, *objecten, modellen=(), stand=None, deel=False):
    """The block raises ``uitzondering`` with ``tekst`` and changes nothing."""
    with niets_veranderd(*objecten, modellen=modellen, stand=stand):
        with pytest.raises(uitzondering) as fout:
            yield
        berichten = fout.value.messages if uitzondering is ValidationError else [str(fout.value)]
        if deel:
            assert tekst in " ".join(berichten), berichten
        else:
            assert berichten == [tekst]


def aantal_queries(client, url: str) -> int:
    """The number of SQL queries one GET of ``url`` makes (the page must answer 200).

    The query-count guard renders a page with 10 and with 100 rows behind it and compares:
    ``assert aantal_queries(c, url) == voor`` after adding rows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as vastgelegd:
        antwoord = client.get(url)
    assert antwoord.status_code == 200, (url, antwoord.status_code)
    return len(vastgelegd)


# Concurrency ----------------------------------------------------------------------------------

GELIJKTIJDIG = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="gelijktijdigheid vraagt PostgreSQL: SQLite laat maar één schrijver tegelijk "
        "toe; zet DATABASE_URL op een PostgreSQL-database",
    ),
    pytest.mark.django_db(transaction=True),
]
"""``pytestmark`` of a concurrency test module: PostgreSQL only (SQLite serialises every writer
on one file lock), and real transactions, for each thread commits on its own connection."""

GEDULD = 3.0  # seconds the first request waits for the second at its Wachtpunt


class Wachtpunt:
    """A point both requests pass: the first, arriving, lets the second start and waits there
    until the second has passed it too, or ``GEDULD`` seconds. A lock taken before the point
    keeps the second out until the first has committed: the wait is then in vain."""

    def __init__(self) -> None:
        self.eerste_binnen = threading.Event()
        self.tweede_binnen = threading.Event()
        self._aantal = 0
        self._slot = threading.Lock()

    def passeer(self) -> None:
        with self._slot:
            self._aantal += 1
            eerste = self._aantal == 1
        if eerste:
            self.eerste_binnen.set()
            self.tweede_binnen.wait(GEDULD)
        else:
            self.tweede_binnen.set()

    def na(self, echt: Callable) -> Callable:
        """``echt``, then the point (after a read)."""

        def functie(*args, **kwargs):
            uitkomst = echt(*args, **kwargs)
            self.passeer()
            return uitkomst

        return functie

    def voor(self, echt: Callable) -> Callable:
        """The point, then ``echt`` (before a write)."""

        def functie(*args, **kwargs):
            self.passeer()
            return echt(*args, **kwargs)

        return functie


def na_elkaar_tegelijk(punt: Wachtpunt, eerste: Callable, tweede: Callable) -> list:
    """Run ``eerste`` and, once it is at ``punt``, ``tweede``, each in a thread with its own
    connection; each one's result or exception, in that order."""
    from django.db import connection

    uitkomst: list = [None, None]

    def werker(i: int, taak: Callable, wacht: threading.Event | None) -> None:
        try:
            if wacht is not None:
                wacht.wait(30)
            uitkomst[i] = taak()
        except Exception as exc:  # reported to the test: a thread's exception is otherwise lost
            uitkomst[i] = exc
        finally:
            connection.close()

    draden = [
        threading.Thread(target=werker, args=(0, eerste, None)),
        threading.Thread(target=werker, args=(1, tweede, punt.eerste_binnen)),
    ]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=120)
    assert not any(d.is_alive() for d in draden)
    return uitkomst
