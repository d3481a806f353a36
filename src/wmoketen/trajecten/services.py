"""Actions on samenwerkingstrajecten and their tasks: each atomic, checked, logged, notified."""

import uuid
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_organisatie, eis_rol
from wmoketen.audit import services as audit
from wmoketen.meldingen.services import meld
from wmoketen.termijnen import services as termijnen

from .constants import UITVOERENDE_ROLLEN, Deelnemersrol, TaakStatus, TrajectStatus
from .models import Deelname, Taak, TaakGebeurtenis, Traject

# Status changes a task may make; closed tasks stay closed.
OVERGANGEN = {
    TaakStatus.OPEN: {TaakStatus.IN_BEHANDELING, TaakStatus.AFGEROND, TaakStatus.GEANNULEERD},
    TaakStatus.IN_BEHANDELING: {TaakStatus.OPEN, TaakStatus.AFGEROND, TaakStatus.GEANNULEERD},
}


def _eis_deelnemer(traject: Traject, gebruiker) -> None:
    if not traject.is_deelnemer(gebruiker.organisatie):
        raise PermissionDenied("Uw organisatie neemt geen deel aan dit traject.")


def _gebruikers(organisatie, rollen=UITVOERENDE_ROLLEN):
    return organisatie.gebruikers.filter(is_active=True, groups__name__in=list(rollen)).distinct()


@transaction.atomic
def start_traject(
    *,
    client,
    onderwerp: str,
    wet: str,
    startdatum: date,
    acting_user,
    doelen: str = "",
    acties: str = "",
) -> Traject:
    """The gemeente opens a traject for one of its own clients; it is its first participant."""
    eis_rol(acting_user, Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE)
    gemeente = acting_user.organisatie
    if not gemeente.is_gemeente or client.organisatie_id != gemeente.pk:
        raise ValidationError("Een traject start de gemeente voor een eigen cliënt.")
    traject = Traject(
        gemeente_id=gemeente.pk,
        client=client,
        nummer=uuid.uuid4().hex[:20],
        wet=wet,
        onderwerp=onderwerp,
        startdatum=startdatum,
        doelen=doelen,
        acties=acties,
    )
    traject.full_clean()
    traject.save()
    traject.nummer = f"T{startdatum.year}-{traject.pk:06d}"
    traject.save(update_fields=["nummer"])
    Deelname.objects.create(traject=traject, organisatie_id=gemeente.pk, rol=Deelnemersrol.GEMEENTE)
    audit.log(
        acting_user, "traject.gestart", traject, client_id=client.pk, omschrijving=traject.nummer
    )
    return traject


@transaction.atomic
def voeg_aanbieder_toe(traject: Traject, *, aanbieder, acting_user) -> Deelname:
    """An aanbieder joins, e.g. when it gets the order for plan part 2 or an allocation."""
    eis_rol(acting_user, Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE)
    eis_organisatie(
        acting_user, traject.gemeente_id, "Alleen de gemeente van het traject voegt deelnemers toe."
    )
    if not aanbieder.is_aanbieder:
        raise ValidationError("Alleen een aanbieder kan als deelnemer worden toegevoegd.")
    if traject.is_deelnemer(aanbieder):
        raise ValidationError(f"{aanbieder} neemt al deel aan dit traject.")
    deelname = Deelname.objects.create(
        traject=traject, organisatie_id=aanbieder.pk, rol=Deelnemersrol.AANBIEDER
    )
    audit.log(
        acting_user,
        "traject.deelnemer_toegevoegd",
        traject,
        client_id=traject.client_id,
        omschrijving=str(aanbieder),
    )
    meld(
        _gebruikers(aanbieder),
        titel=f"U neemt deel aan traject {traject.nummer}",
        url=reverse("trajecten:detail", args=[traject.pk]),
    )
    return deelname


def _geschiedenis(taak: Taak, gebruiker, omschrijving: str, wijzigingen=None, toelichting=""):
    TaakGebeurtenis.objects.create(
        taak=taak,
        gebruiker=gebruiker,
        gebruikersnaam=gebruiker.get_username(),
        organisatienaam=gebruiker.organisatie.naam,
        omschrijving=omschrijving,
        wijzigingen=wijzigingen or {},
        toelichting=toelichting,
    )


