"""The worklist sources of the toewijzingen app and the stop_zorg deadline (OP272)."""

from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.berichten.constants import Transport
from wmoketen.berichten.services import ontvang
from wmoketen.factories import GebruikerFactory
from wmoketen.gedeeld.werklijst import werklijst
from wmoketen.termijnen.models import Termijn
from wmoketen.testdatum import dag
from wmoketen.toewijzingen.levering import bouw_305
from wmoketen.toewijzingen.models import AanbiederToewijzing, Signaal
from wmoketen.toewijzingen.services import registreer_start, registreer_stop, verstuur_301
from wmoketen.toewijzingen.werklijst import nog_te_starten, signalen


def test_signalen_van_de_backoffice(partijen, toegewezen, django_capture_on_commit_callbacks):
    """A start outside the allocation period is not refused by the standard: a signal."""
    gemeente, aanbieder = partijen
    eigen = AanbiederToewijzing.objects.get(aanbieder=aanbieder)
    backoffice = GebruikerFactory(organisatie=gemeente, rol=[Rol.BACKOFFICE])
    anderen = GebruikerFactory(organisatie=aanbieder, rol=[Rol.BACKOFFICE])
    assert list(signalen(backoffice)) == []
    with django_capture_on_commit_callbacks(execute=True):
        heen = ontvang(
            bouw_305(eigen, [(dag(2026, 2, 20), "1")]),
            afzender=aanbieder,
            ontvanger=gemeente,
            transport=Transport.INTERN,
        )
    assert heen.retourcodes == []
    [item] = list(signalen(backoffice))
    assert item.soort == "Signalen"
    assert item.titel.startswith("start buiten toewijzing: ")
    assert toegewezen.client.volledige_naam in item.titel
    assert (
        f"{dag(2026, 2, 20):%d-%m-%Y}" in item.toelichting
        and "buiten de toewijzingsperiode" in item.toelichting
    )
    assert item.url.endswith(f"/{toegewezen.pk}/")
    assert [i.titel for i in werklijst(backoffice, "Signalen")] == [item.titel]
    assert list(signalen(anderen)) == []  # the gemeente's signals only for the gemeente
    Signaal.objects.update(afgehandeld_op=timezone.now(), afgehandeld_door=backoffice)
    assert list(signalen(backoffice)) == []


def test_nog_te_starten_van_de_aanbieder(partijen, toegewezen, django_capture_on_commit_callbacks):
    gemeente, aanbieder = partijen
    eigen = AanbiederToewijzing.objects.get(aanbieder=aanbieder)
    medewerker = GebruikerFactory(organisatie=aanbieder, rol=[Rol.AANBIEDER])
    assert list(nog_te_starten(GebruikerFactory(organisatie=gemeente))) == []
    [item] = list(nog_te_starten(medewerker))
    assert item.soort == "Nog te starten"
    assert eigen.client.volledige_naam in item.titel
    assert item.url.endswith(f"/ontvangen/{eigen.pk}/")
    assert f"toegewezen vanaf {dag(2026, 3, 2):%d-%m-%Y}" in item.toelichting
    # Allocated retroactively (OP271): the 305 is due 5 werkdagen after receiving the 301.
    termijn = Termijn.objects.get(regel__code="start_zorg")
    assert (item.vervaldatum, termijn.status) == (termijn.vervaldatum, "open")
    assert [i.titel for i in werklijst(medewerker, "Nog te starten")] == [item.titel]
    with django_capture_on_commit_callbacks(execute=True):
        registreer_start(eigen, startdatum=dag(2026, 3, 9), acting_user=medewerker)
    assert list(nog_te_starten(medewerker)) == []
    termijn.refresh_from_db()
    assert termijn.status != "open"


