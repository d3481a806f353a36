"""Herindicatie and profielwijziging: a follow-up melding on the same traject whose beschikking
continues the care without a gap, and the signal 8 weeks before the einddatum.

Fixed dates: the first beschikking runs from 11 May 2026 to 25 July 2030 (so its allocation is
still current whenever these tests run before then); 8 weeks before 25 July 2030 is
Hemelvaartsdag (30 May 2030), so the signal falls on Wednesday 29 May.
"""

# ruff: noqa: F811 - the shared fixtures come from test_scenario

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from istandaarden.validation import validate
from wmoketen.accounts.constants import Rol
from wmoketen.berichten.constants import Status as BerichtStatus
from wmoketen.factories import GebruikerFactory
from wmoketen.organisaties import services as organisaties
from wmoketen.portaal.werklijst import werklijst
from wmoketen.termijnen.models import Termijn
from wmoketen.toegang import services, tasks, vervolg
from wmoketen.toegang.constants import Aanleiding, MeldingStatus, PlanStatus
from wmoketen.toegang.models import Beschikking, Melding
from wmoketen.toegang.services import BeschiktProductInvoer, Deel2Invoer, ResultaatgebiedInvoer
from wmoketen.toewijzingen.constants import AanbiederStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Toewijzing
from wmoketen.trajecten.constants import TaakSoort
from wmoketen.trajecten.models import Taak

from .test_scenario import (  # noqa: F401 - fixtures
    ALLE_B,
    alle_domeinen,
    backoffice,
    contract,
    medewerker,
    regio,
    tot_deel_1,
    wmo_client,
    wmo_product,
)

EINDE = date(2030, 7, 25)
START = date(2026, 11, 2)  # the follow-up starts (before "today" whenever the tests run)


def eerste_beschikking(
    client, product, aanbieder, consulent, medewerker, backoffice, capture, *, einde=EINDE
):
    """The first route on fixed dates: beschikking from 11 May 2026 to ``einde``."""
    melding, plan = tot_deel_1(client, "wmo", consulent)
    services.geef_opdracht_deel_2(
        plan, aanbieder=aanbieder, producten=[product], op=date(2026, 4, 2), acting_user=consulent
    )
    deel_2(plan, medewerker, date(2026, 5, 11), date(2026, 4, 20))
    services.keur_goed(plan, op=date(2026, 4, 21), acting_user=consulent)
    with capture(execute=True):
        return services.neem_beschikking(
            plan,
            producten=[BeschiktProductInvoer(product, 4)],
            ingangsdatum=date(2026, 5, 11),
            duur="anders",
            einddatum=einde,
            motivering="Begeleiding is nodig.",
            dagtekening=date(2026, 5, 6),
            acting_user=backoffice,
        )


def deel_2(plan, medewerker, startdatum, gereed_op):
    services.vul_deel_2_in(
        plan,
        resultaatgebieden=[
            Deel2Invoer(
                plan.resultaatgebieden.get(), "activering", "Dagbesteding", "2x", startdatum
            )
        ],
        acting_user=medewerker,
    )
    services.deel_2_gereed(
        plan,
        client_ondertekend_op=gereed_op,
        aanbieder_ondertekend_op=gereed_op,
        op=gereed_op,
        acting_user=medewerker,
    )


def vervolg_tot_akkoord(melding, product, aanbieder, consulent, medewerker, startdatum):
    """The follow-up walks the normal route: onderzoek, plan deel 1 and 2, akkoord."""
    dag = date(2026, 11, 3)
    services.leg_onderzoek_vast(melding, domeinen=alle_domeinen(), acting_user=consulent)
    services.onderzoek_afronden(
        melding,
        verslag="Herbeoordeling.",
        ondertekend_door_client_op=dag,
        op=dag,
        acting_user=consulent,
    )
    plan = services.stel_plan_deel_1_op(
        melding,
        resultaatgebieden=[ResultaatgebiedInvoer("tijdsbesteding", "Dagbesteding behouden.")],
        acting_user=consulent,
    )
    services.beoordeel_profiel(plan, scores=ALLE_B, acting_user=consulent)
    services.leg_toestemming_vast(plan, toestemming=True, ondertekend_op=dag, acting_user=consulent)
    services.geef_opdracht_deel_2(
        plan, aanbieder=aanbieder, producten=[product], op=dag, acting_user=consulent
    )
    deel_2(plan, medewerker, startdatum, date(2026, 11, 16))
    return services.keur_goed(plan, op=date(2026, 11, 17), acting_user=consulent)


