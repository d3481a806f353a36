"""Herindicatie and profielwijziging: a follow-up melding on the same traject whose beschikking
continues the care without a gap, and the signal 8 weeks before the einddatum.

Dates relative to today: a 301 carries the allocations current today and a service date may
not lie in the future, so the first route lies in the past and its beschikking ends about ten
months ahead (``EINDE``, on a werkdag 8 weeks after a werkdag). The werkdag rule of the signal
(a weekend, Hemelvaartsdag) is tested on fixed dates: ``signaaldag`` does not depend on today.
"""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from istandaarden.validation import validate
from wmoketen.accounts.constants import Rol
from wmoketen.berichten.constants import Status as BerichtStatus
from wmoketen.factories import ContractregelFactory, GebruikerFactory, ProductFactory
from wmoketen.gedeeld.werklijst import werklijst
from wmoketen.organisaties import services as organisaties
from wmoketen.scenario import Stap
from wmoketen.termijnen import kalender
from wmoketen.termijnen.models import Termijn
from wmoketen.toegang import tasks, vervolg
from wmoketen.toegang.constants import Aanleiding, MeldingStatus, PlanStatus
from wmoketen.toegang.models import Beschikking, Melding
from wmoketen.toewijzingen.constants import AanbiederStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Toewijzing
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe
from wmoketen.trajecten.constants import TaakSoort
from wmoketen.trajecten.models import Taak

from .routes import (
    AANSLUITEND,
    BEGIN,
    EINDE,
    EINDE_VERVOLG,
    PROFIEL_VANAF,
    SIGNAALDAG,
    START,
    VANDAAG,
    eerste_route,
    neem,
    vervolg_tot_akkoord,
)


def dmj(datum: date) -> str:
    return f"{datum:%d-%m-%Y}"


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
    plan = vervolg_tot_akkoord(melding, wmo_product, aanbieder, consulent, medewerker, AANSLUITEND)
    nieuw = neem(
        plan, wmo_product, backoffice, django_capture_on_commit_callbacks, ingangsdatum=None
    )

    # The ingangsdatum defaulted to the day after the previous einddatum.
    assert (nieuw.ingangsdatum, nieuw.einddatum) == (AANSLUITEND, EINDE_VERVOLG)
    melding.refresh_from_db()
    assert (melding.status, nieuw.plan.status) == (MeldingStatus.BESCHIKT, PlanStatus.BESCHIKT)
    # Gemeente: the previous allocation runs to its einddatum, the new one starts the day after.
    oud, opvolger = Toewijzing.objects.filter(client=eerste.client).order_by("ingangsdatum")
    assert (oud.beschikkingnummer, oud.ingangsdatum, oud.einddatum, oud.reden_wijziging) == (
        eerste.nummer,
        BEGIN,
        EINDE,
        "",
    )
    assert (opvolger.beschikkingnummer, opvolger.ingangsdatum, opvolger.einddatum) == (
        nieuw.nummer,
        AANSLUITEND,
        EINDE_VERVOLG,
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
        (BEGIN, EINDE, ""),
        (AANSLUITEND, EINDE_VERVOLG, ""),
    ]
    assert {(t.status, t.bericht_id) for t in ontvangen} == {(AanbiederStatus.ACTUEEL, bericht.pk)}
    # The care starts on the new ingangsdatum: start_ondersteuning counts from there.
    start = Termijn.objects.get(
        regel__code="start_ondersteuning", content_type__model="beschikking", object_id=nieuw.pk
    )
    assert start.startdatum == AANSLUITEND


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
        melding, wmo_product, aanbieder, consulent, medewerker, PROFIEL_VANAF
    )
    nieuw = neem(
        plan,
        wmo_product,
        backoffice,
        django_capture_on_commit_callbacks,
        ingangsdatum=PROFIEL_VANAF,
        duur="5j",
    )

    einde_nieuw = kalender.plus_maanden(PROFIEL_VANAF, 60) - timedelta(days=1)
    dag_ervoor = PROFIEL_VANAF - timedelta(days=1)
    assert (nieuw.ingangsdatum, nieuw.einddatum) == (PROFIEL_VANAF, einde_nieuw)
    oud, opvolger = Toewijzing.objects.filter(client=eerste.client).order_by("ingangsdatum")
    # Ended the day before, RedenWijziging 05 (herbeoordeling: verkorting).
    assert (oud.einddatum, oud.reden_wijziging) == (dag_ervoor, "05")
    assert (opvolger.ingangsdatum, opvolger.einddatum) == (PROFIEL_VANAF, einde_nieuw)
    assert oud.bericht_id == opvolger.bericht_id
    bericht = opvolger.bericht
    bericht.refresh_from_db()
    assert validate(bericht.bytes) == []
    assert (bericht.status, bericht.retourcodes) == (BerichtStatus.RETOUR_VERZONDEN, [])
    assert periodes(AanbiederToewijzing.objects.filter(aanbieder=aanbieder)) == [
        (BEGIN, dag_ervoor, "05"),
        (PROFIEL_VANAF, einde_nieuw, ""),
    ]


