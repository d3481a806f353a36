"""A pause or stop the standard refuses (a 307 ending after its Dagtekening, TR134): the date
field says what to choose, with the rule code as a detail, and nothing is stored or sent."""

from datetime import timedelta

import pytest
from django.test import Client as Web
from django.utils import timezone

from wmoketen.berichten.models import Bericht
from wmoketen.testdatum import dag
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering

from .hulp import post, tekst

pytestmark = pytest.mark.django_db


@pytest.fixture
def toegewezen(toegewezen_wmo):
    """Begeleiding (Wmo) under the standard deadline rules."""
    return toegewezen_wmo


@pytest.mark.parametrize(
    ("actie", "velden"), [("pauze", {}), ("stop", {"stop-reden": "02"})], ids=["pauze", "stop"]
)
def test_einde_na_vandaag_zegt_wat_de_gebruiker_verandert(
    client, toegewezen, medewerker, django_capture_on_commit_callbacks, actie, velden
):
    web = Web()
    web.force_login(medewerker)
    eigen = AanbiederToewijzing.objects.get()
    url = f"/toewijzingen/ontvangen/{eigen.pk}/"
    capture = django_capture_on_commit_callbacks
    post(web, url, capture, actie="start", **{"start-startdatum": str(dag(2026, 3, 9))})
    berichten_voor = Bericht.objects.count()
    vandaag = timezone.localdate()

    te_laat = str(vandaag + timedelta(days=10))
    antwoord = post(web, url, capture, actie=actie, **{f"{actie}-einddatum": te_laat}, **velden)

    assert antwoord.status_code == 200
    form = antwoord.context[actie]
    assert form.errors["einddatum"] == [
        "Een stop of pauze meldt u als die is ingegaan: kies als laatste dag van levering "
        f"uiterlijk vandaag ({vandaag:%d-%m-%Y}). (regel TR134)"
    ]
    assert form.non_field_errors() == []
    assert "ligt na de dagtekening" not in tekst(antwoord)
    # Both sides' record of the delivery (the aanbieder's and the gemeente's) still run.
    assert set(Levering.objects.values_list("status", "einddatum")) == {
        (LeveringStatus.GESTART, None)
    }
    assert Bericht.objects.count() == berichten_voor
