"""A mutation date no real situation can have (year 1, year 9999) is refused in Dutch, in the
form and in the service, instead of overflowing the date arithmetic (the day before year 1)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wmoketen.berichten.models import Bericht

from .. import services
from ..constants import Soort
from ..models import Mutatie

pytestmark = pytest.mark.parametrize("p", ["jeugdwet"], indirect=True)

FOUT = "De datum {} kan niet kloppen: kies een datum tussen 01-01-1900 en 31-12-9998."


@pytest.mark.parametrize(
    ("datum", "getoond"), [("0001-01-01", "01-01-0001"), ("9999-12-31", "31-12-9999")]
)
def test_aanbieder_stopt_op_een_onmogelijke_datum(client, p, lopend, datum, getoond):
    _, ontvangen = lopend(p)
    client.force_login(p.medewerker)
    url = reverse("mutaties:stoppen", args=[ontvangen.pk])
    berichten = Bericht.objects.count()
    for stap in ({}, {"bevestigd": "1"}):
        antwoord = client.post(url, {"soort": Soort.CLIENT_STOPT, "datum": datum, **stap})
        assert antwoord.status_code == 200
        assert antwoord.context["form"].errors["datum"] == [FOUT.format(getoond)]
    assert Mutatie.objects.count() == 0 and Bericht.objects.count() == berichten


def test_gemeente_verhuizing_op_een_onmogelijke_datum(client, p, lopend):
    toewijzing, _ = lopend(p)
    client.force_login(p.backoffice)
    url = reverse("mutaties:nieuw", args=[p.traject.pk])
    data = {"soort": Soort.VERHUIZING, "datum": "0001-01-01", "bevestigd": "1"}
    antwoord = client.post(url, data)
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["datum"] == [FOUT.format("01-01-0001")]
    assert Mutatie.objects.count() == 0
    toewijzing.refresh_from_db()
    assert toewijzing.einddatum is not None and toewijzing.einddatum.year > 2000


def test_de_services_weigeren_een_onmogelijke_datum(p, lopend):
    toewijzing, ontvangen = lopend(p)
    with pytest.raises(ValidationError) as fout:
        services.aanbieder_stopt(ontvangen, datum=date.min, acting_user=p.medewerker)
    assert fout.value.messages == [FOUT.format("01-01-0001")]
    with pytest.raises(ValidationError):
        services.client_stopt(toewijzing, datum=date.min, acting_user=p.backoffice)
    with pytest.raises(ValidationError):
        services.verhuizing_of_overlijden(
            p.client, soort=Soort.VERHUIZING, datum=date.max, acting_user=p.backoffice
        )
    assert Mutatie.objects.count() == 0
