from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.factories import AanbiederFactory, GebruikerFactory
from wmoketen.termijnen import queries, services, tasks
from wmoketen.termijnen.constants import Status
from wmoketen.termijnen.models import Termijn

D = date.fromisoformat


def vandaag() -> date:
    return timezone.localdate()


@pytest.fixture
def medewerker(aanbieder):
    return GebruikerFactory(username="medewerker", organisatie=aanbieder, rol=Rol.AANBIEDER)


def test_open_termijn(regio_gemeenten, onderwerp, consulent, aanbieder):
    termijn = services.open_termijn(
        "plan_deel_2",
        onderwerp=onderwerp,
        gemeente=regio_gemeenten["0988"],
        startdatum=D("2026-04-30"),
        organisaties=[aanbieder],
        acting_user=consulent,
    )
    assert termijn.onderwerp == onderwerp
    assert termijn.vervaldatum == D("2026-05-19")
    assert termijn.startgebeurtenis == "opdracht aan de aanbieder"
    assert termijn.berekening == (
        "10 werkdagen na opdracht aan de aanbieder "
        "(regio Midden-Limburg West; Werkafspraken Midden-Limburg West §4)"
    )
    assert termijn.status == Status.VERLOPEN  # due date already past on opening
    assert list(termijn.organisaties.all()) == [aanbieder.organisatie_ptr]
    regel = AuditRegel.objects.get(actie="termijn.geopend")
    assert (regel.gebruiker, regel.object_id) == (consulent, str(termijn.pk))


def test_op271_startgebeurtenis_van_de_aanroeper(onderwerp, gemeente, consulent):
    """Allocated retroactively: the 305 term runs from receiving the 301."""
    termijn = services.open_termijn(
        "start_zorg",
        onderwerp=onderwerp,
        gemeente=gemeente,
        startdatum=D("2026-05-13"),
        startgebeurtenis="ontvangst van de 301 (toegewezen met terugwerkende kracht)",
        acting_user=None,
    )
    assert termijn.vervaldatum == D("2026-05-22")
    assert termijn.startgebeurtenis.startswith("ontvangst van de 301")


def test_gewijzigde_regel_geldt_alleen_voor_nieuwe_termijnen(regio_gemeenten, onderwerp, consulent):
    weert = regio_gemeenten["0988"]
    start = D("2026-04-30")
    oud = services.open_termijn(
        "huisbezoek", onderwerp=onderwerp, gemeente=weert, startdatum=start, acting_user=consulent
    )
    regel = queries.regel_voor("huisbezoek", weert)
    services.wijzig_regel(regel, aantal=10, acting_user=consulent)
    nieuw = services.open_termijn(
        "huisbezoek", onderwerp=onderwerp, gemeente=weert, startdatum=start, acting_user=consulent
    )
    oud.refresh_from_db()
    assert oud.vervaldatum == D("2026-05-08")
    assert nieuw.vervaldatum == D("2026-05-19")
    assert oud.berekening.startswith("5 werkdagen")
    assert nieuw.berekening.startswith("10 werkdagen")


def test_vrije_termijn(onderwerp, gemeente, consulent, aanbieder):
    uiterlijk = vandaag() + timedelta(days=7)
    termijn = services.open_vrije_termijn(
        vervaldatum=uiterlijk,
        onderwerp=onderwerp,
        gemeente=gemeente,
        organisaties=[aanbieder],
        omschrijving="Ondersteuningsplan deel 2 opstellen",
        acting_user=consulent,
    )
    assert (termijn.vervaldatum, termijn.status, termijn.regel) == (uiterlijk, Status.OPEN, None)
    assert termijn.titel == "Ondersteuningsplan deel 2 opstellen"


@pytest.mark.parametrize(
    "verschil, omschrijving, melding",
    [
        (-1, "Taak", "De uiterste datum ligt in het verleden."),
        (3, "  ", "Geef de termijn een omschrijving."),
        (None, "Taak", "Vul de uiterste datum in."),
    ],
)
def test_vrije_termijn_ongeldig(onderwerp, gemeente, consulent, verschil, omschrijving, melding):
    with pytest.raises(ValidationError) as fout:
        services.open_vrije_termijn(
            vervaldatum=None if verschil is None else vandaag() + timedelta(days=verschil),
            onderwerp=onderwerp,
            gemeente=gemeente,
            omschrijving=omschrijving,
            acting_user=consulent,
        )
    assert fout.value.messages == [melding]
    assert not Termijn.objects.exists()
    assert not AuditRegel.objects.filter(actie="termijn.geopend").exists()


