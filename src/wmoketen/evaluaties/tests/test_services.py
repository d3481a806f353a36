"""Planning on the beschikking, holding an evaluation, and each bad input: a Dutch message,
nothing changed."""

import types
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.evaluaties import services
from wmoketen.evaluaties.constants import Soort, Status
from wmoketen.evaluaties.models import Evaluatie, Resultaat
from wmoketen.evaluaties.services import ResultaatInvoer
from wmoketen.factories import GebruikerFactory, GemeenteFactory
from wmoketen.meldingen.models import Notificatie
from wmoketen.testhulp import geweigerd
from wmoketen.toegang import vervolg
from wmoketen.trajecten.models import Taak

from .conftest import CHECK, EIND, TUSSENTIJDS

GEHEIM = "Geheime gezondheidstekst"


def invoer(evaluatie, *, uitkomst="deels", **kwargs):
    gebieden = evaluatie.beschikking.plan.resultaatgebieden.all()
    return {
        "gehouden_op": date(2026, 10, 28),
        "aanwezig": ["client", "aanbieder", "consulent"],
        "vervolgstap": "voortzetten",
        "resultaten": [ResultaatInvoer(g, uitkomst, GEHEIM) for g in gebieden],
        **kwargs,
    }


def weiger(uitzondering, tekst, evaluatie):
    """Refused with exactly ``tekst``; no evaluation, outcome, task, audit row or
    notification added or removed, and the evaluation unchanged."""
    return geweigerd(
        uitzondering,
        tekst,
        evaluatie,
        modellen=(Evaluatie, Resultaat, Taak, AuditRegel, Notificatie),
    )


# Planning -----------------------------------------------------------------------------------


def test_beschikking_plant_de_evaluaties_op_het_traject(beschikking, aanbieder):
    traject = beschikking.plan.melding.traject
    rijen = Evaluatie.objects.filter(beschikking=beschikking)
    assert [(e.soort, e.gepland_op, e.status) for e in rijen] == [
        (Soort.DRIEMAANDSCHECK, CHECK, Status.GEPLAND),
        (Soort.TUSSENTIJDS, TUSSENTIJDS, Status.GEPLAND),
        (Soort.EIND, EIND, Status.GEPLAND),
    ]
    assert {(e.traject_id, e.aanbieder_id, e.gemeente_id) for e in rijen} == {
        (traject.pk, aanbieder.pk, beschikking.gemeente_id)
    }
    regel = AuditRegel.objects.get(actie="evaluaties.gepland")
    assert regel.object_id == str(beschikking.pk)
    assert "Eindevaluatie 05-03-2027" in regel.omschrijving


def test_opnieuw_plannen_maakt_niets_dubbel(beschikking, backoffice):
    assert services.plan_evaluaties(beschikking, acting_user=backoffice) == []
    assert Evaluatie.objects.filter(beschikking=beschikking).count() == 3


def test_laat_vervallen_vanaf_een_datum(beschikking, backoffice):
    assert services.laat_vervallen(beschikking, vanaf=date(2026, 9, 1), acting_user=backoffice) == 2
    statussen = Evaluatie.objects.filter(beschikking=beschikking).values_list("status", flat=True)
    assert list(statussen) == [Status.GEPLAND, Status.VERVALLEN, Status.VERVALLEN]


# Holding it ---------------------------------------------------------------------------------


def test_aanbieder_legt_evaluatie_vast_met_resultaten(evaluatie, medewerker, consulent, op):
    op(date(2026, 10, 30))
    services.voer_uit(evaluatie, acting_user=medewerker, **invoer(evaluatie))
    evaluatie.refresh_from_db()
    assert evaluatie.status == Status.UITGEVOERD
    assert evaluatie.aanwezigen == ["cliënt", "aanbieder", "consulent"]
    assert [(r.uitkomst, r.toelichting) for r in evaluatie.resultaten.all()] == [("deels", GEHEIM)]
    assert evaluatie.vervolg_taak is None
    # The consulent hears of it; the health text never reaches the audit trail.
    assert Notificatie.objects.filter(ontvanger=consulent, titel__contains="Evaluatie").exists()
    regel = AuditRegel.objects.get(actie="evaluatie.uitgevoerd")
    assert GEHEIM not in str(regel.wijzigingen) + regel.omschrijving
    assert "toelichting" not in regel.wijzigingen  # none given: voortzetten
    gebied = evaluatie.beschikking.plan.resultaatgebieden.get()
    assert regel.wijzigingen[f"toelichting {gebied.pk}"] == [None, "«verborgen»"]
    assert regel.wijzigingen[f"resultaat {gebied.pk}"] == [None, "deels"]


