"""The demo loader: after the whole demo, the registers hold the adult Wmo clients' starts and
stops to report, and a second run changes nothing."""

import pytest
from django.core.management import call_command

from wmoketen.demo.eigenbijdrage import laad_eigenbijdrage
from wmoketen.eigenbijdrage.models import Melding, Registratie


@pytest.mark.django_db
def test_demo_vult_het_register_en_tweede_keer_verandert_niets():
    call_command("demo")
    laad_eigenbijdrage()
    meldingen = list(Melding.objects.values_list("pk", "soort", "status"))
    registraties = list(Registratie.objects.values_list("gemeente__gemeentecode", "client__bsn"))

    laad_eigenbijdrage()

    assert meldingen and {status for _, _, status in meldingen} == {"te_melden"}
    assert list(Melding.objects.values_list("pk", "soort", "status")) == meldingen
    assert list(Registratie.objects.values_list("gemeente__gemeentecode", "client__bsn")) == (
        registraties
    )
    # Only Wmo support: no registration rests on a Jeugdwet allocation alone.
    for registratie in Registratie.objects.select_related("client"):
        assert registratie.client.toewijzingen.filter(wet="wmo").exists()
