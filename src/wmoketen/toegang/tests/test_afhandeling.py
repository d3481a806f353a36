"""The negative and administrative outcomes: afwijzen, an aanvraag back to the consulent,
intrekking, buiten behandeling, and one open melding per client and wet."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wmoketen.audit.models import AuditRegel
from wmoketen.berichten.models import Bericht
from wmoketen.meldingen.models import Notificatie
from wmoketen.scenario import Stap
from wmoketen.termijnen.constants import LOPEND, Status
from wmoketen.termijnen.models import Termijn
from wmoketen.toegang import afhandeling, services, vervolg
from wmoketen.toegang.constants import BeschikkingSoort, MeldingStatus, PlanStatus
from wmoketen.toegang.models import Beschikking, Melding
from wmoketen.toegang.pdf import beschikking_html
from wmoketen.toegang.services import brief as brief_module
from wmoketen.toewijzingen.models import Toewijzing
from wmoketen.trajecten.constants import TaakStatus, TrajectStatus

from .hulp import niets_veranderd, termijn, weiger
from .routes import beschik, voorjaarsroute

pytestmark = pytest.mark.usefixtures("vandaag_vast", "meldingen_achteraf")


@pytest.fixture
def scenario(consulent, wmo_client, aanbieder, wmo_product):
    """The route of spring 2026 (the conftest's steps walk it)."""
    return voorjaarsroute(wmo_client, consulent, aanbieder, wmo_product)


@pytest.fixture
def plan_deel_1(scenario):
    """Deel 1 with profile and consent."""
    return scenario.tot(Stap.TOESTEMMING).plan


def lopende_termijnen(*onderwerpen):
    return [
        t
        for o in onderwerpen
        for t in Termijn.objects.filter(
            object_id=o.pk, content_type__model=o._meta.model_name, status__in=LOPEND
        )
    ]


# Afwijzen ----------------------------------------------------------------------------------


def test_afwijzing_is_een_beschikking_met_brief_zonder_301(akkoord, backoffice, medewerker):
    melding = akkoord.melding
    beschikking = afhandeling.wijs_af(
        akkoord,
        motivering="U kunt dit met hulp van uw dochter zelf.",
        dagtekening=date(2026, 4, 20),
        acting_user=backoffice,
    )
    beschikking.refresh_from_db()
    assert beschikking.soort == BeschikkingSoort.AFWIJZING
    assert beschikking.is_afwijzing and not beschikking.stuurt_toewijzing
    assert (beschikking.aanbieder, beschikking.ingangsdatum, beschikking.einddatum) == (
        None,
        None,
        None,
    )
    assert beschikking.nummer == f"26{beschikking.pk:07d}"
    assert not beschikking.producten.exists()
    assert bytes(beschikking.pdf).startswith(b"%PDF")
    assert Toewijzing.objects.count() == 0
    assert not Bericht.objects.filter(nummer=301).exists()
    melding.refresh_from_db()
    akkoord.refresh_from_db()
    assert melding.status == MeldingStatus.AFGEWEZEN
    assert akkoord.status == PlanStatus.VERVALLEN
    # The decision was taken in time: the deadlines are met, none keeps running.
    assert termijn(akkoord, "beschikking").status == Status.GEHAALD
    assert termijn(melding, "melding_beschikking").status == Status.GEHAALD
    assert lopende_termijnen(melding, akkoord, beschikking) == []
    # A first melding: nothing else runs in the traject, so it closes.
    melding.traject.refresh_from_db()
    assert melding.traject.status == TrajectStatus.AFGESLOTEN
    assert melding.traject.einddatum == date(2026, 4, 20)
    regel = AuditRegel.objects.get(actie="beschikking.afgewezen")
    assert regel.client_id == melding.client_id
    assert "dochter" not in str(regel.__dict__)
    # The aanbieder hears there is no allocation; never why.
    notificatie = Notificatie.objects.get(ontvanger=medewerker, titel__contains="vervallen")
    assert "dochter" not in notificatie.titel


def test_afwijzingsbrief_zegt_afwijzing_met_motivering_en_bezwaar(akkoord, backoffice):
    beschikking = afhandeling.wijs_af(
        akkoord, motivering="Voorliggende voorziening.", acting_user=backoffice
    )
    html = beschikking_html(services.brief_voor(beschikking))
    assert "Wij wijzen uw aanvraag af" in html
    assert "Voorliggende voorziening." in html
    assert "bezwaar maken" in html
    assert "Wij kennen u de volgende ondersteuning toe" not in html
    assert "te leveren door" not in html


@pytest.mark.parametrize(
    ("kwargs", "tekst"),
    [
        ({"motivering": "  "}, "Motiveer de afwijzing: de cliënt moet weten waarom."),
        (
            {"motivering": "Nee.", "bezwaarclausule": ""},
            "De beschikking heeft een bezwaarclausule.",
        ),
        (
            {"motivering": "Nee.", "dagtekening": date(2026, 4, 14)},
            "De dagtekening ligt vóór de aanvraag.",
        ),
    ],
)
def test_afwijzing_met_foute_invoer_verandert_niets(akkoord, backoffice, kwargs, tekst):
    with weiger(ValidationError, tekst, akkoord, akkoord.melding):
        afhandeling.wijs_af(akkoord, acting_user=backoffice, **kwargs)


def test_afwijzen_alleen_door_de_backoffice_en_alleen_een_aanvraag(
    gereed, akkoord, consulent, backoffice, wmo_product
):
    with weiger(PermissionDenied, "U hebt geen rol waarmee u dit mag doen.", akkoord):
        afhandeling.wijs_af(akkoord, motivering="Nee.", acting_user=consulent)
    beschik(akkoord, wmo_product, backoffice)
    with weiger(
        ValidationError,
        "Dit plan is geen openstaande aanvraag (meer): er is al beslist, of er is nog geen "
        "akkoord van de consulent.",
        akkoord,
    ):
        afhandeling.wijs_af(akkoord, motivering="Nee.", acting_user=backoffice)


def test_afwijzing_is_geen_basis_voor_een_herindicatie(akkoord, backoffice, consulent):
    beschikking = afhandeling.wijs_af(akkoord, motivering="Nee.", acting_user=backoffice)
    assert not vervolg.mag_vervolg_starten(beschikking, consulent)
    with pytest.raises(ValidationError, match="is een afwijzing"):
        vervolg.start_herindicatie(beschikking, acting_user=consulent)
    assert beschikking not in vervolg.te_signaleren(date(2026, 4, 21))


def test_afwijzing_die_halverwege_faalt_laat_niets_achter(akkoord, backoffice, monkeypatch):
    """One transaction: a crash after the beschikking row was written (here: the letter
    cannot be rendered) leaves no beschikking, status or closed deadline behind."""

    def kapot(brief):
        raise RuntimeError("Pango ontbreekt")

    monkeypatch.setattr(brief_module, "beschikking_pdf", kapot)
    with niets_veranderd(akkoord, akkoord.melding, termijn(akkoord, "beschikking")):
        with pytest.raises(RuntimeError):
            afhandeling.wijs_af(akkoord, motivering="Nee.", acting_user=backoffice)


# Aanvraag terug naar de consulent ------------------------------------------------------------


def test_aanvraag_terug_naar_de_consulent(akkoord, backoffice, consulent):
    melding = akkoord.melding
    afhandeling.stuur_aanvraag_terug(
        akkoord,
        reden="Het profiel past niet bij deel 2.",
        op=date(2026, 4, 16),
        acting_user=backoffice,
    )
    akkoord.refresh_from_db()
    melding.refresh_from_db()
    assert akkoord.status == PlanStatus.DEEL_2_GEREED
    assert akkoord.aanvraag_terug_reden == "Het profiel past niet bij deel 2."
    assert (akkoord.akkoord_op, akkoord.aanvraag_op, akkoord.akkoord_door) == (None, None, None)
    assert melding.status == MeldingStatus.DEEL_2_GEREED
    assert termijn(akkoord, "beschikking").status == Status.INGETROKKEN
    assert termijn(melding, "melding_beschikking").status in LOPEND
    assert Notificatie.objects.filter(
        ontvanger=consulent, titel="Aanvraag teruggestuurd door de backoffice"
    ).exists()
    assert AuditRegel.objects.filter(actie="plan.aanvraag_teruggestuurd").exists()
    # The consulent judges again: a new akkoord is a new aanvraag, the reason is cleared.
    services.keur_goed(akkoord, op=date(2026, 4, 17), acting_user=consulent)
    akkoord.refresh_from_db()
    assert (akkoord.status, akkoord.aanvraag_op) == (PlanStatus.AKKOORD, date(2026, 4, 17))
    assert akkoord.aanvraag_terug_reden == ""


def test_aanvraag_terug_vraagt_een_reden(akkoord, backoffice):
    with weiger(
        ValidationError,
        "Geef de reden waarom de aanvraag teruggaat naar de consulent.",
        akkoord,
        akkoord.melding,
    ):
        afhandeling.stuur_aanvraag_terug(akkoord, reden=" ", acting_user=backoffice)


# Intrekking and buiten behandeling ------------------------------------------------------------


def test_intrekking_tijdens_opdracht_deel_2(opdracht, consulent, medewerker):
    opdracht.refresh_from_db()
    melding = opdracht.melding
    taak = opdracht.taak
    afhandeling.registreer_intrekking(
        melding, reden="Cliënt wil toch geen hulp.", op=date(2026, 4, 6), acting_user=consulent
    )
    melding.refresh_from_db()
    opdracht.refresh_from_db()
    taak.refresh_from_db()
    assert melding.status == MeldingStatus.INGETROKKEN
    assert (melding.afgesloten_op, melding.afsluitreden) == (
        date(2026, 4, 6),
        "Cliënt wil toch geen hulp.",
    )
    assert opdracht.status == PlanStatus.VERVALLEN
    assert taak.status == TaakStatus.GEANNULEERD
    assert taak.termijn.status == Status.INGETROKKEN
    assert lopende_termijnen(melding, opdracht) == []
    assert Termijn.objects.filter(
        object_id=melding.pk, content_type__model="melding", status=Status.INGETROKKEN
    ).exists()
    assert melding.traject.status == TrajectStatus.AFGESLOTEN
    # The reason is the gemeente's: not in the aanbieder's task history or notification.
    assert "geen hulp" not in str(list(taak.geschiedenis.values_list("toelichting", flat=True)))
    assert Notificatie.objects.filter(ontvanger=medewerker, titel__contains="vervallen").exists()
    regel = AuditRegel.objects.get(actie="melding.ingetrokken")
    assert "geen hulp" not in str(regel.__dict__)
    # The aanbieder's order list no longer shows it as open.
    from wmoketen.toegang import queries

    assert not queries.opdrachten_deel_2(opdracht.aanbieder).exists()
    assert melding not in queries.caseload(consulent)


def test_buiten_behandeling_voor_het_huisbezoek(consulent, wmo_client):
    melding = services.registreer_melding(
        client=wmo_client,
        wet="wmo",
        ontvangen_op=date(2026, 4, 1),
        kanaal="telefonisch",
        acting_user=consulent,
    )
    afhandeling.stel_buiten_behandeling(
        melding, reden="Drie keer geen contact.", op=date(2026, 4, 20), acting_user=consulent
    )
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.BUITEN_BEHANDELING
    assert lopende_termijnen(melding) == []
    assert Termijn.objects.filter(object_id=melding.pk, status=Status.INGETROKKEN).count() == 3


def test_afsluiten_van_een_afgehandelde_melding_wordt_geweigerd(opdracht, consulent):
    melding = opdracht.melding
    afhandeling.registreer_intrekking(melding, reden="Ingetrokken.", acting_user=consulent)
    melding.refresh_from_db()
    with weiger(
        ValidationError, "Deze melding is al afgehandeld (ingetrokken door de cliënt).", melding
    ):
        afhandeling.stel_buiten_behandeling(melding, reden="Nogmaals.", acting_user=consulent)


@pytest.mark.parametrize(
    ("kwargs", "tekst"),
    [
        ({"reden": ""}, "Noteer hoe en waarom de cliënt de melding introk."),
        (
            {"reden": "Weg.", "op": date(2026, 3, 1)},
            "De datum ligt vóór de datum van de melding.",
        ),
        ({"reden": "Weg.", "op": date(2027, 1, 1)}, "De datum ligt in de toekomst."),
    ],
)
def test_intrekking_met_foute_invoer_verandert_niets(opdracht, consulent, kwargs, tekst):
    opdracht.refresh_from_db()
    with weiger(ValidationError, tekst, opdracht, opdracht.melding, opdracht.taak):
        afhandeling.registreer_intrekking(opdracht.melding, acting_user=consulent, **kwargs)


def test_intrekking_door_een_andere_gemeente_geweigerd(opdracht, andere_gemeente):
    from wmoketen.accounts.constants import Rol
    from wmoketen.factories import GebruikerFactory

    vreemde = GebruikerFactory(organisatie=andere_gemeente, rol=Rol.TOEGANGSMEDEWERKER)
    with weiger(PermissionDenied, "Deze cliënt hoort niet bij uw gemeente.", opdracht.melding):
        afhandeling.registreer_intrekking(opdracht.melding, reden="x", acting_user=vreemde)


# One open melding per client and wet ------------------------------------------------------


def test_tweede_open_melding_wordt_geweigerd_met_de_open(plan_deel_1, consulent, wmo_client):
    aantal = Melding.objects.count()
    with pytest.raises(services.OpenMeldingBestaat) as fout:
        services.registreer_melding(
            client=wmo_client,
            wet="wmo",
            ontvangen_op=date(2026, 4, 10),
            kanaal="loket",
            acting_user=consulent,
        )
    assert fout.value.melding == plan_deel_1.melding
    assert Melding.objects.count() == aantal
    assert fout.value.messages == [
        "Er loopt al een melding Wmo 2015 voor deze cliënt (ontvangen 01-04-2026, "
        "ondersteuningsplan deel 1). Werk verder in die melding, of sluit haar eerst af."
    ]


def test_andere_wet_of_afgehandelde_melding_blokkeert_niet(plan_deel_1, consulent, wmo_client):
    jeugd = services.registreer_melding(
        client=wmo_client,
        wet="jeugdwet",
        ontvangen_op=date(2026, 4, 10),
        kanaal="loket",
        acting_user=consulent,
    )
    assert jeugd.pk
    afhandeling.registreer_intrekking(plan_deel_1.melding, reden="Weg.", acting_user=consulent)
    nieuw = services.registreer_melding(
        client=wmo_client,
        wet="wmo",
        ontvangen_op=date(2026, 4, 12),
        kanaal="loket",
        acting_user=consulent,
    )
    assert nieuw.status == MeldingStatus.ONTVANGEN


def test_lopende_herindicatie_telt_niet_als_open_melding(
    akkoord, wmo_product, backoffice, consulent, wmo_client
):
    beschikking = beschik(akkoord, wmo_product, backoffice)
    herindicatie = vervolg.start_herindicatie(
        beschikking, op=date(2026, 11, 1), acting_user=consulent
    )
    assert herindicatie.is_open
    nieuw = services.registreer_melding(
        client=wmo_client,
        wet="wmo",
        ontvangen_op=date(2026, 11, 2),
        kanaal="loket",
        acting_user=consulent,
    )
    assert nieuw.pk


def test_beschikking_soort_toekenning_is_de_standaard(akkoord, wmo_product, backoffice):
    beschikking = beschik(akkoord, wmo_product, backoffice)
    assert beschikking.soort == BeschikkingSoort.TOEKENNING
    assert beschikking.stuurt_toewijzing
    assert Beschikking.objects.toekenningen().filter(pk=beschikking.pk).exists()


def test_intrekking_laat_de_eigen_taak_van_de_aanbieder_staan(opdracht, consulent, medewerker):
    """The gemeente closes the traject; a task the aanbieder made for itself is not the
    gemeente's to cancel, and does not block the intrekking."""
    from wmoketen.trajecten import services as trajecten

    opdracht.refresh_from_db()
    eigen = trajecten.maak_taak(
        opdracht.melding.traject,
        naam="Intake plannen",
        soort="overig",
        toegewezen_aan_organisatie=opdracht.aanbieder,
        vervaldatum=date(2027, 1, 15),  # after today (vandaag_vast)
        acting_user=medewerker,
    )
    afhandeling.registreer_intrekking(opdracht.melding, reden="Weg.", acting_user=consulent)
    eigen.refresh_from_db()
    opdracht.taak.refresh_from_db()
    assert eigen.status == TaakStatus.OPEN
    assert opdracht.taak.status == TaakStatus.GEANNULEERD
    opdracht.melding.traject.refresh_from_db()
    assert opdracht.melding.traject.status == TrajectStatus.AFGESLOTEN
