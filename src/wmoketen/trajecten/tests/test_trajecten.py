from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.factories import AanbiederFactory, ClientFactory, GebruikerFactory
from wmoketen.meldingen.models import Notificatie
from wmoketen.meldingen.services import MAIL_TEKST
from wmoketen.trajecten import services
from wmoketen.trajecten.constants import TaakStatus
from wmoketen.trajecten.models import Taak, TaakGebeurtenis, Traject

VANDAAG = timezone.localdate()
OVER_EEN_WEEK = VANDAAG + timedelta(days=7)


@pytest.fixture
def traject(consulent):
    client = ClientFactory(organisatie=consulent.organisatie)
    return services.start_traject(
        client=client,
        onderwerp="Begeleiding thuis",
        wet="wmo",
        startdatum=VANDAAG,
        doelen="Zelfstandig wonen",
        acting_user=consulent,
    )


@pytest.fixture
def medewerker(aanbieder):
    return GebruikerFactory(
        username="medewerker",
        organisatie=aanbieder,
        rol=Rol.AANBIEDER,
        email="medewerker@zorg.example",
    )


def _taak(traject, consulent, organisatie, **extra):
    return services.maak_taak(
        traject,
        naam="Deel 2 opstellen",
        soort="plan_deel_2",
        toegewezen_aan_organisatie=organisatie,
        vervaldatum=OVER_EEN_WEEK,
        acting_user=consulent,
        **extra,
    )


def test_traject_starten_maakt_gemeente_deelnemer_met_nummer(traject, consulent):
    assert traject.nummer == f"T{VANDAAG.year}-{traject.pk:06d}"
    assert list(traject.deelnames.values_list("organisatie_id", flat=True)) == [
        consulent.organisatie_id
    ]
    assert AuditRegel.objects.filter(actie="traject.gestart", client_id=traject.client_id).exists()


def test_traject_alleen_voor_eigen_client(consulent, andere_gemeente):
    vreemde_client = ClientFactory(organisatie=andere_gemeente)
    with pytest.raises(ValidationError):
        services.start_traject(
            client=vreemde_client,
            onderwerp="x",
            wet="wmo",
            startdatum=VANDAAG,
            acting_user=consulent,
        )
    assert not Traject.objects.exists()


def test_aanbieder_toevoegen_meldt_de_medewerkers(traject, consulent, aanbieder, medewerker):
    services.voeg_aanbieder_toe(traject, aanbieder=aanbieder, acting_user=consulent)

    assert traject.is_deelnemer(aanbieder)
    assert Notificatie.objects.get(ontvanger=medewerker).titel == (
        f"U neemt deel aan traject {traject.nummer}"
    )


def test_taak_voor_aanbieder_met_termijn_geschiedenis_en_melding(
    traject, consulent, aanbieder, medewerker, django_capture_on_commit_callbacks
):
    services.voeg_aanbieder_toe(traject, aanbieder=aanbieder, acting_user=consulent)
    with django_capture_on_commit_callbacks(execute=True):
        taak = _taak(traject, consulent, aanbieder, prioriteit="hoog")

    assert taak.termijn.vervaldatum == OVER_EEN_WEEK
    assert taak.termijn.status == "open"
    assert [g.omschrijving for g in taak.geschiedenis.all()] == ["Taak aangemaakt"]
    assert Notificatie.objects.filter(
        ontvanger=medewerker, titel="Nieuwe taak: Deel 2 opstellen"
    ).exists()
    # The e-mail says only that there is something waiting: no names, no health data.
    bericht = [m for m in mail.outbox if m.to == ["medewerker@zorg.example"]][-1]
    assert bericht.body == MAIL_TEKST
    assert bericht.body.startswith("Er staat een nieuwe taak of notificatie voor u klaar")
    assert traject.client.geslachtsnaam not in bericht.body + bericht.subject


def test_taak_voor_organisatie_die_niet_deelneemt_wordt_geweigerd(traject, consulent, aanbieder):
    with pytest.raises(ValidationError) as fout:
        _taak(traject, consulent, aanbieder)

    assert "neemt geen deel aan dit traject" in fout.value.messages[0]
    assert not Taak.objects.exists()


def test_taak_met_uiterste_datum_in_het_verleden_wordt_geweigerd(traject, consulent):
    with pytest.raises(ValidationError) as fout:
        services.maak_taak(
            traject,
            naam="x",
            soort="overig",
            toegewezen_aan_organisatie=consulent.organisatie,
            vervaldatum=VANDAAG - timedelta(days=1),
            acting_user=consulent,
        )

    assert "De uiterste datum ligt in het verleden." in fout.value.messages
    assert not Taak.objects.exists()
    assert not TaakGebeurtenis.objects.exists()


