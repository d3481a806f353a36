"""The contract check fails open when nothing is registered: toewijzingen must register its
running allocations with ``organisaties.dekking`` at start-up (its AppConfig.ready)."""

from wmoketen.organisaties import dekking
from wmoketen.toewijzingen import queries


def test_toewijzingen_staan_als_afnemer_geregistreerd():
    assert queries.DEKKING in dekking.AFNEMERS