def test_termijn_openen_voor_andere_gemeente_geweigerd(onderwerp, andere_gemeente, consulent):
    with pytest.raises(ValidationError) as fout:
        services.open_termijn(
            "retour",
            onderwerp=onderwerp,
            gemeente=andere_gemeente,
            startdatum=vandaag(),
            acting_user=consulent,
        )
    assert fout.value.messages == [
        "U kunt alleen een termijn openen waar uw eigen organisatie bij betrokken is."
    ]
    assert not Termijn.objects.exists()


def test_onbekende_regelcode_opent_niets(onderwerp, gemeente, consulent):
    with pytest.raises(ValidationError):
        services.open_termijn(
            "onbekend", onderwerp=onderwerp, gemeente=gemeente, startdatum=vandaag(),
            acting_user=consulent,
        )  # fmt: skip
    assert not Termijn.objects.exists()


@pytest.fixture
def lopend(onderwerp, gemeente, consulent, aanbieder):
    """Open, due in 3 days, shared with the aanbieder."""
    return services.open_vrije_termijn(
        vervaldatum=vandaag() + timedelta(days=3),
        onderwerp=onderwerp,
        gemeente=gemeente,
        organisaties=[aanbieder],
        omschrijving="Taak",
        acting_user=consulent,
    )


@pytest.fixture
def te_laat(onderwerp, gemeente):
    """Opened by the system with a due date long past: verlopen from the start."""
    return services.open_termijn(
        "retour", onderwerp=onderwerp, gemeente=gemeente, startdatum=D("2026-04-30"),
        acting_user=None,
    )  # fmt: skip


def test_sluiten_op_tijd(lopend, medewerker):
    termijn = services.sluit_termijn(lopend, op=vandaag(), acting_user=medewerker)
    assert (termijn.status, termijn.gesloten_op) == (Status.GEHAALD, vandaag())
    assert AuditRegel.objects.get(actie="termijn.gesloten").wijzigingen["status"] == [
        "open",
        "gehaald",
    ]


def test_verlopen_later_gesloten_is_te_laat_gehaald(te_laat, consulent):
    assert te_laat.status == Status.VERLOPEN
    termijn = services.sluit_termijn(te_laat, op=vandaag(), acting_user=consulent)
    assert termijn.status == Status.TE_LAAT_GEHAALD


def test_verlopen_maar_op_tijd_afgehandeld(te_laat, consulent):
    """Recorded afterwards, done in time: gehaald."""
    termijn = services.sluit_termijn(te_laat, op=D("2026-05-06"), acting_user=consulent)
    assert termijn.status == Status.GEHAALD


@pytest.mark.parametrize(
    "op, melding",
    [
        (1, "De datum van afhandeling ligt in de toekomst."),
        (None, "Vul de datum in waarop de termijn is gehaald."),
    ],
)
def test_sluiten_ongeldig(lopend, consulent, op, melding):
    with pytest.raises(ValidationError) as fout:
        services.sluit_termijn(
            lopend, op=None if op is None else vandaag() + timedelta(days=op), acting_user=consulent
        )
    assert fout.value.messages == [melding]
    lopend.refresh_from_db()
    assert (lopend.status, lopend.gesloten_op) == (Status.OPEN, None)


def test_twee_keer_sluiten_geweigerd(lopend, consulent):
    services.sluit_termijn(lopend, op=vandaag(), acting_user=consulent)
    with pytest.raises(ValidationError) as fout:
        services.sluit_termijn(lopend, op=vandaag(), acting_user=consulent)
    assert fout.value.messages == ["Deze termijn is al gesloten."]


def test_sluiten_door_buitenstaander_geweigerd(lopend, andere_gemeente):
    buitenstaander = GebruikerFactory(organisatie=andere_gemeente, rol=Rol.TOEGANGSMEDEWERKER)
    with pytest.raises(ValidationError) as fout:
        services.sluit_termijn(lopend, op=vandaag(), acting_user=buitenstaander)
    assert fout.value.messages == ["U mag deze termijn niet wijzigen."]
    lopend.refresh_from_db()
    assert lopend.status == Status.OPEN


def test_sluit_termijnen_voor_onderwerp(lopend, te_laat, onderwerp, consulent):
    gesloten = services.sluit_termijnen_voor(
        onderwerp, regelcode="retour", op=vandaag(), acting_user=consulent
    )
    assert [t.pk for t in gesloten] == [te_laat.pk]
    lopend.refresh_from_db()
    assert lopend.status == Status.OPEN
    assert len(services.sluit_termijnen_voor(onderwerp, op=vandaag(), acting_user=None)) == 1


def test_intrekken(lopend, consulent):
    with pytest.raises(ValidationError) as fout:
        services.trek_termijn_in(lopend, reden=" ", acting_user=consulent)
    assert fout.value.messages == ["Geef een reden voor het intrekken van de termijn."]
    termijn = services.trek_termijn_in(lopend, reden="Melding ingetrokken", acting_user=consulent)
    assert termijn.status == Status.INGETROKKEN
    with pytest.raises(ValidationError) as fout:
        services.sluit_termijn(termijn, op=vandaag(), acting_user=consulent)
    assert fout.value.messages == ["Deze termijn is ingetrokken."]