def test_profielwijziging_verwijdert_een_latere_toewijzing(
    eerste,
    consulent,
    medewerker,
    backoffice,
    aanbieder,
    wmo_product,
    contract,
    django_capture_on_commit_callbacks,
):
    """An old allocation that only starts on or after the new ingangsdatum cannot end the day
    before: it is removed (einddatum = ingangsdatum, RedenWijziging 13, OP033x1)."""
    later = ProductFactory(productcategorie="02", productcode="02A05", naam="Groep")
    ContractregelFactory(contract=contract, product=later, eenheid="04", frequentie="2")
    with django_capture_on_commit_callbacks(execute=True):
        [latere] = wijs_toe(
            gemeente=eerste.gemeente,
            aanbieder=aanbieder,
            client=eerste.client,
            wet="wmo",
            producten=[TeWijzenProduct(later, PROFIEL_VANAF + timedelta(days=7), EINDE, 2, "", "")],
            beschikkingnummer=eerste.nummer,
            acting_user=backoffice,
        )
    melding = vervolg.start_herindicatie(
        eerste, aanleiding="profielwijziging", acting_user=consulent, op=START
    )
    plan = vervolg_tot_akkoord(
        melding, wmo_product, aanbieder, consulent, medewerker, PROFIEL_VANAF
    )
    neem(
        plan,
        wmo_product,
        backoffice,
        django_capture_on_commit_callbacks,
        ingangsdatum=PROFIEL_VANAF,
    )

    latere.refresh_from_db()
    assert (latere.einddatum, latere.reden_wijziging, latere.status) == (
        latere.ingangsdatum,
        "13",
        "verwijderd",
    )


# Bad input: a Dutch message, nothing changed ---------------------------------------------------


def test_herindicatie_na_de_einddatum_geweigerd(eerste, consulent):
    # A beschikking that ended two months ago (moved back: a 301 is only sent for allocations
    # that are current today).
    geeindigd = VANDAAG - timedelta(days=60)
    Beschikking.objects.filter(pk=eerste.pk).update(einddatum=geeindigd)
    Toewijzing.objects.filter(client=eerste.client).update(einddatum=geeindigd)
    beschikking = Beschikking.objects.get(pk=eerste.pk)
    aantal = Melding.objects.count()
    dag_erna = geeindigd + timedelta(days=1)
    with pytest.raises(ValidationError, match=f"is geëindigd op {dmj(geeindigd)}"):
        vervolg.start_herindicatie(beschikking, acting_user=consulent, op=dag_erna)
    assert Melding.objects.count() == aantal
    assert not vervolg.mag_vervolg_starten(beschikking, consulent, op=dag_erna)
    # On the einddatum itself it may still start.
    assert vervolg.mag_vervolg_starten(beschikking, consulent, op=geeindigd)


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
        vervolg.start_herindicatie(eerste, acting_user=consulent, op=VANDAAG + timedelta(days=1))
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
    beschikking = (
        eerste_route(
            wmo_client,
            wmo_product,
            aanbieder,
            consulent,
            medewerker,
            backoffice,
            motivering="Recht op begeleiding.",
            open_beschikking=True,
        )
        .tot(Stap.BESCHIKKING)
        .beschikking
    )
    with pytest.raises(ValidationError, match="is \\(nog\\) niets toegewezen"):
        vervolg.start_herindicatie(beschikking, acting_user=consulent, op=START)
    assert vervolg.te_signaleren(SIGNAALDAG) == []