@pytest.fixture
def eerste(
    consulent,
    medewerker,
    backoffice,
    aanbieder,
    wmo_client,
    wmo_product,
    django_capture_on_commit_callbacks,
):
    return eerste_beschikking(
        wmo_client,
        wmo_product,
        aanbieder,
        consulent,
        medewerker,
        backoffice,
        django_capture_on_commit_callbacks,
    )


def neem(plan, product, backoffice, capture, **velden):
    velden = {"duur": "1j", "dagtekening": date(2026, 11, 20), **velden}
    with capture(execute=True):
        return services.neem_beschikking(
            plan,
            producten=[BeschiktProductInvoer(product, 6)],
            motivering="Vervolg van de begeleiding.",
            acting_user=backoffice,
            **velden,
        )


def periodes(queryset):
    return sorted((t.ingangsdatum, t.einddatum, t.reden_wijziging) for t in queryset)


# The follow-up route ---------------------------------------------------------------------------


def test_herindicatie_sluit_zonder_gat_aan_in_een_nieuwe_301(
    eerste,
    consulent,
    medewerker,
    backoffice,
    aanbieder,
    wmo_product,
    django_capture_on_commit_callbacks,
):
    eerste_melding = eerste.plan.melding
    eerste_301 = Toewijzing.objects.get(client=eerste.client).bericht_id
    melding = vervolg.start_herindicatie(eerste, acting_user=consulent, op=START)

    assert (melding.aanleiding, melding.vorige_beschikking, melding.traject) == (
        Aanleiding.HERINDICATIE,
        eerste,
        eerste_melding.traject,
    )
    assert list(eerste_melding.traject.meldingen.order_by("pk")) == [eerste_melding, melding]
    assert Termijn.objects.filter(
        object_id=melding.pk, content_type__model="melding", regel__code="melding_beschikking"
    ).exists()
    plan = vervolg_tot_akkoord(
        melding, wmo_product, aanbieder, consulent, medewerker, date(2030, 7, 26)
    )
    nieuw = neem(
        plan, wmo_product, backoffice, django_capture_on_commit_callbacks, ingangsdatum=None
    )

    # The ingangsdatum defaulted to the day after the previous einddatum.
    assert (nieuw.ingangsdatum, nieuw.einddatum) == (date(2030, 7, 26), date(2031, 7, 25))
    melding.refresh_from_db()
    assert (melding.status, nieuw.plan.status) == (MeldingStatus.BESCHIKT, PlanStatus.BESCHIKT)
    # Gemeente: the previous allocation runs to its einddatum, the new one starts the day after.
    oud, opvolger = Toewijzing.objects.filter(client=eerste.client).order_by("ingangsdatum")
    assert (oud.beschikkingnummer, oud.ingangsdatum, oud.einddatum, oud.reden_wijziging) == (
        eerste.nummer,
        date(2026, 5, 11),
        EINDE,
        "",
    )
    assert (opvolger.beschikkingnummer, opvolger.ingangsdatum, opvolger.einddatum) == (
        nieuw.nummer,
        date(2030, 7, 26),
        date(2031, 7, 25),
    )
    # One new 301 carries both, accepted by the aanbieder.
    bericht = opvolger.bericht
    assert oud.bericht_id == bericht.pk != eerste_301
    bericht.refresh_from_db()
    assert validate(bericht.bytes) == []
    assert (bericht.naam, bericht.status, bericht.retourcodes) == (
        "WMO301",
        BerichtStatus.RETOUR_VERZONDEN,
        [],
    )
    # Aanbieder: both allocations current, from that 301.
    ontvangen = AanbiederToewijzing.objects.filter(aanbieder=aanbieder)
    assert periodes(ontvangen) == [
        (date(2026, 5, 11), EINDE, ""),
        (date(2030, 7, 26), date(2031, 7, 25), ""),
    ]
    assert {(t.status, t.bericht_id) for t in ontvangen} == {(AanbiederStatus.ACTUEEL, bericht.pk)}
    # The care starts on the new ingangsdatum: start_ondersteuning counts from there.
    start = Termijn.objects.get(
        regel__code="start_ondersteuning", content_type__model="beschikking", object_id=nieuw.pk
    )
    assert start.startdatum == date(2030, 7, 26)


