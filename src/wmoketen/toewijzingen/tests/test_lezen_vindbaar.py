"""Every read of a client's data is found by the audit trail's search on that client's BSN:
the waiting-list CSV, a client search, a search of the trail itself, an allocation's page on
either side, a message's page, download and API fetch, and a record opened in the beheer.

(An audit test, kept beside the allocation tests whose parties and allocation it uses.)"""

import pytest
from django.test import Client as Web

from wmoketen.accounts.constants import Rol
from wmoketen.berichten.api.authenticatie import nieuwe_token
from wmoketen.berichten.constants import Transport
from wmoketen.berichten.models import Berichtkanaal
from wmoketen.clienten.models import Client
from wmoketen.factories import GebruikerFactory
from wmoketen.toewijzingen.models import AanbiederToewijzing

pytestmark = pytest.mark.django_db


@pytest.fixture
def toegewezen(toegewezen_wmo):
    """Begeleiding (Wmo) under the standard deadline rules."""
    return toegewezen_wmo


def ingelogd(organisatie, rol) -> Web:
    web = Web()
    web.force_login(GebruikerFactory(organisatie=organisatie, rol=rol))
    return web


def gevonden(organisatie, bsn: str) -> list[tuple[str, str]]:
    """(actie, gebruiker) of the rows a beheerder of ``organisatie`` finds by BSN, oldest
    first, without the search itself."""
    antwoord = ingelogd(organisatie, Rol.FUNCTIONEEL_BEHEERDER).get("/audit/", {"bsn": bsn})
    assert antwoord.status_code == 200
    return [
        (r.actie, r.gebruikersnaam)
        for r in reversed(list(antwoord.context["pagina"]))
        if r.actie != "audit.gezocht"
    ]


def acties(organisatie, bsn: str) -> list[str]:
    return [actie for actie, _ in gevonden(organisatie, bsn)]


def test_wachtlijst_csv_is_vindbaar_per_client(partijen, client, toegewezen):
    gemeente, _ = partijen
    voor = acties(gemeente, client.bsn)

    antwoord = ingelogd(gemeente, Rol.BACKOFFICE).get("/toewijzingen/wachtlijst/wachtlijst.csv")

    assert client.bsn in antwoord.content.decode("utf-8")
    assert acties(gemeente, client.bsn) == [*voor, "wachtlijst.geexporteerd"]


def test_wachtlijst_csv_zonder_clienten_noemt_geen_client(partijen, client, toegewezen):
    from wmoketen.audit.models import AuditRegel

    gemeente, _ = partijen
    ingelogd(gemeente, Rol.CONTRACTMANAGER).get("/toewijzingen/wachtlijst/wachtlijst.csv")

    regel = AuditRegel.objects.get(actie="wachtlijst.geexporteerd")
    assert regel.client_id is None and regel.omschrijving == "CSV, 1 rijen, zonder cliënten"


def test_client_zoeken_is_vindbaar_voor_elke_getoonde_client(partijen, client):
    gemeente, _ = partijen
    web = ingelogd(gemeente, Rol.TOEGANGSMEDEWERKER)

    assert client.bsn in web.get("/clienten/", {"q": client.bsn[:4]}).content.decode()
    web.get("/clienten/", {"q": "Berg"})

    assert acties(gemeente, client.bsn) == ["client.gezocht", "client.gezocht"]


def test_zoeken_in_audittrail_op_bsn_is_zelf_vindbaar(partijen, client):
    gemeente, _ = partijen
    beheerder = GebruikerFactory(organisatie=gemeente, rol=Rol.FUNCTIONEEL_BEHEERDER)
    web = Web()
    web.force_login(beheerder)
    web.get("/audit/", {"bsn": client.bsn})

    rijen = ingelogd(gemeente, Rol.FUNCTIONEEL_BEHEERDER).get("/audit/", {"bsn": client.bsn})

    assert [(r.actie, r.gebruikersnaam) for r in rijen.context["pagina"]][-1] == (
        "audit.gezocht",
        beheerder.username,
    )


def test_toewijzing_backoffice_is_vindbaar(partijen, client, toegewezen):
    gemeente, _ = partijen
    web = ingelogd(gemeente, Rol.BACKOFFICE)

    assert web.get(f"/toewijzingen/{toegewezen.pk}/").status_code == 200

    assert "toewijzing.gelezen" in acties(gemeente, client.bsn)


def test_toewijzing_aanbieder_is_vindbaar(partijen, client, toegewezen):
    _, aanbieder = partijen
    eigen = AanbiederToewijzing.objects.get()
    assert Client.objects.get(pk=eigen.client_id).bsn == client.bsn  # the aanbieder's record

    web = ingelogd(aanbieder, Rol.AANBIEDER)
    assert web.get(f"/toewijzingen/ontvangen/{eigen.pk}/").status_code == 200

    assert "toewijzing.gelezen" in acties(aanbieder, client.bsn)


def test_bericht_pagina_en_download_zijn_vindbaar_aan_beide_kanten(partijen, client, toegewezen):
    gemeente, aanbieder = partijen
    bericht = toegewezen.bericht

    ingelogd(gemeente, Rol.BACKOFFICE).get(f"/berichten/{bericht.pk}/")
    ingelogd(aanbieder, Rol.AANBIEDER).get(f"/berichten/{bericht.pk}/inhoud/")

    assert "bericht.gelezen" in acties(gemeente, client.bsn)
    assert "bericht.gedownload" in acties(aanbieder, client.bsn)


def test_bericht_via_api_is_vindbaar(partijen, client, toegewezen):
    gemeente, _ = partijen
    Berichtkanaal.objects.update_or_create(
        organisatie=gemeente, defaults={"transport": Transport.API}
    )
    sleutel = nieuwe_token(organisatie=gemeente, naam="Suite")[1]

    antwoord = Web().get(
        f"/api/v1/berichten/{toegewezen.bericht_id}/", HTTP_AUTHORIZATION=f"Token {sleutel}"
    )

    assert antwoord.status_code == 200
    assert ("bericht.opgehaald", "api:Suite") in gevonden(gemeente, client.bsn)


def test_records_in_functioneel_beheer_zijn_vindbaar(partijen, client, toegewezen):
    gemeente, _ = partijen
    web = ingelogd(gemeente, Rol.FUNCTIONEEL_BEHEERDER)

    assert web.get(f"/beheer/toewijzingen/toewijzing/{toegewezen.pk}/change/").status_code == 200
    assert web.get(f"/beheer/berichten/bericht/{toegewezen.bericht_id}/change/").status_code == 200

    assert {"toewijzing.gelezen", "bericht.gelezen"} <= set(acties(gemeente, client.bsn))
