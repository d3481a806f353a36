"""The "refused and nothing changed" check of the tests, in one place.

``with geweigerd(ValidationError, "De einddatum ...", plan, modellen=(Melding, AuditRegel)):``
the block must raise that exception with exactly that message (``deel=True``: a message
containing it), and afterwards no row of ``modellen`` was added or removed, every object given
kept every field, and ``stand()`` (any other snapshot a test needs) returns what it did before.
"""

from contextlib import contextmanager

import pytest
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