def test_profielwijziging_beeindigt_de_vorige_toewijzing_de_dag_ervoor(
    eerste,
    consulent,
    medewerker,
    backoffice,
    aanbieder,
    wmo_product,
    django_capture_on_commit_callbacks,
):
    melding = vervolg.start_herindicatie(
        eerste, aanleiding="profielwijziging", acting_user=consulent, op=START
    )
    plan = vervolg_tot_akkoord(
        melding, wmo_product, aanbieder, consulent, medewerker, date(2026, 12, 1)
    )
    nieuw = neem(
        plan,
        wmo_product,
        backoffice,
        django_capture_on_commit_callbacks,
        ingangsdatum=date(2026, 12, 1),
        duur="5j",
    )

    assert (nieuw.ingangsdatum, nieuw.einddatum) == (date(2026, 12, 1), date(2031, 11, 30))
    oud, opvolger = Toewijzing.objects.filter(client=eerste.client).order_by("ingangsdatum")
    # Ended the day before, RedenWijziging 05 (herbeoordeling: verkorting).
    assert (oud.einddatum, oud.reden_wijziging) == (date(2026, 11, 30), "05")
    assert (opvolger.ingangsdatum, opvolger.einddatum) == (date(2026, 12, 1), date(2031, 11, 30))
    assert oud.bericht_id == opvolger.bericht_id
    bericht = opvolger.bericht
    bericht.refresh_from_db()
    assert validate(bericht.bytes) == []
    assert (bericht.status, bericht.retourcodes) == (BerichtStatus.RETOUR_VERZONDEN, [])
    assert periodes(AanbiederToewijzing.objects.filter(aanbieder=aanbieder)) == [
        (date(2026, 5, 11), date(2026, 11, 30), "05"),
        (date(2026, 12, 1), date(2031, 11, 30), ""),
    ]


# Bad input: a Dutch message, nothing changed ---------------------------------------------------


def test_herindicatie_na_de_einddatum_geweigerd(eerste, consulent):
    # A beschikking that ended on 10 November 2026 (moved back: a 301 is only sent for
    # allocations that are current today).
    Beschikking.objects.filter(pk=eerste.pk).update(einddatum=date(2026, 11, 10))
    Toewijzing.objects.filter(client=eerste.client).update(einddatum=date(2026, 11, 10))
    beschikking = Beschikking.objects.get(pk=eerste.pk)
    aantal = Melding.objects.count()
    with pytest.raises(ValidationError, match="is geëindigd op 10-11-2026"):
        vervolg.start_herindicatie(beschikking, acting_user=consulent, op=date(2026, 11, 11))
    assert Melding.objects.count() == aantal
    assert not vervolg.mag_vervolg_starten(beschikking, consulent, op=date(2026, 11, 11))
    # On the einddatum itself it may still start.
    assert vervolg.mag_vervolg_starten(beschikking, consulent, op=date(2026, 11, 10))


def test_tweede_vervolg_geweigerd(eerste, consulent):
    vervolg.start_herindicatie(eerste, acting_user=consulent, op=START)
    with pytest.raises(ValidationError, match="is al een herindicatie gestart"):
        vervolg.start_herindicatie(
            eerste, aanleiding="profielwijziging", acting_user=consulent, op=START
        )
    assert Melding.objects.filter(vorige_beschikking=eerste).count() == 1


