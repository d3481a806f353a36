"""Who hears of a new melding: its consulent, when someone else registered or started it."""

from datetime import date

import pytest
from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.factories import GebruikerFactory
from wmoketen.meldingen.models import Notificatie
from wmoketen.toegang import services, vervolg
from wmoketen.toegang.constants import Aanleiding

from .routes import START

pytestmark = pytest.mark.usefixtures("vandaag_vast")


def _registreer(client, acting_user, **kwargs):
    return services.registreer_melding(
        client=client,
        wet="wmo",
        ontvangen_op=date(2026, 12, 1),
        kanaal="loket",
        acting_user=acting_user,
        **kwargs,
    )


def test_een_melding_voor_een_collega_meldt_het_die_collega(consulent, wmo_client, gemeente):
    collega = GebruikerFactory(organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER)

    melding = _registreer(wmo_client, consulent, consulent=collega)

    assert [(n.ontvanger, n.titel, n.url) for n in Notificatie.objects.all()] == [
        (collega, "Nieuwe melding toegewezen", reverse("toegang:melding", args=[melding.pk]))
    ]


def test_een_eigen_melding_meldt_niemand(consulent, wmo_client):
    _registreer(wmo_client, consulent)

    assert not Notificatie.objects.exists()


def test_een_herindicatie_door_de_backoffice_meldt_de_consulent(eerste, consulent, backoffice):
    titel = f"{Aanleiding(Aanleiding.HERINDICATIE).label} gestart"

    melding = vervolg.start_herindicatie(eerste, acting_user=backoffice, op=START)

    assert list(Notificatie.objects.filter(titel=titel).values_list("ontvanger", "url")) == [
        (consulent.pk, reverse("toegang:melding", args=[melding.pk]))
    ]


def test_een_herindicatie_door_de_consulent_zelf_meldt_niemand(eerste, consulent):
    vervolg.start_herindicatie(eerste, acting_user=consulent, op=START)

    assert not Notificatie.objects.filter(titel__endswith=" gestart").exists()