@transaction.atomic
def maak_taak(
    traject: Traject,
    *,
    naam: str,
    soort: str,
    toegewezen_aan_organisatie,
    vervaldatum: date | None,
    acting_user,
    toegewezen_aan_gebruiker=None,
    prioriteit: str = "midden",
    omschrijving: str = "",
    regelcode: str = "",
    startdatum: date | None = None,
) -> Taak:
    """A task in the traject for a participating organisation (or one of its users).

    The due date is ``vervaldatum`` (chosen by the user), or, with ``regelcode``, the rule's
    term from ``startdatum`` as it applies to the traject's gemeente (e.g. ``plan_deel_2``).
    """
    eis_rol(acting_user, *UITVOERENDE_ROLLEN)
    _eis_deelnemer(traject, acting_user)
    if not traject.is_deelnemer(toegewezen_aan_organisatie):
        raise ValidationError(
            f"{toegewezen_aan_organisatie} neemt geen deel aan dit traject; "
            "voeg de organisatie eerst toe als deelnemer."
        )
    if toegewezen_aan_gebruiker and (
        toegewezen_aan_gebruiker.organisatie_id != toegewezen_aan_organisatie.pk
    ):
        raise ValidationError("De medewerker hoort niet bij de gekozen organisatie.")
    taak = Taak(
        traject=traject,
        naam=naam,
        soort=soort,
        aangemaakt_door=acting_user,
        toegewezen_aan_organisatie_id=toegewezen_aan_organisatie.pk,
        toegewezen_aan_gebruiker=toegewezen_aan_gebruiker,
        prioriteit=prioriteit,
        omschrijving=omschrijving,
    )
    taak.full_clean(exclude=["termijn"])
    taak.save()
    if regelcode:
        taak.termijn = termijnen.open_termijn(
            regelcode,
            onderwerp=taak,
            gemeente=traject.gemeente,
            startdatum=startdatum or timezone.localdate(),
            organisaties={toegewezen_aan_organisatie, acting_user.organisatie},
            acting_user=acting_user,
            omschrijving=f"Taak: {naam}",
        )
        vervaldatum = taak.termijn.vervaldatum
    else:
        taak.termijn = termijnen.open_vrije_termijn(
            vervaldatum=vervaldatum,
            onderwerp=taak,
            gemeente=traject.gemeente,
            organisaties={toegewezen_aan_organisatie, acting_user.organisatie},
            acting_user=acting_user,
            omschrijving=f"Taak: {naam}",
        )
    taak.save(update_fields=["termijn"])
    _geschiedenis(
        taak,
        acting_user,
        "Taak aangemaakt",
        {
            "toegewezen aan": str(toegewezen_aan_gebruiker or toegewezen_aan_organisatie),
            "uiterste datum": vervaldatum.strftime("%d-%m-%Y"),
        },
    )
    audit.log(acting_user, "taak.aangemaakt", taak, client_id=traject.client_id, omschrijving=naam)
    ontvangers = (
        [toegewezen_aan_gebruiker]
        if toegewezen_aan_gebruiker
        else _gebruikers(toegewezen_aan_organisatie)
    )
    meld(ontvangers, titel=f"Nieuwe taak: {naam}", url=reverse("trajecten:taak", args=[taak.pk]))
    return taak


def mag_status_wijzigen(taak: Taak, gebruiker) -> bool:
    betrokken = {taak.toegewezen_aan_organisatie_id, taak.aangemaakt_door.organisatie_id}
    return gebruiker.heeft_rol(*UITVOERENDE_ROLLEN) and gebruiker.organisatie_id in betrokken


@transaction.atomic
def wijzig_taakstatus(
    taak: Taak, *, status: str, acting_user, toelichting: str = "", op: date | None = None
) -> Taak:
    """Move a task on; the assignee's or the creator's organisation may do so.

    ``op``: the day the task was done (closes its deadline on that day; default today).
    """
    taak = (
        Taak.objects.select_for_update(of=("self",))
        .select_related("aangemaakt_door")
        .get(pk=taak.pk)
    )
    if not mag_status_wijzigen(taak, acting_user):
        raise PermissionDenied("U mag de status van deze taak niet wijzigen.")
    if status not in OVERGANGEN.get(taak.status, set()):
        raise ValidationError(
            f"Een taak met status '{taak.get_status_display()}' kan niet naar "
            f"'{TaakStatus(status).label}'."
        )
    oud = taak.get_status_display()
    taak.status = status
    taak.save(update_fields=["status"])
    if taak.termijn_id and status == TaakStatus.AFGEROND:
        termijnen.sluit_termijn(
            taak.termijn, op=op or timezone.localdate(), acting_user=acting_user
        )
    elif taak.termijn_id and status == TaakStatus.GEANNULEERD:
        termijnen.trek_termijn_in(taak.termijn, reden="taak geannuleerd", acting_user=acting_user)
    _geschiedenis(
        taak,
        acting_user,
        f"Status gewijzigd naar {taak.get_status_display()}",
        {"status": [oud, taak.get_status_display()]},
        toelichting,
    )
    audit.log(
        acting_user,
        "taak.status_gewijzigd",
        taak,
        client_id=taak.traject.client_id,
        wijzigingen={"status": [oud, taak.get_status_display()]},
    )
    if taak.status == TaakStatus.AFGEROND and taak.aangemaakt_door != acting_user:
        meld(
            [taak.aangemaakt_door],
            titel=f"Taak afgerond: {taak.naam}",
            url=reverse("trajecten:taak", args=[taak.pk]),
        )
    return taak


@transaction.atomic
def sluit_traject(traject: Traject, *, op: date, reden: str, acting_user) -> Traject:
    """The gemeente closes a traject (e.g. its only melding was withdrawn): the open tasks it
    may change are cancelled with ``reden`` (their deadlines withdrawn; an aanbieder's own task
    stays its own), the traject ends on ``op``."""
    eis_rol(acting_user, Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE)
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    eis_organisatie(
        acting_user, traject.gemeente_id, "Alleen de gemeente van het traject sluit het af."
    )
    if traject.status == TrajectStatus.AFGESLOTEN:
        return traject
    for taak in traject.taken.actief().select_related("aangemaakt_door"):
        if not mag_status_wijzigen(taak, acting_user):
            continue
        wijzig_taakstatus(
            taak, status=TaakStatus.GEANNULEERD, acting_user=acting_user, toelichting=reden
        )
    oud = traject.get_status_display()
    traject.status = TrajectStatus.AFGESLOTEN
    traject.einddatum = max(op, traject.startdatum)
    traject.save(update_fields=["status", "einddatum"])
    audit.log(
        acting_user,
        "traject.afgesloten",
        traject,
        client_id=traject.client_id,
        omschrijving=reden,
        wijzigingen={"status": [oud, traject.get_status_display()]},
    )
    return traject