def test_stop_zorg_opent_bij_einde_toewijzing_en_sluit_met_de_307(
    partijen, toegewezen, consulent, django_capture_on_commit_callbacks
):
    """OP272: a 301 that ends the allocation while delivery runs opens stop_zorg for the
    aanbieder from that end; the 307 closes it. A second 301 does not open another."""
    gemeente, aanbieder = partijen
    eigen = AanbiederToewijzing.objects.get(aanbieder=aanbieder)
    medewerker = GebruikerFactory(organisatie=aanbieder, rol=[Rol.AANBIEDER])
    with django_capture_on_commit_callbacks(execute=True):
        registreer_start(eigen, startdatum=dag(2026, 3, 9), acting_user=medewerker)
    assert not Termijn.objects.filter(regel__code="stop_zorg").exists()
    einde = dag(2027, 1, 29)
    toegewezen.einddatum = einde
    toegewezen.save()
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            verstuur_301(
                gemeente=gemeente,
                aanbieder=aanbieder,
                client=toegewezen.client,
                wet=toegewezen.wet,
                acting_user=consulent,
            )
    eigen.refresh_from_db()
    assert eigen.einddatum == einde
    [termijn] = Termijn.objects.filter(regel__code="stop_zorg")
    assert (termijn.status, termijn.startdatum) == ("open", einde)
    with django_capture_on_commit_callbacks(execute=True):
        registreer_stop(eigen, einddatum=dag(2026, 11, 2), reden="02", acting_user=medewerker)
    termijn.refresh_from_db()
    assert termijn.status != "open"


def test_stop_zorg_volgt_een_gewijzigde_einddatum(
    partijen, toegewezen, consulent, django_capture_on_commit_callbacks
):
    """A later 301 that moves the einddatum while stop_zorg runs withdraws the deadline and
    opens it again from the new end (IV013: the latest allocation counts)."""
    gemeente, aanbieder = partijen
    eigen = AanbiederToewijzing.objects.get(aanbieder=aanbieder)
    medewerker = GebruikerFactory(organisatie=aanbieder, rol=[Rol.AANBIEDER])
    with django_capture_on_commit_callbacks(execute=True):
        registreer_start(eigen, startdatum=dag(2026, 3, 9), acting_user=medewerker)

    def stuur_301_met_einde(einde):
        toegewezen.einddatum = einde
        toegewezen.save()
        with django_capture_on_commit_callbacks(execute=True):
            verstuur_301(
                gemeente=gemeente,
                aanbieder=aanbieder,
                client=toegewezen.client,
                wet=toegewezen.wet,
                acting_user=consulent,
            )

    stuur_301_met_einde(dag(2027, 1, 29))
    [eerste] = Termijn.objects.filter(regel__code="stop_zorg")
    stuur_301_met_einde(dag(2027, 3, 31))
    eerste.refresh_from_db()
    assert eerste.status == "ingetrokken"
    [lopend] = Termijn.objects.filter(regel__code="stop_zorg", status__in=["open", "verlopen"])
    assert lopend.pk != eerste.pk
    assert lopend.startdatum == dag(2027, 3, 31)
    assert lopend.vervaldatum == dag(2027, 4, 7)  # 5 werkdagen after Wednesday 31-03


def test_nog_te_starten_leest_alleen_de_eerste_max_per_bron(partijen, toegewezen, monkeypatch):
    """A large aanbieder has thousands of allocations not started: the worklist reads the
    MAX_PER_BRON that may start first, in SQL, not the whole backlog."""
    _, aanbieder = partijen
    eigen = AanbiederToewijzing.objects.get(aanbieder=aanbieder)
    for nummer, ingang in [(901, dag(2026, 1, 5)), (902, dag(2026, 6, 1)), (903, dag(2026, 2, 2))]:
        eigen.pk = None
        eigen.toewijzingnummer, eigen.ingangsdatum = nummer, ingang
        eigen.save()
    medewerker = GebruikerFactory(organisatie=aanbieder, rol=[Rol.AANBIEDER])
    assert len(list(nog_te_starten(medewerker))) == 4
    monkeypatch.setattr("wmoketen.toewijzingen.werklijst.MAX_PER_BRON", 2)

    items = list(nog_te_starten(medewerker))

    assert [i.toelichting.rsplit(" ", 1)[1] for i in items] == ["05-01-2026", "02-02-2026"]