def test_vervolgstap_van_de_aanbieder_wordt_taak_voor_de_consulent(
    evaluatie, medewerker, consulent, op
):
    op(date(2026, 10, 30))
    services.voer_uit(
        evaluatie,
        acting_user=medewerker,
        **invoer(evaluatie, vervolgstap="herindicatie", toelichting=GEHEIM),
    )
    evaluatie.refresh_from_db()
    taak = evaluatie.vervolg_taak
    assert taak.toegewezen_aan_gebruiker == consulent
    assert taak.traject_id == evaluatie.traject_id
    assert taak.prioriteit == "hoog"
    assert taak.termijn.vervaldatum == date(2026, 11, 13)  # 10 werkdagen
    regel = AuditRegel.objects.get(actie="evaluatie.uitgevoerd")
    assert regel.wijzigingen["toelichting"] == [None, "«verborgen»"]
    assert GEHEIM not in str(list(AuditRegel.objects.values_list("omschrijving", "wijzigingen")))


def test_herindicatie_door_de_consulent_start_de_herindicatie(
    evaluatie, consulent, op, monkeypatch
):
    op(date(2026, 10, 30))
    aanroepen = []

    def start_herindicatie(beschikking, *, aanleiding="herindicatie", acting_user, op=None):
        aanroepen.append((beschikking, aanleiding, acting_user))
        return beschikking.plan.melding

    monkeypatch.setattr(vervolg, "start_herindicatie", start_herindicatie)
    services.voer_uit(
        evaluatie,
        acting_user=consulent,
        **invoer(evaluatie, vervolgstap="herindicatie", toelichting="Meer nodig."),
    )
    evaluatie.refresh_from_db()
    assert aanroepen == [(evaluatie.beschikking, "herindicatie", consulent)]
    assert evaluatie.vervolg_melding == evaluatie.beschikking.plan.melding
    assert evaluatie.vervolg_taak is None


def test_driemaandscheck_vraagt_start_en_levering(check, consulent, op):
    op(date(2026, 7, 31))
    services.voer_uit(
        check,
        acting_user=consulent,
        gehouden_op=date(2026, 7, 31),
        aanwezig=["client", "consulent"],
        vervolgstap="voortzetten",
        ondersteuning_gestart=True,
        volgens_afspraak=False,
    )
    check.refresh_from_db()
    assert (check.ondersteuning_gestart, check.volgens_afspraak) == (True, False)
    assert not check.resultaten.exists()


# Bad input ----------------------------------------------------------------------------------


def test_aanbieder_buiten_het_traject(evaluatie, buitenstaander, op):
    op(date(2026, 10, 30))
    tekst = (
        "Alleen de consulent van de gemeente of de aanbieder die aan dit traject deelneemt, "
        "legt deze evaluatie vast."
    )
    with weiger(PermissionDenied, tekst, evaluatie):
        services.voer_uit(evaluatie, acting_user=buitenstaander, **invoer(evaluatie))


def test_consulent_van_een_andere_gemeente(evaluatie, op):
    op(date(2026, 10, 30))
    ander = GebruikerFactory(
        organisatie=GemeenteFactory(naam="Roermond", gemeentecode="0957"),
        rol=Rol.TOEGANGSMEDEWERKER,
    )
    with weiger(PermissionDenied, services.MAG_NIET, evaluatie):
        services.voer_uit(evaluatie, acting_user=ander, **invoer(evaluatie))


def test_backoffice_van_de_gemeente_evalueert_niet(evaluatie, backoffice, op):
    op(date(2026, 10, 30))
    with weiger(PermissionDenied, services.MAG_NIET, evaluatie):
        services.voer_uit(evaluatie, acting_user=backoffice, **invoer(evaluatie))


