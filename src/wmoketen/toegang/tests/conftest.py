import pytest

# The scenarios walk cases of spring 2026 on fixed dates, entered afterwards: meldingen up to
# five years back, as a gemeente entering its old cases would set MELDING_MAX_DAGEN_TERUG.
ACHTERAF = 5 * 366


@pytest.fixture
def meldingen_achteraf(settings):
    """``MELDING_MAX_DAGEN_TERUG`` for a test that registers a melding of spring 2026 itself
    (``test_scenario.tot_deel_1`` does so on its own)."""
    settings.MELDING_MAX_DAGEN_TERUG = ACHTERAF
