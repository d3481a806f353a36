"""Evaluations: planned when a beschikking is taken (``stromen.beschikking``), held in the
triangle client – aanbieder – consulent, each action one transaction with an audit row (never
the free text)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.audit import services as audit
from wmoketen.meldingen.services import meld
from wmoketen.termijnen import kalender
from wmoketen.toegang import vervolg
from wmoketen.trajecten import services as trajecten
from wmoketen.trajecten.constants import Prioriteit, TaakSoort

from . import planning
from .constants import Aanwezige, Soort, Status, Uitkomst, Vervolgstap
from .models import Evaluatie, Resultaat

# Working days the consulent gets for a next step the aanbieder proposed.
VERVOLG_WERKDAGEN = 10


@dataclass(frozen=True)
class ResultaatInvoer:
    """The outcome of one resultaatgebied of the plan."""

    resultaatgebied: object
    uitkomst: str
    toelichting: str = ""


# Planning -----------------------------------------------------------------------------------


def _traject(beschikking):
    return beschikking.plan.melding.traject


@transaction.atomic
def plan_evaluaties(beschikking, *, acting_user) -> list[Evaluatie]:
    """Plan the evaluations of ``beschikking`` on its traject (see ``planning``).

    Planned evaluations of an earlier beschikking on the same traject that fall on or after
    this one's ingangsdatum lapse: the new beschikking brings its own schedule. Calling it
    twice plans nothing new."""
    traject = _traject(beschikking)
    vervallen = (
        Evaluatie.objects.filter(
            traject=traject, status=Status.GEPLAND, gepland_op__gte=beschikking.ingangsdatum
        )
        .exclude(beschikking=beschikking)
        .update(status=Status.VERVALLEN)
    )
    nieuw = []
    for moment in planning.momenten(
        beschikking.ingangsdatum, beschikking.einddatum, beschikking.gemeente
    ):
        evaluatie, aangemaakt = Evaluatie.objects.get_or_create(
            beschikking=beschikking,
            soort=moment.soort,
            gepland_op=moment.datum,
            defaults={
                "traject": traject,
                "gemeente_id": beschikking.gemeente_id,
                "aanbieder_id": beschikking.aanbieder_id,
            },
        )
        if aangemaakt:
            nieuw.append(evaluatie)
    if nieuw or vervallen:
        audit.log(
            acting_user,
            "evaluaties.gepland",
            beschikking,
            client_id=beschikking.client_id,
            omschrijving=", ".join(
                f"{e.get_soort_display()} {e.gepland_op:%d-%m-%Y}" for e in nieuw
            )
            + (f"; {vervallen} eerdere vervallen" if vervallen else ""),
        )
    return nieuw


@transaction.atomic
def laat_vervallen(beschikking, *, vanaf: date, acting_user) -> int:
    """The planned evaluations of ``beschikking`` on or after ``vanaf`` lapse (e.g. the care
    ends early); returns how many."""
    aantal = Evaluatie.objects.filter(
        beschikking=beschikking, status=Status.GEPLAND, gepland_op__gte=vanaf
    ).update(status=Status.VERVALLEN)
    if aantal:
        audit.log(
            acting_user,
            "evaluaties.vervallen",
            beschikking,
            client_id=beschikking.client_id,
            omschrijving=f"{aantal} evaluatie(s) vanaf {vanaf:%d-%m-%Y}",
        )
    return aantal


@transaction.atomic
def draag_over(beschikking, *, van, naar, vanaf: date, acting_user) -> int:
    """The planned evaluations of ``beschikking`` on or after ``vanaf`` go from aanbieder
    ``van`` to ``naar`` (an aanbieder switch); returns how many."""
    aantal = Evaluatie.objects.filter(
        beschikking=beschikking, aanbieder_id=van.pk, status=Status.GEPLAND, gepland_op__gte=vanaf
    ).update(aanbieder_id=naar.pk)
    if aantal:
        audit.log(
            acting_user,
            "evaluaties.overgedragen",
            beschikking,
            client_id=beschikking.client_id,
            omschrijving=f"{aantal} evaluatie(s) vanaf {vanaf:%d-%m-%Y} van {van} naar {naar}",
        )
    return aantal


# Holding an evaluation ----------------------------------------------------------------------


def mag_uitvoeren(evaluatie: Evaluatie, gebruiker) -> bool:
    """The consulent of the gemeente or a medewerker of the aanbieder, taking part in the
    traject."""
    organisatie_id = gebruiker.organisatie_id
    if organisatie_id == evaluatie.gemeente_id:
        rol = Rol.TOEGANGSMEDEWERKER
    elif organisatie_id == evaluatie.aanbieder_id:
        rol = Rol.AANBIEDER
    else:
        return False
    return gebruiker.heeft_rol(rol) and evaluatie.traject.is_deelnemer(gebruiker.organisatie)


MAG_NIET = (
    "Alleen de consulent van de gemeente of de aanbieder die aan dit traject deelneemt, legt "
    "deze evaluatie vast."
)


def _eis_mag_uitvoeren(evaluatie: Evaluatie, gebruiker) -> None:
    if not mag_uitvoeren(evaluatie, gebruiker):
        raise PermissionDenied(MAG_NIET)


def _vergrendel(evaluatie: Evaluatie) -> Evaluatie:
    return (
        Evaluatie.objects.select_for_update(of=("self",))
        .select_related("traject", "beschikking__plan__melding")
        .get(pk=evaluatie.pk)
    )


def _check_gehouden_op(evaluatie: Evaluatie, gehouden_op) -> date:
    if not isinstance(gehouden_op, date):
        raise ValidationError("Vul de datum in waarop de evaluatie is gehouden.")
    if gehouden_op > timezone.localdate():
        raise ValidationError("De evaluatie kan niet in de toekomst gehouden zijn.")
    if gehouden_op < evaluatie.beschikking.ingangsdatum:
        raise ValidationError("De evaluatie ligt vóór de ingangsdatum van de beschikking.")
    return gehouden_op


def _check_aanwezig(aanwezig: Iterable[str]) -> set[str]:
    aanwezig = set(aanwezig)
    if not aanwezig <= set(Aanwezige.values):
        raise ValidationError("Kies de aanwezigen uit cliënt, aanbieder en consulent.")
    if Aanwezige.CLIENT not in aanwezig or len(aanwezig) < 2:
        raise ValidationError(
            "Een evaluatie is een gesprek in de driehoek: de cliënt en de aanbieder of de "
            "consulent zijn erbij."
        )
    return aanwezig


def _check_resultaten(evaluatie: Evaluatie, resultaten) -> list[ResultaatInvoer]:
    """One outcome for every resultaatgebied of the plan (none at the driemaandscheck, which
    answers its two questions instead)."""
    resultaten = list(resultaten)
    if evaluatie.soort == Soort.DRIEMAANDSCHECK:
        if resultaten:
            raise ValidationError(
                "Bij de driemaandscheck legt u geen resultaten per resultaatgebied vast."
            )
        return resultaten
    gebieden = {g.pk: g for g in evaluatie.beschikking.plan.resultaatgebieden.all()}
    gekozen = [r.resultaatgebied.pk for r in resultaten]
    if any(pk not in gebieden for pk in gekozen) or len(set(gekozen)) != len(gekozen):
        raise ValidationError("Een resultaat hoort bij een resultaatgebied van het plan.")
    for invoer in resultaten:
        if invoer.uitkomst not in Uitkomst.values:
            raise ValidationError(
                f"Kies voor '{invoer.resultaatgebied.get_domein_display()}': behaald, deels "
                "behaald of niet behaald."
            )
    if set(gekozen) != set(gebieden):
        raise ValidationError("Geef voor elk resultaatgebied van het plan de uitkomst.")
    return resultaten


def _check_driemaandscheck(evaluatie, ondersteuning_gestart, volgens_afspraak) -> None:
    if evaluatie.soort == Soort.DRIEMAANDSCHECK and (
        ondersteuning_gestart is None or volgens_afspraak is None
    ):
        raise ValidationError(
            "Beantwoord bij de driemaandscheck of de ondersteuning is gestart en of de aanbieder "
            "levert volgens de beschikte afspraken."
        )


@transaction.atomic
def voer_uit(
    evaluatie: Evaluatie,
    *,
    gehouden_op: date,
    aanwezig: Iterable[str],
    vervolgstap: str,
    acting_user,
    resultaten: Iterable[ResultaatInvoer] = (),
    toelichting: str = "",
    ondersteuning_gestart: bool | None = None,
    volgens_afspraak: bool | None = None,
) -> Evaluatie:
    """Record a held evaluation: who was there, the outcome per resultaatgebied, the next step.

    A herindicatie starts at once when the consulent chooses it; any other step than
    voortzetten proposed by the aanbieder becomes a task for the consulent (004: the wijkteam
    reviews the evaluation)."""
    evaluatie = _vergrendel(evaluatie)
    _eis_mag_uitvoeren(evaluatie, acting_user)
    if evaluatie.status != Status.GEPLAND:
        raise ValidationError(
            f"Deze evaluatie is {evaluatie.get_status_display().lower()}: u legt haar niet "
            "opnieuw vast."
        )
    gehouden_op = _check_gehouden_op(evaluatie, gehouden_op)
    aanwezig = _check_aanwezig(aanwezig)
    resultaten = _check_resultaten(evaluatie, resultaten)
    _check_driemaandscheck(evaluatie, ondersteuning_gestart, volgens_afspraak)
    if vervolgstap not in Vervolgstap.values:
        raise ValidationError("Kies de vervolgstap.")
    toelichting = (toelichting or "").strip()
    if vervolgstap != Vervolgstap.VOORTZETTEN and not toelichting:
        raise ValidationError("Licht de vervolgstap toe.")
    evaluatie.status = Status.UITGEVOERD
    evaluatie.gehouden_op = gehouden_op
    evaluatie.client_aanwezig = Aanwezige.CLIENT in aanwezig
    evaluatie.aanbieder_aanwezig = Aanwezige.AANBIEDER in aanwezig
    evaluatie.consulent_aanwezig = Aanwezige.CONSULENT in aanwezig
    evaluatie.ondersteuning_gestart = ondersteuning_gestart
    evaluatie.volgens_afspraak = volgens_afspraak
    evaluatie.vervolgstap = vervolgstap
    evaluatie.toelichting = toelichting
    evaluatie.uitgevoerd_door = acting_user
    evaluatie.full_clean()
    evaluatie.save()
    Resultaat.objects.bulk_create(
        Resultaat(
            evaluatie=evaluatie,
            resultaatgebied=r.resultaatgebied,
            uitkomst=r.uitkomst,
            toelichting=(r.toelichting or "").strip(),
        )
        for r in resultaten
    )
    _vervolg(evaluatie, acting_user)
    audit.log(
        acting_user,
        "evaluatie.uitgevoerd",
        evaluatie,
        client_id=evaluatie.traject.client_id,
        omschrijving=f"{evaluatie}: vervolgstap {evaluatie.get_vervolgstap_display()}",
        wijzigingen=_audit_wijzigingen(evaluatie, resultaten),
    )
    _meld_andere_kant(evaluatie, acting_user)
    return evaluatie


def _audit_wijzigingen(evaluatie: Evaluatie, resultaten) -> dict:
    """What was recorded, the free text masked (its presence shows, never its content)."""
    nieuw = {
        "status": evaluatie.status,
        "gehouden_op": evaluatie.gehouden_op.isoformat(),
        "aanwezig": ", ".join(evaluatie.aanwezigen),
        "vervolgstap": evaluatie.vervolgstap,
        "toelichting": evaluatie.toelichting,
        **{f"resultaat {r.resultaatgebied.pk}": r.uitkomst for r in resultaten},
        **{f"toelichting {r.resultaatgebied.pk}": r.toelichting for r in resultaten},
    }
    gevoelig = frozenset(k for k in nieuw if k.startswith("toelichting"))
    return audit.wijzigingen({}, {k: v for k, v in nieuw.items() if v}, gevoelig)


def _consulent(evaluatie: Evaluatie):
    return evaluatie.beschikking.plan.melding.consulent


def _vervolg(evaluatie: Evaluatie, acting_user) -> None:
    """Start what the next step asks for; failures undo the whole evaluation."""
    stap = evaluatie.vervolgstap
    if stap == Vervolgstap.VOORTZETTEN:
        return
    if stap == Vervolgstap.HERINDICATIE and acting_user.organisatie_id == evaluatie.gemeente_id:
        evaluatie.vervolg_melding = vervolg.start_herindicatie(
            evaluatie.beschikking, acting_user=acting_user
        )
    elif acting_user.organisatie_id == evaluatie.aanbieder_id:
        evaluatie.vervolg_taak = trajecten.maak_taak(
            evaluatie.traject,
            naam=f"Vervolgstap na {evaluatie.get_soort_display().lower()}: "
            f"{evaluatie.get_vervolgstap_display().lower()}",
            soort=TaakSoort.EVALUATIE,
            toegewezen_aan_organisatie=evaluatie.gemeente.organisatie_ptr,
            toegewezen_aan_gebruiker=_consulent(evaluatie),
            vervaldatum=kalender.plus_werkdagen(
                timezone.localdate(), VERVOLG_WERKDAGEN, evaluatie.gemeente
            ),
            prioriteit=Prioriteit.HOOG if stap == Vervolgstap.HERINDICATIE else Prioriteit.MIDDEN,
            omschrijving="De aanbieder stelt deze vervolgstap voor in de evaluatie; bekijk de "
            "evaluatie en organiseer zo nodig een driegesprek.",
            acting_user=acting_user,
        )
    evaluatie.save(update_fields=["vervolg_melding", "vervolg_taak"])


def _meld_andere_kant(evaluatie: Evaluatie, acting_user) -> None:
    url = reverse("evaluaties:detail", args=[evaluatie.pk])
    titel = f"Evaluatie vastgelegd (traject {evaluatie.traject.nummer})"
    if acting_user.organisatie_id == evaluatie.aanbieder_id:
        consulent = _consulent(evaluatie)
        ontvangers = (
            [consulent] if consulent else _medewerkers(evaluatie.gemeente, Rol.TOEGANGSMEDEWERKER)
        )
    else:
        ontvangers = _medewerkers(evaluatie.aanbieder, Rol.AANBIEDER)
    meld(ontvangers, titel=titel, url=url)


def _medewerkers(organisatie, rol):
    return organisatie.gebruikers.filter(is_active=True, groups__name=rol).distinct()
