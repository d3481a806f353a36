"""Query-count guard (#20) of the evaluations list: as many queries with 100 evaluations as
with 10; each of its three lists a page of its own."""

import re
from datetime import timedelta
from itertools import count

import pytest

from wmoketen.evaluaties.constants import Soort, Status, Vervolgstap
from wmoketen.evaluaties.models import Evaluatie
from wmoketen.testhulp import aantal_queries

pytestmark = pytest.mark.django_db

DAG = count()


def _evaluaties(beschikking, aantal: int, status=Status.GEPLAND, dagen: int = 1000) -> None:
    """``aantal`` evaluations of ``beschikking``, planned ``dagen`` from its dagtekening and
    on, each on a day of its own."""
    vandaag = beschikking.dagtekening
    Evaluatie.objects.bulk_create(
        Evaluatie(
            traject=beschikking.plan.melding.traject,
            beschikking=beschikking,
            gemeente_id=beschikking.gemeente_id,
            aanbieder_id=beschikking.aanbieder_id,
            soort=Soort.TUSSENTIJDS,
            gepland_op=vandaag + timedelta(days=dagen + next(DAG)),
            status=status,
            gehouden_op=vandaag if status == Status.UITGEVOERD else None,
            vervolgstap=Vervolgstap.VOORTZETTEN if status == Status.UITGEVOERD else "",
        )
        for _ in range(aantal)
    )


@pytest.mark.parametrize("status", [Status.GEPLAND, Status.UITGEVOERD])
def test_evaluaties_evenveel_queries_bij_10_en_100(status, ingelogd, beschikking):
    _evaluaties(beschikking, 10, status)
    bij_10 = aantal_queries(ingelogd, "/evaluaties/")
    _evaluaties(beschikking, 90, status)
    assert aantal_queries(ingelogd, "/evaluaties/") == bij_10


def test_evaluaties_te_doen_per_pagina(ingelogd, beschikking, consulent):
    # Due before today: the consulent's "nu te doen", 25 a page.
    _evaluaties(beschikking, 30, dagen=-1000)
    antwoord = ingelogd.get("/evaluaties/").content.decode()
    te_doen = antwoord.split("<h2>Gepland</h2>")[0]
    assert len(re.findall(r'href="/evaluaties/\d+/"', te_doen)) == 25
    assert 'href="/evaluaties/?p=2"' in te_doen