def test_onbekende_aanleiding_en_toekomst_geweigerd(eerste, consulent):
    with pytest.raises(ValidationError, match="Kies de aanleiding"):
        vervolg.start_herindicatie(eerste, aanleiding="nieuw", acting_user=consulent, op=START)
    with pytest.raises(ValidationError, match="in de toekomst"):
        vervolg.start_herindicatie(eerste, acting_user=consulent, op=date(2099, 1, 1))
    assert not Melding.objects.filter(vorige_beschikking=eerste).exists()


def test_aanbieder_en_andere_gemeente_mogen_niet(eerste, medewerker, andere_gemeente):
    with pytest.raises(PermissionDenied):
        vervolg.start_herindicatie(eerste, acting_user=medewerker, op=START)
    vreemde = GebruikerFactory(
        username="vreemd", organisatie=andere_gemeente, rol=Rol.TOEGANGSMEDEWERKER
    )
    with pytest.raises(PermissionDenied):
        vervolg.start_herindicatie(eerste, acting_user=vreemde, op=START)
    assert not Melding.objects.filter(vorige_beschikking=eerste).exists()


def test_backoffice_start_en_de_consulent_houdt_de_client(eerste, backoffice, consulent):
    melding = vervolg.start_herindicatie(eerste, acting_user=backoffice, op=START)
    assert melding.consulent == consulent


def test_open_beschikking_zonder_toewijzing_geweigerd(
    consulent, medewerker, backoffice, aanbieder, wmo_client, wmo_product, gemeente
):
    organisaties.stel_open_beschikkingen_in(gemeente, open_beschikkingen=True, acting_user=None)
    melding, plan = tot_deel_1(wmo_client, "wmo", consulent)
    services.geef_opdracht_deel_2(
        plan,
        aanbieder=aanbieder,
        producten=[wmo_product],
        op=date(2026, 4, 2),
        acting_user=consulent,
    )
    deel_2(plan, medewerker, date(2026, 5, 11), date(2026, 4, 20))
    services.keur_goed(plan, op=date(2026, 4, 21), acting_user=consulent)
    beschikking = services.neem_beschikking(
        plan,
        producten=[BeschiktProductInvoer(wmo_product, 4)],
        ingangsdatum=date(2026, 5, 11),
        duur="anders",
        einddatum=EINDE,
        motivering="Recht op begeleiding.",
        dagtekening=date(2026, 5, 6),
        open_beschikking=True,
        acting_user=backoffice,
    )
    with pytest.raises(ValidationError, match="is \\(nog\\) niets toegewezen"):
        vervolg.start_herindicatie(beschikking, acting_user=consulent, op=START)
    assert vervolg.te_signaleren(date(2030, 6, 3)) == []


@pytest.mark.parametrize(
    ("ingangsdatum", "fout"),
    [
        (date(2030, 7, 27), "zit een gat: laat de nieuwe ingaan op 26-07-2030"),
        (date(2030, 7, 1), "Verandert de ondersteuning eerder, dan is het een profielwijziging"),
    ],
)
def test_herindicatie_met_gat_of_overlap_geweigerd(
    eerste,
    consulent,
    medewerker,
    backoffice,
    aanbieder,
    wmo_product,
    django_capture_on_commit_callbacks,
    ingangsdatum,
    fout,
):
    melding = vervolg.start_herindicatie(eerste, acting_user=consulent, op=START)
    plan = vervolg_tot_akkoord(
        melding, wmo_product, aanbieder, consulent, medewerker, date(2030, 7, 26)
    )
    with pytest.raises(ValidationError, match=fout):
        neem(
            plan,
            wmo_product,
            backoffice,
            django_capture_on_commit_callbacks,
            ingangsdatum=ingangsdatum,
        )
    with pytest.raises(ValidationError, match="neem geen open beschikking"):
        neem(
            plan,
            wmo_product,
            backoffice,
            django_capture_on_commit_callbacks,
            ingangsdatum=None,
            open_beschikking=True,
        )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AKKOORD
    assert not Beschikking.objects.filter(plan=plan).exists()
    assert Toewijzing.objects.filter(client=eerste.client).count() == 1