def test_markeer_verlopen(lopend):
    assert services.markeer_verlopen(vandaag() + timedelta(days=3)) == 0
    assert services.markeer_verlopen(vandaag() + timedelta(days=4)) == 1
    lopend.refresh_from_db()
    assert lopend.status == Status.VERLOPEN
    assert AuditRegel.objects.filter(actie="termijn.verlopen", gebruiker=None).count() == 1
    assert services.markeer_verlopen(vandaag() + timedelta(days=4)) == 0


def test_management_command(lopend, capsys):
    call_command("termijnen_bewaken", "--datum", (vandaag() + timedelta(days=10)).isoformat())
    assert capsys.readouterr().out == "1 termijn(en) als verlopen gemarkeerd.\n"
    lopend.refresh_from_db()
    assert lopend.status == Status.VERLOPEN
    call_command("termijnen_bewaken")
    assert capsys.readouterr().out == "0 termijn(en) als verlopen gemarkeerd.\n"
    with pytest.raises(CommandError, match="Ongeldige datum '31-12-2026'"):
        call_command("termijnen_bewaken", "--datum", "31-12-2026")


def test_celery_taak(onderwerp, gemeente):
    services.open_vrije_termijn(
        vervaldatum=vandaag(), onderwerp=onderwerp, gemeente=gemeente, omschrijving="Vandaag",
        acting_user=None,
    )  # fmt: skip
    assert tasks.bewaak_termijnen.delay().get() == 0
    Termijn.objects.update(vervaldatum=vandaag() - timedelta(days=1))
    assert tasks.bewaak_termijnen.delay().get() == 1


def test_termijnregels_laden_command(regio_gemeenten, capsys):
    call_command("termijnregels_laden")
    assert capsys.readouterr().out == "0 termijnregel(s) aangemaakt.\n"


def test_scoping(lopend, te_laat, gemeente, andere_gemeente, aanbieder):
    andere_aanbieder = AanbiederFactory()
    assert set(Termijn.objects.voor_organisatie(gemeente)) == {lopend, te_laat}
    assert list(Termijn.objects.voor_organisatie(aanbieder)) == [lopend]
    assert not Termijn.objects.voor_organisatie(andere_gemeente).exists()
    assert not Termijn.objects.voor_organisatie(andere_aanbieder).exists()
    assert not queries.open_termijnen(andere_gemeente).exists()


def test_open_termijnen_te_laat_eerst(lopend, te_laat, gemeente, onderwerp):
    later = services.open_vrije_termijn(
        vervaldatum=vandaag() + timedelta(days=30), onderwerp=onderwerp, gemeente=gemeente,
        omschrijving="Later", acting_user=None,
    )  # fmt: skip
    assert list(queries.open_termijnen(gemeente)) == [te_laat, lopend, later]
    assert list(queries.open_termijnen(gemeente, binnen_dagen=5)) == [te_laat, lopend]
    services.sluit_termijn(lopend, op=vandaag(), acting_user=None)
    assert list(queries.open_termijnen(gemeente)) == [te_laat, later]
    assert list(queries.termijnen_voor(onderwerp, gemeente)) == [te_laat, lopend, later]
    assert list(queries.termijnen_voor(onderwerp, gemeente, alleen_lopend=True)) == [
        te_laat,
        later,
    ]


@pytest.mark.parametrize(
    "verschil, label, klasse",
    [
        (5, "Nog 5 dagen", "termijn--open"),
        (1, "Nog 1 dag", "termijn--bijna"),
        (0, "Verloopt vandaag", "termijn--bijna"),
        (-1, "1 dag te laat", "termijn--verlopen"),
        (-4, "4 dagen te laat", "termijn--verlopen"),
    ],
)
def test_weergave(verschil, label, klasse):
    termijn = Termijn(vervaldatum=vandaag() + timedelta(days=verschil), status=Status.OPEN)
    assert (termijn.dagen_over, termijn.status_label, termijn.css_klasse) == (
        verschil,
        label,
        klasse,
    )


@pytest.mark.parametrize(
    "status, label, klasse",
    [
        (Status.GEHAALD, "Gehaald", "termijn--gehaald"),
        (Status.TE_LAAT_GEHAALD, "Te laat gehaald", "termijn--te-laat"),
        (Status.INGETROKKEN, "Ingetrokken", "termijn--ingetrokken"),
    ],
)
def test_weergave_gesloten(status, label, klasse):
    termijn = Termijn(vervaldatum=vandaag(), status=status)
    assert (termijn.dagen_over, termijn.status_label, termijn.css_klasse) == (None, label, klasse)