@pytest.mark.parametrize(
    "wijziging, tekst",
    [
        (
            {"gehouden_op": date(2026, 10, 31)},
            "De evaluatie kan niet in de toekomst gehouden zijn.",
        ),
        (
            {"gehouden_op": date(2026, 4, 30)},
            "De evaluatie ligt vóór de ingangsdatum van de beschikking.",
        ),
        ({"gehouden_op": None}, "Vul de datum in waarop de evaluatie is gehouden."),
        (
            {"aanwezig": ["aanbieder", "consulent"]},
            "Een evaluatie is een gesprek in de driehoek: de cliënt en de aanbieder of de "
            "consulent zijn erbij.",
        ),
        ({"resultaten": []}, "Geef voor elk resultaatgebied van het plan de uitkomst."),
        (
            {"uitkomst": "half"},
            "Kies voor 'Tijdsbesteding': behaald, deels behaald of niet behaald.",
        ),
        ({"vervolgstap": "weet niet"}, "Kies de vervolgstap."),
        ({"vervolgstap": "afschalen"}, "Licht de vervolgstap toe."),
    ],
)
def test_onvolledige_evaluatie(evaluatie, medewerker, op, wijziging, tekst):
    op(date(2026, 10, 30))
    with weiger(ValidationError, tekst, evaluatie):
        services.voer_uit(evaluatie, acting_user=medewerker, **invoer(evaluatie, **wijziging))


def test_resultaatgebied_van_een_ander_plan(evaluatie, medewerker, op):
    op(date(2026, 10, 30))
    vreemd = types.SimpleNamespace(pk=-1, get_domein_display=lambda: "x")
    with weiger(
        ValidationError, "Een resultaat hoort bij een resultaatgebied van het plan.", evaluatie
    ):
        services.voer_uit(
            evaluatie,
            acting_user=medewerker,
            **invoer(evaluatie, resultaten=[ResultaatInvoer(vreemd, "behaald")]),
        )


def test_al_uitgevoerd(evaluatie, medewerker, consulent, op):
    op(date(2026, 10, 30))
    services.voer_uit(evaluatie, acting_user=medewerker, **invoer(evaluatie))
    tekst = "Deze evaluatie is uitgevoerd: u legt haar niet opnieuw vast."
    with weiger(ValidationError, tekst, evaluatie):
        services.voer_uit(evaluatie, acting_user=consulent, **invoer(evaluatie))


def test_driemaandscheck_zonder_antwoorden(check, consulent, op):
    op(date(2026, 7, 31))
    tekst = (
        "Beantwoord bij de driemaandscheck of de ondersteuning is gestart en of de aanbieder "
        "levert volgens de beschikte afspraken."
    )
    with weiger(ValidationError, tekst, check):
        services.voer_uit(
            check,
            acting_user=consulent,
            gehouden_op=date(2026, 7, 31),
            aanwezig=["client", "consulent"],
            vervolgstap="voortzetten",
            ondersteuning_gestart=True,
        )


def test_driemaandscheck_zonder_resultaten(check, consulent, op):
    op(date(2026, 7, 31))
    gebied = check.beschikking.plan.resultaatgebieden.first()
    tekst = "Bij de driemaandscheck legt u geen resultaten per resultaatgebied vast."
    with weiger(ValidationError, tekst, check):
        services.voer_uit(
            check,
            acting_user=consulent,
            gehouden_op=date(2026, 7, 31),
            aanwezig=["client", "consulent"],
            vervolgstap="voortzetten",
            ondersteuning_gestart=True,
            volgens_afspraak=True,
            resultaten=[ResultaatInvoer(gebied, "behaald")],
        )


def test_mislukte_herindicatie_maakt_alles_ongedaan(evaluatie, consulent, op, monkeypatch):
    op(date(2026, 10, 30))

    def weigert(beschikking, **kwargs):
        raise ValidationError("De beschikking is al afgelopen.")

    monkeypatch.setattr(vervolg, "start_herindicatie", weigert)
    with weiger(ValidationError, "De beschikking is al afgelopen.", evaluatie):
        services.voer_uit(
            evaluatie,
            acting_user=consulent,
            **invoer(evaluatie, vervolgstap="herindicatie", toelichting="x"),
        )


def test_herindicatie_met_de_echte_vervolgstap(evaluatie, consulent, op):
    """Not stood in for: the evaluation's herindicatie opens a new melding on the traject."""
    op(date(2026, 10, 30))
    services.voer_uit(
        evaluatie,
        acting_user=consulent,
        **invoer(evaluatie, vervolgstap="herindicatie", toelichting="Meer nodig."),
    )
    evaluatie.refresh_from_db()
    nieuw = evaluatie.vervolg_melding
    assert nieuw is not None and nieuw != evaluatie.beschikking.plan.melding
    assert nieuw.traject_id == evaluatie.traject_id