def test_profielwijziging_voor_de_vorige_ingangsdatum_geweigerd(
    eerste,
    consulent,
    medewerker,
    backoffice,
    aanbieder,
    wmo_product,
    django_capture_on_commit_callbacks,
):
    melding = vervolg.start_herindicatie(
        eerste, aanleiding="profielwijziging", acting_user=consulent, op=START
    )
    plan = vervolg_tot_akkoord(
        melding, wmo_product, aanbieder, consulent, medewerker, date(2026, 12, 1)
    )
    with pytest.raises(ValidationError, match="na de ingangsdatum van beschikking"):
        neem(
            plan,
            wmo_product,
            backoffice,
            django_capture_on_commit_callbacks,
            ingangsdatum=date(2026, 5, 11),
        )
    with pytest.raises(ValidationError, match="Vul de ingangsdatum in"):
        neem(plan, wmo_product, backoffice, django_capture_on_commit_callbacks, ingangsdatum=None)
    [oud] = Toewijzing.objects.filter(client=eerste.client)
    assert (oud.einddatum, oud.reden_wijziging) == (EINDE, "")


# The signal 8 weeks before the einddatum ---------------------------------------------------------


def herindicatietaken():
    return Taak.objects.filter(soort=TaakSoort.HERINDICATIE)


def titels(gebruiker):
    return [i.titel for i in werklijst(gebruiker, "Taken")]


def test_taken_verschijnen_op_de_werkdag_acht_weken_voor_de_einddatum(
    eerste, consulent, medewerker, aanbieder, gemeente
):
    # 8 weeks before Thursday 25 July 2030 is Hemelvaartsdag: the werkdag before it.
    assert vervolg.signaaldag(eerste) == date(2030, 5, 29)

    assert vervolg.signaleer_herindicaties(date(2030, 5, 28)) == 0
    assert not herindicatietaken().exists()
    assert "Herindicatie voorbereiden" not in titels(consulent)
    assert "Herindicatie voorbereiden" not in titels(medewerker)

    assert vervolg.signaleer_herindicaties(date(2030, 5, 29)) == 1
    gemeentetaak, aanbiedertaak = herindicatietaken().order_by("pk")
    assert (gemeentetaak.toegewezen_aan_organisatie_id, gemeentetaak.toegewezen_aan_gebruiker) == (
        gemeente.pk,
        consulent,
    )
    assert aanbiedertaak.toegewezen_aan_organisatie_id == aanbieder.pk
    assert {t.traject_id for t in (gemeentetaak, aanbiedertaak)} == {eerste.plan.melding.traject_id}
    assert {t.termijn.vervaldatum for t in (gemeentetaak, aanbiedertaak)} == {EINDE}
    for gebruiker in (consulent, medewerker):
        [item] = [
            i for i in werklijst(gebruiker, "Taken") if i.titel == "Herindicatie voorbereiden"
        ]
        assert item.vervaldatum == EINDE
    eerste.refresh_from_db()
    assert eerste.herindicatie_gesignaleerd_op == date(2030, 5, 29)

    # Idempotent: the next day (and the daily job) add nothing.
    assert vervolg.signaleer_herindicaties(date(2030, 5, 31)) == 0
    assert herindicatietaken().count() == 2