@pytest.mark.parametrize(
    ("ingangsdatum", "fout"),
    [
        (EINDE + timedelta(days=2), f"zit een gat: laat de nieuwe ingaan op {dmj(AANSLUITEND)}"),
        (EINDE - timedelta(days=24), "Verandert de ondersteuning eerder, dan is het een profiel"),
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
    plan = vervolg_tot_akkoord(melding, wmo_product, aanbieder, consulent, medewerker, AANSLUITEND)
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
        melding, wmo_product, aanbieder, consulent, medewerker, PROFIEL_VANAF
    )
    with pytest.raises(ValidationError, match="na de ingangsdatum van beschikking"):
        neem(
            plan,
            wmo_product,
            backoffice,
            django_capture_on_commit_callbacks,
            ingangsdatum=BEGIN,
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
    assert vervolg.signaaldag(eerste) == SIGNAALDAG

    assert vervolg.signaleer_herindicaties(SIGNAALDAG - timedelta(days=1)) == 0
    assert not herindicatietaken().exists()
    assert "Herindicatie voorbereiden" not in titels(consulent)
    assert "Herindicatie voorbereiden" not in titels(medewerker)

    assert vervolg.signaleer_herindicaties(SIGNAALDAG) == 1
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
    assert eerste.herindicatie_gesignaleerd_op == SIGNAALDAG

    # Idempotent: a later day (and the daily job) add nothing.
    assert vervolg.signaleer_herindicaties(SIGNAALDAG + timedelta(days=2)) == 0
    assert herindicatietaken().count() == 2


@pytest.mark.parametrize(
    ("einde", "signaal"),
    [
        (date(2030, 8, 6), date(2030, 6, 11)),  # a Tuesday: 8 weeks before is a werkdag
        (date(2030, 8, 3), date(2030, 6, 7)),  # 8 weeks before is a Saturday: the Friday
        (date(2030, 7, 25), date(2030, 5, 29)),  # 8 weeks before is Hemelvaartsdag
    ],
)
def test_signaaldag_is_de_werkdag_ervoor(eerste, einde, signaal):
    # Fixed dates: the einddatum is moved afterwards (with its allocation, which must run to
    # it), as the 301 of the route only carries allocations current today.
    Beschikking.objects.filter(pk=eerste.pk).update(einddatum=einde)
    Toewijzing.objects.filter(client=eerste.client).update(einddatum=einde)
    beschikking = Beschikking.objects.get(pk=eerste.pk)
    assert vervolg.signaaldag(beschikking) == signaal
    assert vervolg.te_signaleren(signaal - timedelta(days=1)) == []
    assert vervolg.te_signaleren(signaal) == [beschikking]


def test_inhalen_tot_de_einddatum_en_niet_na_een_gestart_vervolg(eerste, consulent):
    # Catching up later, while before the einddatum.
    assert vervolg.te_signaleren(SIGNAALDAG + timedelta(days=32)) == [eerste]
    assert vervolg.te_signaleren(EINDE) == [eerste]
    assert vervolg.te_signaleren(AANSLUITEND) == []
    # A follow-up already started: no signal.
    vervolg.start_herindicatie(eerste, acting_user=consulent, op=START)
    assert vervolg.te_signaleren(SIGNAALDAG + timedelta(days=5)) == []
    assert vervolg.signaleer_herindicaties(SIGNAALDAG + timedelta(days=5)) == 0
    assert not herindicatietaken().exists()


def test_beheercommando_signaleert_op_een_gekozen_dag(eerste):
    uit = StringIO()
    call_command("herindicaties_signaleren", "--datum", SIGNAALDAG.isoformat(), stdout=uit)
    assert "1 beschikking(en) gesignaleerd" in uit.getvalue()
    assert herindicatietaken().count() == 2
    with pytest.raises(CommandError, match="Ongeldige datum"):
        call_command("herindicaties_signaleren", "--datum", dmj(SIGNAALDAG))


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
    plan = vervolg_tot_akkoord(melding, wmo_product, aanbieder, consulent, medewerker, AANSLUITEND)
    client.force_login(backoffice)
    pagina = client.get(reverse("toegang:aanvraag", args=[plan.pk])).content.decode()
    assert f'value="{AANSLUITEND.isoformat()}"' in pagina
    assert eerste.nummer in pagina


def test_trajectpagina_toont_de_meldingen_voor_de_gemeente(client, eerste, consulent, medewerker):
    melding = vervolg.start_herindicatie(eerste, acting_user=consulent, op=START)
    traject = reverse("trajecten:detail", args=[melding.traject_id])

    client.force_login(consulent)
    pagina = client.get(traject).content.decode()
    assert reverse("toegang:melding", args=[melding.pk]) in pagina
    assert f"na beschikking {eerste.nummer}" in pagina

    client.force_login(medewerker)  # the aanbieder takes part, but meldingen are the gemeente's
    antwoord = client.get(traject)
    assert antwoord.status_code == 200
    pagina = antwoord.content.decode()
    assert reverse("toegang:melding", args=[melding.pk]) not in pagina
