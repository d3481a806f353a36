"""A profile change (Wmo): a follow-up melding on the same traject (toegang.vervolg); when its
beschikking is taken, the old allocation ends the day before (RedenWijziging 05) and the new
one is allocated in ONE 301; the Mutatie then records both and that 301.

The toegang route is walked with the root conftest's ``eerste`` and toegang's route helpers
(``toegang.tests.routes``, dates relative to today)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from istandaarden.validation import validate
from wmoketen.toegang.constants import Aanleiding
from wmoketen.toegang.models import Melding
from wmoketen.toegang.tests.routes import (
    EINDE,
    PROFIEL_VANAF,
    START,
    neem,
    vervolg_tot_akkoord,
)
from wmoketen.toewijzingen.constants import Status as ToewijzingStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Toewijzing

from ..constants import Soort
from ..models import Mutatie
from ..services import wijzig_profiel
from .hulp import producten_301


def test_profielwijziging(
    eerste,
    consulent,
    medewerker,
    backoffice,
    aanbieder,
    wmo_product,
    django_capture_on_commit_callbacks,
):
    mutatie = wijzig_profiel(
        eerste, datum=PROFIEL_VANAF, acting_user=consulent, op=START, toelichting="Meer nodig."
    )
    melding = Melding.objects.get(vorige_beschikking=eerste)
    assert melding.aanleiding == Aanleiding.PROFIELWIJZIGING
    assert mutatie.traject == melding.traject == eerste.plan.melding.traject
    assert (mutatie.soort, mutatie.aanbieder) == (Soort.PROFIEL, aanbieder)
    assert not mutatie.beeindigd.exists() and not mutatie.berichten.exists()

    plan = vervolg_tot_akkoord(
        melding, wmo_product, aanbieder, consulent, medewerker, PROFIEL_VANAF
    )
    nieuw = neem(
        plan,
        wmo_product,
        backoffice,
        django_capture_on_commit_callbacks,
        ingangsdatum=PROFIEL_VANAF,
        duur="1j",
    )

    mutatie.refresh_from_db()
    oud = Toewijzing.objects.get(beschikkingnummer=eerste.nummer)
    opvolger = Toewijzing.objects.get(beschikkingnummer=nieuw.nummer)
    assert mutatie.datum == PROFIEL_VANAF
    assert list(mutatie.beeindigd.all()) == [oud]
    assert list(mutatie.nieuw.all()) == [opvolger]
    [bericht] = mutatie.berichten.all()
    assert validate(bericht.bytes) == [] and bericht.nummer == 301
    assert producten_301(bericht) == {
        oud.toewijzingnummer: {
            "ingang": oud.ingangsdatum.isoformat(),
            "einde": (PROFIEL_VANAF - timedelta(days=1)).isoformat(),
            "reden": "05",
            "volume": str(oud.volume),
        },
        opvolger.toewijzingnummer: {
            "ingang": PROFIEL_VANAF.isoformat(),
            "einde": opvolger.einddatum.isoformat(),
            "reden": None,
            "volume": str(opvolger.volume),
        },
    }
    assert oud.status == ToewijzingStatus.BEEINDIGD
    assert bericht.retour.nummer == 302 and bericht.retour.retourcodes == []
    assert (
        AanbiederToewijzing.objects.get(toewijzingnummer=oud.toewijzingnummer).reden_wijziging
        == "05"
    )


def test_profielwijziging_foutief(eerste, consulent, medewerker):
    with pytest.raises(PermissionDenied):
        wijzig_profiel(eerste, datum=PROFIEL_VANAF, acting_user=medewerker, op=START)
    with pytest.raises(ValidationError, match="loopt op .* niet meer"):
        wijzig_profiel(eerste, datum=EINDE + timedelta(days=1), acting_user=consulent, op=START)
    wijzig_profiel(eerste, datum=PROFIEL_VANAF, acting_user=consulent, op=START)
    with pytest.raises(ValidationError, match="al een profielwijziging gestart"):
        wijzig_profiel(eerste, datum=PROFIEL_VANAF, acting_user=consulent, op=START)
    assert Mutatie.objects.count() == 1