@pytest.mark.parametrize(
    ("einde", "signaal"),
    [
        (date(2030, 8, 6), date(2030, 6, 11)),  # a Tuesday: 8 weeks before is a werkdag
        (date(2030, 8, 3), date(2030, 6, 7)),  # 8 weeks before is a Saturday: the Friday
    ],
)
def test_signaaldag_is_de_werkdag_ervoor(
    consulent,
    medewerker,
    backoffice,
    aanbieder,
    wmo_client,
    wmo_product,
    django_capture_on_commit_callbacks,
    einde,
    signaal,
):
    beschikking = eerste_beschikking(
        wmo_client,
        wmo_product,
        aanbieder,
        consulent,
        medewerker,
        backoffice,
        django_capture_on_commit_callbacks,
        einde=einde,
    )
    assert vervolg.signaaldag(beschikking) == signaal
    assert vervolg.te_signaleren(signaal - timedelta(days=1)) == []
    assert vervolg.te_signaleren(signaal) == [beschikking]


def test_inhalen_tot_de_einddatum_en_niet_na_een_gestart_vervolg(eerste, consulent):
    # Catching up later, while before the einddatum.
    assert vervolg.te_signaleren(date(2030, 7, 1)) == [eerste]
    assert vervolg.te_signaleren(EINDE) == [eerste]
    assert vervolg.te_signaleren(date(2030, 7, 26)) == []
    # A follow-up already started: no signal.
    vervolg.start_herindicatie(eerste, acting_user=consulent, op=START)
    assert vervolg.te_signaleren(date(2030, 6, 3)) == []
    assert vervolg.signaleer_herindicaties(date(2030, 6, 3)) == 0
    assert not herindicatietaken().exists()


def test_beheercommando_signaleert_op_een_gekozen_dag(eerste):
    uit = StringIO()
    call_command("herindicaties_signaleren", "--datum", "2030-05-29", stdout=uit)
    assert "1 beschikking(en) gesignaleerd" in uit.getvalue()
    assert herindicatietaken().count() == 2
    with pytest.raises(CommandError, match="Ongeldige datum"):
        call_command("herindicaties_signaleren", "--datum", "29-05-2030")


def test_dagelijkse_taak_is_ingepland(settings, eerste):
    schema = settings.CELERY_BEAT_SCHEDULE["herindicaties-signaleren"]
    assert schema["task"] == tasks.signaleer_herindicaties.name
    # Today no einddatum is 8 weeks away in these fixtures: nothing is created.
    assert tasks.signaleer_herindicaties() == 0
    assert not herindicatietaken().exists()


# Screens -----------------------------------------------------------------------------------------


def test_knop_herindicatie_en_de_vervolgmelding_op_het_scherm(client, eerste, consulent):
    client.force_login(consulent)
    pagina = client.get(reverse("toegang:beschikking", args=[eerste.pk])).content.decode()
    assert "Herindicatie starten" in pagina

    antwoord = client.post(reverse("toegang:herindicatie_starten", args=[eerste.pk]))
    melding = Melding.objects.get(vorige_beschikking=eerste)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("toegang:melding", args=[melding.pk])
    pagina = client.get(antwoord["Location"]).content.decode()
    assert "Herindicatie" in pagina and eerste.nummer in pagina

    # Started once: no button any more, and a second post is refused with the reason.
    pagina = client.get(reverse("toegang:beschikking", args=[eerste.pk])).content.decode()
    assert "Herindicatie starten" not in pagina
    antwoord = client.post(reverse("toegang:herindicatie_starten", args=[eerste.pk]), follow=True)
    assert "is al een herindicatie gestart" in antwoord.content.decode()
    assert Melding.objects.filter(vorige_beschikking=eerste).count() == 1


def test_beschikkingsformulier_vult_de_ingangsdatum_voor(
    client, eerste, consulent, medewerker, backoffice, aanbieder, wmo_product
):
    melding = vervolg.start_herindicatie(eerste, acting_user=consulent, op=START)
    plan = vervolg_tot_akkoord(
        melding, wmo_product, aanbieder, consulent, medewerker, date(2030, 7, 26)
    )
    client.force_login(backoffice)
    pagina = client.get(reverse("toegang:aanvraag", args=[plan.pk])).content.decode()
    assert 'value="2030-07-26"' in pagina
    assert eerste.nummer in pagina
