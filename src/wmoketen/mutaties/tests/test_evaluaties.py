"""Planned evaluations follow a mutation: to the new aanbieder on a switch, lapsed when the
care ends (the beschikking of the evaluaties tests: its signal planned them)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from wmoketen.evaluaties.constants import Status
from wmoketen.evaluaties.models import Evaluatie
from wmoketen.factories import AanbiederFactory, ContractFactory, ContractregelFactory
from wmoketen.mutaties.services import naar_wlz, wissel_aanbieder
from wmoketen.toewijzingen.models import Toewijzing

# The scenario's fixed dates hold around named holidays: today stays the day it was written.
pytestmark = pytest.mark.usefixtures("vandaag_vast")


def _stand(beschikking):
    return {(e.gepland_op, e.aanbieder_id, e.status) for e in beschikking.evaluaties.all()}


def test_wissel_draagt_de_latere_evaluaties_over(beschikking, regio, wmo_product, backoffice):
    nieuw = AanbiederFactory(naam="Begeleiding Op Maat", agb_code="73730202")
    ContractregelFactory(
        contract=ContractFactory(regio=regio, gemeente=None, aanbieder=nieuw), product=wmo_product
    )
    datum = timezone.localdate() + timedelta(days=14)
    oud = beschikking.aanbieder
    voor = _stand(beschikking)

    [toewijzing] = Toewijzing.objects.filter(beschikkingnummer=beschikking.nummer)
    wissel_aanbieder(toewijzing, nieuwe_aanbieder=nieuw, datum=datum, acting_user=backoffice)

    verwacht = {(d, nieuw.pk if d >= datum else a, s) for d, a, s in voor}
    assert _stand(beschikking) == verwacht
    assert any(d >= datum for d, _, _ in voor) and all(a == oud.pk for _, a, _ in voor)


def test_einde_van_de_zorg_laat_latere_evaluaties_vervallen(beschikking, backoffice):
    datum = timezone.localdate() + timedelta(days=14)
    voor = _stand(beschikking)

    naar_wlz(beschikking.client, datum=datum, acting_user=backoffice)

    verwacht = {(d, a, Status.VERVALLEN if d >= datum else s) for d, a, s in voor}
    assert _stand(beschikking) == verwacht
    assert Evaluatie.objects.filter(beschikking=beschikking, status=Status.VERVALLEN).exists()