def test_aanbieder_rondt_taak_af_en_maker_krijgt_melding(traject, consulent, aanbieder, medewerker):
    services.voeg_aanbieder_toe(traject, aanbieder=aanbieder, acting_user=consulent)
    taak = _taak(traject, consulent, aanbieder)

    services.wijzig_taakstatus(taak, status=TaakStatus.IN_BEHANDELING, acting_user=medewerker)
    services.wijzig_taakstatus(
        taak, status=TaakStatus.AFGEROND, acting_user=medewerker, toelichting="Plan getekend"
    )

    taak.refresh_from_db()
    assert taak.status == "afgerond"
    assert taak.termijn.status == "gehaald"
    assert [g.omschrijving for g in taak.geschiedenis.all()] == [
        "Taak aangemaakt",
        "Status gewijzigd naar In behandeling",
        "Status gewijzigd naar Afgerond",
    ]
    assert taak.geschiedenis.last().toelichting == "Plan getekend"
    assert Notificatie.objects.filter(
        ontvanger=consulent, titel="Taak afgerond: Deel 2 opstellen"
    ).exists()


def test_statuswijziging_zonder_juiste_rol_wordt_geweigerd(traject, consulent):
    taak = _taak(traject, consulent, consulent.organisatie)
    contractmanager = GebruikerFactory(organisatie=consulent.organisatie, rol=Rol.CONTRACTMANAGER)

    with pytest.raises(PermissionDenied):
        services.wijzig_taakstatus(taak, status=TaakStatus.AFGEROND, acting_user=contractmanager)

    taak.refresh_from_db()
    assert taak.status == "open" and taak.geschiedenis.count() == 1


def test_afgeronde_taak_kan_niet_terug(traject, consulent):
    taak = _taak(traject, consulent, consulent.organisatie)
    services.wijzig_taakstatus(taak, status=TaakStatus.AFGEROND, acting_user=consulent)

    with pytest.raises(ValidationError) as fout:
        services.wijzig_taakstatus(taak, status=TaakStatus.OPEN, acting_user=consulent)

    assert fout.value.messages == ["Een taak met status 'Afgerond' kan niet naar 'Open'."]


def test_deelnemer_ziet_traject_maar_niet_het_clientdossier(
    client, traject, consulent, aanbieder, medewerker
):
    services.voeg_aanbieder_toe(traject, aanbieder=aanbieder, acting_user=consulent)
    client.force_login(medewerker)

    assert client.get(f"/trajecten/{traject.pk}/").status_code == 200
    assert client.get(f"/clienten/{traject.client_id}/").status_code == 404
    anderen = AanbiederFactory()
    client.force_login(GebruikerFactory(organisatie=anderen, rol=Rol.AANBIEDER))
    assert client.get(f"/trajecten/{traject.pk}/").status_code == 404


def test_werklijst_toont_open_taken_te_laat_eerst(client, traject, consulent):
    later = _taak(traject, consulent, consulent.organisatie)
    eerder = services.maak_taak(
        traject,
        naam="Morgen klaar",
        soort="overig",
        toegewezen_aan_organisatie=consulent.organisatie,
        vervaldatum=VANDAAG + timedelta(days=1),
        acting_user=consulent,
    )
    client.force_login(consulent)

    pagina = client.get("/").context["pagina"]

    assert [i.titel for i in pagina] == [eerder.naam, later.naam]
    html = client.get("/", {"soort": "Taken"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Morgen klaar" in html and "<html" not in html


def test_taakpagina_toont_geschiedenis_en_wijzigt_status(client, traject, consulent):
    taak = _taak(traject, consulent, consulent.organisatie)
    client.force_login(consulent)

    antwoord = client.post(f"/trajecten/taken/{taak.pk}/", {"status": "afgerond"}, follow=True)

    html = antwoord.content.decode()
    assert "Status gewijzigd naar Afgerond" in html
    assert "De status is gewijzigd." in html


def test_bel_toont_aantal_ongelezen_meldingen(client, consulent):
    from wmoketen.meldingen.services import meld

    meld([consulent], titel="Iets nieuws", url="/")
    client.force_login(consulent)

    bel = "/meldingen/bel/"
    assert 'aria-label="Notificaties: 1 ongelezen"' in client.get(bel).content.decode()
    client.post("/meldingen/gelezen/")
    assert 'aria-label="Notificaties: 0 ongelezen"' in client.get(bel).content.decode()
